"""The library screen as a user drives it: list, filter, open, remove; a big library."""

from __future__ import annotations

from collections import Counter

from app_support import (
    HOSTILE_TITLE,
    drive,
    open_reader,
    screen_text,
    seeded_library,
    wait_for,
)
from textual.widgets import Input

from apostil.store.library import Library
from apostil.store.model import Article, Metadata, document_from_blocks
from apostil.tui.screens.confirm import ConfirmDialog
from apostil.tui.screens.library import LibraryScreen
from apostil.tui.screens.reader import ReaderScreen
from apostil.tui.widgets.article_table import ArticleTable


def _table(app) -> ArticleTable:
    return app.screen.query_one("#articles", ArticleTable)


def _titles(app) -> list[str]:
    return [row.cells[0] for row in _table(app).rows]


def add_article(
    library: Library, title: str, body: str = "Some text about things.", **meta: str
) -> Article:
    document = document_from_blocks(
        [("title", title, 0), ("paragraph", body, 0)], Metadata(title=title, **meta), "txt"
    )
    return library.import_document(document, None).article


def test_library_lists_articles_and_opens_one_with_enter() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: _table(app).row_count == 1)
        assert _titles(app) == ["Syria convoys"]
        reader = await open_reader(pilot, app)
        assert reader.article is not None and reader.article.title == "Syria convoys"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))

    drive(library, steps)


def test_a_title_with_markup_shows_literally() -> None:
    library = Library.in_memory()
    add_article(library, HOSTILE_TITLE, source="[link=http://evil]site[/link]")

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: _table(app).row_count == 1)
        row = _table(app).get_row(0).cells
        assert row[0] == HOSTILE_TITLE
        assert row[1] == "[link=http://evil]site[/link]"
        assert HOSTILE_TITLE in screen_text(app)
        reader = await open_reader(pilot, app)
        title = reader.query_one("#reader-title")
        assert HOSTILE_TITLE in str(title.render())

    drive(library, steps)


def test_typing_in_the_table_filters_by_title_source_and_tag() -> None:
    library = Library.in_memory()
    add_article(library, "Convoys in Syria", source="AFP")
    add_article(library, "Glaciers retreat", source="Nature")
    tagged = add_article(library, "Budget news", source="Reuters")
    library.replace_article_tags(tagged.id, ["economy"])

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: _table(app).row_count == 3)
        await pilot.press(*"glac")
        await wait_for(pilot, lambda: _table(app).row_count == 1)
        assert app.screen.query_one("#filter", Input).value == "glac"
        assert _titles(app) == ["Glaciers retreat"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: _table(app).row_count == 3)
        await pilot.press(*"econ")
        await wait_for(pilot, lambda: _table(app).row_count == 1)
        assert _titles(app) == ["Budget news"]
        await pilot.press("enter")  # type to filter, enter opens the match
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.article_id == tagged.id

    drive(library, steps)


def test_remove_asks_first_then_removes() -> None:
    library = Library.in_memory()
    add_article(library, "Keep me")

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: _table(app).row_count == 1)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await pilot.pause()
        assert len(library.articles()) == 1
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: not library.articles())
        await wait_for(pilot, lambda: app.screen.has_class("-empty"))

    drive(library, steps)


def test_ten_thousand_articles_load_and_filter() -> None:
    library = Library.in_memory()
    rows = [
        Article(
            id=f"{i:012x}",
            title=f"Article number {i}",
            source_path=f"/tmp/a{i}.txt",
            content_hash=f"{i:064x}",
            format="txt",
            imported=f"2026-01-01T00:00:{i % 60:02d}Z",
            updated="",
            tags=("even",) if i % 2 == 0 else (),
        )
        for i in range(10_000)
    ]

    async def steps(pilot, app) -> None:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: screen._loaded)
        screen.set_rows(rows, Counter({rows[0].id: 3}))
        await pilot.pause()
        assert _table(app).row_count == 10_000
        await pilot.press(*"number 999")
        await wait_for(pilot, lambda: _table(app).row_count < 10_000)
        titles = _titles(app)
        assert len(titles) == 19  # 999, 1999 ... 9999 and 9990 ... 9998
        assert all("999" in title for title in titles)
        await pilot.press("escape")
        await pilot.press(*"even")
        await wait_for(pilot, lambda: _table(app).row_count == 5_000)

    drive(library, steps)


def test_empty_library_says_how_to_add_articles() -> None:
    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: app.screen.has_class("-empty"))
        text = str(app.screen.query_one("#library-empty").render())
        assert "apostil" in text and "empty" in text

    drive(Library.in_memory(), steps)


def test_a_folder_given_at_launch_is_imported_and_listed() -> None:
    """`apostil sample_articles/`: every article goes in and the library lists them."""
    from tests.conftest import SAMPLES

    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: _table(app).row_count >= 5, tries=1500)
        assert isinstance(app.screen, LibraryScreen)
        assert "Syria convoys" in _titles(app)

    drive(library, steps, open_paths=[str(SAMPLES)])


def test_closing_help_over_the_library_does_not_rebuild_the_list(monkeypatch) -> None:
    library = seeded_library()
    rebuilt: list[int] = []
    set_rows = LibraryScreen.set_rows

    def counted(screen, articles, counts) -> None:
        rebuilt.append(len(articles))
        set_rows(screen, articles, counts)

    monkeypatch.setattr(LibraryScreen, "set_rows", counted)

    async def steps(pilot, app) -> None:
        await wait_for(pilot, lambda: rebuilt, "the first load")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "back")
        for _ in range(10):
            await pilot.pause(0.02)
        assert rebuilt == [1]
        article = library.articles()[0]
        library.add_note(article.id, 0, 5, note="from elsewhere")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for(pilot, lambda: len(rebuilt) == 2, "a rebuild: the notes changed")

    drive(library, steps)
