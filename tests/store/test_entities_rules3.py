"""General rules added in rules-3, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from tests.store.entity_support import found


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


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # the noun before "of" names the kind of thing
        (
            "Tourists queued outside the Temple of the Winds at dawn.",
            "Temple of the Winds",
            "place",
        ),
        ("Crowds gathered at the Palace of Culture for the count.", "Palace of Culture", "place"),
        ("Nigeria won the Gulf Cup of Nations last time.", "Gulf Cup of Nations", "misc"),
        ("The Battle of Marren Ford is taught in schools.", "Battle of Marren Ford", "misc"),
        (
            "The Port of Kelvale Authority said trade rose.",
            "Port of Kelvale Authority",
            "organization",
        ),
        # museums and other facilities are places
        ("The Harbour Folk Museum reopened after repairs.", "Harbour Folk Museum", "place"),
        ("Climbers rested below the Tarn Icefall before the push.", "Tarn Icefall", "place"),
        # foreign place and company words
        ("Fans filled the Estadio Ribera for the derby.", "Estadio Ribera", "place"),
        ("Boats left Puerto Ventana at noon.", "Puerto Ventana", "place"),
        (
            "The contract went to Grupo Velasco, which builds roads.",
            "Grupo Velasco",
            "organization",
        ),
        ("Water was cut in St Barnaby and two other parishes.", "St Barnaby", "place"),
        # ships and storms are misc, not companies or people
        ("The MV Coral Dawn sank off the coast on Friday.", "MV Coral Dawn", "misc"),
        ("Winter Storm Petra left thousands without heat.", "Winter Storm Petra", "misc"),
        # company words at the end
        (
            "Researchers at Quarry Lane Analytics counted the cost.",
            "Quarry Lane Analytics",
            "organization",
        ),
        (
            "A climb with Blue Ridge Expeditions costs more.",
            "Blue Ridge Expeditions",
            "organization",
        ),
        (
            "The contract went to the builder Morlan Hesk, which won before.",
            "Morlan Hesk",
            "organization",
        ),
        # ampersand acronyms
        ("Shoppers queued outside H&M on the high street.", "H&M", "organization"),
        # general-knowledge things
        ("Forecasters expect El Niño to weaken the monsoon.", "El Niño", "misc"),
        ("The Kospi fell 2% as chip stocks slid.", "Kospi", "misc"),
        ("Rumours spread on WhatsApp before the vote.", "WhatsApp", "misc"),
    ],
)
def test_heads_and_cue_words(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got


def test_country_full_names() -> None:
    got = found("Delegates from the Federated States of Micronesia and the Republic of Korea met.")
    assert got.get("Federated States of Micronesia") == "place", got
    assert got.get("Republic of Korea") == "place", got


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "The Inter-Parliamentary Commission on Ocean Affairs met in Lima.",
            "Inter-Parliamentary Commission on Ocean Affairs",
            "organization",
        ),
        (
            "Lawmakers in the Ohio House of Representatives passed the bill.",
            "Ohio House of Representatives",
            "organization",
        ),
        ("The Ministry of Health on Monday said cases fell.", "Ministry of Health", "organization"),
        (
            "Mariana Ortiz, a nurse at Hospital Santa Cruz, said the wards were full.",
            "Hospital Santa Cruz",
            "place",
        ),
        ("Fans packed the Arena Verde for the final.", "Arena Verde", "place"),
        # a sentence-initial surname with a person's apposition or relative clause
        ("Halvorsen, the chief executive, said the firm would cut jobs.", "Halvorsen", "person"),
        ("Kovalenko, who chairs the panel, said the report was late.", "Kovalenko", "person"),
    ],
)
def test_on_joints_and_person_appositions(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got


def test_on_does_not_join_a_name_and_a_date_or_place() -> None:
    got = found("Talks between Unilever on Monday and Ghana resumed; Reuters on Kenya wrote more.")
    assert got.get("Unilever") == "organization" and got.get("Ghana") == "place", got
    assert got.get("Reuters") == "organization" and got.get("Kenya") == "place", got


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Kelmora, a small town near the border, has no water.", "Kelmora", "place"),
        (
            "Palmyra Oil and Gas Company agreed to sell its stake.",
            "Palmyra Oil and Gas Company",
            "organization",
        ),
        ("Barclays Bank and Lloyds Bank raised rates.", "Lloyds Bank", "organization"),
        ("Supporters of Corvel United celebrated in the streets.", "Corvel United", "organization"),
        (
            "A patrol boat of the Republic of Palau Navy helped.",
            "Republic of Palau Navy",
            "organization",
        ),
        # a guessed two-word "person" whose last word is a place here is a place
        (
            "The storm hit the island of Teruna. Ferries to Upper Teruna stopped on Monday.",
            "Upper Teruna",
            "place",
        ),
    ],
)
def test_joins_and_places(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("The crowd at the Palau Verdaguer cheered the home side.", "Palau Verdaguer", "place"),
        ("Protesters gathered outside the Casa Rosales on Sunday.", "Casa Rosales", "place"),
        ("Tickets for the Winter Lantern Festival sold out.", "Winter Lantern Festival", "misc"),
    ],
)
def test_at_the_name_is_a_venue(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got
