"""Exports of the library's notes, as the CLI and the app ask for them.

Which notes: the articles named (all articles with notes when none are), optionally only the
notes carrying a tag. How: Markdown (one file per article, or one per tag) or W3C Web
Annotation JSON. Where: a string for standard output, a file, or a folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..library import Library, utc_now
from ..model import Article, Note, normalize_tag
from .files import WriteResult, markdown_files, tag_markdown_file, write_export, write_exports
from .webanno import annotations_json, export_web_annotations

Items = list[tuple[Article, list[Note]]]


def select_notes(
    library: Library, article_ids: Sequence[str] = (), *, tag: str | None = None
) -> Items:
    """``(article, notes in reading order)`` for the articles asked for, skipping articles
    left with no notes when none were named."""
    wanted_tag = normalize_tag(tag) if tag else None
    by_article: dict[str, list[Note]] = {}
    for note in library.notes(tag=wanted_tag):
        by_article.setdefault(note.article_id, []).append(note)
    if article_ids:
        articles = [library.article(i) for i in dict.fromkeys(article_ids)]
    else:
        articles = sorted(
            (a for a in library.articles() if a.id in by_article), key=lambda a: a.title.casefold()
        )
    return [(a, by_article.get(a.id, [])) for a in articles]


@dataclass(frozen=True)
class Rendered:
    """An export ready to be written: one text, or ``{file name: text}`` for a folder."""

    text: str
    files: dict[str, str]
    count: int  # notes included


def render(
    items: Items,
    *,
    fmt: str,
    tag: str | None = None,
    per_tag: bool = False,
    exported: str | None = None,
) -> Rendered:
    exported = exported or utc_now()
    count = sum(len(notes) for _, notes in items)
    if fmt == "json":
        text = annotations_json(export_web_annotations(items, exported=exported))
        return Rendered(text, {"apostil-notes.jsonld": text}, count)
    if per_tag and tag:
        files = tag_markdown_file(normalize_tag(tag), items, exported=exported)
    else:
        files = markdown_files(items, exported=exported)
    return Rendered("\n".join(files.values()), files, count)


def write_to_folder(
    folder: Path, rendered: Rendered, *, fmt: str, force: bool = False
) -> list[WriteResult]:
    if fmt == "json":
        folder.mkdir(parents=True, exist_ok=True)
        return [write_json(folder / "apostil-notes.jsonld", rendered.text, force=force)]
    return write_exports(folder, rendered.files, force=force)


def write_json(path: Path, text: str, *, force: bool = False) -> WriteResult:
    from ..atomic import atomic_write_text
    from .errors import ForeignFile

    if path.exists() and not force and not _is_apostil_json(path):
        raise ForeignFile(f"{path} was not written by apostil; use --force to overwrite it")
    status = "updated" if path.exists() else "created"
    atomic_write_text(path, text)
    return WriteResult(path, status)  # type: ignore[arg-type]


def _is_apostil_json(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return False
    return b'"generator"' in head and b"apostil" in head


def write_to_file(path: Path, rendered: Rendered, *, fmt: str, force: bool = False) -> WriteResult:
    if fmt == "json":
        return write_json(path, rendered.text, force=force)
    return write_export(path, rendered.text, force=force)


def export_article_markdown(library: Library, article_id: str, folder: Path) -> Path:
    """Export one article's notes into ``folder`` (the reader's ``x``); returns the file."""
    items = select_notes(library, [article_id])
    rendered = render(items, fmt="markdown")
    [result] = write_exports(Path(folder), rendered.files)
    return result.path
