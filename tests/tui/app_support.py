"""Helpers for the app tests: a seeded library, running the app, waiting for the reader."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from apostil.store.library import Library
from apostil.store.model import Article, Entity, Note
from apostil.tui.app import ApostilApp, make_app
from apostil.tui.screens.reader import ReaderScreen

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"
SEED = SAMPLES / "syria-convoys.txt"
SIZE = (120, 40)
HOSTILE_TITLE = "[bold red]x[/]"

Steps = Callable[[Pilot[None], ApostilApp], Awaitable[None]]


def seeded_library(folder: Path | None = None, paths: Iterable[Path] = (SEED,)) -> Library:
    """A library (in memory, or in ``folder``) with the seed article imported."""
    library = Library(folder) if folder is not None else Library.in_memory()
    from apostil.store.importing import import_paths

    results = import_paths(library, [str(p) for p in paths])
    assert all(r.error is None for r in results), results
    return library


def only_article(library: Library) -> Article:
    (article,) = library.articles()
    return article


def run_app(app: ApostilApp, steps: Steps, size: tuple[int, int] = SIZE) -> ApostilApp:
    """Run ``steps`` against ``app`` in a headless terminal of ``size``."""

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot, app)
            await pilot.pause()

    asyncio.run(run())
    return app


def drive(
    library: Library, steps: Steps, size: tuple[int, int] = SIZE, **kwargs: Any
) -> ApostilApp:
    return run_app(make_app(library, **kwargs), steps, size)


async def wait_for(
    pilot: Pilot[None], predicate: Callable[[], object], what: str = "", tries: int = 200
) -> None:
    """Let the app run until ``predicate()`` is true (workers finish off the event loop)."""
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what or predicate}")


async def open_reader(
    pilot: Pilot[None], app: ApostilApp, *, entities: bool = False
) -> ReaderScreen:
    """Press enter on the library's first article and wait for the reader to show it."""
    await wait_for(
        pilot,
        lambda: app.screen.query("#articles") and app.screen.query_one("#articles").row_count > 0,
        "library rows",
    )
    await pilot.press("enter")
    return await reader_ready(pilot, app, entities=entities)


async def reader_ready(
    pilot: Pilot[None], app: ApostilApp, *, entities: bool = False
) -> ReaderScreen:
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, ReaderScreen) and app.screen.document is not None,
        "the reader",
    )
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    if entities:
        await wait_for(pilot, lambda: screen.entities, "entities")
    await pilot.pause()
    return screen


def screen_text(app: ApostilApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app: ApostilApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def fixed_note(
    article: Article,
    text: str,
    start: int,
    end: int,
    *,
    note: str = "",
    tags: tuple[str, ...] = (),
    note_id: str = "0000feed0001",
) -> Note:
    """A note with fixed id and times (for snapshots)."""
    from apostil.store.anchoring import make_anchor

    anchor = make_anchor(text, start, end)
    return Note(
        id=note_id,
        article_id=article.id,
        note=note,
        tags=tags,
        created="2026-01-02T03:04:05Z",
        updated="2026-01-02T03:04:05Z",
        **anchor,
    )


def fake_entities(text: str) -> list[Entity]:
    """A fixed entity list for the seed (snapshots must not move with the engine)."""
    import re

    found = []
    for name, kind in [
        ("Samuel Ramani", "person"),
        ("AFP", "organization"),
        ("Syria", "place"),
        ("Russia", "place"),
        ("Kurdish", "group"),
        ("October 8", "date"),
    ]:
        mentions = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        if mentions:
            found.append(Entity(name, kind, mentions))  # type: ignore[arg-type]
    return found
