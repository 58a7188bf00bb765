"""A full-screen message for what keeps the app from starting (a corrupt or newer library):
the user sees it where they expected the app, reads what to do, and quits with q."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Static

from .safe_text import printable, shorten


class ProblemApp(App[None]):
    """Says what is wrong and what to do; q, escape or ctrl+q quit."""

    TITLE = "apostil"
    CSS = """
    Screen { align: center middle; }
    #problem { width: 90; max-width: 100%; height: auto; border: round $error;
               padding: 1 2; }
    #problem-title { text-style: bold; color: $text-error; }
    #problem-message, #problem-hint { margin-top: 1; }
    #problem-hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, title: str, message: str, hint: str) -> None:
        super().__init__()
        self._texts = [shorten(printable(t), 600) for t in (title, message, hint)]

    def compose(self) -> ComposeResult:
        title, message, hint = self._texts
        with Vertical(id="problem"):
            yield Static(title, id="problem-title", markup=False)
            yield Static(message, id="problem-message", markup=False)
            yield Static(hint, id="problem-hint", markup=False)
        yield Footer()
