"""Normalise article text so it is safe to show in a terminal and stable to anchor on.

``normalize_text`` turns CRLF and lone CR into LF, removes complete ANSI escape sequences
(CSI such as ``ESC [ 2 J`` and OSC such as ``ESC ] 0 ; title BEL``, so their parameters do not
linger as junk), removes every remaining control character except ``\\n`` and ``\\t`` (C0,
DEL, C1 U+0080-U+009F) and the bidirectional controls (U+061C, U+200E, U+200F,
U+202A-U+202E, U+2066-U+2069), then applies Unicode NFC. Everything else is kept as
written: text that looks like markup (``[bold]``, ``<b>``) is text.

The function is idempotent and linear: one pass of ``str.replace`` and two compiled regular
expressions, then NFC only when the text is not already normalised.
"""

from __future__ import annotations

import re
import unicodedata

from ..unsafe_chars import FORBIDDEN_CHARS

# ESC [ parameters intermediates final  |  ESC ] payload (BEL | ESC \), payload bounded so a
# stray "ESC ]" never makes the scan quadratic on a long line.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)")

_FORBIDDEN = re.compile(f"[{FORBIDDEN_CHARS}]+")


def normalize_text(text: str) -> str:
    """``text`` with LF line ends, no control or bidi-control characters, in NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = _FORBIDDEN.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def has_forbidden_chars(text: str) -> bool:
    """Whether ``text`` holds a character ``normalize_text`` removes (CR included)."""
    return "\r" in text or _FORBIDDEN.search(text) is not None


def one_line(text: str) -> str:
    """Normalised ``text`` on a single line with runs of whitespace collapsed (for metadata)."""
    return " ".join(normalize_text(text).split())
