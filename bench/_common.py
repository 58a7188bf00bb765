"""Shared helpers for apostil's benchmarks: timing medians and the JSON line format."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def median_seconds(
    fn: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs (``setup`` runs untimed before each)."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def emit(
    figure: str, value: float | None, unit: str, baseline: float | None = None, **extra: Any
) -> None:
    """Print one benchmark figure as a JSON line; ratio is value / baseline."""
    ratio = None
    if value is not None and baseline:
        ratio = round(value / baseline, 4)
    line = {
        "figure": figure,
        "value": None if value is None else round(value, 6),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 6),
        "ratio": ratio,
        **extra,
    }
    print(json.dumps(line), flush=True)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
