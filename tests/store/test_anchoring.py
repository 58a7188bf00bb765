"""Anchoring notes and keeping them on the right passage when the article's text changes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apostil.store.anchoring import locate_quote, make_anchor, reanchor, reanchor_all, reattach
from apostil.store.errors import QuoteNotFound
from apostil.store.model import Note, quote_selector, text_hash

TEXT = (
    "Robin Hood lived in Sherwood Forest with his band of merry men.\n\n"
    "The sheriff of Nottingham hunted Robin for years, but Robin always escaped.\n\n"
    "Little John once fought Robin on a narrow bridge over a stream; Robin fell in the water."
)


def note_on(text: str, quote: str, occurrence: int = 1, note_id: str = "n1") -> Note:
    start, end = locate_quote(text, quote, occurrence)
    return Note(id=note_id, article_id="a1", note="a note", **make_anchor(text, start, end))


def assert_anchored(note: Note, text: str) -> None:
    assert not note.orphaned
    assert text[note.start : note.end] == note.quote
    assert (note.prefix, note.quote, note.suffix) == quote_selector(text, note.start, note.end)
    assert note.text_hash == text_hash(text)


# --- locate_quote ---------------------------------------------------------------------------


def test_locate_quote_finds_the_first_occurrence_by_default():
    start, end = locate_quote(TEXT, "Robin")
    assert (start, end) == (0, 5)


def test_locate_quote_counts_occurrences_in_text_order():
    start, end = locate_quote(TEXT, "Robin", occurrence=3)
    assert TEXT[start:end] == "Robin"
    assert TEXT[start - 11 : start] == "years, but "


def test_locate_quote_reports_how_many_occurrences_there_are():
    with pytest.raises(QuoteNotFound, match="occurs only 5 times") as error:
        locate_quote(TEXT, "Robin", occurrence=9)
    assert "\n" not in str(error.value)


def test_locate_quote_reports_a_missing_quote():
    with pytest.raises(QuoteNotFound, match="'Maid Marian' does not occur"):
        locate_quote(TEXT, "Maid Marian")


@pytest.mark.parametrize("quote", ["", "   "])
def test_locate_quote_rejects_an_empty_quote(quote):
    with pytest.raises(QuoteNotFound, match="empty"):
        locate_quote(TEXT, quote)


def test_locate_quote_rejects_occurrence_zero():
    with pytest.raises(QuoteNotFound):
        locate_quote(TEXT, "Robin", occurrence=0)


def test_locate_quote_matches_a_line_break_with_a_typed_space():
    start, end = locate_quote(TEXT, "merry men. The sheriff")
    assert TEXT[start:end] == "merry men.\n\nThe sheriff"


def test_locate_quote_is_case_sensitive():
    with pytest.raises(QuoteNotFound):
        locate_quote(TEXT, "robin hood")


# --- make_anchor ----------------------------------------------------------------------------


def test_make_anchor_gives_quote_context_and_hash():
    anchor = make_anchor(TEXT, 20, 36)
    assert anchor["quote"] == TEXT[20:36]
    assert anchor["prefix"] == TEXT[0:20]
    assert anchor["suffix"] == TEXT[36:68]
    assert anchor["text_hash"] == text_hash(TEXT)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (10, len(TEXT) + 1), (9, 3)])
def test_make_anchor_rejects_a_bad_span(start, end):
    with pytest.raises(ValueError):
        make_anchor(TEXT, start, end)


# --- reanchor: each path ----------------------------------------------------------------------


def test_reanchor_on_the_same_text_changes_nothing():
    note = note_on(TEXT, "narrow bridge")
    assert reanchor(note, TEXT) is note


def test_an_edit_after_the_quote_keeps_it_exact():
    note = note_on(TEXT, "merry men")
    new_text = TEXT.replace("fell in the water", "fell into the cold water")
    moved = reanchor(note, new_text)
    assert moved.anchor == "exact"
    assert (moved.start, moved.end) == (note.start, note.end)
    assert_anchored(moved, new_text)


def test_an_insertion_before_the_quote_moves_it():
    note = note_on(TEXT, "narrow bridge")
    new_text = "A legend.\n\n" + TEXT
    moved = reanchor(note, new_text)
    assert moved.anchor == "moved"
    assert moved.start == note.start + len("A legend.\n\n")
    assert_anchored(moved, new_text)


def test_a_short_quote_follows_its_own_context_among_many():
    note = note_on(TEXT, "Robin", occurrence=4)  # "fought Robin on a narrow bridge"
    new_text = TEXT.replace("Sherwood Forest", "the great forest of Sherwood")
    moved = reanchor(note, new_text)
    assert moved.anchor == "moved"
    assert new_text[moved.start - 7 : moved.end + 5] == "fought Robin on a"
    assert_anchored(moved, new_text)


def test_a_deleted_short_quote_never_jumps_to_another_occurrence():
    # hypothesis/h#2798: a note on one "Robin" must not land on another "Robin"
    note = note_on(TEXT, "Robin", occurrence=4)
    new_text = TEXT.replace("Little John once fought Robin on", "Little John once fought a man on")
    result = reanchor(note, new_text)
    assert result.orphaned
    assert (result.quote, result.prefix, result.suffix) == (note.quote, note.prefix, note.suffix)


def test_an_edited_quote_is_re_anchored_approximately():
    note = note_on(TEXT, "hunted Robin for years, but Robin always escaped")
    new_text = TEXT.replace("always escaped", "nearly always escaped")
    moved = reanchor(note, new_text)
    assert moved.anchor == "approximate"
    assert moved.quote == "hunted Robin for years, but Robin nearly always escaped"
    assert_anchored(moved, new_text)


def test_a_deleted_passage_orphans_the_note_and_keeps_its_selectors():
    note = note_on(TEXT, "Little John once fought Robin on a narrow bridge")
    new_text = TEXT.split("\n\nLittle John")[0]
    result = reanchor(note, new_text)
    assert result.orphaned
    assert dataclasses.replace(result, anchor="exact") == note


def test_an_orphan_comes_back_when_the_text_is_restored():
    note = note_on(TEXT, "narrow bridge")
    orphan = reanchor(note, TEXT.replace("narrow bridge", "wide ford"))
    assert orphan.orphaned
    assert reanchor(orphan, TEXT) == note


def test_an_orphan_stays_the_same_orphan_on_the_same_new_text():
    note = note_on(TEXT, "narrow bridge")
    new_text = TEXT.replace("narrow bridge", "wide ford")
    orphan = reanchor(note, new_text)
    assert reanchor(orphan, new_text) == orphan


PARAGRAPH = "The bell rang twice at noon, and the whole village came out to listen."
TWIN_TEXT = f"Intro.\n\n{PARAGRAPH}\n\nMiddle part of the story.\n\n{PARAGRAPH}\n\nEnd."


def test_identical_paragraphs_without_the_old_text_orphan_rather_than_guess():
    note = note_on(TWIN_TEXT, "rang twice", occurrence=2)
    result = reanchor(note, "Extra line.\n\n" + TWIN_TEXT)
    assert result.orphaned


def test_identical_paragraphs_are_told_apart_by_the_old_text():
    note = note_on(TWIN_TEXT, "rang twice", occurrence=2)
    new_text = "Extra line.\n\n" + TWIN_TEXT.replace("Middle part", "The middle part")
    moved = reanchor(note, new_text, old_text=TWIN_TEXT)
    assert moved.start == new_text.rindex("rang twice")
    assert_anchored(moved, new_text)


def test_a_wrong_old_text_is_ignored():
    note = note_on(TWIN_TEXT, "rang twice", occurrence=2)
    result = reanchor(note, "Extra.\n\n" + TWIN_TEXT, old_text="something else entirely")
    assert result.orphaned


def test_a_moved_heading_keeps_its_note():
    heading, first, last = "The workers' position", "First paragraph.", "The workers' union spoke."
    text = "\n\n".join(["Title", first, heading, last])
    note = note_on(text, "workers'", occurrence=1)
    new_text = "\n\n".join(["Title", heading, first, last])
    moved = reanchor(note, new_text)
    assert not moved.orphaned
    assert new_text[moved.start : moved.end + 9] == "workers' position"


def test_reanchor_all_handles_every_note():
    notes = [note_on(TEXT, "merry men", note_id="a"), note_on(TEXT, "narrow bridge", note_id="b")]
    new_text = "Prologue.\n\n" + TEXT.replace("narrow bridge", "wide ford")
    first, second = reanchor_all(notes, new_text)
    assert_anchored(first, new_text)
    assert second.orphaned


def test_reattach_anchors_an_orphan_on_the_chosen_occurrence():
    note = note_on(TEXT, "narrow bridge")
    orphan = dataclasses.replace(note, anchor="orphaned")
    attached = reattach(orphan, TEXT, "Robin", occurrence=2, updated="2026-01-01T00:00:00Z")
    assert attached.anchor == "exact"
    assert attached.start == locate_quote(TEXT, "Robin", 2)[0]
    assert attached.updated == "2026-01-01T00:00:00Z"
    assert attached.note == note.note
    assert_anchored(attached, TEXT)


def test_reattach_raises_for_a_missing_quote():
    with pytest.raises(QuoteNotFound):
        reattach(note_on(TEXT, "Robin"), TEXT, "Friar Tuck")


def test_an_imported_note_without_hash_is_placed_by_its_quote():
    text = "Intro here.\n\n" + TEXT
    imported = Note(
        id="x",
        article_id="a1",
        start=0,
        end=13,
        quote="narrow bridge",
        prefix="fought Robin on a ",
        suffix=" over a stream",
        text_hash="",
    )
    placed = reanchor(imported, text)
    assert placed.anchor == "moved"
    assert_anchored(placed, text)


# --- properties -----------------------------------------------------------------------------

WORDS = [
    f"{a}{b}"
    for a in ("bar", "cor", "den", "fil", "gam", "hul", "jis", "kro")
    for b in ("ax", "eb", "ic", "od", "up", "ys", "aw", "el", "im", "on")
]
FILLER = ["ZETA", "OMEGA", "KAPPA", "SIGMA", "THETA"]


@st.composite
def text_and_span(draw, alphabet=None):
    if alphabet is None:
        words = draw(st.permutations(WORDS))[: draw(st.integers(8, len(WORDS)))]
        text = " ".join(words)
    else:
        text = draw(st.text(alphabet, min_size=1, max_size=200))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 60)))
    return text, start, end


@given(text_and_span(alphabet=st.characters(codec="utf-8")))
def test_reanchoring_on_the_unchanged_text_is_the_identity(case):
    text, start, end = case
    note = Note(id="n", article_id="a", **make_anchor(text, start, end))
    assert reanchor(note, text) == note


@settings(max_examples=200)
@given(
    text_and_span(),
    st.lists(
        st.tuples(
            st.booleans(),
            st.floats(0, 1),
            st.lists(st.sampled_from(FILLER), min_size=1, max_size=5),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_edits_away_from_the_quote_keep_the_note_on_the_same_words(case, edits):
    text, start, end = case
    note = Note(id="n", article_id="a", **make_anchor(text, start, end))
    # track every character: (char, original index or -1)
    chars = [(ch, i) for i, ch in enumerate(text)]
    for insert, where, filler in edits:
        positions = [i for i, (_, orig) in enumerate(chars) if orig == start]
        here = positions[0]
        span = end - start
        lo, hi = here - 40, here + span + 40
        if insert:
            outside = [p for p in range(len(chars) + 1) if p <= lo or p >= hi]
            if outside:
                p = outside[int(where * (len(outside) - 1))]
                chars[p:p] = [(ch, -1) for ch in " " + " ".join(filler) + " "]
        else:
            before = max(0, lo)
            cut = int(where * before)
            del chars[cut : cut + min(10, before - cut)]
    new_text = "".join(ch for ch, _ in chars)
    new_start = next(i for i, (_, orig) in enumerate(chars) if orig == start)
    moved = reanchor(note, new_text)
    assert not moved.orphaned
    assert (moved.start, moved.end) == (new_start, new_start + (end - start))
    assert_anchored(moved, new_text)


@settings(max_examples=300)
@given(
    text_and_span(alphabet=st.sampled_from("ab c\n")),
    st.integers(0, 200),
    st.integers(0, 20),
    st.text(st.sampled_from("ab c\n"), max_size=20),
)
def test_a_re_anchored_note_always_holds_its_quote(case, at, cut, inserted):
    text, start, end = case
    note = Note(id="n", article_id="a", **make_anchor(text, start, end))
    at = min(at, len(text))
    new_text = text[:at] + inserted + text[at + cut :]
    result = reanchor(note, new_text)
    if result.orphaned:
        kept = dataclasses.replace(result, anchor=note.anchor)
        assert kept == note
    else:
        assert_anchored(result, new_text)
