"""The notes of the article in reading order: quote, note and tags; orphans listed apart.

``enter`` posts :class:`NotesPanel.Jump` (the reader moves to the passage and selects it),
``e`` :class:`NotesPanel.Edit`, ``d``/``delete`` :class:`NotesPanel.Delete` and ``r`` (on an
orphaned note) :class:`NotesPanel.Reattach`. Quotes and notes are untrusted text: every prompt
is plain ``Content``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from apostil.store.model import Note

from ..safe_text import one_line, printable

QUOTE_LIMIT = 140
NOTE_LIMIT = 280
ORPHANS_HEADER = "orphans-header"


def note_prompt(note: Note) -> Content:
    """What the panel shows for ``note``: its quote, its note and its tags (plain text)."""
    mark = "⚠ " if note.orphaned else ""
    parts = [Content.styled(f"{mark}“{one_line(note.quote, QUOTE_LIMIT)}”", "italic")]
    if note.note.strip():
        parts.append(Content(one_line(note.note, NOTE_LIMIT)))
    if note.tags:
        parts.append(Content.styled(" ".join(f"#{printable(t)}" for t in note.tags), "dim"))
    return Content("\n").join(parts)


class NotesPanel(Vertical):
    """This article's notes; the reader listens to its messages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="notes.edit", tooltip="Edit the note"),
        Binding("d,delete", "delete", "Delete", id="notes.delete", tooltip="Delete the note"),
        Binding(
            "r",
            "reattach",
            "Re-attach orphan to the selection",
            show=False,
            id="notes.reattach",
        ),
    ]

    @dataclass
    class Jump(Message):
        note: Note

    @dataclass
    class Edit(Message):
        note: Note

    @dataclass
    class Delete(Message):
        note: Note

    @dataclass
    class Reattach(Message):
        note: Note

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._notes: dict[str, Note] = {}

    def compose(self) -> ComposeResult:
        yield Static(
            "No notes yet. Select a passage (v, s or shift+arrows) and press a.",
            id="notes-empty",
            markup=False,
        )
        yield OptionList(id="notes-list")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#notes-list", OptionList)

    @property
    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def set_notes(self, notes: Sequence[Note]) -> None:
        """Show ``notes``: anchored ones in reading order, then the orphans."""
        options = self.option_list
        current = self.current_note
        anchored = sorted((n for n in notes if not n.orphaned), key=lambda n: (n.start, n.end))
        orphans = [n for n in notes if n.orphaned]
        self._notes = {n.id: n for n in (*anchored, *orphans)}
        items: list[Option | None] = []
        for note in anchored:
            if items:
                items.append(None)  # a separator line
            items.append(Option(note_prompt(note), id=note.id))
        if orphans:
            if items:
                items.append(None)
            header = Content.styled(
                f"Orphaned ({len(orphans)}): their passage is no longer in the text", "bold"
            )
            items.append(Option(header, id=ORPHANS_HEADER, disabled=True))
            for note in orphans:
                items.append(Option(note_prompt(note), id=note.id))
        options.clear_options()
        options.add_options(items)
        self.set_class(not notes, "-empty")
        if current is not None and current.id in self._notes:
            self.select_note(current.id)
        elif self._notes:
            self.select_note(next(iter(self._notes)) if anchored else orphans[0].id)

    def select_note(self, note_id: str) -> None:
        """Put the highlight on the note with ``note_id``."""
        try:
            index = self.option_list.get_option_index(note_id)
        except Exception:
            return
        self.option_list.highlighted = index

    @property
    def current_note(self) -> Note | None:
        options = self.option_list
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return self._notes.get(option.id or "")

    @on(OptionList.OptionSelected, "#notes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self._notes.get(event.option.id or "")
        if note is not None:
            self.post_message(self.Jump(note))

    def action_edit(self) -> None:
        if (note := self.current_note) is not None:
            self.post_message(self.Edit(note))

    def action_delete(self) -> None:
        if (note := self.current_note) is not None:
            self.post_message(self.Delete(note))

    def action_reattach(self) -> None:
        note = self.current_note
        if note is None:
            return
        self.post_message(self.Reattach(note))

    def focus_list(self) -> None:
        self.option_list.focus()
