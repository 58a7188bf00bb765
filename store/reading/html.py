"""Structure for HTML articles: the main article only, found by trafilatura.

trafilatura parses the string it is given (nothing is fetched) and returns the article as XML
without navigation, banners, adverts, scripts, related-story boxes, captions or footers. The
XML is walked into blocks: ``head`` -> heading (level from ``rend="hN"``), ``p`` ->
paragraph, ``list/item`` -> list items (level = nesting depth), ``quote`` -> quote, ``code``
-> code, table rows -> paragraphs with cells joined by `` | ``. Title, author, date and site
come from the page's metadata. When trafilatura finds nothing (a tiny fragment), lxml's view
of the page's block elements is used instead; so it is for pages over ``HUGE_HTML``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import trafilatura
from lxml import etree

from ..model import BlockKind, Metadata, normalize_tag
from .html_text import drop_control_refs, fallback_blocks, strip_xml_declaration
from .normalize import one_line
from .structure import take_byline_and_date

Piece = tuple[BlockKind, str, int]

# trafilatura takes seconds per megabyte; past this size (characters) the page is read with
# the quicker lxml fallback, which keeps <article>/<main> and drops the usual clutter.
HUGE_HTML = 4 * 1024 * 1024

_BLANK_LINES = re.compile(r"\n\s*\n+")

# trafilatura logs "discarding data" and the like at WARNING for ordinary pages.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def parse_html(html: str) -> tuple[list[Piece], Metadata]:
    """Blocks and metadata of a normalised HTML page's main article."""
    html = drop_control_refs(strip_xml_declaration(html))
    metadata = _metadata(html)
    pieces = _extracted_blocks(html) if len(html) <= HUGE_HTML else []
    if not pieces:
        pieces, page_title = fallback_blocks(html)
        if not metadata.title and page_title:
            metadata = _with_title(metadata, one_line(page_title))
    title = metadata.title
    if pieces and pieces[0][0] == "heading" and (not title or pieces[0][1] == title):
        title = pieces[0][1]
        pieces = pieces[1:]
    if title:
        metadata = _with_title(metadata, title)
        pieces.insert(0, ("title", title, 0))
    pieces, author, date = take_byline_and_date(pieces, metadata.author, metadata.date)
    return pieces, replace(metadata, author=author, date=date)


def _with_title(metadata: Metadata, title: str) -> Metadata:
    return Metadata(
        title=title,
        author=metadata.author,
        date=metadata.date,
        source=metadata.source,
        description=metadata.description,
        tags=metadata.tags,
    )


def _metadata(html: str) -> Metadata:
    try:
        found = trafilatura.extract_metadata(html, extensive=False)
    except Exception:  # a metadata hiccup must not lose the article
        return Metadata()
    if found is None:
        return Metadata()
    tags: dict[str, None] = {}
    for tag in [*(found.tags or []), *(found.categories or [])]:
        cleaned = normalize_tag(one_line(str(tag)))
        if cleaned:
            tags.setdefault(cleaned, None)
    return Metadata(
        title=one_line(found.title or ""),
        author=one_line(found.author or ""),
        date=one_line(found.date or ""),
        source=one_line(found.sitename or found.url or found.hostname or ""),
        description=one_line(found.description or ""),
        tags=tuple(tags),
    )


def _extracted_blocks(html: str) -> list[Piece]:
    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_formatting=False,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception:  # fall back to lxml rather than fail the read
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    pieces: list[Piece] = []
    _walk(main if main is not None else root, pieces, 0)
    return pieces


def _walk(parent: etree._Element, pieces: list[Piece], depth: int) -> None:
    for element in parent:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend", "h2")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            _add(pieces, "heading", _text(element), level)
        elif tag == "p":
            _add(pieces, "paragraph", _text(element), 0)
        elif tag == "list":
            _walk_list(element, pieces, depth + 1)
        elif tag == "quote":
            paragraphs = [_text(p) for p in element.iterchildren("p")]
            text = "\n".join(p for p in paragraphs if p) if paragraphs else _text(element)
            _add(pieces, "quote", text, 0)
        elif tag == "code":
            code = _BLANK_LINES.sub("\n", "".join(element.itertext()).strip("\n"))
            _add(pieces, "code", code, 0)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row.iterchildren("cell")]
                _add(pieces, "paragraph", " | ".join(cells), 0)
        elif tag in ("div", "section", "main"):
            _walk(element, pieces, depth)
        elif tag not in ("graphic", "comments"):
            _add(pieces, "paragraph", _text(element), 0)


def _walk_list(element: etree._Element, pieces: list[Piece], level: int) -> None:
    for item in element.iterchildren("item"):
        _add(pieces, "list_item", _text(item, skip=("list",)), level)
        for nested in item.iterchildren("list"):
            _walk_list(nested, pieces, level + 1)


def _text(element: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """Whitespace-collapsed text of ``element``; ``lb`` breaks become spaces."""
    parts: list[str] = []

    def collect(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in skip:
                pass
            elif child.tag == "lb":
                parts.append(" ")
            else:
                collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(element)
    return " ".join("".join(parts).split())


def _add(pieces: list[Piece], kind: BlockKind, text: str, level: int) -> None:
    if text.strip():
        pieces.append((kind, text, level))
