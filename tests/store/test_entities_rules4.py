"""General rules added in rules-4, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities.dates import find_dates
from tests.store.entity_support import found


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # wire datelines abbreviate months without a full stop
        ("HARBIN, Jan 9 (Reuters) - Ice festival crews worked overnight.", ["Jan 9"]),
        ("OSLO, Sept 14 (AP) - Ferries resumed.", ["Sept 14"]),
        ("Dec will be a busy month, Dec Smith said.", []),
        # ranges of years
        ("He taught there through the 1961-1974 dictatorship.", ["1961-1974"]),
        ("The 2024/25 season and the 2017-18 series.", ["2024/25", "2017-18"]),
        ("Talks on Monday, October 8 and Thu 4 Sep 2025.", ["Monday, October 8", "Thu 4 Sep 2025"]),
        (
            "Polls open 11-12 March; on Monday (October 10) counting.",
            ["11-12 March", "Monday", "October 10"],
        ),
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


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # head and cue words
        (
            "Delegates met at the Harbourview Convention Centre in May.",
            "Harbourview Convention Centre",
            "place",
        ),
        ("Crowds filled Avenida Corvalán after the match.", "Avenida Corvalán", "place"),
        ("The singer stayed at the Grand Meridia Hotel overnight.", "Grand Meridia Hotel", "place"),
        (
            "Lawyers gathered outside the Marlow County Courthouse.",
            "Marlow County Courthouse",
            "place",
        ),
        (
            "Funds flowed into Tallis Asset Management this year.",
            "Tallis Asset Management",
            "organization",
        ),
        ("With files from The Northern Press.", "Northern Press", "organization"),
        ("Nurses marched against Bill 88 in the capital.", "Bill 88", "misc"),
        # context: ", where" after a place, ", founded in" after a firm, an apposition's head
        (
            "Storms hit towns including North Harwick, where roofs blew off.",
            "North Harwick",
            "place",
        ),
        (
            "Orvane Robotics, founded in 2015 by two engineers, makes arms.",
            "Orvane Robotics",
            "organization",
        ),
        (
            "Selvo Agri, an exporter based in the south, signed the deal.",
            "Selvo Agri",
            "organization",
        ),
        (
            "Its old quarter, Kasbah Tiri, a UNESCO World Heritage site, drew crowds.",
            "Kasbah Tiri",
            "place",
        ),
        # an acronym before a weapon noun names the weapon
        ("The army ordered more ATACMS missiles this year.", "ATACMS", "misc"),
        # a name ending in a plural people is a group
        ("Many Marsh Arabs fish in the wetlands.", "Marsh Arabs", "group"),
    ],
)
def test_heads_cues_and_context(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Magistrate Lucia Ferrante, who leads the panel, spoke.", "Lucia Ferrante"),
        ("(Reporting by Tom Ashby; Editing by Helen Marsh)", "Helen Marsh"),
        ("The Scottish referee, Callum McBride, sent him off.", "Callum McBride"),
        ("President of the club Marta Quiroga said the bonus was paid.", "Marta Quiroga"),
    ],
)
def test_people_not_taken_for_other_things(text: str, person: str) -> None:
    got = found(text)
    assert got.get(person) == "person", got


def test_a_brand_on_either_side_of_and_makes_two_names() -> None:
    got = found("Analysts said ChipStar and Toyota Motor would invest.")
    assert got.get("ChipStar") == "organization", got
    assert got.get("Toyota Motor") == "organization", got


def test_common_business_acronyms_are_not_organisations() -> None:
    got = found("The IPO was the largest this year, bankers said.")
    assert "IPO" not in got, got


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Fans dream of the FIFA World Cup every night.", "FIFA World Cup", "misc"),
        (
            "The report by Forest Watch International was cited.",
            "Forest Watch International",
            "organization",
        ),
        ("He represented the Caldas department for a decade.", "Caldas", "place"),
    ],
)
def test_organisers_events_and_departments(text: str, name: str, type_: str) -> None:
    got = found(text)
    assert got.get(name) == type_, got
