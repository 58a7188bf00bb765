"""Structure for Markdown articles: YAML front matter and CommonMark blocks (markdown-it-py).

Each heading, paragraph, list item, blockquote, code block and table row becomes one block;
inline markup is reduced to its text (emphasis markers dropped, links and images to their text,
breaks to spaces). A leading ``# Title`` is the title block unless the front matter names a
different title, in which case that title leads and the ``#`` heading stays a heading. Ordered
list items keep their number (``3. text``); bullet markers are dropped. List item level is
the nesting depth (1 for a top-level item). HTML blocks keep their text only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import BlockKind, Metadata, normalize_tag
from .html_text import html_fragment_text
from .normalize import one_line
from .structure import take_byline_and_date

Piece = tuple[BlockKind, str, int]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_LINE = re.compile(r"[A-Za-z_][\w -]*:")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def parse_markdown(text: str) -> tuple[list[Piece], Metadata]:
    """Blocks and metadata of a normalised Markdown article."""
    front, body = split_front_matter(text)
    metadata = metadata_from_front_matter(front)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    pieces = _place_title(_Walker().walk(md.parse(body)), metadata)
    pieces, author, date = take_byline_and_date(pieces, metadata.author, metadata.date)
    return pieces, replace(metadata, author=author, date=date)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(front matter mapping, the rest)``; malformed front matter is dropped when it reads
    like ``key: value`` lines, and left as text otherwise."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    raw = match.group(1) or ""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        return data, text[match.end() :]
    if _KEY_LINE.match(raw.lstrip()):
        return {}, text[match.end() :]
    return {}, text


def metadata_from_front_matter(front: dict[str, Any]) -> Metadata:
    def first(*keys: str) -> str:
        for key in keys:
            value = front.get(key)
            if value is None or value == "":
                continue
            if isinstance(value, (list, tuple)):
                value = ", ".join(_scalar(v) for v in value if v is not None)
            elif isinstance(value, dict):
                value = value.get("name") or value.get("title") or ""
            found = one_line(_scalar(value))
            if found:
                return found
        return ""

    raw_tags = front.get("tags") or front.get("keywords") or front.get("categories") or []
    if isinstance(raw_tags, str):
        raw_tags = raw_tags.replace(",", " ").split()
    tags: dict[str, None] = {}
    if isinstance(raw_tags, (list, tuple)):
        for tag in raw_tags:
            cleaned = normalize_tag(one_line(_scalar(tag)))
            if cleaned:
                tags.setdefault(cleaned, None)
    return Metadata(
        title=first("title"),
        author=first("author", "authors", "byline"),
        date=first("date", "published", "pubDate"),
        source=first("source", "url", "link", "publisher", "site"),
        description=first("description", "summary", "excerpt", "subtitle"),
        tags=tuple(tags),
    )


def _scalar(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _place_title(pieces: list[Piece], metadata: Metadata) -> list[Piece]:
    lead = pieces[0] if pieces else None
    is_h1 = lead is not None and lead[0] == "heading" and lead[2] == 1
    if lead is not None and is_h1 and (not metadata.title or lead[1] == metadata.title):
        return [("title", lead[1], 0), *pieces[1:]]
    return pieces


class _Walker:
    """Turns markdown-it's token stream into pieces."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.list_depth = 0
        self.ordered: list[tuple[bool, int]] = []  # per open list: (ordered, next number)
        self.items: list[tuple[int, list[str]]] = []  # open list items: (level, texts)
        self.heading_level = 0
        self.quote_depth = 0
        self.quote: list[str] = []
        self.row: list[str] | None = None

    def walk(self, tokens: list[Token]) -> list[Piece]:
        for token in tokens:
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)
        return self.pieces

    # block containers -------------------------------------------------------------
    def _on_bullet_list_open(self, token: Token) -> None:
        self._flush_item()
        self.list_depth += 1
        self.ordered.append((False, 0))

    def _on_ordered_list_open(self, token: Token) -> None:
        self._flush_item()
        self.list_depth += 1
        start = token.attrGet("start")
        self.ordered.append((True, int(start) if start is not None else 1))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._flush_item()
        self.list_depth -= 1
        self.ordered.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        self._flush_item()
        parts: list[str] = []
        ordered, number = self.ordered[-1]
        if ordered:
            label = token.info or str(number)
            parts.append(f"{label}{token.markup or '.'}")
            self.ordered[-1] = (True, number + 1)
        self.items.append((self.list_depth, parts))

    def _on_list_item_close(self, token: Token) -> None:
        self._flush_item()
        self.items.pop()

    def _on_blockquote_open(self, token: Token) -> None:
        self._flush_item()
        self.quote_depth += 1

    def _on_blockquote_close(self, token: Token) -> None:
        self.quote_depth -= 1
        if self.quote_depth == 0 and self.quote:
            self._emit("quote", _BLANK_LINES.sub("\n", "\n".join(self.quote)), 0)
            self.quote = []

    # leaf blocks -------------------------------------------------------------------
    def _on_heading_open(self, token: Token) -> None:
        self.heading_level = int(token.tag[1:])

    def _on_inline(self, token: Token) -> None:
        text = inline_text(token)
        if self.row is not None:
            self.row.append(text)
            return
        level, self.heading_level = self.heading_level, 0
        if self.quote_depth:
            self.quote.append(text)
        elif level:
            self._flush_item()
            self._emit("heading", text, level)
        elif self.items:
            self.items[-1][1].append(text)
        else:
            self._emit("paragraph", text, 0)

    def _on_fence(self, token: Token) -> None:
        code = _BLANK_LINES.sub("\n", token.content.strip("\n"))
        if self.quote_depth:
            self.quote.append(code)
            return
        self._flush_item()
        self._emit("code", code, 0)

    _on_code_block = _on_fence

    def _on_html_block(self, token: Token) -> None:
        text = " ".join(html_fragment_text(token.content).split())
        if not text:
            return
        if self.quote_depth:
            self.quote.append(text)
        elif self.items:
            self.items[-1][1].append(text)
        else:
            self._emit("paragraph", text, 0)

    def _on_tr_open(self, token: Token) -> None:
        self.row = []

    def _on_tr_close(self, token: Token) -> None:
        cells, self.row = self.row or [], None
        text = " | ".join(cell for cell in cells)
        if text.strip(" |"):
            if self.quote_depth:
                self.quote.append(text)
            else:
                self._emit("paragraph", text, 0)

    # helpers -----------------------------------------------------------------------
    def _flush_item(self) -> None:
        """Emit what the innermost open list item holds so far (before a nested block)."""
        if self.items and self.items[-1][1]:
            level, parts = self.items[-1]
            self._emit("list_item", " ".join(parts), level)
            parts.clear()

    def _emit(self, kind: BlockKind, text: str, level: int) -> None:
        if kind != "code" and kind != "quote":
            text = " ".join(text.split())
        if text.strip():
            self.pieces.append((kind, text, level))


def inline_text(token: Token) -> str:
    """The plain text of an inline token: markup dropped, links and images to their text."""
    out: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "image":
            out.append(inline_text(child) if child.children else child.content)
        elif kind == "html_inline":
            continue
    return " ".join("".join(out).split())
