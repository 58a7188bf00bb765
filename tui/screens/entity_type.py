"""Choose an entity type (retyping an entity, or adding one): ``1``-``6`` or ``enter``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from apostil.store.model import ENTITY_TYPES

from ..safe_text import safe_content, shorten
from .dialog import Dialog

TYPE_NAMES = {
    "person": "Person",
    "organization": "Organisation",
    "place": "Place",
    "group": "Group (nationality, religion, party)",
    "date": "Date",
    "misc": "Other",
}


class EntityTypeDialog(Dialog[str | None]):
    """Dismisses with one of ``ENTITY_TYPES``, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    EntityTypeDialog > #dialog {
        width: 48;
        max-width: 95%;
        max-height: 95%;
        padding: 0 1;
    }
    EntityTypeDialog #entity-name {
        color: $text-muted;
        margin: 1 0;
    }
    EntityTypeDialog OptionList {
        height: auto;
        max-height: 8;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="entity_type.cancel"),
        *(
            Binding(
                str(n),
                f"choose('{kind}')",
                TYPE_NAMES[kind],
                show=False,
                id=f"entity_type.{kind}",
            )
            for n, kind in enumerate(ENTITY_TYPES, start=1)
        ),
    ]

    def __init__(self, name: str, *, current: str | None = None, title: str = "Entity type"):
        super().__init__()
        self.entity_name = name
        self.current = current
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = safe_content(self.dialog_title)
            yield Static(safe_content(shorten(self.entity_name, 120)), id="entity-name")
            yield OptionList(
                *(
                    Option(safe_content(f"{n}  {TYPE_NAMES[kind]}"), id=kind)
                    for n, kind in enumerate(ENTITY_TYPES, start=1)
                ),
                id="types",
            )

    def on_mount(self) -> None:
        options = self.query_one("#types", OptionList)
        options.focus()
        if self.current in ENTITY_TYPES:
            options.highlighted = ENTITY_TYPES.index(self.current)  # type: ignore[arg-type]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_choose(self, kind: str) -> None:
        self.dismiss(kind)

    def action_cancel(self) -> None:
        self.dismiss(None)
