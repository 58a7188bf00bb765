"""How the app looks, at fixed sizes, with fixed data (regenerate with --snapshot-update and
look at the report before accepting)."""

from __future__ import annotations

import pytest
from app_support import (
    HOSTILE_TITLE,
    fake_entities,
    fixed_note,
    only_article,
    seeded_library,
    wait_for,
)
from textual.widgets import TextArea

from apostil.store.library import Library
from apostil.store.model import Metadata, document_from_blocks
from apostil.tui.app import make_app
from apostil.tui.screens.reader import ReaderScreen


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed ids, times and entities: the same picture on every run."""
    import itertools

    import apostil.store.entities as entities
    import apostil.store.library as library_module

    counter = itertools.count(1)
    monkeypatch.setattr(library_module, "new_id", lambda: f"{next(counter):012x}")
    monkeypatch.setattr(library_module, "utc_now", lambda: "2026-01-02T03:04:05Z")

    monkeypatch.setattr(entities, "find_entities", lambda text, **_: fake_entities(text))


def library_with_notes() -> Library:
    library = seeded_library()
    article = only_article(library)
    text = library.document(article).text
    start = text.index("Samuel Ramani")
    library.save_note(
        fixed_note(
            article,
            text,
            start,
            start + 13,
            note="An expert voice",
            tags=("experts",),
            note_id="0000feed0001",
        )
    )
    start = text.index("deconfliction channels")
    library.save_note(
        fixed_note(
            article, text, start, start + 22, note="[b]since 2015[/b]", note_id="0000feed0002"
        )
    )
    return library


async def reader_loaded(pilot) -> None:
    app = pilot.app
    await wait_for(
        pilot, lambda: app.screen.query("#articles") and app.screen.query_one("#articles").row_count
    )
    await pilot.press("enter")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, ReaderScreen) and app.screen.entities,
        "the reader with entities",
    )
    await pilot.pause()


def test_library_screen(snap_compare) -> None:
    library = library_with_notes()
    for title, tags in ((HOSTILE_TITLE, ("hostile",)), ("Glacier study", ("climate", "alps"))):
        document = document_from_blocks(
            [("title", title, 0), ("paragraph", "Body.", 0)],
            Metadata(title=title, source="example.org"),
            "txt",
        )
        article = library.import_document(document, None).article
        library.replace_article_tags(article.id, tags)

    async def loaded(pilot) -> None:
        screen = pilot.app.screen
        await wait_for(
            pilot,
            lambda: screen.query("#articles") and screen.query_one("#articles").row_count == 3,
        )

    assert snap_compare(make_app(library), terminal_size=(100, 20), run_before=loaded)


def test_reader_with_entity_sidebar(snap_compare) -> None:
    assert snap_compare(
        make_app(library_with_notes()), terminal_size=(120, 34), run_before=reader_loaded
    )


def test_annotation_editor_over_the_reader(snap_compare) -> None:
    async def editing(pilot) -> None:
        await reader_loaded(pilot)
        await pilot.press("w", "w", "s", "a")
        await wait_for(pilot, lambda: pilot.app.screen.query(TextArea))
        pilot.app.screen.query_one(TextArea).cursor_blink = False
        await pilot.press(*"Why here?")
        await pilot.pause()

    assert snap_compare(make_app(library_with_notes()), terminal_size=(100, 30), run_before=editing)


def test_help_screen(snap_compare) -> None:
    async def helping(pilot) -> None:
        await reader_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(library_with_notes()), terminal_size=(90, 30), run_before=helping)


def test_reader_notes_on_a_small_terminal(snap_compare) -> None:
    async def notes(pilot) -> None:
        await reader_loaded(pilot)
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(make_app(library_with_notes()), terminal_size=(60, 15), run_before=notes)
