"""Soft-wrapping an article's text into screen lines, and making untrusted text safe to show.

No Textual here: the ArticleView draws what this module computes. A layout is just the start
offset of every visual line, so every text offset maps to exactly one line and back:

- the text is cut into hard lines at ``\\n``; the block separator ``\\n\\n`` gives the blank
  line between blocks;
- each hard line is wrapped greedily at spaces to the line's width (the measure minus the
  block's gutter), leaving one cell for the cursor after the last character; a word longer
  than that is broken hard.

Lines made only of single-cell characters (ASCII, Latin, Greek, Cyrillic: nearly every
article) are wrapped with ``str.rfind`` without looking at each character, which keeps a 5 MB
article under a tenth of a second.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence

from rich.cells import get_character_cell_size

from apostil.store.model import Block
from apostil.store.unsafe_chars import TERMINAL_UNSAFE_CHARS

TAB_CELLS = 4
REPLACEMENT = "\ufffd"

# Characters never sent to the terminal: C0 (but tab, expanded), DEL, C1, bidi controls,
# line/paragraph separators and lone surrogates.
_UNSAFE_CLASS = "\n" + TERMINAL_UNSAFE_CHARS
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_SPACES = re.compile(" +")
# Anything but printable one-cell characters (checked against rich's cell table): Latin,
# Greek, Cyrillic, general punctuation (dashes, curly quotes, ellipsis), currency, box drawing.
_NOT_PLAIN = re.compile(
    "[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2500-\u25fc]"
)


def is_plain(s: str) -> bool:
    """True when every character of ``s`` is printable and one cell wide."""
    if s.isascii():
        return s.isprintable()
    return _NOT_PLAIN.search(s) is None


def sanitize(s: str) -> str:
    """``s`` as shown: tabs expanded, unsafe characters replaced by U+FFFD."""
    if s.isascii() and s.isprintable():
        return s
    if "\t" in s:
        s = s.replace("\t", " " * TAB_CELLS)
    return _UNSAFE.sub(REPLACEMENT, s)


def char_cells(c: str) -> int:
    """Cells one character of the text takes once sanitised."""
    if c == "\t":
        return TAB_CELLS
    if _UNSAFE.match(c):
        return 1
    return get_character_cell_size(c)


def text_cells(s: str) -> int:
    """Cells ``s`` takes once sanitised."""
    if is_plain(s):
        return len(s)
    return sum(char_cells(c) for c in s)


def gutter_for(block: Block | None, continuation: bool) -> str:
    """The presentation-only gutter drawn before a line of ``block``."""
    if block is None:
        return ""
    if block.kind == "quote":
        return "▌ "
    if block.kind == "list_item":
        indent = "  " * min(max(block.level - 1, 0), 4)
        return indent + ("  " if continuation else "• ")
    return ""


def _wrap_plain(text: str, a: int, b: int, cap: int, out: array) -> None:
    """Wrap ``text[a:b]`` (single-cell characters only) to ``cap`` cells."""
    p = a
    while b - p > cap:
        j = text.rfind(" ", p + 1, p + cap + 1)
        if j <= p:
            q = p + cap
        else:
            q = j + 1
            if q < b and text[q] == " ":
                q = _SPACES.match(text, q).end()  # type: ignore[union-attr]
        if q >= b:
            return
        out.append(q)
        p = q


def _wrap_cells(text: str, a: int, b: int, cap: int, out: array) -> None:
    """Wrap ``text[a:b]`` measuring every character (wide, zero-width, tabs, controls)."""
    widths = [char_cells(c) for c in text[a:b]]
    n = b - a
    p = 0
    while p < n:
        col = 0
        i = p
        last_space = -1
        while i < n:
            c = text[a + i]
            if c == " " or c == "\t":
                last_space = i
            elif col + widths[i] > cap:
                break
            col += widths[i]
            i += 1
        if i >= n:
            return
        if last_space > p:
            q = last_space + 1
            while q < n and text[a + q] in " \t":
                q += 1
        else:
            q = max(i, p + 1)
        if q >= n:
            return
        out.append(a + q)
        p = q


def wrap_text(text: str, blocks: Sequence[Block], width: int) -> array:
    """Start offsets of the visual lines of ``text`` wrapped to ``width`` cells."""
    out = array("q")
    n = len(text)
    starts = [blk.start for blk in blocks]
    bi = 0
    a = 0
    while True:
        b = text.find("\n", a)
        if b < 0:
            b = n
        out.append(a)
        if b > a:
            while bi < len(blocks) and blocks[bi].end < a:
                bi += 1
            block = blocks[bi] if bi < len(blocks) and blocks[bi].start <= a else None
            if block is None and starts:  # text outside the blocks (hand-built documents)
                k = bisect.bisect_right(starts, a) - 1
                if k >= 0 and a <= blocks[k].end:
                    block = blocks[k]
            gutter = len(gutter_for(block, True))
            cap = max(1, width - gutter - 1)
            if b - a > cap:
                if is_plain(text[a:b]):
                    _wrap_plain(text, a, b, cap, out)
                else:
                    _wrap_cells(text, a, b, cap, out)
            elif not is_plain(text[a:b]) and text_cells(text[a:b]) > cap:
                _wrap_cells(text, a, b, cap, out)
        if b >= n:
            return out
        a = b + 1
