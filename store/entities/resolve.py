"""The rules engine, second pass: settle types across the document and group mentions.

- A surname mentioned alone ("Bakker", "Assad", "De Vries") joins the person named in full
  elsewhere ("Joris Bakker", "Bashar al-Assad", "Annelies de Vries").
- One sense per document: every mention of a surface gets the type its evidence votes for,
  so a word that only starts sentences ("Bakker said ...") is kept when it is a name elsewhere.
- Mentions are grouped under one canonical name: a person's full name, a country's usual
  name, a nationality's adjective ("Russian" for "Russians"), an organisation's long name
  for its acronym ("United Nations" for "UN").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Entity, EntityType
from .gazetteer import Gazetteer, fold
from .rules import CONTEXT, DEFAULT, GUESS, STRONG, Candidate

_TYPE_PRIORITY = {"person": 5, "organization": 4, "place": 3, "group": 2, "date": 1, "misc": 0}
_PARTICLES = (
    "al",
    "el",
    "de",
    "da",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "di",
    "du",
    "le",
    "la",
)
_ALIAS_GAPS = frozenset((", known as ", ", also known as ", " (", ", or "))
_KINDS = ("country", "region", "subdivision", "city", "demonym", "surname_like", "known", "holiday")
_OVERRIDABLE_KINDS = {"city", "subdivision", "surname_like", None}
_PLACE_PREFIXES = frozenset(("River", "Lake", "Mount", "Mt", "Loch", "Lac", "Rio", "Cape"))


def _alias_keys(name: str) -> list[str]:
    """Shorter forms a person's full name is referred to by."""
    words = name.split()
    if len(words) < 2:
        return []
    keys = [fold(words[-1])]
    last = words[-1]
    if "-" in last and last.split("-", 1)[0].lower() in _PARTICLES:
        keys.append(fold(last.split("-", 1)[1]))
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        keys.append(fold(" ".join(words[-2:])))
    if len(words) >= 3:
        keys.append(fold(" ".join(words[-2:])))
    if "-" in last and last.split("-", 1)[1][:1].islower():
        keys.append(fold(words[0]))  # Korean order: "Park Ji-hoon" -> "Park"
    return keys


def _kind(cand: Candidate) -> str | None:
    for kind in _KINDS:
        if kind in cand.hints:
            return kind
    return None


def resolve(
    cands: list[Candidate],
    dates: Iterable[tuple[int, int]],
    text: str,
    *,
    keep_untyped: bool = False,
) -> list[Candidate]:
    """Typed, non-overlapping candidates (dates included), in text order.

    With ``keep_untyped`` the pieces the rules could not type are kept too (type None) where
    they overlap nothing typed, for the reranker to judge (see ``rerank``).
    """
    cands = list(cands)
    # 0. A guessed person whose last word the article calls a place on its own ("Oriental
    #    Mindoro" beside "the island of Mindoro") is a place.
    placed = {
        fold(c.surface)
        for c in cands
        if c.words == 1 and c.type == "place" and (c.score >= CONTEXT or _kind(c) is not None)
    }
    for c in cands:
        guessed = (c.type == "person" and c.score == DEFAULT) or (
            c.type is None and "name_shape" in c.hints
        )
        hinted = "person" in c.hints or "country_possessive" in c.hints
        if guessed and not hinted and c.words >= 2 and fold(c.surface.split()[-1]) in placed:
            c.type, c.score = "place", GUESS
    # 1. Surnames of people named in full.
    full_names: dict[str, str] = {}
    for c in cands:
        if c.type == "person" and c.words >= 2:
            for key in _alias_keys(c.surface):
                full_names.setdefault(key, c.surface)
    person_of: dict[int, str] = {}
    for c in cands:
        key = fold(c.surface)
        target = full_names.get(key)
        if c.type == "person" and c.words >= 2:
            longer = target is not None and len(target.split()) > c.words
            person_of[c.start] = target if longer else c.surface  # "De Vries" -> full name
            continue
        if target is None:
            continue
        if c.type in (None, "person", "misc") or (
            c.type in ("place", "organization")
            and c.score <= STRONG
            and _kind(c) in _OVERRIDABLE_KINDS
        ):
            c.type, c.score = "person", STRONG
            person_of[c.start] = target
    # 2. A guessed person ("Fjordkraft Energi", "Siemens Gamesa": two capitalised words and
    #    no cue) is kept only when the article later calls it by its surname, as news does
    #    with people; otherwise it is more likely an organisation.
    singles = {fold(c.surface) for c in cands if c.words == 1}
    repeats = Counter(fold(c.surface) for c in cands if c.words >= 2)
    for c in cands:
        linked = person_of.get(c.start, c.surface) != c.surface
        if c.type == "person" and c.score == DEFAULT and c.words >= 2 and not linked:
            keys = _alias_keys(c.surface)
            if repeats[fold(c.surface)] >= 2 and not any(k in singles for k in keys):
                c.type = "organization"
    # 3. One sense per document.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in cands:
        if c.type is not None:
            votes[fold(c.surface)][c.type] += c.score + (0 if not c.sentence_initial else -0.5)
    for c in cands:
        vote = votes.get(fold(c.surface))
        if vote:
            best = max(vote.items(), key=lambda kv: (kv[1], _TYPE_PRIORITY[kv[0]]))
            if c.type is None or (c.type != best[0] and c.score <= CONTEXT and best[1] > c.score):
                c.type, c.score = best[0], max(c.score, GUESS)
    # 4. An organisation's first word alone is the organisation: "Hanul" for "Hanul
    #    Semiconductor" (unless the word is a place or a nationality of its own).
    org_heads: dict[str, str] = {}
    for c in cands:
        if c.type == "organization" and c.words >= 2:
            head = c.surface.split()[0]
            if head[:1].isupper() and not head.isupper():
                org_heads.setdefault(fold(head), c.surface)
    for c in cands:
        target = org_heads.get(fold(c.surface)) if c.words == 1 else None
        if target and c.score <= CONTEXT and c.type in (None, "person", "misc", "organization"):
            c.type, c.score, c.link = "organization", CONTEXT, target
    # 4b. "the Derwent" after "the River Derwent"; "Mount Kenya" does not make "Kenya" a mountain.
    prefixed: dict[str, str] = {}
    for c in cands:
        words = c.surface.split()
        if c.type == "place" and len(words) == 2 and words[0] in _PLACE_PREFIXES:
            prefixed.setdefault(fold(words[1]), c.surface)
    for c in cands:
        single = c.words == 1 and c.type in (None, "person", "misc") and c.score <= CONTEXT
        if single and fold(c.surface) in prefixed:
            c.type, c.score = "place", CONTEXT
    # 5. Lists take their neighbours' type: "PayKaro, Paytm and PhonePe".
    ordered = sorted(cands, key=lambda c: c.start)
    for i, c in enumerate(ordered):
        if (c.type is not None and c.score > DEFAULT) or c.sentence_initial:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(ordered) and ordered[j].type not in (None, "date"):
                a, b = (ordered[j], c) if j < i else (c, ordered[j])
                if text[a.end : b.start] in (", ", " and ", " or ", ", and ", ", or "):
                    c.type, c.score = ordered[j].type, GUESS
                    break
        # "The Ghana Cocoa Board, known as Cocobod": an alias takes the name's type.
        if i > 0 and ordered[i - 1].type not in (None, "date") and c.score <= CONTEXT:
            gap = text[ordered[i - 1].end : c.start]
            if gap in _ALIAS_GAPS:
                c.type, c.score = ordered[i - 1].type, CONTEXT
    # 6. What is still untyped: a name that "said" things is an organisation (people are
    #    named in full first); a word only ever seen opening a sentence is not a name.
    # Last names used alone: mid-sentence, or opening one with a speaker's cue ("Mogapi said").
    alone = {
        fold(c.surface)
        for c in cands
        if c.words == 1 and (not c.sentence_initial or "said" in c.hints or "person" in c.hints)
    }
    for c in cands:
        if c.type is None and "name_shape" in c.hints and "org" not in c.hints:
            # "Kefilwe Mogapi ... Mogapi said": a person is named again by the last name
            last = fold(c.surface.split()[-1])
            evidence = ("person", "said", "country_possessive")
            if any(h in c.hints for h in evidence) or last in alone:
                c.type, c.score = "person", GUESS
                continue
        if c.type is None and "person" in c.hints and "org" not in c.hints:
            c.type, c.score = "person", GUESS  # "Halvorsen, the chief executive, said"
        elif c.type is None and "facility" in c.hints and "apposition" in c.hints:
            c.type, c.score = "place", GUESS  # "Kelmora, a small town near the border"
        elif c.type is None and "org" in c.hints and "apposition" in c.hints:
            c.type, c.score = "organization", GUESS  # "Walhi, Indonesia's largest ... organisation"
        elif (
            c.type is None and not c.sentence_initial and ("said" in c.hints or "place" in c.hints)
        ):
            c.type, c.score = ("organization" if "said" in c.hints else "place"), GUESS
        elif c.type is None and "said" in c.hints and c.words == 1 and not c.surface.endswith("s"):
            c.type, c.score = "organization", GUESS  # "Airbnb said": people are named in full first
    out = [c for c in cands if c.type is not None]
    for start, end in dates:
        out.append(Candidate(start, end, text[start:end], "date", STRONG))
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    # Drop overlaps (the longer, earlier candidate wins).
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    for c in kept:
        if c.type == "person" and c.start in person_of:
            c.link = person_of[c.start]
    if keep_untyped:
        kept = _with_untyped(kept, [c for c in cands if c.type is None])
    return kept


def _with_untyped(kept: list[Candidate], untyped: list[Candidate]) -> list[Candidate]:
    """``kept`` (sorted, non-overlapping) and the untyped pieces that overlap none of it."""
    untyped.sort(key=lambda c: (c.start, -(c.end - c.start)))
    merged: list[Candidate] = []
    i, last_end = 0, -1
    for c in untyped:
        while i < len(kept) and kept[i].start < c.end:
            merged.append(kept[i])
            last_end = max(last_end, kept[i].end)
            i += 1
        if c.start >= last_end and (i >= len(kept) or kept[i].start >= c.end):
            merged.append(c)
            last_end = c.end
    merged.extend(kept[i:])
    return merged


def group(cands: list[Candidate], gaz: Gazetteer) -> list[Entity]:
    """Entities, most mentioned first (then by first mention)."""
    buckets: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in cands:
        buckets[(c.type or "misc", _group_key(c, gaz))].append(c)
    _merge_acronyms(buckets)
    entities: list[Entity] = []
    for (type_, _key), members in buckets.items():
        entities.append(_entity(type_, members, gaz))
    entities.sort(key=lambda e: (-e.count, e.mentions[0][0]))
    return entities


def _group_key(c: Candidate, gaz: Gazetteer) -> str:
    if c.link is not None:
        return fold(c.link)
    if c.type == "person":
        return fold(c.surface)
    if c.type == "group":
        return fold(gaz.demonyms.get(fold(c.surface), c.surface))
    if c.type == "place":
        if c.surface in gaz.place_acronyms:
            return fold(gaz.place_acronyms[c.surface])
        place = gaz.places.get(fold(c.surface))
        if place is not None and place[1] == "country":
            return fold(place[0])
    key = fold(c.surface)
    return key[4:] if key.startswith("the ") else key


def _merge_acronyms(buckets: dict[tuple[str, str], list[Candidate]]) -> None:
    orgs = [key for key in buckets if key[0] == "organization"]
    by_initials: dict[str, tuple[str, str]] = {}
    for key in orgs:
        words = [w for w in buckets[key][0].surface.split() if w[:1].isupper()]
        if len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words), key)
    for key in orgs:
        surface = buckets[key][0].surface
        if surface.isupper() and surface in by_initials and by_initials[surface] != key:
            buckets[by_initials[surface]].extend(buckets.pop(key))


def _entity(type_: str, members: list[Candidate], gaz: Gazetteer) -> Entity:
    members.sort(key=lambda c: c.start)
    surfaces = Counter(c.surface for c in members)
    if type_ == "person":
        canonical = max(surfaces, key=lambda s: (len(s.split()), len(s), surfaces[s]))
    elif type_ == "group":
        adjective = gaz.demonyms.get(fold(members[0].surface))
        forms = {fold(s): s for s in surfaces}
        canonical = forms.get(fold(adjective)) if adjective else None
        canonical = canonical or max(surfaces, key=lambda s: (surfaces[s], -len(s)))
    elif type_ == "organization":
        canonical = max(surfaces, key=lambda s: (len(s.split()), surfaces[s], len(s)))
    else:
        canonical = max(surfaces, key=lambda s: (surfaces[s], len(s)))
    seen = {canonical.casefold()}  # accents kept: "Erdoğan" and "Erdogan" both listed
    aliases = []
    for s, _n in surfaces.most_common():
        if s.casefold() not in seen:
            seen.add(s.casefold())
            aliases.append(s)
    etype: EntityType = type_  # type: ignore[assignment]
    return Entity(
        text=canonical,
        type=etype,
        mentions=tuple((c.start, c.end) for c in members),
        aliases=tuple(aliases),
    )
