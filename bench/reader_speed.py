"""How fast the reader shows a big article, against Textual's own widgets.

    python bench/reader_speed.py [--quick] [--chars N]

Each measurement runs in a fresh process (headless ``App.run_test``, 100x30):

- ``load_5mb_first_paint``: from ``ArticleView.load()`` of a 5 MB article (made by
  ``bench/make_long_article.py``, read with ``read_bytes``, plus some thousands of entity
  mentions) to the first screen the compositor renders and encodes for the terminal,
  against a read-only ``TextArea`` given the same text with ``load_text()``;
- ``load_5mb_peak_rss``: the peak resident memory added meanwhile (Linux ``VmHWM`` reset
  through ``/proc/self/clear_refs``; a lower bound, as freed memory is reused);
- ``load_5mb_peak_alloc``: the peak of Python allocations meanwhile (tracemalloc, in a
  separate run since tracing slows everything down);
- ``key_to_paint_5mb``: one ``}`` (next paragraph) or ``space`` (next page) on that article
  to the next paint, against ``down`` in the TextArea;
- ``small_first_paint``: from starting an app that shows the sample article in an
  ArticleView to its first paint, against an app showing a ``Static`` of the same text.

Median of 3 runs (1 with ``--quick``); one JSON object a line.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "sample_articles" / "syria-convoys.txt"
SIZE = (100, 30)


# ---------------------------------------------------------------- inside a child process


def _rss_reset() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _rss_peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _rss_now_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _paint_clock(app: object) -> list[float]:
    """Record when the screen is rendered and encoded as it would be for a terminal."""
    from textual._compositor import CompositorUpdate

    stamps: list[float] = []
    original = app._display  # type: ignore[attr-defined]

    def display(screen: object, renderable: object) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)  # type: ignore[attr-defined]
            stamps.append(time.perf_counter())
        original(screen, renderable)

    app._display = display  # type: ignore[attr-defined]
    return stamps


async def _wait_paint(pilot: object, stamps: list[float], since: float) -> float:
    for _ in range(200):
        await pilot.pause()  # type: ignore[attr-defined]
        later = [t for t in stamps if t > since]
        if later:
            return later[0]
    raise RuntimeError("no paint")


def _long_document(chars: int) -> object:
    """The long article of ``bench/make_long_article.py``, read as apostil reads a file."""
    sys.path.insert(0, str(HERE))
    from make_long_article import long_article

    from apostil.store.reading import read_bytes

    data = long_article(chars).encode("utf-8")
    return read_bytes(data, name="long-article.txt", max_bytes=None)


def _entities(text: str) -> list[object]:
    from apostil.store.model import Entity, iter_occurrences

    found = []
    for name, kind in (
        ("African Union", "organization"),
        ("Colombia", "place"),
        ("January", "date"),
    ):
        spans = tuple((s, s + len(name)) for s in iter_occurrences(text, name))
        found.append(Entity(name, kind, spans))  # type: ignore[arg-type]
    return found


async def _child_load(kind: str, chars: int, mode: str) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    from apostil.tui.widgets.article_view import ArticleView

    doc = _long_document(chars)
    entities = _entities(doc.text)  # type: ignore[attr-defined]

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            if kind == "article":
                yield ArticleView()
            else:
                yield TextArea(read_only=True)

    app = Bench()
    result: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        stamps = _paint_clock(app)
        widget = app.query_one(ArticleView if kind == "article" else TextArea)
        widget.focus()
        await pilot.pause()
        gc.collect()
        if mode == "alloc":
            tracemalloc.start()
        _rss_reset()
        before = _rss_now_kb()
        t0 = time.perf_counter()
        if isinstance(widget, ArticleView):
            widget.load(doc)  # type: ignore[arg-type]
            widget.set_entities(entities)  # type: ignore[arg-type]
        else:
            widget.load_text(doc.text)  # type: ignore[attr-defined]
        t1 = await _wait_paint(pilot, stamps, t0)
        result["load"] = t1 - t0
        first_line = "".join(segment.text for segment in widget.render_line(0))
        if "Long report on trade" not in first_line:
            raise RuntimeError(f"the first paint does not show the article: {first_line!r}")
        if mode == "alloc":
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            return {"alloc_mb": peak}  # its times are slowed down by tracing
        result["rss_mb"] = (_rss_peak_kb() - before) / 1024
        keys = ("right_curly_bracket", "space") if kind == "article" else ("down", "pagedown")
        times = []
        for i in range(20):
            t0 = time.perf_counter()
            await pilot.press(keys[i % 2])
            times.append(await _wait_paint(pilot, stamps, t0) - t0)
        result["key"] = statistics.median(times)
    return result


async def _child_small(kind: str) -> dict[str, float]:
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    from apostil.tui.widgets.article_view import ArticleView

    raw = SAMPLE.read_text(encoding="utf-8")
    doc = _sample_document(raw)

    class Small(App[None]):
        def compose(self) -> ComposeResult:
            if kind == "article":
                yield ArticleView()
            else:
                with VerticalScroll():
                    yield Static(Text(raw))

        def on_mount(self) -> None:
            if kind == "article":
                self.query_one(ArticleView).load(doc)

    app = Small()
    stamps = _paint_clock(app)
    t0 = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        t1 = await _wait_paint(pilot, stamps, t0)
    return {"first_paint": t1 - t0}


def _sample_document(raw: str) -> object:
    try:
        from apostil.store.reading import read_path  # type: ignore[attr-defined]

        return read_path(SAMPLE)
    except (ImportError, AttributeError):
        from apostil.store.model import Metadata, document_from_blocks

        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        return document_from_blocks(
            [("paragraph", line, 0) for line in lines], Metadata(title="Sample"), "txt"
        )


# ------------------------------------------------------------------------- the parent


def _run_child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _figure(name: str, value: float, unit: str, baseline: float) -> None:
    sys.path.insert(0, str(HERE))
    from _common import emit

    emit(name, value, unit, baseline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run instead of three")
    parser.add_argument("--chars", type=int, default=5_000_000, help="size of the article")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what = args.child
        if what[0] == "load":
            result = asyncio.run(_child_load(what[1], int(what[2]), what[3]))
        else:
            result = asyncio.run(_child_small(what[1]))
        print(json.dumps(result))
        return

    runs = 1 if args.quick else 3
    loads: dict[str, list[dict[str, float]]] = {"article": [], "textarea": []}
    smalls: dict[str, list[float]] = {"article": [], "static": []}
    for _ in range(runs):
        for kind in loads:
            timed = _run_child("load", kind, str(args.chars), "time")
            timed.update(_run_child("load", kind, str(args.chars), "alloc"))
            loads[kind].append(timed)
        for kind in smalls:
            smalls[kind].append(_run_child("small", kind)["first_paint"])

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in loads[kind])

    mb = args.chars / 1e6
    _figure(f"load_{mb:g}mb_first_paint", med("article", "load"), "s", med("textarea", "load"))
    _figure(f"load_{mb:g}mb_peak_rss", med("article", "rss_mb"), "MB", med("textarea", "rss_mb"))
    _figure(
        f"load_{mb:g}mb_peak_alloc", med("article", "alloc_mb"), "MB", med("textarea", "alloc_mb")
    )
    _figure(f"key_to_paint_{mb:g}mb", med("article", "key"), "s", med("textarea", "key"))
    _figure(
        "small_first_paint",
        statistics.median(smalls["article"]),
        "s",
        statistics.median(smalls["static"]),
    )


if __name__ == "__main__":
    main()
