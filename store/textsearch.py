"""Finding a reader's search in an article: plain text in any case, or ``re:`` a regex.

Pure functions: the reader runs them in a thread worker.
"""

from __future__ import annotations

import re

from .errors import ApostilError

MAX_MATCHES = 100_000
REGEX_PREFIX = "re:"

Span = tuple[int, int]


class SearchError(ApostilError):
    """The search text cannot be used (an invalid regular expression)."""


def find_matches(text: str, query: str, limit: int = MAX_MATCHES) -> list[Span]:
    """Spans of ``query`` in ``text``: case-insensitive text, or a regular expression when
    the query starts with ``re:`` (empty matches are skipped). Raises SearchError."""
    if query.startswith(REGEX_PREFIX):
        source = query[len(REGEX_PREFIX) :]
        if not source:
            raise SearchError("the regular expression is empty")
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise SearchError(f"invalid regular expression: {error}") from None
    else:
        if not query.strip():
            return []
        pattern = re.compile(re.escape(query), re.IGNORECASE)
    spans: list[Span] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            spans.append((match.start(), match.end()))
            if len(spans) >= limit:
                break
    return spans
