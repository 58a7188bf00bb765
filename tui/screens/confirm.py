"""A yes/no question: ``y``/``enter`` answer yes, ``n``/``escape`` answer no."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..safe_text import safe_content
from .dialog import Dialog


class ConfirmDialog(Dialog[bool]):
    """Asks ``message`` (plain text); dismisses with ``True`` for yes, ``False`` for no."""

    DEFAULT_CSS = """
    ConfirmDialog > #dialog {
        width: auto;
        min-width: 36;
        max-width: 72;
        padding: 1 2;
        border: round $warning;
    }
    ConfirmDialog #message {
        width: auto;
        max-width: 68;
        margin-bottom: 1;
    }
    ConfirmDialog #buttons {
        width: 100%;
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog Button {
        margin-left: 1;
        min-width: 10;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self,
        message: str,
        *,
        title: str = "Confirm",
        yes_label: str = "Yes",
        no_label: str = "No",
    ) -> None:
        super().__init__()
        self.message = message
        self.dialog_title = title
        self.yes_label = yes_label
        self.no_label = no_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = safe_content(self.dialog_title)
            yield Static(safe_content(self.message), id="message")
            with Horizontal(id="buttons"):
                # Not focusable: enter always means yes, whatever had focus.
                no = Button(safe_content(f"{self.no_label} [n]"), id="no", compact=True)
                yes = Button(
                    safe_content(f"{self.yes_label} [y]"),
                    id="yes",
                    variant="warning",
                    compact=True,
                )
                no.can_focus = False
                yes.can_focus = False
                yield no
                yield yes

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
