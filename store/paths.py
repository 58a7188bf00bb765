"""Where the library lives, resolved in exactly one place.

``--library DIR`` > ``APOSTIL_HOME`` > the platform's user data folder. Nothing here runs
at import time: callers ask when they need a path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

LIBRARY_FILE = "library.json"
LOCK_FILE = "library.lock"
TEXTS_DIR = "texts"
BACKUPS_DIR = "backups"
CACHE_DIR = "cache"


def resolve_library_dir(
    flag: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The library folder: the flag if given, else ``$APOSTIL_HOME``, else platformdirs."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ if environ is None else environ
    home = env.get("APOSTIL_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("apostil", appauthor=False))
