"""Notes as Markdown (Obsidian-friendly), and the parser that reads such an export back.

The format, for one article::

    ---
    title: The article's title
    author: ...            # author, date, source only when known
    tags: [tag, other]     # the article's tags
    apostil_id: 1a2b3c
    generator: apostil
    exported: '2026-11-25T10:00:00Z'
    ---

    # The article's title

    <!-- apostil:note id=n1 article=1a2b3c start=10 end=42 anchor=exact -->
    > the passage, every line prefixed by "> "
    >
    > (a blank line inside the passage stays inside the block quote)

    The note's text.

    #tag #other

    ## Orphaned notes

    These passages are no longer in the article's text.

    <!-- apostil:note id=n2 article=1a2b3c start=99 end=120 anchor=orphaned -->
    > ...

Notes come in reading order (by start), orphaned ones last. The HTML comment before each
note is the only raw HTML apostil writes: it is invisible when rendered and carries the
note's id back to the parser; user text can never produce one (see ``escaping``). A per-tag
export has the same notes grouped under ``## Article title`` headings, orphans of an article
under ``### Orphaned notes``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Article, Note
from .errors import ImportFormatError
from .escaping import (
    TAGS_LINE,
    escape_inline,
    markdown_lines,
    obsidian_tag,
    one_line,
    tags_line,
)

GENERATOR = "apostil"
ORPHANS_HEADING = "Orphaned notes"
ORPHANS_EXPLAINED = "These passages are no longer in the article's text."
_COMMENT = re.compile(r"^<!-- apostil:note((?: [a-z_]+=[^\s=]*)*) -->\s*$")


def render_article_markdown(article: Article, notes: Sequence[Note], *, exported: str) -> str:
    """One article's notes as a Markdown file (see the module docstring)."""
    meta: dict[str, Any] = {"title": one_line(article.title)}
    for key in ("author", "date"):
        value = one_line(getattr(article, key))
        if value:
            meta[key] = value
    # The site or URL it came from, else the file it was imported from.
    source = one_line(article.source) or one_line(article.source_path)
    if source:
        meta["source"] = source
    meta["tags"] = _front_matter_tags(article.tags)
    meta.update(apostil_id=article.id, generator=GENERATOR, exported=exported)
    out = [front_matter(meta), "", f"# {escape_inline(article.title) or 'Untitled'}", ""]
    _notes_section(out, notes, orphans_heading="##")
    return "\n".join(out).rstrip("\n") + "\n"


def render_tag_markdown(
    tag: str, items: Sequence[tuple[Article, Sequence[Note]]], *, exported: str
) -> str:
    """The notes carrying ``tag`` across articles, under each article's title."""
    title = f"Notes tagged #{tag}"
    meta = {
        "title": one_line(title),
        "tag": one_line(tag),
        "tags": _front_matter_tags((tag,)),
        "apostil_id": tag_export_id(tag),
        "generator": GENERATOR,
        "exported": exported,
    }
    out = [front_matter(meta), "", f"# {escape_inline(title)}", ""]
    for article, notes in items:
        if not notes:
            continue
        out += [f"## {escape_inline(article.title) or 'Untitled'}", ""]
        _notes_section(out, notes, orphans_heading="###")
    return "\n".join(out).rstrip("\n") + "\n"


def tag_export_id(tag: str) -> str:
    """The ``apostil_id`` of a per-tag export (tells it apart from an article's)."""
    return f"tag:{one_line(tag)}"


def front_matter(meta: dict[str, Any]) -> str:
    """``meta`` as a YAML front matter block (between ``---`` lines), safely quoted."""
    body = yaml.safe_dump(
        meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**31 - 1
    )
    return f"---\n{body}---"


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """``(front matter, rest)`` of a Markdown text; ``({}, markdown)`` when it has none.

    Raises ``ImportFormatError`` when the front matter is there but is not a YAML mapping.
    """
    text = markdown.removeprefix("\ufeff")
    if not text.startswith("---\n"):
        return {}, markdown
    end = text.find("\n---\n", 3)
    if end == -1:
        if not text.endswith("\n---"):
            return {}, markdown
        end = len(text) - 4
    try:
        meta = yaml.safe_load(text[4 : end + 1]) or {}
    except yaml.YAMLError as error:
        problem = error.__class__.__name__
        raise ImportFormatError(f"the front matter is not valid YAML ({problem})") from None
    if not isinstance(meta, dict):
        raise ImportFormatError("the front matter is not a mapping")
    return meta, text[end + 5 :]


# --- rendering ----------------------------------------------------------------------------


def _front_matter_tags(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        if cleaned := obsidian_tag(tag):
            seen.setdefault(cleaned, None)
    return list(seen)


def _notes_section(out: list[str], notes: Sequence[Note], *, orphans_heading: str) -> None:
    placed = sorted((n for n in notes if not n.orphaned), key=lambda n: (n.start, n.end, n.id))
    orphans = sorted((n for n in notes if n.orphaned), key=lambda n: (n.start, n.end, n.id))
    for note in placed:
        _note(out, note)
    if orphans:
        out += [f"{orphans_heading} {ORPHANS_HEADING}", "", ORPHANS_EXPLAINED, ""]
        for note in orphans:
            _note(out, note)


def _note(out: list[str], note: Note) -> None:
    fields = {
        "id": note.id,
        "article": note.article_id,
        "start": str(note.start),
        "end": str(note.end),
        "anchor": note.anchor,
    }
    encoded = " ".join(f"{key}={quote(value, safe='')}" for key, value in fields.items())
    out.append(f"<!-- apostil:note {encoded} -->")
    for line in markdown_lines(note.quote):
        out.append(f"> {line}" if line else ">")
    out.append("")
    for line in markdown_lines(note.note):
        out.append(line)
    if note.note.strip():
        out.append("")
    if tags := tags_line(note.tags):
        out += [tags, ""]


# --- parsing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedNote:
    """One note read back from a Markdown export."""

    id: str
    article_id: str
    start: int
    end: int
    anchor: str
    quote: str
    note: str
    tags: tuple[str, ...]
    article_title: str = ""  # the ``##`` section it sits under in a per-tag export

    @property
    def orphaned(self) -> bool:
        return self.anchor == "orphaned"


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """A Markdown export read back: its front matter, ``#`` title and notes in file order."""

    front_matter: dict[str, Any]
    title: str
    notes: tuple[ParsedNote, ...] = field(default=())


@dataclass
class _Draft:
    fields: dict[str, str]
    section: str
    quote: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    tags: tuple[str, ...] = ()


def parse_markdown_export(markdown: str) -> ParsedExport:
    """Read an apostil Markdown export back (the notes' text as a Markdown reader sees it).

    Raises ``ImportFormatError`` if the front matter is broken.
    """
    meta, body = split_front_matter(markdown)
    lines = body.split("\n")
    tokens = MarkdownIt("commonmark").parse(body)
    title = ""
    section = ""
    notes: list[ParsedNote] = []
    draft: _Draft | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            text = _inline_text(tokens[i + 1])
            if token.tag == "h1" and not title:
                title = text
            elif token.tag == "h2" and text != ORPHANS_HEADING:
                section = text
            draft = _finish(draft, notes)
            i += 3
            continue
        if token.type == "html_block" and (match := _COMMENT.match(token.content.strip())):
            draft = _finish(draft, notes)
            draft = _Draft(fields=_comment_fields(match.group(1)), section=section)
        elif token.type == "blockquote_open" and draft is not None and not draft.quote:
            depth, j = 1, i + 1
            while depth:
                depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[j].type, 0)
                if tokens[j].type == "inline":
                    draft.quote.append(_inline_text(tokens[j]))
                j += 1
            i = j
            continue
        elif token.type == "paragraph_open" and draft is not None:
            raw = "\n".join(lines[token.map[0] : token.map[1]]) if token.map else ""
            if TAGS_LINE.match(raw.strip()):
                draft.tags = tuple(tag[1:] for tag in raw.split())
            else:
                draft.paragraphs.append(_inline_text(tokens[i + 1]))
            i += 3
            continue
        i += 1
    _finish(draft, notes)
    return ParsedExport(front_matter=meta, title=title, notes=tuple(notes))


def _finish(draft: _Draft | None, notes: list[ParsedNote]) -> None:
    if draft is not None:
        fields = draft.fields
        notes.append(
            ParsedNote(
                id=fields.get("id", ""),
                article_id=fields.get("article", ""),
                start=_int(fields.get("start")),
                end=_int(fields.get("end")),
                anchor=fields.get("anchor", "exact"),
                quote="\n\n".join(draft.quote),
                note="\n\n".join(draft.paragraphs),
                tags=draft.tags,
                article_title=draft.section,
            )
        )
    return None


def _comment_fields(raw: str) -> dict[str, str]:
    return {key: unquote(value) for key, _, value in (p.partition("=") for p in raw.split())}


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _inline_text(token: Token) -> str:
    """The plain text a reader sees in an inline token (line breaks as ``\\n``)."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline", "html_inline", "image"):
            parts.append(child.content)
    return "".join(parts)
