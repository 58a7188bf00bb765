"""The spaCy adapter, tested with spacy.blank("en") and an EntityRuler (no model download)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from apostil.store.entities.gazetteer import gazetteer  # noqa: E402
from apostil.store.entities.spacy_engine import SpacyEngine, combine, map_label  # noqa: E402

TEXT = (
    "Yesterday the Acme Widgets board met Jane Roe in Ruritania. "
    "Acme Widgets said on Monday that Ruritanian officials agreed."
)


@pytest.fixture(scope="module")
def engine() -> SpacyEngine:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "the Acme Widgets"},
            {"label": "ORG", "pattern": "Acme Widgets"},
            {"label": "PERSON", "pattern": "Jane Roe"},
            {"label": "GPE", "pattern": "Ruritania"},
            {"label": "NORP", "pattern": "Ruritanian"},
            {"label": "DATE", "pattern": "Monday"},
            {"label": "CARDINAL", "pattern": "Yesterday"},
        ]
    )
    return SpacyEngine(nlp)


def test_labels_map_to_our_types() -> None:
    assert map_label("PERSON") == "person"
    assert map_label("ORG") == "organization"
    assert map_label("GPE") == map_label("LOC") == map_label("FAC") == "place"
    assert map_label("NORP") == "group"
    assert map_label("DATE") == "date"
    assert map_label("EVENT") == "misc"
    assert map_label("CARDINAL") is None


def test_spacy_alone_groups_and_trims(engine: SpacyEngine) -> None:
    entities = {e.text: e for e in engine.find(TEXT)}
    assert entities["Acme Widgets"].type == "organization"
    assert entities["Acme Widgets"].count == 2  # "the" trimmed, so both mentions group
    assert entities["Jane Roe"].type == "person"
    assert entities["Ruritania"].type == "place"
    assert entities["Ruritanian"].type == "group"
    assert entities["Monday"].type == "date"
    assert "Yesterday" not in entities
    for e in entities.values():
        for s, t in e.mentions:
            assert TEXT[s:t] in (e.text, *e.aliases)


def test_candidates_use_offsets_into_the_whole_text(engine: SpacyEngine) -> None:
    start = TEXT.index("Acme Widgets said")
    cands = engine.candidates(TEXT, start, len(TEXT))
    assert [TEXT[c.start : c.end] for c in cands] == ["Acme Widgets", "Monday", "Ruritanian"]


def test_auto_combines_rules_and_spacy(engine: SpacyEngine) -> None:
    from apostil.store.entities.dates import find_dates
    from apostil.store.entities.rules import classify

    text = "Jane Roe met officials of Acme Widgets in Ruritania and Moscow on Monday."
    dates = find_dates(text)
    rules = classify(text, dates, gazetteer(), [(0, len(text))])
    found = {
        e.text: e.type
        for e in combine(
            "auto", rules, engine.candidates(text, 0, len(text)), dates, text, gazetteer()
        )
    }
    assert found["Acme Widgets"] == "organization"  # from spaCy: no rule knows it
    assert found["Moscow"] == "place"  # from the rules: the ruler does not know it
    assert found["Monday"] == "date"
    spans = sorted(text.index(n) for n in found)
    assert len(spans) == len(set(spans))
