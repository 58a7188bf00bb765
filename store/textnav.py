"""Cursor motions over an article's text: words, sentences, paragraphs.

Pure functions over ``Document.text`` offsets (``str`` indices), used by the reader's cursor.
Every function takes an offset and returns an offset within ``[0, len(text)]``.

Words are runs of letters/digits/underscore, joined across an inner apostrophe or hyphen
("Syria's", "Russia-Ukraine" are one word). A sentence ends at ``. ! ? …`` (possibly
repeated, possibly followed by closing quotes or brackets) followed by whitespace or the end of
its block; not after common abbreviations ("Mr.", "e.g.", "U.S."), single-letter initials, nor
when the next sentence would start in lower case. A blank line (``"\\n\\n"``, the block
separator) is always a hard boundary; pass ``blocks`` to bound sentences by the blocks instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .model import Block, Document

__all__ = [
    "clamp",
    "next_paragraph",
    "next_sentence",
    "next_word",
    "prev_paragraph",
    "prev_sentence",
    "prev_word",
    "sentence_span",
]

# A word starts at a word character not preceded by a word character, nor by a joiner that
# itself follows a word character ("Syria's": no word starts at the "s").
_WORD_START = re.compile(r"(?<!\w)(?<!\w['’\-])\w")
_TERMINATOR = re.compile(r"(?:[.!?…]+)[\"'”’)\]»]*")
_TOKEN_BEFORE = re.compile(r"[^\s\"'“‘(\[«]*$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BACK_WINDOW = 2048

ABBREVIATIONS = frozenset(
    " ".join(
        (
            "mr mrs ms mx dr prof sr jr st mt ft rev gen col lt sgt capt cmdr adm maj gov sen",
            "rep pres hon messrs mme mlle vs etc al approx dept est fig inc ltd co corp bros no",
            "nos vol vols pp jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu",
            "fri sat sun e.g i.e cf viz ca u.s u.k u.n a.m p.m",
        )
    ).split()
)


def clamp(text: str, pos: int) -> int:
    """``pos`` brought within ``[0, len(text)]``."""
    return max(0, min(pos, len(text)))


# --------------------------------------------------------------------------- words


def next_word(text: str, pos: int) -> int:
    """Start of the first word after ``pos``; ``len(text)`` when there is none."""
    pos = clamp(text, pos)
    if pos >= len(text):
        return len(text)
    match = _WORD_START.search(text, pos + 1)
    return match.start() if match else len(text)


def prev_word(text: str, pos: int) -> int:
    """Start of the last word beginning before ``pos``; 0 when there is none."""
    pos = clamp(text, pos)
    window = _BACK_WINDOW
    while True:
        lo = max(0, pos - window)
        last = -1
        for match in _WORD_START.finditer(text, lo, pos):
            last = match.start()
        if last >= 0:
            return last
        if lo == 0:
            return 0
        window *= 4


# ----------------------------------------------------------------------- sentences


def _segment(text: str, pos: int, blocks: Sequence[Block] | None) -> tuple[int, int] | None:
    """Bounds ``[a, b]`` of the block (or blank-line separated run) holding ``pos``.

    None when ``pos`` sits inside a separator (between two newlines, or outside every block).
    """
    n = len(text)
    if blocks is not None:
        if not blocks:
            return None
        i = bisect.bisect_right([b.start for b in blocks], pos) - 1
        if i < 0 or pos > blocks[i].end:
            return None
        return blocks[i].start, min(blocks[i].end, n)
    if 0 < pos < n and text[pos] == "\n" and text[pos - 1] == "\n":
        return None
    r = text.rfind("\n\n", 0, pos)
    a = 0 if r < 0 else r + 2
    while a < pos and text[a] == "\n":
        a += 1
    b = text.find("\n\n", pos)
    return a, (n if b < 0 else b)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _is_sentence_end(text: str, match: re.Match[str], b: int) -> bool:
    """Whether the terminator ``match`` really ends a sentence in a segment ending at ``b``."""
    end = match.end()
    if end < b and not text[end].isspace():
        return False  # "3.5", "example.com", "?!x"
    run = match.group()
    if run[0] == "." and not run.startswith(".."):
        lo = max(0, match.start() - 24)
        token = _TOKEN_BEFORE.search(text, lo, match.start())
        word = token.group() if token else ""
        if not word:
            return False
        if word.lower() in ABBREVIATIONS or _DOTTED_ACRONYM.fullmatch(word):
            return False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False  # an initial: "J. Smith"
    following = _skip_space(text, end, b)
    return not (following < b and text[following].islower())


def _last_boundary_before(text: str, a: int, pos: int, b: int) -> int:
    """End of the last sentence ending strictly before ``pos`` in ``[a, b]``; -1 if none."""
    window = _BACK_WINDOW
    while True:
        lo = max(a, pos - window)
        last = -1
        for match in _TERMINATOR.finditer(text, lo, b):
            if match.end() >= pos:
                break
            if match.start() > a and _is_sentence_end(text, match, b):
                last = match.end()
        if last >= 0 or lo == a:
            return last
        window *= 4


def _first_boundary_after(text: str, start: int, b: int) -> int:
    for match in _TERMINATOR.finditer(text, start, b):
        if match.end() > start and match.start() > start and _is_sentence_end(text, match, b):
            return match.end()
    end = b
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def sentence_span(text: str, pos: int, blocks: Sequence[Block] | None = None) -> tuple[int, int]:
    """``(start, end)`` of the sentence under ``pos``, without surrounding whitespace.

    In the whitespace between two sentences it is the following sentence (the preceding one
    in trailing whitespace); inside a block separator it is the empty span ``(pos, pos)``.
    """
    pos = clamp(text, pos)
    seg = _segment(text, pos, blocks)
    if seg is None:
        return pos, pos
    a, b = seg
    boundary = _last_boundary_before(text, a, pos, b)
    start = _skip_space(text, a if boundary < 0 else boundary, b)
    if start >= b:  # trailing whitespace: the sentence before it
        if boundary > a:
            return sentence_span(text, boundary - 1, blocks)
        return pos, pos
    return start, _first_boundary_after(text, start, b)


def next_sentence(text: str, pos: int, blocks: Sequence[Block] | None = None) -> int:
    """Start of the next sentence after ``pos`` (in a later block if need be), or the end."""
    pos = clamp(text, pos)
    start, end = sentence_span(text, pos, blocks)
    if start > pos:
        return start
    target = _skip_space(text, max(end, pos), len(text))
    if target <= pos:
        target = _skip_space(text, pos + 1, len(text))
    if blocks is not None:  # text between blocks that is not whitespace is skipped too
        seg = _segment(text, target, blocks)
        if seg is None and target < len(text):
            starts = [b.start for b in blocks]
            i = bisect.bisect_right(starts, target)
            target = blocks[i].start if i < len(blocks) else len(text)
    return clamp(text, target)


def prev_sentence(text: str, pos: int, blocks: Sequence[Block] | None = None) -> int:
    """Start of the sentence before ``pos`` (its own start when ``pos`` is inside it), or 0."""
    pos = clamp(text, pos)
    start, _end = sentence_span(text, pos, blocks)
    if start < pos:
        return start
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0:
        return 0
    start, _end = sentence_span(text, k, blocks)
    return min(start, k)


# ---------------------------------------------------------------------- paragraphs


def next_paragraph(doc: Document, pos: int) -> int:
    """Start of the first block after ``pos``; the end of the text after the last block."""
    pos = clamp(doc.text, pos)
    starts = [b.start for b in doc.blocks]
    i = bisect.bisect_right(starts, pos)
    return starts[i] if i < len(starts) else len(doc.text)


def prev_paragraph(doc: Document, pos: int) -> int:
    """Start of the block holding ``pos`` if ``pos`` is past it, else of the previous block."""
    pos = clamp(doc.text, pos)
    starts = [b.start for b in doc.blocks]
    i = bisect.bisect_left(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the white space at either end (a passage to annotate)."""
    start, end = clamp(text, start), clamp(text, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
