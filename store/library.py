"""The library: articles, their texts, notes and entity corrections, in one TinyDB file.

``Library(folder)`` keeps ``library.json`` (TinyDB, written atomically by
:class:`AtomicJSONStorage`), ``library.lock``, ``texts/`` (content-addressed article texts),
``backups/`` and ``cache/`` in ``folder``. ``Library.in_memory()`` keeps everything in memory
(tests, one-off reads). Every change runs in :meth:`Library._writing`: the writer lock is
held, the file is re-read if another process changed it, and the change is written once,
atomically, so no acknowledged note is ever lost however processes interleave.
"""

from __future__ import annotations

import contextlib
import copy
import secrets
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from . import paths, schema
from .backups import BackupPolicy
from .errors import Ambiguous, LibraryError, NotFound
from .locking import WriterLock
from .model import Article, Document, Note, normalize_tag, quote_selector
from .storage import AtomicJSONStorage
from .textstore import TextStore

ImportStatus = Literal["added", "updated", "unchanged"]
MIN_PREFIX = 4


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-11-25T10:00:00Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    return secrets.token_hex(6)


class _FreshTable(Table):
    """A TinyDB table that never trusts caches another process could have made stale."""

    default_query_cache_capacity = 0

    def _get_next_id(self) -> int:  # type: ignore[override]
        # Never below what is on disk (another process may have inserted since we last
        # looked), and counting up within one operation (insert_multiple asks several times
        # before anything is written). Computed on the raw keys, without TinyDB's conversion.
        raw = (self._storage.read() or {}).get(self.name) or {}
        next_id = max(max(map(int, raw), default=0) + 1, self._next_id or 0)
        self._next_id = next_id + 1
        return next_id


class _TransactionalMemoryStorage(MemoryStorage):
    """TinyDB's MemoryStorage with the same transaction interface as the file storage."""

    def __init__(self) -> None:
        super().__init__()
        self._snapshots: list[Any] = []

    def begin(self) -> None:
        self._snapshots.append(copy.deepcopy(self.memory))

    def commit(self) -> None:
        self._snapshots.pop()

    def rollback(self) -> None:
        self.memory = self._snapshots.pop()


class _DB(TinyDB):
    table_class = _FreshTable


@dataclass(frozen=True)
class ImportOutcome:
    article: Article
    status: ImportStatus
    notes_moved: int = 0
    notes_orphaned: int = 0
    notes: tuple[Note, ...] = field(default=())


class Library:
    """The user's articles and notes. Safe to share between threads; one writer at a time
    across processes."""

    def __init__(
        self,
        folder: str | Path | None,
        *,
        lock_timeout: float = 10.0,
        backup_interval: float = 600.0,
        backups_kept: int = 10,
    ) -> None:
        self.folder = Path(folder) if folder is not None else None
        self._mutex = threading.RLock()
        self._swept = False
        if self.folder is None:
            self.file: Path | None = None
            self.backups: BackupPolicy | None = None
            self._storage: Any = None
            self._db = _DB(storage=_TransactionalMemoryStorage)
            self._storage = self._db.storage
            self._lock = WriterLock(None)
            self.texts = TextStore(None)
            self.cache_dir: Path | None = None
        else:
            if self.folder.exists() and not self.folder.is_dir():
                raise LibraryError(f"the library folder {self.folder} is not a folder")
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(
                    f"cannot create the library folder {self.folder}: {exc.strerror}"
                ) from None
            self.file = self.folder / paths.LIBRARY_FILE
            self.backups = BackupPolicy(
                self.folder / paths.BACKUPS_DIR, interval=backup_interval, keep=backups_kept
            )
            backups = self.backups
            self._db = _DB(
                self.file,
                storage=AtomicJSONStorage,
                before_replace=lambda p: backups.maybe_backup(p),
            )
            self._storage = self._db.storage
            self._lock = WriterLock(self.folder / paths.LOCK_FILE, timeout=lock_timeout)
            self.texts = TextStore(self.folder / paths.TEXTS_DIR)
            self.cache_dir = self.folder / paths.CACHE_DIR
        self._check_schema()

    @classmethod
    def in_memory(cls) -> Library:
        return cls(None)

    # -- transactions -------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._mutex, self._lock.hold():
            if not self._swept:
                self._sweep_temp_files()
            self._storage.begin()
            try:
                data = self._storage.read() or {}
                version = schema.schema_version(data)
                schema.check_supported(version, str(self.file or "in memory"))
                if version is None:
                    self._db.table(schema.META_TABLE).insert({"schema": schema.SCHEMA_VERSION})
                elif version < schema.SCHEMA_VERSION:
                    self._migrate_locked(data, version)
                yield
            except BaseException:
                self._storage.rollback()
                raise
            else:
                self._storage.commit()

    def _sweep_temp_files(self) -> None:
        """Remove temporary files a killed writer left (safe: we hold the writer lock)."""
        self._swept = True
        if self.folder is None:
            return
        for leftover in self.folder.glob(f".{paths.LIBRARY_FILE}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _check_schema(self) -> None:
        with self._mutex:
            data = self._storage.read() or {}
            schema.check_supported(schema.schema_version(data), str(self.file or "in memory"))

    def _migrate_locked(self, data: dict[str, Any], version: int) -> None:
        if self.backups is not None and self.file is not None:
            self.backups.backup_now(self.file)
        self._storage.write(schema.migrate(data, version))

    def _table(self, name: str) -> Table:
        return self._db.table(name)

    def _raw(self, name: str) -> list[dict[str, Any]]:
        with self._mutex:
            data = self._storage.read() or {}
            return [dict(rec) for rec in (data.get(name) or {}).values()]

    # -- articles -----------------------------------------------------------------------
    def _articles_unsorted(self) -> list[Article]:
        return [Article.from_record(r) for r in self._raw(schema.ARTICLES)]

    def articles(self, *, tag: str | None = None) -> list[Article]:
        """Every article, newest import first; with ``tag``, those carrying it."""
        found = self._articles_unsorted()
        if tag:
            wanted = normalize_tag(tag)
            found = [a for a in found if wanted in a.tags]
        return sorted(found, key=lambda a: (a.imported, a.id), reverse=True)

    def article(self, article_id: str) -> Article:
        for record in self._raw(schema.ARTICLES):
            if record["id"] == article_id:
                return Article.from_record(record)
        raise NotFound(f"no article with id {article_id}")

    def find_article(self, target: str) -> Article:
        """An article by id, unique id prefix (4+ characters), title, or unique part of a title
        (any case)."""
        target = target.strip()
        articles = self.articles()
        for article in articles:
            if article.id == target:
                return article
        if len(target) >= MIN_PREFIX:
            matches = [a for a in articles if a.id.startswith(target.lower())]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                ids = ", ".join(a.id for a in matches[:5])
                raise Ambiguous(f"'{target}' matches {len(matches)} articles ({ids})")
        folded = target.casefold()
        for same in (
            [a for a in articles if a.title.casefold() == folded],
            [a for a in articles if folded in a.title.casefold()] if folded else [],
        ):
            if len(same) == 1:
                return same[0]
            if len(same) > 1:
                raise Ambiguous(f"{len(same)} article titles match '{target}'; use an id")
        raise NotFound(f"no article matches '{target}' (an id, id prefix, title or file path)")

    def article_by_path(self, path: str | Path) -> Article | None:
        wanted = str(Path(path).expanduser().resolve())
        for article in self.articles():
            if article.source_path == wanted:
                return article
        return None

    def document(self, article: Article | str) -> Document:
        """The article's text, blocks and metadata as the library keeps them."""
        if isinstance(article, str):
            article = self.article(article)
        return self.texts.get(article.content_hash)

    def import_document(self, document: Document, source_path: str | Path | None) -> ImportOutcome:
        """Add ``document`` to the library, or update the article it came from.

        The same source path with the same text: unchanged. The same source path with a new
        text: the article is updated in place and its notes re-anchored on the new text. The
        same text from another path (a copy, a moved file): unchanged.
        """
        source = str(Path(source_path).expanduser().resolve()) if source_path else ""
        content_hash = document.content_hash
        now = utc_now()
        # Reopening a file that has not changed is the common case: no lock, no write.
        articles = self._articles_unsorted()
        unchanged = _unchanged(articles, _from_path(articles, source), content_hash)
        if unchanged is not None:
            return ImportOutcome(unchanged, "unchanged")
        with self._writing():
            articles = self._articles_unsorted()
            existing = _from_path(articles, source)
            unchanged = _unchanged(articles, existing, content_hash)
            if unchanged is not None:
                return ImportOutcome(unchanged, "unchanged")
            self.texts.put(document)
            meta = document.metadata
            if existing is None:
                article = Article(
                    id=new_id(),
                    title=document.title or Path(source).stem or "Untitled",
                    source_path=source,
                    content_hash=content_hash,
                    format=document.format,
                    imported=now,
                    updated=now,
                    author=meta.author,
                    date=meta.date,
                    source=meta.source,
                    tags=tuple(dict.fromkeys(t for t in map(normalize_tag, meta.tags) if t)),
                )
                self._table(schema.ARTICLES).insert(article.to_record())
                return ImportOutcome(article, "added")
            article = replace(
                existing,
                title=document.title or existing.title,
                content_hash=content_hash,
                format=document.format,
                updated=now,
                author=meta.author,
                date=meta.date,
                source=meta.source,
                reading_position=min(existing.reading_position, len(document.text)),
            )
            self._replace_article(article)
            from .anchoring import reanchor_all

            old_notes = [n for n in self._notes_raw() if n.article_id == article.id]
            try:
                old_text: str | None = self.texts.get(existing.content_hash).text
            except LibraryError:
                old_text = None
            moved = reanchor_all(old_notes, document.text, old_text=old_text)
            for note in moved:
                self._replace_note(note)
            changed = sum(
                1
                for old, new in zip(old_notes, moved, strict=True)
                if (old.start, old.end, old.anchor) != (new.start, new.end, new.anchor)
                and not new.orphaned
            )
            orphaned = sum(1 for n in moved if n.orphaned)
            return ImportOutcome(article, "updated", changed, orphaned, tuple(moved))

    def _replace_article(self, article: Article) -> None:
        table = self._table(schema.ARTICLES)
        table.update(_overwrite(article.to_record()), _by_id(article.id))

    def set_article_tags(
        self, article_id: str, *, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> Article:
        add_tags = [t for t in map(normalize_tag, add) if t]
        remove_tags = {t for t in map(normalize_tag, remove) if t}
        with self._writing():
            article = self.article(article_id)
            tags = [t for t in article.tags if t not in remove_tags]
            tags += [t for t in add_tags if t not in tags]
            article = replace(article, tags=tuple(tags), updated=utc_now())
            self._replace_article(article)
            return article

    def replace_article_tags(self, article_id: str, tags: Iterable[str]) -> Article:
        with self._writing():
            article = self.article(article_id)
            clean = tuple(dict.fromkeys(t for t in map(normalize_tag, tags) if t))
            article = replace(article, tags=clean, updated=utc_now())
            self._replace_article(article)
            return article

    def set_reading_position(self, article_id: str, offset: int) -> None:
        with self._writing():
            article = self.article(article_id)
            self._replace_article(
                replace(article, reading_position=max(0, offset), last_read=utc_now())
            )

    def remove_article(self, article_id: str) -> tuple[Article, list[Note]]:
        """Remove an article and its notes; returns them (for undo or a message)."""
        with self._writing():
            article = self.article(article_id)
            notes = [n for n in self._notes_raw() if n.article_id == article_id]
            self._table(schema.NOTES).remove(_by_article(article_id))
            self._table(schema.ARTICLES).remove(_by_id(article_id))
            return article, notes

    # -- notes --------------------------------------------------------------------------
    def _notes_raw(self) -> list[Note]:
        return [Note.from_record(r) for r in self._raw(schema.NOTES)]

    def notes(
        self,
        article_id: str | None = None,
        *,
        tag: str | None = None,
        search: str | None = None,
        orphaned: bool | None = None,
    ) -> list[Note]:
        """Notes in reading order (article, then position), filtered as asked.

        ``search`` matches, case-insensitively, the quote, the note text and the tags.
        """
        found = self._notes_raw()
        if article_id is not None:
            found = [n for n in found if n.article_id == article_id]
        if tag:
            wanted = normalize_tag(tag)
            found = [n for n in found if wanted in n.tags]
        if search:
            needle = search.casefold()
            found = [
                n
                for n in found
                if needle in n.quote.casefold()
                or needle in n.note.casefold()
                or any(needle in t for t in n.tags)
            ]
        if orphaned is not None:
            found = [n for n in found if n.orphaned == orphaned]
        return sorted(found, key=lambda n: (n.article_id, n.orphaned, n.start, n.end, n.created))

    def note(self, note_id: str) -> Note:
        """A note by id or unique id prefix (4+ characters)."""
        note_id = note_id.strip().lower()
        notes = self._notes_raw()
        exact = [n for n in notes if n.id == note_id]
        if exact:
            return exact[0]
        if len(note_id) >= MIN_PREFIX:
            matches = [n for n in notes if n.id.startswith(note_id)]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise Ambiguous(f"'{note_id}' matches {len(matches)} notes; give more of the id")
        raise NotFound(f"no note with id {note_id}")

    def add_note(
        self, article_id: str, start: int, end: int, *, note: str = "", tags: Iterable[str] = ()
    ) -> Note:
        """Attach a note to ``text[start:end]`` of the article."""
        article = self.article(article_id)
        text = self.texts.get(article.content_hash).text
        if not (0 <= start < end <= len(text)):
            raise LibraryError(f"the passage {start}-{end} is outside the article (0-{len(text)})")
        prefix, quote, suffix = quote_selector(text, start, end)
        now = utc_now()
        record = Note(
            id=new_id(),
            article_id=article_id,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            text_hash=article.content_hash,
            note=note,
            tags=tuple(dict.fromkeys(t for t in map(normalize_tag, tags) if t)),
            created=now,
            updated=now,
        )
        with self._writing():
            self.article(article_id)  # still there after waiting for the lock
            self._table(schema.NOTES).insert(record.to_record())
        return record

    def update_note(
        self, note_id: str, *, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Note:
        with self._writing():
            current = self.note(note_id)
            changed = replace(
                current,
                note=current.note if note is None else note,
                tags=current.tags
                if tags is None
                else tuple(dict.fromkeys(t for t in map(normalize_tag, tags) if t)),
                updated=utc_now(),
            )
            self._replace_note(changed)
            return changed

    def tag_note(
        self, note_id: str, *, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> Note:
        with self._writing():
            current = self.note(note_id)
            removed = {t for t in map(normalize_tag, remove) if t}
            tags = [t for t in current.tags if t not in removed]
            tags += [t for t in map(normalize_tag, add) if t and t not in tags]
            changed = replace(current, tags=tuple(tags), updated=utc_now())
            self._replace_note(changed)
            return changed

    def save_note(self, note: Note) -> Note:
        """Store ``note`` as it is (re-attached anchors, imported notes, undo of a delete)."""
        with self._writing():
            self.article(note.article_id)
            if any(n.id == note.id for n in self._notes_raw()):
                self._replace_note(note)
            else:
                self._table(schema.NOTES).insert(note.to_record())
        return note

    def save_notes(self, notes: Sequence[Note]) -> None:
        """Store many notes in one write (imports): new ids are added, known ids replaced."""
        with self._writing():
            known = {n.id for n in self._notes_raw()}
            articles = {a.id for a in self.articles()}
            for note in notes:
                if note.article_id not in articles:
                    raise NotFound(f"no article with id {note.article_id}")
            fresh = [n.to_record() for n in notes if n.id not in known]
            for note in notes:
                if note.id in known:
                    self._replace_note(note)
            if fresh:
                self._table(schema.NOTES).insert_multiple(fresh)

    def delete_note(self, note_id: str) -> Note:
        """Remove a note; returns it so that the caller can undo with :meth:`save_note`."""
        with self._writing():
            current = self.note(note_id)
            self._table(schema.NOTES).remove(_by_id(current.id))
            return current

    def _replace_note(self, note: Note) -> None:
        self._table(schema.NOTES).update(_overwrite(note.to_record()), _by_id(note.id))

    def note_counts(self) -> Counter[str]:
        """Number of notes per article id."""
        return Counter(r["article_id"] for r in self._raw(schema.NOTES))

    def tags(self) -> Counter[str]:
        """Every tag in the library (articles and notes) with how often it is used."""
        counts: Counter[str] = Counter()
        for record in self._raw(schema.NOTES):
            counts.update(record.get("tags", ()))
        for record in self._raw(schema.ARTICLES):
            counts.update(record.get("tags", ()))
        return counts

    # -- entity corrections ---------------------------------------------------------------
    def corrections(self) -> list[dict[str, Any]]:
        """The user's entity corrections, oldest first (later ones win)."""
        with self._mutex:
            table = (self._storage.read() or {}).get(schema.CORRECTIONS) or {}
            return [dict(table[key]) for key in sorted(table, key=int)]

    def add_correction(self, record: dict[str, Any]) -> dict[str, Any]:
        saved = {**record, "id": new_id(), "created": utc_now()}
        with self._writing():
            self._table(schema.CORRECTIONS).insert(saved)
        return saved

    def remove_correction(self, correction_id: str) -> None:
        with self._writing():
            if not any(r.get("id") == correction_id for r in self._raw(schema.CORRECTIONS)):
                raise NotFound(f"no entity correction with id {correction_id}")
            self._table(schema.CORRECTIONS).remove(_by_id(correction_id))

    # -- misc -----------------------------------------------------------------------------
    def close(self) -> None:
        with self._mutex:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({str(self.folder) if self.folder else 'in memory'})"


def _by_id(record_id: str) -> Any:
    return lambda doc: doc.get("id") == record_id


def _by_article(article_id: str) -> Any:
    return lambda doc: doc.get("article_id") == article_id


def _overwrite(fields: dict[str, Any]) -> Any:
    def apply(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(fields)

    return apply


def _from_path(articles: Sequence[Article], source: str) -> Article | None:
    """The article imported from ``source`` (none for text from standard input)."""
    return next((a for a in articles if source and a.source_path == source), None)


def _unchanged(
    articles: Sequence[Article], existing: Article | None, content_hash: str
) -> Article | None:
    """The article that importing ``content_hash`` would leave as it is: ``existing`` (the one
    from the same path) when its text is the same; else, when no article came from that path,
    one with the same text (a copy, a moved file)."""
    if existing is None:
        return next((a for a in articles if a.content_hash == content_hash), None)
    return existing if existing.content_hash == content_hash else None
