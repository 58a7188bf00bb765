"""Scoring entity output against the gold set (no Textual, no terminal).

Unit of scoring: unique ``(normalised surface text, type)`` pairs per article. The gold file
lists every distinct surface form that should be tagged (so "Bashar al-Assad" and "Assad"
are two pairs when both occur); the engine's pairs are the surface forms of all its
mentions (``text[start:end]``), whatever entity they are grouped under. Grouping itself is
checked by unit tests, not here. Normalisation: accents kept, case-folded, curly quotes and
dashes unified, a leading "the " and a trailing possessive "'s" dropped, spaces collapsed.

Gold conventions: titles are not part of a name ("President Bashar al-Assad" -> "Bashar
al-Assad"); compounds are split ("Russia-Ukraine war" -> Russia, Ukraine; "Kurdish-held" ->
Kurdish); plural nationalities are groups ("Russians"); only named dates count ("Monday",
"October 8", "2014", "1980s"; not "this year", "last week").

Only the text apostil shows is scored: a gold surface that occurs in the raw file but not in
that text (a byline's name, which the reader moves into the article's header as its author)
cannot have offsets, so it is left out and counted in ``ArticleScore.header_only``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

GOLD_DIR = Path(__file__).parent
HOLDOUT_DIR = GOLD_DIR / "holdout"
TYPES = ("person", "organization", "place", "group", "date", "misc")


def normalise(surface: str) -> str:
    s = surface.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = " ".join(s.split()).casefold()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    return s


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    by_type: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)
    header_only: int = 0  # gold pairs only in the header (a byline), not in the shown text

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_type.values():
            total.add(c)
        return total


def gold_articles(holdout: bool = False, folder: Path | None = None) -> list[Path]:
    """Gold articles of the tuning set, the holdout, or of ``folder``."""
    folder = folder or (HOLDOUT_DIR if holdout else GOLD_DIR)
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".json").exists())


def read_article(path: Path) -> str:
    """The article's text as apostil shows it (the reader when present, else raw UTF-8)."""
    try:
        from apostil.store.reading import read_path  # type: ignore[attr-defined]
    except ImportError:
        return path.read_text(encoding="utf-8")
    return read_path(path).text


def load_gold(path: Path, shown: str | None = None) -> set[tuple[str, str]]:
    """The gold pairs; with ``shown`` (the text apostil shows), only those that occur in it."""
    return split_gold(path, shown)[0]


def split_gold(path: Path, shown: str | None) -> tuple[set[tuple[str, str]], int]:
    """The gold pairs found in ``shown`` (all of them when None), and how many gold pairs
    are left out because they are not in it (a byline's name, shown in the header)."""
    raw = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    pairs = {(normalise(item["text"]), item["type"]) for item in raw}
    kept = {
        (normalise(item["text"]), item["type"])
        for item in raw
        if shown is None or item["text"] in shown
    }
    return kept, len(pairs - kept)


def predicted_pairs(text: str, entities: Iterable) -> set[tuple[str, str]]:
    return {
        (normalise(text[start:end]), entity.type)
        for entity in entities
        for start, end in entity.mentions
    }


def score_pairs(name: str, gold: set[tuple[str, str]], pred: set[tuple[str, str]]) -> ArticleScore:
    result = ArticleScore(name)
    for type_ in TYPES:
        g = {p for p in gold if p[1] == type_}
        q = {p for p in pred if p[1] == type_}
        result.by_type[type_] = Counts(len(g & q), len(q - g), len(g - q))
    result.false_positives = sorted(pred - gold)
    result.false_negatives = sorted(gold - pred)
    return result


def score_article(path: Path, find) -> ArticleScore:
    """Score one gold article with ``find(text) -> list[Entity]``."""
    text = read_article(path)
    gold, header_only = split_gold(path, text)
    result = score_pairs(path.stem, gold, predicted_pairs(text, find(text)))
    result.header_only = header_only
    return result


def score_set(paths: Iterable[Path], find) -> tuple[dict[str, Counts], Counts, list[ArticleScore]]:
    """Per-type and overall counts (micro-averaged) over ``paths``."""
    per_type = {t: Counts() for t in TYPES}
    articles = [score_article(p, find) for p in paths]
    for a in articles:
        for t, c in a.by_type.items():
            per_type[t].add(c)
    overall = Counts()
    for c in per_type.values():
        overall.add(c)
    return per_type, overall, articles
