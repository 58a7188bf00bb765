"""Which files a list of paths given by the user stands for."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each file in ``paths``: folders expand recursively to their supported article files
    (sorted, hidden files and folders skipped, symlinked folders not followed); files named
    explicitly are yielded as they are, whatever their extension, even when missing (reading
    them reports the problem). A file reached twice is yielded once."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        candidates = _folder_articles(path) if path.is_dir() else [path]
        for candidate in candidates:
            key = os.path.realpath(candidate) if str(candidate) != "-" else "-"
            if key not in seen:
                seen.add(key)
                yield candidate


def _folder_articles(folder: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith("."):
                continue
            if Path(filename).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(dirpath) / filename)
    return sorted(found, key=lambda p: p.parts)
