"""The one thread that talks to the library (no Textual import: the CLI starts it first).

TinyDB is touched from one thread only: every library call the app makes goes through
:class:`LibraryRunner`, a single-thread executor. ``await runner.call(fn, ...)`` from an
async worker keeps the UI responsive; the call is shielded, so a write that was started (or
queued) always completes even when the screen that asked for it goes away or the app quits
(:meth:`LibraryRunner.close` waits for the queue to drain).

``runner.start(fn, ...)`` queues a call and returns its future at once: the CLI uses it to
import and read the article it was asked to open while Textual is still being imported.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from apostil.store.library import Library

T = TypeVar("T")


class LibraryRunner:
    """The one thread that talks to the library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="apostil-library")
        self._closed = False

    def start(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Queue ``fn(*args, **kwargs)`` on the library thread; its future, at once."""
        return self._executor.submit(functools.partial(fn, *args, **kwargs))

    async def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` on the library thread and wait for its result."""
        return await asyncio.shield(asyncio.wrap_future(self.start(fn, *args, **kwargs)))

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
