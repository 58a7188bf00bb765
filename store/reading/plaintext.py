"""Structure for plain-text articles.

Rules (see docs in the module functions):

* Lines are grouped into *chunks* separated by blank lines.
* A chunk with a line longer than ``LONG_LINE`` columns, or in a file whose lines are all
  short (narrower than ``MIN_WRAP`` columns), keeps one block per line: this is the
  "one paragraph a line" style of articles copied from the web.
* Otherwise the chunk is hard-wrapped prose: lines are re-joined with single spaces, except
  where the break was deliberate: before a list item or quote, or after a line the next word
  would have fitted on (the file's wrap width is its longest line), with a margin of 8
  columns when the line does not end a sentence. A line ending in ``letter-`` is joined to a
  following letter without a space (``well-known`` stays whole; soft hyphens are not undone,
  which would wrongly merge real compounds).
* The first block is the title unless it reads as prose (see ``looks_like_paragraph``); then
  the title comes from the file name. A ``By NAME`` line and a line that is only a date,
  right after the title, become metadata and leave the body.
* A one-line block that looks like a heading (short, no final punctuation) and is followed by
  a block that does not, is a level-2 heading. Anything else, truncated lines included, stays
  a paragraph exactly as written.
* ``- ``, ``* ``, ``• ``, ``+ `` start list items (marker dropped), ``1. ``/``1) `` start
  numbered items (number kept); indentation of 2+ spaces per level nests them. ``>`` starts a
  quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import BlockKind, Metadata
from .structure import (
    ends_sentence,
    looks_like_heading,
    looks_like_paragraph,
    parse_byline,
    parse_date_line,
    title_from_name,
    title_from_text,
)

Piece = tuple[BlockKind, str, int]

LONG_LINE = 120
MIN_WRAP = 40
_MARGIN = 8

_BULLET = re.compile(r"([ \t]*)(?:[-*•+]|(\d{1,3}[.)]))[ \t]+(?=\S)")
_QUOTE = re.compile(r"[ \t]*>[ \t]?")


@dataclass(slots=True)
class _Unit:
    kind: BlockKind
    lines: list[str]
    level: int = 0
    joined: bool = True  # re-join lines with spaces (else keep "\n": quotes in line mode)

    @property
    def text(self) -> str:
        if not self.joined:
            return "\n".join(self.lines)
        out = self.lines[0]
        for line in self.lines[1:]:
            if len(out) > 1 and out[-1] in "-—" and out[-2].isalpha() and line[:1].isalpha():
                out += line
            else:
                out += " " + line
        return out


def parse_plain_text(text: str, name: str) -> tuple[list[Piece], Metadata]:
    """Blocks and metadata of a normalised plain-text article named ``name``."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = _wrap_width(lines)
    units: list[_Unit] = []
    chunk: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            chunk.append(line)
        elif chunk:
            units.extend(_chunk_units(chunk, width))
            chunk = []
    return _assemble(units, name)


def _wrap_width(lines: list[str]) -> int:
    """The column width the file is wrapped at (0 when it is not hard-wrapped)."""
    lengths = sorted(len(line) for line in lines if line.strip() and len(line) <= LONG_LINE)
    if not lengths:
        return 0
    width = lengths[-1] if len(lengths) <= 20 else lengths[int(len(lengths) * 0.95)]
    return width if width >= MIN_WRAP else 0


def _chunk_units(chunk: list[str], width: int) -> list[_Unit]:
    line_mode = width == 0 or any(len(line) > LONG_LINE for line in chunk)
    units: list[_Unit] = []
    for i, raw in enumerate(chunk):
        bullet = _BULLET.match(raw)
        quote = _QUOTE.match(raw) if not bullet else None
        prev = units[-1] if units else None
        if bullet:
            body = raw[bullet.end() :].strip()
            if bullet.group(2):
                body = f"{bullet.group(2)} {body}"
            level = 1 + len(bullet.group(1).expandtabs(4)) // 2
            units.append(_Unit("list_item", [body], level))
        elif quote:
            body = raw[quote.end() :].strip()
            if prev is not None and prev.kind == "quote":
                prev.lines.append(body)
            else:
                units.append(_Unit("quote", [body], joined=not line_mode))
        elif (
            prev is not None
            and not line_mode
            and prev.kind != "quote"
            and not _deliberate_break(chunk[i - 1], raw, width)
        ):
            prev.lines.append(raw.strip())
        else:
            units.append(_Unit("paragraph", [raw.strip()]))
    return units


def _deliberate_break(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` was meant: the next word would have fitted, or the
    next line is a by-line or a date."""
    if parse_byline(following) or parse_date_line(following):
        return True
    next_word = following.split(maxsplit=1)[0] if following.strip() else ""
    margin = 0 if ends_sentence(line) else _MARGIN
    return len(line) + 1 + len(next_word) + margin <= width


def _assemble(units: list[_Unit], name: str) -> tuple[list[Piece], Metadata]:
    pieces: list[Piece] = []
    title = ""
    author = date = ""
    body = units
    if units and _is_title_line(units[0]):
        title = units[0].text
        body = units[1:]
    # A by-line and a date line may follow the title, in either order.
    for _ in range(2):
        if body and body[0].kind == "paragraph" and len(body[0].lines) == 1:
            line = body[0].lines[0]
            if not author and (found := parse_byline(line)):
                author, body = found, body[1:]
                continue
            if not date and (found := parse_date_line(line)):
                date, body = found, body[1:]
                continue
        break
    if not title:
        title = title_from_name(name) or (title_from_text(body[0].text) if body else "")
    pieces.append(("title", title, 0))
    heading_like = [_is_heading_candidate(unit) for unit in body]
    for i, unit in enumerate(body):
        if heading_like[i] and i + 1 < len(body) and not heading_like[i + 1]:
            pieces.append(("heading", unit.text, 2))
        else:
            pieces.append((unit.kind, unit.text, unit.level))
    return pieces, Metadata(title=title, author=author, date=date)


def _is_title_line(unit: _Unit) -> bool:
    return (
        unit.kind == "paragraph"
        and len(unit.lines) == 1
        and not looks_like_paragraph(unit.lines[0])
    )


def _is_heading_candidate(unit: _Unit) -> bool:
    return unit.kind == "paragraph" and len(unit.lines) == 1 and looks_like_heading(unit.lines[0])
