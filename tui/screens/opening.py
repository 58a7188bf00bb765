"""What shows while the paths given on the command line are read and imported.

Usually for no frame at all (the library thread has read a small file before Textual is
ready), but a long HTML page takes a moment: the user sees which file is being opened. Once
it is open this screen stays at the bottom of the stack, under the reader; going back from
the reader shows the library above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from ..safe_text import printable, shorten


def opening_message(paths: Sequence[str]) -> str:
    """``Opening NAME…`` (or how many paths), as plain text."""
    if len(paths) == 1:
        name = Path(paths[0]).name or paths[0]
        return f"Opening {shorten(printable(name), 80)}…"
    return f"Opening {len(paths)} paths…"


class OpeningScreen(Screen[None]):
    """A line saying what is being opened, in the middle of the screen."""

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__()
        self._message = opening_message(paths)

    def compose(self) -> ComposeResult:
        yield Static(self._message, id="opening-message", markup=False)
