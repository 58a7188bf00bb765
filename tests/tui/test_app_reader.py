"""The reader as a user drives it: search, annotate, entities, export, position, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import (
    HOSTILE_TITLE,
    SEED,
    drive,
    fake_entities,
    notifications,
    only_article,
    open_reader,
    reader_ready,
    screen_text,
    seeded_library,
    wait_for,
)
from textual.widgets import Input, TextArea

from apostil.store.config import Config
from apostil.store.errors import LibraryError
from apostil.store.library import Library
from apostil.store.model import Metadata, document_from_blocks
from apostil.store.textsearch import find_matches
from apostil.tui.screens.annotation_editor import AnnotationEditor
from apostil.tui.screens.library import LibraryScreen
from apostil.tui.screens.reader import ReaderScreen
from apostil.tui.widgets.notes_panel import NotesPanel


def seed_text(library: Library) -> str:
    return library.document(only_article(library)).text


@pytest.fixture
def fixed_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    """The entity engine replaced by a fixed list (these tests are about the reader)."""
    import apostil.store.entities as entities

    monkeypatch.setattr(entities, "find_entities", lambda text, **_: fake_entities(text))


async def search(pilot, query: str) -> None:
    await pilot.press("slash")
    await pilot.press(*query)
    await pilot.press("enter")


def test_search_then_annotate_then_save(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await search(pilot, "samuel ramani")
        await wait_for(pilot, lambda: reader.view.selection is not None, "a selected match")
        start, end = reader.view.selection
        assert reader.document.text[start:end] == "Samuel Ramani"
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"An expert voice")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: library.notes(), "the note saved")
        (note,) = library.notes()
        assert (note.quote, note.note) == ("Samuel Ramani", "An expert voice")
        await wait_for(pilot, lambda: reader.notes_panel.notes)
        assert [n.id for n in reader.notes_panel.notes] == [note.id]

    drive(library, steps)


def test_annotate_without_selection_takes_the_sentence_under_the_cursor(
    fixed_entities: None,
) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        at = reader.document.text.index("Russian troops also helped")
        reader.view.move_to(at + 3)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        assert app.screen.quote.startswith("Russian troops also helped")
        assert app.screen.quote.endswith("regime forces.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: library.notes())
        assert library.notes()[0].start == at

    drive(library, steps)


def test_v_and_word_motions_select_words_and_the_note_keeps_them_without_spaces(
    fixed_entities: None,
) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        at = reader.document.text.index("friendly greetings")
        reader.view.move_to(at)
        await pilot.press("v", "w", "w", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        assert app.screen.quote == "friendly greetings"
        await pilot.press(*"warm", "tab", *"mood", "ctrl+s")
        await wait_for(pilot, lambda: library.notes())
        (note,) = library.notes()
        assert (note.quote, note.start, note.tags) == ("friendly greetings", at, ("mood",))

    drive(library, steps)


def test_search_is_case_insensitive_and_n_goes_through_the_matches(fixed_entities: None) -> None:
    library = seeded_library()
    expected = find_matches(seed_text(library), "syria")
    assert len(expected) > 3

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await search(pilot, "SYRIA")
        await wait_for(pilot, lambda: reader.view.selection == expected[0])
        await pilot.press("n")
        assert reader.view.selection == expected[1]
        await pilot.press("N")
        await pilot.press("N")
        assert reader.view.selection == expected[-1]  # wraps round

    drive(library, steps)


def test_a_bad_regex_is_a_one_line_error(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        await open_reader(pilot, app)
        await search(pilot, "re:(unclosed")
        await wait_for(pilot, lambda: any("regular expression" in n for n in notifications(app)))
        assert isinstance(app.screen, ReaderScreen)

    drive(library, steps)


def test_choosing_an_entity_moves_to_its_first_mention(fixed_entities: None) -> None:
    library = seeded_library()
    first = seed_text(library).index("Samuel Ramani")

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        await pilot.press("e")
        await pilot.pause()
        tree = reader.entity_sidebar.entity_tree
        assert app.focused is tree
        node = next(
            leaf
            for branch in tree.root.children
            for leaf in branch.children
            if getattr(leaf.data, "text", "") == "Samuel Ramani"
        )
        tree.move_cursor(node)
        await pilot.press("enter")
        await wait_for(pilot, lambda: reader.view.cursor == first, "the jump")

    drive(library, steps)


def test_entity_jump_with_the_real_engine() -> None:
    """Enter on a place of the seed moves the cursor to its first mention."""
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        place = next(e for e in reader.entities if e.type == "place" and len(e.mentions) > 1)
        await pilot.press("e")
        tree = reader.entity_sidebar.entity_tree
        node = next(
            leaf
            for branch in tree.root.children
            for leaf in branch.children
            if getattr(leaf.data, "text", None) == place.text
        )
        tree.move_cursor(node)
        await pilot.press("enter")
        first = min(place.mentions)[0]
        await wait_for(pilot, lambda: reader.view.cursor == first, "the jump")
        await pilot.press("n")
        assert reader.view.cursor == sorted(place.mentions)[1][0]

    drive(library, steps, config=Config(engine="rules"))


def test_export_writes_a_markdown_file(tmp_path: Path, fixed_entities: None) -> None:
    library = seeded_library(tmp_path / "lib")
    article = only_article(library)
    library.add_note(article.id, 0, 13, note="title note")

    async def steps(pilot, app) -> None:
        await open_reader(pilot, app)
        await pilot.press("x")
        folder = tmp_path / "lib" / "exports"
        await wait_for(pilot, lambda: folder.exists() and list(folder.iterdir()), "the export")
        (written,) = list(folder.iterdir())
        assert written.suffix == ".md"
        assert "title note" in written.read_text(encoding="utf-8")
        assert any(str(written) in n for n in notifications(app))

    drive(library, steps)


def test_export_goes_to_the_configured_folder(tmp_path: Path, fixed_entities: None) -> None:
    library = seeded_library(tmp_path / "lib")
    out = tmp_path / "my-notes"

    async def steps(pilot, app) -> None:
        await open_reader(pilot, app)
        await pilot.press("x")
        await wait_for(pilot, lambda: out.exists() and list(out.iterdir()), "the export")

    drive(library, steps, config=Config(export_dir=str(out)))


def test_reading_position_is_restored(tmp_path: Path, fixed_entities: None) -> None:
    folder = tmp_path / "lib"
    library = seeded_library(folder)
    left_at: list[int] = []

    async def read_and_quit(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("j", "j", "j", "w", "w")
        left_at.append(reader.view.cursor)
        assert left_at[0] > 0
        await pilot.press("q")

    drive(library, read_and_quit)
    library.close()

    reopened = Library(folder)
    assert only_article(reopened).reading_position == left_at[0]

    async def come_back(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        assert reader.view.cursor == left_at[0]

    drive(reopened, come_back)


def test_escape_goes_back_and_saves_the_position(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("j", "j")
        cursor = reader.view.cursor
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await wait_for(pilot, lambda: only_article(library).reading_position == cursor)

    drive(library, steps)


def test_a_library_error_during_a_save_is_a_notification(
    monkeypatch: pytest.MonkeyPatch, fixed_entities: None
) -> None:
    library = seeded_library()

    def broken(*args: object, **kwargs: object) -> None:
        raise LibraryError("the library is locked by another apostil")

    monkeypatch.setattr(library, "add_note", broken)

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("s", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("locked" in n for n in notifications(app)))
        assert app.screen is reader
        assert app.is_running

    drive(library, steps)


def test_hostile_title_author_and_note_show_as_plain_text(fixed_entities: None) -> None:
    library = Library.in_memory()
    document = document_from_blocks(
        [("title", HOSTILE_TITLE, 0), ("paragraph", "Text [link=http://x]here[/link].", 0)],
        Metadata(title=HOSTILE_TITLE, author="[i]Eve[/i]", source="\x1b]8;;http://x\x1b\\"),
        "txt",
    )
    article = library.import_document(document, None).article
    library.add_note(article.id, 0, len(HOSTILE_TITLE), note="[b]not bold[/b]", tags=["x"])

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        assert HOSTILE_TITLE in str(reader.query_one("#reader-title").render())
        byline = str(reader.query_one("#reader-byline").render())
        assert "[i]Eve[/i]" in byline and "\x1b" not in byline
        await pilot.press("o")
        await wait_for(pilot, lambda: reader.notes_panel.notes)
        option = reader.notes_panel.option_list.get_option_at_index(0)
        assert "[b]not bold[/b]" in str(option.prompt)

    drive(library, steps)


def test_narrow_terminal_hides_the_sidebar_until_asked(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        sidebar = reader.query_one("#sidebar")
        assert not sidebar.display or sidebar.region.width == 0
        assert reader.view.region.width > 40
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert sidebar.region.width >= 50
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert reader.view.region.width > 40

    drive(library, steps, size=(60, 15))


def test_q_while_typing_a_search_does_not_quit(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("slash", "q")
        assert app.is_running
        assert reader.query_one("#search", Input).value == "q"
        await pilot.press("escape")
        assert not reader.has_class("-searching")

    drive(library, steps)


def test_keymap_from_the_config_remaps_a_binding(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        await open_reader(pilot, app)
        await pilot.press("s", "ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))

    drive(library, steps, config=Config(keymap={"reader.annotate": "ctrl+n"}))


def test_tags_dialog_replaces_the_article_tags(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"syria conflict", "enter")
        await wait_for(pilot, lambda: only_article(library).tags == ("syria", "conflict"))
        await wait_for(pilot, lambda: "#syria" in str(reader.query_one("#reader-byline").render()))

    drive(library, steps)


def test_paths_given_at_launch_are_imported_and_opened(
    tmp_path: Path, fixed_entities: None
) -> None:
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\x00\x01\x02" * 10)
    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        reader = await reader_ready(pilot, app)
        assert reader.article.source_path == str(SEED.resolve())
        await wait_for(pilot, lambda: any("broken.html" in n for n in notifications(app)))

    drive(library, steps, open_paths=[str(bad), str(SEED)])
    assert len(library.articles()) == 1


def test_notes_panel_lists_this_articles_notes_in_reading_order(fixed_entities: None) -> None:
    library = seeded_library()
    article = only_article(library)
    late = seed_text(library).index("Samuel Ramani")
    library.add_note(article.id, late, late + 13, note="second")
    library.add_note(article.id, 0, 5, note="first")

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        panel = reader.query_one(NotesPanel)
        assert [n.note for n in panel.notes] == ["first", "second"]

    drive(library, steps)


def test_the_hostile_sample_shows_as_plain_text_at_any_size(fixed_entities: None) -> None:
    hostile = SEED.parent / "hostile.txt"
    library = Library.in_memory()

    async def steps(pilot, app) -> None:
        reader = await reader_ready(pilot, app)
        assert "[bold red]markets[/]" in str(reader.query_one("#reader-title").render())
        for size in ((120, 40), (60, 15), (200, 50)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            shown = screen_text(app)
            assert not any(c in shown for c in "\x1b\x07\x08\x9b\u202e"), size
        await pilot.press("G", "o", "e")
        assert app.is_running

    drive(library, steps, open_paths=[str(hostile)])


def test_resizing_closes_and_reopens_the_sidebar(fixed_entities: None) -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        sidebar = reader.query_one("#sidebar")
        assert sidebar.region.width > 0
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert sidebar.region.width == 0
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert sidebar.region.width > 0

    drive(library, steps)


def test_an_entity_engine_that_cannot_run_is_reported_in_the_sidebar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import apostil.store.entities as entities
    from apostil.store.entities import EngineUnavailable

    def unavailable(text: str, **_: object) -> list:
        raise EngineUnavailable("entity engine spacy is not available")

    monkeypatch.setattr(entities, "find_entities", unavailable)
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await wait_for(pilot, lambda: any("not available" in n for n in notifications(app)))
        status = str(reader.entity_sidebar.query_one("#entities-status").render())
        assert "not available" in status
        assert not reader.entity_sidebar.has_class("-busy")

    drive(library, steps)
