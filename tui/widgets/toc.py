"""The table of contents: the article's headings, indented by level; ``enter`` jumps."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from apostil.store.model import Document

from ..safe_text import one_line

HEADING_LIMIT = 80


class TableOfContents(OptionList):
    """Headings of a document; posts :class:`TableOfContents.Jump` with the heading's offset."""

    @dataclass
    class Jump(Message):
        offset: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._offsets: list[int] = []

    def set_document(self, document: Document) -> None:
        """List the title and headings of ``document``."""
        self.clear_options()
        self._offsets = []
        options: list[Option] = []
        for block in document.blocks:
            if block.kind not in ("title", "heading"):
                continue
            level = 0 if block.kind == "title" else max(1, block.level) - 1
            text = one_line(document.block_text(block), HEADING_LIMIT)
            style = "bold" if block.kind == "title" else ""
            options.append(Option(Content.styled("  " * level + text, style)))
            self._offsets.append(block.start)
        if len(options) <= 1:
            options.append(Option(Content.styled("(no headings)", "dim"), disabled=True))
        self.add_options(options)
        self.highlighted = 0

    def offset_of(self, index: int) -> int | None:
        return self._offsets[index] if 0 <= index < len(self._offsets) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        offset = self.offset_of(event.option_index)
        if offset is not None:
            event.stop()
            self.post_message(self.Jump(offset))
