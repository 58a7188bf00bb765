"""W3C Web Annotation export and import (apostil's own files and Hypothesis exports)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apostil.store.anchoring import reanchor
from apostil.store.export.errors import ImportFormatError
from apostil.store.export.webanno import (
    ANNO_CONTEXT,
    annotations_json,
    article_uri,
    export_web_annotations,
    from_web_annotations,
    load_annotations,
    to_web_annotations,
)
from apostil.store.model import Article, Note, text_hash

TEXT = "Robin Hood lived in Sherwood Forest with his band of merry men, robbing the rich."
ARTICLE = Article(
    id="art1",
    title="Robin",
    source_path="/home/me/robin.txt",
    content_hash=text_hash(TEXT),
    format="txt",
    imported="",
    updated="",
)


def note(
    note_id="n1", quote="merry men", text="Who were they?", tags=("people", "lore"), anchor="exact"
):
    start = TEXT.index(quote)
    end = start + len(quote)
    return Note(
        id=note_id,
        article_id=ARTICLE.id,
        start=start,
        end=end,
        quote=quote,
        prefix=TEXT[max(0, start - 32) : start],
        suffix=TEXT[end : end + 32],
        text_hash=text_hash(TEXT),
        note=text,
        tags=tuple(tags),
        created="2026-11-20T10:00:00Z",
        updated="2026-11-21T10:00:00Z",
        anchor=anchor,
    )


def test_one_annotation_per_note_in_the_w3c_model():
    (annotation,) = to_web_annotations(ARTICLE, [note()])
    assert annotation["@context"] == ANNO_CONTEXT
    assert annotation["type"] == "Annotation"
    assert annotation["id"] == "urn:apostil:note:n1"
    assert annotation["created"] == "2026-11-20T10:00:00Z"
    assert annotation["modified"] == "2026-11-21T10:00:00Z"
    assert annotation["body"] == [
        {
            "type": "TextualBody",
            "value": "Who were they?",
            "format": "text/plain",
            "purpose": "commenting",
        },
        {"type": "TextualBody", "value": "people", "purpose": "tagging"},
        {"type": "TextualBody", "value": "lore", "purpose": "tagging"},
    ]
    target = annotation["target"]
    assert target["source"] == "file:///home/me/robin.txt"
    assert target["apostil:article"] == "art1"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "merry men",
        "prefix": TEXT[21:53],
        "suffix": TEXT[62:],
    }
    assert position == {"type": "TextPositionSelector", "start": 53, "end": 62}


def test_the_source_is_the_web_address_when_there_is_one():
    web = Article(
        id="w",
        title="",
        source_path="/tmp/x.html",
        content_hash="",
        format="html",
        imported="",
        updated="",
        source="https://example.org/story",
    )
    assert article_uri(web) == "https://example.org/story"
    bare = Article(
        id="b", title="", source_path="", content_hash="", format="txt", imported="", updated=""
    )
    assert article_uri(bare) == "urn:apostil:article:b"
    (annotation,) = to_web_annotations(ARTICLE, [note()], source_uri="https://x.test/a")
    assert annotation["target"]["source"] == "https://x.test/a"


def test_a_note_without_text_is_a_highlight():
    (annotation,) = to_web_annotations(ARTICLE, [note(text="", tags=())])
    assert annotation["motivation"] == "highlighting"
    assert "body" not in annotation


def test_the_collection_round_trips_through_json():
    notes = [
        note(),
        note("n2", "the rich", "", ("money",)),
        note("n3", "Robin", "x", (), "orphaned"),
    ]
    collection = export_web_annotations([(ARTICLE, notes)], exported="2026-11-25T00:00:00Z")
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 3
    imported = load_annotations(annotations_json(collection))
    by_id = {item.note_id: item for item in imported}
    for original in notes:
        item = by_id[original.id]
        assert (item.quote, item.prefix, item.suffix) == (
            original.quote,
            original.prefix,
            original.suffix,
        )
        assert (item.start, item.end) == (original.start, original.end)
        assert item.note == original.note
        assert item.tags == original.tags
        assert item.anchor == original.anchor
        assert item.article_id == ARTICLE.id
        assert (item.created, item.updated) == (original.created, original.updated)
        assert item.to_note(note_id=original.id, article_id=ARTICLE.id) == original


HYPOTHESIS_EXPORT = {
    "total": 2,
    "rows": [
        {
            "id": "AbC123xyz",
            "created": "2026-05-01T12:00:00.000000+00:00",
            "updated": "2026-05-02T12:00:00.000000+00:00",
            "user": "acct:reader@hypothes.is",
            "uri": "https://example.org/robin",
            "text": "A note from the web",
            "tags": ["Folk Tales", "#robin", ""],
            "group": "__world__",
            "target": [
                {
                    "source": "https://example.org/robin",
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "startContainer": "/p[1]",
                            "startOffset": 0,
                            "endContainer": "/p[1]",
                            "endOffset": 10,
                        },
                        {"type": "TextPositionSelector", "start": 120, "end": 129},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "merry men",
                            "prefix": "with his band of ",
                            "suffix": ", robbing the",
                        },
                    ],
                }
            ],
            "document": {"title": ["Robin Hood"]},
        },
        {
            "id": "PageNote1",
            "created": "2026-05-03T00:00:00+00:00",
            "updated": "2026-05-03T00:00:00+00:00",
            "uri": "https://example.org/robin",
            "text": "A page note",
            "tags": [],
            "target": [{"source": "https://example.org/robin"}],
        },
    ],
}


@pytest.mark.parametrize("shape", ["rows", "list"])
def test_a_hypothesis_export_is_read(shape):
    data = HYPOTHESIS_EXPORT if shape == "rows" else HYPOTHESIS_EXPORT["rows"]
    first, page = from_web_annotations(json.loads(json.dumps(data)))
    assert first.source == "https://example.org/robin"
    assert (first.quote, first.prefix, first.suffix) == (
        "merry men",
        "with his band of ",
        ", robbing the",
    )
    assert (first.start, first.end) == (120, 129)
    assert first.note == "A note from the web"
    assert first.tags == ("folk-tales", "robin")
    assert first.created.startswith("2026-05-01") and first.updated.startswith("2026-05-02")
    assert first.original_id == "AbC123xyz" and first.note_id is None
    assert first.title == "Robin Hood"
    assert page.quote == "" and page.start is None and page.note == "A page note"


def test_a_hypothesis_annotation_is_placed_by_its_quote_not_its_offsets():
    first, _ = from_web_annotations(HYPOTHESIS_EXPORT)
    placed = reanchor(first.to_note(note_id="new", article_id=ARTICLE.id), TEXT)
    assert not placed.orphaned
    assert TEXT[placed.start : placed.end] == "merry men"


def test_single_annotations_and_pages_are_read():
    (annotation,) = to_web_annotations(ARTICLE, [note()])
    assert len(from_web_annotations(annotation)) == 1
    assert len(from_web_annotations({"type": "AnnotationPage", "items": [annotation]})) == 1
    simple = {"type": "Annotation", "bodyValue": "plain", "target": "https://x.test/"}
    (item,) = from_web_annotations(simple)
    assert (item.note, item.source, item.quote) == ("plain", "https://x.test/", "")


@pytest.mark.parametrize("bad", ["not json", "[1, 2]", '"text"', '{"hello": 1}', "3"])
def test_other_json_is_refused_with_one_line(bad):
    with pytest.raises(ImportFormatError) as error:
        load_annotations(bad)
    assert "\n" not in str(error.value)


printable = st.text(st.characters(codec="utf-8"), max_size=40)
tags = st.lists(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=10), max_size=4, unique=True
)


@settings(max_examples=200)
@given(
    quote=printable.filter(bool),
    prefix=printable,
    suffix=printable,
    text=printable,
    note_tags=tags,
    start=st.integers(0, 10**6),
    anchor=st.sampled_from(["exact", "moved", "approximate", "orphaned"]),
)
def test_every_note_survives_export_and_import(
    quote, prefix, suffix, text, note_tags, start, anchor
):
    original = Note(
        id="id-1",
        article_id="art1",
        start=start,
        end=start + len(quote),
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        text_hash="h",
        note=text,
        tags=tuple(note_tags),
        created="c",
        updated="u",
        anchor=anchor,
    )
    data = json.loads(
        annotations_json(export_web_annotations([(ARTICLE, [original])], exported="now"))
    )
    (item,) = from_web_annotations(data)
    assert item.to_note(note_id="id-1", article_id="art1") == original
