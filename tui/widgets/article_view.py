"""ArticleView: the reader's text, drawn line by line (Textual's Line API) to stay fast.

The whole article is wrapped in one pass (``article_layout.wrap_text``: about 30 ms for 5 MB)
into the start offsets of its visual lines; only the lines on screen are turned into Strips,
and those are cached. Highlights (entities, notes, search matches, the marked entity, the
selection, the cursor) are spans of text offsets, looked up per line by bisection.

Article text is untrusted: Segments are built from plain strings (never markup) and every
control character is replaced before it is drawn (``article_layout.sanitize``).
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from apostil.store import textnav
from apostil.store.model import ENTITY_TYPES, Block, Document, Entity, Note

from .article_layout import char_cells, gutter_for, is_plain, sanitize, text_cells, wrap_text

MEASURE = 88  # the widest text column, in cells
MARGIN = 2  # the note marker column and a space, left of the text

_KIND_CLASS = {
    "title": "article-view--title",
    "heading": "article-view--heading",
    "quote": "article-view--quote",
    "code": "article-view--code",
}
# Later layers win where they overlap.
_LAYERS = ("entity", "note", "search", "mark", "selection", "cursor")


class _Spans:
    """Sorted ``(start, end, name)`` spans, found per line by bisection on their starts."""

    __slots__ = ("ends", "max_len", "names", "starts")

    def __init__(self, spans: Iterable[tuple[int, int, str]] = ()) -> None:
        items = sorted((s, e, n) for s, e, n in spans if e > s)
        self.starts = [s for s, _e, _n in items]
        self.ends = [e for _s, e, _n in items]
        self.names = [n for _s, _e, n in items]
        self.max_len = max((e - s for s, e, _n in items), default=0)

    def overlapping(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        lo = bisect.bisect_left(self.starts, start - self.max_len)
        hi = bisect.bisect_left(self.starts, end)
        for i in range(lo, hi):
            if self.ends[i] > start:
                yield self.starts[i], self.ends[i], self.names[i]


class ArticleView(ScrollView, can_focus=True):
    """A read-only, keyboard-driven view of one Document with a cursor and a selection."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--person",
        "article-view--organization",
        "article-view--place",
        "article-view--group",
        "article-view--date",
        "article-view--misc",
        "article-view--note",
        "article-view--note-marker",
        "article-view--selection",
        "article-view--cursor",
        "article-view--search",
        "article-view--mark",
        "article-view--title",
        "article-view--heading",
        "article-view--quote",
        "article-view--code",
        "article-view--gutter",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        /* One hue per type; a second cue (bold, italic) where 16 colours or NO_COLOR
           would merge them. */
        & > .article-view--person { color: $text-accent; text-style: underline; }
        & > .article-view--organization { color: $text-error; text-style: bold underline; }
        & > .article-view--place { color: $text-success; text-style: underline; }
        & > .article-view--group { color: $text-secondary; text-style: italic underline; }
        & > .article-view--date { color: $text-primary; text-style: underline; }
        & > .article-view--misc { color: $text-warning; text-style: italic underline; }
        & > .article-view--note { background: $warning 25%; text-style: bold; }
        & > .article-view--note-marker { color: $warning; text-style: bold; }
        /* Explicit colours under reverse: an entity's colour on a highlight's background
           could otherwise swap into two near-equal colours (unreadable in 16 colours). */
        & > .article-view--selection { color: $foreground; background: $surface;
                                       text-style: reverse; }
        & > .article-view--cursor { color: $foreground; background: $surface;
                                    text-style: reverse underline; }
        & > .article-view--search { background: $success 30%; text-style: bold italic underline; }
        & > .article-view--mark { color: $foreground; background: $surface;
                                  text-style: reverse bold underline; }
        & > .article-view--title { color: $accent; text-style: bold underline; }
        & > .article-view--heading { color: $accent; text-style: bold; }
        & > .article-view--quote { text-style: italic; }
        & > .article-view--code { text-style: dim; }
        & > .article-view--gutter { color: $primary; }
        &:focus > .article-view--cursor { text-style: reverse bold underline; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "line_up", "Up", show=False, id="reader.up"),
        Binding("h,left", "char_left", "Left", show=False, id="reader.left"),
        Binding("l,right", "char_right", "Right", show=False, id="reader.right"),
        Binding("w", "word_next", "Next word", show=False, id="reader.word_next"),
        Binding("b", "word_prev", "Previous word", show=False, id="reader.word_prev"),
        Binding(
            "right_parenthesis",
            "sentence_next",
            "Next sentence",
            show=False,
            id="reader.sentence_next",
        ),
        Binding(
            "left_parenthesis",
            "sentence_prev",
            "Previous sentence",
            show=False,
            id="reader.sentence_prev",
        ),
        Binding(
            "right_curly_bracket",
            "paragraph_next",
            "Next paragraph",
            show=False,
            id="reader.paragraph_next",
        ),
        Binding(
            "left_curly_bracket",
            "paragraph_prev",
            "Previous paragraph",
            show=False,
            id="reader.paragraph_prev",
        ),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("v", "toggle_selection", "Select", id="reader.select"),
        Binding("s", "select_sentence", "Sentence", id="reader.select_sentence"),
        Binding("shift+left", "select_left", "Select left", show=False, id="reader.select_left"),
        Binding(
            "shift+right", "select_right", "Select right", show=False, id="reader.select_right"
        ),
        Binding("shift+up", "select_up", "Select up", show=False, id="reader.select_up"),
        Binding("shift+down", "select_down", "Select down", show=False, id="reader.select_down"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="reader.clear"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """The cursor, an offset into the document's text."""

    @dataclass
    class CursorMoved(Message):
        """The cursor moved (several moves between two reads arrive as one)."""

        offset: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.CursorMoved)

    @dataclass
    class SelectionChanged(Message):
        """The selection changed: ``(start, end)`` with start < end, or None."""

        selection: tuple[int, int] | None

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._document: Document | None = None
        self._text = ""
        self._block_starts: list[int] = []
        self._lines: array = array("q", [0])
        self._layout_width = 0  # widget width the layout was made for; 0 = none yet
        self._measure = MEASURE
        self._max_measure = MEASURE  # the widest text column asked for (config ``measure``)
        self._left = MARGIN
        self._version = 0
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(512)
        self._anchor: int | None = None
        self._extending = False
        self._reported_selection: tuple[int, int] | None = None
        self._goal_column: int | None = None
        self._pending_scroll: str | None = None  # how to show the cursor once laid out
        self._dragging = False
        self._entities: Sequence[Entity] = ()
        self._hidden: set[str] = set()
        self._spans = {
            "entity": _Spans(),
            "note": _Spans(),
            "search": _Spans(),
            "mark": _Spans(),
        }

    # ------------------------------------------------------------------ public API

    @property
    def document(self) -> Document | None:
        """The document shown, if any."""
        return self._document

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected ``(start, end)``, start < end; None when nothing is selected."""
        if self._anchor is None or self._anchor == self.cursor:
            return None
        return min(self._anchor, self.cursor), max(self._anchor, self.cursor)

    def load(self, document: Document, *, cursor: int = 0) -> None:
        """Show ``document`` with the cursor at ``cursor``, its line at the top of the view.

        Everything about the previous document is forgotten: selection, entities, notes,
        search matches, marks (hidden entity types are kept).
        """
        self._document = document
        self._text = document.text
        self._block_starts = [b.start for b in document.blocks]
        self._anchor = None
        self._extending = False
        self._goal_column = None
        self._entities = ()
        for key in self._spans:
            self._spans[key] = _Spans()
        self._layout_width = 0
        self._bump()
        self.set_reactive(ArticleView.cursor, textnav.clamp(self._text, cursor))
        self._pending_scroll = "top"
        self._relayout()
        self._report_selection()
        self.post_message(self.CursorMoved(self.cursor))

    def clear_selection(self) -> None:
        """Drop the selection (the cursor stays)."""
        if self._anchor is None:
            return
        self._anchor = None
        self._extending = False
        self._bump()
        self._report_selection()

    def select_range(self, start: int, end: int) -> None:
        """Select ``text[start:end]``; the cursor goes to ``end``, scrolled into view."""
        start = textnav.clamp(self._text, start)
        end = textnav.clamp(self._text, end)
        self._anchor = start
        self._extending = False
        self._set_cursor(end)
        self._bump()
        self._report_selection()

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Colour every mention of ``entities`` by type (hidden types excepted)."""
        self._entities = tuple(entities)
        self._rebuild_entities()

    def set_hidden_types(self, types: set[str]) -> None:
        """Entity types not to colour."""
        self._hidden = set(types)
        self._rebuild_entities()

    def set_notes(self, notes: Sequence[Note]) -> None:
        """Highlight the passages of ``notes`` (orphaned ones have no passage)."""
        self._set_layer("note", ((n.start, n.end, "note") for n in notes if not n.orphaned))

    def set_search_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight search matches."""
        self._set_layer("search", ((s, e, "search") for s, e in spans))

    def set_marked(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight strongly the chosen entity's mentions."""
        self._set_layer("mark", ((s, e, "mark") for s, e in spans))

    def move_to(self, offset: int, *, center: bool = True) -> None:
        """Put the cursor at ``offset`` and scroll to it (centred on screen by default)."""
        if self._extending is False and self._anchor is not None:
            self.clear_selection()
        self._set_cursor(textnav.clamp(self._text, offset), center=center)

    def first_visible_offset(self) -> int:
        """The offset of the first character on screen (to save the reading position)."""
        if not self._layout_width:
            return self.cursor
        return self._lines[self._clamp_line(round(self.scroll_y))]

    # --------------------------------------------------------------- layout, cursor

    @property
    def line_count(self) -> int:
        """Visual lines in the current layout."""
        return len(self._lines)

    def _bump(self) -> None:
        self._version += 1
        self.refresh()

    def _set_layer(self, name: str, spans: Iterable[tuple[int, int, str]]) -> None:
        n = len(self._text)
        self._spans[name] = _Spans((max(0, s), min(e, n), k) for s, e, k in spans)
        self._bump()

    def _rebuild_entities(self) -> None:
        spans = (
            (s, e, ent.type)
            for ent in self._entities
            if ent.type in ENTITY_TYPES and ent.type not in self._hidden
            for s, e in ent.mentions
        )
        self._set_layer("entity", spans)

    def set_measure(self, columns: int) -> None:
        """Set the widest text column (the reading measure), in cells; re-wraps the text."""
        self._max_measure = max(20, columns)
        self._layout_width = 0
        self._relayout()
        self.refresh()

    def _relayout(self) -> None:
        """Wrap the text for the current width, keeping the top line (or the cursor) in view."""
        width = self.scrollable_content_region.width
        if self._document is None or width <= 0 or width == self._layout_width:
            return
        top = self.first_visible_offset() if self._layout_width else None
        self._measure = max(1, min(self._max_measure, width - MARGIN))
        self._left = max(0, (width - MARGIN - self._measure) // 2) + MARGIN
        self._lines = wrap_text(self._text, self._document.blocks, self._measure)
        self._layout_width = width
        self._cache.clear()
        self._version += 1
        self.virtual_size = Size(width, len(self._lines))
        if self._pending_scroll is not None:
            mode = self._pending_scroll
            self._pending_scroll = None
            self._scroll_to_cursor(mode)
        elif top is not None:
            self.scroll_to(y=self._line_of(top), animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _clamp_line(self, y: int) -> int:
        return max(0, min(y, len(self._lines) - 1))

    def _line_of(self, offset: int) -> int:
        return self._clamp_line(bisect.bisect_right(self._lines, offset) - 1)

    def _line_end(self, y: int) -> int:
        """One past the last offset the cursor may take on line ``y``."""
        return self._lines[y + 1] if y + 1 < len(self._lines) else len(self._text) + 1

    def _block_at(self, offset: int) -> Block | None:
        if self._document is None:
            return None
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0:
            return None
        block = self._document.blocks[i]
        return block if offset <= block.end else None

    def _column_of(self, offset: int) -> int:
        start = self._lines[self._line_of(offset)]
        return text_cells(self._text[start:offset])

    def _offset_at(self, y: int, column: int) -> int:
        """The offset on line ``y`` drawn at text column ``column`` (clamped to the line)."""
        y = self._clamp_line(y)
        start = self._lines[y]
        last = self._line_end(y) - 1
        piece = self._text[start:last]
        if is_plain(piece):
            return start + max(0, min(column, len(piece)))
        cells = 0
        for i, c in enumerate(piece):
            cells += char_cells(c)
            if cells > column:
                return start + i
        return last

    def _set_cursor(self, offset: int, *, center: bool = False, keep_goal: bool = False) -> None:
        if not keep_goal:
            self._goal_column = None
        self.cursor = offset
        if center:
            self._scroll_to_cursor("center")
        self._report_selection()

    def validate_cursor(self, offset: int) -> int:
        return textnav.clamp(self._text, offset)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()
        self._report_selection()
        self.post_message(self.CursorMoved(new))

    def _scroll_to_cursor(self, mode: str = "nearest") -> None:
        """Bring the cursor's line on screen: at the ``top``, in the ``center`` or the
        ``nearest`` edge (not scrolling at all when it is already visible)."""
        if not self._layout_width:
            if self._pending_scroll is None or mode != "nearest":
                self._pending_scroll = mode
            return
        y = self._line_of(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if mode == "center":
            target = y - height // 2
        elif mode == "top" or y < top:
            target = y
        elif y >= top + height:
            target = y - height + 1
        else:
            return
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def _report_selection(self) -> None:
        selection = self.selection
        if selection != self._reported_selection:
            self._reported_selection = selection
            self.refresh()
            self.post_message(self.SelectionChanged(selection))

    # ----------------------------------------------------------------------- actions

    def _motion(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Move the cursor; with ``extend`` (or while ``v`` is on) the selection follows."""
        if extend and self._anchor is None:
            self._anchor = self.cursor
        elif not extend and not self._extending and self._anchor is not None:
            self._anchor = None
        self._set_cursor(textnav.clamp(self._text, offset), keep_goal=keep_goal)

    def _vertical(self, lines: int, *, extend: bool = False) -> None:
        if not self._layout_width:
            return
        if self._goal_column is None:
            self._goal_column = self._column_of(self.cursor)
        goal = self._goal_column
        y = self._line_of(self.cursor) + lines
        offset = self._offset_at(y, goal)
        if y < 0:
            offset = 0
        elif y >= len(self._lines):
            offset = len(self._text)
        self._motion(offset, extend=extend, keep_goal=True)

    def action_line_down(self) -> None:
        self._vertical(1)

    def action_line_up(self) -> None:
        self._vertical(-1)

    def action_char_left(self) -> None:
        self._motion(self.cursor - 1)

    def action_char_right(self) -> None:
        self._motion(self.cursor + 1)

    def action_word_next(self) -> None:
        self._motion(textnav.next_word(self._text, self.cursor))

    def action_word_prev(self) -> None:
        self._motion(textnav.prev_word(self._text, self.cursor))

    def _blocks(self) -> Sequence[Block] | None:
        return self._document.blocks if self._document and self._document.blocks else None

    def action_sentence_next(self) -> None:
        self._motion(textnav.next_sentence(self._text, self.cursor, self._blocks()))

    def action_sentence_prev(self) -> None:
        self._motion(textnav.prev_sentence(self._text, self.cursor, self._blocks()))

    def action_paragraph_next(self) -> None:
        if self._document is not None:
            self._motion(textnav.next_paragraph(self._document, self.cursor))

    def action_paragraph_prev(self) -> None:
        if self._document is not None:
            self._motion(textnav.prev_paragraph(self._document, self.cursor))

    def action_top(self) -> None:
        self._motion(0)

    def action_bottom(self) -> None:
        self._motion(len(self._text))

    def _page(self, direction: int) -> None:
        if not self._layout_width:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(
            y=max(0, round(self.scroll_y) + direction * height), animate=False, immediate=True
        )
        self._vertical(direction * height)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_toggle_selection(self) -> None:
        if self._extending:
            self._extending = False
        else:
            self._anchor = self.cursor
            self._extending = True
        self._bump()
        self._report_selection()

    def action_select_sentence(self) -> None:
        start, end = textnav.sentence_span(self._text, self.cursor, self._blocks())
        if end > start:
            self.select_range(start, end)

    def action_select_left(self) -> None:
        self._motion(self.cursor - 1, extend=True)

    def action_select_right(self) -> None:
        self._motion(self.cursor + 1, extend=True)

    def action_select_up(self) -> None:
        self._vertical(-1, extend=True)

    def action_select_down(self) -> None:
        self._vertical(1, extend=True)

    def action_clear_selection(self) -> None:
        if self._anchor is None:
            raise SkipAction()
        self.clear_selection()

    # ------------------------------------------------------------------------- mouse

    def _offset_at_screen(self, x: int, y: int) -> int:
        line = self._clamp_line(round(self.scroll_y) + y)
        start = self._lines[line]
        gutter = len(gutter_for(self._block_at(start), self._is_continuation(start)))
        return self._offset_at(line, max(0, x - self._left - gutter))

    def _is_continuation(self, start: int) -> bool:
        return start > 0 and self._text[start - 1] != "\n"

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._document is None or not self._layout_width or event.button != 1:
            return
        self.focus()
        offset = self._offset_at_screen(event.x, event.y)
        self._anchor = None
        self._extending = False
        self._set_cursor(offset)
        self._anchor = offset
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._set_cursor(self._offset_at_screen(event.x, event.y))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            if self._anchor == self.cursor:
                self._anchor = None
            self._report_selection()

    # --------------------------------------------------------------------- rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.__dict__.pop("_component_styles_cache", None)
        if hasattr(self, "_cache"):
            self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._layout_width:
            # The first frame after load: wrap now (rather than on the resize that follows
            # it), so that the text is on that frame.
            self._relayout()
        if self._document is None or not self._layout_width:
            return Strip.blank(width, base)
        line = round(self.scroll_y) + y
        if line >= len(self._lines) or line < 0:
            return Strip.blank(width, base)
        start, end = self._lines[line], self._line_end(line)
        cursor = self.cursor if start <= self.cursor < end else -1
        selection = self.selection
        if selection is not None:
            selection = (max(selection[0], start), min(selection[1], end))
            if selection[0] >= selection[1]:
                selection = None
        key = (line, width, self._version, cursor, selection)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_text_line(line, start, end, cursor, selection, base)
            strip = strip.crop_extend(0, width, base)
            self._cache[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        """A component's own style, its translucent colours blended over the background."""
        cache: dict[str, Style] = self.__dict__.setdefault("_component_styles_cache", {})
        style = cache.get(name)
        if style is None:
            styles = self.get_component_styles(name)
            style = styles.partial_rich_style
            under = self.background_colors[1]
            if styles.has_rule("background") and 0 < styles.background.a < 1:
                style += Style(bgcolor=(under + styles.background).rich_color)
            if styles.has_rule("color") and 0 < styles.color.a < 1:
                style += Style(color=(under + styles.color).rich_color)
            cache[name] = style
        return style

    def _render_text_line(
        self,
        line: int,
        start: int,
        end: int,
        cursor: int,
        selection: tuple[int, int] | None,
        base: Style,
    ) -> Strip:
        text = self._text
        visible_end = min(end, len(text))
        if visible_end > start and text[visible_end - 1] == "\n":
            visible_end -= 1
        block = self._block_at(start)
        line_style = base
        if block is not None and block.kind in _KIND_CLASS:
            line_style = base + self._style(_KIND_CLASS[block.kind])

        spans: list[tuple[int, int, str, str]] = []  # start, end, layer, style name
        for layer in ("entity", "note", "search", "mark"):
            for s, e, name in self._spans[layer].overlapping(start, end):
                spans.append((max(s, start), min(e, end), layer, name))
        has_note = any(layer == "note" for _s, _e, layer, _n in spans)
        if selection is not None:
            spans.append((selection[0], selection[1], "selection", "selection"))
        if cursor >= 0:
            spans.append((cursor, cursor + 1, "cursor", "cursor"))
        spans.sort(key=lambda span: _LAYERS.index(span[2]))

        segments: list[Segment] = [Segment(" " * (self._left - MARGIN), base)]
        if has_note:
            segments.append(Segment("▎", base + self._style("article-view--note-marker")))
            segments.append(Segment(" ", base))
        else:
            segments.append(Segment("  ", base))
        gutter = gutter_for(block, self._is_continuation(start))
        if gutter:
            segments.append(Segment(gutter, line_style + self._style("article-view--gutter")))

        cuts = {start, visible_end}
        for s, e, _layer, _name in spans:
            if start <= s <= visible_end:
                cuts.add(s)
            if start <= e <= visible_end:
                cuts.add(e)
        points = sorted(cuts)
        for x0, x1 in itertools.pairwise(points):
            style = line_style
            for s, e, _layer, name in spans:
                if s <= x0 and x1 <= e:
                    style += self._style(f"article-view--{name}")
            segments.append(Segment(sanitize(text[x0:x1]), style))
        if cursor >= visible_end:  # the cursor after the last character (on the newline)
            segments.append(Segment(" ", line_style + self._style("article-view--cursor")))
        strip = Strip(segments)
        limit = self._left + self._measure
        if strip.cell_length > limit:
            strip = strip.crop(0, limit)
        return strip
