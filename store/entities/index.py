"""Look-ups over entities: per article for the reader, across articles for the library."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..model import Entity


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class EntityIndex:
    """Cheap questions about one article's entities, answered by bisect on mention starts.

    Mentions are expected not to overlap (the engine guarantees it); if some do, the later
    one is left out of the positional look-ups.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = list(entities)
        rows = sorted(
            ((s, e, ent) for ent in self.entities for s, e in ent.mentions if e > s),
            key=lambda r: (r[0], -r[1]),
        )
        self._rows: list[tuple[int, int, Entity]] = []
        for row in rows:
            if self._rows and row[0] < self._rows[-1][1]:
                continue
            self._rows.append(row)
        self._starts = [r[0] for r in self._rows]
        self._ends = [r[1] for r in self._rows]
        self._by_name: dict[str, Entity] = {}
        for ent in self.entities:
            self._by_name.setdefault(_key(ent.text), ent)
        for ent in self.entities:
            for alias in ent.aliases:
                self._by_name.setdefault(_key(alias), ent)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, entity_text: str) -> Entity | None:
        """The entity named (or aliased) ``entity_text``, case-insensitively."""
        return self._by_name.get(_key(entity_text))

    def mentions_of(self, entity_text: str) -> list[tuple[int, int]]:
        """Every ``(start, end)`` of the entity named or aliased ``entity_text``."""
        ent = self.get(entity_text)
        return list(ent.mentions) if ent is not None else []

    def entities_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping ``[start, end)``, in text order."""
        i = bisect.bisect_right(self._ends, start)
        out = []
        while i < len(self._rows) and self._rows[i][0] < end:
            out.append(self._rows[i])
            i += 1
        return out

    def entity_at(self, offset: int) -> tuple[int, int, Entity] | None:
        """The mention covering ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._rows[i][0] <= offset < self._rows[i][1]:
            return self._rows[i]
        return None

    def next_mention(self, offset: int) -> tuple[int, int, Entity] | None:
        """The first mention starting after ``offset`` (for "jump to next entity")."""
        i = bisect.bisect_right(self._starts, offset)
        return self._rows[i] if i < len(self._rows) else None


def library_index(articles: Iterable[tuple[str, str, list[Entity]]]) -> list[dict]:
    """Entities across articles: ``(article_id, title, entities)`` in, one dict per entity out.

    Entities of the same type whose names or aliases match (case-insensitively) are one
    entry. Each entry: ``text``, ``type``, ``aliases``, ``articles`` (ids, in the order
    given), ``titles`` (article id -> title), ``count`` (mentions in all), ``article_count``.
    Sorted by article count, then mention count, then name.
    """
    entries: list[dict] = []
    by_name: dict[tuple[str, str], int] = {}
    for article_id, title, entities in articles:
        for ent in entities:
            names = [ent.text, *ent.aliases]
            slot = next(
                (by_name[(ent.type, _key(n))] for n in names if (ent.type, _key(n)) in by_name),
                None,
            )
            if slot is None:
                slot = len(entries)
                entries.append(
                    {
                        "text": ent.text,
                        "type": ent.type,
                        "aliases": [],
                        "articles": [],
                        "titles": {},
                        "count": 0,
                        "article_count": 0,
                    }
                )
            entry = entries[slot]
            for n in names:
                by_name.setdefault((ent.type, _key(n)), slot)
                if _key(n) != _key(entry["text"]) and all(
                    _key(a) != _key(n) for a in entry["aliases"]
                ):
                    entry["aliases"].append(n)
            if len(ent.text) > len(entry["text"]) and ent.type == "person":
                entry["aliases"] = [a for a in entry["aliases"] if _key(a) != _key(ent.text)]
                entry["aliases"].append(entry["text"])
                entry["text"] = ent.text
            if article_id not in entry["titles"]:
                entry["articles"].append(article_id)
                entry["titles"][article_id] = title
            entry["count"] += ent.count
    for entry in entries:
        entry["article_count"] = len(entry["articles"])
    entries.sort(key=lambda e: (-e["article_count"], -e["count"], e["text"].casefold()))
    return entries
