"""Write or edit the note on a passage: the quote, a note and its tags.

``ctrl+s`` saves, ``escape`` cancels (asking first when words would be lost), ``tab`` moves
from the note to the tags, ``right`` accepts a tag completion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static, TextArea

from apostil.store.model import parse_tags

from ..keymap import keys_for
from ..safe_text import safe_content, shorten
from ..widgets.tag_input import TagInput
from .confirm import ConfirmDialog
from .dialog import Dialog

QUOTE_LIMIT = 2000
"""Characters of the quote shown; a longer quote ends in an ellipsis."""


@dataclass(frozen=True, slots=True)
class AnnotationResult:
    """What the editor saved: the note text (stripped) and its tags (normalised)."""

    note: str
    tags: tuple[str, ...]


class AnnotationEditor(Dialog[AnnotationResult | None]):
    """The note editor; dismisses with an :class:`AnnotationResult`, or ``None`` if cancelled."""

    DEFAULT_CSS = """
    AnnotationEditor > #dialog {
        width: 84;
        max-width: 95%;
        height: 90%;
        max-height: 34;
        padding: 1 2 0 2;
    }
    AnnotationEditor #quote-box {
        height: auto;
        max-height: 25vh;
        padding: 0 1;
        margin-bottom: 1;
        background: $boost;
        border-left: outer $primary 60%;
        scrollbar-size-vertical: 1;
    }
    AnnotationEditor #quote {
        color: $text-muted;
        text-style: italic;
    }
    AnnotationEditor .field-label {
        text-style: bold;
        color: $text-accent;
    }
    AnnotationEditor #note {
        height: 1fr;
        min-height: 3;
        margin-bottom: 1;
    }
    AnnotationEditor #hint {
        width: 100%;
        color: $text-muted;
        text-align: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    def __init__(
        self,
        quote: str,
        *,
        note: str = "",
        tags: Sequence[str] = (),
        known_tags: Sequence[str] = (),
        title: str = "New note",
    ) -> None:
        super().__init__()
        self.quote = quote
        self.initial_note = note
        self.initial_tags = tuple(tags)
        self.known_tags = tuple(known_tags)
        self.editor_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = safe_content(self.editor_title)
            with VerticalScroll(id="quote-box") as quote_box:
                quote_box.can_focus = False
                yield Static(safe_content(shorten(self.quote, QUOTE_LIMIT)), id="quote")
            yield Label("Note", classes="field-label")
            yield TextArea(
                self.initial_note,
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                highlight_cursor_line=False,
                placeholder="What do you make of this passage?",
                id="note",
            )
            yield Label("Tags", classes="field-label")
            yield TagInput(self.initial_tags, known_tags=self.known_tags, id="tags")
            yield Static(id="hint", markup=False)

    def on_mount(self) -> None:
        save = keys_for(self.app, "editor.save", "ctrl+s")
        cancel = keys_for(self.app, "editor.cancel", "esc")
        self.query_one("#hint", Static).update(f"{save} save · {cancel} cancel · tab tags")
        note = self.query_one("#note", TextArea)
        note.focus()
        note.move_cursor(note.document.end)

    @property
    def result(self) -> AnnotationResult:
        """What would be saved now."""
        return AnnotationResult(
            note=self.query_one("#note", TextArea).text.strip(),
            tags=self.query_one("#tags", TagInput).tags,
        )

    @property
    def changed(self) -> bool:
        """True when the note or the tags differ from what the editor opened with."""
        result = self.result
        return result.note != self.initial_note.strip() or result.tags != parse_tags(
            " ".join(self.initial_tags)
        )

    def action_save(self) -> None:
        self.dismiss(self.result)

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def discard(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Discard this note?", title="Unsaved note", yes_label="Discard", no_label="Keep"
            ),
            discard,
        )
