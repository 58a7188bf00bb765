"""Writing exports to disk: safe names, foreign files left alone, updates in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apostil.store.errors import ApostilError
from apostil.store.export.errors import ExportError, ForeignFile, UnsafePath
from apostil.store.export.files import (
    WINDOWS_RESERVED,
    export_identity,
    markdown_files,
    safe_filename,
    tag_markdown_file,
    write_export,
    write_exports,
)
from apostil.store.export.markdown import render_article_markdown
from apostil.store.model import Article, Note


def article(title: str, article_id: str = "a1b2c3d4e5f6") -> Article:
    return Article(
        id=article_id,
        title=title,
        source_path="",
        content_hash="",
        format="txt",
        imported="",
        updated="",
    )


NOTE = Note(
    id="n1",
    article_id="a1b2c3d4e5f6",
    start=0,
    end=5,
    quote="Hello",
    prefix="",
    suffix=" world",
    text_hash="h",
    note="A note",
)


def files_for(title: str, article_id: str = "a1b2c3d4e5f6", exported: str = "T1"):
    return markdown_files([(article(title, article_id), [NOTE])], exported=exported)


# --- safe_filename ------------------------------------------------------------------------------


def test_a_filename_is_the_title_slug_and_a_short_id():
    assert safe_filename("Harbour Strike: Talks Collapse!", "a1b2c3d4e5f6") == (
        "harbour-strike-talks-collapse-a1b2c3d4.md"
    )


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "..",
        ".hidden",
        "C:\\Windows\\system32",
        "a/b\\c",
        "\x00nul",
        "",
        "   ",
        "日本語のタイトル",
        "CON",
        "nul",
        "x" * 500,
    ],
)
def test_hostile_titles_give_safe_names(title):
    for article_id in ("a1b2c3d4e5f6", ""):
        name = safe_filename(title, article_id)
        assert name.endswith(".md")
        assert not name.startswith(".")
        assert "/" not in name and "\\" not in name and "\x00" not in name
        assert name.isascii()
        assert len(name) <= 80
        assert name.split(".")[0].upper() not in WINDOWS_RESERVED


@given(st.text(), st.text(max_size=40))
def test_every_filename_is_safe(title, article_id):
    name = safe_filename(title, article_id)
    assert name.endswith(".md") and not name.startswith(".")
    assert all(ch.isalnum() or ch in "-_." for ch in name) and name.isascii()
    assert len(name) <= 80
    assert name.split(".")[0].upper() not in WINDOWS_RESERVED


def test_errors_are_apostil_errors():
    assert issubclass(ForeignFile, ApostilError) and issubclass(UnsafePath, ApostilError)


# --- write_exports ------------------------------------------------------------------------------


def test_first_export_creates_the_file(tmp_path):
    (result,) = write_exports(tmp_path / "out", files_for("My Article"))
    assert result.status == "created"
    assert result.path == (tmp_path / "out" / "my-article-a1b2c3d4.md").resolve()
    assert export_identity(result.path) == "a1b2c3d4e5f6"
    assert [p.name for p in (tmp_path / "out").iterdir()] == [result.path.name]  # no temp file


def test_exporting_again_updates_in_place(tmp_path):
    write_exports(tmp_path, files_for("My Article", exported="T1"))
    (same,) = write_exports(tmp_path, files_for("My Article", exported="T2"))
    assert same.status == "unchanged"
    new_note = Note(
        id="n2",
        article_id="a1b2c3d4e5f6",
        start=6,
        end=11,
        quote="world",
        prefix="Hello ",
        suffix="",
        text_hash="h",
        note="Second",
    )
    changed = markdown_files([(article("My Article"), [NOTE, new_note])], exported="T3")
    (result,) = write_exports(tmp_path, changed)
    assert result.status == "updated"
    assert [p.name for p in tmp_path.iterdir()] == ["my-article-a1b2c3d4.md"]
    assert "Second" in result.path.read_text("utf-8")


def test_a_renamed_title_replaces_the_old_file(tmp_path):
    write_exports(tmp_path, files_for("Old Title"))
    (result,) = write_exports(tmp_path, files_for("New Title"))
    assert result.status == "renamed"
    assert result.previous is not None and result.previous.name == "old-title-a1b2c3d4.md"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new-title-a1b2c3d4.md"]


def test_a_foreign_file_is_never_overwritten(tmp_path):
    name = next(iter(files_for("My Article")))
    (tmp_path / name).write_text("# my own notes\n", encoding="utf-8")
    with pytest.raises(ForeignFile, match="not written by apostil") as error:
        write_exports(tmp_path, files_for("My Article"))
    assert "\n" not in str(error.value)
    assert (tmp_path / name).read_text("utf-8") == "# my own notes\n"


def test_force_overwrites_a_foreign_file(tmp_path):
    name = next(iter(files_for("My Article")))
    (tmp_path / name).write_text("# my own notes\n", encoding="utf-8")
    (result,) = write_exports(tmp_path, files_for("My Article"), force=True)
    assert result.status == "updated"
    assert export_identity(tmp_path / name) == "a1b2c3d4e5f6"


def test_a_file_mimicking_front_matter_without_the_generator_is_foreign(tmp_path):
    name = next(iter(files_for("My Article")))
    (tmp_path / name).write_text("---\napostil_id: a1b2c3d4e5f6\n---\nmine\n", encoding="utf-8")
    with pytest.raises(ForeignFile):
        write_exports(tmp_path, files_for("My Article"))


def test_another_articles_export_under_the_same_name_is_not_replaced(tmp_path):
    name = next(iter(files_for("My Article")))
    other = render_article_markdown(article("Other", "zzz"), [], exported="T")
    (tmp_path / name).write_text(other, encoding="utf-8")
    with pytest.raises(ForeignFile, match=r"export of"):
        write_exports(tmp_path, files_for("My Article"))


def test_nothing_is_written_when_one_file_is_refused(tmp_path):
    files = {**files_for("First", "id1"), **files_for("Second", "id2")}
    blocked = safe_filename("Second", "id2")
    (tmp_path / blocked).write_text("mine", encoding="utf-8")
    with pytest.raises(ForeignFile):
        write_exports(tmp_path, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocked]


@pytest.mark.parametrize(
    "name", ["../evil.md", "/tmp/evil.md", ".hidden.md", "a/b.md", "..", "x.txt", "", "a\\b.md"]
)
def test_unsafe_names_are_refused(tmp_path, name):
    content = next(iter(files_for("x").values()))
    with pytest.raises(UnsafePath):
        write_exports(tmp_path / "out", {name: content})
    assert not (tmp_path / "evil.md").exists()


def test_a_symlink_pointing_outside_is_refused_even_with_force(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("precious", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    name = next(iter(files_for("My Article")))
    (folder / name).symlink_to(outside)
    for force in (False, True):
        with pytest.raises(UnsafePath, match="symbolic link"):
            write_exports(folder, files_for("My Article"), force=force)
    assert outside.read_text("utf-8") == "precious"


def test_an_inside_symlink_is_replaced_not_followed_with_force(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "target.md"
    target.write_text("keep me", encoding="utf-8")
    name = next(iter(files_for("My Article")))
    (folder / name).symlink_to(target)
    with pytest.raises(ForeignFile):
        write_exports(folder, files_for("My Article"))
    write_exports(folder, files_for("My Article"), force=True)
    assert not (folder / name).is_symlink()
    assert target.read_text("utf-8") == "keep me"


def test_a_file_as_target_folder_is_an_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        write_exports(tmp_path / "file", files_for("x"))


def test_content_that_is_not_an_apostil_export_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError):
        write_exports(tmp_path, {"x.md": "# plain\n"})


def test_tag_exports_update_in_place(tmp_path):
    items = [(article("A"), [NOTE])]
    write_exports(tmp_path, tag_markdown_file("strike", items, exported="T1"))
    (result,) = write_exports(tmp_path, tag_markdown_file("strike", items, exported="T2"))
    assert result.status == "unchanged"
    assert [p.name for p in tmp_path.iterdir()] == ["tag-strike.md"]
    assert export_identity(result.path) == "tag:strike"


# --- write_export (one file) ----------------------------------------------------------------------


def test_write_export_creates_and_updates_one_file(tmp_path):
    content = next(iter(files_for("x").values()))
    path = tmp_path / "notes.md"
    assert write_export(path, content).status == "created"
    assert write_export(path, content).status == "unchanged"


def test_write_export_refuses_a_foreign_file_unless_forced(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("mine", encoding="utf-8")
    content = next(iter(files_for("x").values()))
    with pytest.raises(ForeignFile):
        write_export(path, content)
    assert path.read_text("utf-8") == "mine"
    assert write_export(path, content, force=True).status == "updated"


def test_write_export_keeps_the_file_mode(tmp_path):
    content = next(iter(files_for("x").values()))
    path = tmp_path / "notes.md"
    write_export(path, content)
    os.chmod(path, 0o640)
    write_export(path, content.replace("A note", "Changed"))
    assert path.stat().st_mode & 0o777 == 0o640


def test_write_export_needs_an_existing_folder(tmp_path):
    content = next(iter(files_for("x").values()))
    with pytest.raises(ExportError, match="no such folder"):
        write_export(Path(tmp_path / "missing" / "notes.md"), content)
