"""The apostil command as scripts and people use it: output formats, exit codes, errors."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from apostil.cli import main

from .conftest import SAMPLES, SEED


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def apostil(lib: Path, capsys: pytest.CaptureFixture[str]):
    def run(*args: str) -> Run:
        code = main(["--library", str(lib), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def test_import_prints_id_title_status_and_is_idempotent(apostil, tmp_path: Path) -> None:
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    first = apostil("import", str(article))
    assert first.code == 0
    article_id, title, status = first.out.strip().split("\t")
    assert (title, status) == ("Seed", "added") or status == "added"
    again = apostil("import", str(article))
    assert again.out.strip().split("\t") == [article_id, title, "unchanged"]
    article.write_text(SEED.read_text(encoding="utf-8") + "\nA new last line.", encoding="utf-8")
    changed = apostil("import", str(article))
    assert changed.out.strip().split("\t") == [article_id, title, "updated"]


def test_import_a_folder_reports_bad_files_and_keeps_the_good(apostil, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "empty.txt").write_text("")
    (folder / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    result = apostil("import", str(folder), "--json")
    assert result.code == 1
    rows = result.json()
    assert [r["status"] for r in rows] == ["added"]
    errors = result.err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("apostil: ") for line in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("picture.md" in e and "binary" in e for e in errors)
    listed = apostil("list", "--json").json()
    assert [a["id"] for a in listed] == [rows[0]["id"]]


def test_list_json_has_the_contracted_fields(apostil) -> None:
    apostil("import", str(SAMPLES))
    listed = apostil("list", "--json").json()
    assert len(listed) >= 5
    for row in listed:
        assert {"id", "title", "source", "tags", "notes", "imported", "updated"} <= set(row)
    harbour = next(a for a in listed if a["source"].endswith("harbour-strike.md"))
    assert harbour["tags"]
    only = apostil("list", "--tag", harbour["tags"][0], "--json").json()
    assert harbour["id"] in [a["id"] for a in only]


def test_note_then_notes_json_offsets_hold_the_quote(apostil) -> None:
    added = apostil(
        "note",
        str(SEED),
        "--quote",
        "very rare moment",
        "--note",
        "Ramani",
        "--tag",
        "Syria",
        "--tag",
        "quotes",
    )
    assert added.code == 0, added.err
    note_id = added.out.strip()
    [note] = apostil("notes", "--json").json()
    assert note["id"] == note_id
    assert {
        "id",
        "article_id",
        "article_title",
        "quote",
        "note",
        "tags",
        "start",
        "end",
        "orphaned",
        "created",
        "updated",
    } <= set(note)
    text = apostil("text", note["article_id"]).out[:-1]  # text adds one final newline
    assert text[note["start"] : note["end"]] == note["quote"] == "very rare moment"
    assert note["tags"] == ["syria", "quotes"] and note["orphaned"] is False
    assert apostil("notes", "--tag", "syria", "--json").json()[0]["id"] == note_id
    assert apostil("notes", "--search", "RAMANI", "--json").json()[0]["id"] == note_id
    assert apostil("notes", "--search", "nothing like this", "--json").json() == []


def test_note_on_the_second_occurrence(apostil) -> None:
    apostil("note", str(SEED), "--quote", "AFP", "--occurrence", "2")
    [note] = apostil("notes", "--json").json()
    text = apostil("text", str(SEED)).out
    first = text.index("AFP")
    assert note["start"] == text.index("AFP", first + 1)


def test_quote_not_found_is_one_line_and_saves_nothing(apostil) -> None:
    result = apostil("note", str(SEED), "--quote", "not in the article at all")
    assert result.code == 1
    assert result.err.startswith("apostil: ") and result.err.count("\n") == 1
    too_far = apostil("note", str(SEED), "--quote", "AFP", "--occurrence", "9")
    assert too_far.code == 1 and "only 2 times" in too_far.err
    assert apostil("notes", "--json").json() == []


def test_text_of_a_path_not_in_the_library_reads_without_importing(apostil) -> None:
    result = apostil("text", str(SAMPLES / "grain-prices-latin1.txt"))
    assert result.code == 0
    assert ("\r" not in result.out and "é" in result.out) or "ü" in result.out
    assert apostil("list", "--json").json() == []


def test_tag_rm_note_and_edit_note(apostil) -> None:
    apostil("import", str(SEED))
    article_id = apostil("list", "--json").json()[0]["id"]
    tagged = apostil("tag", article_id[:5], "--add", "Syria", "--add", "war")
    assert tagged.out.rstrip().endswith("#syria #war")
    apostil("tag", str(SEED), "--remove", "war")
    assert apostil("list", "--json").json()[0]["tags"] == ["syria"]
    note_id = apostil("note", article_id, "--quote", "AFP").out.strip()
    apostil("edit-note", note_id, "--note", "news agency", "--add-tag", "sources")
    [note] = apostil("notes", "--json").json()
    assert (note["note"], note["tags"]) == ("news agency", ["sources"])
    removed = apostil("rm-note", note_id[:6])
    assert removed.code == 0 and apostil("notes", "--json").json() == []
    missing = apostil("rm-note", note_id)
    assert missing.code == 1 and "no note" in missing.err


@pytest.mark.parametrize(
    "args",
    [("note", "x"), ("list", "--bogus"), ("frobnicate",), ("note", str(SEED), "--quote")],
)
def test_usage_errors_exit_2_with_one_line(apostil, args: tuple[str, ...]) -> None:
    result = apostil(*args)
    if args == ("frobnicate",):  # not a command: it is a path to open in the reader
        assert result.code in (1, 2)
        return
    assert result.code == 2
    assert result.err.startswith("apostil: ") and result.err.count("\n") == 1


def test_missing_file_and_unknown_target(apostil) -> None:
    missing = apostil("text", "/no/such/file.txt")
    assert missing.code == 1 and missing.err.startswith("apostil: /no/such/file.txt")
    unknown = apostil("text", "zzzzzz")
    assert unknown.code == 1 and "no article" in unknown.err


def test_a_corrupt_library_is_one_line_and_untouched(apostil, lib: Path) -> None:
    lib.mkdir()
    (lib / "library.json").write_bytes(b'{"articles": {')
    for args in (("list",), ("import", str(SEED)), ("notes", "--json")):
        result = apostil(*args)
        assert result.code == 1
        assert result.err.count("\n") == 1 and "doctor" in result.err
    assert (lib / "library.json").read_bytes() == b'{"articles": {'
    doctor = apostil("doctor")
    assert doctor.code == 1 and "problem:" in doctor.out


def test_stdin_import(apostil, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"A title\n\nSome body text about Kyiv."))
    monkeypatch.setattr(sys, "stdin", fake)
    result = apostil("import", "-")
    assert result.code == 0 and result.out.strip().endswith("added")


def test_version_and_help_on_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "apostil", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("apostil ")
    from apostil.commands import COMMAND_INDEX, all_commands

    assert {c.name for c in all_commands()} == set(COMMAND_INDEX)
    listing = subprocess.run(
        [sys.executable, "-m", "apostil", "--help"], capture_output=True, text=True
    ).stdout
    for name in COMMAND_INDEX:
        assert f"    {name}" in listing
        result = subprocess.run(
            [sys.executable, "-m", "apostil", name, "--help"],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0 and f"usage: apostil {name}" in result.stdout


def test_no_traceback_without_debug(apostil, monkeypatch: pytest.MonkeyPatch) -> None:
    from apostil.store import library as library_module

    def explode(self, *args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(library_module.Library, "articles", explode)
    result = apostil("list")
    assert result.code == 1
    assert (
        result.err == "apostil: unexpected error: boom second line (run with --debug for details)\n"
    )
    with pytest.raises(RuntimeError):
        apostil("--debug", "list")


def test_entities_of_the_seed_json_and_types(apostil) -> None:
    rows = apostil("entities", str(SEED), "--json").json()
    text = apostil("text", str(SEED)).out
    by_name = {r["text"]: r for r in rows}
    assert by_name["Syria"]["type"] == "place"
    assert by_name["AFP"]["type"] == "organization"
    for row in rows:
        assert {"text", "type", "count", "aliases", "mentions"} <= set(row)
        assert row["count"] == len(row["mentions"])
        for start, end in row["mentions"]:
            assert text[start:end] in [row["text"], *row["aliases"]]
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    places = apostil("entities", str(SEED), "--type", "place", "--json").json()
    assert places and {r["type"] for r in places} == {"place"}
    assert apostil("list", "--json").json() == []  # a path not in the library is not imported


def test_entity_corrections_apply_everywhere(apostil) -> None:
    apostil("import", str(SAMPLES))
    assert apostil("entity", "hide", "Syria").code == 0
    assert apostil("entity", "add", "oil field", "--type", "place").code == 0
    assert apostil("entity", "retype", "AFP", "--type", "misc").code == 0
    rows = {r["text"]: r for r in apostil("entities", "Syria convoys", "--json").json()}
    assert "Syria" not in rows
    assert rows["oil field"]["type"] == "place"
    assert rows["AFP"]["type"] == "misc"
    listed = apostil("entity", "list").out.strip().splitlines()
    assert len(listed) == 3
    assert [line.split("\t")[1] for line in listed] == ["hide", "add", "retype"]
    apostil("entity", "rm", listed[0].split("\t")[0])
    rows = {r["text"]: r for r in apostil("entities", "Syria convoys", "--json").json()}
    assert rows["Syria"]["type"] == "place"


def test_entities_all_and_list_by_entity(apostil) -> None:
    apostil("import", str(SAMPLES))
    index = apostil("entities", "--all", "--json").json()
    russia = next(r for r in index if r["text"] == "Russia")
    assert russia["article_count"] >= 1 and russia["articles"]
    listed = apostil("list", "--entity", "Russia", "--json").json()
    assert {a["id"] for a in listed} == set(russia["articles"])
    usage = apostil("entities")
    assert usage.code == 2


def test_export_markdown_to_stdout_and_to_a_folder_in_place(apostil, tmp_path: Path) -> None:
    apostil("note", str(SEED), "--quote", "Samuel Ramani", "--note", "analyst", "--tag", "experts")
    out = apostil("export")
    assert out.code == 0
    assert out.out.startswith("---\n") and "> Samuel Ramani" in out.out and "#experts" in out.out
    folder = tmp_path / "exports"
    first = apostil("export", "-o", f"{folder}/")
    assert first.code == 0 and first.out.startswith("created\t")
    [written] = list(folder.iterdir())
    again = apostil("export", "-o", str(folder))
    assert again.out.startswith("unchanged\t") and list(folder.iterdir()) == [written]
    apostil("note", str(SEED), "--quote", "AFP", "--note", "agency")
    updated = apostil("export", "-o", str(folder))
    assert updated.out.startswith("updated\t") and list(folder.iterdir()) == [written]
    assert "agency" in written.read_text(encoding="utf-8")


def test_export_never_overwrites_a_file_apostil_did_not_write(apostil, tmp_path: Path) -> None:
    apostil("note", str(SEED), "--quote", "AFP")
    mine = tmp_path / "my-notes.md"
    mine.write_text("# my own notes\n", encoding="utf-8")
    refused = apostil("export", "-o", str(mine))
    assert refused.code == 1 and "--force" in refused.err
    assert mine.read_text(encoding="utf-8") == "# my own notes\n"
    forced = apostil("export", "-o", str(mine), "--force")
    assert forced.code == 0 and "AFP" in mine.read_text(encoding="utf-8")


def test_export_by_tag_gathers_notes_across_articles(apostil) -> None:
    apostil("note", str(SEED), "--quote", "AFP", "--tag", "sources")
    apostil("note", str(SAMPLES / "harbour-strike.md"), "--quote", "Antwerp", "--tag", "sources")
    apostil("note", str(SEED), "--quote", "Moscow", "--tag", "other")
    out = apostil("export", "--tag", "sources").out
    assert out.count("<!-- apostil:note") == 2 and "Moscow" not in out
    nothing = apostil("export", "--tag", "nope")
    assert nothing.code == 1 and "no notes" in nothing.err


def test_json_export_round_trips_into_another_library(apostil, tmp_path: Path, capsys) -> None:
    apostil("note", str(SEED), "--quote", "very rare moment", "--note", "Ramani", "--tag", "q")
    apostil("note", str(SEED), "--quote", "AFP", "--occurrence", "2", "--tag", "sources")
    exported = tmp_path / "notes.jsonld"
    assert apostil("export", "--format", "json", "-o", str(exported)).code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    before = {
        (n["quote"], n["start"], n["end"], n["note"], tuple(n["tags"]))
        for n in apostil("notes", "--json").json()
    }
    other = tmp_path / "other-library"
    code = main(["--library", str(other), "import-notes", str(exported)])
    captured = capsys.readouterr()
    assert code == 0 and captured.out.startswith("2 added")
    code = main(["--library", str(other), "notes", "--json"])
    assert code == 0
    after = {
        (n["quote"], n["start"], n["end"], n["note"], tuple(n["tags"]))
        for n in json.loads(capsys.readouterr().out)
    }
    assert after == before
    again = main(["--library", str(other), "import-notes", str(exported)])
    assert again == 0 and capsys.readouterr().out.startswith("0 added, 2 updated")


def test_import_notes_reads_a_hypothesis_export(apostil, tmp_path: Path) -> None:
    apostil("import", str(SEED))
    hypothesis = [
        {
            "id": "hyp-1",
            "uri": SEED.resolve().as_uri(),
            "text": "Who is he?",
            "tags": ["Experts"],
            "created": "2026-01-01T10:00:00Z",
            "updated": "2026-01-01T10:00:00Z",
            "target": [
                {
                    "source": SEED.resolve().as_uri(),
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "Samuel Ramani",
                            "prefix": "Syrian expert ",
                            "suffix": " said",
                        }
                    ],
                }
            ],
        }
    ]
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(hypothesis), encoding="utf-8")
    result = apostil("import-notes", str(path))
    assert result.code == 0, result.err
    [note] = apostil("notes", "--json").json()
    assert (note["quote"], note["note"], note["tags"]) == (
        "Samuel Ramani",
        "Who is he?",
        ["experts"],
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    refused = apostil("import-notes", str(bad))
    assert refused.code == 1 and refused.err.count("\n") == 1 and "bad.json" in refused.err


def test_an_edited_article_keeps_its_notes_and_orphans_can_be_reattached(
    apostil, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Harbour talks\n\nThe dockers met the port authority on Monday. "
        "Talks collapsed after an hour.\n\nThe union will vote on Friday.",
        encoding="utf-8",
    )
    apostil("import", str(article))
    kept = apostil("note", str(article), "--quote", "Talks collapsed", "--note", "k").out.strip()
    lost = apostil("note", str(article), "--quote", "vote on Friday", "--note", "l").out.strip()
    article.write_text(
        "Harbour talks\n\nLate on Sunday, the dockers met the port authority on "
        "Monday. Talks collapsed after an hour.\n\nA strike is now likely.",
        encoding="utf-8",
    )
    assert apostil("import", str(article)).out.rstrip().endswith("updated")
    notes = {n["id"]: n for n in apostil("notes", "--json").json()}
    text = apostil("text", str(article)).out
    assert text[notes[kept]["start"] : notes[kept]["end"]] == "Talks collapsed"
    assert notes[kept]["orphaned"] is False and notes[lost]["orphaned"] is True
    orphans = apostil("notes", "--orphaned", "--json").json()
    assert [n["id"] for n in orphans] == [lost]
    assert apostil("reattach", lost, "--quote", "strike is now likely").code == 0
    assert apostil("notes", "--orphaned", "--json").json() == []
    moved = next(n for n in apostil("notes", "--json").json() if n["id"] == lost)
    assert text[moved["start"] : moved["end"]] == "strike is now likely"
