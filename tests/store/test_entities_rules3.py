"""General rules added in rules-3, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities


def found(text: str) -> dict[str, str]:
    """surface -> type for every mention."""
    return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Many Fijians watched the final from the harbour.", "Fijians", "group"),
        ("Thousands of Texans lost power during the freeze.", "Texans", "group"),
        ("The Sherpa guides fixed ropes above the camp.", "Sherpa", "group"),
    ],
)
def test_more_demonyms_and_peoples(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The exhibition was planned by Curator Mona Halvorsen over four years.", "Mona Halvorsen"),
        ("Commodore Pedro Alvim said the search would go on.", "Pedro Alvim"),
        ("Glaciologist Ines Marrow measured the ice every spring.", "Ines Marrow"),
    ],
)
def test_role_and_rank_words_are_not_part_of_the_name(text: str, person: str) -> None:
    got = found(text)
    assert got.get(person) == "person", got


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Fans already talk about the 2034 Asian Games.", ["2034"]),
        ("Its 2019 results disappointed investors.", ["2019"]),
        ("Officials recalled the province's 1998 floods.", ["1998"]),
        ("The 2000 workers went home early.", []),
        ("He scored 2015 points in his career.", []),
    ],
)
def test_a_year_used_as_an_adjective_is_a_date(text: str, dates: list[str]) -> None:
    from apostil.store.entities.dates import find_dates

    assert [text[s:e] for s, e in find_dates(text)] == dates
