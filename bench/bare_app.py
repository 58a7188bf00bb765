"""The baseline for first paint: a bare Textual app showing a text file, nothing else."""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class Bare(App[None]):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.text = Path(path).read_text(encoding="utf-8")

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False)


if __name__ == "__main__":
    Bare(sys.argv[1]).run()
