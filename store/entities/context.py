"""What the words around a name say about it: a title or role before it ("expert Jane
Roe"), "said" after it, an apposition (", a foundation based in Oslo"), a facility noun
after it ("al-Qahtaniyah town"), an organisation cue ("news agency AFP")."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, fold


def _words(text: str) -> list[str]:
    return text.split()


_PUBLISHED_IN = re.compile(r"\b(?:published|appeared|appear|publish)\b[^.;,]{0,25}\bin (?:the )?$")
_APPOSITION_STOPS = frozenset(
    _words("of in at for from with on to by near who whose which that where based built run")
)
_AGE = re.compile(r",\s*\d{1,3},")
_WHO = re.compile(r",\s+who(?:se)?\b")
_WHERE = re.compile(r",\s+where\b")  # "towns such as Kelso, where the river rose"
_FOUNDED = re.compile(r",\s+(?:which was\s+)?(?:founded|established|set up|launched)\s+(?:in|by)\b")
_APPOSITION = re.compile(
    r",\s+(?:a|an|the|one of|one of the|its|his|her|their|[A-Z][\w-]+[’']s)"
    r"\s+([^,.;:()\"“”]{1,80})"
)
_ORG_NOUNS = frozenset(
    _words(
        """company firm group agency developer foundation charity alliance organisation
    organization union party broadcaster newspaper bank lender insurer operator utility
    regulator maker manufacturer producer retailer chain carrier airline startup start-up
    conglomerate subsidiary network institute coalition federation association council
    club team side body nonprofit ngo watchdog supplier provider exchange university
    school college outlet publisher agency business venture fund investor exporter importer
    trader miner refiner shipper brewer carmaker automaker chipmaker drugmaker distributor
    consultancy contractor builder insurer brokerage lab laboratory cooperative co-op
    consortium label studio"""
    )
)
_PLACE_NOUNS = frozenset(
    _words(
        """town city village community district region province suburb neighbourhood
    neighborhood island port capital area settlement municipality county state country
    street square river lake valley site resort landmark"""
    )
)
_BY_ORG_VERBS = frozenset(_words("run owned operated acquired listed manufactured made built"))
_EXECUTIVE_WORDS = frozenset(
    _words(
        """executive chairman chairwoman chairperson ceo founder co-founder shareholders
    shareholder subsidiary unit division shares stake spokesperson spokesman spokeswoman"""
    )
)
_NEXT_WORD = re.compile(r"^(?:[’']s\s+)?[\s,]*([\w’'-]+)")


def context_cues(gaz: Gazetteer, text: str, start: int, end: int) -> list[str]:
    """Cue kinds the words around ``text[start:end]`` suggest: person, org, place, said."""
    before = text[max(0, start - 40) : start].replace(",", " , ").split()
    after = text[end : end + 90]
    out: list[str] = []
    app = _APPOSITION.match(after)
    if app:  # "Bellona, a foundation based in Oslo"; "Makoko, a fishing community"
        kind = apposition_kind(gaz, app.group(1))
        if kind:
            out.extend((kind, "apposition"))
    article = bool(before) and before[-1].lower() == "the"
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    comma = bool(before) and before[-1] == ","
    if comma:
        before.pop()
    prev = fold(before[-1].strip("\"'“”‘’()")) if before else ""
    prev2 = (fold(before[-2]), prev) if len(before) >= 2 and not comma else None
    speaker = prev == "said" and after.lstrip()[:1] in (",", ".", ";", "")  # not "said X would"
    if prev in gaz.roles or speaker or (prev in gaz.title_words and prev != "chief"):
        out.append("person")
    if _WHERE.match(after):
        out.append("place")
    if _FOUNDED.match(after):
        out.extend(("org", "apposition"))
    if prev.endswith(("'s", "’s")) and not comma:
        place = gaz.places.get(prev[:-2])
        if place is not None and place[1] == "country":
            out.append("country_possessive")  # "Kenya's Faith Chebet": one of its people
    if _AGE.match(after) or _WHO.match(after):
        out.append("person")  # "Ana Ruiz, 42,"; "Kovalenko, who chairs the panel"
    if prev in gaz.cue("org_context_before"):
        out.append("org")
    at_words = ("at", "from", "of", "for")
    if prev2 is not None and (
        (prev2[0] in gaz.cue("org_professional_plurals") and prev2[1] in at_words)
        or (prev2[0] in ("shares", "stake", "spokesperson", "spokesman") and prev2[1] in at_words)
        or (prev2[0] in ("shares", "stake", "stakes", "investment") and prev2[1] == "in")
        or (prev2[0] in _BY_ORG_VERBS and prev2[1] == "by")
        or (prev2[0] in _EXECUTIVE_WORDS and prev2[1] == "of")
    ):
        out.append("org")
    nm = _NEXT_WORD.match(after)
    nxt = fold(nm.group(1)) if nm else ""
    if nxt in gaz.cue("org_context_after") and not after.lstrip().startswith(","):
        out.append("org")
    if nxt in gaz.cue("place_context_after") and not after.lstrip().startswith(","):
        out.append("place")
        out.append("facility")
    if (
        prev in gaz.cue("misc_context_before")
        or (nxt in gaz.cue("misc_context_after") and not after.lstrip().startswith(","))
        or _PUBLISHED_IN.search(text, max(0, start - 50), start)
    ):
        out.append("misc")  # "published on Monday in Ocean Letters": a journal
    if article:
        out.append("the")
        if prev in ("at", "inside", "outside", "near"):
            out.append("venue")  # "at the Caja Mágica", "outside the Grand Lyric"
    if nxt in gaz.cue("person_context_after"):
        out.append("said")
    if prev in gaz.cue("place_context_before") and not comma:
        out.append("place")
    elif (
        prev == "of"
        and prev2 is not None
        and (
            prev2[0] in _PLACE_NOUNS
            or prev2[0].rstrip("s") in _PLACE_NOUNS
            or prev2[0]
            in (
                "neighbourhoods",
                "neighborhoods",
                "cities",
                "communities",
                "streets",
                "outskirts",
                "residents",
                "people",
                "mayor",
                "centre",
                "center",
                "coast",
                "shores",
                "heart",
                "north",
                "south",
                "east",
                "west",
            )
        )
    ):
        out.append("place")  # "the city of X", "neighbourhoods of X", "residents of X"
    return out


def _qualifier(gaz: Gazetteer, word: str) -> bool:
    """A capitalised word that qualifies an apposition's noun: a nationality, a place or a
    "Leipzig-based" compound."""
    key = fold(word.strip("'’"))
    if key in gaz.demonyms or key in gaz.region_adjectives or key in gaz.places:
        return True
    return "-" in key and key.rsplit("-", 1)[1] in ("based", "owned", "run", "listed", "born")


def apposition_kind(gaz: Gazetteer, phrase: str) -> str | None:
    """What ", a foundation based in Oslo" says: the head noun is the last known noun
    before a preposition, a name or a relative pronoun."""
    words: list[str] = []
    for raw in phrase.split()[:8]:
        if raw.endswith(("'s", "’s")):
            continue  # "one of Norway's largest power companies"
        low = raw.lower()
        if raw[:1].isupper() and _qualifier(gaz, raw):
            continue  # "the Swiss chocolate supplier", "the Leipzig-based maker"
        if raw[:1].isupper() and not words:
            continue  # "a UNESCO World Heritage site": names before the head noun
        if raw[:1].isupper() or low in _APPOSITION_STOPS:
            break
        words.append(fold(raw.strip("'’")))
    if words and words[0] in ("who", "whose"):
        return "person"
    for word in reversed(words):
        stem = word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")
        if word in gaz.roles or stem in gaz.roles:
            return "person"
        if word in _ORG_NOUNS or stem in _ORG_NOUNS:
            return "org"
        if word in _PLACE_NOUNS or stem in _PLACE_NOUNS:
            return "facility"
    return None
