"""Entities of the library's articles: per article (cached), and the cross-article index.

The CLI and the app both come here, so the user's corrections and the cache apply the same
way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..config import DEFAULT_ENGINE
from ..library import Library
from ..model import Document, Entity
from .cache import EntityCache, FileEntityCache, MemoryEntityCache
from .engine import find_entities
from .index import library_index


def entity_cache_for(library: Library) -> EntityCache:
    """The library's entity cache: files under its cache folder; a new memory cache for a
    library kept in memory (keep it to reuse it)."""
    if library.cache_dir is not None:
        return FileEntityCache(library.cache_dir)
    return MemoryEntityCache()


def article_entities(
    library: Library,
    document: Document,
    *,
    engine: str = DEFAULT_ENGINE,
    corrections: Sequence[dict] | None = None,
    cache: EntityCache | None = None,
    should_cancel: Callable[[], bool] | None = None,
    on_progress: Callable[[list[Entity], float], None] | None = None,
) -> list[Entity]:
    """The entities of ``document`` with the library's corrections, cached by content hash."""
    return find_entities(
        document.text,
        engine=engine,
        corrections=library.corrections() if corrections is None else corrections,
        cache=cache if cache is not None else entity_cache_for(library),
        content_hash=document.content_hash,
        should_cancel=should_cancel,
        on_progress=on_progress,
    )


def library_entity_index(library: Library, *, engine: str = DEFAULT_ENGINE) -> list[dict]:
    """Every entity across the library, with the articles that mention it."""
    corrections = library.corrections()
    cache = entity_cache_for(library)
    per_article = []
    for article in library.articles():
        document = library.document(article)
        entities = article_entities(
            library, document, engine=engine, corrections=corrections, cache=cache
        )
        per_article.append((article.id, article.title, entities))
    return library_index(per_article)


def articles_mentioning(library: Library, name: str, *, engine: str = DEFAULT_ENGINE) -> set[str]:
    """Ids of the articles that mention the entity ``name`` (or one of its aliases)."""
    wanted = name.casefold().strip()
    found: set[str] = set()
    for row in library_entity_index(library, engine=engine):
        names = [row["text"], *row.get("aliases", ())]
        if any(n.casefold() == wanted for n in names):
            found.update(row["articles"])
    return found
