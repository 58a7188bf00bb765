"""The ``apostil`` subcommands, one module per family.

Only the module of the command being run is imported, so ``apostil list`` does not pay for
the Markdown exporter or the entity engine. ``COMMAND_INDEX`` names every command's module
and its one-line help (for ``apostil --help``); each module's ``COMMANDS`` holds the rest.
"""

from __future__ import annotations

import importlib

from ._base import Command, Context

COMMAND_INDEX: dict[str, tuple[str, str]] = {
    "import": ("articles", "import articles into the library"),
    "list": ("articles", "list the articles in the library"),
    "text": ("articles", "print an article's text (the coordinates of every note)"),
    "tag": ("articles", "add or remove an article's tags"),
    "note": ("notes", "attach a note to a quoted passage"),
    "notes": ("notes", "list and search notes"),
    "edit-note": ("notes", "change a note's text or tags"),
    "rm-note": ("notes", "remove a note"),
    "reattach": ("notes", "re-attach an orphaned note to a passage"),
    "entities": ("entities", "list the people, places, organisations, groups and dates"),
    "entity": ("entities", "correct entities: add, retype, hide, merge, list, rm"),
    "export": ("exporting", "export notes to Markdown or Web Annotation JSON"),
    "import-notes": ("exporting", "import notes from a Web Annotation or Hypothesis JSON file"),
    "doctor": ("maintenance", "check the library; restore a backup"),
}


def load_command(name: str) -> Command:
    """The command ``name``, importing its module."""
    module = importlib.import_module(f".{COMMAND_INDEX[name][0]}", __name__)
    return next(c for c in module.COMMANDS if c.name == name)


def all_commands() -> list[Command]:
    return [load_command(name) for name in COMMAND_INDEX]


__all__ = ["COMMAND_INDEX", "Command", "Context", "all_commands", "load_command"]
