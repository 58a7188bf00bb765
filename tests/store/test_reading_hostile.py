"""The hostile sample: nothing that can drive a terminal survives reading."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from apostil.store.model import Document
from apostil.store.reading import read_path

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile() -> Document:
    return read_path(REPO / "sample_articles" / "hostile.txt")


def test_the_sample_really_is_hostile() -> None:
    raw = (REPO / "sample_articles" / "hostile.txt").read_bytes().decode("utf-8")
    for needle in ("\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;", "\x1b]8;;", "\x85", "\u202e", "\r"):
        assert needle in raw
    assert "\x00" not in raw
    assert max(len(line) for line in raw.split("\n")) == 120_000


def test_the_generator_reproduces_the_committed_sample(tmp_path: Path) -> None:
    out = tmp_path / "hostile.txt"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_hostile.py"), str(out)], check=True)
    assert out.read_bytes() == (REPO / "sample_articles" / "hostile.txt").read_bytes()


def test_no_control_characters_left(hostile: Document) -> None:
    assert not FORBIDDEN.search(hostile.text)
    assert "\r" not in hostile.text
    for field in (hostile.metadata.title, hostile.metadata.author):
        assert not FORBIDDEN.search(field)


def test_escape_payloads_are_gone(hostile: Document) -> None:
    for payload in ("pwned", "ZWNobyBwd25lZA==", "evil.example\x1b", "[2J", "[31m", "1049h"):
        assert payload not in hostile.text


def test_markup_stays_text(hostile: Document) -> None:
    assert hostile.title == "Breaking: [bold red]markets[/] crash as regulators meet in Geneva"
    for markup in (
        "[bold red]x[/]",
        "[link=https://evil.example]click[/link]",
        "[@click=app.quit]quit[/]",
    ):
        assert markup in hostile.text


def test_long_line_is_one_paragraph(hostile: Document) -> None:
    longest = max(hostile.blocks, key=lambda b: b.end - b.start)
    assert longest.kind == "paragraph"
    assert longest.end - longest.start == 120_000


def test_byline_is_read_despite_escapes(hostile: Document) -> None:
    assert hostile.metadata.author == "Ivo Marchetti"
