"""Entities of an article: people, organisations, places, groups, dates and named things.

The default engine (``rules``) works offline from general-knowledge lists and rules; its
lists are built on first use, never at import. See ``engine.find_entities``.
"""

from __future__ import annotations

from .cache import EntityCache, FileEntityCache, MemoryEntityCache
from .corrections import apply_corrections, corrections_version
from .engine import (
    EngineUnavailable,
    EntitiesCancelled,
    available_engines,
    find_entities,
)
from .index import EntityIndex, library_index

__all__ = [
    "EngineUnavailable",
    "EntitiesCancelled",
    "EntityCache",
    "EntityIndex",
    "FileEntityCache",
    "MemoryEntityCache",
    "apply_corrections",
    "available_engines",
    "corrections_version",
    "find_entities",
    "library_index",
]
