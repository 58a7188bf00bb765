"""Checking a library and restoring it from a backup: what ``apostil doctor`` does.

Nothing here deletes anything: a broken library file is moved aside (``library.json.broken-
<time>``) before a backup is put in its place.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from . import paths, schema
from .atomic import fsync_dir
from .backups import BackupPolicy
from .errors import LibraryError
from .model import Article, Note
from .storage import load_library_file
from .textstore import TextStore


@dataclass
class Diagnosis:
    folder: Path
    healthy: bool = True
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    good_backup: Path | None = None

    def problem(self, text: str) -> None:
        self.healthy = False
        self.problems.append(text)


def _check_data(path: Path) -> tuple[dict | None, str | None]:
    """The parsed library at ``path`` and ``None``, or ``None`` and what is wrong with it."""
    try:
        data = load_library_file(path)
        schema.check_supported(schema.schema_version(data), str(path))
    except LibraryError as exc:
        return None, str(exc)
    return data, None


def diagnose(folder: Path) -> Diagnosis:
    report = Diagnosis(folder)
    library_file = folder / paths.LIBRARY_FILE
    backups = BackupPolicy(folder / paths.BACKUPS_DIR).backups()
    for backup in backups:
        data, _ = _check_data(backup)
        if data is not None:
            report.good_backup = backup
            break
    report.facts.append(f"library folder: {folder}")
    report.facts.append(
        f"backups: {len(backups)}"
        + (f", newest good: {report.good_backup.name}" if report.good_backup else ", none usable")
    )
    if not library_file.exists():
        report.facts.append("library file: none yet (it is created by the first import)")
        return report
    data, error = _check_data(library_file)
    if data is None:
        report.problem(error or "the library cannot be read")
        return report
    version = schema.schema_version(data)
    articles = [Article.from_record(r) for r in (data.get(schema.ARTICLES) or {}).values()]
    notes = [Note.from_record(r) for r in (data.get(schema.NOTES) or {}).values()]
    orphans = sum(1 for n in notes if n.orphaned)
    report.facts.append(
        f"library file: {library_file} ({library_file.stat().st_size:,} bytes, schema "
        f"{version}): {len(articles)} articles, {len(notes)} notes ({orphans} orphaned)"
    )
    texts = TextStore(folder / paths.TEXTS_DIR)
    known = {a.id: a for a in articles}
    for article in articles:
        if not texts.exists(article.content_hash):
            report.problem(
                f"the text of '{article.title}' ({article.id}) is missing; re-import its file"
            )
    for note in notes:
        article = known.get(note.article_id)
        if article is None:
            report.problem(f"note {note.id} belongs to no article ({note.article_id})")
            continue
        if note.orphaned or not texts.exists(article.content_hash):
            continue
        text = texts.get(article.content_hash).text
        if text[note.start : note.end] != note.quote:
            report.problem(
                f"note {note.id} no longer matches its passage in '{article.title}'"
                "; re-import the article to re-anchor it"
            )
    lock = FileLock(str(folder / paths.LOCK_FILE), timeout=0)
    try:
        lock.acquire()
        lock.release()
    except Timeout:
        report.facts.append("lock: another apostil is writing right now")
    return report


def restore_latest_backup(folder: Path, *, force: bool = False) -> tuple[Path, Path | None]:
    """Put the newest good backup in place of the library file.

    Returns ``(backup used, where the replaced file was moved)``. Refuses when the library
    is healthy unless ``force``.
    """
    report = diagnose(folder)
    if report.healthy and not force:
        raise LibraryError(
            "the library is healthy; use --force to restore a backup anyway "
            "(the current file is kept beside it)"
        )
    if report.good_backup is None:
        raise LibraryError(f"no usable backup in {folder / paths.BACKUPS_DIR}")
    library_file = folder / paths.LIBRARY_FILE
    lock = FileLock(str(folder / paths.LOCK_FILE), timeout=10)
    with lock:
        moved: Path | None = None
        if library_file.exists():
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            moved = folder / f"{paths.LIBRARY_FILE}.broken-{stamp}"
            os.replace(library_file, moved)
        temp = folder / f".{paths.LIBRARY_FILE}.restore.tmp"
        shutil.copyfile(report.good_backup, temp)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, library_file)
        fsync_dir(folder)
    return report.good_backup, moved
