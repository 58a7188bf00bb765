"""The user's settings: ``config.toml``, where it lives and what it may say.

The file is found in one place, :func:`config_path`: a ``--config FILE`` path when given, else
the ``APOSTIL_CONFIG`` environment variable (a file path), else ``config.toml`` in
``platformdirs.user_config_dir("apostil")``. Nothing is read at import time.

A file that does not exist means the defaults. A file that is not valid TOML, or a known key with
a value of the wrong type, raises :class:`ConfigError` (one line naming the file and the
problem). Unknown keys are ignored and listed in :attr:`Config.warnings`.

Example::

    theme = "nord"
    engine = "rules"        # rules | spacy | auto
    measure = 80            # reader text width, in columns
    export_dir = "~/notes"

    [keymap]                # binding id -> key(s), comma separated
    "reader.down" = "j,down"
    library.open = "enter"  # dotted keys work too
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ApostilError

APP_NAME = "apostil"
CONFIG_ENV = "APOSTIL_CONFIG"
CONFIG_FILENAME = "config.toml"
ENGINES = ("auto", "rules", "spacy")
DEFAULT_ENGINE = "rules"  # measured: rules alone beat spaCy sm and the combination
MEASURE_RANGE = (20, 400)


class ConfigError(ApostilError):
    """The config file cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass
class Config:
    """apostil's settings, as read from ``config.toml`` (the defaults when there is none)."""

    theme: str | None = None
    engine: str = DEFAULT_ENGINE
    keymap: dict[str, str] = field(default_factory=dict)
    measure: int = 88
    export_dir: str | None = None
    path: Path | None = None
    """The file these settings came from; ``None`` when no file was read."""
    warnings: list[str] = field(default_factory=list)
    """One line per thing in the file that was ignored (unknown keys)."""


def config_path(
    cli_path: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
) -> Path:
    """Where the config file is: ``--config`` > ``$APOSTIL_CONFIG`` > the user config dir."""
    if cli_path:
        return Path(cli_path).expanduser()
    environ = os.environ if env is None else env
    from_env = environ.get(CONFIG_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILENAME


def load_config(
    cli_path: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
) -> Config:
    """Read the config file found by :func:`config_path`; the defaults if it does not exist.

    A ``--config`` path or ``$APOSTIL_CONFIG`` naming a file that does not exist is an error
    (the user asked for that file); a missing file in the default place is not.
    """
    environ = os.environ if env is None else env
    path = config_path(cli_path, env=environ)
    explicit = bool(cli_path) or bool(environ.get(CONFIG_ENV, "").strip())
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise ConfigError(path, "no such file") from None
        return Config()
    except IsADirectoryError:
        raise ConfigError(path, "is a directory, not a file") from None
    except OSError as error:
        raise ConfigError(path, error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(path, f"not UTF-8 text (byte {error.start})") from None
    return parse_config(text, path=path)


def parse_config(text: str, *, path: str | os.PathLike[str] = CONFIG_FILENAME) -> Config:
    """Settings from the text of a config file; ``path`` only names it in messages."""
    try:
        data = _toml().loads(text)
    except _toml().TOMLDecodeError as error:
        raise ConfigError(path, f"invalid TOML: {error}") from None
    warnings: list[str] = []
    config = Config(path=Path(path), warnings=warnings)
    for key, value in data.items():
        if key == "theme":
            config.theme = _string(path, key, value) or None
        elif key == "engine":
            engine = _string(path, key, value).strip().lower()
            if engine not in ENGINES:
                raise ConfigError(
                    path, f"engine must be one of {', '.join(ENGINES)}, not {value!r}"
                )
            config.engine = engine
        elif key == "measure":
            config.measure = _measure(path, value)
        elif key == "export_dir":
            export_dir = _string(path, key, value).strip()
            config.export_dir = os.path.expanduser(export_dir) if export_dir else None
        elif key == "keymap":
            config.keymap = _keymap(path, value)
        else:
            warnings.append(f"{path}: unknown setting {key!r} ignored")
    return config


def _string(path: str | os.PathLike[str], key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(path, f"{key} must be a string, not {_kind(value)}")
    return value


def _measure(path: str | os.PathLike[str], value: Any) -> int:
    low, high = MEASURE_RANGE
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(path, f"measure must be a whole number of columns, not {_kind(value)}")
    if not low <= value <= high:
        raise ConfigError(path, f"measure must be between {low} and {high} columns, not {value}")
    return value


def _keymap(path: str | os.PathLike[str], value: Any) -> dict[str, str]:
    """``[keymap]`` as ``{binding id: "key,key"}``; nested tables give dotted ids."""
    if not isinstance(value, dict):
        raise ConfigError(path, f"keymap must be a table, not {_kind(value)}")
    keymap: dict[str, str] = {}

    def walk(table: dict[str, Any], prefix: str) -> None:
        for name, keys in table.items():
            binding_id = f"{prefix}{name}"
            if isinstance(keys, dict):
                walk(keys, f"{binding_id}.")
                continue
            pieces: list[str] = []
            if isinstance(keys, str):
                pieces = keys.split(",")
            elif isinstance(keys, list) and all(isinstance(k, str) for k in keys):
                pieces = list(keys)
            joined = ",".join(k.strip() for k in pieces if k.strip())
            if not joined:
                raise ConfigError(
                    path,
                    f'keymap.{binding_id} must be a key such as "ctrl+s" or a list of keys, '
                    f"not {_kind(keys)}",
                )
            keymap[binding_id] = joined

    walk(value, "")
    return keymap


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value)
    return f"{type(value).__name__} {value!r}"


def _toml() -> Any:
    """The TOML parser (imported only when there is a config file to read)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib
