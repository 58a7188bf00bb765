"""Optional engine: spaCy (extra ``apostil[spacy]``) with an installed English pipeline.

spaCy is imported only when this engine runs. The pipeline is loaded once per process.
``SpacyEngine(nlp)`` adapts any ``Language`` (tests use ``spacy.blank("en")`` with an
EntityRuler, so no model download is ever needed) to the rules engine's candidates.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util

from ..model import Entity
from .rules import CONTEXT, STRONG, Candidate

LABELS = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "EVENT": "misc",
    "WORK_OF_ART": "misc",
    "LAW": "misc",
    "PRODUCT": "misc",
    "LANGUAGE": "group",
    "MISC": "misc",
}
MAX_PIECE = 100_000  # characters handed to spaCy at once


@functools.cache
def _pipeline_name() -> str | None:
    """The best installed English pipeline's module name (trf > lg > md > sm), or None."""
    if importlib.util.find_spec("spacy") is None:
        return None
    found: dict[str, str] = {}
    for dist in importlib.metadata.distributions():
        name = (dist.metadata["Name"] or "").replace("-", "_").lower()
        if not name.startswith("en_core_web_"):
            continue
        top = (dist.read_text("top_level.txt") or name).split()
        module = top[0] if top else name
        for size in ("trf", "lg", "md", "sm"):
            if name.startswith(f"en_core_web_{size}"):
                found.setdefault(size, module)
    for size in ("trf", "lg", "md", "sm"):
        if size in found and importlib.util.find_spec(found[size]) is not None:
            return found[size]
    return None


def spacy_available() -> bool:
    """True when spaCy and a trained English pipeline are installed."""
    return _pipeline_name() is not None


def map_label(label: str) -> str | None:
    return LABELS.get(label)


class SpacyEngine:
    """Finds candidates with a spaCy ``Language`` object."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    @classmethod
    @functools.cache
    def default(cls) -> SpacyEngine:
        import spacy

        name = _pipeline_name()
        if name is None:
            raise RuntimeError("no spaCy English pipeline is installed")
        nlp = spacy.load(name, exclude=["lemmatizer"])
        keep = {"ner", "tok2vec", "transformer"}
        disable = [p for p in nlp.pipe_names if p not in keep]
        nlp.select_pipes(disable=disable)
        return cls(nlp)

    def candidates(self, text: str, start: int, end: int) -> list[Candidate]:
        """Candidates for ``text[start:end]`` (offsets into ``text``)."""
        out: list[Candidate] = []
        pieces = _pieces(text, start, end)
        docs = self.nlp.pipe(text[a:b] for a, b in pieces)
        for (a, _b), doc in zip(pieces, docs, strict=True):
            for ent in doc.ents:
                type_ = map_label(ent.label_)
                if type_ is None:
                    continue
                s, e = _trim(text, a + ent.start_char, a + ent.end_char)
                if e <= s:
                    continue
                out.append(Candidate(s, e, text[s:e], type_, CONTEXT, {"spacy"}, False, len(ent)))
        return out

    def find(self, text: str) -> list[Entity]:
        """spaCy alone: entities of ``text`` (used by the spaCy engine and the benchmarks)."""
        from .gazetteer import gazetteer

        cands = self.candidates(text, 0, len(text))
        return combine("spacy", [], cands, [], text, gazetteer())


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        stop = min(end, pos + MAX_PIECE)
        if stop < end:
            cut = text.rfind("\n", pos + MAX_PIECE // 2, stop)
            stop = cut + 1 if cut != -1 else stop
        out.append((pos, stop))
        pos = stop
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive, as the rules engine does."""
    surface = text[s:e]
    if surface.lower().startswith("the ") and e - s > 4:
        s += 4
    if text[s:e].endswith(("'s", "’s")):
        e -= 2
    while e > s and not text[e - 1].isalnum():
        e -= 1
    while s < e and not text[s].isalnum():
        s += 1
    return s, e


def combine(
    engine: str,
    rule_cands: list[Candidate],
    spacy_cands: list[Candidate],
    dates: list[tuple[int, int]],
    text: str,
    gaz,
) -> list[Entity]:
    """Entities from spaCy alone (``spacy``) or from spaCy and the rules (``auto``).

    ``auto``: the rules' strong evidence (lists, cue words, titles, dates) wins; spaCy's
    entities fill what the rules left untyped or only guessed.
    """
    from .resolve import group, resolve

    if engine == "spacy":
        spans = sorted(spacy_cands, key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[Candidate] = []
        for c in spans:
            if kept and c.start < kept[-1].end:
                continue
            kept.append(c)
        return group(kept, gaz)
    strong = [c for c in rule_cands if c.type is not None and c.score >= STRONG]
    taken = sorted((c.start, c.end) for c in strong) + sorted(dates)
    taken.sort()
    merged = list(strong)
    for c in spacy_cands:
        if c.type == "date":
            continue
        if not _overlaps(taken, c.start, c.end):
            merged.append(c)
    rest = [c for c in rule_cands if not (c.type is not None and c.score >= STRONG)]
    spacy_taken = sorted((c.start, c.end) for c in merged)
    merged.extend(c for c in rest if not _overlaps(spacy_taken, c.start, c.end))
    return group(resolve(merged, dates, text), gaz)


def _overlaps(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_left(sorted_spans, (start, start))
    for j in (i - 1, i):
        if 0 <= j < len(sorted_spans):
            a, b = sorted_spans[j]
            if a < end and start < b:
                return True
    return False
