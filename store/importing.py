"""Bringing files into the library, and finding the article a user means by TARGET.

The CLI and the app both go through here, so that ``apostil import``, ``apostil note`` on a
path, and opening a path in the reader all behave the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ApostilError, NotFound, ReadError
from .library import ImportOutcome, Library
from .model import Article, Document

STDIN = "-"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file: an outcome, or the error that kept it out."""

    path: str
    outcome: ImportOutcome | None = None
    error: ApostilError | None = None


def read_target_file(path: str) -> Document:
    """Read an article from a file path, or from standard input for ``-``."""
    from .reading import read_bytes, read_path

    if path == STDIN:
        data = sys.stdin.buffer.read()
        return read_bytes(data, name="<stdin>")
    return read_path(path)


def import_paths(
    library: Library, paths: Iterable[str], on_result: Callable[[ImportResult], None] | None = None
) -> list[ImportResult]:
    """Import every article under ``paths`` (files, folders, ``-``); bad files are reported,
    the good ones still go in."""
    from .reading import iter_article_paths

    results: list[ImportResult] = []
    for path in _expand(paths, iter_article_paths):
        try:
            document = read_target_file(path)
            outcome = library.import_document(document, None if path == STDIN else path)
            result = ImportResult(path, outcome=outcome)
        except ApostilError as error:
            result = ImportResult(path, error=error)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


@dataclass(frozen=True)
class Opening:
    """What opening ``paths`` in the reader found: every file's result and, when they hold
    exactly one article, that article with its text (what the reader shows first)."""

    results: list[ImportResult]
    article: Article | None = None
    document: Document | None = None


def import_for_reading(library: Library, paths: Iterable[str]) -> Opening:
    """Import ``paths`` as :func:`import_paths` does, then read the text of the one article
    they hold (none when they hold several, or none could be read)."""
    results = import_paths(library, paths)
    articles = {r.outcome.article.id: r.outcome.article for r in results if r.outcome is not None}
    if len(articles) != 1:
        return Opening(results)
    (article,) = articles.values()
    return Opening(results, article, library.document(article))


def _expand(
    paths: Iterable[str], iter_article_paths: Callable[..., Iterator[Path]]
) -> Iterator[str]:
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = list(iter_article_paths([path]))
            if not found:
                yield from ()
            for item in found:
                yield str(item)
        else:
            yield str(path)


def looks_like_path(target: str) -> bool:
    return target == STDIN or Path(target).expanduser().exists()


def resolve_article(library: Library, target: str) -> Article:
    """The library article TARGET names: an id, a unique id prefix, a title, or the path of
    a file that was imported."""
    if looks_like_path(target) and target != STDIN:
        article = library.article_by_path(target)
        if article is not None:
            return article
        raise NotFound(f"{target} is not in the library (import it with 'apostil import')")
    return _find_by_name(library, target)


def load_target(
    library: Library, target: str, *, import_new: bool = False
) -> tuple[Article | None, Document]:
    """The article and text TARGET names. A path not in the library is read (and, with
    ``import_new``, imported first); a path in the library whose file changed is read as the
    library keeps it."""
    if looks_like_path(target):
        article = library.article_by_path(target) if target != STDIN else None
        if article is not None:
            return article, library.document(article)
        document = read_target_file(target)
        if not import_new:
            return None, document
        outcome = library.import_document(document, None if target == STDIN else target)
        return outcome.article, library.document(outcome.article)
    article = _find_by_name(library, target)
    return article, library.document(article)


def _find_by_name(library: Library, target: str) -> Article:
    """An article by id, id prefix or title; a TARGET that was meant as a file path (it has
    a folder or an article suffix) and matches nothing is a missing file, said so."""
    try:
        return library.find_article(target)
    except NotFound:
        from .reading import SUPPORTED_SUFFIXES

        meant_as_path = (
            "/" in target or "\\" in target or Path(target).suffix.lower() in SUPPORTED_SUFFIXES
        )
        if meant_as_path:
            raise ReadError(target, "no such file or directory") from None
        raise


__all__ = [
    "STDIN",
    "ImportResult",
    "Opening",
    "ReadError",
    "import_for_reading",
    "import_paths",
    "load_target",
    "looks_like_path",
    "resolve_article",
]
