"""``apostil [PATH...]``: open the full-screen reader (the only command importing Textual)."""

from __future__ import annotations

import sys

from ..store.config import load_config
from ._base import Context


def run_app(ctx: Context) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        ctx.warn("the reader needs a terminal; for scripts use a command (see 'apostil --help')")
        return 2
    config = load_config(getattr(ctx.args, "config", None))
    for warning in config.warnings:
        ctx.warn(warning)
    library = ctx.library  # a corrupt or newer library stops here, with one line
    from ..tui.app import make_app

    app = make_app(library, open_paths=tuple(getattr(ctx.args, "paths", ()) or ()), config=config)
    app.run()
    return int(app.return_code or 0)
