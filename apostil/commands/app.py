"""``apostil [PATH...]``: open the full-screen reader (the only command importing Textual)."""

from __future__ import annotations

import sys

from ..store.config import load_config
from ..store.errors import ApostilError
from ._base import Context


def run_app(ctx: Context) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        ctx.warn("the reader needs a terminal; for scripts use a command (see 'apostil --help')")
        return 2
    config = load_config(getattr(ctx.args, "config", None))
    for warning in config.warnings:
        ctx.warn(warning)
    try:
        library = ctx.library
    except ApostilError as error:  # a corrupt or newer library: said in the app, then here
        from ..tui.problem import ProblemApp

        ProblemApp(
            "The library cannot be opened",
            str(error),
            "Nothing was changed. 'apostil doctor' checks the library and says how to "
            "restore it from its backups. Press q to quit.",
        ).run()
        raise
    paths = tuple(getattr(ctx.args, "paths", ()) or ())
    from ..tui.library_thread import LibraryRunner, start_opening

    # The article is read and imported on the library thread while Textual is imported.
    runner = LibraryRunner()
    opening = start_opening(runner, library, paths)
    from ..tui.app import make_app

    app = make_app(library, open_paths=paths, config=config, runner=runner, opening=opening)
    app.run()
    return int(app.return_code or 0)
