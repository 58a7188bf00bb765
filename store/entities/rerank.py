"""The rules engine, third pass: a small linear model rechecks each name's type.

The rules decide a type for every surface form of a name; this pass looks at all the
mentions of one form together (its words, their shapes, the rules' evidence, the words just
before and after each mention) and may give it another type or drop it. The weights in
``data/rerank.json`` are learned offline by ``scripts/train_reranker.py`` from the gold
set's tuning part; only features seen in several different articles are kept, so the model
learns cue words and context ("Hospital", "said", "in"), never one article's names.
Applying it costs a few dictionary look-ups per name.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .gazetteer import Gazetteer, fold
from .rules import Candidate
from .wordshape import is_acronym, is_camel_case

LABELS = ("person", "organization", "place", "group", "misc", "none")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
_WINDOW = 40
CONTEXT_MENTIONS = 8  # the words around the first few mentions say enough


def surface_key(surface: str) -> str:
    """The form a name is judged by: case and quote style folded, no leading "the", no "'s".

    The same as the gold scorer's unit (tests/gold/scoring.py keeps its own copy, so that a
    change here cannot change how the engine is scored; a test holds the two together).
    """
    s = surface.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = " ".join(s.split()).casefold()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    return s


def _before(text: str, start: int) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text[max(0, start - _WINDOW) : start])[-2:]]


def _after(text: str, end: int) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text[end : end + _WINDOW])[:2]]


_WORD_CUES = ("org_heads", "org_suffixes", "place_suffixes", "place_prefixes")


def _word_kinds(word: str, gaz: Gazetteer) -> list[str]:
    """What the general-knowledge lists say about one word of a name."""
    key = fold(word.strip(".,"))
    kinds = []
    if key in gaz.given_names:
        kinds.append("given")
    if key in gaz.surnames:
        kinds.append("surname")
    if key in gaz.places:
        kinds.append("place")
    if key in gaz.demonyms:
        kinds.append("demonym")
    if key in gaz.ordinary_word_names:
        kinds.append("ordinary")
    word = word.strip(".,")
    kinds.extend(cue for cue in _WORD_CUES if word in gaz.cue(cue) or key in gaz.cue(cue))
    return kinds


def _lexicon_features(surface: str, gaz: Gazetteer) -> set[str]:
    words = surface.split()
    feats = {f"w0:{k}" for k in _word_kinds(words[0], gaz)}
    if len(words) > 1:
        feats.update(f"wl:{k}" for k in _word_kinds(words[-1], gaz))
        for w in words[1:-1]:
            feats.update(f"wi:{k}" for k in _word_kinds(w, gaz))
    key = fold(surface)
    if key in gaz.known_orgs:
        feats.add("known_org")
    if key in gaz.known_misc:
        feats.add("known_misc")
    if key in gaz.places:
        feats.add(f"place:{gaz.places[key][1]}")
    return feats


def features(
    members: list[Candidate], text: str, lower_words: frozenset[str], gaz: Gazetteer
) -> set[str]:
    """What the model sees of one surface form: every mention of it in ``text``."""
    first = members[0]
    type_ = first.type or "none"
    words = first.surface.split()
    head = words[-1].casefold().rstrip(".,")
    feats = {
        f"t={type_}",
        f"n={min(len(words), 4)}",
        f"c={min(len(members), 3)}",
        f"t={type_}|wl={head}",
        f"wl={head}",
        f"w0={words[0].casefold()}",
        f"sf3={head[-3:]}",
        f"sf2={head[-2:]}",
    }
    feats.update(f"wi={w.casefold()}" for w in words[1:-1])
    feats |= _lexicon_features(first.surface, gaz)
    if is_acronym(first.surface):
        feats.add("shape=acronym")
    if is_camel_case(first.surface):
        feats.add("shape=camel")
    if any(ch.isdigit() for ch in first.surface):
        feats.add("shape=digit")
    if "-" in first.surface:
        feats.add("shape=hyphen")
    if any(w[:1].islower() for w in words[1:]):
        feats.add("shape=inner_lower")
    if len(words) == 1 and head in lower_words:
        feats.add("lower_elsewhere")
    if all(m.sentence_initial for m in members):
        feats.add("si=all")
    feats.update(
        f"t={type_}|{f}" for f in list(feats) if f.startswith(("n=", "shape=", "w0:", "wl:"))
    )
    hints = frozenset().union(*(m.hints for m in members))
    feats.update(f"h={h}" for h in hints)
    feats.update(f"t={type_}|h={h}" for h in hints)
    for score in {m.score for m in members}:
        feats.add(f"s={score}")
        feats.add(f"t={type_}|s={score}")
    if any(m.link is not None for m in members):
        feats.add("linked")
    for m in members[:CONTEXT_MENTIONS]:
        before = _before(text, m.start)
        after = _after(text, m.end)
        if before:
            feats.add(f"p1={before[-1]}")
            feats.add(f"t={type_}|p1={before[-1]}")
            if len(before) == 2:
                feats.add(f"p2={before[0]} {before[1]}")
        else:
            feats.add("p1=^")
        if after:
            feats.add(f"n1={after[0]}")
            feats.add(f"t={type_}|n1={after[0]}")
            if len(after) == 2:
                feats.add(f"n2={after[0]} {after[1]}")
    return feats


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    margin: float  # how much likelier than the rules' type another label must be

    def probabilities(self, feats: set[str]) -> list[float]:
        rows = [row for row in map(self.weights.get, feats) if row is not None]
        scores = (
            [b + sum(column) for b, column in zip(self.bias, zip(*rows, strict=True), strict=True)]
            if rows
            else list(self.bias)
        )
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


@cache
def default_model() -> Model | None:
    """The shipped model, or None when there is none (the rules' types then stand)."""
    path = resources.files("apostil.store.entities") / "data" / "rerank.json"
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        labels=tuple(raw["labels"]),
        bias=tuple(raw["bias"]),
        weights={f: tuple(w) for f, w in raw["weights"].items()},
        margin=float(raw["margin"]),
    )


def lowercase_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z'-]+\b", text))


def by_surface(cands: list[Candidate]) -> dict[tuple[str, str | None], list[Candidate]]:
    """Candidates that are not dates, grouped by the form they are judged by and their type."""
    groups: dict[tuple[str, str | None], list[Candidate]] = defaultdict(list)
    keys: dict[str, str] = {}
    for c in cands:
        if c.type != "date":
            key = keys.get(c.surface)
            if key is None:
                key = keys[c.surface] = surface_key(c.surface)
            groups[(key, c.type)].append(c)
    return groups


def rerank(
    cands: list[Candidate], text: str, gaz: Gazetteer, model: Model | None = None
) -> list[Candidate]:
    """``cands`` with each name's type rechecked; names the model rejects are dropped."""
    model = model or default_model()
    if model is None:
        return [c for c in cands if c.type is not None]
    lower = lowercase_words(text)
    for members in by_surface(cands).values():
        probs = model.probabilities(features(members, text, lower, gaz))
        best = max(range(len(probs)), key=probs.__getitem__)
        current = members[0].type or "none"
        here = probs[model.labels.index(current)] if current in model.labels else 0.0
        label = model.labels[best]
        if label == current or probs[best] - here <= model.margin:
            continue
        for m in members:
            m.type = None if label == "none" else label  # None: dropped below
            if label != "person":
                m.link = None
    return [c for c in cands if c.type is not None]
