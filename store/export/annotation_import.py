"""Bringing annotations back into the library: apostil's own Web Annotation exports and
Hypothesis's JSON export (``apostil import-notes``).

Each annotation finds its article (apostil's article id, the source file or URL, importing a
local source file that is not in the library yet), then its passage through the same
re-anchoring as an edited article: its position if the quote is still there, else the quote
where its context fits, else a fuzzy match; an annotation that cannot be placed is kept as
an orphan, never dropped. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..anchoring import reanchor
from ..errors import ApostilError
from ..library import Library, new_id, utc_now
from ..model import Article, Note
from .webanno import ARTICLE_URN, ImportedAnnotation


@dataclass
class NotesImportReport:
    added: int = 0
    updated: int = 0
    orphaned: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per source with no article


def _note_id(annotation: ImportedAnnotation) -> str:
    if annotation.note_id:
        return annotation.note_id
    if annotation.original_id:
        return hashlib.sha256(f"external:{annotation.original_id}".encode()).hexdigest()[:12]
    return new_id()


def _local_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    if not parsed.scheme and uri.startswith("/"):
        return Path(uri)
    return None


def find_article(
    library: Library, annotation: ImportedAnnotation, articles: Sequence[Article]
) -> Article | None:
    """The library article an annotation belongs to, importing a local source if needed."""
    by_id = {a.id: a for a in articles}
    if annotation.article_id in by_id:
        return by_id[annotation.article_id]
    source = annotation.source
    if source.startswith(ARTICLE_URN):
        return by_id.get(source[len(ARTICLE_URN) :])
    path = _local_path(source)
    if path is not None:
        known = library.article_by_path(path)
        if known is not None or not path.is_file():
            return known
        from ..reading import read_path

        return library.import_document(read_path(path), path).article
    for article in articles:
        if source and source in (article.source, article.source_path):
            return article
    return None


def import_annotations(
    library: Library, annotations: Sequence[ImportedAnnotation]
) -> NotesImportReport:
    report = NotesImportReport()
    articles = library.articles()
    known_ids = {n.id for n in library.notes()}
    placed: list[Note] = []
    missing: dict[str, int] = {}
    for annotation in annotations:
        try:
            article = find_article(library, annotation, articles)
        except ApostilError as error:
            missing[f"{annotation.source}: {error}"] = missing.get(annotation.source, 0) + 1
            continue
        if article is None:
            missing[annotation.source or "(no source)"] = (
                missing.get(annotation.source or "(no source)", 0) + 1
            )
            continue
        if article.id not in {a.id for a in articles}:
            articles = library.articles()
        text = library.document(article).text
        note = annotation.to_note(note_id=_note_id(annotation), article_id=article.id)
        note = reanchor(note, text)
        if not note.created:
            now = utc_now()
            note = replace(note, created=now, updated=now)
        placed.append(note)
        if note.orphaned:
            report.orphaned += 1
        if note.id in known_ids:
            report.updated += 1
        else:
            report.added += 1
            known_ids.add(note.id)
    if placed:
        library.save_notes(list({n.id: n for n in placed}.values()))
    report.skipped = [
        f"{count} annotation(s) of {source}: no such article in the library"
        for source, count in missing.items()
    ]
    return report
