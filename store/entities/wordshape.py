"""The shape of a word: function word, acronym, CamelCase, Arabic article, name-like."""

from __future__ import annotations

import itertools

from .gazetteer import fold
from .scan import FUNCTION_WORDS

FUNCTION_CAPS = frozenset(w[:1].upper() + w[1:] for w in FUNCTION_WORDS if len(w) > 1)


def is_function_word(word: str) -> bool:
    """'The', 'However', 'us' are function words; 'US' and 'WHO' in capitals are not."""
    if len(word) > 1 and word.isupper():
        return False
    return fold(word) in FUNCTION_WORDS


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(text) <= 8


def is_camel_case(text: str) -> bool:
    """'BioMarine', 'PayKaro'; not the surnames 'McLeod', 'MacDonald', 'DiMaggio'."""
    for prefix in ("Mc", "Mac", "Di", "De", "La", "Le"):
        if text.startswith(prefix) and text[len(prefix) : len(prefix) + 1].isupper():
            text = text[len(prefix) :]
            break
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(text))


def arabic_prefixed(text: str) -> bool:
    head = text.split("-", 1)[0].lower()
    return head in (
        "al",
        "el",
        "ad",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ul",
        "ud",
        "bin",
        "ibn",
        "abu",
        "abd",
    )


def is_name_like(text: str) -> bool:
    if arabic_prefixed(text):
        return True
    core = text.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return core.isalpha() and text[:1].isupper() and not is_acronym(text)
