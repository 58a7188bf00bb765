"""Turning untrusted text (quotes, notes, titles, tags) into inert Markdown, and back.

What ``markdown_lines`` produces parses (CommonMark, also with GFM tables and strikethrough)
as plain paragraphs whose text is exactly the input after ``normalize_text``: nothing in it can
start a heading, rule, list, table, code block or fence, block quote, HTML block, link
reference, setext underline or front matter, nor make inline HTML, links, images, autolinks,
emphasis, code spans or entities. Obsidian's own syntax (``#tag``, ``[[link]]``, ``==mark==``,
``%%comment%%``, ``$math$``, ``^block-id``) is escaped as well. Backslashes are used where
they keep the text readable; whitespace at the edges of a line, which Markdown would drop or
read as indentation, is written as numeric character references (``&#32;``).
"""

from __future__ import annotations

import re
import unicodedata

from ..unsafe_chars import CONTROL_CHARS, SURROGATE_CHARS

# Escaped wherever they appear (ASCII punctuation, so "\\x" always reads back as "x").
_ALWAYS = frozenset("\\`*[]<#|~$^")
# Escaped at the start of a line only: block quote, list items, setext underline.
_LINE_START = frozenset(">-+=")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_CONTROL = re.compile(f"[{CONTROL_CHARS}{SURROGATE_CHARS}]")
_TAG_JUNK = re.compile(r"[^A-Za-z0-9_/-]+")
_LONE_UNDERSCORE = re.compile(r"_+(?![A-Za-z0-9])|(?<![A-Za-z0-9])_+")


def normalize_text(text: str) -> str:
    """The text an export keeps: what a parse of the export gives back.

    Line ends become ``\\n``; control characters (except tab and newline) and lone surrogates
    are dropped; blank lines at the start and end are dropped and runs of blank lines become
    one; an all-whitespace text becomes empty.
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return ""
    lines: list[str] = []
    for line in text.split("\n"):
        if line == "" and (not lines or lines[-1] == ""):
            continue
        lines.append(line)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


def one_line(text: str) -> str:
    """A title or other single-line field: controls dropped, every whitespace run one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def markdown_lines(text: str) -> list[str]:
    """``normalize_text(text)`` as Markdown source lines; ``""`` stands for a paragraph break."""
    text = normalize_text(text)
    return [escape_line(line) if line else "" for line in text.split("\n")] if text else []


def escape_line(line: str) -> str:
    """One line of text as inert Markdown (see the module docstring)."""
    body = line.strip()
    if not body:  # whitespace only: keep it, as references, so the line is not blank
        return _references(line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    out: list[str] = []
    for i, ch in enumerate(body):
        before = body[i - 1] if i else ""
        after = body[i + 1] if i + 1 < len(body) else ""
        if (
            ch in _ALWAYS
            or (ch == "_" and not (before.isalnum() and after.isalnum()))
            or (ch == "&" and (after.isalnum() or after == "#"))
            or (ch in "%=" and (before == ch or after == ch))
            or (i == 0 and ch in _LINE_START)
        ):
            out.append("\\")
        out.append(ch)
    escaped = "".join(out)
    escaped = _ORDERED_LIST.sub(r"\1\\\2", escaped, count=1)
    return _references(lead) + escaped + _references(trail)


def escape_inline(text: str) -> str:
    """A single-line field (a title, a heading) as inert inline Markdown."""
    return escape_line(one_line(text))


def obsidian_tag(tag: str) -> str:
    """A tag as Obsidian reads it after ``#``: ASCII letters, digits, ``_``, ``/``, ``-``.

    Accents are dropped (``café`` -> ``cafe``), any other run of characters becomes ``_``;
    an ``_`` not between two letters or digits becomes ``-`` (so that a line of tags can never
    read as emphasis), and ``-`` is trimmed from the ends; a tag of digits only gets a leading
    ``_`` (Obsidian ignores ``#2024``). Empty if nothing is left.
    """
    ascii_form = unicodedata.normalize("NFKD", tag)
    ascii_form = "".join(ch for ch in ascii_form if not unicodedata.combining(ch))
    cleaned = re.sub("_+", "_", _TAG_JUNK.sub("_", ascii_form))
    cleaned = _LONE_UNDERSCORE.sub("-", cleaned).strip("-")
    if cleaned.isdigit():
        cleaned = "_" + cleaned
    return cleaned


def tags_line(tags: tuple[str, ...] | list[str]) -> str:
    """``#tag #other`` for the given tags (Obsidian form, deduplicated in order)."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = obsidian_tag(tag)
        if cleaned:
            seen.setdefault(cleaned, None)
    return " ".join(f"#{tag}" for tag in seen)


TAGS_LINE = re.compile(r"^#[A-Za-z0-9_/-]+(?: #[A-Za-z0-9_/-]+)*$")


def _references(spaces: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in spaces)
