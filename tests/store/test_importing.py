"""Opening paths in the reader: import what is new or changed, and hand over the one text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apostil.store.importing import import_for_reading
from apostil.store.library import Library


def test_one_file_is_imported_and_its_text_comes_with_it(samples: Path, tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    seed = samples / "syria-convoys.txt"
    opening = import_for_reading(library, [str(seed)])
    assert opening.article is not None and opening.document is not None
    assert opening.results[0].outcome is not None
    assert opening.results[0].outcome.status == "added"
    assert "al-Qahtaniyah" in opening.document.text
    assert library.article(opening.article.id).title == opening.article.title


def test_reopening_keeps_the_reading_position(samples: Path, tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    seed = str(samples / "syria-convoys.txt")
    first = import_for_reading(library, [seed])
    assert first.article is not None
    library.set_reading_position(first.article.id, 1234)
    again = import_for_reading(Library(tmp_path / "lib"), [seed])
    assert again.article is not None and again.article.id == first.article.id
    assert again.results[0].outcome is not None
    assert again.results[0].outcome.status == "unchanged"
    assert again.article.reading_position == 1234


def test_several_articles_or_none_open_nothing(
    samples: Path, tmp_path: Path, write_file: Callable[[str, bytes | str], Path]
) -> None:
    library = Library(tmp_path / "lib")
    several = import_for_reading(library, [str(samples)])
    assert len(several.results) >= 2 and several.article is None and several.document is None
    bad = write_file("empty.txt", b"")
    none = import_for_reading(library, [str(bad)])
    assert none.article is None and none.results[0].error is not None
