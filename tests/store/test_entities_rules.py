"""Rules of the default engine, one behaviour at a time."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities
from apostil.store.entities.dates import find_dates
from tests.store.entity_support import found


def entity(text: str, name: str):
    return next(e for e in find_entities(text) if e.text == name)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Troops met on October 8 near the town.", "October 8"),
        ("The war started on February 24 this year.", "February 24"),
        ("It was signed on 8 October 2022 in the capital.", "8 October 2022"),
        ("The file is dated 2022-10-08 in the archive.", "2022-10-08"),
        ("Talks resume on Monday, officials said.", "Monday"),
        ("The country has been at war since 2011.", "2011"),
        ("In 2014, troops arrived.", "2014"),
        ("Prices have risen since the 1980s.", "1980s"),
        ("Floods hit the town in November 2000.", "November 2000"),
        ("The rules will be final in October, the bank said.", "October"),
    ],
)
def test_dates_are_found(text: str, date: str) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "More than 2011 people signed the letter.",
        "The company paid $2014 for it.",
        "Shares rose 2019% overnight.",
        "May I ask a question?",
        "She will march on the capital.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_title_is_not_part_of_the_person() -> None:
    text = "The Russian military backed the government of President Bashar al-Assad since 2015."
    assert found(text)["Bashar al-Assad"] == "person"
    assert "President Bashar al-Assad" not in found(text)


def test_role_noun_and_said_make_a_person() -> None:
    text = 'As quoted by AFP, Syrian expert Samuel Ramani said that it was a "very rare moment".'
    result = found(text)
    assert result["Samuel Ramani"] == "person"
    assert result["Syrian"] == "group"
    assert result["AFP"] == "organization"


def test_surname_joins_the_full_name_as_an_alias() -> None:
    text = (
        "President Bashar al-Assad spoke on Monday. Critics said Assad would not step down. "
        "Union negotiator Joris Bakker said no. Bakker said members voted against it."
    )
    assad = entity(text, "Bashar al-Assad")
    assert assad.type == "person" and assad.count == 2 and "Assad" in assad.aliases
    bakker = entity(text, "Joris Bakker")
    assert bakker.count == 2 and bakker.aliases == ("Bakker",)


def test_surname_with_particle_joins_the_full_name() -> None:
    text = "Its chief executive, Annelies de Vries, spoke in The Hague. De Vries added more."
    vries = entity(text, "Annelies de Vries")
    assert vries.count == 2 and "De Vries" in vries.aliases
    assert found(text)["The Hague"] == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The strike was called by the Dutch Dockworkers Union on Tuesday.",
            "Dutch Dockworkers Union",
        ),
        (
            "He worked for the Ministry of Infrastructure and Water Management.",
            "Ministry of Infrastructure and Water Management",
        ),
        ("A report by the news agency AFP said so.", "AFP"),
        ("It was part of a coalition to combat the Islamic State group.", "Islamic State"),
        ("Economists at Lotus Ridge Partners said so.", "Lotus Ridge Partners"),
        ("Volunteers from the Ryedale Rotary Club helped.", "Ryedale Rotary Club"),
        ("The Bank of England raised rates.", "Bank of England"),
    ],
)
def test_organisation_cues(text: str, name: str) -> None:
    assert found(text)[name] == "organization"


def test_acronym_and_its_long_form_are_one_entity() -> None:
    text = "The United Nations said aid would arrive. A UN convoy left on Friday."
    un = entity(text, "United Nations")
    assert un.type == "organization" and un.aliases == ("UN",)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Fighting near Syria's al-Qahtaniyah town continued.", "al-Qahtaniyah", "place"),
        ("The town is in the northeastern Hasakah province.", "Hasakah", "place"),
        ("Water levels in the River Derwent fell.", "River Derwent", "place"),
        ("They walked to the Brandenburg Gate at noon.", "Brandenburg Gate", "place"),
        ("Russia pummelled Ukraine in the Russia-Ukraine war.", "Ukraine", "place"),
        ("Kurdish-held areas were quiet.", "Kurdish", "group"),
        ("For the unversed, the Russians and the Americans talk.", "Americans", "group"),
        ("Shia farmers and Sunni tribes agreed.", "Sunni", "group"),
        ("She runs the Berlin Marathon every year.", "Berlin Marathon", "misc"),
    ],
)
def test_places_groups_and_events(text: str, name: str, type_: str) -> None:
    assert found(text)[name] == type_


@pytest.mark.parametrize(
    "text",
    [
        "However, the talks failed.",
        "The talks failed.",
        "On Monday the talks failed.",
        "Smiles and handshakes\nTroops exchanged momentos on the road.",
        "Well, it was not the first time.",
        "Meanwhile nobody came.",
    ],
)
def test_sentence_openers_are_not_entities(text: str) -> None:
    assert set(found(text)) <= {"Monday"}


def test_sentence_initial_name_is_kept_when_it_is_a_name_elsewhere() -> None:
    text = "PayKaro raised money. Investors like PayKaro, analysts said."
    payk = entity(text, "PayKaro")
    assert payk.type == "organization" and payk.count == 2


def test_headline_in_title_case_does_not_invent_entities() -> None:
    text = "Smiles And Handshakes As Rival Troops Meet\n\nTroops met in Syria on Monday."
    assert set(found(text)) == {"Syria", "Monday"}


def test_most_mentioned_first_and_mentions_sorted() -> None:
    text = "Syria and Turkey met. Syria said no. Syria left. Turkey stayed."
    entities = find_entities(text)
    assert [e.text for e in entities] == ["Syria", "Turkey"]
    for e in entities:
        assert list(e.mentions) == sorted(e.mentions)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Hurricane Melissa struck Jamaica on Tuesday.", "Hurricane Melissa", "misc"),
        ("Homes flooded after Typhoon Haikui came ashore.", "Typhoon Haikui", "misc"),
        ("Feed the Future said it would help farmers in Kenya.", "Feed the Future", "organization"),
        (
            "Ridgeback Lindqvist, the Swedish timber group, said profits fell.",
            "Ridgeback Lindqvist",
            "organization",
        ),
        ("Voters backed the Five Star Movement in Naples.", "Five Star Movement", "organization"),
        (
            "Residents of Santa Cruz de la Sierra queued for water.",
            "Santa Cruz de la Sierra",
            "place",
        ),
        ("The bill passed the Senate after a long debate.", "Senate", "organization"),
        ("Shares in Norvalis fell 4 percent in Frankfurt.", "Norvalis", "organization"),
        (
            "She said the Council for the Protection of Rural Wales had objected.",
            "Council for the Protection of Rural Wales",
            "organization",
        ),
        ("Traffic was stopped on the Tsing Ma Bridge for an hour.", "Tsing Ma Bridge", "place"),
        ("Levels at the Alto Verde reservoir fell again.", "Alto Verde", "place"),
        ("Boats were moored along Vester Voldgade all winter.", "Vester Voldgade", "place"),
    ],
)
def test_names_without_a_list_entry_are_typed_by_their_context(
    text: str, name: str, type_: str
) -> None:
    assert found(text).get(name) == type_, found(text)


def test_said_before_a_clause_is_not_a_speaker_cue() -> None:
    text = "Analysts said Quintara would cut jobs. Shares in Quintara fell in Oslo."
    assert found(text).get("Quintara") == "organization"


def test_a_name_known_by_an_alias_gives_the_alias_its_type() -> None:
    text = "The National Fisheries Agency, known as Pescanor, set new quotas on Monday."
    assert found(text).get("Pescanor") == "organization"


def test_five_at_a_sentence_start_is_still_a_number() -> None:
    names = found("Five Star Movement members voted. Five people died.")
    assert "Five" not in names  # the party's name is known; the number is not a name
    assert "Five people" not in names
