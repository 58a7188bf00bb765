"""Train the entity reranker (store/entities/rerank.py) on the gold set's tuning part.

    pip install scikit-learn   # build-time only; apostil does not need it
    python scripts/train_reranker.py

For every article of tests/gold/ (never tests/gold/holdout/) the rules engine runs up to
its reranking pass; each surface form it found, typed or not, becomes one example: the
features ``rerank.features`` gives it, labelled with its gold type, or ``none`` when the gold
does not list it. A multinomial logistic regression is fitted on features that occur in at
least MIN_ARTICLES different articles, so the model learns cue words, shapes and contexts
that recur in news ("Hospital", "said", "in"), not one article's names. The weights go to
store/entities/data/rerank.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from apostil.store.entities import rerank  # noqa: E402
from apostil.store.entities.dates import find_dates  # noqa: E402
from apostil.store.entities.engine import chunk_bounds  # noqa: E402
from apostil.store.entities.gazetteer import Gazetteer, gazetteer  # noqa: E402
from apostil.store.entities.resolve import resolve  # noqa: E402
from apostil.store.entities.rules import Candidate, classify  # noqa: E402
from tests.gold.scoring import gold_articles, read_article, split_gold  # noqa: E402

OUT = ROOT / "store" / "entities" / "data" / "rerank.json"
MIN_ARTICLES = 3  # a feature must occur in this many articles to be learned
REGULARISATION_C = 1.0
MARGIN = 0.0  # how much likelier another label must be than the rules' type


def resolved_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """What the rules engine hands its reranking pass for ``text``."""
    bounds = chunk_bounds(text)
    dates = [d for a, b in bounds for d in find_dates(text[a:b], a)]
    return resolve(classify(text, dates, gaz, bounds), dates, text, keep_untyped=True)


def label(key: str, type_: str | None, gold: set[tuple[str, str]]) -> str:
    """The gold type of one surface form: the rules' type when the gold agrees, else the
    gold's other type, else ``none``."""
    types = {t for s, t in gold if s == key} - {"date"}
    if type_ in types:
        return type_
    return sorted(types)[0] if types else "none"


def examples(paths: list[Path], gaz: Gazetteer) -> list[tuple[str, set[str], str]]:
    """``(article, features, label)`` for every surface form the rules find in ``paths``."""
    out = []
    for path in paths:
        text = read_article(path)
        gold, _header_only = split_gold(path, text)
        lower = rerank.lowercase_words(text)
        groups = rerank.by_surface(resolved_candidates(text, gaz))
        for (key, type_), members in groups.items():
            feats = rerank.features(members, text, lower, gaz)
            out.append((path.stem, feats, label(key, type_, gold)))
    return out


def recurring(rows: list[tuple[str, set[str], str]], min_articles: int) -> set[str]:
    """Features seen in at least ``min_articles`` different articles."""
    seen: dict[str, set[str]] = defaultdict(set)
    for article, feats, _label in rows:
        for f in feats:
            seen[f].add(article)
    return {f for f, articles in seen.items() if len(articles) >= min_articles}


def train(rows: list[tuple[str, set[str], str]]) -> dict:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise SystemExit("train_reranker: needs scikit-learn (pip install scikit-learn)") from None
    keep = recurring(rows, MIN_ARTICLES)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in feats if f in keep} for _a, feats, _l in rows])
    y = [lab for _a, _f, lab in rows]
    model = LogisticRegression(C=REGULARISATION_C, max_iter=3000)
    model.fit(x, y)
    labels = [str(c) for c in model.classes_]
    weights = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(model.coef_[i, j]), 4) for i in range(len(labels))]
        if any(row):
            weights[str(name)] = row
    return {
        "about": "Entity reranker weights: written by scripts/train_reranker.py, do not edit.",
        "trained_on": len({a for a, _f, _l in rows}),
        "examples": len(rows),
        "label_counts": dict(Counter(y).most_common()),
        "min_articles": MIN_ARTICLES,
        "labels": labels,
        "bias": [round(float(b), 4) for b in model.intercept_],
        "margin": MARGIN,
        "weights": dict(sorted(weights.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    gaz = gazetteer()
    rows = examples(gold_articles(False), gaz)
    data = train(rows)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"{data['trained_on']} articles, {data['examples']} surface forms, "
        f"{len(data['weights'])} features -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
