"""Notes as W3C Web Annotations (JSON-LD), and reading annotations back (also Hypothesis's).

One note is one ``Annotation``::

    {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
     "id": "urn:apostil:note:<note id>", "motivation": "commenting",
     "created": ..., "modified": ...,
     "body": [{"type": "TextualBody", "value": <note>, "format": "text/plain",
               "purpose": "commenting"},
              {"type": "TextualBody", "value": <tag>, "purpose": "tagging"}, ...],
     "target": {"source": <article URI>, "apostil:article": <article id>,
                "apostil:anchor": "exact|moved|approximate|orphaned",
                "apostil:textHash": <sha256 of the text the selectors refer to>,
                "selector": [{"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
                             {"type": "TextPositionSelector", "start", "end"}]}}

A note without text has no commenting body (motivation ``tagging`` when it has tags,
``highlighting`` otherwise). The article URI is its web address when ``Article.source`` is an
http(s) URL, else the ``file://`` URI of the file it was imported from, else
``urn:apostil:article:<id>``. Positions count Python characters (code points) of apostil's
normalised article text, as everywhere in apostil.

A file of exported notes (``export_web_annotations``) is one ``AnnotationCollection`` whose
``first`` ``AnnotationPage`` holds every annotation (the items carry no ``@context`` of their
own: the collection's applies).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..model import Article, Note, normalize_tag
from .errors import ImportFormatError

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NOTE_URN = "urn:apostil:note:"
ARTICLE_URN = "urn:apostil:article:"
ARTICLE_KEY = "apostil:article"
ANCHOR_KEY = "apostil:anchor"
HASH_KEY = "apostil:textHash"
ANCHOR_STATES = ("exact", "moved", "approximate", "orphaned")


def article_uri(article: Article) -> str:
    """The URI annotations of ``article`` target (see the module docstring)."""
    if article.source.startswith(("http://", "https://")):
        return article.source
    if article.source_path and Path(article.source_path).is_absolute():
        return Path(article.source_path).as_uri()
    return ARTICLE_URN + article.id


def to_web_annotations(
    article: Article, notes: Iterable[Note], *, source_uri: str | None = None
) -> list[dict[str, Any]]:
    """One Web Annotation (a JSON-ready dict) per note of ``article``, in reading order."""
    uri = source_uri or article_uri(article)
    ordered = sorted(notes, key=lambda n: (n.orphaned, n.start, n.end, n.id))
    return [_annotation(article.id, uri, note) for note in ordered]


def export_web_annotations(
    items: Sequence[tuple[Article, Sequence[Note]]],
    *,
    exported: str,
    label: str = "apostil notes",
) -> dict[str, Any]:
    """Every note of ``items`` as one ``AnnotationCollection`` (see the module docstring)."""
    annotations: list[dict[str, Any]] = []
    for article, notes in items:
        for annotation in to_web_annotations(article, notes):
            del annotation["@context"]
            annotations.append(annotation)
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "generator": "apostil",
        "generated": exported,
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def annotations_json(data: Any) -> str:
    """``data`` (an export) as indented UTF-8 JSON text, ending with a newline."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def _annotation(article_id: str, uri: str, note: Note) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if note.note:
        body.append(
            {
                "type": "TextualBody",
                "value": note.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
        )
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags)
    motivation = "commenting" if note.note else "tagging" if note.tags else "highlighting"
    annotation: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": NOTE_URN + note.id,
        "type": "Annotation",
        "motivation": motivation,
    }
    if note.created:
        annotation["created"] = note.created
    if note.updated:
        annotation["modified"] = note.updated
    if body:
        annotation["body"] = body
    annotation["target"] = {
        "source": uri,
        ARTICLE_KEY: article_id,
        ANCHOR_KEY: note.anchor,
        HASH_KEY: note.text_hash,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": note.quote,
                "prefix": note.prefix,
                "suffix": note.suffix,
            },
            {"type": "TextPositionSelector", "start": note.start, "end": note.end},
        ],
    }
    return annotation


# --- reading back -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedAnnotation:
    """What one imported annotation says; ``quote`` is empty for a page note (no passage)."""

    source: str
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    note: str
    tags: tuple[str, ...]
    created: str
    updated: str
    original_id: str
    article_id: str = ""  # apostil's own exports only
    anchor: str = ""  # apostil's own exports only
    text_hash: str = ""  # apostil's own exports only
    title: str = ""  # Hypothesis: the annotated document's title

    @property
    def note_id(self) -> str | None:
        """The apostil note id when the annotation came from apostil, else None."""
        if self.original_id.startswith(NOTE_URN):
            return self.original_id[len(NOTE_URN) :] or None
        return None

    def to_note(self, *, note_id: str, article_id: str) -> Note:
        """A Note carrying this annotation's selectors, to be placed with ``reanchor``.

        Without an apostil text hash the selectors are taken as coming from another text, so
        ``reanchor`` searches for the quote (position first) instead of trusting the offsets.
        """
        start = self.start if self.start is not None else 0
        end = self.end if self.end is not None else start + len(self.quote)
        return Note(
            id=note_id,
            article_id=article_id,
            start=start,
            end=end,
            quote=self.quote,
            prefix=self.prefix,
            suffix=self.suffix,
            text_hash=self.text_hash,
            note=self.note,
            tags=self.tags,
            created=self.created,
            updated=self.updated or self.created,
            anchor=self.anchor if self.anchor in ANCHOR_STATES else "exact",  # type: ignore[arg-type]
        )


def load_annotations(raw: str | bytes) -> list[ImportedAnnotation]:
    """``from_web_annotations`` of a JSON text; ``ImportFormatError`` if it is not JSON."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportFormatError(f"not valid JSON ({error})") from None
    return from_web_annotations(data)


def from_web_annotations(data: Any) -> list[ImportedAnnotation]:
    """The annotations in ``data``: an apostil export (AnnotationCollection), an
    AnnotationPage, one Annotation or a list of them, or a Hypothesis export (its API's
    annotation objects, as a list or as ``{"rows": [...]}``).

    Tags are normalised (``model.normalize_tag``), except on apostil's own annotations (ids
    ``urn:apostil:note:...``), whose tags are kept as written. Raises ``ImportFormatError``
    when ``data`` is none of these.
    """
    items = _items(data)
    out = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ImportFormatError(f"item {index} is not an annotation object")
        out.append(_hypothesis(item) if _is_hypothesis(item) else _web_annotation(item))
    return out


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportFormatError("expected Web Annotations or a Hypothesis export")
    if isinstance(data.get("rows"), list):
        return data["rows"]
    kind = data.get("type")
    if kind == "AnnotationCollection" or "first" in data:
        first = data.get("first")
        if isinstance(first, dict):
            return list(first.get("items") or [])
        if isinstance(first, list):
            return first
        return list(data.get("items") or [])
    if kind == "AnnotationPage" or isinstance(data.get("items"), list):
        return list(data.get("items") or [])
    if kind == "Annotation" or "target" in data:
        return [data]
    raise ImportFormatError("expected Web Annotations or a Hypothesis export")


def _is_hypothesis(item: dict[str, Any]) -> bool:
    return "uri" in item and isinstance(item.get("target"), list) and "type" not in item


def _hypothesis(item: dict[str, Any]) -> ImportedAnnotation:
    targets = item.get("target") or [{}]
    target = targets[0] if isinstance(targets[0], dict) else {}
    quote, start, end = _selectors(target.get("selector"))
    document = item.get("document") if isinstance(item.get("document"), dict) else {}
    titles = document.get("title") if document else None
    title = titles[0] if isinstance(titles, list) and titles else titles
    return ImportedAnnotation(
        source=_str(target.get("source")) or _str(item.get("uri")),
        quote=quote.get("exact", ""),
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=start,
        end=end,
        note=_str(item.get("text")),
        tags=_tags(item.get("tags")),
        created=_str(item.get("created")),
        updated=_str(item.get("updated")),
        original_id=_str(item.get("id")),
        title=_str(title),
    )


def _web_annotation(item: dict[str, Any]) -> ImportedAnnotation:
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else {}
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict):
        target = {}
    quote, start, end = _selectors(target.get("selector"))
    comments: list[str] = []
    tags: list[str] = []
    bodies = item.get("body")
    if "bodyValue" in item:
        bodies = [{"type": "TextualBody", "value": item["bodyValue"]}]
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            comments.append(body)
        elif isinstance(body, dict) and isinstance(body.get("value"), str):
            purpose = body.get("purpose")
            (tags if purpose == "tagging" else comments).append(body["value"])
    original_id = _str(item.get("id"))
    # apostil's own tags are already normalised: keep them verbatim so a round trip is exact
    tag_list = _tags(tags, keep=original_id.startswith(NOTE_URN))
    return ImportedAnnotation(
        source=_str(target.get("source") or target.get("id")),
        quote=quote.get("exact", ""),
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=start,
        end=end,
        note="\n\n".join(comments),
        tags=tag_list,
        created=_str(item.get("created")),
        updated=_str(item.get("modified")),
        original_id=original_id,
        article_id=_str(target.get(ARTICLE_KEY)),
        anchor=_str(target.get(ANCHOR_KEY)),
        text_hash=_str(target.get(HASH_KEY)),
    )


def _selectors(raw: Any) -> tuple[dict[str, str], int | None, int | None]:
    """(TextQuoteSelector fields, start, end) from a selector or a list of selectors."""
    quote: dict[str, str] = {}
    start = end = None
    for selector in raw if isinstance(raw, list) else [raw]:
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and not quote:
            quote = {key: _str(selector.get(key)) for key in ("exact", "prefix", "suffix")}
        elif kind == "TextPositionSelector" and start is None:
            a, b = selector.get("start"), selector.get("end")
            if _is_int(a) and _is_int(b) and 0 <= a <= b:
                start, end = a, b
    return quote, start, end


def _tags(raw: Any, *, keep: bool = False) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in raw if isinstance(raw, list) else []:
        if isinstance(tag, str) and (cleaned := tag if keep else normalize_tag(tag)):
            seen.setdefault(cleaned, None)
    return tuple(seen)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
