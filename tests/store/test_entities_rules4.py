"""General rules added in rules-4, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities
from apostil.store.entities.dates import find_dates


def found(text: str) -> dict[str, str]:
    """surface -> type for every mention."""
    return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # wire datelines abbreviate months without a full stop
        ("HARBIN, Jan 9 (Reuters) - Ice festival crews worked overnight.", ["Jan 9"]),
        ("OSLO, Sept 14 (AP) - Ferries resumed.", ["Sept 14"]),
        ("Dec will be a busy month, Dec Smith said.", []),
        # ranges of years
        ("He taught there through the 1961-1974 dictatorship.", ["1961", "1974"]),
        # a month after another month, or after "the year to"
        ("Rain fell in April and June across the plain.", ["April", "June"]),
        ("Profit doubled in the year to March, the miner said.", ["March"]),
        ("The levy lasts until at least 2031, the ministry said.", ["2031"]),
        ("At least 2031 people signed.", []),
    ],
)
def test_more_date_forms(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == dates


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # the acronym fixes where the name starts, across "for", "and", "in"
        (
            "The talks were chaired by the Council for Trade and Development in Asia (CTDA).",
            "Council for Trade and Development in Asia",
            "organization",
        ),
        # a qualifier before the name is not part of it
        (
            "The Danish Institute of Marine and Polar Science (IMPS) sent a ship.",
            "Institute of Marine and Polar Science",
            "organization",
        ),
        # the name's head noun types it: a regulation is misc, and so is its acronym
        (
            "Exporters fear the Coastal Fisheries Quota Regulation (CFQR), which starts soon.",
            "Coastal Fisheries Quota Regulation",
            "misc",
        ),
    ],
)
def test_acronym_definitions_delimit_and_type_the_name(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got
    acronym = text[text.index("(") + 1 : text.index(")")]
    assert got.get(acronym) == type_, got


def test_a_defined_acronym_keeps_the_type_of_its_name_elsewhere() -> None:
    text = (
        "Traders watch the Andean Copper Price Index (ACPI) closely. "
        "On Friday the ACPI fell two percent."
    )
    got = found(text)
    assert got.get("Andean Copper Price Index") == "misc"
    assert got.get("ACPI") == "misc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Investors at Lisbon-based Corvina Capital Partners were cautious.",
            {"Lisbon": "place", "Corvina Capital Partners": "organization"},
        ),
        (
            "Shares in Hong Kong-listed Pearlgate Holdings fell.",
            {"Hong Kong": "place", "Pearlgate Holdings": "organization"},
        ),
        (
            "Iran-backed militias fired at the base, and state-owned Norland Rail was shut.",
            {"Iran": "place", "Norland Rail": "organization"},
        ),
    ],
)
def test_a_hyphenated_qualifier_is_not_part_of_the_name(text: str, expected: dict) -> None:
    got = found(text)
    for name, type_ in expected.items():
        assert got.get(name) == type_, got
    assert not any("-" in name and name.split("-")[1][:1].islower() for name in got), got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Suppliers including First Harvest Foods and Olmo Group signed.", "First Harvest Foods"),
        ("Researchers at Old Dominion University tested the water.", "Old Dominion University"),
        ("Earlier, New Zealand Cricket said the tour would go ahead.", "New Zealand Cricket"),
    ],
)
def test_a_capitalised_opener_mid_sentence_belongs_to_the_name(text: str, name: str) -> None:
    assert found(text).get(name) == "organization", found(text)


def test_an_ampersand_joins_a_firm() -> None:
    got = found("The dispute went to Pollard & Keane, which advises the port.")
    assert got.get("Pollard & Keane") == "organization", got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ruling United People's Reform Party won most seats.", "United People's Reform Party"),
        ("Doctors at Riverside Women's Hospital said.", "Riverside Women's Hospital"),
    ],
)
def test_a_plural_possessive_inside_a_name(text: str, name: str) -> None:
    assert name in found(text), found(text)


def test_a_ministry_with_a_list_of_portfolios_is_one_name() -> None:
    text = "The Ministry of Energy, Mines, Water and Housing issued the licence."
    got = found(text)
    assert got.get("Ministry of Energy, Mines, Water and Housing") == "organization", got
