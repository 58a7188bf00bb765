"""The library: articles, notes and tags, in memory and in a file, behave the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apostil.store.errors import Ambiguous, LibraryError, NotFound
from apostil.store.library import Library
from apostil.store.model import Metadata, document_from_blocks


def make_doc(
    title: str = "Convoys meet",
    body: str = "Russian and US troops met in Syria. They shook hands near Hasakah.",
) -> object:
    return document_from_blocks(
        [("title", title, 0), ("paragraph", body, 0)], Metadata(author="A. Writer"), "txt"
    )


@pytest.fixture(params=["memory", "file"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Library:
    lib = Library.in_memory() if request.param == "memory" else Library(tmp_path / "lib")
    yield lib
    lib.close()


def test_import_then_reimport_is_unchanged(library: Library, tmp_path: Path) -> None:
    doc = make_doc()
    first = library.import_document(doc, tmp_path / "a.txt")
    again = library.import_document(doc, tmp_path / "a.txt")
    assert first.status == "added"
    assert again.status == "unchanged"
    assert again.article.id == first.article.id
    assert [a.id for a in library.articles()] == [first.article.id]
    assert library.document(first.article).text == doc.text


def test_same_text_from_another_path_is_not_duplicated(library: Library, tmp_path: Path) -> None:
    library.import_document(make_doc(), tmp_path / "a.txt")
    moved = library.import_document(make_doc(), tmp_path / "copy-of-a.txt")
    assert moved.status == "unchanged"
    assert len(library.articles()) == 1


def test_changed_file_updates_article_in_place_and_keeps_notes(
    library: Library, tmp_path: Path
) -> None:
    article = library.import_document(make_doc(), tmp_path / "a.txt").article
    text = library.document(article).text
    start = text.index("shook hands")
    note = library.add_note(
        article.id, start, start + len("shook hands"), note="handshake", tags=["Diplomacy"]
    )
    edited = make_doc(
        body="In a rare moment, Russian and US troops met in Syria. They shook hands near Hasakah."
    )
    outcome = library.import_document(edited, tmp_path / "a.txt")
    assert outcome.status == "updated"
    assert outcome.article.id == article.id
    [moved] = library.notes(article.id)
    new_text = library.document(article.id).text
    assert moved.id == note.id
    assert new_text[moved.start : moved.end] == "shook hands"
    assert moved.start > note.start
    assert moved.note == "handshake" and moved.tags == ("diplomacy",)


def test_note_quote_and_context_come_from_the_text(library: Library) -> None:
    article = library.import_document(make_doc(), None).article
    text = library.document(article).text
    start = text.index("US troops")
    note = library.add_note(article.id, start, start + 9, note="n", tags=["#Syria", "syria"])
    assert note.quote == "US troops"
    assert text.endswith(note.suffix) or note.suffix in text
    assert note.prefix == text[max(0, start - 32) : start]
    assert note.tags == ("syria",)
    assert note.text_hash == article.content_hash


def test_notes_filter_by_tag_search_and_article(library: Library, tmp_path: Path) -> None:
    a = library.import_document(make_doc(), tmp_path / "a.txt").article
    b = library.import_document(
        make_doc("Other", "Grain prices rose in Odesa."), tmp_path / "b.txt"
    ).article
    library.add_note(a.id, 15, 22, note="Troop movements", tags=["military"])
    library.add_note(b.id, 7, 13, note="Prices", tags=["economy"])
    assert [n.note for n in library.notes(tag="MILITARY")] == ["Troop movements"]
    assert [n.note for n in library.notes(search="prices")] == ["Prices"]
    assert [n.note for n in library.notes(search="ECONOMY")] == ["Prices"]
    assert [n.note for n in library.notes(b.id)] == ["Prices"]
    assert library.tags() == {"military": 1, "economy": 1}


def test_update_tag_delete_and_undo_a_note(library: Library) -> None:
    article = library.import_document(make_doc(), None).article
    note = library.add_note(article.id, 15, 22, note="first")
    edited = library.update_note(note.id[:6], note="second", tags=["a"])
    assert edited.note == "second" and edited.tags == ("a",)
    tagged = library.tag_note(note.id, add=["b"], remove=["a"])
    assert tagged.tags == ("b",)
    removed = library.delete_note(note.id)
    assert library.notes() == []
    library.save_note(removed)
    assert [n.id for n in library.notes()] == [note.id]
    assert library.notes()[0].note == "second"


def test_passage_outside_the_text_is_refused(library: Library) -> None:
    article = library.import_document(make_doc(), None).article
    with pytest.raises(LibraryError, match="outside the article"):
        library.add_note(article.id, 5, 10_000)
    with pytest.raises(LibraryError):
        library.add_note(article.id, 7, 7)
    assert library.notes() == []


def test_find_article_by_id_prefix_title_and_errors(library: Library, tmp_path: Path) -> None:
    a = library.import_document(make_doc("Alpha"), tmp_path / "a.txt").article
    library.import_document(make_doc("Beta", "Other text."), tmp_path / "b.txt")
    assert library.find_article(a.id).id == a.id
    assert library.find_article(a.id[:6]).id == a.id
    assert library.find_article("Alpha").id == a.id
    with pytest.raises(NotFound):
        library.find_article("Gamma")
    assert library.article_by_path(tmp_path / "a.txt").id == a.id


def test_ambiguous_prefix(library: Library) -> None:
    library.import_document(make_doc("A", "x y z."), None)
    library.import_document(make_doc("B", "p q r."), None)
    ids = [a.id for a in library.articles()]
    common = ""
    for chars in zip(*ids, strict=False):
        if len(set(chars)) > 1:
            break
        common += chars[0]
    if len(common) >= 4:  # pragma: no cover - 1 in 65536
        with pytest.raises(Ambiguous):
            library.find_article(common)


def test_article_tags_and_reading_position(library: Library) -> None:
    article = library.import_document(make_doc(), None).article
    library.set_article_tags(article.id, add=["Syria", "Military"], remove=[])
    library.set_article_tags(article.id, add=["syria"], remove=["military"])
    library.set_reading_position(article.id, 42)
    stored = library.article(article.id)
    assert stored.tags == ("syria",)
    assert stored.reading_position == 42
    assert stored.last_read
    assert [a.id for a in library.articles(tag="Syria")] == [article.id]


def test_remove_article_takes_its_notes(library: Library) -> None:
    article = library.import_document(make_doc(), None).article
    library.add_note(article.id, 15, 22)
    removed, notes = library.remove_article(article.id)
    assert removed.id == article.id and len(notes) == 1
    assert library.articles() == [] and library.notes() == []


def test_corrections_round_trip(library: Library) -> None:
    saved = library.add_correction({"action": "hide", "text": "However"})
    assert library.corrections()[0]["text"] == "However"
    library.remove_correction(saved["id"])
    assert library.corrections() == []
    with pytest.raises(NotFound):
        library.remove_correction("nope")


def test_file_library_survives_reopening(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    article = lib.import_document(make_doc(), tmp_path / "a.txt").article
    note = lib.add_note(article.id, 15, 22, note="kept", tags=["x"])
    lib.close()
    again = Library(tmp_path / "lib")
    assert again.note(note.id).note == "kept"
    assert again.document(article.id).text == make_doc().text


def test_two_library_objects_see_each_others_notes(tmp_path: Path) -> None:
    """Two processes (here two Library objects on one folder) never lose each other's notes."""
    one = Library(tmp_path / "lib")
    two = Library(tmp_path / "lib")
    article = one.import_document(make_doc(), None).article
    ids = []
    for i in range(5):
        ids.append(one.add_note(article.id, 15, 22, note=f"one {i}").id)
        ids.append(two.add_note(article.id, 15, 22, note=f"two {i}").id)
    assert sorted(n.id for n in one.notes()) == sorted(ids)
    assert sorted(n.id for n in two.notes()) == sorted(ids)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.text(min_size=5, max_size=300).filter(lambda s: s.strip() and "\n\n" not in s),
    data=st.data(),
)
def test_note_offsets_always_hold_their_quote(body: str, data: st.DataObject) -> None:
    library = Library.in_memory()
    doc = make_doc("T", body.strip())
    article = library.import_document(doc, None).article
    text = library.document(article).text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    note = library.add_note(article.id, start, end)
    [stored] = library.notes()
    assert stored == note
    assert text[stored.start : stored.end] == stored.quote


def test_save_notes_adds_many_at_once_and_replaces_known_ones(library: Library) -> None:
    from dataclasses import replace

    article = library.import_document(make_doc(), None).article
    first = library.add_note(article.id, 15, 22, note="first")
    batch = [
        replace(
            first,
            id=f"batch{i:07d}",
            note=f"batch {i}",
            start=15 + i,
            end=22 + i,
            quote=library.document(article).text[15 + i : 22 + i],
        )
        for i in range(3)
    ]
    library.save_notes([*batch, replace(first, note="first, edited")])
    notes = {n.id: n.note for n in library.notes()}
    assert notes == {first.id: "first, edited", **{n.id: n.note for n in batch}}
    library.save_notes(batch)  # again: nothing duplicated
    assert len(library.notes()) == 4
