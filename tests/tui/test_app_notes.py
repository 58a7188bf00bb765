"""Notes in the reader: jump, edit, delete and undo, orphans; the command palette."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from app_support import drive, notifications, only_article, open_reader, seeded_library, wait_for
from textual.widgets import TextArea

from apostil.store.library import Library
from apostil.tui.commands import LibrarySearch
from apostil.tui.screens.annotation_editor import AnnotationEditor
from apostil.tui.screens.reader import ReaderScreen


@pytest.fixture(autouse=True)
def no_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    """No entity engine: these tests are about notes."""
    import apostil.store.entities as entities

    monkeypatch.setattr(entities, "find_entities", lambda text, **_: [])


def library_with_note(
    note: str = "first thought", tags: tuple[str, ...] = ("aleppo",)
) -> tuple[Library, str, tuple[int, int]]:
    library = seeded_library()
    article = only_article(library)
    text = library.document(article).text
    start = text.index("Samuel Ramani")
    saved = library.add_note(article.id, start, start + 13, note=note, tags=tags)
    return library, saved.id, (start, start + 13)


async def focus_notes(pilot, reader: ReaderScreen) -> None:
    await pilot.press("o")
    await wait_for(pilot, lambda: reader.notes_panel.current_note is not None, "a note")
    await pilot.pause()


def test_enter_on_a_note_jumps_to_its_passage_and_selects_it() -> None:
    library, _, span = library_with_note()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await focus_notes(pilot, reader)
        await pilot.press("enter")
        await wait_for(pilot, lambda: reader.view.selection == span, "the passage selected")
        assert app.focused is reader.view

    drive(library, steps)


def test_edit_a_note_in_the_editor_prefilled() -> None:
    library, note_id, _ = library_with_note()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await focus_notes(pilot, reader)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        editor = app.screen
        assert editor.editor_title == "Edit note"
        area = editor.query_one(TextArea)
        assert area.text == "first thought"
        await pilot.press(*" and a second")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: library.note(note_id).note == "first thought and a second")
        assert library.note(note_id).tags == ("aleppo",)
        await wait_for(pilot, lambda: reader.notes_panel.notes[0].note.endswith("second"))

    drive(library, steps)


def test_delete_a_note_then_undo() -> None:
    library, note_id, _ = library_with_note()
    original = library.note(note_id)

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await focus_notes(pilot, reader)
        await pilot.press("d")
        await wait_for(pilot, lambda: not library.notes(), "the delete")
        await wait_for(pilot, lambda: not reader.notes_panel.notes)
        assert any("press u to undo" in n for n in notifications(app))
        await pilot.press("u")
        await wait_for(pilot, lambda: library.notes(), "the undo")
        assert library.note(note_id) == original
        await wait_for(pilot, lambda: reader.notes_panel.notes)

    drive(library, steps)


def test_orphans_are_listed_apart_and_can_be_reattached_to_the_selection() -> None:
    library, note_id, _ = library_with_note()
    orphan = replace(library.note(note_id), anchor="orphaned")
    library.save_note(orphan)

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        panel = reader.notes_panel
        assert panel.notes[0].orphaned
        assert panel.option_list.get_option_at_index(0).disabled  # the "Orphaned" header
        text = reader.document.text
        start = text.index("AFP")
        reader.view.select_range(start, start + 3)
        await focus_notes(pilot, reader)
        await pilot.press("r")
        await wait_for(pilot, lambda: not library.note(note_id).orphaned, "the re-attach")
        note = library.note(note_id)
        assert (note.start, note.end, note.quote) == (start, start + 3, "AFP")

    drive(library, steps)


def test_palette_lists_screen_actions_with_their_keys() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        commands = {c.title: c.help for c in app.get_system_commands(reader)}
        assert "Annotate" in commands and "a" in commands["Annotate"]
        assert "Search" in commands

    drive(library, steps)


def test_palette_library_search_finds_articles_and_notes() -> None:
    library, _, span = library_with_note(note="convoy diplomacy", tags=("deconfliction",))

    async def steps(pilot, app) -> None:
        provider = LibrarySearch(app.screen)
        await provider.startup()
        hits = [hit async for hit in provider.search("diplomacy")]
        assert len(hits) == 1 and hits[0].text.startswith("Note:")
        hits = [hit async for hit in provider.search("syria convoys")]
        assert any(h.text == "Article: Syria convoys" for h in hits)
        note_hits = [h async for h in provider.search("deconfliction")]
        (note_hit,) = [h for h in note_hits if h.text.startswith("Note")]
        result = note_hit.command()
        if asyncio.iscoroutine(result):
            await result
        reader = await wait_for_reader(pilot, app)
        await wait_for(pilot, lambda: reader.view.selection == span, "opened at the note")

    drive(library, steps)


async def wait_for_reader(pilot, app) -> ReaderScreen:
    await wait_for(
        pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.document is not None
    )
    return app.screen


def test_quitting_with_unsaved_words_in_the_editor_asks_first() -> None:
    from apostil.tui.screens.annotation_editor import AnnotationEditor
    from apostil.tui.screens.confirm import ConfirmDialog

    library = seeded_library()

    async def steps(pilot, app) -> None:
        await open_reader(pilot, app)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        await pilot.press(*"half a thought", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # keep writing
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: library.notes())
        assert library.notes()[0].note == "half a thought"
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        await pilot.press(*"gone", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")

    app = drive(library, steps)
    assert app.return_code == 0 and len(library.notes()) == 1
