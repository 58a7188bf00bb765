"""Errors apostil reports to people: each one reads as a single line.

Every error the store raises on bad input or a bad library is an ``ApostilError``; the CLI
prints ``apostil: <message>`` and exits 1, the app shows the message in a notification.
"""

from __future__ import annotations


class ApostilError(Exception):
    """Base of every error meant for the user; ``str(error)`` is one line."""

    def __str__(self) -> str:
        return " ".join(super().__str__().split())


class ReadError(ApostilError):
    """An article file could not be read; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class LibraryError(ApostilError):
    """The library cannot be used as it is (corrupt, newer schema, unwritable)."""


class LibraryCorrupt(LibraryError):
    """The library file does not parse; it is left untouched."""


class LibraryBusy(LibraryError):
    """Another apostil process held the library lock for too long."""


class NotFound(ApostilError):
    """No article or note matches what was asked for."""


class Ambiguous(ApostilError):
    """An id prefix or title matches several articles or notes."""


class QuoteNotFound(ApostilError):
    """The quoted text does not occur in the article."""
