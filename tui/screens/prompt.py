"""Ask for one line of text (a search, an entity name): ``enter`` submits, ``escape`` cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from ..safe_text import safe_content
from .dialog import Dialog


class PromptDialog(Dialog[str | None]):
    """A labelled one-line input; dismisses with the text typed, or ``None`` when cancelled.

    The text is returned as typed (an empty string when the input is empty): the caller
    decides what an empty answer means.
    """

    DEFAULT_CSS = """
    PromptDialog > #dialog {
        width: 64;
        max-width: 90%;
        padding: 1 2 0 2;
    }
    PromptDialog #label {
        color: $text-muted;
        text-style: bold;
    }
    PromptDialog #hint {
        color: $text-muted;
        width: 100%;
        text-align: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel")
    ]

    def __init__(
        self,
        label: str,
        *,
        value: str = "",
        placeholder: str = "",
        title: str = "",
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.initial_value = value
        self.placeholder = placeholder
        self.dialog_title = title
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            if self.dialog_title:
                dialog.border_title = safe_content(self.dialog_title)
            yield Label(safe_content(self.label), id="label")
            yield Input(
                value=self.initial_value,
                placeholder=self.placeholder,
                suggester=self.suggester,
                id="answer",
            )
            yield Static("enter ok · esc cancel", id="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
