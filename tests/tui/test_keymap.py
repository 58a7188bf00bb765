"""The user's keymap remaps bindings by id; bad entries come back as warnings."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from apostil.tui.keymap import app_classes, apply_keymap, binding_ids, check_keymap, keys_for
from apostil.tui.screens.annotation_editor import AnnotationEditor
from apostil.tui.screens.help import bindings_help


class Pane(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", id="reader.down"),
        Binding("n", "note", "Add a note", id="reader.note"),
        Binding("t", "tags", "Tags"),  # no id: cannot be remapped
    ]

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def action_move(self, step: int) -> None:
        self.calls.append(f"move {step}")

    def action_note(self) -> None:
        self.calls.append("note")

    def action_tags(self) -> None:
        self.calls.append("tags")


class ReaderScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Pane()
        yield Static("reader")


class KeyApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "show_help", "Help", id="app.help"),
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.warnings = apply_keymap(self, keymap, classes=[KeyApp, ReaderScreen, Pane])
        self.helps = 0

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen())

    def action_show_help(self) -> None:
        self.helps += 1


def press(app: KeyApp, *keys: str) -> list[str]:
    """Press ``keys`` in ``app`` (focus on the Pane); the Pane's action calls."""
    calls: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            pane = app.screen.query_one(Pane)
            pane.focus()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            calls.extend(pane.calls)

    asyncio.run(run())
    return calls


def test_without_a_keymap_the_default_keys_work() -> None:
    assert press(KeyApp({}), "j", "down", "n") == ["move 1", "move 1", "note"]


def test_a_remapped_binding_answers_to_its_new_key_only() -> None:
    app = KeyApp({"reader.note": "a"})
    assert app.warnings == []
    assert press(app, "a") == ["note"]
    assert press(KeyApp({"reader.note": "a"}), "n") == []


def test_a_binding_can_be_given_several_keys() -> None:
    keymap = {"reader.down": "ctrl+n, x"}
    assert press(KeyApp(keymap), "ctrl+n", "x") == ["move 1", "move 1"]
    assert press(KeyApp(keymap), "j", "down") == []


def test_app_bindings_are_remapped_too() -> None:
    app = KeyApp({"app.help": "f1"})
    press(app, "question_mark", "f1", "f1")
    assert app.helps == 2


def test_unknown_ids_are_warned_about_and_ignored() -> None:
    app = KeyApp({"reader.dwon": "x", "reader.note": "a"})
    assert app.warnings == ["keymap: no key binding has the id 'reader.dwon'; ignored"]
    assert press(app, "x", "a") == ["note"]


def test_a_key_taken_from_another_binding_is_warned_about() -> None:
    warnings = check_keymap({"reader.note": "t"}, [Pane])
    assert len(warnings) == 1
    assert "'reader.note'" in warnings[0] and "'tags'" in warnings[0]
    # Swapping two remapped keys is not a clash.
    assert check_keymap({"reader.note": "j", "reader.down": "n"}, [Pane]) == []


def test_binding_ids_lists_ids_with_their_classes() -> None:
    ids = binding_ids(KeyApp, Pane)
    assert ids == {"app.help": [KeyApp], "reader.down": [Pane], "reader.note": [Pane]}


def test_app_classes_include_apostil_screens() -> None:
    classes = app_classes(KeyApp({}))
    assert KeyApp in classes
    assert AnnotationEditor in classes
    assert "editor.save" in binding_ids(*classes)


def test_help_and_hints_show_the_remapped_keys() -> None:
    app = KeyApp({"reader.note": "a", "editor.save": "ctrl+w"})
    assert ("a", "Add a note") in bindings_help(Pane, keymap={"reader.note": "a"})
    seen: dict[str, object] = {}

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert ("a", "Add a note") in bindings_help(Pane, app=app)
            seen["save"] = keys_for(app, "editor.save", "ctrl+s")
            seen["cancel"] = keys_for(app, "editor.cancel", "esc")

    # editor.save is not among the classes this app checks, so it is dropped with a warning.
    assert any("editor.save" in warning for warning in app.warnings)
    asyncio.run(run())
    assert seen == {"save": "ctrl+s", "cancel": "esc"}


def test_the_editor_hint_follows_the_keymap() -> None:
    class EditorApp(App[None]):
        def on_mount(self) -> None:
            apply_keymap(self, {"editor.save": "ctrl+w"}, classes=[AnnotationEditor])
            self.push_screen(AnnotationEditor("q"))

    app = EditorApp()
    shown: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            hint = app.screen.query_one("#hint", Static)
            shown.append(str(hint.render()))

    asyncio.run(run())
    assert shown == ["ctrl+w save · esc cancel · tab tags"]
