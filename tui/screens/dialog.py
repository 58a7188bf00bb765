"""The frame every apostil dialog shares: a centred modal with a titled, rounded border.

A dialog composes its content inside a container with ``id="dialog"`` (its
``border_title`` is the dialog's title) and states only its own size in its CSS.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > #dialog {
        height: auto;
        max-width: 95%;
        background: $surface;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
    }
    """
