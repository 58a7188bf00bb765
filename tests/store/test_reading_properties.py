"""Properties of reading that must hold for any input."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apostil.store.errors import ReadError
from apostil.store.model import BLOCK_SEPARATOR, Document, Metadata, document_from_blocks
from apostil.store.reading import normalize_text, read_bytes

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
KINDS = st.sampled_from(["heading", "paragraph", "list_item", "quote", "code"])

# Text that exercises the structure heuristics: words, punctuation, bullets, quotes, markup.
TOKENS = st.sampled_from(
    [
        "word",
        "Paris",
        "the",
        "By",
        "Maria",
        "1.",
        "-",
        "*",
        "•",
        ">",
        "#",
        "'",
        '"',
        ".",
        ",",
        "?",
        ":",
        "[bold]",
        "[/]",
        "<p>",
        "</p>",
        "<html>",
        "---",
        "title:",
        "```",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "  ",
        "\x1b[31m",
        "\u202e",
        "é",
        "e\u0301",
        "2024-05-01",
        "5 May 2024",
        "x" * 130,
    ]
)
ARTICLE_TEXT = st.lists(TOKENS, max_size=60).map(" ".join) | st.text(max_size=300)


def check_document(doc: Document) -> None:
    assert doc.blocks, "a document always has a title block"
    assert doc.blocks[0].kind == "title"
    assert doc.title == doc.block_text(doc.blocks[0])
    pos = 0
    for i, block in enumerate(doc.blocks):
        if i:
            assert doc.text[pos : block.start] == BLOCK_SEPARATOR
        text = doc.block_text(block)
        assert text.strip()
        assert "\n\n" not in text
        if block.kind not in ("code", "quote"):
            assert "\n" not in text
        pos = block.end
    assert pos == len(doc.text)
    assert not FORBIDDEN.search(doc.text)
    assert "\r" not in doc.text


@given(
    st.lists(st.tuples(KINDS, st.text(max_size=40), st.integers(0, 6)), max_size=12),
    st.text(max_size=20),
)
def test_document_from_blocks_offsets(pieces: list[tuple[str, str, int]], title: str) -> None:
    doc = document_from_blocks(pieces, Metadata(title=title), "txt")  # type: ignore[arg-type]
    kept = [p for p in pieces if p[1].strip()]
    if title.strip():
        kept.insert(0, ("title", title.strip(), 0))
    assert [(b.kind, doc.block_text(b), b.level) for b in doc.blocks] == kept
    assert doc.text == BLOCK_SEPARATOR.join(p[1] for p in kept)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT, st.sampled_from(["a.txt", "a.md", "a.html", "-", "a.log"]))
def test_reading_any_text_gives_a_document_or_read_error(text: str, name: str) -> None:
    try:
        doc = read_bytes(text.encode("utf-8", "surrogatepass"), name=name)
    except ReadError as error:
        assert "\n" not in str(error)
        return
    check_document(doc)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.md", "a.html", "-"]))
def test_reading_any_bytes_gives_a_document_or_read_error(data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, name=name)
    except ReadError:
        return
    check_document(doc)


WORDS_LINE = st.lists(
    st.text(alphabet=st.characters(categories=("L", "N", "Pd", "Po")), min_size=1, max_size=12),
    min_size=1,
    max_size=20,
).map(" ".join)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS_LINE, min_size=1, max_size=15), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_plain_text_loses_no_word(lines: list[str], separator: str) -> None:
    """Apart from list markers, every word of a plain-text file is in the document (or is
    the by-line or date it moved to the metadata)."""
    text = separator.join(lines)
    try:
        doc = read_bytes(text.encode("utf-8"), name="-")
    except ReadError:
        return
    kept = " ".join([doc.text, doc.metadata.author, doc.metadata.date])
    for line in normalize_text(text).split("\n"):
        for word in line.split()[1:]:  # the first may be a list marker or "By"
            assert word in kept
