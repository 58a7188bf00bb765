"""The real app in a real terminal (tmux), driven by keys as a new user would.

Open the samples, filter the library, open the seed, search, annotate, tag, save, quit;
start again and find the note in the app and from the command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

from .tmux import Pane, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")

APOSTIL = [sys.executable, "-m", "apostil"]


def _env(library: Path) -> dict[str, str]:
    return {
        "APOSTIL_HOME": str(library),
        "APOSTIL_CONFIG": str(library / "none.toml"),
        "COLORTERM": "truecolor",
    }


def _notes(library: Path) -> list[dict]:
    out = subprocess.run(
        [*APOSTIL, "--library", str(library), "notes", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_annotate_by_keyboard_then_find_the_note_after_a_restart(tmp_path: Path) -> None:
    library = tmp_path / "library"
    (tmp_path / "library").mkdir()
    (library / "none.toml").write_text("")
    pane = Pane([*APOSTIL, str(SAMPLES)], env=_env(library), cwd=os.getcwd())
    try:
        pane.wait_for("Syria convoys", 40)
        pane.wait_for("5 articles", 20)
        pane.type("syria")
        pane.wait_for("1 of 5 articles")
        pane.keys("Enter")
        pane.wait_for("Entities (", 30)  # the reader, with the entity sidebar filled
        screen = pane.wait_for("Samuel Ramani")
        assert "Meeting amid Russia-Ukraine war" in screen
        pane.keys("/")
        pane.type("Samuel Ramani said")
        pane.keys("Enter")
        pane.wait_for("1 match")
        pane.keys("a")
        pane.wait_for("New note")
        pane.type("The analyst quoted by AFP")
        pane.keys("Tab")
        pane.type("syria, experts")
        pane.keys("C-s")
        pane.wait_for("Note saved")
        pane.keys("q")
        assert pane.exit_code() == 0
    finally:
        pane.close()

    [note] = _notes(library)
    assert note["quote"] == "Samuel Ramani said"
    assert note["note"] == "The analyst quoted by AFP"
    assert note["tags"] == ["syria", "experts"]

    again = Pane([*APOSTIL], env=_env(library), cwd=os.getcwd())
    try:
        again.wait_for("Syria convoys", 40)
        again.type("syria")
        again.wait_for("1 of 5 articles")
        again.keys("Enter")
        again.wait_for("Notes (1)", 30)
        again.keys("C-p")
        again.wait_for("Search")
        again.type("analyst quoted")
        screen = again.wait_for("The analyst quoted by AFP")
        assert "Syria convoys" in screen
        again.keys("Escape")
        again.keys("q")
        assert again.exit_code() == 0
    finally:
        again.close()


def test_hostile_article_sends_no_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "none.toml").write_text("")
    pane = Pane(
        [*APOSTIL, str(SAMPLES / "hostile.txt")], env=_env(library), cwd=os.getcwd(), size=(100, 30)
    )
    try:
        pane.wait_for("[bold red]markets[/]", 40)  # shown as text, not as markup
        assert "pwned" not in pane.title()  # no OSC title sequence reached the terminal
        pane.keys("G")
        pane.keys("q")
        assert pane.exit_code() == 0
    finally:
        pane.close()


def test_a_corrupt_library_is_explained_in_the_app_and_left_as_it_is(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "none.toml").write_text("")
    (library / "library.json").write_bytes(b'{"articles": {')
    pane = Pane([*APOSTIL, str(SAMPLES / "syria-convoys.txt")], env=_env(library))
    try:
        screen = pane.wait_for("The library cannot be opened", 40)
        assert "apostil doctor" in screen
        assert "Traceback" not in screen
        pane.keys("q")
        assert pane.exit_code() == 1
        assert "doctor" in pane.screen()  # the one line, left in the terminal
    finally:
        pane.close()
    assert (library / "library.json").read_bytes() == b'{"articles": {'
