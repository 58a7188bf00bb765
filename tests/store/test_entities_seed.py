"""The user's own sample article: what the rules engine must find in it (pinned targets)."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities
from tests.conftest import SEED

TARGETS = {
    "place": [
        "Russia",
        "US",
        "Syria",
        "al-Qahtaniyah",
        "Hasakah",
        "Turkey",
        "Ukraine",
        "Washington",
        "Moscow",
    ],
    "organization": ["AFP", "Islamic State"],
    "person": ["Bashar al-Assad", "Samuel Ramani"],
    "group": ["Russian", "Kurdish", "Syrian"],
    "date": ["October 8", "February 24", "October 10", "2011", "2014", "2015", "2019"],
}


@pytest.fixture(scope="module")
def seed() -> tuple[str, list]:
    text = SEED.read_text(encoding="utf-8")
    return text, find_entities(text)


def _surfaces(text: str, entities: list, type_: str) -> set[str]:
    return {text[s:e] for ent in entities if ent.type == type_ for s, e in ent.mentions}


@pytest.mark.parametrize(("type_", "name"), [(t, n) for t, names in TARGETS.items() for n in names])
def test_seed_target_found_with_its_type(seed: tuple[str, list], type_: str, name: str) -> None:
    text, entities = seed
    assert name in _surfaces(text, entities, type_)


def test_seed_has_at_most_one_false_person_organization_or_place(seed: tuple[str, list]) -> None:
    text, entities = seed
    wanted = {(n, t) for t in ("person", "organization", "place") for n in TARGETS[t]}
    found = {
        (text[s:e], ent.type)
        for ent in entities
        if ent.type in ("person", "organization", "place")
        for s, e in ent.mentions
    }
    assert len(found - wanted) <= 1, sorted(found - wanted)


def test_seed_sentence_openers_are_not_entities(seed: tuple[str, list]) -> None:
    text, entities = seed
    every = {text[s:e] for ent in entities for s, e in ent.mentions}
    for word in ("However", "The", "On Monday", "Troops", "Smiles", "Well", "Meeting", "Some"):
        assert word not in every


def test_seed_groups_monday_and_dates_apart(seed: tuple[str, list]) -> None:
    text, entities = seed
    dates = _surfaces(text, entities, "date")
    assert "Monday" in dates and "this year" not in dates


def test_seed_most_mentioned_first(seed: tuple[str, list]) -> None:
    _text, entities = seed
    counts = [e.count for e in entities]
    assert counts == sorted(counts, reverse=True)
    assert "Russia" in [e.text for e in entities[:3]]
    us = next(e for e in entities if e.text == "US")
    assert us.count == 5  # "US soldiers", "Russia-US", "the US" (twice), "US forces"
