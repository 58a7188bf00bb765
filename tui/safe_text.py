"""Untrusted text made safe to show: never markup, and no control byte reaches the terminal.

Textual's ``Content`` treats a string as plain text (no markup), but it lets an ESC through to
the screen. :func:`printable` swaps every control character (except newline and tab) for a
visible stand-in; :func:`safe_content` gives a ``Content`` for a ``Static`` or ``Label``.
"""

from __future__ import annotations

import re

from textual.content import Content

from apostil.store.unsafe_chars import TERMINAL_UNSAFE_CHARS

_CONTROL = re.compile(f"[{TERMINAL_UNSAFE_CHARS}]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␛ for ESC, ␀ for NUL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi overrides


def printable(text: str) -> str:
    """``text`` with every control character but ``\\n`` and ``\\t`` made visible."""
    return _CONTROL.sub(_stand_in, text)


def safe_content(text: str) -> Content:
    """Plain-text ``Content`` of untrusted ``text``: no markup, no control bytes."""
    return Content(printable(text))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "…"


def one_line(text: str, limit: int) -> str:
    """``text`` made printable, its whitespace runs turned to single spaces, then shortened."""
    return shorten(" ".join(printable(text).split()), limit)
