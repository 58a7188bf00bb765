"""Anchoring notes to passages, and keeping them anchored when an article's text changes.

A note's anchor is a W3C-style pair of selectors (see ``model.Note``): a position
(``start``/``end``) and a quote with ``CONTEXT_CHARS`` of prefix/suffix context, plus the hash
of the text they were taken from.

Re-anchoring (``reanchor``) tries, in order, and stops at the first that is sure enough:

1. **exact**: the same position still holds the quote and is the occurrence chosen by 2.;
2. **moved**: the exact quote elsewhere, where its prefix/suffix context fits best. A quote
   that occurs several times only moves where the context clearly picks one occurrence: a
   short quote ("Robin") never jumps to another "Robin" whose surroundings differ. When
   several copies fit equally well (a repeated paragraph), the old text, if the caller has
   it, decides by comparing wider context; otherwise, or if that does not settle it, the note
   is orphaned. (Taking the copy closest to the old position was tried: on repetitive text
   the mutation benchmark showed it attaches notes to the wrong copy.)
3. **approximate**: a fuzzy match of prefix + quote + suffix, near the old position first,
   then anywhere; the quote's new boundaries come from aligning the old context with the new
   text, and both the quote and its context must score above a threshold;
4. **orphaned**: otherwise. The note keeps its old selectors and hash (the text they were
   valid for) so that a later version of the text (an edit undone) can re-attach it.

Precision comes before recall: when two places fit about as well, the note is orphaned.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .errors import QuoteNotFound
from .model import BLOCK_SEPARATOR, CONTEXT_CHARS, Note, iter_occurrences, quote_selector, text_hash

# A unique exact occurrence of a quote this long is taken without looking at its context.
LONG_QUOTE = 32
# Two exact occurrences whose context scores are closer than this are ambiguous.
AMBIGUITY_MARGIN = 0.15
# Fuzzy matching: minimum similarity of the quote itself, and of the whole prefix+quote+suffix.
FUZZY_QUOTE_MIN = 0.75
FUZZY_NEEDLE_MIN = 70.0
# How far around the old position the first fuzzy search looks (characters).
NEAR_WINDOW = 512
# A context this long (or longer) can count fully; a shorter one counts in proportion.
EVIDENCE_CHARS = 16
# Widths of the wider context compared (with the old text) to settle ties between copies.
WIDER_CONTEXT = (128, 512, 2048, 8192)
# More copies than this still level after comparing wider context: too repetitive, orphan.
MAX_TIED = 32
# At most this many exact occurrences are scored (the closest to the old position).
MAX_CANDIDATES = 2000


def locate_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """``(start, end)`` of the ``occurrence``-th (1-based) occurrence of ``quote`` in ``text``.

    Matching is whitespace-insensitive: a run of whitespace in the quote matches any run of
    whitespace in the text (a space typed on the command line matches a line break in the
    article), and whitespace around the quote is ignored. Case and every other character must
    match. Occurrences are counted in text order and may overlap. The returned span is the
    text's own passage, so ``text[start:end]`` may differ from ``quote`` in whitespace only.
    """
    words = quote.split()
    if not words:
        raise QuoteNotFound("the quote is empty")
    if occurrence < 1:
        raise QuoteNotFound(f"occurrence must be 1 or more, not {occurrence}")
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = 0
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        found += 1
        if found == occurrence:
            return match.start(), match.end()
        pos = match.start() + 1
    shown = _shorten(" ".join(words))
    if found == 0:
        raise QuoteNotFound(f"{shown!r} does not occur in the article")
    times = "once" if found == 1 else f"{found} times"
    raise QuoteNotFound(f"{shown!r} occurs only {times} in the article, not {occurrence} times")


def make_anchor(text: str, start: int, end: int) -> dict[str, Any]:
    """The anchor fields of a note on ``text[start:end]``: start, end, quote, prefix, suffix,
    text_hash. Raises ``ValueError`` for an empty or out-of-range span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} is not a passage of a text of {len(text)} chars")
    prefix, quote, suffix = quote_selector(text, start, end)
    return {
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        "text_hash": text_hash(text),
    }


def reattach(
    note: Note, text: str, quote: str, occurrence: int = 1, *, updated: str | None = None
) -> Note:
    """``note`` anchored on the ``occurrence``-th match of ``quote`` in ``text`` (see
    ``locate_quote``), anchor ``exact``. Raises ``QuoteNotFound``."""
    start, end = locate_quote(text, quote, occurrence)
    return anchored_at(note, text, start, end, updated=updated)


def anchored_at(note: Note, text: str, start: int, end: int, *, updated: str | None = None) -> Note:
    """``note`` anchored on ``text[start:end]`` (a passage the user chose), anchor ``exact``.
    Raises ``ValueError`` for an empty or out-of-range span."""
    changes: dict[str, Any] = {**make_anchor(text, start, end), "anchor": "exact"}
    if updated is not None:
        changes["updated"] = updated
    return dataclasses.replace(note, **changes)


def reanchor(
    note: Note, new_text: str, new_hash: str | None = None, *, old_text: str | None = None
) -> Note:
    """``note`` anchored on ``new_text`` (see the module docstring for the strategy).

    ``old_text``, the text the note was anchored on (the one whose hash is
    ``note.text_hash``), is optional: when given, it settles ties between identical passages
    by comparing wider context (up to a few thousand characters each side); without it, such
    a tie orphans the note. Re-anchoring on the text the note was anchored on returns the
    note unchanged, and so does re-anchoring an orphan that still cannot be placed.
    """
    new_hash = new_hash if new_hash is not None else text_hash(new_text)
    holds = new_text[note.start : note.end] == note.quote and note.end > note.start
    if note.text_hash == new_hash and holds:
        if note.anchor == "orphaned":  # the text is back to the one the note was made on
            return _anchored(note, new_text, note.start, note.end, "exact", new_hash)
        return note
    if not note.quote:
        return _orphan(note)
    if old_text is not None and old_text[note.start : note.end] != note.quote:
        old_text = None  # not the text this note was anchored on
    found = _find_exact(note, new_text, old_text)
    if found is _AMBIGUOUS:
        return _orphan(note)
    if isinstance(found, int):
        state = "exact" if found == note.start else "moved"
        return _anchored(note, new_text, found, found + len(note.quote), state, new_hash)
    span = _find_fuzzy(note, new_text)
    if span is None:
        return _orphan(note)
    start, end = span
    state = "moved" if new_text[start:end] == note.quote else "approximate"
    return _anchored(note, new_text, start, end, state, new_hash)


def reanchor_all(
    notes: Iterable[Note], new_text: str, *, old_text: str | None = None
) -> list[Note]:
    """``reanchor`` for every note of one article, hashing the new text once."""
    new_hash = text_hash(new_text)
    return [reanchor(note, new_text, new_hash, old_text=old_text) for note in notes]


# --- scoring -------------------------------------------------------------------------------

_AMBIGUOUS = object()


def context_score(note: Note, text: str, start: int, end: int) -> float:
    """How well the text around ``text[start:end]`` matches the note's prefix and suffix (0-1).

    Each side scores half the normalised Indel similarity of the old context with as many
    characters of the new text next to the span, and half the share of the old context that
    still touches the span unchanged (so that a position shifted by a few characters, whose
    context is nearly the same string, scores low). A side with no old context (the quote was
    at the very start or end of its text) must still be at the start or end to score; a note
    without a text hash (imported from elsewhere) has no such side. Unrelated English contexts
    score about 0.2; an edit right next to the quote on one side leaves about 0.8.
    """
    return _combine(_context_sides(note, text, start, end))


def _combine(sides: list[float]) -> float:
    if not sides:
        return 1.0
    # the better side counts double: one side intact is strong evidence on its own
    return (max(sides) + sum(sides) / len(sides)) / 2


def _context_sides(note: Note, text: str, start: int, end: int) -> list[float]:
    """The prefix and suffix scores (0-1) of ``context_score``, for the sides that exist.

    Context is only compared up to the nearest block separator (kept in the comparison), so a
    note on a short heading or paragraph that moved is judged by its own block's edges, not
    by the paragraphs that used to be around it. A short context is weak evidence: a side
    scores at most ``len(context) / EVIDENCE_CHARS`` (being at a block start, "\n\n", says
    little about which "The" a note was on).
    """
    sides: list[float] = []
    prefix, suffix = _own_block(note.prefix, before=True), _own_block(note.suffix, before=False)
    if prefix:
        near = text[max(0, start - len(prefix)) : start]
        sides.append(_side_score(prefix, near, _common_suffix(prefix, near)))
    elif note.text_hash:  # no prefix on a known text: the quote was at its very start
        sides.append(1.0 if start == 0 else 0.0)
    if suffix:
        near = text[end : end + len(suffix)]
        sides.append(_side_score(suffix, near, _common_prefix(suffix, near)))
    elif note.text_hash:  # ... or at its very end
        sides.append(1.0 if end == len(text) else 0.0)
    return sides


def _side_score(old: str, new: str, touching: int) -> float:
    quality = 0.5 * fuzz.ratio(old, new) / 100.0 + 0.5 * touching / len(old)
    return quality * min(1.0, len(old) / EVIDENCE_CHARS)


def _own_block(context: str, *, before: bool) -> str:
    """``context`` cut at the block separator nearest the quote (the separator kept)."""
    if before:
        cut = context.rfind(BLOCK_SEPARATOR)
        return context if cut == -1 else context[cut:]
    cut = context.find(BLOCK_SEPARATOR)
    return context if cut == -1 else context[: cut + len(BLOCK_SEPARATOR)]


def same_word_edges(note: Note, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts and ends mid-word exactly where the quote did.

    A quote taken on word boundaries ("in") never moves inside a word ("ongoing").
    """
    before_old = bool(note.prefix) and note.prefix[-1].isalnum()
    after_old = bool(note.suffix) and note.suffix[0].isalnum()
    before_new = start > 0 and text[start - 1].isalnum()
    after_new = end < len(text) and text[end].isalnum()
    return before_old == before_new and after_old == after_new


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _required_context(quote: str) -> float:
    """The context score an exact occurrence needs: more for short, common-looking quotes."""
    size = len(quote.strip())
    if size < 8:
        return 0.7
    if size < 20:
        return 0.6
    return 0.5


def _find_exact(note: Note, text: str, old_text: str | None) -> int | object | None:
    """The start of the exact occurrence to move to, ``_AMBIGUOUS``, or None (no good one)."""
    quote = note.quote
    size = len(quote)
    starts = [s for s in iter_occurrences(text, quote) if same_word_edges(note, text, s, s + size)]
    if not starts:
        return None
    if len(starts) == 1 and size >= LONG_QUOTE:
        return starts[0]
    if len(starts) > MAX_CANDIDATES:
        starts = sorted(starts, key=lambda s: abs(s - note.start))[:MAX_CANDIDATES]
    scored = []
    for s in starts:
        sides = _context_sides(note, text, s, s + size)
        scored.append((_combine(sides), -abs(s - note.start), s, sides))
    scored.sort(key=lambda item: item[:3], reverse=True)
    best_score, _, best, best_sides = scored[0]
    if best_score < _required_context(quote):
        return None
    tied = [
        start
        for score, _, start, sides in scored[1:]
        if best_score - score < AMBIGUITY_MARGIN and not _dominates(best_sides, sides)
    ]
    if not tied:
        return best
    if old_text is not None:
        resolved = _widest_context_winner(note, old_text, text, [best, *tied])
        if resolved is not None:
            return resolved
    return _AMBIGUOUS


def _dominates(best: list[float], other: list[float]) -> bool:
    """At least as good on every side, and clearly better on one."""
    pairs = list(zip(best, other, strict=True))
    return all(b >= o for b, o in pairs) and any(b - o >= AMBIGUITY_MARGIN for b, o in pairs)


def _widest_context_winner(note: Note, old_text: str, text: str, starts: list[int]) -> int | None:
    """The one start whose wider surroundings match the old text clearly best, or None.

    Candidates that fall clearly behind at one width are dropped before the next; more than
    ``MAX_TIED`` copies still level is a text too repetitive to tell apart (None).
    """
    size = len(note.quote)
    for width in WIDER_CONTEXT:
        if len(starts) > MAX_TIED:
            return None
        old_before = old_text[max(0, note.start - width) : note.start]
        old_after = old_text[note.end : note.end + width]
        distances = sorted(
            (
                Indel.distance(old_before, text[max(0, s - width) : s])
                + Indel.distance(old_after, text[s + size : s + size + width]),
                s,
            )
            for s in starts
        )
        best = distances[0][0]
        starts = [s for d, s in distances if d < best + max(4, best)]
        if len(starts) == 1:
            return starts[0]
        if width >= len(old_text) and width >= len(text):
            break
    return None


def _find_fuzzy(note: Note, text: str) -> tuple[int, int] | None:
    """A fuzzy placement of the note: near its old position first, then anywhere."""
    needle = note.prefix + note.quote + note.suffix
    lo = max(0, note.start - NEAR_WINDOW - len(needle))
    hi = min(len(text), note.end + NEAR_WINDOW + len(needle))
    for a, b in ((lo, hi), (0, len(text))):
        if b - a < 1:
            continue
        span = _fuzzy_in(note, needle, text, a, b)
        if span is not None:
            return span
        if (a, b) == (0, len(text)):
            break
    return None


def _fuzzy_in(note: Note, needle: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    region = text[lo:hi]
    if len(region) < len(needle):  # the whole text is shorter than the needle: align it all
        if fuzz.ratio(needle, region) < FUZZY_NEEDLE_MIN:
            return None
        a, b = lo, hi
    else:
        match = fuzz.partial_ratio_alignment(needle, region, score_cutoff=FUZZY_NEEDLE_MIN)
        if match is None:
            return None
        a, b = lo + match.dest_start, lo + match.dest_end
    # widen, since insertions may have made the passage longer than the needle
    slack = CONTEXT_CHARS // 2 + len(needle) // 5
    a, b = max(0, a - slack), min(len(text), b + slack)
    start, end = _map_span(needle, text[a:b], len(note.prefix), len(note.prefix) + len(note.quote))
    start, end = a + start, a + end
    start, end = _trim_like(note.quote, text, start, end)
    if end <= start:
        return None
    new_quote = text[start:end]
    if fuzz.ratio(note.quote, new_quote) / 100.0 < FUZZY_QUOTE_MIN:
        return None
    if not same_word_edges(note, text, start, end):
        return None
    if context_score(note, text, start, end) < max(0.6, _required_context(note.quote)):
        return None
    return start, end


def _map_span(old: str, new: str, start: int, end: int) -> tuple[int, int]:
    """Where ``old[start:end]`` lands in ``new`` under a minimal Levenshtein alignment.

    Text inserted exactly at a boundary is left outside the span.
    """
    new_start = new_end = None
    for op in Levenshtein.opcodes(old, new):
        if new_start is None and (op.src_start <= start < op.src_end or op.src_start > start):
            new_start = _map_point(op, start)
        if new_end is None and (op.src_start < end <= op.src_end or op.src_start >= end):
            new_end = _map_point(op, end)
    return (
        new_start if new_start is not None else len(new),
        new_end if new_end is not None else len(new),
    )


def _map_point(op: Any, i: int) -> int:
    if op.tag == "equal":
        return op.dest_start + (i - op.src_start)
    if op.tag == "replace":
        return op.dest_start + min(i - op.src_start, op.dest_end - op.dest_start)
    if op.tag == "delete":
        return op.dest_start
    return op.dest_end  # insert before i: the inserted text stays outside the span start


def _trim_like(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace at the edges of the new span unless the old quote had some there."""
    start, end = max(0, start), min(len(text), end)
    if quote[:1] and not quote[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if quote[-1:] and not quote[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _anchored(note: Note, text: str, start: int, end: int, state: str, new_hash: str) -> Note:
    prefix, quote, suffix = quote_selector(text, start, end)
    return dataclasses.replace(
        note,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        text_hash=new_hash,
        anchor=state,  # type: ignore[arg-type]
    )


def _orphan(note: Note) -> Note:
    return note if note.anchor == "orphaned" else dataclasses.replace(note, anchor="orphaned")


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
