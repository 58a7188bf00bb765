"""HTML articles: the main article only, clutter dropped, metadata from the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from apostil.store.model import Document
from apostil.store.reading import read_bytes, read_path


def structure(doc: Document) -> list[tuple[str, str, int]]:
    return [(b.kind, doc.block_text(b), b.level) for b in doc.blocks]


@pytest.fixture(scope="module")
def dam_report() -> Document:
    path = Path(__file__).resolve().parents[2] / "sample_articles" / "river-dam-report.html"
    return read_path(path)


def test_metadata_comes_from_the_page(dam_report: Document) -> None:
    meta = dam_report.metadata
    assert dam_report.format == "html"
    assert meta.title == "Nile dam talks stall as Ethiopia begins fifth filling"
    assert meta.author == "Helen Mbeki-Carter"
    assert meta.date == "2024-07-22"
    assert meta.source == "The Meridian Post"


def test_article_text_is_kept(dam_report: Document) -> None:
    blocks = structure(dam_report)
    assert blocks[0] == ("title", "Nile dam talks stall as Ethiopia begins fifth filling", 0)
    assert sum(1 for b in blocks if b[0] == "title") == 1
    headings = [b[1] for b in blocks if b[0] == "heading"]
    assert headings == [
        'Cairo warns of "existential" risk',
        "What Ethiopia says",
        "Mediation runs dry",
    ]
    paragraphs = [b[1] for b in blocks if b[0] == "paragraph"]
    assert paragraphs[0].startswith("Ethiopia has begun the fifth annual filling")
    assert paragraphs[-1].startswith("Regional analysts expect the dispute")
    assert len(paragraphs) == 10
    assert [b[1] for b in blocks if b[0] == "list_item"] == [
        "minimum annual releases during prolonged droughts;",
        "a mechanism to settle future disputes;",
        "whether any agreement would bind future dams upstream.",
    ]
    quote = [b[1] for b in blocks if b[0] == "quote"]
    assert quote == [
        "We have never asked Ethiopia to stop generating electricity. We have asked for rules "
        "that every party can read before the river runs low."
    ]


@pytest.mark.parametrize(
    "clutter",
    [
        "cookies",  # cookie banner
        "Accept all",
        "Subscribe now",  # navigation menu
        "Business",
        "ADVERTISEMENT",  # adverts
        "SPONSORED",
        "SkyNile",
        "gtag",  # scripts
        "dataLayer",
        "font-family",  # styles
        "Related stories",  # related box
        "Egypt weighs water rationing",
        "Photo: Reuters",  # caption credit
        "Jane Doe",
        "All rights reserved",  # footer
        "Privacy policy",
        "Africa Briefing",  # newsletter box
        "By Helen Mbeki-Carter",  # by-line moves to metadata
    ],
)
def test_clutter_is_dropped(dam_report: Document, clutter: str) -> None:
    assert clutter not in dam_report.text


def test_tiny_fragment_falls_back_to_its_text() -> None:
    doc = read_bytes(b"<p>Hello from <b>Oslo</b> &amp; Bergen.</p>", name="frag.html")
    assert structure(doc) == [("title", "Frag", 0), ("paragraph", "Hello from Oslo & Bergen.", 0)]


def test_fragment_with_title_and_list() -> None:
    html = (
        "<html><head><title>Short note</title><style>p{}</style></head><body>"
        "<h2>Points</h2><ul><li>One</li><li>Two <ul><li>Two a</li></ul></li></ul></body></html>"
    )
    doc = read_bytes(html.encode(), name="-", fmt="html")
    assert structure(doc) == [
        ("title", "Short note", 0),
        ("heading", "Points", 2),
        ("list_item", "One", 1),
        ("list_item", "Two Two a", 1),
    ]


def test_entities_cannot_smuggle_control_characters() -> None:
    html = "<html><body><p>Safe &#x1b;[2J text &#x202e;gnp.exe and &#133; more.</p></body></html>"
    doc = read_bytes(html.encode(), name="x.html")
    assert "\x1b" not in doc.text and "\u202e" not in doc.text and "\x85" not in doc.text
    assert "Safe [2J text gnp.exe and … more." in doc.text


def test_declared_legacy_charset() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
        "<body><p>\x93Quoted\x94 in M\xfcnchen.</p></body></html>"
    ).encode("latin-1")
    doc = read_bytes(html, name="page.htm")
    assert doc.title == "Café"
    assert "“Quoted” in München." in doc.text


def test_xml_declaration_does_not_break_parsing() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>'
        "<html><head><title>X</title></head><body><p>Paragraph text.</p></body></html>"
    )
    doc = read_bytes(html.encode(), name="page.xhtml")
    assert "Paragraph text." in doc.text


def test_huge_pages_use_the_quick_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    from apostil.store.reading import html as html_reader

    monkeypatch.setattr(html_reader, "HUGE_HTML", 100)
    path = Path(__file__).resolve().parents[2] / "sample_articles" / "river-dam-report.html"
    doc = read_path(path)
    assert doc.title == "Nile dam talks stall as Ethiopia begins fifth filling"
    assert "Ethiopia has begun the fifth annual filling" in doc.text
    assert "Regional analysts expect the dispute" in doc.text
    for clutter in ("cookies", "Subscribe now", "gtag", "Related stories", "Photo: Reuters"):
        assert clutter not in doc.text
    assert "All rights reserved" not in doc.text
