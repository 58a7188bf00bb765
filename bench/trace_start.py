"""Where the reader's start-up time goes: timestamps of each step, in a real terminal.

    tmux new-session -d -x 120 -y 40 "python bench/trace_start.py ARTICLE OUT.txt"

Runs the app on ARTICLE (library: a temporary folder), marks the end of imports, the import
worker, the reader's mount, the first ``render_line`` and the article's ``load``, quits after
1.2 s and writes the marks (milliseconds since the interpreter got here) to OUT.txt. A
diagnostic to read, not a benchmark: ``first_paint_tmux.py`` gives the figures.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import time

T0 = time.perf_counter()
MARKS: list[tuple[str, int]] = []


def mark(name: str) -> None:
    MARKS.append((name, round((time.perf_counter() - T0) * 1000)))


def main() -> None:
    from apostil.store.config import Config
    from apostil.store.library import Library
    from apostil.tui import app as app_module
    from apostil.tui.screens.reader import ReaderScreen
    from apostil.tui.widgets.article_view import ArticleView

    mark("imports done")

    def traced(original, name):
        @functools.wraps(original)  # Textual reads handler signatures: keep the real one
        def wrapper(*args, **kwargs):
            mark(f"{name} start")
            result = original(*args, **kwargs)
            mark(f"{name} end")
            return result

        return wrapper

    app_module.import_paths = traced(app_module.import_paths, "import worker")
    ReaderScreen.on_mount = traced(ReaderScreen.on_mount, "reader on_mount")
    ArticleView.load = traced(ArticleView.load, "article load")
    render_line = ArticleView.render_line
    seen: list[int] = []

    def first_render(self, y):
        if not seen:
            seen.append(y)
            mark("first render_line")
        return render_line(self, y)

    ArticleView.render_line = first_render
    library = Library(tempfile.mkdtemp(prefix="apostil-trace-"))
    app = app_module.make_app(library, open_paths=[sys.argv[1]], config=Config())
    app.call_later(lambda: app.set_timer(1.2, app.exit))
    app.run()
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("\n".join(f"{ms:5d} ms  {name}" for name, ms in MARKS) + "\n")


if __name__ == "__main__":
    main()
