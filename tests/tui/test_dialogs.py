"""The dialogs as a user drives them: the note editor, confirm, prompt, tags and help."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from apostil.tui.safe_text import printable
from apostil.tui.screens.annotation_editor import AnnotationEditor, AnnotationResult
from apostil.tui.screens.confirm import ConfirmDialog
from apostil.tui.screens.help import HelpScreen, bindings_help
from apostil.tui.screens.prompt import PromptDialog
from apostil.tui.screens.tags_dialog import TagsDialog
from apostil.tui.widgets.tag_input import LastTagSuggester, TagInput

SIZE = (100, 30)
KNOWN_TAGS = ["syria", "convoys", "conflict", "aleppo"]
HOSTILE = "[bold red]x[/] \x1b[2J"


class Host(App[None]):
    """A tiny app that opens one dialog and keeps what it is dismissed with."""

    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []
        self.final_screen: Screen[Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static("host screen", markup=False)

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def drive(
    dialog: Screen[Any],
    steps: Callable[[Pilot[None], Host], Awaitable[None]],
    size: tuple[int, int] = SIZE,
) -> Host:
    """Run ``steps`` against a Host showing ``dialog``; returns the host afterwards."""
    app = Host(dialog)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot, app)
            await pilot.pause()
            app.final_screen = app.screen

    asyncio.run(run())
    return app


def rendered_text(widget: Widget) -> str:
    """What the terminal would get for ``widget``: the text of its rendered lines."""
    lines = []
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


# --- the note editor ---------------------------------------------------------------------


def test_typing_a_note_and_completed_tags_saves_them() -> None:
    editor = AnnotationEditor("the convoys left at dawn", known_tags=KNOWN_TAGS)

    async def steps(pilot: Pilot[None], app: Host) -> None:
        assert app.focused is app.screen.query_one("#note", TextArea)
        await pilot.press(*"Escort story.")
        await pilot.press("tab")
        tags = app.screen.query_one(TagInput)
        assert app.focused is tags
        await pilot.press(*"syria, conv")
        await pilot.pause()
        await pilot.press("right")  # accepts the completion of the last tag
        assert tags.value == "syria, convoys"
        await pilot.press("ctrl+s")

    app = drive(editor, steps)
    assert app.results == [AnnotationResult(note="Escort story.", tags=("syria", "convoys"))]
    assert not isinstance(app.final_screen, AnnotationEditor)


def test_the_suggestion_shows_the_rest_of_the_tag_being_typed() -> None:
    editor = AnnotationEditor("q", known_tags=KNOWN_TAGS)

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press("tab", *"syria, conv")
        await pilot.pause()
        await pilot.pause()
        tags = app.screen.query_one(TagInput)
        assert "syria, convoys" in rendered_text(tags)
        await pilot.press("escape", "y")

    drive(editor, steps)


def test_tags_are_normalised_and_split_on_commas_and_spaces() -> None:
    editor = AnnotationEditor("q")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press("tab", *"#Syria  Water,talks, syria")
        await pilot.press("ctrl+s")

    app = drive(editor, steps)
    assert app.results == [AnnotationResult(note="", tags=("syria", "water", "talks"))]


def test_escape_with_unsaved_words_asks_and_n_keeps_the_note() -> None:
    editor = AnnotationEditor("q")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press(*"half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard this note?" in rendered_text(app.screen.query_one("#message"))
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one("#note", TextArea).text == "half a thought"
        assert app.results == []

    app = drive(editor, steps)
    assert app.results == []


def test_escape_with_unsaved_words_then_y_discards() -> None:
    editor = AnnotationEditor("q")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press(*"half a thought", "escape")
        await pilot.pause()
        await pilot.press("y")

    app = drive(editor, steps)
    assert app.results == [None]
    assert not isinstance(app.final_screen, (AnnotationEditor, ConfirmDialog))


def test_changed_tags_alone_count_as_unsaved() -> None:
    editor = AnnotationEditor("q")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press("tab", *"syria", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # escape in the question means "no, keep it"
        await pilot.pause()
        assert app.screen is editor

    app = drive(editor, steps)
    assert app.results == []


def test_escape_without_changes_cancels_at_once() -> None:
    editor = AnnotationEditor("q", note="kept", tags=("syria",), title="Edit note")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press("escape")

    app = drive(editor, steps)
    assert app.results == [None]


def test_editing_an_existing_note_starts_filled_in() -> None:
    editor = AnnotationEditor("q", note="first idea", tags=("syria", "water"), title="Edit note")

    async def steps(pilot: Pilot[None], app: Host) -> None:
        dialog = app.screen.query_one("#dialog")
        assert "Edit note" in str(dialog.border_title)
        assert editor.query_one("#note", TextArea).text == "first idea"
        assert editor.query_one(TagInput).value == "syria, water"
        await pilot.press(*", then a second")  # the cursor is at the end of the note
        await pilot.press("tab", *" talks", "ctrl+s")

    app = drive(editor, steps)
    assert app.results == [
        AnnotationResult(note="first idea, then a second", tags=("syria", "water", "talks"))
    ]


def test_a_hostile_quote_shows_literally_without_control_bytes() -> None:
    editor = AnnotationEditor(HOSTILE)

    async def steps(pilot: Pilot[None], app: Host) -> None:
        shown = rendered_text(app.screen.query_one("#quote"))
        assert "[bold red]x[/]" in shown
        assert "[2J" in shown
        assert "\x1b" not in shown
        await pilot.press("escape")

    drive(editor, steps)


def test_a_long_quote_is_cut_with_an_ellipsis_and_scrolls() -> None:
    quote = "word " * 2000
    editor = AnnotationEditor(quote)

    async def steps(pilot: Pilot[None], app: Host) -> None:
        box = app.screen.query_one("#quote-box")
        assert box.max_scroll_y > 0
        text = str(app.screen.query_one("#quote", Static).render())
        assert text.endswith("…")
        assert len(text) < len(quote)
        await pilot.press("escape")

    drive(editor, steps)


def test_on_a_small_terminal_a_long_quote_leaves_room_for_the_note_and_tags() -> None:
    editor = AnnotationEditor("word " * 2000)

    async def steps(pilot: Pilot[None], app: Host) -> None:
        inside = app.screen.query_one("#dialog").content_region
        for name in ("#note", "#tags", "#hint"):
            region = app.screen.query_one(name).region
            assert region.height > 0 and inside.contains_region(region), name
        await pilot.press("escape")

    drive(editor, steps, size=(80, 24))


def test_the_editor_hint_line_names_its_keys() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        assert "ctrl+s save · esc cancel · tab tags" in rendered_text(app.screen.query_one("#hint"))

    drive(AnnotationEditor("q"), steps)


# --- tag completion ------------------------------------------------------------------------


def suggest(value: str, known: list[str] = KNOWN_TAGS) -> str | None:
    return asyncio.run(LastTagSuggester(known).get_suggestion(value))


def test_the_suggester_completes_only_the_last_tag() -> None:
    assert suggest("syria, conv") == "syria, convoys"
    assert suggest("syria conf") == "syria conflict"
    assert suggest("Conv") == "Convoys"  # what was typed is kept as typed
    assert suggest("#al") == "#aleppo"
    assert suggest("syria, ") is None
    assert suggest("") is None
    assert suggest("convoys") is None  # nothing left to complete
    assert suggest("zz") is None


def test_the_suggester_skips_tags_already_given() -> None:
    assert suggest("conflict, con") == "conflict, convoys"
    assert suggest("convoys conflict co") is None


@given(st.text(max_size=30))
def test_a_suggestion_always_extends_what_was_typed(value: str) -> None:
    suggestion = suggest(value)
    assert suggestion is None or (suggestion.startswith(value) and len(suggestion) > len(value))


# --- confirm ------------------------------------------------------------------------------


def test_confirm_keys() -> None:
    for keys, expected in [("y", True), ("enter", True), ("n", False), ("escape", False)]:

        async def steps(pilot: Pilot[None], app: Host, keys: str = keys) -> None:
            await pilot.press(keys)

        app = drive(ConfirmDialog("Delete it?"), steps)
        assert app.results == [expected], keys


def test_confirm_buttons_answer_too() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.click("#yes")

    assert drive(ConfirmDialog("Delete it?"), steps).results == [True]


def test_confirm_message_is_plain_text() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        shown = rendered_text(app.screen.query_one("#message"))
        assert "[bold red]x[/]" in shown
        assert "\x1b" not in shown
        await pilot.press("n")

    drive(ConfirmDialog(HOSTILE), steps)


# --- prompt -------------------------------------------------------------------------------


def test_prompt_returns_what_was_typed() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press(*"Bashar al-Assad", "enter")

    app = drive(PromptDialog("Add entity", placeholder="name"), steps)
    assert app.results == ["Bashar al-Assad"]


def test_prompt_starts_with_its_value_and_escape_cancels() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        assert app.screen.query_one(Input).value == "convoy"
        assert "Search the library" in rendered_text(app.screen.query_one("#label", Label))
        await pilot.press("escape")

    app = drive(PromptDialog("Search the library", value="convoy", title="Search"), steps)
    assert app.results == [None]


# --- tags ---------------------------------------------------------------------------------


def test_tags_dialog_adds_to_the_existing_tags_with_completion() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press(*", conv")
        await pilot.pause()
        await pilot.press("right", "enter")

    app = drive(TagsDialog(("syria",), known_tags=KNOWN_TAGS), steps)
    assert app.results == [("syria", "convoys")]


def test_tags_dialog_escape_cancels() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        await pilot.press(*" water", "escape")

    assert drive(TagsDialog(("syria",)), steps).results == [None]


def test_tags_dialog_can_clear_every_tag() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        for _ in "syria, water":
            await pilot.press("backspace")
        await pilot.press("ctrl+s")

    assert drive(TagsDialog(("syria", "water")), steps).results == [()]


# --- help ---------------------------------------------------------------------------------


class ReaderLike(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "down", "Next line", id="reader.down"),
        Binding("n", "note", "Add a note", id="reader.note"),
        ("question_mark", "help", "Show keys"),
        Binding("ctrl+z", "secret", "", show=False),
        Binding("ctrl+x", "internal", "Internal", system=True),
    ]


class ReaderChild(ReaderLike):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new_note", "New note (child)")]


def test_bindings_help_reads_bindings_of_classes() -> None:
    rows = bindings_help(ReaderLike)
    assert rows == [
        ("j / ↓", "Next line"),
        ("n", "Add a note"),
        ("?", "Show keys"),
        ("ctrl+z", "Secret"),  # no description: named after its action
    ]


def test_bindings_help_lets_a_subclass_binding_win() -> None:
    rows = bindings_help(ReaderChild)
    assert ("n", "New note (child)") in rows
    assert ("n", "Add a note") not in rows
    assert ("j / ↓", "Next line") in rows


def test_bindings_help_can_include_textual_bindings() -> None:
    assert ("ctrl+q", "Quit") not in bindings_help(App)
    assert ("ctrl+q", "Quit") in bindings_help(App, include_textual=True)


def test_bindings_help_shows_remapped_keys() -> None:
    rows = bindings_help(ReaderLike, keymap={"reader.note": "a,ctrl+n"})
    assert ("a / ctrl+n", "Add a note") in rows


def test_help_screen_lists_every_section_and_closes() -> None:
    async def steps(pilot: Pilot[None], app: Host) -> None:
        sections = [
            ("Reader", bindings_help(ReaderLike, app=app)),
            ("Notes", [("click", HOSTILE)]),
            ("Empty", []),
        ]
        await pilot.press("escape")  # close the first one
        await pilot.pause()
        app.push_screen(HelpScreen(sections), app.results.append)
        await pilot.pause()
        titles = [rendered_text(label) for label in app.screen.query(".section-title")]
        assert [t.strip() for t in titles if t.strip()] == ["Reader", "Notes"]
        whats = [rendered_text(label).strip() for label in app.screen.query(".what")]
        assert "Next line" in whats and "Show keys" in whats
        assert "[bold red]x[/] ␛[2J" in whats
        keys = [rendered_text(label).strip() for label in app.screen.query(".key")]
        assert "j / ↓" in keys
        await pilot.press("question_mark")

    app = drive(HelpScreen([]), steps)
    assert app.results == [None, None]
    assert not isinstance(app.final_screen, HelpScreen)


def test_help_screen_q_closes_and_long_help_scrolls() -> None:
    rows = [(f"k{i}", f"action {i}") for i in range(80)]

    async def steps(pilot: Pilot[None], app: Host) -> None:
        scroller = app.screen.query_one("#sections")
        assert scroller.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("q")

    assert drive(HelpScreen([("Many", rows)]), steps).results == [None]


# --- safe text ----------------------------------------------------------------------------


@given(st.text())
def test_printable_leaves_no_control_characters(text: str) -> None:
    shown = printable(text)
    assert len(shown) == len(text)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in shown)
