"""Errors of exporting and importing notes (one-line messages, see ``store.errors``)."""

from __future__ import annotations

from ..errors import ApostilError


class ExportError(ApostilError):
    """Notes could not be exported where asked."""


class UnsafePath(ExportError):
    """An export file name or target would land outside the export folder."""


class ForeignFile(ExportError):
    """A file apostil did not write is in the way (overwritten only with ``--force``)."""


class ImportFormatError(ApostilError):
    """A file of notes to import is not in a format apostil reads."""
