"""The library's schema version and the migrations that bring older libraries up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import LibraryError

SCHEMA_VERSION = 1
META_TABLE = "_meta"
ARTICLES = "articles"
NOTES = "notes"
CORRECTIONS = "entity_corrections"

Tables = dict[str, Any]

# MIGRATIONS[n] turns a version-n library into a version n+1 library, in place.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def schema_version(data: Tables) -> int | None:
    """The version a library's data declares; ``None`` for a new, empty library."""
    meta = data.get(META_TABLE) or {}
    for record in meta.values():
        if isinstance(record, dict) and "schema" in record:
            return int(record["schema"])
    if any(data.get(name) for name in (ARTICLES, NOTES, CORRECTIONS)):
        raise LibraryError("the library has data but no schema version; run 'apostil doctor'")
    return None


def check_supported(version: int | None, where: str) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise LibraryError(
            f"the library {where} has schema version {version}, newer than this apostil "
            f"understands ({SCHEMA_VERSION}); it was left untouched; upgrade apostil"
        )
    if version is not None and version < 1:
        raise LibraryError(f"the library {where} has an invalid schema version {version}")


def migrate(data: Tables, version: int) -> Tables:
    """Apply every migration from ``version`` up to ``SCHEMA_VERSION``."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](data)
        version += 1
    set_schema_version(data, SCHEMA_VERSION)
    return data


def set_schema_version(data: Tables, version: int) -> None:
    data[META_TABLE] = {"1": {"schema": version}}
