"""Time ``read_path`` on long generated articles; one JSON object a line.

    python bench/bench_reading.py [--sizes 5MB,20MB]

Each figure is the best of three runs. ``baseline`` is the time to decode and normalise the
same file (the floor any reader pays), ``ratio`` = value / baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_long_article import long_article, parse_size

from apostil.store.reading import decode_bytes, normalize_text, read_path


def best_of(runs: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5MB,20MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="apostil-bench-") as folder:
        for raw in args.sizes.split(","):
            size = parse_size(raw)
            for style in ("blank", "lines"):
                path = Path(folder) / f"article-{raw}-{style}.txt"
                path.write_text(long_article(size, 7, style), encoding="utf-8")
                data = path.read_bytes()
                baseline = best_of(3, lambda: normalize_text(decode_bytes(data, "x")))  # noqa: B023
                value = best_of(3, lambda: read_path(path))  # noqa: B023
                doc = read_path(path)
                figure = f"read_path {raw} plain text ({style}, {len(doc.blocks)} blocks)"
                report(figure, value, baseline)
            markup = _markup_versions(long_article(size, 7, "blank"))
            for suffix, text in markup.items():
                path = Path(folder) / f"article-{raw}.{suffix}"
                path.write_text(text, encoding="utf-8")
                data = path.read_bytes()
                baseline = best_of(1, lambda: normalize_text(decode_bytes(data, "x")))  # noqa: B023
                value = best_of(1, lambda: read_path(path))  # noqa: B023
                report(f"read_path {raw} {suffix} (one run)", value, baseline)


def _markup_versions(text: str) -> dict[str, str]:
    """The same article as Markdown and as an HTML page (short blocks become headings)."""
    blocks = text.split("\n\n")
    md = "\n\n".join(f"## {b}" if len(b) < 60 else b for b in blocks)
    body = "".join(f"<h2>{b}</h2>" if len(b) < 60 else f"<p>{b}</p>" for b in blocks)
    html = f"<html><head><title>Long</title></head><body><article>{body}</article></body></html>"
    return {"md": md, "html": html}


def report(figure: str, value: float, baseline: float) -> None:
    print(
        json.dumps(
            {
                "figure": figure,
                "value": round(value, 3),
                "unit": "s",
                "baseline": round(baseline, 3),
                "ratio": round(value / baseline, 1) if baseline else None,
            }
        )
    )


if __name__ == "__main__":
    main()
