"""A fast, read-only table of rows for the library: drawn line by line (Line API).

Textual's DataTable measures every cell of every row it is given, which makes re-filtering
10,000 articles take a second or more. This table only stores the rows; it draws the lines on
screen, so replacing all the rows (a new filter) costs next to nothing at any size.

Cells are plain strings (never markup); control characters are replaced before drawing. The
header stays on the first line; the cursor row is highlighted; ``enter`` (or a double click)
posts :class:`ArticleTable.Selected`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..safe_text import printable

Justify = Literal["left", "right"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None  # None: takes the room left over (at least ``min_width``)
    justify: Justify = "left"
    min_width: int = 12
    dim: bool = False


@dataclass(frozen=True)
class TableRow:
    key: str
    cells: tuple[str, ...]


def fit(text: str, width: int, justify: Justify = "left") -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    text = printable(" ".join(text.split()))
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…"
        return set_cell_size(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if justify == "right" else text + pad


class ArticleTable(ScrollView, can_focus=True):
    """Rows under a fixed header; a row cursor; ``enter`` selects."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-table--header",
        "article-table--cursor",
        "article-table--odd",
        "article-table--dim",
    }

    DEFAULT_CSS = """
    ArticleTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .article-table--header { text-style: bold; background: $panel; color: $text; }
        & > .article-table--cursor { background: $block-cursor-blurred-background;
                                     color: $block-cursor-blurred-foreground; }
        & > .article-table--odd { background: $boost; }
        & > .article-table--dim { color: $text-muted; }
        &:focus > .article-table--cursor { background: $block-cursor-background;
                                          color: $block-cursor-foreground;
                                          text-style: $block-cursor-text-style; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False, id="table.up"),
        Binding("down", "cursor_down", "Down", show=False, id="table.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
        Binding("home", "first", "First", show=False, id="table.first"),
        Binding("end", "last", "Last", show=False, id="table.last"),
        Binding("enter", "select", "Open", id="table.select"),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)

    @dataclass
    class Selected(Message):
        """A row was chosen (enter or double click)."""

        key: str

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._rows: list[TableRow] = []
        self._widths: list[int] = [c.width or c.min_width for c in self.columns]
        self._fitted_for = -1

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[TableRow], *, keep_key: str | None = None) -> None:
        """Show ``rows`` (cheap at any size); the cursor goes to ``keep_key`` if shown."""
        self._rows = list(rows)
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        index = 0
        if keep_key is not None:
            index = next((i for i, r in enumerate(self._rows) if r.key == keep_key), 0)
        self.set_reactive(ArticleTable.cursor_row, min(index, max(0, len(self._rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()

    @property
    def cursor_key(self) -> str | None:
        if 0 <= self.cursor_row < len(self._rows):
            return self._rows[self.cursor_row].key
        return None

    def get_row(self, index: int) -> TableRow:
        return self._rows[index]

    # ------------------------------------------------------------------ layout

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        self._scroll_to_cursor()

    def _fit_widths(self, width: int) -> None:
        """Column widths for a table ``width`` cells wide (the flexible ones share the rest)."""
        if width == self._fitted_for:
            return
        self._fitted_for = width
        gaps = len(self.columns) + 1
        fixed = sum(c.width or 0 for c in self.columns)
        flexible = [i for i, c in enumerate(self.columns) if c.width is None]
        room = max(0, width - fixed - gaps)
        self._widths = [c.width or 0 for c in self.columns]
        for i in flexible:
            self._widths[i] = max(self.columns[i].min_width, room // max(1, len(flexible)))

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._fit_widths(width)
        if y == 0:
            style = self.get_component_rich_style("article-table--header")
            return self._strip([c.label for c in self.columns], style, width, header=True)
        index = round(self.scroll_y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[index]
        if index == self.cursor_row:
            style = self.rich_style + self.get_component_rich_style("article-table--cursor")
        elif index % 2:
            style = self.rich_style + self.get_component_rich_style("article-table--odd")
        else:
            style = self.rich_style
        return self._strip(list(row.cells), style, width, cursor=index == self.cursor_row)

    def _strip(
        self,
        cells: list[str],
        style: Style,
        width: int,
        *,
        header: bool = False,
        cursor: bool = False,
    ) -> Strip:
        dim = Style(color=self.get_component_rich_style("article-table--dim").color)
        segments = [Segment(" ", style)]
        for column, cell_width, text in zip(self.columns, self._widths, cells, strict=False):
            cell_style = style + dim if column.dim and not header and not cursor else style
            segments.append(Segment(fit(text, cell_width, column.justify), cell_style))
            segments.append(Segment(" ", style))
        strip = Strip(segments)
        return strip.adjust_cell_length(width, style)

    # ------------------------------------------------------------------ cursor

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor_row(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= self._page()

    def action_page_down(self) -> None:
        self.cursor_row += self._page()

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self._rows) - 1

    def action_select(self) -> None:
        if (key := self.cursor_key) is not None:
            self.post_message(self.Selected(key))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < len(self._rows):
            self.cursor_row = index
            if event.chain >= 2:
                self.action_select()
