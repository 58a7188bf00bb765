"""One writer at a time across processes, through a lock on a separate lock file.

The lock is an OS-level ``flock`` (via filelock), so a process that dies releases it: a crash
never leaves a lock that blocks the next apostil.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import LibraryBusy

DEFAULT_LOCK_TIMEOUT = 10.0


class WriterLock:
    """Re-entrant within a process (any thread), exclusive across processes."""

    def __init__(self, lock_path: Path | None, timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self._thread_lock = threading.RLock()
        self._file_lock = (
            FileLock(str(lock_path), timeout=timeout, thread_local=False) if lock_path else None
        )
        self._timeout = timeout
        self._lock_path = lock_path

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._thread_lock:
            if self._file_lock is None:
                yield
                return
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
