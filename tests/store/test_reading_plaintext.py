"""Plain-text articles: titles, headings, paragraphs, hard wrapping, by-lines, encodings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from apostil.store.model import Document
from apostil.store.reading import read_bytes, read_path

Write = Callable[[str, bytes | str], Path]

SEED_SHA256 = "eb6d7b88c4eda410abbac599fd6abdcaabe62d6300161e52fae5344820a22a1c"
SEED_HEADINGS = {
    "Meeting amid Russia-Ukraine war",
    "Russia-US troops in Syria",
    "Smiles and handshakes",
    "'Very rare moment'",
    "Russian vehicles with 'Z' markings",
    "Troops exchanged momentos",
}
TRUNCATED = (
    "The reporters from ground zero noted that instead of just zipping past each other, "
    "the convoys stopped and soldie"
)


def structure(doc: Document) -> list[tuple[str, str, int]]:
    return [(b.kind, doc.block_text(b), b.level) for b in doc.blocks]


def test_seed_file_is_the_users_file(samples: Path) -> None:
    data = (samples / "syria-convoys.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256


def test_seed_structure_is_exact(samples: Path) -> None:
    doc = read_path(samples / "syria-convoys.txt")
    lines = (samples / "syria-convoys.txt").read_text(encoding="utf-8").split("\n")
    expected = [("title", "Syria convoys", 0)] + [
        ("heading", line, 2) if line in SEED_HEADINGS else ("paragraph", line, 0) for line in lines
    ]
    assert structure(doc) == expected
    assert doc.title == "Syria convoys"
    assert doc.format == "txt"
    assert doc.text == "\n\n".join(["Syria convoys", *lines])


def test_seed_truncated_paragraph_is_kept_whole(samples: Path) -> None:
    doc = read_path(samples / "syria-convoys.txt")
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds[TRUNCATED] == "paragraph"
    assert doc.blocks[1].kind == "paragraph"
    assert doc.block_text(doc.blocks[1]).startswith("In a rare moment, soldiers of a Russian")


def test_latin1_crlf_sample(samples: Path) -> None:
    raw = (samples / "grain-prices-latin1.txt").read_bytes()
    assert b"\r\n" in raw and b"\xe9" in raw  # the sample really is Latin-1 with CRLF
    doc = read_path(samples / "grain-prices-latin1.txt")
    assert "\r" not in doc.text
    for word in ("Ibáñez", "Müller", "Peña", "£187", "«Nous", "levé»", "Zürich"):
        assert word in doc.text
    assert doc.title == "Wheat and maize prices climb as drought spreads across the Sahel"
    assert doc.metadata.author == "Amélie Durand"
    assert doc.metadata.date == "12 June 2024"
    assert "By Amélie Durand" not in doc.text
    headings = [doc.block_text(b) for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Pressure on importers", "Spain's harvest disappoints", "What comes next"]
    first = doc.block_text(doc.blocks[1])
    assert first.startswith(
        "Benchmark wheat futures rose for a sixth consecutive session on Tuesday as"
    )
    assert first.endswith("on the Chicago Board of Trade.")
    assert "\n" not in first
    assert all(b.kind in ("title", "heading", "paragraph") for b in doc.blocks)


def test_blank_line_paragraphs_and_a_title(write_file: Write) -> None:
    doc = read_path(write_file("a.txt", "My title\n\nFirst paragraph.\n\nSecond paragraph.\n"))
    assert structure(doc) == [
        ("title", "My title", 0),
        ("paragraph", "First paragraph.", 0),
        ("paragraph", "Second paragraph.", 0),
    ]


def test_hard_wrapped_lines_are_rejoined(write_file: Write) -> None:
    text = (
        "Report\n\n"
        "The ministry in Nairobi said on Monday that the new well-\n"
        "known rules would apply to every county from January, and that\n"
        "officials in Mombasa had agreed.\n\n"
        "A second paragraph that is short.\n"
    )
    doc = read_path(write_file("wrapped.txt", text))
    assert structure(doc)[1] == (
        "paragraph",
        "The ministry in Nairobi said on Monday that the new well-known rules would apply to "
        "every county from January, and that officials in Mombasa had agreed.",
        0,
    )


def test_no_title_line_uses_the_file_name(write_file: Write) -> None:
    long_first = (
        "Officials in Lagos said on Tuesday that the port would reopen next week after repairs "
        "to the main quay were completed ahead of schedule.\nSecond line of the article."
    )
    doc = read_path(write_file("lagos_port-reopens.txt", long_first))
    assert doc.title == "Lagos port reopens"
    assert doc.blocks[1].kind == "paragraph"
    assert doc.block_text(doc.blocks[1]).startswith("Officials in Lagos")


def test_stdin_without_title_gets_first_words() -> None:
    text = (
        "Officials in Lagos said on Tuesday that the port would reopen next week after repairs "
        "to the main quay were completed ahead of schedule."
    )
    for name in ("-", "<stdin>"):
        doc = read_bytes(text.encode(), name=name)
        assert doc.title == "Officials in Lagos said on Tuesday that the…"
        assert doc.block_text(doc.blocks[1]) == text


def test_lists_and_quotes(write_file: Write) -> None:
    text = (
        "Demands\n\nThe union wants:\n\n- higher pay\n- shorter shifts\n  - nested point\n"
        "* fewer agency staff\n• a pension review\n1. first numbered\n\n"
        "> We will not back down,\n> the leader said.\n\nEnd of story.\n"
    )
    doc = read_path(write_file("lists.txt", text))
    assert structure(doc)[2:] == [
        ("list_item", "higher pay", 1),
        ("list_item", "shorter shifts", 1),
        ("list_item", "nested point", 2),
        ("list_item", "fewer agency staff", 1),
        ("list_item", "a pension review", 1),
        ("list_item", "1. first numbered", 1),
        ("quote", "We will not back down,\nthe leader said.", 0),  # not hard-wrapped: lines kept
        ("paragraph", "End of story.", 0),
    ]


def test_short_last_line_is_not_a_heading(write_file: Write) -> None:
    doc = read_path(
        write_file("t.txt", "Title\nA long enough paragraph here.\nThe convoys stopped and soldie")
    )
    assert structure(doc)[-1] == ("paragraph", "The convoys stopped and soldie", 0)


def test_consecutive_short_lines_are_not_all_headings(write_file: Write) -> None:
    text = "Title\n\nUpdate one\n\nUpdate two\n\nThe body of the article follows here.\n"
    doc = read_path(write_file("t.txt", text))
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["title", "paragraph", "heading", "paragraph"]


def test_byline_and_date_after_title(write_file: Write) -> None:
    text = "Floods in Porto\nBy Inês Carvalho\n4 March 2024\n\nRain fell all night.\n"
    doc = read_path(write_file("t.txt", text))
    assert doc.metadata.author == "Inês Carvalho"
    assert doc.metadata.date == "4 March 2024"
    assert structure(doc) == [
        ("title", "Floods in Porto", 0),
        ("paragraph", "Rain fell all night.", 0),
    ]


def test_sentence_starting_with_by_is_not_a_byline(write_file: Write) -> None:
    text = "Floods in Porto\n\nBy Tuesday the river had burst its banks and the mayor called.\n"
    doc = read_path(write_file("t.txt", text))
    assert doc.metadata.author == ""
    assert doc.block_text(doc.blocks[1]).startswith("By Tuesday")


def test_unknown_extension_is_sniffed(write_file: Write) -> None:
    assert read_path(write_file("notes.log", "Title\n\nBody.")).format == "txt"
    html = "<!DOCTYPE html><html><body><p>Hello from <b>Oslo</b>.</p></body></html>"
    doc = read_path(write_file("page.php", html))
    assert doc.format == "html"
    assert "Hello from Oslo." in doc.text


def test_utf16_file(write_file: Write) -> None:
    doc = read_path(write_file("u16.txt", "Zürich\r\n\r\nÉlan vital.".encode("utf-16")))
    assert doc.text == "Zürich\n\nÉlan vital."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-32"])
def test_bom_files(write_file: Write, encoding: str) -> None:
    doc = read_path(write_file("bom.txt", "Title\n\nCafé.".encode(encoding)))
    assert doc.text == "Title\n\nCafé."


def test_cp1252_file(write_file: Write) -> None:
    doc = read_path(
        write_file("smart.txt", "“Quoted” title\n\nIt’s done — finally…".encode("cp1252"))
    )
    assert doc.text == "“Quoted” title\n\nIt’s done — finally…"


def test_wrapped_quote_and_list_continuation_are_rejoined(write_file: Write) -> None:
    text = (
        "Council meeting\n\n"
        "The council in Lyon met on Tuesday evening to discuss the new tram line and\n"
        "the budget for the coming year, which the mayor described as difficult.\n\n"
        "> The budget is tight, but the tram line will be finished before the next\n"
        "> election, the deputy mayor told the council on Tuesday evening.\n\n"
        "- The first item on the agenda was the tram line through the old town and\n"
        "  its cost to residents.\n"
    )
    doc = read_path(write_file("council.txt", text))
    assert structure(doc)[2:] == [
        (
            "quote",
            "The budget is tight, but the tram line will be finished before the next election, "
            "the deputy mayor told the council on Tuesday evening.",
            0,
        ),
        (
            "list_item",
            "The first item on the agenda was the tram line through the old town and its cost "
            "to residents.",
            1,
        ),
    ]
