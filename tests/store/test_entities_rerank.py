"""The reranking pass: a linear model rechecks the type of each name the rules found."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apostil.store.entities import rerank
from apostil.store.entities.gazetteer import gazetteer
from apostil.store.entities.rules import CONTEXT, Candidate
from tests.gold.scoring import gold_articles, normalise
from tests.store.entity_support import found_reranked

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location(
        "train_reranker", ROOT / "scripts" / "train_reranker.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model(weights: dict[str, list[float]], margin: float = 0.0) -> rerank.Model:
    labels = rerank.LABELS
    return rerank.Model(
        labels=labels,
        bias=tuple(0.0 for _ in labels),
        weights={f: tuple(w) for f, w in weights.items()},
        margin=margin,
    )


def _row(**by_label: float) -> list[float]:
    return [by_label.get(label, 0.0) for label in rerank.LABELS]


TEXT = "Officials in Varnholt said the Kelmora plant would close."


def _cands() -> list[Candidate]:
    varnholt = TEXT.index("Varnholt")
    kelmora = TEXT.index("Kelmora")
    return [
        Candidate(varnholt, varnholt + 8, "Varnholt", "place", CONTEXT),
        Candidate(kelmora, kelmora + 7, "Kelmora", None, 0),
    ]


def test_without_a_model_untyped_pieces_are_dropped_and_types_stand() -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rerank, "default_model", lambda: None)
        out = rerank.rerank(_cands(), TEXT, gazetteer())
    assert [(c.surface, c.type) for c in out] == [("Varnholt", "place")]


def test_the_model_types_an_untyped_piece_from_the_words_around_it() -> None:
    model = _model({"n1=plant": _row(organization=3.0)})
    out = rerank.rerank(_cands(), TEXT, gazetteer(), model)
    assert [(c.surface, c.type) for c in out] == [
        ("Varnholt", "place"),
        ("Kelmora", "organization"),
    ]


def test_the_model_can_drop_a_name_the_rules_typed() -> None:
    model = _model({"p1=in": _row(none=5.0)})
    out = rerank.rerank(_cands(), TEXT, gazetteer(), model)
    assert [c.surface for c in out] == []


def test_a_margin_keeps_the_rules_type_unless_the_model_is_sure() -> None:
    weights = {"t=place": _row(organization=0.3, place=0.1)}
    unsure = rerank.rerank(_cands(), TEXT, gazetteer(), _model(weights, margin=0.5))
    assert [(c.surface, c.type) for c in unsure] == [("Varnholt", "place")]
    sure = rerank.rerank(_cands(), TEXT, gazetteer(), _model(weights, margin=0.0))
    assert [(c.surface, c.type) for c in sure] == [("Varnholt", "organization")]


def test_every_mention_of_a_form_gets_the_same_decision() -> None:
    text = "Kelmora rose. Shares of Kelmora fell, and Kelmora said nothing."
    starts = [i for i in range(len(text)) if text.startswith("Kelmora", i)]
    cands = [Candidate(s, s + 7, "Kelmora", None, 0) for s in starts]
    model = _model({"n1=said": _row(organization=4.0)})
    out = rerank.rerank(cands, text, gazetteer(), model)
    assert [c.type for c in out] == ["organization"] * 3


def test_features_are_words_shapes_and_context_not_offsets() -> None:
    cands = _cands()
    feats = rerank.features([cands[1]], TEXT, rerank.lowercase_words(TEXT), gazetteer())
    assert {"t=none", "p1=the", "n1=plant", "n=1", "c=1"} <= feats
    moved = "Later. " + TEXT
    shifted = [Candidate(c.start + 7, c.end + 7, c.surface, c.type, c.score) for c in cands]
    assert rerank.features([shifted[1]], moved, rerank.lowercase_words(moved), gazetteer()) == feats


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "Funds flowed into Tallis Asset Management this year, its chief executive said. "
            "Tallis Asset Management manages $4 billion for pension funds in Norway.",
            "Tallis Asset Management",
            "organization",
        ),
        (
            "The budget now goes to Congress. Congress approved the money in May, and the "
            "Senate followed.",
            "Congress",
            "organization",
        ),
        (
            "Rescuers flew a Mi-8 over the valley on Monday. The Mi-8 landed near the camp.",
            "Mi-8",
            "misc",
        ),
        (
            "Halvorsen Tre, a timber group based in Bergen, said profits fell. Halvorsen Tre "
            "employs 900 people in Norway.",
            "Norway",
            "place",
        ),
    ],
)
def test_names_in_running_text_keep_their_types(text: str, name: str, type_: str) -> None:
    assert found_reranked(text).get(name) == type_


def test_the_shipped_model_was_trained_on_the_whole_tuning_set() -> None:
    raw = json.loads(
        (ROOT / "store" / "entities" / "data" / "rerank.json").read_text(encoding="utf-8")
    )
    assert raw["trained_on"] == len(gold_articles(False)), "run scripts/train_reranker.py"
    assert raw["min_articles"] >= 3
    assert sorted(raw["labels"]) == sorted(rerank.LABELS)
    model = rerank.default_model()
    assert model is not None and len(model.weights) == len(raw["weights"])
    assert all(len(row) == len(rerank.LABELS) for row in model.weights.values())


def test_training_labels_follow_the_gold() -> None:
    script = _script()
    gold = {("kelmora", "organization"), ("varnholt", "place")}
    assert script.label("varnholt", "place", gold) == "place"
    assert script.label("kelmora", None, gold) == "organization"
    assert script.label("kelmora", "person", gold) == "organization"
    assert script.label("officials", None, gold) == "none"


def test_training_keeps_only_features_seen_in_several_articles() -> None:
    script = _script()
    rows = [
        ("a", {"n1=said", "wl=kelmora"}, "organization"),
        ("b", {"n1=said"}, "organization"),
        ("c", {"n1=said", "wl=kelmora"}, "none"),
        ("c", {"wl=kelmora"}, "none"),
    ]
    assert script.recurring(rows, 3) == {"n1=said"}


@given(st.text(alphabet=st.sampled_from("Aa’'‘–—- THEthe s\u00e9"), max_size=30))
def test_forms_are_judged_as_the_scorer_counts_them(surface: str) -> None:
    # The scorer keeps its own copy on purpose (a change to the engine must not change how
    # it is scored); the reranker learns per scored form, so the two must agree.
    assert rerank.surface_key(surface) == normalise(surface)
