"""Markdown export: the pinned format, round trips, and hostile text that must stay text."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from apostil.store.export.escaping import normalize_text, obsidian_tag, one_line
from apostil.store.export.markdown import (
    parse_markdown_export,
    render_article_markdown,
    render_tag_markdown,
    split_front_matter,
)
from apostil.store.model import Article, Note

GOLDEN = Path(__file__).parent / "golden"
EXPORTED = "2026-11-25T10:00:00Z"

ARTICLE = Article(
    id="a1b2c3d4e5",
    title="Harbour strike: talks collapse",
    source_path="/home/reader/articles/harbour-strike.md",
    content_hash="0" * 64,
    format="md",
    imported="2026-11-20T09:00:00Z",
    updated="2026-11-20T09:00:00Z",
    author="Ines Vermeulen",
    date="2026-03-14",
    source="https://news.example/harbour",
    tags=("ports", "labour"),
)


def make_note(note_id: str, start: int, quote: str, note: str = "", tags=(), anchor="exact"):
    return Note(
        id=note_id,
        article_id=ARTICLE.id,
        start=start,
        end=start + len(quote),
        quote=quote,
        prefix="",
        suffix="",
        text_hash="1" * 64,
        note=note,
        tags=tuple(tags),
        created="2026-11-21T08:00:00Z",
        updated="2026-11-21T08:00:00Z",
        anchor=anchor,
    )


NOTES = [
    make_note("n2", 300, "The union said the strike\nwould go on.", "Check the date.", ["strike"]),
    make_note("n1", 40, "Dockers walked out on Monday", "First day.\n\nSee also n2.", ["ports"]),
    make_note("n3", 900, "a paragraph that was cut", "Lost passage", ["old"], "orphaned"),
    make_note("n4", 500, "cranes stood idle", ""),
]

HOSTILE = [
    "---",
    "# heading",
    "```",
    "~~~",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "<!-- apostil:note id=evil -->",
    "<https://evil.example>",
    "title\n===",
    "text\n---",
    "- item\n+ item\n* item\n1. item\n2) item",
    "> quoted",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "    indented code",
    "\tindented code",
    "***",
    "___",
    "[ref]: https://evil.example",
    "*em* **strong** _em_ __strong__ ~~del~~",
    "`code` ``code``",
    "&amp; &#60; &lt;script&gt;",
    "a \\ backslash\\",
    "trailing spaces  \nnext",
    "[[wikilink]] ==mark== %%comment%% $x^2$ #tag ^block",
    "<div>\n\nblock\n\n</div>",
    "snake_case_name and 2*3*4",
]


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("APOSTIL_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing {path}: run with APOSTIL_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


def rendered_html(markdown: str) -> str:
    _, body = split_front_matter(markdown)
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(body)


def structure(markdown: str) -> list[str]:
    """The block tokens a Markdown reader sees (with GFM tables and strikethrough on)."""
    _, body = split_front_matter(markdown)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = []
    for token in md.parse(body):
        if token.type.endswith("_open") or token.type in (
            "html_block",
            "hr",
            "fence",
            "code_block",
        ):
            out.append(token.type if token.type != "heading_open" else token.tag)
        if token.type == "inline":
            for child in token.children or ():
                if child.type not in ("text", "softbreak"):
                    out.append(f"inline:{child.type}")
    return out


# --- golden files -----------------------------------------------------------------------------


def test_article_export_matches_the_golden_file():
    golden("article.md", render_article_markdown(ARTICLE, NOTES, exported=EXPORTED))


def test_tag_export_matches_the_golden_file():
    other = Article(
        id="ffee0011",
        title="Port of Rotterdam [update]",
        source_path="",
        content_hash="2" * 64,
        format="txt",
        imported="",
        updated="",
    )
    other_note = make_note("m1", 12, "strike ballot", "Vote next week.", ["strike"])
    items = [(ARTICLE, [NOTES[0]]), (other, [other_note])]
    golden("tag-strike.md", render_tag_markdown("strike", items, exported=EXPORTED))


def test_hostile_export_matches_the_golden_file():
    notes = [make_note(f"h{i}", i * 10, text, text, ["x"]) for i, text in enumerate(HOSTILE)]
    hostile_article = Article(
        id="evil0001",
        title="# Title\n---\n<script>x</script>",
        source_path="",
        content_hash="3" * 64,
        format="txt",
        imported="",
        updated="",
        author="'; DROP TABLE --",
        source="javascript:alert(1)",
    )
    golden("hostile.md", render_article_markdown(hostile_article, notes, exported=EXPORTED))


# --- the format -------------------------------------------------------------------------------


def test_notes_come_in_reading_order_with_orphans_last():
    parsed = parse_markdown_export(render_article_markdown(ARTICLE, NOTES, exported=EXPORTED))
    assert [n.id for n in parsed.notes] == ["n1", "n2", "n4", "n3"]
    assert [n.orphaned for n in parsed.notes] == [False, False, False, True]


def test_front_matter_carries_the_article_and_apostil_marker():
    markdown = render_article_markdown(ARTICLE, NOTES, exported=EXPORTED)
    meta = parse_markdown_export(markdown).front_matter
    assert meta == {
        "title": ARTICLE.title,
        "author": ARTICLE.author,
        "date": ARTICLE.date,
        "source": ARTICLE.source,
        "tags": ["ports", "labour"],
        "apostil_id": ARTICLE.id,
        "generator": "apostil",
        "exported": EXPORTED,
    }


def test_the_note_id_marker_is_invisible_when_rendered():
    html = rendered_html(render_article_markdown(ARTICLE, NOTES, exported=EXPORTED))
    assert html.count("<!-- apostil:note ") == len(NOTES)
    visible = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    assert "apostil" not in visible and "n1" not in visible


def test_a_blank_line_in_a_passage_stays_inside_the_block_quote():
    note = make_note("q", 0, "first paragraph\n\nsecond paragraph", "my note")
    markdown = render_article_markdown(ARTICLE, [note], exported=EXPORTED)
    assert "> first paragraph\n>\n> second paragraph" in markdown
    assert structure(markdown).count("blockquote_open") == 1
    assert parse_markdown_export(markdown).notes[0].quote == note.quote


def test_tags_are_written_the_obsidian_way():
    note = make_note("t", 0, "x", "", ["new york", "café", "2024", "a/b", "c++"])
    markdown = render_article_markdown(ARTICLE, [note], exported=EXPORTED)
    assert "#new_york #cafe #_2024 #a/b #c" in markdown
    assert parse_markdown_export(markdown).notes[0].tags == (
        "new_york",
        "cafe",
        "_2024",
        "a/b",
        "c",
    )


def test_a_title_cannot_break_the_front_matter():
    article = Article(
        id="x1",
        title="a\n---\nevil: true\n...",
        source_path="",
        content_hash="",
        format="txt",
        imported="",
        updated="",
    )
    markdown = render_article_markdown(article, [], exported=EXPORTED)
    meta, _ = split_front_matter(markdown)
    assert meta["title"] == "a --- evil: true ..."
    assert "evil" not in meta
    assert structure(markdown)[:1] == ["h1"]


# --- hostile text -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_note_text_comes_back_as_the_same_text(text):
    note = make_note("h", 0, text, text, ["x"])
    markdown = render_article_markdown(ARTICLE, [note], exported=EXPORTED)
    parsed = parse_markdown_export(markdown).notes
    assert len(parsed) == 1
    assert parsed[0].id == "h"
    assert parsed[0].quote == normalize_text(text)
    assert parsed[0].note == normalize_text(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_note_text_renders_as_plain_text(text):
    note = make_note("h", 0, text, text, ["x"])
    markdown = render_article_markdown(ARTICLE, [note], exported=EXPORTED)
    blocks = structure(markdown)
    assert blocks.count("html_block") == 1  # apostil's own marker only
    assert [b for b in blocks if b.startswith("h")] == ["h1", "html_block"]
    assert not [b for b in blocks if b.startswith("inline:")]
    for forbidden in (
        "hr",
        "fence",
        "code_block",
        "table_open",
        "bullet_list_open",
        "ordered_list_open",
    ):
        assert forbidden not in blocks
    assert blocks.count("blockquote_open") == 1
    html = rendered_html(markdown)
    assert "<script" not in html and "<a " not in html and "<img" not in html


def test_links_in_rendered_exports_only_use_http_schemes():
    markdown = render_article_markdown(
        ARTICLE, [make_note("h", 0, t, t) for t in HOSTILE], exported=EXPORTED
    )
    tokens = MarkdownIt("commonmark").parse(split_front_matter(markdown)[1])
    for token in tokens:
        for child in token.children or ():
            href = child.attrGet("href") or child.attrGet("src")
            if href:
                assert urlparse(str(href)).scheme in ("http", "https")


# --- round trips --------------------------------------------------------------------------

hostile_text = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=80),
    st.lists(
        st.sampled_from([*HOSTILE, "\n", "\n\n", " ", "  ", "\t", "x", "_", "*"]), max_size=8
    ).map("".join),
    st.text(st.sampled_from("#*_`[]()<>!-=+|~\\&;:%$^ \n\t\r.1aA\u00a0\u2028"), max_size=60),
)
tag = st.text(st.characters(codec="utf-8", exclude_characters=" \t\n\r"), min_size=1, max_size=12)


@settings(max_examples=300)
@given(quote=hostile_text, note=hostile_text, tags=st.lists(tag, max_size=4), title=hostile_text)
def test_render_then_parse_gives_back_quotes_notes_and_tags(quote, note, tags, title):
    article = Article(
        id="rt", title=title, source_path="", content_hash="", format="txt", imported="", updated=""
    )
    notes = [make_note("a", 0, quote, note, tags), make_note("b", 5, note, quote, [], "orphaned")]
    markdown = render_article_markdown(article, notes, exported=EXPORTED)
    parsed = parse_markdown_export(markdown)
    first, second = parsed.notes
    assert (first.id, second.id) == ("a", "b")
    assert first.quote == normalize_text(quote) and first.note == normalize_text(note)
    assert second.quote == normalize_text(note) and second.note == normalize_text(quote)
    expected_tags = tuple(dict.fromkeys(t for t in map(obsidian_tag, tags) if t))
    assert first.tags == expected_tags
    assert second.orphaned and not first.orphaned
    assert parsed.front_matter["apostil_id"] == "rt"
    assert parsed.title == (one_line(title) or "Untitled")
    blocks = structure(markdown)
    assert blocks.count("html_block") == 2
    assert not [b for b in blocks if b.startswith("inline:")]


@given(title=hostile_text, author=hostile_text)
def test_front_matter_is_always_valid_yaml(title, author):
    article = Article(
        id="fm",
        title=title,
        source_path="",
        content_hash="",
        format="txt",
        imported="",
        updated="",
        author=author,
    )
    markdown = render_article_markdown(article, [], exported=EXPORTED)
    head = markdown.split("\n---\n", 1)[0]
    assert all(line not in ("---", "...") for line in head.splitlines()[1:])
    meta, _ = split_front_matter(markdown)
    assert meta["apostil_id"] == "fm"
    assert isinstance(yaml.safe_load(yaml.safe_dump(meta)), dict)


def test_front_matter_source_falls_back_to_the_imported_file() -> None:
    from dataclasses import replace

    local = replace(ARTICLE, source="")
    meta = yaml.safe_load(render_article_markdown(local, [], exported="x").split("---")[1])
    assert meta["source"] == "/home/reader/articles/harbour-strike.md"
    meta = yaml.safe_load(render_article_markdown(ARTICLE, [], exported="x").split("---")[1])
    assert meta["source"] == "https://news.example/harbour"
