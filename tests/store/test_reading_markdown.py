"""Markdown articles: front matter, CommonMark blocks, inline markup reduced to text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apostil.store.model import Document
from apostil.store.reading import read_bytes, read_path

Write = Callable[[str, bytes | str], Path]


def structure(doc: Document) -> list[tuple[str, str, int]]:
    return [(b.kind, doc.block_text(b), b.level) for b in doc.blocks]


def md(text: str) -> Document:
    return read_bytes(text.encode("utf-8"), name="article.md")


def test_sample_front_matter_and_blocks(samples: Path) -> None:
    doc = read_path(samples / "harbour-strike.md")
    meta = doc.metadata
    assert doc.format == "md"
    assert meta.title == "Dockers walk out as Antwerp harbour talks collapse"
    assert meta.author == "Marieke Janssens"
    assert meta.date == "2024-03-14"
    assert meta.source == "The Northern Ledger"
    assert meta.tags == ("labour", "shipping", "belgium")
    assert meta.description.startswith("A 48-hour strike")
    blocks = structure(doc)
    assert blocks[0] == ("title", meta.title, 0)
    assert sum(1 for b in blocks if b[0] == "title") == 1
    assert ("heading", "What the unions want", 2) in blocks
    items = [b for b in blocks if b[0] == "list_item"]
    assert len(items) == 3 and all(b[2] == 1 for b in items)
    quote = next(b for b in blocks if b[0] == "quote")
    assert quote[1].startswith("We understand the anxiety about automation.")
    assert "title:" not in doc.text and "---" not in doc.text
    # emphasis markers and link syntax are gone, their text stays
    assert "Antwerp, 14 March 2024 — More than six thousand" in doc.text
    assert "Port of Antwerp-Bruges walked off" in doc.text
    assert "2030 strategy document, published" in doc.text
    assert "*" not in doc.text and "](" not in doc.text and "https://" not in doc.text


def test_inline_markup_is_reduced_to_text() -> None:
    doc = md(
        "# T\n\nSome *em* and **strong**, `code`, [a link](https://x.example), "
        "![alt text](i.png), ~~gone~~ and a  \nhard break\nand a soft one &amp; an entity.\n"
    )
    assert structure(doc)[1] == (
        "paragraph",
        "Some em and strong, code, a link, alt text, gone and a hard break and a soft one "
        "& an entity.",
        0,
    )


def test_leading_h1_is_the_title() -> None:
    doc = md("# Budget vote in Warsaw\n\nThe Sejm voted.\n\n## Reaction\n\nCalm.\n")
    assert structure(doc) == [
        ("title", "Budget vote in Warsaw", 0),
        ("paragraph", "The Sejm voted.", 0),
        ("heading", "Reaction", 2),
        ("paragraph", "Calm.", 0),
    ]


def test_front_matter_title_wins_over_a_different_h1() -> None:
    doc = md("---\ntitle: Official title\n---\n# Other heading\n\nBody.\n")
    assert structure(doc) == [
        ("title", "Official title", 0),
        ("heading", "Other heading", 1),
        ("paragraph", "Body.", 0),
    ]


def test_no_title_anywhere_uses_the_file_name() -> None:
    doc = read_bytes(b"Just a paragraph.\n", name="notes/river-report.md")
    assert structure(doc) == [("title", "River report", 0), ("paragraph", "Just a paragraph.", 0)]


def test_nested_and_ordered_lists() -> None:
    doc = md("# T\n\n- one\n  - one a\n  - one b\n- two\n\n3. third\n4. fourth\n")
    assert structure(doc)[1:] == [
        ("list_item", "one", 1),
        ("list_item", "one a", 2),
        ("list_item", "one b", 2),
        ("list_item", "two", 1),
        ("list_item", "3. third", 1),
        ("list_item", "4. fourth", 1),
    ]


def test_code_blocks_keep_lines_but_no_blank_line() -> None:
    doc = md("# T\n\n```python\ndef f():\n\n    return 1\n```\n\n    indented\n    code\n")
    assert structure(doc)[1:] == [
        ("code", "def f():\n    return 1", 0),
        ("code", "indented\ncode", 0),
    ]


def test_blockquote_of_several_paragraphs_is_one_quote() -> None:
    doc = md("# T\n\n> First line\n> continues.\n>\n> Second paragraph.\n")
    assert structure(doc)[1] == ("quote", "First line continues.\nSecond paragraph.", 0)


def test_tables_become_rows() -> None:
    doc = md("# T\n\n| City | Pop |\n|---|---|\n| Lima | 10m |\n| Quito | 3m |\n")
    assert [b[1] for b in structure(doc)[1:]] == ["City | Pop", "Lima | 10m", "Quito | 3m"]


def test_html_blocks_keep_text_only() -> None:
    doc = md('# T\n\n<div class="x"><script>alert(1)</script><b>Bold</b> words</div>\n\nEnd.\n')
    assert structure(doc)[1:] == [("paragraph", "Bold words", 0), ("paragraph", "End.", 0)]


def test_malformed_front_matter_never_crashes() -> None:
    doc = md("---\ntitle: [unclosed\nauthor: x: y\n---\n# Real title\n\nBody.\n")
    assert doc.title == "Real title"
    assert doc.block_text(doc.blocks[-1]) == "Body."


def test_front_matter_that_is_prose_stays_text() -> None:
    doc = md("---\nJust a rule above some prose\n---\n\nBody.\n")
    assert "Just a rule above some prose" in doc.text


def test_front_matter_lists_and_dates() -> None:
    doc = md(
        "---\ntitle: T\nauthor: [Ana Silva, Rui Costa]\ndate: 2024-05-01\n"
        "tags: 'Energy, EU policy'\nurl: https://example.org/a\n---\nBody.\n"
    )
    assert doc.metadata.author == "Ana Silva, Rui Costa"
    assert doc.metadata.date == "2024-05-01"
    assert doc.metadata.tags == ("energy", "eu", "policy")
    assert doc.metadata.source == "https://example.org/a"


def test_entities_cannot_smuggle_control_characters() -> None:
    doc = md("# T&#x1b;[2J\n\nA &#x202e;reversed&#x202c; and &#7; bell.\n")
    assert "\x1b" not in doc.text and "\u202e" not in doc.text and "\x07" not in doc.text
    assert doc.title.startswith("T") and doc.title.endswith("[2J")  # CommonMark may put U+FFFD


def test_no_blank_line_inside_any_block() -> None:
    doc = md("# T\n\n> a\n>\n>\n> b\n\n```\nx\n\n\n\ny\n```\n\n- item\n\n  more\n")
    for block in doc.blocks:
        assert "\n\n" not in doc.block_text(block)
