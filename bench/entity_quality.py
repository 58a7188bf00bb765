"""Entity quality on the gold set: precision, recall and F1 per type and overall.

    python bench/entity_quality.py [--quick] [--verbose]

Scored on unique (normalised surface, type) pairs per article (see tests/gold/scoring.py),
micro-averaged, separately for the tuning set (tests/gold/*.txt) and the holdout
(tests/gold/holdout/, never tuned on; see tests/gold/README.md). When
spaCy and an English pipeline are installed, spaCy alone is the ``baseline`` (``ratio`` =
rules / spaCy) and ``auto_f1`` is spaCy and rules combined.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from _common import emit, progress

from apostil.store.entities import find_entities
from apostil.store.entities.spacy_engine import spacy_available
from tests.gold.scoring import HOLDOUT_DIR, TYPES, gold_articles, score_set


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="accepted for bench/run.py; same work")
    parser.add_argument("--verbose", action="store_true", help="false pairs per article on stderr")
    args = parser.parse_args()
    spacy_find = None
    note = "spaCy not installed (pip install 'apostil[spacy]' and an English pipeline)"
    if spacy_available():
        from apostil.store.entities.spacy_engine import SpacyEngine, _pipeline_name

        engine = SpacyEngine.default()
        spacy_find = engine.find
        note = f"baseline: spaCy {_pipeline_name()} alone"
    sets = [("tuning", None), ("holdout", HOLDOUT_DIR)]
    for name, folder in sets:
        paths = gold_articles(folder=folder)
        if not paths:
            continue
        per_type, overall, articles = score_set(paths, lambda t: find_entities(t, engine="rules"))
        base_types, base_overall, auto_types, auto_overall = {}, None, {}, None
        if spacy_find is not None:
            base_types, base_overall, _ = score_set(paths, spacy_find)
            auto_types, auto_overall, _ = score_set(
                paths, lambda t: find_entities(t, engine="auto")
            )
        if args.verbose:
            for a in articles:
                progress(f"{name}/{a.name}: F1={a.overall.f1:.3f}")
                progress(f"  false: {a.false_positives}")
                progress(f"  missed: {a.false_negatives}")
        rows = [(t, per_type[t], base_types.get(t), auto_types.get(t)) for t in TYPES] + [
            ("overall", overall, base_overall, auto_overall)
        ]
        for type_, counts, base, auto in rows:
            emit(
                f"entity_f1_{name}_{type_}",
                counts.f1,
                "F1",
                base.f1 if base is not None else None,
                precision=round(counts.precision, 4),
                recall=round(counts.recall, 4),
                tp=counts.tp,
                fp=counts.fp,
                fn=counts.fn,
                articles=len(paths),
                header_only=sum(a.header_only for a in articles) if type_ == "overall" else None,
                engine="rules",
                baseline_precision=None if base is None else round(base.precision, 4),
                baseline_recall=None if base is None else round(base.recall, 4),
                auto_f1=None if auto is None else round(auto.f1, 4),
                note=note,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
