"""Read one article file (or bytes) into a ``Document``.

Checks, in order: the file exists, is not a directory, is not larger than ``max_bytes``
(``MAX_BYTES`` = 50 MiB by default: far above any real article, small enough to keep reading
and entity finding interactive), is not empty, is not a binary format (magic numbers, NUL
bytes), decodes (see ``decoding``), is not mostly control characters, and still has text
after extraction. Each failure raises ``ReadError(path, reason)`` with a one-line reason.
"""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path

from ..errors import ReadError
from ..model import BlockKind, Document, document_from_blocks
from .decoding import decode_bytes
from .normalize import normalize_text
from .plaintext import parse_plain_text
from .sniffing import binary_kind, declared_charset, looks_like_control_noise, looks_like_html
from .structure import title_from_name, title_from_text

MAX_BYTES = 50 * 1024 * 1024  # 50 MiB

Piece = tuple[BlockKind, str, int]

FORMAT_ALIASES = {
    "txt": "txt",
    "text": "txt",
    "plain": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
}
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_BLANK_LINES = re.compile(r"\n\s*\n+")


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """The Document in the file at ``path``; ``ReadError`` when it cannot be read as one."""
    name = str(path)
    file = Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except NotADirectoryError:
        raise ReadError(name, "no such file (a parent is not a folder)") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, exc.strerror or "cannot read the file") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, "is a directory")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise ReadError(name, _too_large(info.st_size, max_bytes))
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, exc.strerror or "cannot read the file") from None
    return read_bytes(data, name=name, max_bytes=max_bytes)


def read_bytes(
    data: bytes, *, name: str, fmt: str | None = None, max_bytes: int | None = MAX_BYTES
) -> Document:
    """The Document in ``data``; ``name`` names it in errors and may give the format (by its
    suffix) and a title. ``fmt`` (txt, md, html) overrides the suffix; without either the
    format is sniffed: HTML if it looks like HTML, else plain text."""
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(name, _too_large(len(data), max_bytes))
    if not data:
        raise ReadError(name, "empty file")
    kind = binary_kind(data)
    if kind is not None:
        raise ReadError(name, f"binary file ({kind})")
    resolved = _resolve_format(fmt, name)
    declared = declared_charset(data) if resolved in (None, "html") else None
    text = decode_bytes(data, name, declared=declared)
    if looks_like_control_noise(text):
        raise ReadError(name, "binary file (control characters)")
    text = normalize_text(text).lstrip("\ufeff")
    if not text.strip():
        raise ReadError(name, "no readable text")
    if resolved is None:
        resolved = "html" if looks_like_html(text) else "txt"
    return _document(text, name, resolved)


def _document(text: str, name: str, fmt: str) -> Document:
    if fmt == "md":
        from .markdown import parse_markdown  # loaded only when needed

        pieces, metadata = parse_markdown(text)
    elif fmt == "html":
        from .html import parse_html  # trafilatura is slow to import: only for HTML

        pieces, metadata = parse_html(text)
    else:
        pieces, metadata = parse_plain_text(text, name)
    if fmt != "txt":
        pieces = [_clean(kind, body, level) for kind, body, level in pieces]
    pieces = [piece for piece in pieces if piece[1].strip()]  # "> " alone quotes nothing
    has_body = any(kind != "title" for kind, _, _ in pieces)
    if not pieces or (fmt != "txt" and not has_body):
        raise ReadError(name, "no readable text")
    if pieces[0][0] != "title":
        title = (
            metadata.title or title_from_name(name) or title_from_text(pieces[0][1]) or "Untitled"
        )
        pieces.insert(0, ("title", title, 0))
    metadata = replace(metadata, title=pieces[0][1])
    return document_from_blocks(pieces, metadata, fmt)


def _clean(kind: BlockKind, text: str, level: int) -> Piece:
    """A piece from markup made safe: controls decoded from entities removed, no blank line."""
    text = normalize_text(text)
    if kind in ("code", "quote"):
        text = _BLANK_LINES.sub("\n", text.strip("\n")).rstrip()
        if not text.strip():
            text = ""
    else:
        text = " ".join(text.split())
    return (kind, text, level)


def _resolve_format(fmt: str | None, name: str) -> str | None:
    if fmt is not None:
        try:
            return FORMAT_ALIASES[fmt.lower().lstrip(".")]
        except KeyError:
            raise ValueError(f"unknown article format: {fmt!r}") from None
    return SUFFIX_FORMATS.get(Path(name).suffix.lower())


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_size(size)}; the limit is {_size(limit)})"


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


__all__ = ["MAX_BYTES", "read_bytes", "read_path"]
