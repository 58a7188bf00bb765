"""The library: every article with its source, tags, note count and when it was last read.

An :class:`ArticleTable` (drawn line by line: filtering 10,000 rows is instant) under a filter
``Input``. Typing any
printable key that is not a binding while the table has focus starts the filter; ``enter``
opens the article under the cursor; ``d`` removes it after asking.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import Worker

from apostil.store.errors import ApostilError
from apostil.store.library import Library
from apostil.store.model import Article

from ..safe_text import printable, shorten
from ..widgets.article_table import ArticleTable, Column, TableRow
from ..workers import LIBRARY_GROUP, error_message, report_worker_state
from .confirm import ConfirmDialog
from .tags_dialog import TagsDialog

if TYPE_CHECKING:
    from ..app import ApostilApp

FILTER_DELAY = 0.12  # seconds of quiet typing before the table is filtered
TITLE_LIMIT = 200
COLUMNS = (
    Column("title", "Title", None, min_width=16),
    Column("source", "Source", 22),
    Column("tags", "Tags", 18),
    Column("notes", "Notes", 5, justify="right"),
    Column("last_read", "Last read", 10, dim=True),
)


@dataclass(frozen=True)
class _Row:
    article: Article
    notes: int
    haystack: str  # title, source and tags, case-folded, for the filter
    row: TableRow


def source_label(article: Article) -> str:
    """Where an article came from, in a few words: its site, else its file name."""
    if article.source:
        return article.source
    if article.source_path:
        return Path(article.source_path).name
    return "stdin"


class LibraryScreen(Screen[None]):
    """Every article; open one to read it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open"),
        Binding("slash", "focus_filter", "Filter", id="library.filter"),
        Binding("d,delete", "remove", "Remove", id="library.remove"),
        Binding("t", "tags", "Tags", show=False, id="library.tags"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear_filter"),
        Binding("f5,ctrl+r", "reload", "Reload", show=False, id="library.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._shown: tuple[list[Article], dict[str, int]] | None = None
        self._filter_timer: Timer | None = None
        self._loaded = False

    @property
    def _app(self) -> ApostilApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Input(
                placeholder="Filter by title, source or tag  ( / )",
                id="filter",
                select_on_focus=False,
            )
            yield ArticleTable(COLUMNS, id="articles")
            yield Static("", id="library-empty", markup=False)
            yield Static("", id="library-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Library"
        self.query_one("#articles", ArticleTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the articles again (in a worker) and show them."""
        self._load()

    def action_reload(self) -> None:
        self.reload()

    @work(group="library-load", exclusive=True, exit_on_error=False)
    async def _load(self) -> None:
        app = self._app
        try:
            articles, counts = await app.runner.call(_articles_and_note_counts, app.library)
        except ApostilError as error:
            self.query_one("#library-empty", Static).update(
                Content(f"The library cannot be read: {error_message(error)}")
            )
            self.add_class("-empty")
            raise
        if self._shown == (articles, counts):
            return  # e.g. back from help or a dialog: nothing to rebuild (slow at 10,000 rows)
        self.set_rows(articles, counts)

    def set_rows(self, articles: list[Article], counts: Counter[str] | dict[str, int]) -> None:
        """Show ``articles`` (the table keeps its cursor on the same article if it can)."""
        self._shown = (list(articles), dict(counts))
        self._rows = [
            _Row(
                article,
                counts.get(article.id, 0),
                " ".join((article.title, source_label(article), *article.tags)).casefold(),
                _table_row(article, counts.get(article.id, 0)),
            )
            for article in articles
        ]
        self._loaded = True
        self._apply_filter()

    def _apply_filter(self) -> None:
        table = self.query_one("#articles", ArticleTable)
        needle = self.query_one("#filter", Input).value.strip().casefold()
        words = needle.split()
        rows = [r for r in self._rows if all(w in r.haystack for w in words)]
        table.set_rows([r.row for r in rows], keep_key=table.cursor_key)
        self._show_status(len(rows), needle)

    def _show_status(self, shown: int, needle: str) -> None:
        total = len(self._rows)
        empty = self.query_one("#library-empty", Static)
        status = self.query_one("#library-status", Static)
        if not total and self._loaded:
            empty.update(
                "Your library is empty.\n\nOpen an article from the shell with "
                "'apostil PATH' (a .txt, .md or .html file, or a folder of them); "
                "'apostil import PATH' adds without opening."
            )
        elif not shown:
            empty.update("No article matches the filter. Press escape to clear it.")
        self.set_class(not shown, "-empty")
        what = "article" if total == 1 else "articles"
        status.update(f"{shown} of {total} {what}" if needle else f"{total} {what}")

    # ------------------------------------------------------------------ filter

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self._apply_filter)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        self._apply_filter()
        table = self.query_one("#articles", ArticleTable)
        table.focus()
        if table.cursor_key:  # type to filter, enter opens the highlighted match
            self._app.open_article(table.cursor_key)

    def on_key(self, event: events.Key) -> None:
        """Type to filter: a printable key pressed in the table goes to the filter."""
        table = self.query_one("#articles", ArticleTable)
        filter_input = self.query_one("#filter", Input)
        if self.focused is filter_input and event.key == "down":
            event.stop()
            table.focus()
            return
        if self.focused is not table or not event.is_printable or not event.character:
            return
        if event.key in self.app.active_bindings or event.character == " ":
            return
        event.stop()
        event.prevent_default()
        filter_input.focus()
        filter_input.insert_text_at_cursor(event.character)

    def action_focus_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.focus()
        filter_input.select_all()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
            self._apply_filter()
        self.query_one("#articles", ArticleTable).focus()

    # ------------------------------------------------------------------ actions

    @property
    def current_article_id(self) -> str | None:
        """The id of the article under the table cursor."""
        return self.query_one("#articles", ArticleTable).cursor_key

    def _current_row(self) -> _Row | None:
        article_id = self.current_article_id
        return next((r for r in self._rows if r.article.id == article_id), None)

    @on(ArticleTable.Selected)
    def _row_selected(self, event: ArticleTable.Selected) -> None:
        event.stop()
        self._app.open_article(event.key)

    def action_open(self) -> None:
        article_id = self.current_article_id
        if article_id:
            self._app.open_article(article_id)

    def action_remove(self) -> None:
        row = self._current_row()
        if row is None:
            return
        notes = f" and its {row.notes} notes" if row.notes else ""
        message = f"Remove “{shorten(printable(row.article.title), 80)}”{notes} from the library?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(row.article.id)

        self.app.push_screen(
            ConfirmDialog(message, title="Remove article", yes_label="Remove", no_label="Keep"),
            answered,
        )

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _remove(self, article_id: str) -> None:
        app = self._app
        _article, notes = await app.runner.call(app.library.remove_article, article_id)
        self._rows = [r for r in self._rows if r.article.id != article_id]
        self._apply_filter()
        self.notify(f"Removed the article and {len(notes)} notes")

    def action_tags(self) -> None:
        row = self._current_row()
        if row is None:
            return
        self._edit_tags(row.article)

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _edit_tags(self, article: Article) -> None:
        app = self._app
        known = await app.runner.call(app.library.tags)
        tags = await app.push_screen_wait(
            TagsDialog(article.tags, known_tags=sorted(known), article_title=article.title)
        )
        if tags is None:
            return
        await app.runner.call(app.library.replace_article_tags, article.id, tags)
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_state(self, event)


def _articles_and_note_counts(library: Library) -> tuple[list[Article], dict[str, int]]:
    """Both in one trip to the library thread (no write can fall between them)."""
    return library.articles(), dict(library.note_counts())


def _table_row(article: Article, notes: int) -> TableRow:
    title = shorten(" ".join(article.title.split()), TITLE_LIMIT) or "Untitled"
    return TableRow(
        article.id,
        (
            title,
            shorten(source_label(article), 80),
            shorten(", ".join(article.tags), 80),
            str(notes) if notes else "",
            article.last_read[:10] if article.last_read else "—",
        ),
    )
