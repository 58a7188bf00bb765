"""The data apostil works with: documents read from files, articles in the library, notes.

The one coordinate system
-------------------------
Every offset in apostil (notes, entity mentions, blocks, the reading position, the cursor)
is a Python ``str`` index into ``Document.text``: exactly what ``apostil text`` prints.
``Document.text`` is the blocks' texts joined by a blank line (``BLOCK_SEPARATOR``); the
first block is always the article's title (kind ``title``). Block text never contains a
blank line; it contains a single ``\\n`` only inside ``code`` blocks and quotes of
several lines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

BLOCK_SEPARATOR = "\n\n"

BlockKind = Literal["title", "heading", "paragraph", "list_item", "quote", "code"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("title", "heading", "paragraph", "list_item", "quote", "code")

AnchorState = Literal["exact", "moved", "approximate", "orphaned"]


@dataclass(frozen=True, slots=True)
class Block:
    """One structural piece of an article: ``text[start:end]`` of its document."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level (1-6); nesting depth for list items; 0 otherwise

    def to_list(self) -> list[Any]:
        return [self.kind, self.start, self.end, self.level]

    @classmethod
    def from_list(cls, raw: list[Any]) -> Block:
        kind, start, end, level = raw
        return cls(kind, int(start), int(end), int(level))


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a file says about itself; every field may be missing."""

    title: str = ""
    author: str = ""
    date: str = ""  # as written, or ISO 8601 when the source gives a machine date
    source: str = ""  # site name or URL the article came from (not the local path)
    description: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read from a file: normalised text, its blocks and its metadata."""

    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    format: str = "txt"  # txt | md | html

    @property
    def title(self) -> str:
        return self.metadata.title

    @property
    def content_hash(self) -> str:
        return text_hash(self.text)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset`` (or the one just after a separator)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end < offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks):
            return self.blocks[lo]
        return self.blocks[-1] if self.blocks else None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "blocks": [b.to_list() for b in self.blocks],
            "metadata": {
                "title": self.metadata.title,
                "author": self.metadata.author,
                "date": self.metadata.date,
                "source": self.metadata.source,
                "description": self.metadata.description,
                "tags": list(self.metadata.tags),
            },
            "format": self.format,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Document:
        meta = raw.get("metadata") or {}
        return cls(
            text=raw["text"],
            blocks=tuple(Block.from_list(b) for b in raw["blocks"]),
            metadata=Metadata(
                title=meta.get("title", ""),
                author=meta.get("author", ""),
                date=meta.get("date", ""),
                source=meta.get("source", ""),
                description=meta.get("description", ""),
                tags=tuple(meta.get("tags", ())),
            ),
            format=raw.get("format", "txt"),
        )


def text_hash(text: str) -> str:
    """The content hash of an article text (sha256 of its UTF-8, hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_from_blocks(
    blocks: Iterable[tuple[BlockKind, str, int]],
    metadata: Metadata,
    fmt: str,
) -> Document:
    """Assemble a Document from ``(kind, text, level)`` pieces, computing every offset.

    Empty pieces are dropped. If the first piece is not a ``title``, the metadata title (when
    there is one) is put in front as the title block; the metadata title is filled from the
    title block when it has none.
    """
    pieces = [(kind, text, level) for kind, text, level in blocks if text.strip()]
    if not pieces or pieces[0][0] != "title":
        if metadata.title.strip():
            pieces.insert(0, ("title", metadata.title.strip(), 0))
    elif not metadata.title:
        metadata = Metadata(
            title=pieces[0][1],
            author=metadata.author,
            date=metadata.date,
            source=metadata.source,
            description=metadata.description,
            tags=metadata.tags,
        )
    parts: list[str] = []
    out: list[Block] = []
    pos = 0
    for kind, text, level in pieces:
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(text)
        out.append(Block(kind, pos, pos + len(text), level))
        pos += len(text)
    return Document(text="".join(parts), blocks=tuple(out), metadata=metadata, format=fmt)


@dataclass(frozen=True, slots=True)
class Article:
    """An article in the library (its text is kept apart, by content hash)."""

    id: str
    title: str
    source_path: str  # absolute path of the file it was imported from ("" for stdin)
    content_hash: str
    format: str
    imported: str  # ISO 8601 UTC
    updated: str
    author: str = ""
    date: str = ""
    source: str = ""  # site or URL
    tags: tuple[str, ...] = ()
    reading_position: int = 0
    last_read: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source_path": self.source_path,
            "content_hash": self.content_hash,
            "format": self.format,
            "imported": self.imported,
            "updated": self.updated,
            "author": self.author,
            "date": self.date,
            "source": self.source,
            "tags": list(self.tags),
            "reading_position": self.reading_position,
            "last_read": self.last_read,
        }

    @classmethod
    def from_record(cls, raw: dict[str, Any]) -> Article:
        return cls(
            id=raw["id"],
            title=raw.get("title", ""),
            source_path=raw.get("source_path", ""),
            content_hash=raw["content_hash"],
            format=raw.get("format", "txt"),
            imported=raw.get("imported", ""),
            updated=raw.get("updated", ""),
            author=raw.get("author", ""),
            date=raw.get("date", ""),
            source=raw.get("source", ""),
            tags=tuple(raw.get("tags", ())),
            reading_position=int(raw.get("reading_position", 0)),
            last_read=raw.get("last_read", ""),
        )


@dataclass(frozen=True, slots=True)
class Note:
    """A note attached to a passage of an article.

    The anchor follows the W3C Web Annotation model: a TextPositionSelector (``start``,
    ``end``) and a TextQuoteSelector (``quote`` with ``prefix``/``suffix`` context), plus the
    hash of the text it was anchored on. Invariant: while ``anchor`` is not ``orphaned``,
    ``article_text[start:end] == quote`` for the text whose hash is ``text_hash``.
    """

    id: str
    article_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    text_hash: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    anchor: AnchorState = "exact"

    @property
    def orphaned(self) -> bool:
        return self.anchor == "orphaned"

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "text_hash": self.text_hash,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
            "anchor": self.anchor,
        }

    @classmethod
    def from_record(cls, raw: dict[str, Any]) -> Note:
        return cls(
            id=raw["id"],
            article_id=raw["article_id"],
            start=int(raw["start"]),
            end=int(raw["end"]),
            quote=raw["quote"],
            prefix=raw.get("prefix", ""),
            suffix=raw.get("suffix", ""),
            text_hash=raw.get("text_hash", ""),
            note=raw.get("note", ""),
            tags=tuple(raw.get("tags", ())),
            created=raw.get("created", ""),
            updated=raw.get("updated", ""),
            anchor=raw.get("anchor", "exact"),
        )


CONTEXT_CHARS = 32


def quote_selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """``(prefix, quote, suffix)`` for ``text[start:end]`` with CONTEXT_CHARS of context."""
    return (
        text[max(0, start - CONTEXT_CHARS) : start],
        text[start:end],
        text[end : end + CONTEXT_CHARS],
    )


def iter_occurrences(text: str, needle: str) -> Iterator[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``needle`` in ``text``."""
    if not needle:
        return
    pos = text.find(needle)
    while pos != -1:
        yield pos
        pos = text.find(needle, pos + 1)


def normalize_tag(tag: str) -> str:
    """A tag as stored: trimmed, inner whitespace as '-', a leading '#' dropped, lower case."""
    tag = tag.strip().lstrip("#").strip()
    return "-".join(tag.split()).lower()


def parse_tags(raw: str) -> tuple[str, ...]:
    """Tags from user input separated by commas and/or whitespace, deduplicated in order."""
    seen: dict[str, None] = {}
    for piece in raw.replace(",", " ").split():
        tag = normalize_tag(piece)
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


EntityType = Literal["person", "organization", "place", "group", "date", "misc"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "group", "date", "misc")


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of an article: a canonical name, its type, aliases and every mention.

    ``mentions`` are ``(start, end)`` offsets into the article text, sorted by start.
    ``origin`` is ``engine`` for what the engine found, ``user`` for a user's correction.
    """

    text: str
    type: EntityType
    mentions: tuple[tuple[int, int], ...]
    aliases: tuple[str, ...] = ()
    origin: str = "engine"

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "type": self.type,
            "count": self.count,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }
