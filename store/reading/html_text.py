"""Plain text out of HTML with lxml, for fragments and pages trafilatura finds nothing in."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..model import BlockKind
from .normalize import has_forbidden_chars

Piece = tuple[BlockKind, str, int]

_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "figcaption",
)
_BLOCKS = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "blockquote": "quote",
    "pre": "code",
    "tr": "paragraph",
    "dt": "paragraph",
    "dd": "paragraph",
}


def drop_control_refs(html: str) -> str:
    """Remove character references to characters ``normalize_text`` forbids (``&#x1b;``):
    parsers decode them into the tree, where they would smuggle controls past us."""

    def replace_ref(match: re.Match[str]) -> str:
        hex_digits, decimal = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(decimal)
        if 0x80 <= code <= 0x9F:
            return match.group(0)  # HTML reads these as Windows-1252 ("&#133;" is "…")
        if code > 0x10FFFF or has_forbidden_chars(chr(code)) or 0xD800 <= code <= 0xDFFF:
            return "" if code != 0x0D else " "
        return match.group(0)

    return _CHAR_REF.sub(replace_ref, html) if "&#" in html else html


def strip_xml_declaration(html: str) -> str:
    """lxml refuses ``str`` input that declares an encoding; the text is decoded already."""
    return _XML_DECLARATION.sub("", html, count=1)


def _parse(html: str) -> etree._Element | None:
    html = drop_control_refs(strip_xml_declaration(html))
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _drop_clutter(root: etree._Element) -> None:
    for element in list(root.iter(*_DROP, etree.Comment, etree.ProcessingInstruction)):
        _remove(element)


def _remove(element: etree._Element) -> None:
    """Remove ``element`` but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail and tail.strip():
        try:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        except ValueError:
            pass  # text lxml refuses to hold (control characters) is dropped


def html_fragment_text(html: str) -> str:
    """The visible text of an HTML fragment (scripts, styles and comments dropped)."""
    root = _parse(f"<div>{html}</div>")
    if root is None:
        return ""
    _drop_clutter(root)
    return " ".join(root.text_content().split())


def fallback_blocks(html: str) -> tuple[list[Piece], str]:
    """``(blocks, <title> text)`` of a page: the block elements of its ``<article>`` (else
    ``<main>``, else ``<body>``) in document order, scripts, navigation, headers, footers,
    asides and captions dropped. Used when trafilatura finds nothing (a tiny fragment) and
    for pages too big for it to be quick."""
    root = _parse(html)
    if root is None:
        return [], ""
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    _drop_clutter(root)
    body = root.find(".//article")
    if body is None:
        body = root.find(".//main")
    if body is None:
        body = root.find(".//body")
    if body is None:
        body = root
    pieces: list[Piece] = []
    for element in body.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue  # its text is part of the enclosing block
        kind: BlockKind = _BLOCKS[element.tag]  # type: ignore[assignment]
        if kind == "code":
            text = re.sub(r"\n\s*\n+", "\n", element.text_content().strip("\n"))
        elif element.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in element.iter("td", "th")]
            text = " | ".join(cells)
        else:
            text = " ".join(element.text_content().split())
        level = int(element.tag[1]) if kind == "heading" else 0
        if kind == "list_item":
            level = sum(1 for a in element.iterancestors() if a.tag in ("ul", "ol"))
        if text.strip():
            pieces.append((kind, text, level))
    if not pieces:
        text = " ".join(body.text_content().split())
        if text:
            pieces.append(("paragraph", text, 0))
    return pieces, title
