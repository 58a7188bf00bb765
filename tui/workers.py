"""Reporting what went wrong in workers.

Workers are reported with :func:`report_worker_state`: a worker that fails with an
``ApostilError`` becomes an error notification with its one-line message; any other exception
becomes a one-line "unexpected error" notification (the traceback goes to the Textual log),
never a traceback on the screen.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from apostil.store.errors import ApostilError

from .safe_text import printable, shorten

LIBRARY_GROUP = "library"
"""The worker group of every worker that waits on the library."""


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
