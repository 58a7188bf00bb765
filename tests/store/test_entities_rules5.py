"""General rules and lists added in rules-5, each shown on a made-up sentence (none from the
gold set)."""

from __future__ import annotations

import pytest

from tests.store.entity_support import found


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # well-known islands and archipelagos are places
        ("Ferries to Sardinia and Gozo were cancelled on Friday.", "Sardinia", "place"),
        ("Ferries to Sardinia and Gozo were cancelled on Friday.", "Gozo", "place"),
        ("Tourists crowded the Dodecanese last summer.", "Dodecanese", "place"),
        # big banks, auditors and funds are organisations, not people or places
        (
            "The deal was advised by Goldman Sachs and audited by KPMG.",
            "Goldman Sachs",
            "organization",
        ),
        ("The deal was advised by Goldman Sachs and audited by KPMG.", "KPMG", "organization"),
        ("Norway's fund sold the stake to Mubadala last year.", "Mubadala", "organization"),
        # famous services and stock indices are misc
        ("Villagers now rely on Starlink for internet access.", "Starlink", "misc"),
        ("The Hang Seng Index fell 2 per cent on Monday.", "Hang Seng Index", "misc"),
        # regions
        ("Exports to the Americas grew sharply.", "Americas", "place"),
    ],
)
def test_general_knowledge_lists(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_, found(text)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a second "of" inside a body's name after "for"
        (
            "Aid was held up, the Bureau for the Relief of Mountain Villages said on Monday.",
            "Bureau for the Relief of Mountain Villages",
            "organization",
        ),
        # "and" inside a law's name
        (
            "Lawmakers passed the Soil Protection and Land Restoration Act on Tuesday.",
            "Soil Protection and Land Restoration Act",
            "misc",
        ),
        # a treaty "on" its subject
        (
            "Both sides signed the Treaty on Fishing Rights in 1998.",
            "Treaty on Fishing Rights",
            "misc",
        ),
        # "Group for ... of ... and ...": one armed group's name
        (
            "Villages were attacked by the Front Group for the Defence of Rivers and Forests.",
            "Front Group for the Defence of Rivers and Forests",
            "organization",
        ),
    ],
)
def test_long_names_are_not_cut(text: str, name: str, type_: str) -> None:
    assert found(text).get(name) == type_, found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Critics said the scheme was written for Green Growth, not for savers.",
        "The charity's Urban Progress survey found more homeless families.",
    ],
)
def test_ordinary_nouns_are_not_guessed_people(text: str) -> None:
    assert "person" not in found(text).values(), found(text)


def test_a_real_name_is_still_a_person() -> None:
    text = "The motion was tabled by Liesl Varga. Varga said she expected it to pass."
    assert found(text).get("Liesl Varga") == "person"


def test_a_title_published_in_is_a_journal() -> None:
    text = "The results were published on Friday in Ocean Letters, a monthly."
    assert found(text).get("Ocean Letters") == "misc", found(text)
