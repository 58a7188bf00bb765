"""General rules added in rules-8, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

from tests.store.entity_support import found


def test_laws_and_codes_are_misc() -> None:
    names = found(
        "Vote\n\nThe Seimas amended the Law on Civil Defence and the Labour Code on Tuesday."
    )
    assert names["Law on Civil Defence"] == "misc"
    assert names["Labour Code"] == "misc"


def test_apps_and_platforms_are_misc() -> None:
    names = found("Apps\n\nVideos spread on TikTok and Facebook, while farmers paid with M-Pesa.")
    assert names == {"TikTok": "misc", "Facebook": "misc", "M-Pesa": "misc"}


def test_a_named_programme_is_misc_but_a_known_agency_is_not() -> None:
    names = found(
        "Health\n\nThe Coastal Cholera Prevention Programme ended, but the World Food Programme"
        " stayed."
    )
    assert names["Coastal Cholera Prevention Programme"] == "misc"
    assert names["World Food Programme"] == "organization"


def test_academic_journals_are_misc_but_newspapers_are_not() -> None:
    names = found(
        "Study\n\nThe study, published in Malaria Journal and the Lancet Global Health, was"
        " cited by The Wall Street Journal and the New Zealand Medical Journal."
    )
    assert names["Malaria Journal"] == "misc"
    assert names["Lancet Global Health"] == "misc"
    assert names["New Zealand Medical Journal"] == "misc"
    assert names["Wall Street Journal"] == "organization"


def test_more_inner_particles_in_names() -> None:
    names = found("Art\n\nThe show toured the Festival au Désert and reached Bergen op Zoom.")
    assert names["Festival au Désert"] == "misc"
    assert names["Bergen op Zoom"] == "place"


def test_languages_are_neither_places_nor_peoples() -> None:
    names = found("Apps\n\nThe assistant answers in Amharic, Afaan Oromo and Tigrinya on Monday.")
    assert names == {"Monday": "date"}, names


def test_compound_regions_stay_whole() -> None:
    names = found("Markets\n\nStocks across Asia-Pacific fell while Indo-Pacific talks began.")
    assert names == {"Asia-Pacific": "place", "Indo-Pacific": "place"}


def test_more_company_forms() -> None:
    names = found(
        "Deals\n\nShares in Nordfjell Sjomat ASA rose, Tallinna Kala AB fell and Kaimana"
        " Airports Limited was sold."
    )
    assert names["Nordfjell Sjomat ASA"] == "organization", names
    assert names["Tallinna Kala AB"] == "organization", names
    assert names["Kaimana Airports Limited"] == "organization", names
