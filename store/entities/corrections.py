"""The user's corrections to entities, applied in every article; they win over the engine.

A correction is a plain record (the lead's library stores them as they are):

- ``{"action": "add", "text": "Fjord Line", "type": "organization"}``: a watch-list term,
  tagged wherever it appears as a whole word (case-sensitive), replacing what the engine
  found there;
- ``{"action": "retype", "text": "Washington", "type": "person"}``: the entity named (or
  aliased) ``text`` gets another type;
- ``{"action": "hide", "text": "Za"}``: the entity named ``text`` is dropped; when ``text``
  is only one of its aliases, just the mentions written that way are dropped; an optional
  ``"type"`` limits the hide to that type;
- ``{"action": "merge", "text": "Erdogan", "into": "Recep Tayyip Erdoğan"}``: the entity
  or mentions written ``text`` join the entity named ``into``.

Corrections apply in list order, so a later one wins over an earlier one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from ..model import ENTITY_TYPES, Entity

ACTIONS = ("add", "retype", "hide", "merge")


def normalise_correction(raw: dict) -> dict | None:
    """The record trimmed to its known keys, or None when it is unusable."""
    action = raw.get("action")
    text = " ".join(str(raw.get("text", "")).split())
    if action not in ACTIONS or not text:
        return None
    out: dict = {"action": action, "text": text}
    type_ = raw.get("type")
    if action in ("add", "retype"):
        if type_ not in ENTITY_TYPES:
            return None
        out["type"] = type_
    elif action == "hide" and type_ in ENTITY_TYPES:
        out["type"] = type_
    if action == "merge":
        into = " ".join(str(raw.get("into", "")).split())
        if not into:
            return None
        out["into"] = into
    return out


def corrections_version(corrections: Iterable[dict]) -> str:
    """A short stable digest of the corrections (order matters: later ones win)."""
    clean = [c for c in (normalise_correction(r) for r in corrections) if c is not None]
    if not clean:
        return "none"
    blob = json.dumps(clean, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _names(entity: Entity) -> set[str]:
    return {_key(entity.text), *(_key(a) for a in entity.aliases)}


def apply_corrections(
    entities: list[Entity], text: str, corrections: Sequence[dict]
) -> list[Entity]:
    """``entities`` with ``corrections`` applied, most mentioned first."""
    result = list(entities)
    for raw in corrections:
        c = normalise_correction(raw)
        if c is None:
            continue
        if c["action"] == "add":
            result = _add(result, text, c["text"], c["type"])
        elif c["action"] == "retype":
            result = _retype(result, c["text"], c["type"])
        elif c["action"] == "hide":
            result = _hide(result, text, c["text"], c.get("type"))
        else:
            result = _merge(result, text, c["text"], c["into"])
    result.sort(key=lambda e: (-e.count, e.mentions[0][0] if e.mentions else 0))
    return result


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``phrase`` (Aho-Corasick, so a long text is one pass)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    out = []
    last_end = -1
    for end_index, length in automaton.iter(text):
        start, end = end_index - length + 1, end_index + 1
        if start < last_end:
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (_word_char(before) and _word_char(phrase[0])) or (
            _word_char(after) and _word_char(phrase[-1])
        ):
            continue
        out.append((start, end))
        last_end = end
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _without(entity: Entity, spans: list[tuple[int, int]]) -> Entity | None:
    if not spans:
        return entity
    kept = tuple(m for m in entity.mentions if not any(m[0] < b and a < m[1] for a, b in spans))
    if not kept:
        return None
    return _rebuild(entity, kept)


def _rebuild(
    entity: Entity, mentions: tuple[tuple[int, int], ...], text: str | None = None, **changes
) -> Entity:
    fields = {
        "text": entity.text,
        "type": entity.type,
        "mentions": tuple(sorted(mentions)),
        "aliases": entity.aliases,
        "origin": entity.origin,
    }
    fields.update(changes)
    return Entity(**fields)


def _add(entities: list[Entity], text: str, phrase: str, type_: str) -> list[Entity]:
    spans = _occurrences(text, phrase)
    out: list[Entity] = []
    for e in entities:
        if _key(e.text) == _key(phrase) and e.type == type_:
            continue  # replaced by the user's entity below
        kept = _without(e, spans)
        if kept is not None:
            out.append(kept)
    if spans:
        out.append(Entity(phrase, type_, tuple(spans), (), "user"))  # type: ignore[arg-type]
    return out


def _retype(entities: list[Entity], name: str, type_: str) -> list[Entity]:
    key = _key(name)
    moved = [e for e in entities if key in _names(e) and e.type != type_]
    if not moved:
        return entities
    rest = [e for e in entities if not (key in _names(e) and e.type != type_)]
    target = next((e for e in rest if key in _names(e) and e.type == type_), None)
    mentions = [m for e in moved for m in e.mentions]
    aliases = [a for e in moved for a in (e.text, *e.aliases)]
    if target is not None:
        rest.remove(target)
        base = target
        mentions += list(target.mentions)
    else:
        base = moved[0]
    merged = _rebuild(
        base,
        tuple(mentions),
        type=type_,
        aliases=_dedupe(aliases + list(base.aliases), base.text),
        origin="user",
    )
    return [*rest, merged]


def _hide(entities: list[Entity], text: str, name: str, type_: str | None) -> list[Entity]:
    key = _key(name)
    out = []
    for e in entities:
        if type_ is not None and e.type != type_:
            out.append(e)
            continue
        if _key(e.text) == key:
            continue
        if key in _names(e):
            kept = tuple(m for m in e.mentions if _key(text[m[0] : m[1]]) != key)
            if kept:
                aliases = tuple(a for a in e.aliases if _key(a) != key)
                out.append(_rebuild(e, kept, aliases=aliases))
            continue
        out.append(e)
    return out


def _merge(entities: list[Entity], text: str, alias: str, into: str) -> list[Entity]:
    akey, ikey = _key(alias), _key(into)
    target = next((e for e in entities if _key(e.text) == ikey), None)
    target = target or next((e for e in entities if ikey in _names(e)), None)
    sources = [e for e in entities if akey in _names(e) and e is not target]
    if not sources:
        return entities
    rest = [e for e in entities if e is not target and e not in sources]
    moved: list[tuple[int, int]] = []
    for e in sources:
        if _key(e.text) == akey:
            moved.extend(e.mentions)
        else:  # only the mentions written as the alias move
            mine = [m for m in e.mentions if _key(text[m[0] : m[1]]) == akey]
            moved.extend(mine)
            left = tuple(m for m in e.mentions if m not in mine)
            if left:
                rest.append(
                    _rebuild(e, left, aliases=tuple(a for a in e.aliases if _key(a) != akey))
                )
    if target is None:
        first = sources[0]
        merged = Entity(into, first.type, tuple(sorted(moved)), _dedupe([alias], into), "user")
    else:
        merged = _rebuild(
            target,
            tuple(list(target.mentions) + moved),
            aliases=_dedupe([*target.aliases, alias], target.text),
            origin="user",
        )
    return [*rest, merged]


def _dedupe(names: Iterable[str], canonical: str) -> tuple[str, ...]:
    seen = {_key(canonical)}
    out = []
    for n in names:
        if _key(n) not in seen:
            seen.add(_key(n))
            out.append(n)
    return tuple(out)
