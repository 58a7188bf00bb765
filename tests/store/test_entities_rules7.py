"""General rules added in rules-7, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities.dates import find_dates
from tests.store.entity_support import found


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The fair runs 21 to 25 July in Accra.", ["21 to 25 July"]),
        ("Shifts ran from August 1 to 25.", ["August 1 to 25"]),
        ("Output fell in June-July 2031.", ["June-July 2031"]),
        ("Profit rose in Q4 2031 and H1 2032.", ["Q4 2031", "H1 2032"]),
        (
            "The bridge dates from the 13th century, the tower from the ninth century.",
            [
                "13th century",
                "ninth century",
            ],
        ),
        ("Rates rose from 2019 to 2021.", ["2019", "2021"]),
    ],
)
def test_more_date_forms(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == dates


def test_a_scientific_name_is_misc_and_so_is_its_genus_later() -> None:
    names = found("Farmers found the beetle Tenebrio obscurus in silos. Tenebrio spreads fast.")
    assert names["Tenebrio obscurus"] == "misc"
    assert names["Tenebrio"] == "misc"


@pytest.mark.parametrize(
    "text",
    [
        "Whatever happens, the vote is on Friday.",
        "Observers cautious about the count met in Lusaka.",
        "Doctors treat Lyme borreliosis with antibiotics.",
    ],
)
def test_ordinary_words_after_a_capital_are_not_species(text: str) -> None:
    assert "misc" not in found(text).values(), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Comedian Danny Okoro said the venue closed.", "Danny Okoro"),
        ("Assistant U.S. Attorney Rachel Brandt told jurors.", "Rachel Brandt"),
    ],
)
def test_a_role_before_a_name_is_not_part_of_it(text: str, name: str) -> None:
    assert found(text).get(name) == "person", found(text)


def test_a_country_s_name_before_a_name_makes_it_a_person() -> None:
    text = (
        "Marathon result\n\nIn the women's race, Kenya's Wanjiru Chelimo won in a course record."
        " Chelimo, 26, has now won twice."
    )
    assert found(text).get("Wanjiru Chelimo") == "person", found(text)


def test_a_surname_that_is_a_small_town_follows_the_person() -> None:
    text = (
        "Badminton final\n\nIn the final, Japan's Aoi Nakamura took the title on Sunday."
        " Nakamura, 26, has now won twice this season."
    )
    names = found(text)
    assert names["Aoi Nakamura"] == "person"
    assert names["Nakamura"] == "person"


@pytest.mark.parametrize("name", ["Houthis", "al-Shabaab", "Taliban"])
def test_armed_groups_acting_as_organisations(name: str) -> None:
    text = f"Officials said {name} fighters attacked the convoy on Monday."
    assert found(text).get(name) == "organization", found(text)


def test_family_name_first_people() -> None:
    text = (
        "Badminton\n\nIn the semi-final, Wang Yuchen beat a qualifier while Kim Seo-yeon and"
        " Nguyen Van Thanh watched from the stands."
    )
    names = found(text)
    for name in ("Wang Yuchen", "Kim Seo-yeon", "Nguyen Van Thanh"):
        assert names.get(name) == "person", names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Crowds queued outside Usher Hall on Friday.", "Usher Hall"),
        ("The hearing moved to the Lusaka Court Complex.", "Lusaka Court Complex"),
    ],
)
def test_more_facilities_are_places(text: str, name: str) -> None:
    assert found(text).get(name) == "place", found(text)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Cases were seen in 2019, 2021 and 2023.", ["2019", "2021", "2023"]),
        ("Prices should ease throughout 2032.", ["2032"]),
        ("Seats for 2026 people were sold.", []),
        ("In 2026 workers struck again.", ["2026"]),
    ],
)
def test_years_in_lists_and_after_more_words(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == dates


def test_model_and_mission_codes_are_misc_but_not_diseases() -> None:
    names = found("Rescuers flew a Mi-8 while COVID-19 cases rose and CryoSat-2 kept watch.")
    assert names["Mi-8"] == "misc"
    assert names["CryoSat-2"] == "misc"
    assert "COVID-19" not in names


def test_a_stock_index_keeps_its_number() -> None:
    text = "Markets\n\nThe Nifty 50 rose 1 percent while the BIST 100 index fell 2 percent."
    names = found(text)
    assert names["Nifty 50"] == "misc"
    assert names["BIST 100"] == "misc"


def test_two_bodies_joined_by_and_stay_two() -> None:
    names = found("Lenders\n\nShares of National Bank of Ghana and Banque Atlantique rose.")
    assert names.get("National Bank of Ghana") == "organization", names
    assert names.get("Banque Atlantique") == "organization", names
    assert (
        found("The Ministry of Trade and Industry said so.").get("Ministry of Trade and Industry")
        == "organization"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Court\n\nAttorney-General Semi Tavola said the bill failed.", "Semi Tavola"),
        ("Court\n\nDatuk Aminah Rashid was acquitted on Friday.", "Aminah Rashid"),
    ],
)
def test_more_titles(text: str, name: str) -> None:
    assert found(text).get(name) == "person", found(text)


def test_elided_articles_inside_place_names() -> None:
    names = found("Trade\n\nExports from Côte d'Ivoire rose and shops in Cortina d'Ampezzo shut.")
    assert names["Côte d'Ivoire"] == "place"
    assert names["Cortina d'Ampezzo"] == "place"


def test_state_abbreviations_and_interstates() -> None:
    names = found("Plant\n\nWorkers in Lansing, Mich., walked out near Interstate 69 on Monday.")
    assert names["Mich."] == "place"
    assert names["Interstate 69"] == "place"


def test_a_storm_named_alone_after_its_full_name() -> None:
    names = found(
        "Storm\n\nHurricane Fiona hit Cuba on Monday. Fiona then weakened, officials said."
    )
    assert names["Fiona"] == "misc"


def test_a_law_keeps_its_year() -> None:
    text = (
        "Court\n\nHe was charged under the Capital Markets and Services Act 2007 and the"
        " Water Act, 2009, prosecutors said. The Act took effect in 2010."
    )
    names = found(text)
    assert names["Capital Markets and Services Act 2007"] == "misc"
    assert names["Water Act, 2009"] == "misc"
    assert names["2010"] == "date"
