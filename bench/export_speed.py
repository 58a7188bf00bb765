"""How fast 10,000 notes export, as Web Annotations (to JSON text) and as Markdown.

    python bench/export_speed.py [--quick] [--notes N]

Prints JSON lines {"figure", "value", "unit", "baseline", "ratio"} with medians. The baseline,
measured in the same run, is the standard library's ``json.dumps`` of the same notes' records:
the cost of writing the data at all. The issue's budget (10,000 notes in under a second) is
given as ``budget_s``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median_seconds

from apostil.store.export.markdown import render_article_markdown
from apostil.store.export.webanno import annotations_json, export_web_annotations
from apostil.store.model import Article, Note

BUDGET_SECONDS = 1.0
WORDS = [
    "the",
    "port",
    "strike",
    "union",
    "<b>",
    "[link]",
    "*said*",
    "on",
    "Monday",
    "cranes",
    "idle",
    "#",
    "talks",
    "_collapse_",
]


def make_notes(count: int, articles: int) -> list[tuple[Article, list[Note]]]:
    rng = random.Random(7)
    items = []
    for a in range(articles):
        article = Article(
            id=f"article{a:04d}",
            title=f"Article {a}: a title [with] *markup*",
            source_path=f"/home/reader/articles/{a}.txt",
            content_hash="0" * 64,
            format="txt",
            imported="2026-11-25T00:00:00Z",
            updated="2026-11-25T00:00:00Z",
        )
        notes = []
        for n in range(count // articles):
            quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
            start = rng.randint(0, 50_000)
            notes.append(
                Note(
                    id=f"note{a:04d}{n:05d}",
                    article_id=article.id,
                    start=start,
                    end=start + len(quote),
                    quote=quote,
                    prefix=" ".join(rng.choice(WORDS) for _ in range(6))[:32],
                    suffix=" ".join(rng.choice(WORDS) for _ in range(6))[:32],
                    text_hash="1" * 64,
                    note=" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 60))),
                    tags=tuple(rng.sample(["ports", "labour", "to-read", "q"], rng.randint(0, 3))),
                    created="2026-11-25T00:00:00Z",
                    updated="2026-11-25T00:00:00Z",
                )
            )
        items.append((article, notes))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="3 runs instead of 7")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    items = make_notes(args.notes, articles=50)
    total = sum(len(notes) for _, notes in items)
    exported = "2026-11-25T00:00:00Z"
    figures = {
        "export_web_annotations_json_10k": median_seconds(
            lambda: annotations_json(export_web_annotations(items, exported=exported)), runs
        ),
        "export_markdown_10k": median_seconds(
            lambda: [render_article_markdown(a, notes, exported=exported) for a, notes in items],
            runs,
        ),
    }
    baseline = median_seconds(
        lambda: json.dumps([n.to_record() for _, notes in items for n in notes]), runs
    )
    scale = 10_000 / total
    for figure, seconds in figures.items():
        value = seconds * scale
        print(
            json.dumps(
                {
                    "figure": figure,
                    "value": round(value, 4),
                    "unit": "s",
                    "baseline": round(baseline * scale, 4),
                    "ratio": round(value / (baseline * scale), 3),
                    "baseline_name": "json.dumps of the same note records",
                    "budget_s": BUDGET_SECONDS,
                }
            )
        )


if __name__ == "__main__":
    main()
