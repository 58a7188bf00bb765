"""Acronym definitions: "the Organization for Security and Co-operation in Europe (OSCE)".

The letters in brackets say where the name before them starts, across the small words
("for", "and", "in", "of the") that break a run of capitals, and past a qualifier that is
not part of it ("the US National Oceanic and Atmospheric Administration (NOAA)").
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"[ \t]\(([A-Z][A-Z&]{1,8})\)")
_TOKEN = re.compile(r"[\w’'.&-]+|,")
_SMALL = frozenset(
    (
        "of",
        "for",
        "and",
        "the",
        "in",
        "on",
        "to",
        "at",
        "de",
        "del",
        "des",
        "du",
        "la",
        "le",
        "el",
        "da",
        "do",
        "das",
        "dos",
        "di",
        "der",
        "van",
        "von",
        "y",
        "et",
        "&",
    )
)


def _initial_letters(word: str) -> list[str]:
    """Letters a word may give an acronym: its first, plus each capitalised hyphen part
    ("Co-operation" -> C or C, O; "Long-Term" -> L or L, T)."""
    parts = [p for p in re.split(r"[-‐]", word) if p]
    return [p[0] for p in parts if p[:1].isupper()]


def find_definitions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, acronym)`` of every name defined by the acronym in brackets after it."""
    out: list[tuple[int, int, str]] = []
    for m in _DEFINITION.finditer(text):
        acronym = m.group(1).replace("&", "")
        window = max(0, m.start() - 160)
        newline = text.rfind("\n", window, m.start())
        line_start = newline + 1 if newline != -1 else window  # not back to the text's start
        tokens = list(_TOKEN.finditer(text, line_start, m.start()))
        letters = list(acronym)
        start = None
        words = 0
        for tok in reversed(tokens):
            word = tok.group()
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            word = word.rstrip("'’")
            if not letters:
                break
            if word.lower() in _SMALL or word == ",":
                if start is None:
                    break  # the name must end right before the bracket
                continue
            if not word[:1].isupper():
                break
            initials = _initial_letters(word)
            if len(initials) > 1 and "".join(initials) == "".join(letters[-len(initials) :]):
                del letters[-len(initials) :]
            elif initials and initials[0] == letters[-1]:
                letters.pop()
            else:
                break
            start = tok.start()
            words += 1
        if start is not None and not letters and words >= 2:
            end = m.start()
            out.append((start, end, m.group(1)))
    return out
