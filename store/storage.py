"""TinyDB storage for the library: atomic, crash-safe, cached, and aware of other writers.

TinyDB's own JSONStorage rewrites its file in place on every write (a full disk or a crash
leaves broken JSON) and re-reads and re-parses the whole file on every operation. This
storage instead:

- writes through :func:`atomic.atomic_write_bytes` (temp file, fsync, ``os.replace``, fsync
  of the folder), so the file on disk is always the old or the new library, never a mix;
- keeps the parsed data in memory and re-reads the file only when another process replaced
  it (its inode, size or mtime changed);
- inside a transaction (``begin``/``commit``), defers writes so that a whole operation
  becomes one atomic write; ``rollback`` drops the unsaved state;
- never writes over a file it could not parse: that is :class:`LibraryCorrupt`, and the
  file is left byte for byte as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .atomic import atomic_write_bytes
from .errors import LibraryCorrupt, LibraryError

Stamp = tuple[int, int, int]  # inode, size, mtime_ns


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def load_library_file(path: Path) -> dict[str, Any]:
    """Parse a library file, raising a one-line :class:`LibraryCorrupt` if it is not one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"cannot read the library {path}: {exc.strerror}") from None
    if not raw.strip():
        raise LibraryCorrupt(
            f"the library {path} is empty (0 notes could be read); it was left untouched; "
            "run 'apostil doctor' to restore a backup"
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise LibraryCorrupt(
            f"the library {path} is not valid JSON ({exc.msg} at byte {exc.pos}); it was left "
            "untouched; run 'apostil doctor' to restore a backup"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise LibraryCorrupt(
            f"the library {path} is not an apostil library (unexpected structure); it was "
            "left untouched; run 'apostil doctor'"
        )
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB ``Storage`` over one JSON file, written atomically."""

    def __init__(
        self, path: str | os.PathLike[str], before_replace: Callable[[Path], object] | None = None
    ) -> None:
        self.path = Path(path)
        self._before_replace = before_replace
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._depth = 0
        self._dirty = False

    # -- TinyDB's interface -------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        if self._data is None or (self._depth == 0 and self._changed_on_disk()):
            self._load()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        if self._depth:
            self._dirty = True
        else:
            self._flush()

    def close(self) -> None:
        self._data = None

    # -- transactions -------------------------------------------------------------------
    def begin(self) -> None:
        """Start a write transaction; call with the writer lock held."""
        if self._depth == 0 and (self._data is None or self._changed_on_disk()):
            self._load()
        self._depth += 1

    def commit(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self._flush()

    def rollback(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._dirty = False
            self._data = None  # the next read loads what is really on disk

    # -- internals ----------------------------------------------------------------------
    def _changed_on_disk(self) -> bool:
        return _stamp(self.path) != self._stamp

    def _load(self) -> None:
        stamp = _stamp(self.path)
        self._data = {} if stamp is None else load_library_file(self.path)
        self._stamp = stamp

    def _flush(self) -> None:
        assert self._data is not None
        payload = orjson.dumps(self._data)
        hook = None
        if self._before_replace is not None:
            before = self._before_replace

            def hook() -> None:
                before(self.path)

        try:
            atomic_write_bytes(self.path, payload, before_replace=hook)
        except OSError as exc:
            self._data = None
            self._dirty = False
            reason = exc.strerror or str(exc)
            raise LibraryError(
                f"could not save the library {self.path}: {reason}; the library on disk was "
                "left as it was and this change was not saved"
            ) from None
        self._dirty = False
        self._stamp = _stamp(self.path)
