"""normalize_text: line ends, control characters, bidi controls, NFC; nothing else touched."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from apostil.store.reading import normalize_text

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_line_ends_become_lf() -> None:
    assert normalize_text("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_tabs_and_newlines_survive() -> None:
    assert normalize_text("a\tb\n\nc") == "a\tb\n\nc"


def test_c0_del_and_c1_controls_are_removed() -> None:
    assert normalize_text("a\x00b\x07c\x08d\x7fe\x85f\x9bg\x0ch") == "abcdefgh"


def test_bidi_controls_are_removed() -> None:
    text = "x\u202egnp.exe\u202c \u2066y\u2069 \u200e\u200f\u061cz"
    assert normalize_text(text) == "xgnp.exe y z"


def test_whole_escape_sequences_are_removed() -> None:
    text = "\x1b[2J\x1b[31mred\x1b[0m \x1b]0;pwned\x07title \x1b]8;;https://e.x\x1b\\link\x1b]8;;\x1b\\"
    assert normalize_text(text) == "red title link"


def test_a_lone_escape_leaves_its_printable_tail() -> None:
    assert normalize_text("a\x1bZb") == "aZb"


def test_markup_is_text() -> None:
    text = "[bold red]x[/] [link=https://evil.example]click[/link] <b>b</b> [@click=app.quit]q[/]"
    assert normalize_text(text) == text


def test_nfc() -> None:
    assert normalize_text("Cafe\u0301") == "Café"


def test_combining_mark_after_removed_control_composes() -> None:
    assert normalize_text("e\x01\u0301") == "é"


def test_other_unicode_is_kept() -> None:
    text = "Zürich — «quote» 東京 🙂 \u00a0nbsp \u200bzwsp"
    assert normalize_text(text) == text


@given(st.text())
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=st.characters(codec="utf-8")) | st.text())
def test_output_has_no_forbidden_characters_and_is_nfc(text: str) -> None:
    out = normalize_text(text)
    assert "\r" not in out
    assert not FORBIDDEN.search(out)
    assert unicodedata.is_normalized("NFC", out)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_text_without_controls_only_changes_by_nfc(text: str) -> None:
    text = text.translate(
        {
            ord(c): None
            for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        }
    )
    assert normalize_text(text) == unicodedata.normalize("NFC", text)
