"""The reader's ArticleView: keys move the cursor and select, the text is drawn safely."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.strip import Strip

from apostil.store.model import Document, Entity, Metadata, Note, document_from_blocks
from apostil.tui.widgets.article_view import ArticleView

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "syria-convoys.txt"
SIZE = (100, 30)
UNSAFE = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} | set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio.run (no async pytest plugin is needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def seed_document() -> Document:
    try:
        from apostil.store.reading import read_path
    except ImportError:  # pragma: no cover - before the reading package existed
        lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
        return document_from_blocks(
            [("paragraph", line, 0) for line in lines], Metadata(title="Syria convoys"), "txt"
        )
    return read_path(SEED)


class ViewApp(App[None]):
    def __init__(self, document: Document, cursor: int = 0) -> None:
        super().__init__()
        self.document = document
        self.start = cursor
        self.messages: list[object] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(id="reader")

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.load(self.document, cursor=self.start)
        view.focus()

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.messages.append(message)

    def on_article_view_selection_changed(self, message: ArticleView.SelectionChanged) -> None:
        self.messages.append(message)


def line_text(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


def screen_lines(view: ArticleView) -> list[str]:
    return [line_text(view.render_line(y)) for y in range(view.scrollable_content_region.height)]


def style_at(view: ArticleView, offset: int) -> Style:
    """The style the character at ``offset`` is drawn with (it must be on screen)."""
    text = view.document.text  # type: ignore[union-attr]
    needle = text[offset : offset + 12]
    for y in range(view.scrollable_content_region.height):
        strip = view.render_line(y)
        if needle in line_text(strip):
            column = line_text(strip).index(needle)
            for segment in strip:
                if column < len(segment.text):
                    return segment.style or Style()
                column -= len(segment.text)
    raise AssertionError(f"{needle!r} is not on screen")


@sync
async def test_word_sentence_paragraph_and_end_motions() -> None:
    doc = seed_document()
    text = doc.text
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        assert view.cursor == 0
        await pilot.press("w")
        assert view.cursor == text.index("convoys")
        await pilot.press("right_curly_bracket")
        assert view.cursor == doc.blocks[1].start
        await pilot.press("right_curly_bracket")
        assert view.cursor == doc.blocks[2].start
        await pilot.press("left_curly_bracket")
        assert view.cursor == doc.blocks[1].start
        await pilot.press("right_parenthesis")
        assert view.cursor == text.index("The region is quite")
        await pilot.press("left_parenthesis")
        assert view.cursor == doc.blocks[1].start
        await pilot.press("l", "l", "h")
        assert view.cursor == doc.blocks[1].start + 1
        await pilot.press("b")
        assert view.cursor == doc.blocks[1].start
        await pilot.press("G")
        assert view.cursor == len(text)
        assert view.first_visible_offset() > 0  # scrolled to the end
        await pilot.press("g")
        assert view.cursor == 0
        assert view.first_visible_offset() == 0
        await pilot.press("end")
        assert view.cursor == len(text)
        await pilot.press("home")
        assert view.cursor == 0


@sync
async def test_s_selects_exactly_the_sentence() -> None:
    doc = seed_document()
    start = doc.text.index("The region is quite")
    app = ViewApp(doc, cursor=start + 5)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("s")
        assert view.selection is not None
        assert doc.text[slice(*view.selection)] == (
            "The region is quite close to the border with Turkey."
        )
        await pilot.pause()
        changes = [m for m in app.messages if isinstance(m, ArticleView.SelectionChanged)]
        assert changes[-1].selection == view.selection
        await pilot.press("escape")
        assert view.selection is None


@sync
async def test_v_and_two_words_selects_two_words() -> None:
    doc = seed_document()
    start = doc.text.index("friendly greetings")
    app = ViewApp(doc, cursor=start)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("v")
        assert view.selection is None  # started, still empty
        await pilot.press("w", "w")
        assert view.selection is not None
        assert doc.text[slice(*view.selection)].strip() == "friendly greetings"
        await pilot.press("v")  # ends it: the selection stays
        assert doc.text[slice(*view.selection)].strip() == "friendly greetings"
        await pilot.press("w")  # a plain motion then drops it
        assert view.selection is None


@sync
async def test_shift_arrows_select_and_escape_bubbles_without_selection() -> None:
    doc = seed_document()
    escapes: list[str] = []

    class EscApp(ViewApp):
        BINDINGS: ClassVar[list[BindingType]] = [("escape", "saw_escape", "")]

        def action_saw_escape(self) -> None:
            escapes.append("app")

    app = EscApp(doc, cursor=doc.blocks[1].start)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("shift+right", "shift+right", "shift+right")
        start = doc.blocks[1].start
        assert view.selection == (start, start + 3)
        await pilot.press("shift+left")
        assert view.selection == (start, start + 2)
        await pilot.press("shift+down")
        assert view.selection is not None and view.selection[1] > start + 50
        await pilot.press("escape")
        assert view.selection is None
        assert escapes == []
        await pilot.press("escape")
        assert escapes == ["app"]


@sync
async def test_down_and_up_keep_the_column() -> None:
    doc = seed_document()
    start = doc.blocks[1].start + 10
    app = ViewApp(doc, cursor=start)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("j")
        below = view.cursor
        assert below > start + 40  # the next visual line of the same paragraph
        await pilot.press("j", "j", "k", "k")
        assert view.cursor == below
        await pilot.press("k")
        assert view.cursor == start
        await pilot.press("down")
        assert view.cursor == below
        await pilot.press("up")
        assert view.cursor == start


@sync
async def test_page_down_scrolls_and_moves_the_cursor() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=(60, 15)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("space")
        assert view.first_visible_offset() > 0
        assert view.cursor >= view.first_visible_offset()
        await pilot.press("pageup")
        assert view.first_visible_offset() == 0


@sync
async def test_cursor_messages_and_move_to() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=(60, 15)) as pilot:
        view = app.query_one(ArticleView)
        target = doc.text.index("Smiles and handshakes")
        view.move_to(target)
        await pilot.pause()
        assert view.cursor == target
        assert view.first_visible_offset() < target
        assert any("Smiles and handshakes" in line for line in screen_lines(view))
        moved = [m for m in app.messages if isinstance(m, ArticleView.CursorMoved)]
        assert moved[-1].offset == target


@sync
async def test_click_moves_the_cursor() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        lines = screen_lines(view)
        y = next(i for i, line in enumerate(lines) if "In a rare moment" in line)
        x = lines[y].index("In a rare moment") + len("In a ")
        await pilot.click(ArticleView, offset=(x, y))
        assert view.cursor == doc.text.index("rare moment")


@sync
async def test_hostile_text_is_drawn_literally_without_control_characters() -> None:
    hostile = (
        "Click [bold]here[/bold] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 "
        "\u202eevil\u202c \x9b2J tab\there \x00nul"
    )
    doc = document_from_blocks(
        [("title", "Hostile [i]title[/i]", 0), ("paragraph", hostile, 0)], Metadata(), "txt"
    )
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        lines = screen_lines(view)
        shown = "\n".join(lines)
        assert "Hostile [i]title[/i]" in shown
        assert "[bold]here[/bold]" in shown
        assert "tab    here" in shown
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                assert not (set(segment.text) & UNSAFE), repr(segment.text)


@sync
async def test_a_120000_character_line_wraps_and_renders() -> None:
    word = "x" * 120_000
    doc = document_from_blocks(
        [("title", "Long", 0), ("paragraph", "start " + word + " end", 0)], Metadata(), "txt"
    )
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        assert view.line_count > 120_000 // 100
        for line in screen_lines(view):
            assert len(line.rstrip()) <= SIZE[0]
        await pilot.press("G")
        assert view.cursor == len(doc.text)
        assert any(line.rstrip().endswith("end") for line in screen_lines(view))


@sync
async def test_small_terminal_is_usable() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=(60, 15)) as pilot:
        view = app.query_one(ArticleView)
        lines = screen_lines(view)
        assert lines[0].strip() == "Syria convoys"
        assert all(len(line) <= 60 for line in lines)
        assert any("In a rare moment" in line for line in lines)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        assert view.cursor == doc.blocks[3].start
        await pilot.press("G")
        assert view.cursor == len(doc.text)


@sync
async def test_wide_terminal_centres_a_comfortable_measure() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=(200, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        lines = [line for line in screen_lines(view) if line.strip()]
        lefts = {len(line) - len(line.lstrip()) for line in lines}
        widths = [len(line.strip()) for line in lines]
        assert min(lefts) > 40
        assert max(widths) <= 88


@sync
async def test_entities_notes_search_and_mark_change_the_look() -> None:
    doc = seed_document()
    text = doc.text
    russian = text.index("Russian military")
    afp = text.index("AFP")
    region = text.index("The region is quite")
    oil = text.index("oil field")
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        plain = style_at(view, russian)
        view.set_entities(
            [
                Entity("Russia", "place", ((russian, russian + 7),)),
                Entity("AFP", "organization", ((afp, afp + 3),)),
            ]
        )
        view.set_notes(
            [Note("n1", "a", region, region + 10, text[region : region + 10], "", "", "")]
        )
        view.set_search_matches([(oil, oil + 9)])
        await pilot.pause()
        entity = style_at(view, russian)
        note = style_at(view, region)
        search = style_at(view, oil)
        assert entity != plain and entity.underline
        assert note != plain and note != entity
        assert search != plain and search not in (entity, note)
        view.set_marked([(russian, russian + 7)])
        marked = style_at(view, russian)
        assert marked.reverse and marked != entity
        # reverse over explicit colours: never an entity colour swapped onto a highlight
        assert marked.color is not None and marked.color != marked.bgcolor
        view.set_hidden_types({"place"})
        hidden = style_at(view, russian)
        assert hidden.reverse  # a hidden type's mention is still marked
        view.set_marked([])
        assert style_at(view, russian) == plain
        assert any("▎" in line for line in screen_lines(view))  # the note's margin marker


@pytest.mark.parametrize("orphaned", [True, False])
@sync
async def test_orphaned_notes_are_not_highlighted(orphaned: bool) -> None:
    doc = seed_document()
    region = doc.text.index("The region is quite")
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        plain = style_at(view, region)
        anchor = "orphaned" if orphaned else "exact"
        view.set_notes([Note("n", "a", region, region + 5, "", "", "", "", anchor=anchor)])
        await pilot.pause()
        assert (style_at(view, region) == plain) is orphaned


@sync
async def test_load_resets_and_restores_a_position() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=(60, 15)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("v", "w")
        assert view.selection is not None
        position = doc.text.index("Smiles and handshakes")
        view.load(doc, cursor=position)
        await pilot.pause()
        assert view.selection is None
        assert view.cursor == position
        assert view.first_visible_offset() == position  # its line at the top
        assert screen_lines(view)[0].strip() == "Smiles and handshakes"
        await pilot.press("space")
        saved = view.first_visible_offset()
        view.load(doc, cursor=saved)  # what the app does to restore a reading position
        await pilot.pause()
        assert view.first_visible_offset() == saved


@sync
async def test_wide_characters_wrap_within_the_screen() -> None:
    from rich.cells import cell_len

    cjk = "中文文本测试，这是一个很长的段落。" * 30
    doc = document_from_blocks(
        [("title", "宽字符 👍🏽", 0), ("quote", cjk, 0), ("list_item", "naïve café " * 20, 1)],
        Metadata(),
        "txt",
    )
    app = ViewApp(doc)
    async with app.run_test(size=(60, 15)) as pilot:
        view = app.query_one(ArticleView)
        lines = screen_lines(view)
        assert all(cell_len(line) <= 60 for line in lines)
        assert lines[2].lstrip().startswith("▌ 中文")
        assert sum(line.count("中文") for line in lines) >= 5
        await pilot.press("j", "j", "j")
        assert doc.blocks[1].start < view.cursor < doc.blocks[1].end


@sync
async def test_drag_selects() -> None:
    doc = seed_document()
    app = ViewApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        lines = screen_lines(view)
        y = next(i for i, line in enumerate(lines) if "In a rare moment" in line)
        x = lines[y].index("rare moment")
        await pilot.mouse_down(ArticleView, offset=(x, y))
        await pilot.hover(ArticleView, offset=(x + len("rare moment"), y))
        await pilot.mouse_up(ArticleView, offset=(x + len("rare moment"), y))
        assert view.selection is not None
        assert doc.text[slice(*view.selection)] == "rare moment"


@sync
async def test_set_measure_narrows_the_text_column() -> None:
    """The config's ``measure`` sets the widest line of text."""
    words = " ".join(["word"] * 200)
    document = document_from_blocks([("title", "T", 0), ("paragraph", words, 0)], Metadata(), "txt")
    app = ViewApp(document)
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        wide = max(len(line.strip()) for line in screen_lines(view))
        view.set_measure(40)
        await pilot.pause()
        narrow = max(len(line.strip()) for line in screen_lines(view))
        assert narrow <= 40 < wide


@sync
async def test_a_document_loaded_after_mount_is_on_the_next_frame() -> None:
    """The reader loads the text when it mounts, before Textual has told the view its size:
    the first frame drawn after that shows the text (not a blank view waiting for a resize)."""
    app = ViewApp(seed_document())
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        view.load(seed_document())
        view._layout_width = 0  # as right after mount: no width known when load ran
        assert "Syria convoys" in line_text(view.render_line(0))
        await pilot.pause()
        assert any("In a rare moment" in line for line in screen_lines(view))
