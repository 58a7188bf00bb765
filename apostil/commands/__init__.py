"""The ``apostil`` subcommands, one module per family; each exposes ``Command`` objects."""

from __future__ import annotations

from ._base import Command, Context
from .articles import ARTICLE_COMMANDS
from .entities import ENTITY_COMMANDS
from .exporting import EXPORT_COMMANDS
from .maintenance import MAINTENANCE_COMMANDS
from .notes import NOTE_COMMANDS

COMMANDS: list[Command] = [
    *ARTICLE_COMMANDS,
    *NOTE_COMMANDS,
    *ENTITY_COMMANDS,
    *EXPORT_COMMANDS,
    *MAINTENANCE_COMMANDS,
]

__all__ = ["COMMANDS", "Command", "Context"]
