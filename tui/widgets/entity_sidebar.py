"""The entities of the article, grouped by type with counts, in a tree.

``enter`` on an entity posts :class:`EntitySidebar.Chosen` (the reader marks every mention
and moves to the first); ``1``-``6`` switch a type's colouring off and on
(:class:`EntitySidebar.HiddenTypesChanged`); ``r`` retypes and ``x`` hides an entity
(:class:`EntitySidebar.CorrectionRequested`, a record for ``library.add_correction``).
Entity names are untrusted text: labels are ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static, Tree

from apostil.store.model import ENTITY_TYPES, Entity

from ..safe_text import printable, shorten

TYPE_LABELS: dict[str, str] = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "group": "Groups",
    "date": "Dates",
    "misc": "Other",
}
NAME_LIMIT = 60


def entity_label(entity: Entity) -> Text:
    """``Name  3`` as plain text with the count dimmed."""
    label = Text(shorten(printable(" ".join(entity.text.split())), NAME_LIMIT))
    label.append("  ")
    label.append(str(entity.count), style="dim")
    if entity.origin == "user":
        label.append(" ✎", style="dim")
    return label


class EntitySidebar(Vertical):
    """Entities by type; the reader listens to its messages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"toggle_type('{kind}')",
                f"{TYPE_LABELS[kind]} on/off",
                show=False,
                id=f"entities.toggle_{kind}",
            )
            for number, kind in enumerate(ENTITY_TYPES, start=1)
        ),
        Binding("r", "retype", "Retype", id="entities.retype"),
        Binding("x,delete", "hide", "Hide", id="entities.hide"),
    ]

    hidden_types: reactive[frozenset[str]] = reactive(frozenset(), init=False)
    """Entity types whose mentions are not coloured in the article."""

    @dataclass
    class Chosen(Message):
        """The reader chose an entity (enter)."""

        entity: Entity

    @dataclass
    class HiddenTypesChanged(Message):
        types: frozenset[str]

    @dataclass
    class CorrectionRequested(Message):
        """A correction to store with ``library.add_correction``."""

        record: dict[str, Any]

    def compose(self) -> ComposeResult:
        yield Static("Finding entities…", id="entities-status", markup=False)
        yield ProgressBar(total=1.0, show_eta=False, id="entities-progress")
        tree: Tree[Entity | str] = Tree("Entities", id="entities-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    @property
    def entity_tree(self) -> Tree[Entity | str]:
        return self.query_one("#entities-tree", Tree)

    # ------------------------------------------------------------------ methods down

    def set_progress(self, fraction: float | None, status: str = "Finding entities…") -> None:
        """Show the progress of the entity search (``None``: not searching)."""
        bar = self.query_one("#entities-progress", ProgressBar)
        self.set_class(fraction is not None, "-busy")
        if fraction is not None:
            bar.update(progress=max(0.0, min(1.0, fraction)))
            self.set_status(status)

    def set_status(self, status: str) -> None:
        self.query_one("#entities-status", Static).update(Text(status))
        self.set_class(bool(status), "-has-status")

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show ``entities`` grouped by type (most mentioned first); keeps the cursor on the
        same entity when it is still there."""
        tree = self.entity_tree
        current = tree.cursor_node.data if tree.cursor_node is not None else None
        tree.clear()
        by_type: dict[str, list[Entity]] = {kind: [] for kind in ENTITY_TYPES}
        for entity in entities:
            by_type.setdefault(entity.type, []).append(entity)
        restore = None
        for kind, members in by_type.items():
            if not members:
                continue
            members.sort(key=lambda e: (-e.count, e.text.casefold()))
            branch = tree.root.add(self._type_label(kind, len(members)), data=kind, expand=True)
            for entity in members:
                leaf = branch.add_leaf(entity_label(entity), data=entity)
                if isinstance(current, Entity) and (current.text, current.type) == (
                    entity.text,
                    entity.type,
                ):
                    restore = leaf
        self.set_progress(None)
        if not entities:
            self.set_status("No entities found.")
        else:
            self.set_status("")
        if restore is None and tree.root.children and tree.root.children[0].children:
            restore = tree.root.children[0].children[0]
        if restore is not None:
            # The tree lays its lines out on the next refresh; the cursor can go there then.
            self.call_after_refresh(tree.move_cursor, restore)

    def _type_label(self, kind: str, count: int) -> Text:
        number = ENTITY_TYPES.index(kind) + 1 if kind in ENTITY_TYPES else 0
        name = TYPE_LABELS.get(kind, kind.title())
        label = Text(name, style="bold")
        label.append(" ")
        label.append(f"({count})", style="dim")
        if number:
            label.append(" ")
            label.append(f"[{number}]", style="dim")
        if kind in self.hidden_types:
            label.append(" ")
            label.append("hidden", style="italic dim")
            label.stylize("strike", 0, len(name))
        return label

    def _relabel_types(self) -> None:
        for node in self.entity_tree.root.children:
            kind = node.data
            if isinstance(kind, str):
                node.set_label(self._type_label(kind, len(node.children)))

    # ------------------------------------------------------------------ actions

    def watch_hidden_types(self, types: frozenset[str]) -> None:
        self._relabel_types()
        self.post_message(self.HiddenTypesChanged(types))

    def action_toggle_type(self, kind: str) -> None:
        self.hidden_types = self.hidden_types ^ {kind}

    def _current_entity(self) -> Entity | None:
        node = self.entity_tree.cursor_node
        return node.data if node is not None and isinstance(node.data, Entity) else None

    def action_retype(self) -> None:
        entity = self._current_entity()
        if entity is None:
            self.notify("Move to an entity first", severity="warning")
            return
        from ..screens.entity_type import EntityTypeDialog

        def chosen(kind: str | None) -> None:
            if kind and kind != entity.type:
                self.post_message(
                    self.CorrectionRequested(
                        {"action": "retype", "text": entity.text, "type": kind}
                    )
                )

        self.app.push_screen(
            EntityTypeDialog(entity.text, current=entity.type, title="Retype entity"), chosen
        )

    def action_hide(self) -> None:
        entity = self._current_entity()
        if entity is None:
            return
        self.post_message(
            self.CorrectionRequested({"action": "hide", "text": entity.text, "type": entity.type})
        )

    @on(Tree.NodeSelected, "#entities-tree")
    def _node_selected(self, event: Tree.NodeSelected[Entity | str]) -> None:
        event.stop()
        if isinstance(event.node.data, Entity):
            self.post_message(self.Chosen(event.node.data))

    def focus_tree(self) -> None:
        self.entity_tree.focus()
