"""The one thread that talks to the library (no Textual import: the CLI starts it first).

TinyDB is touched from one thread only: every library call the app makes goes through
:class:`LibraryRunner`, a single-thread executor. ``await runner.call(fn, ...)`` from an
async worker keeps the UI responsive; the call is shielded, so a write that was started (or
queued) always completes even when the screen that asked for it goes away or the app quits
(:meth:`LibraryRunner.close` waits for the queue to drain).

``runner.start(fn, ...)`` queues a call and returns its future at once: the CLI uses it (via
:func:`start_opening`) to import and read the article it was asked to open while Textual is
still being imported.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from apostil.store.importing import STDIN, Opening, import_for_reading
from apostil.store.library import Library

T = TypeVar("T")


class LibraryRunner:
    """The one thread that talks to the library."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="apostil-library")
        self._closed = False

    def start(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Queue ``fn(*args, **kwargs)`` on the library thread; its future, at once."""
        return self._executor.submit(functools.partial(fn, *args, **kwargs))

    async def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` on the library thread and wait for its result."""
        return await self.wait(self.start(fn, *args, **kwargs))

    @staticmethod
    async def wait(future: Future[T]) -> T:
        """Wait for a call started with :meth:`start` (the call goes on if the waiter is
        cancelled)."""
        return await asyncio.shield(asyncio.wrap_future(future))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        """Queue ``fn(*args, **kwargs)`` without waiting (a write nobody needs the answer of,
        e.g. the reading position on the way out). Errors are dropped."""
        if self._closed:
            return
        self.start(fn, *args, **kwargs)

    def close(self) -> None:
        """Wait for every queued call, then stop the thread."""
        self._closed = True
        self._executor.shutdown(wait=True)


def files_to_open(paths: Sequence[str]) -> list[str]:
    """The paths the reader can open: all but standard input."""
    return [p for p in paths if p != STDIN]


def start_opening(
    runner: LibraryRunner, library: Library, paths: Sequence[str]
) -> Future[Opening] | None:
    """Start importing and reading ``paths`` on the library thread (none to open: None)."""
    files = files_to_open(paths)
    return runner.start(import_for_reading, library, files) if files else None
