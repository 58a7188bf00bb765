"""Characters that must never reach a terminal, as regular-expression character classes.

``FORBIDDEN_CHARS`` are removed from article text when it is read: C0 controls but newline
and tab, DEL, C1 controls and the bidirectional controls (U+061C, U+200E, U+200F,
U+202A-U+202E, U+2066-U+2069). ``TERMINAL_UNSAFE_CHARS`` adds line/paragraph separators and
lone surrogates: the reader and every label draw through it.
"""

CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1
SURROGATE_CHARS = "\ud800-\udfff"
FORBIDDEN_CHARS = CONTROL_CHARS + "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
TERMINAL_UNSAFE_CHARS = FORBIDDEN_CHARS + "\u2028\u2029" + SURROGATE_CHARS
