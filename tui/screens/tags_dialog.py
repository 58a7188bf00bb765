"""Edit an article's tags: ``enter``/``ctrl+s`` saves, ``escape`` cancels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ..safe_text import safe_content, shorten
from ..widgets.tag_input import TagInput
from .dialog import Dialog


class TagsDialog(Dialog[tuple[str, ...] | None]):
    """Dismisses with the tags as stored (parsed, normalised) or ``None`` when cancelled."""

    DEFAULT_CSS = """
    TagsDialog > #dialog {
        width: 72;
        max-width: 90%;
        padding: 1 2 0 2;
    }
    TagsDialog #article {
        color: $text-muted;
        margin-bottom: 1;
    }
    TagsDialog #label {
        text-style: bold;
    }
    TagsDialog #hint {
        color: $text-muted;
        width: 100%;
        text-align: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="tags.save"),
        Binding("escape", "cancel", "Cancel", id="tags.cancel"),
    ]

    def __init__(
        self,
        tags: Sequence[str] = (),
        *,
        known_tags: Iterable[str] = (),
        article_title: str = "",
        title: str = "Tags",
    ) -> None:
        super().__init__()
        self.initial_tags = tuple(tags)
        self.known_tags = tuple(known_tags)
        self.article_title = article_title
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = safe_content(self.dialog_title)
            if self.article_title:
                yield Static(safe_content(shorten(self.article_title, 200)), id="article")
            yield Label("Tags", id="label")
            yield TagInput(self.initial_tags, known_tags=self.known_tags, id="tags")
            yield Static("enter save · esc cancel · → complete", id="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(TagInput).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TagInput).tags)

    def action_cancel(self) -> None:
        self.dismiss(None)
