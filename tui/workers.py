"""Running library calls off the event loop, on one thread, and reporting what went wrong.

TinyDB is touched from one thread only: every library call the app makes goes through
:class:`LibraryRunner`, a single-thread executor. ``await runner.call(fn, ...)`` from an
async worker keeps the UI responsive; the call is shielded, so a write that was started (or
queued) always completes even when the screen that asked for it goes away or the app quits
(:meth:`LibraryRunner.close` waits for the queue to drain).

Workers are reported with :func:`report_worker_state`: a worker that fails with an
``ApostilError`` becomes an error notification with its one-line message; any other exception
becomes a one-line "unexpected error" notification (the traceback goes to the Textual log),
never a traceback on the screen.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from apostil.store.errors import ApostilError
from apostil.store.library import Library

from .safe_text import printable, shorten

T = TypeVar("T")

LIBRARY_GROUP = "library"
"""The worker group of every worker that waits on the library."""


class LibraryRunner:
    """The one thread that talks to the library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="apostil-library")
        self._closed = False

    async def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` on the library thread and wait for its result."""
        future = self._executor.submit(functools.partial(fn, *args, **kwargs))
        return await asyncio.shield(asyncio.wrap_future(future))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        """Queue ``fn(*args, **kwargs)`` without waiting (a write nobody needs the answer of,
        e.g. the reading position on the way out). Errors are dropped."""
        if self._closed:
            return
        self._executor.submit(functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        """Wait for every queued call, then stop the thread."""
        self._closed = True
        self._executor.shutdown(wait=True)


def error_message(error: BaseException) -> str:
    """The one line shown for ``error``."""
    if isinstance(error, ApostilError):
        return shorten(printable(str(error)), 300)
    detail = " ".join(str(error).split())
    name = type(error).__name__
    return shorten(printable(f"Unexpected error ({name}): {detail}" if detail else name), 300)


def report_worker_state(node: DOMNode, event: Worker.StateChanged) -> None:
    """Turn a failed worker into an error notification (to be called from the
    ``on_worker_state_changed`` handler of the node that ran it)."""
    if event.state != WorkerState.ERROR:
        return
    error = event.worker.error
    if error is None:
        return
    if not isinstance(error, ApostilError):
        node.log.error(f"worker {event.worker.name!r} failed", error)
    node.app.notify(error_message(error), title="Error", severity="error", timeout=8, markup=False)
