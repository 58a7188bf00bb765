"""The library screen with many articles: showing them all, and re-filtering on a keystroke.

Runs the app headless (Textual's test driver) on an in-memory library and times the screen's
own work (``set_rows`` and the filter), not the terminal. Prints one JSON line per figure.
Baseline: Textual's DataTable re-filled with the same rows (what the screen used first); it
understates DataTable's cost, which measures every cell later, when the app is idle.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit, median_seconds, progress

from apostil.store.library import Library
from apostil.store.model import Article
from apostil.tui.app import make_app
from apostil.tui.screens.library import LibraryScreen


def fake_articles(count: int) -> list[Article]:
    return [
        Article(
            id=f"{i:012x}",
            title=f"Article number {i} on convoys, glaciers and budgets",
            source_path=f"/articles/a{i}.txt",
            content_hash=f"{i:064x}",
            format="txt",
            imported=f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z",
            updated="",
            source="example.org",
            tags=("even",) if i % 2 == 0 else ("odd", "x"),
        )
        for i in range(count)
    ]


async def measure(count: int) -> None:
    articles = fake_articles(count)
    counts = Counter({a.id: 2 for a in articles[::7]})
    app = make_app(Library.in_memory())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        show = median_seconds(lambda: screen.set_rows(articles, counts), repeat=5)
        filter_input = screen.query_one("#filter")

        def refilter() -> None:
            filter_input.value = "number 99"  # type: ignore[attr-defined]
            screen._apply_filter()
            filter_input.value = ""  # type: ignore[attr-defined]
            screen._apply_filter()

        filtering = median_seconds(refilter, repeat=5) / 2
        baseline = None
        if count <= 10_000:
            from textual.widgets import DataTable

            table: DataTable[str] = DataTable()
            await screen.mount(table)
            table.add_columns("Title", "Source", "Tags", "Notes", "Last read")

            def fill() -> None:
                table.clear()
                for a in articles:
                    table.add_row(a.title, a.source, ", ".join(a.tags), "2", "-", key=a.id)

            baseline = median_seconds(fill, repeat=3)
    emit(f"library_show_{count}_articles", show, "s")
    emit(
        f"library_filter_{count}_articles",
        filtering,
        "s",
        baseline=baseline,
        baseline_is="DataTable refill of every row",
    )


def main() -> None:
    for count in (10_000, 100_000):
        progress(f"library screen with {count} articles…")
        asyncio.run(measure(count))


if __name__ == "__main__":
    main()
