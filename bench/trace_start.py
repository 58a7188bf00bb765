"""Where the reader's start-up time goes: timestamps of each step, in a real terminal.

    tmux new-session -d -x 120 -y 40 "python bench/trace_start.py OUT.txt [apostil args...]"

Runs ``apostil`` (its real command line, e.g. ``--library DIR ARTICLE``) and marks: Textual
and the CLI imported, the import on the library thread (start and end), the app running,
the reader's compose and mount, the first line of text rendered and the sidebar mounted.
Quits after 1.2 s and writes the marks (milliseconds since the interpreter got here) to
OUT.txt. A diagnostic to read, not a benchmark: ``first_paint_tmux.py`` gives the figures.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Any

T0 = time.perf_counter()
MARKS: list[tuple[str, int]] = []


def mark(name: str) -> None:
    MARKS.append((name, round((time.perf_counter() - T0) * 1000)))


def around(owner: Any, attribute: str, name: str) -> None:
    """Mark the start and end of each call of ``owner.attribute``."""
    original: Callable[..., Any] = getattr(owner, attribute)

    @functools.wraps(original)  # Textual reads handler signatures: keep the real one
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(f"{name} start")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"{name} end")

    setattr(owner, attribute, wrapper)


def main() -> None:
    out, argv = sys.argv[1], sys.argv[2:]
    from textual.app import App

    mark("textual imported")
    from apostil import cli
    from apostil.store import importing

    mark("cli imported")
    around(importing, "import_for_reading", "import on the library thread")
    run = App.run

    def run_traced(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        mark("app.run (tui imported)")
        from apostil.tui.screens.reader import ReaderScreen
        from apostil.tui.widgets.article_view import ArticleView

        around(ReaderScreen, "compose", "reader compose")
        around(ReaderScreen, "on_mount", "reader on_mount")
        around(ReaderScreen, "_mount_sidebar_and_search", "sidebar mount (call)")
        render_line = ArticleView.render_line

        def first_text(view: ArticleView, y: int) -> Any:
            strip = render_line(view, y)
            if view.document is not None and "first text" not in dict(MARKS):
                mark("first text")
            return strip

        ArticleView.render_line = first_text  # type: ignore[method-assign]
        app.call_later(lambda: app.set_timer(1.2, app.exit))
        return run(app, *args, **kwargs)

    App.run = run_traced  # type: ignore[method-assign]
    try:
        cli.main(argv)
    finally:
        with open(out, "w", encoding="utf-8") as file:
            file.write("\n".join(f"{ms:5d} ms  {name}" for name, ms in MARKS) + "\n")


if __name__ == "__main__":
    main()
