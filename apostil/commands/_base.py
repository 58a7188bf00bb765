"""What every command shares: its declaration, the lazily opened library, output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from ..store.library import Library
from ..store.paths import resolve_library_dir


@dataclass(frozen=True)
class Command:
    name: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Context], int | None]
    description: str = ""


class Context:
    """One command's arguments, its library (opened on first use) and its output."""

    def __init__(
        self, args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
    ) -> None:
        self.args = args
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self._library: Library | None = None

    @property
    def library_dir(self):
        return resolve_library_dir(getattr(self.args, "library", None))

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library(self.library_dir)
        return self._library

    def print(self, line: str = "") -> None:
        self.out.write(line + "\n")

    def warn(self, message: str) -> None:
        self.err.write(f"apostil: {message}\n")

    def print_json(self, data: Any) -> None:
        self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def one_line(value: str, limit: int | None = None) -> str:
    """A field for tab-separated or one-line output: no tabs or newlines, optionally cut."""
    flat = " ".join(value.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat
