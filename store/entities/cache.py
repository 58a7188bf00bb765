"""Caching entity results per article content, engine and corrections version.

Two implementations share one small interface (``get``/``put``), tinydb-style: one in
memory, one as JSON files ``cache_dir/entities/{engine}-{content_hash}.json``, written
atomically (temp file + ``os.replace``). A file holds one result per article and engine;
a result found for another corrections version or engine version is a miss.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Protocol

from ..model import ENTITY_TYPES, Entity

CACHE_FORMAT = 2  # 2: mentions stored flat [s0, e0, s1, e1, ...] (parses ~10x faster)


class EntityCache(Protocol):
    def get(self, engine: str, content_hash: str, corrections: str) -> list[Entity] | None: ...

    def put(
        self, engine: str, content_hash: str, corrections: str, entities: list[Entity]
    ) -> None: ...


def entity_to_record(entity: Entity) -> dict[str, Any]:
    return {
        "text": entity.text,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "spans": [offset for m in entity.mentions for offset in m],
        "origin": entity.origin,
    }


def entity_from_record(raw: dict[str, Any]) -> Entity:
    type_ = raw["type"]
    if type_ not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {type_!r}")
    return Entity(
        text=str(raw["text"]),
        type=type_,
        mentions=_pairs(raw["spans"]),
        aliases=tuple(str(a) for a in raw.get("aliases", ())),
        origin=str(raw.get("origin", "engine")),
    )


def _pairs(flat: list[int]) -> tuple[tuple[int, int], ...]:
    if len(flat) % 2 or not all(type(x) is int for x in flat):
        raise ValueError("bad mention offsets")
    it = iter(flat)
    return tuple(zip(it, it, strict=True))


def _engine_version() -> str:
    from .engine import ENGINE_VERSION

    return ENGINE_VERSION


class MemoryEntityCache:
    """Results kept for the life of the process (the app's default)."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str, str, str], list[Entity]] = {}

    def get(self, engine: str, content_hash: str, corrections: str) -> list[Entity] | None:
        hit = self._data.get((engine, content_hash, corrections, _engine_version()))
        return list(hit) if hit is not None else None

    def put(self, engine: str, content_hash: str, corrections: str, entities: list[Entity]) -> None:
        self._data[(engine, content_hash, corrections, _engine_version())] = list(entities)

    def __len__(self) -> int:
        return len(self._data)


class FileEntityCache:
    """Results kept as JSON files under ``cache_dir / "entities"``."""

    def __init__(self, cache_dir: Path | str) -> None:
        self.dir = Path(cache_dir) / "entities"

    def path(self, engine: str, content_hash: str) -> Path:
        safe = "".join(ch for ch in content_hash if ch.isalnum())[:128] or "empty"
        return self.dir / f"{engine}-{safe}.json"

    def get(self, engine: str, content_hash: str, corrections: str) -> list[Entity] | None:
        import orjson

        try:
            raw = orjson.loads(self.path(engine, content_hash).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        try:
            if (
                raw.get("format") != CACHE_FORMAT
                or raw.get("engine_version") != _engine_version()
                or raw.get("corrections") != corrections
            ):
                return None
            return [entity_from_record(r) for r in raw["entities"]]
        except (AttributeError, KeyError, TypeError, ValueError):
            return None  # a damaged cache file is a miss; the next put replaces it

    def put(self, engine: str, content_hash: str, corrections: str, entities: list[Entity]) -> None:
        import orjson

        record = {
            "format": CACHE_FORMAT,
            "engine": engine,
            "engine_version": _engine_version(),
            "content_hash": content_hash,
            "corrections": corrections,
            "entities": [entity_to_record(e) for e in entities],
        }
        target = self.path(engine, content_hash)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.dir)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(orjson.dumps(record))
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return  # a cache that cannot be written is only slower, never an error
