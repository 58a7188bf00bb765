"""Throughput of the rules entity engine (MB/s), with spaCy as baseline when installed.

    python bench/entity_speed.py [--quick]

Texts come from bench/make_long_article.py (deterministic). Figures: the rules engine on a
1 MB and a 5 MB article (``--quick``: 1 MB only), the one-off cost of building the
gazetteers, and the cost of reopening an article (a file-cache hit). When spaCy and
en_core_web_sm (or another English pipeline) are importable, spaCy's MB/s on the same text
in the same run is the baseline (``--quick`` times spaCy on the first 200 KB only).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from _common import emit, median_seconds, progress
from make_long_article import long_article

from apostil.store.entities import FileEntityCache, find_entities
from apostil.store.entities.spacy_engine import spacy_available

MB = 1_000_000


def _spacy_rate(text: str, limit: int) -> tuple[float | None, str]:
    if not spacy_available():
        return None, "spaCy or an English pipeline is not installed: no baseline"
    from apostil.store.entities.spacy_engine import SpacyEngine, _pipeline_name

    engine = SpacyEngine.default()
    sample = text[:limit]
    engine.find(sample[:2000])  # warm up
    start = time.perf_counter()
    engine.find(sample)
    seconds = time.perf_counter() - start
    return (
        len(sample.encode()) / MB / seconds,
        f"baseline: spaCy {_pipeline_name()} (ner only) on {len(sample.encode()) / MB:.2f} MB",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 MB only, under 20 seconds")
    args = parser.parse_args()
    from apostil.store.entities.gazetteer import gazetteer

    start = time.perf_counter()
    gazetteer()
    emit("entity_gazetteer_build", time.perf_counter() - start, "s", note="once per process")
    sizes = [1 * MB] if args.quick else [1 * MB, 5 * MB]
    repeat = 1 if args.quick else 3
    for size in sizes:
        text = long_article(size)
        mb = len(text.encode()) / MB
        progress(f"entity_speed: rules on {mb:.1f} MB")
        seconds = median_seconds(lambda t=text: find_entities(t, engine="rules"), repeat)
        rate = mb / seconds
        limit = 200_000 if args.quick else len(text)
        if args.quick or size == sizes[0] or not spacy_available():
            base, note = _spacy_rate(text, limit)
        else:
            base, note = None, "spaCy timed on the 1 MB text only"
        emit(
            f"entity_rules_mb_per_s_{round(mb)}mb",
            rate,
            "MB/s",
            base,
            note=note,
            seconds=round(seconds, 3),
        )
    text = long_article(sizes[-1])
    with tempfile.TemporaryDirectory() as tmp:
        cache = FileEntityCache(tmp)
        find_entities(text, cache=cache)
        seconds = median_seconds(lambda: find_entities(text, cache=cache), 3)
    emit(
        "entity_reopen_cached",
        seconds * 1000,
        "ms",
        note=f"file-cache hit on {len(text.encode()) / MB:.0f} MB, content hash included",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
