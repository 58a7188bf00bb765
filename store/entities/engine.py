"""``find_entities``: the entry point the app's worker, the CLI and the library call.

Long texts are processed in chunks cut at paragraph (or line) boundaries, so a worker can
cancel between chunks and show partial results while a very long article is scanned.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from ..config import DEFAULT_ENGINE
from ..errors import ApostilError
from ..model import Entity, text_hash
from .cache import EntityCache
from .corrections import apply_corrections, corrections_version

ENGINE_VERSION = "rules-9"  # bump when the rules or data change: cached results are dropped
CHUNK_CHARS = 64_000
PROGRESS_EVERY = 512_000  # characters between two on_progress calls with partial entities


class EntitiesCancelled(Exception):
    """The caller's ``should_cancel`` returned True; nothing is cached."""


class EngineUnavailable(ApostilError):
    """The entity engine asked for cannot run here (for example spaCy is not installed)."""


def available_engines() -> list[str]:
    """Engines that can run here: always ``rules`` and ``auto``; ``spacy`` when installed."""
    from .spacy_engine import spacy_available

    engines = ["rules", "auto"]
    if spacy_available():
        engines.insert(1, "spacy")
    return engines


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of about ``size`` characters, cut after a line break."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.find("\n", end)
                if cut == -1 or cut - start > size * 4:
                    cut = _space_before(text, end, start)
            end = cut + 1 if cut >= start else n
        bounds.append((start, end))
        start = end
    return bounds


def _space_before(text: str, end: int, start: int) -> int:
    """A cut point inside a very long line: the last space before ``end``."""
    cut = text.rfind(" ", start + 1, end)
    return cut if cut != -1 else end - 1


def find_entities(
    text: str,
    *,
    engine: str = DEFAULT_ENGINE,
    corrections: Sequence[dict] = (),
    cache: EntityCache | None = None,
    content_hash: str | None = None,
    should_cancel: Callable[[], bool] | None = None,
    on_progress: Callable[[list[Entity], float], None] | None = None,
) -> list[Entity]:
    """The entities of ``text``, most mentioned first, with the user's corrections applied.

    ``engine``: ``rules`` (default, offline), ``spacy`` (needs spaCy and an English
    pipeline) or ``auto`` (spaCy and rules together when a pipeline is installed, else rules).
    Raises ``EntitiesCancelled`` when ``should_cancel()`` turns true between chunks, and
    ``EngineUnavailable`` for an engine that cannot run here.
    """
    engine = _resolve_engine(engine)
    version = corrections_version(corrections)
    digest = content_hash or (text_hash(text) if cache is not None else "")
    if cache is not None:
        hit = cache.get(engine, digest, version)
        if hit is not None:
            return hit
    # The engine allocates many small acyclic objects: the cyclic GC only slows it down.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        found = _run_engine(engine, text, should_cancel, on_progress)
    finally:
        if gc_was_enabled:
            gc.enable()
    result = apply_corrections(found, text, list(corrections))
    if cache is not None:
        cache.put(engine, digest, version, result)
    return result


def _resolve_engine(engine: str) -> str:
    from .spacy_engine import spacy_available

    if engine == "auto":
        return "auto" if spacy_available() else "rules"
    if engine == "rules":
        return engine
    if engine == "spacy":
        if not spacy_available():
            raise EngineUnavailable(
                "entity engine spacy is not available: install apostil[spacy] and an English "
                "spaCy pipeline, or use --engine rules"
            )
        return engine
    raise EngineUnavailable(f"unknown entity engine {engine!r}: use rules, spacy or auto")


def _run_engine(
    engine: str,
    text: str,
    should_cancel: Callable[[], bool] | None,
    on_progress: Callable[[list[Entity], float], None] | None,
) -> list[Entity]:
    from .dates import find_dates
    from .gazetteer import gazetteer
    from .rules import SpanClassifier
    from .scan import title_case_lines

    if not text:
        return []
    gaz = gazetteer()
    bounds = chunk_bounds(text)
    dates: list[tuple[int, int]] = []
    for a, b in bounds:
        dates.extend(find_dates(text[a:b], a))
    classifier = SpanClassifier(gaz, text, dates)
    titles = title_case_lines(text) if len(text) < 2_000_000 else []
    extra = None
    if engine in ("spacy", "auto"):
        from .spacy_engine import SpacyEngine

        extra = SpacyEngine.default()
    spacy_cands: list = []
    last_report = 0
    for a, b in bounds:
        if should_cancel is not None and should_cancel():
            raise EntitiesCancelled("entity search cancelled")
        if engine != "spacy":
            classifier.run(a, text[a:b], titles)
        if extra is not None:
            spacy_cands.extend(extra.candidates(text, a, b))
        if on_progress is not None and b < len(text) and b - last_report >= PROGRESS_EVERY:
            last_report = b
            partial = _finish(engine, classifier.out, spacy_cands, dates, text, b, gaz)
            on_progress(partial, b / len(text))
    if should_cancel is not None and should_cancel():
        raise EntitiesCancelled("entity search cancelled")
    result = _finish(engine, classifier.out, spacy_cands, dates, text, len(text), gaz)
    if on_progress is not None:
        on_progress(result, 1.0)
    return result


def _finish(engine, rule_cands, spacy_cands, dates, text, upto, gaz) -> list[Entity]:
    from .rerank import rerank
    from .resolve import group, resolve
    from .rules import Candidate

    def copy(cands: list[Candidate]) -> list[Candidate]:
        if upto >= len(text):
            for c in cands:
                c.link = None
            return cands  # the final pass may change them in place
        return [
            Candidate(
                c.start, c.end, c.surface, c.type, c.score, c.hints, c.sentence_initial, c.words
            )
            for c in cands
            if c.end <= upto
        ]

    in_range = [d for d in dates if d[1] <= upto]
    if engine == "rules":
        resolved = resolve(copy(rule_cands), in_range, text, keep_untyped=True)
        return group(rerank(resolved, text, gaz), gaz)
    from .spacy_engine import combine

    return combine(engine, copy(rule_cands), copy(spacy_cands), in_range, text, gaz)
