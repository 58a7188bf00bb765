"""One writer at a time across processes, through a lock on a separate lock file.

The lock is an OS-level ``flock`` (via filelock), so a process that dies releases it: a crash
never leaves a lock that blocks the next apostil.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LibraryBusy

if TYPE_CHECKING:
    from filelock import FileLock

DEFAULT_LOCK_TIMEOUT = 10.0


class WriterLock:
    """Re-entrant within a process (any thread), exclusive across processes."""

    def __init__(self, lock_path: Path | None, timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self._thread_lock = threading.RLock()
        self._file_lock: FileLock | None = None  # made at the first write (filelock is
        self._timeout = timeout  # imported then: reading needs no lock)
        self._lock_path = lock_path

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._thread_lock:
            if self._lock_path is None:
                yield
                return
            from filelock import FileLock, Timeout

            if self._file_lock is None:
                self._file_lock = FileLock(
                    str(self._lock_path), timeout=self._timeout, thread_local=False
                )
            try:
                self._file_lock.acquire()
            except Timeout:
                raise LibraryBusy(
                    f"the library is busy: another apostil has been writing to it for over "
                    f"{self._timeout:g}s (lock {self._lock_path}); try again"
                ) from None
            try:
                yield
            finally:
                self._file_lock.release()
