"""Small text heuristics shared by the readers: headings, titles, by-lines and dates."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..model import BlockKind

Piece = tuple[BlockKind, str, int]

SENTENCE_END = ".!?:;,…"
QUOTES = "'\"‘’“”«»‹›„‚`"

_BYLINE = re.compile(r"(?:by|BY|By)\s+([A-ZÀ-Þ][^\n]{1,78})")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DATE_LINE = re.compile(
    r"(?:(?:Published|Posted|Updated|Date|Dated)\s*:?\s+)?"
    rf"({_ISO_DATE}|{_WEEKDAY}\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_WEEKDAY}{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})",
    re.IGNORECASE,
)


def word_count(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence punctuation, closing quotes and brackets aside."""
    core = text.rstrip().rstrip(QUOTES + ")]").rstrip()
    return bool(core) and core[-1] in SENTENCE_END


def looks_like_heading(line: str) -> bool:
    """A short line that starts like a title and does not end like a sentence."""
    if len(line) > 80 or word_count(line) > 12 or "\n" in line:
        return False
    core = line.strip().strip(QUOTES).strip()
    if not core or ends_sentence(core) or core[-1] in "-–—":
        return False
    first = core[0]
    return (first.isupper() or first.isdigit()) and not parse_date_line(core)


def looks_like_paragraph(line: str) -> bool:
    """Whether a first line reads as a sentence of prose rather than a title."""
    words = word_count(line)
    return (words > 15 and ends_sentence(line)) or words > 30 or len(line) > 250


def title_from_name(name: str) -> str:
    """A title made from a file name: ``syria-convoys.txt`` -> ``Syria convoys``."""
    if name in ("-", "") or (name.startswith("<") and name.endswith(">")):
        return ""  # standard input ("-", "<stdin>") has no name to speak of
    stem = PurePath(name).stem
    words = re.sub(r"[-_.\s]+", " ", stem).split()
    if not any(ch.isalpha() for ch in "".join(words)):
        return ""
    title = " ".join(words)
    return title[0].upper() + title[1:]


def title_from_text(text: str, max_words: int = 8) -> str:
    """A stand-in title: the first words of ``text``."""
    words = text.split()
    title = " ".join(words[:max_words])
    return title + "…" if len(words) > max_words else title


def parse_byline(line: str) -> str:
    """The author named by a ``By NAME`` line, or ``""`` when the line is something else."""
    match = _BYLINE.fullmatch(line.strip())
    if not match:
        return ""
    name = match.group(1).strip()
    if word_count(name) > 10 or name.endswith((".", "!", "?")):
        return ""
    return name


def parse_date_line(line: str) -> str:
    """The date a line consists of (as written, label dropped), or ``""``."""
    match = _DATE_LINE.fullmatch(line.strip())
    return match.group(1) if match else ""


def take_byline_and_date(
    pieces: list[Piece], author: str, date: str
) -> tuple[list[Piece], str, str]:
    """Drop a by-line and a date-only paragraph right after the title (at most one each),
    returning ``(pieces, author, date)`` with the author and date filled when missing."""
    start = 1 if pieces and pieces[0][0] == "title" else 0
    for _ in range(2):
        if len(pieces) <= start or pieces[start][0] != "paragraph":
            break
        line = pieces[start][1]
        if found := parse_byline(line):
            author = author or found
        elif found := parse_date_line(line):
            date = date or found
        else:
            break
        pieces = pieces[:start] + pieces[start + 1 :]
    return pieces, author, date
