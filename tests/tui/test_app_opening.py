"""`apostil PATH`: the article is read before the app's first frame and shown on it; the
sidebar and search bar follow; back from the reader is the library."""

from __future__ import annotations

from pathlib import Path

from app_support import SEED, drive, notifications, reader_ready, run_app, screen_text, wait_for

from apostil.store.importing import import_for_reading
from apostil.store.library import Library
from apostil.tui.app import make_app
from apostil.tui.library_thread import LibraryRunner
from apostil.tui.screens.library import LibraryScreen
from apostil.tui.screens.opening import OpeningScreen, opening_message
from apostil.tui.screens.reader import ReaderScreen


def test_the_text_is_on_the_readers_first_frame_before_its_sidebar(monkeypatch) -> None:
    """What the screen showed when the sidebar started mounting (which waits for the
    reader's first refresh): the article's text, no sidebar. A sidebar key pressed then
    (here `c`, the contents) is done once the sidebar is there, not lost."""
    library = Library.in_memory()
    runner = LibraryRunner()
    opening = runner.start(import_for_reading, library, [str(SEED)])
    opening.result(timeout=30)  # as when the CLI's import finished while Textual loaded
    app = make_app(library, open_paths=[str(SEED)], runner=runner, opening=opening)
    before: dict[str, object] = {}
    mount = ReaderScreen._mount_sidebar_and_search

    async def watched(reader: ReaderScreen) -> None:
        before["screen"] = screen_text(reader.app)
        await reader.app.run_action("show_pane('contents')", reader)
        before["pane before the sidebar"] = reader.sidebar_ready
        await mount(reader)

    monkeypatch.setattr(ReaderScreen, "_mount_sidebar_and_search", watched)

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        await wait_for(pilot, lambda: reader.sidebar_ready, "the sidebar")
        await wait_for(pilot, lambda: reader.entities, "entities")
        assert "Entities" in screen_text(app)
        assert reader.sidebar_tabs.active == "contents"
        await wait_for(pilot, lambda: reader.table_of_contents.has_focus, "the contents")

    run_app(app, steps)
    assert "In a rare moment, soldiers" in str(before["screen"])
    assert "Entities" not in str(before["screen"])
    assert before["pane before the sidebar"] is False


def test_back_from_the_opened_article_is_the_library_listing_it() -> None:
    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        reader = await reader_ready(pilot, app)
        await wait_for(pilot, lambda: reader.sidebar_ready, "the sidebar")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        await wait_for(pilot, lambda: app.screen.query_one("#articles").row_count == 1, "rows")
        await pilot.press("enter")
        await reader_ready(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library again")
        assert isinstance(app.screen_stack[0], OpeningScreen)
        assert sum(isinstance(s, LibraryScreen) for s in app.screen_stack) == 1

    drive(library, steps, open_paths=[str(SEED)])


def test_a_path_that_cannot_be_read_leaves_the_user_in_the_library(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        await wait_for(pilot, lambda: any("empty.txt" in n for n in notifications(app)))
        assert app.is_running

    drive(library, steps, open_paths=[str(empty)])


def test_opening_message_names_the_file_as_plain_text() -> None:
    assert opening_message(["/some/where/[bold]x.txt"]) == "Opening [bold]x.txt…"
    assert opening_message(["a.txt", "b.txt"]) == "Opening 2 paths…"
    assert "\x1b" not in opening_message(["/tmp/\x1b]0;pwned\x07.txt"])


def test_the_search_bar_is_on_screen_while_searching() -> None:
    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        reader = await reader_ready(pilot, app)
        await wait_for(pilot, lambda: reader.sidebar_ready, "the sidebar")
        await pilot.press("slash")
        await pilot.pause()
        assert "search text, or re:regex" in screen_text(app)
        await pilot.press(*"Kurdish")
        await pilot.pause()
        assert "Kurdish" in screen_text(app).splitlines()[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert "search text" not in screen_text(app)

    drive(library, steps, open_paths=[str(SEED)])
