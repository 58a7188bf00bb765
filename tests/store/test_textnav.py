"""Cursor motions over article text: words, sentences, paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from apostil.store.model import Metadata, document_from_blocks
from apostil.store.textnav import (
    clamp,
    next_paragraph,
    next_sentence,
    next_word,
    prev_paragraph,
    prev_sentence,
    prev_word,
    sentence_span,
)

TEXT = (
    "Mr. Smith went to the U.S. on Monday. He paid 3.5 dollars! “Really?” she asked. "
    "Then e.g. this… and that.\n\nNew block here. Second one"
)


def sentences(text: str) -> list[str]:
    out = []
    pos = 0
    while pos < len(text):
        start, end = sentence_span(text, pos)
        out.append(text[start:end])
        pos = next_sentence(text, pos)
    return out


def test_sentences_skip_abbreviations_decimals_and_stop_at_blocks() -> None:
    assert sentences(TEXT) == [
        "Mr. Smith went to the U.S. on Monday.",
        "He paid 3.5 dollars!",
        "“Really?” she asked.",
        "Then e.g. this… and that.",
        "New block here.",
        "Second one",
    ]


def test_sentence_never_crosses_a_blank_line() -> None:
    text = "No full stop here\n\nNext block."
    assert sentence_span(text, 3) == (0, len("No full stop here"))


def test_sentence_span_with_blocks_is_bounded_by_the_block() -> None:
    doc = document_from_blocks(
        [("title", "A title", 0), ("paragraph", "One. Two", 0)], Metadata(), "txt"
    )
    block = doc.blocks[1]
    assert sentence_span(doc.text, block.start + 6, doc.blocks) == (block.start + 5, block.end)
    assert sentence_span(doc.text, 2, doc.blocks) == (0, len("A title"))


def test_sentence_with_initials_and_closing_quote() -> None:
    text = 'J. K. Rowling wrote it. "Fine." Done.'
    assert sentences(text) == ["J. K. Rowling wrote it.", '"Fine."', "Done."]


def test_in_the_gap_between_sentences_the_next_one_is_chosen() -> None:
    text = "One.   Two."
    assert sentence_span(text, 5) == (7, 11)
    assert sentence_span(text, 4) == (0, 4)  # just after the full stop: still the first


def test_prev_sentence_goes_to_start_then_to_previous() -> None:
    text = "One two. Three four. Five."
    assert prev_sentence(text, text.index("four")) == text.index("Three")
    assert prev_sentence(text, text.index("Three")) == 0
    assert prev_sentence(text, 0) == 0
    assert next_sentence(text, text.index("Five")) == len(text)


def test_words() -> None:
    text = "Syria's al-Qahtaniyah town, near—the border."
    assert next_word(text, 0) == text.index("al-")
    assert next_word(text, text.index("al-")) == text.index("town")
    assert next_word(text, text.index("town")) == text.index("near")
    assert next_word(text, text.index("near")) == text.index("the")
    assert next_word(text, text.index("border")) == len(text)
    assert prev_word(text, text.index("town") + 2) == text.index("town")
    assert prev_word(text, text.index("town")) == text.index("al-")
    assert prev_word(text, 3) == 0


def test_paragraphs_move_by_block() -> None:
    doc = document_from_blocks(
        [("title", "T", 0), ("paragraph", "First para.", 0), ("paragraph", "Second.", 0)],
        Metadata(),
        "txt",
    )
    starts = [b.start for b in doc.blocks]
    assert next_paragraph(doc, 0) == starts[1]
    assert next_paragraph(doc, starts[1] + 3) == starts[2]
    assert next_paragraph(doc, starts[2]) == len(doc.text)
    assert prev_paragraph(doc, starts[2] + 2) == starts[2]
    assert prev_paragraph(doc, starts[2]) == starts[1]
    assert prev_paragraph(doc, 0) == 0


def test_clamp() -> None:
    assert clamp("abc", -5) == 0
    assert clamp("abc", 99) == 3
    assert clamp("abc", 2) == 2


# ------------------------------------------------------------------ properties

ALPHABET = st.sampled_from([*"ab .!?…\"'”’-\n\t3", "Mr.", "U.S.", "e.g.", "\n\n", "é"])
texts = st.lists(ALPHABET, max_size=60).map("".join)


@given(texts, st.integers(-5, 80))
def test_motions_stay_in_range(text: str, pos: int) -> None:
    for motion in (next_word, prev_word, next_sentence, prev_sentence):
        assert 0 <= motion(text, pos) <= len(text)
    start, end = sentence_span(text, pos)
    assert 0 <= start <= end <= len(text)


@given(texts, st.integers(0, 80))
def test_next_word_advances_and_prev_word_retreats(text: str, pos: int) -> None:
    pos = clamp(text, pos)
    if pos < len(text):
        assert next_word(text, pos) > pos
    if pos > 0:
        assert prev_word(text, pos) < pos
    nxt = next_word(text, pos)
    if nxt < len(text):
        assert prev_word(text, nxt + 1) == nxt  # it really is the start of a word


@given(texts, st.integers(0, 80))
def test_sentence_span_holds_pos_or_the_gap_next_to_it(text: str, pos: int) -> None:
    pos = clamp(text, pos)
    start, end = sentence_span(text, pos)
    if start <= pos <= end:
        return
    if pos < start:  # pos is in the whitespace before the sentence
        assert text[pos:start].strip() == ""
    else:  # trailing whitespace of the block, or a separator
        assert text[end:pos].strip() == ""
    if start != end:
        assert "\n\n" not in text[start:end]


@given(texts, st.integers(0, 80))
def test_sentence_span_is_trimmed_and_within_one_block(text: str, pos: int) -> None:
    start, end = sentence_span(text, pos)
    piece = text[start:end]
    assert piece == piece.strip()
    assert "\n\n" not in piece


@given(texts, st.integers(0, 80))
def test_next_sentence_advances_prev_sentence_retreats(text: str, pos: int) -> None:
    pos = clamp(text, pos)
    if pos < len(text) and text[pos:].strip():
        assert next_sentence(text, pos) > pos
    if pos > 0 and text[:pos].strip():
        assert prev_sentence(text, pos) < pos


def test_trim_span_drops_surrounding_white_space() -> None:
    from apostil.store.textnav import trim_span

    text = "friendly greetings  with"
    assert trim_span(text, 0, 19) == (0, 18)
    assert (
        trim_span(text, 18, 20) == (20, 20)
        or trim_span(text, 18, 20)[0] == trim_span(text, 18, 20)[1]
    )
    assert trim_span(text, 9, 18) == (9, 18)
