"""General rules and lists added in rules-6, each shown on a made-up sentence (none from the
gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities
from apostil.store.entities.dates import find_dates
from apostil.store.entities.gazetteer import derived_demonym, fold, gazetteer
from tests.store.entity_support import found


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Voting ends on Monday, October 8 at noon.", ["Monday, October 8"]),
        ("The hearing is set for Friday 3 March 2028.", ["Friday 3 March 2028"]),
        ("Posted Thu 4 Sep 2025 by the desk.", ["Thu 4 Sep 2025"]),
        ("Talks ran 11-12 March in Lome.", ["11-12 March"]),
        ("The war of 1932-1935 and the 2031/32 budget.", ["1932-1935", "2031/32"]),
        # a weekday in brackets stays apart from its date
        ("On Monday (October 10) the market shut.", ["Monday", "October 10"]),
    ],
)
def test_a_date_written_as_one_is_one_mention(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == dates


def test_holidays_are_misc() -> None:
    text = "Traffic rose before Easter and again during Ramadan."
    assert found(text) == {"Easter": "misc", "Ramadan": "misc"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grants came from the Nordic Lichen and Moss Research Institute on Monday.", None),
        ("The Kestrel Weather and Ocean Observation Agency issued a warning.", None),
        ("The Northern Tram, Bus and Ferry Workers Union called a strike.", None),
    ],
)
def test_modifiers_shared_before_a_body_s_head_are_one_name(text: str, name: None) -> None:
    start = text.index(" the ") + 5 if " the " in text else text.index("The ") + 4
    end = min(text.index(w) + len(w) for w in ("Institute", "Agency", "Union") if w in text)
    assert found(text).get(text[start:end]) == "organization", found(text)


def test_a_list_of_three_firms_is_not_one_name() -> None:
    names = found("Advisers were HSBC Qatar, Morgan Stanley and QNB Capital, the filing said.")
    assert "Morgan Stanley" in names
    assert not any("," in n for n in names), names


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Tuvaluans", True),
        ("Greenlanders", True),
        ("Mauritanian", True),
        ("Western Australian", True),
        ("Farmers", False),
        ("Leaders", False),
        ("Players", False),
    ],
)
def test_peoples_named_after_a_known_place(word: str, expected: bool) -> None:
    assert derived_demonym(gazetteer(), fold(word)) is expected


def test_a_region_s_people_alone_is_a_group_but_not_inside_a_name() -> None:
    text = "European buyers met African traders; the European Investment Bank lent more."
    names = found(text)
    assert names["European"] == "group"
    assert names["African"] == "group"
    assert names["European Investment Bank"] == "organization"


def test_a_language_is_not_a_people() -> None:
    names = found("The assistant answers in Portuguese and Spanish, while Spanish fans cheered.")
    assert list(names.items()) == [("Spanish", "group")]
    assert len([e for e in find_entities("in Portuguese and Spanish.")]) == 0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Congress approved the money in May.", "Congress"),
        ("The bill now goes to Parliament for a vote.", "Parliament"),
        ("A member of the Diet said the ruling was fair.", "Diet"),
    ],
)
def test_a_legislature_named_alone(text: str, name: str) -> None:
    assert found(text).get(name) == "organization"


def test_a_law_s_name_across_of() -> None:
    text = "Owners filed under the Protection of Coastal Wetlands Act last year."
    assert found(text).get("Protection of Coastal Wetlands Act") == "misc"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dockers in Port-sur-Mer walked out.", "Port-sur-Mer"),
        ("Sheep farms near Saint-Aubin-les-Pins were evacuated.", "Saint-Aubin-les-Pins"),
        ("Aid reached Timor-Leste on Friday.", "Timor-Leste"),
    ],
)
def test_hyphenated_place_names_stay_whole(text: str, name: str) -> None:
    assert found(text).get(name) == "place", found(text)


def test_a_currency_sign_is_not_a_place() -> None:
    assert "US" not in found("The float raised US$2 billion on Tuesday.")


def test_a_name_shaped_pair_without_known_names_is_decided_by_the_document() -> None:
    # a person: named again by the surname, with "said"
    text = 'Tavita Olomua runs the co-operative. "We lost half," Olomua said.'
    assert found(text).get("Tavita Olomua") == "person"
    # not a person: two unknown capitalised words with nothing to say they are one
    assert found("Cranes at Kelvik Sound were idle.").get("Kelvik Sound") != "person"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # world lists of organisations, named things, holidays and peoples
        ("It was reported by Folha de S.Paulo on Sunday.", "Folha de S.Paulo", "organization"),
        ("Fans of Boca Juniors filled the square.", "Boca Juniors", "organization"),
        ("The Riigikogu passed the budget.", "Riigikogu", "organization"),
        ("Shares fell as the Shanghai Composite slid.", "Shanghai Composite", "misc"),
        ("Shops close for Diwali and Onam.", "Onam", "misc"),
        ("Zapotec weavers and Garifuna drummers marched.", "Zapotec", "group"),
        ("Zapotec weavers and Garifuna drummers marched.", "Garifuna", "group"),
    ],
)
def test_world_lists(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_, found(text)


def test_a_list_name_that_is_an_ordinary_word_does_not_count_at_a_sentence_start() -> None:
    assert found("Dawn broke over the harbour.").get("Dawn") is None
    assert found("The editorial ran in Dawn on Friday.").get("Dawn") == "organization"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Pilgrims honour the Prophet Muhammad in the city.", "Muhammad", "person"),
        ("Vice Foreign Minister Tomas Berrio flew in.", "Tomas Berrio", "person"),
        ("Police launched Operation Sea Shield in May.", "Operation Sea Shield", "misc"),
        ("Quebec passed Law 25 and Circular 12 followed.", "Law 25", "misc"),
        ("Under Decree 118, shops closed.", "Decree 118", "misc"),
    ],
)
def test_titles_operations_and_numbered_acts(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_, found(text)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("A Boeing 737 landed in Lome.", "Boeing 737", "misc"),
        ("Embraer E195 jets and an Airbus A350 were ordered.", "Airbus A350", "misc"),
        ("Boeing 2025 results were weak.", "Boeing", "organization"),
        ("Toyota sold 300 cars.", "Toyota", "organization"),
    ],
)
def test_a_maker_with_a_model_number_is_a_product(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_, found(text)
