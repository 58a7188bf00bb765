"""iter_article_paths: folders expand to article files, named files pass through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apostil.store.reading import iter_article_paths

Write = Callable[[str, bytes | str], Path]


def test_folders_expand_recursively_sorted_skipping_hidden(
    tmp_path: Path, write_file: Write
) -> None:
    for name in (
        "b.md",
        "a.txt",
        "sub/c.html",
        "sub/d.HTM",
        "sub/deeper/e.markdown",
        "sub/image.png",
        "notes.pdf",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/f.md",
    ):
        write_file(name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths([tmp_path])]
    assert found == ["a.txt", "b.md", "sub/c.html", "sub/d.HTM", "sub/deeper/e.markdown"]


def test_named_files_pass_through_whatever_their_extension(
    tmp_path: Path, write_file: Write
) -> None:
    pdf = write_file("scan.pdf", b"%PDF-1.4")
    hidden = write_file(".secret.txt", "x")
    missing = tmp_path / "missing.txt"
    assert list(iter_article_paths([str(pdf), hidden, missing, "-"])) == [
        pdf,
        hidden,
        missing,
        Path("-"),
    ]


def test_order_of_arguments_is_kept_and_duplicates_dropped(
    tmp_path: Path, write_file: Write
) -> None:
    z = write_file("z.txt", "x")
    folder_file = write_file("dir/a.txt", "x")
    found = list(iter_article_paths([z, tmp_path / "dir", z, folder_file]))
    assert found == [z, folder_file]


def test_empty_folder_yields_nothing(tmp_path: Path) -> None:
    assert list(iter_article_paths([tmp_path])) == []
