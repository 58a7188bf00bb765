"""Look-ups for the reader and the library, and the entity cache."""

from __future__ import annotations

import json

import pytest

from apostil.store.entities import (
    EntityIndex,
    FileEntityCache,
    MemoryEntityCache,
    find_entities,
    library_index,
)
from apostil.store.model import Entity, text_hash

TEXT = (
    "President Bashar al-Assad met officials in Damascus on Monday. "
    "Assad later flew to Moscow. Moscow welcomed him."
)


@pytest.fixture
def index() -> EntityIndex:
    return EntityIndex(find_entities(TEXT))


def test_mentions_of_by_name_or_alias(index: EntityIndex) -> None:
    spans = index.mentions_of("Bashar al-Assad")
    assert [TEXT[s:e] for s, e in spans] == ["Bashar al-Assad", "Assad"]
    assert index.mentions_of("assad") == spans
    assert index.mentions_of("Nobody") == []


def test_entity_at_and_entities_in(index: EntityIndex) -> None:
    pos = TEXT.index("Damascus") + 3
    start, end, ent = index.entity_at(pos)
    assert TEXT[start:end] == "Damascus" and ent.type == "place"
    assert index.entity_at(0) is None  # "President" is a title, not a mention
    hits = index.entities_in(TEXT.index("Assad later"), len(TEXT))
    assert [TEXT[s:e] for s, e, _ in hits] == ["Assad", "Moscow", "Moscow"]
    assert index.entities_in(5, 6) == []
    # a range cutting into a mention still finds it
    cut = TEXT.index("Damascus") + 2
    assert [TEXT[s:e] for s, e, _ in index.entities_in(cut, cut + 1)] == ["Damascus"]


def test_next_mention(index: EntityIndex) -> None:
    start, end, _ = index.next_mention(TEXT.index("Damascus"))
    assert TEXT[start:end] == "Monday"


def test_index_over_overlapping_entities_keeps_lookups_sane() -> None:
    a = Entity("Rotterdam Port", "place", ((0, 14),))
    b = Entity("Port", "misc", ((10, 14), (20, 24)))
    index = EntityIndex([a, b])
    assert [e.text for _, _, e in index.entities_in(0, 30)] == ["Rotterdam Port", "Port"]


def test_library_index_merges_across_articles() -> None:
    one = find_entities(TEXT)
    two = find_entities("Assad spoke. Bashar al-Assad then met Putin in Moscow on Friday.")
    rows = library_index([("a1", "First", one), ("a2", "Second", two)])
    assad = next(r for r in rows if r["text"] == "Bashar al-Assad")
    assert assad["articles"] == ["a1", "a2"] and assad["article_count"] == 2
    assert assad["count"] == 4 and "Assad" in assad["aliases"]
    assert assad["titles"] == {"a1": "First", "a2": "Second"}
    assert rows[0]["article_count"] == 2
    moscow = next(r for r in rows if r["text"] == "Moscow")
    assert moscow["count"] == 3


@pytest.fixture(params=["memory", "file"])
def cache(request: pytest.FixtureRequest, tmp_path):
    return MemoryEntityCache() if request.param == "memory" else FileEntityCache(tmp_path)


def test_cache_hit_returns_the_same_entities_without_running_the_engine(cache, monkeypatch) -> None:
    first = find_entities(TEXT, cache=cache)
    import apostil.store.entities.engine as engine

    def boom(*_a, **_k):
        raise AssertionError("engine ran on a cache hit")

    monkeypatch.setattr(engine, "_run_engine", boom)
    assert find_entities(TEXT, cache=cache) == first
    assert find_entities(TEXT, cache=cache, content_hash=text_hash(TEXT)) == first


def test_cache_misses_when_corrections_change(cache) -> None:
    find_entities(TEXT, cache=cache)
    fixes = [{"action": "hide", "text": "Moscow"}]
    assert all(e.text != "Moscow" for e in find_entities(TEXT, cache=cache, corrections=fixes))
    assert any(e.text == "Moscow" for e in find_entities(TEXT, cache=cache))


def test_file_cache_layout_atomic_and_damage_tolerant(tmp_path) -> None:
    cache = FileEntityCache(tmp_path)
    find_entities(TEXT, cache=cache)
    path = tmp_path / "entities" / f"rules-{text_hash(TEXT)}.json"
    assert path.exists()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp")]
    record = json.loads(path.read_text())
    assert record["content_hash"] == text_hash(TEXT) and record["entities"]
    path.write_text("{not json")
    assert cache.get("rules", text_hash(TEXT), "none") is None
    assert find_entities(TEXT, cache=cache)  # recomputed and rewritten
    assert cache.get("rules", text_hash(TEXT), "none") is not None


def test_file_cache_in_unwritable_place_is_only_slower(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = FileEntityCache(blocker)  # entities/ cannot be created under a file
    assert find_entities(TEXT, cache=cache)
