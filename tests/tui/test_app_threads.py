"""The app touches the library from one thread only, and tables stay plain text."""

from __future__ import annotations

import threading

from app_support import drive, open_reader, seeded_library, wait_for
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from apostil.tui.screens.annotation_editor import AnnotationEditor
from apostil.tui.widgets.article_table import fit


def test_every_library_call_runs_on_the_library_thread(monkeypatch) -> None:
    library = seeded_library()
    threads: set[str] = set()
    recording = threading.Event()
    raw, writing = library._raw, library._writing

    def traced_raw(name):
        if recording.is_set():
            threads.add(threading.current_thread().name)
        return raw(name)

    def traced_writing():
        if recording.is_set():
            threads.add(threading.current_thread().name)
        return writing()

    monkeypatch.setattr(library, "_raw", traced_raw)
    monkeypatch.setattr(library, "_writing", traced_writing)

    async def steps(pilot, app) -> None:
        recording.set()
        reader = await open_reader(pilot, app, entities=True)
        await pilot.press("s", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotationEditor))
        await pilot.press(*"why", "ctrl+s")
        await wait_for(pilot, lambda: reader.notes_panel.notes)
        await pilot.press("o", "d")
        await wait_for(pilot, lambda: not reader.notes_panel.notes)
        await pilot.press("u")
        await wait_for(pilot, lambda: reader.notes_panel.notes)
        await pilot.press("escape", "escape")
        await pilot.press("q")

    drive(library, steps)
    recording.clear()
    assert threads, "the app read the library"
    assert all(name.startswith("apostil-library") for name in threads), threads
    assert len(library.notes()) == 1


@given(st.text(), st.integers(min_value=0, max_value=40))
def test_table_cells_are_exactly_as_wide_as_their_column(text: str, width: int) -> None:
    cell = fit(text, width)
    assert cell_len(cell) == width
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in cell)
