"""The reader: one article, its entities, its notes and its contents.

Layout: a header (title, then author, date and source as plain text), the ArticleView in the
centre and a sidebar on the right with three tabs (Entities | Notes | Contents). On a narrow
terminal the sidebar is closed; opened (``ctrl+b``), it takes the whole width. A search bar
appears at the bottom on ``/``.

The screen is the parent: the ArticleView, the sidebar widgets and the search bar post
messages up; the screen calls their methods down and talks to the library through the app's
one library thread (every write in a worker of the ``library`` group). Entities are found in a
cancellable thread worker that reports progress by message.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from apostil.store.errors import ApostilError
from apostil.store.library import Library
from apostil.store.model import Article, Document, Entity, Note
from apostil.store.textnav import sentence_span, trim_span
from apostil.store.textsearch import MAX_MATCHES, find_matches

from ..safe_text import printable, safe_content, shorten
from ..widgets.article_view import ArticleView
from ..workers import LIBRARY_GROUP, error_message, report_worker_state

if TYPE_CHECKING:
    from textual.widgets import Input, TabbedContent

    from ..app import ApostilApp
    from ..widgets.entity_sidebar import EntitySidebar
    from ..widgets.notes_panel import NotesPanel
    from ..widgets.toc import TableOfContents
    from .annotation_editor import AnnotationResult

NARROW_WIDTH = 90  # below this many columns the sidebar is closed (and full width when open)
SHORT_HEIGHT = 20  # below this many rows the header is one line

Span = tuple[int, int]


def byline(article: Article) -> str:
    """``author · date · source`` (what the article says about itself)."""
    parts = [article.author, article.date[:10] if article.date else "", article.source]
    return " · ".join(" ".join(p.split()) for p in parts if p and p.strip())


class ReaderScreen(Screen[None]):
    """Read one article; annotate passages; browse its entities and notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back"),
        Binding("a", "annotate", "Annotate", id="reader.annotate"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "hop(1)", "Next", id="reader.next", tooltip="Next match or mention"),
        Binding(
            "N",
            "hop(-1)",
            "Previous",
            show=False,
            id="reader.previous",
            tooltip="Previous match or mention",
        ),
        Binding("ctrl+b,E", "toggle_sidebar", "Sidebar", id="reader.sidebar"),
        Binding("e", "show_pane('entities')", "Entities", show=False, id="reader.entities"),
        Binding("o", "show_pane('notes')", "Notes", show=False, id="reader.notes"),
        Binding("c", "show_pane('contents')", "Contents", show=False, id="reader.contents"),
        Binding(
            "plus", "add_entity", "Add selection as entity", show=False, id="reader.add_entity"
        ),
        Binding("x", "export", "Export notes to Markdown", show=False, id="reader.export"),
        Binding("t", "tags", "Article tags", show=False, id="reader.tags"),
        Binding("u,ctrl+z", "undo", "Undo note delete", show=False, id="reader.undo"),
    ]

    sidebar_open: reactive[bool] = reactive(True, init=False)
    narrow: reactive[bool] = reactive(False, init=False)

    @dataclass
    class EntitiesProgress(Message):
        """Part of the article searched: ``fraction`` done, the entities found so far."""

        fraction: float
        content_hash: str
        partial: list[Entity]

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReaderScreen.EntitiesProgress)

    @dataclass
    class EntitiesFound(Message):
        content_hash: str
        entities: list[Entity]

    def __init__(
        self,
        article_id: str,
        *,
        select: Span | None = None,
        preloaded: tuple[Article, Document] | None = None,
    ) -> None:
        """``preloaded``: the article and its text, already read (shown on the first paint
        instead of after a trip to the library thread)."""
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.document: Document | None = None
        self._preloaded = preloaded
        self.sidebar_ready = False
        """Whether the sidebar's tabs are mounted (just after the text's first paint)."""
        self._waiting_for_sidebar: list[Callable[[], object]] = []
        self.notes: list[Note] = []
        self.entities: list[Entity] = []
        self._known_tags: list[str] = []
        self._select_on_load = select
        self._matches: list[Span] = []
        self._mentions: list[Span] = []
        self._nav = "search"
        self._deleted: list[Note] = []
        self._saved_position: int | None = None
        self._note_starts: list[int] = []
        self._notes_by_start: list[Note] = []

    @property
    def _app(self) -> ApostilApp:
        return self.app  # type: ignore[return-value]

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def entity_sidebar(self) -> EntitySidebar:
        return cast("EntitySidebar", self.query_one("#entity-sidebar"))

    @property
    def notes_panel(self) -> NotesPanel:
        return cast("NotesPanel", self.query_one("#notes-panel"))

    @property
    def sidebar_tabs(self) -> TabbedContent:
        return cast("TabbedContent", self.query_one("#sidebar-tabs"))

    @property
    def table_of_contents(self) -> TableOfContents:
        return cast("TableOfContents", self.query_one("#toc"))

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The layout classes go on before the children mount (set later, each restyles
        # every widget of the screen).
        self._fit(self.app.size.width, self.app.size.height, first=True)
        with Vertical(id="reader-header"):
            yield Static("Loading…", id="reader-title", markup=False)
            yield Static("", id="reader-byline", markup=False)
        with Horizontal(id="reader-body"):
            yield ArticleView(id="article")
            yield Vertical(id="sidebar")  # filled after the text's first paint
        yield Horizontal(id="search-bar")  # likewise
        yield Footer()

    def on_mount(self) -> None:
        self.view.set_measure(self._app.config.measure)
        self.view.focus()
        if self._preloaded is not None:
            self._show_article(*self._preloaded)
            self._preloaded = None
        self.call_after_refresh(self._load)

    async def _mount_sidebar_and_search(self) -> None:
        """The sidebar's tabs and the search bar, mounted once the text is on screen: their
        widgets take longer to import and style than the rest of the reader together."""
        from textual.widgets import Input, TabbedContent, TabPane

        from ..widgets.entity_sidebar import EntitySidebar
        from ..widgets.notes_panel import NotesPanel
        from ..widgets.toc import TableOfContents

        tabs = TabbedContent(id="sidebar-tabs", initial="entities")
        for pane in (
            TabPane("Entities", EntitySidebar(id="entity-sidebar"), id="entities"),
            TabPane("Notes", NotesPanel(id="notes-panel"), id="notes"),
            TabPane("Contents", TableOfContents(id="toc"), id="contents"),
        ):
            tabs.compose_add_child(pane)  # what `with tabs:` does in compose
        search = [
            Static("/", id="search-label", markup=False),
            Input(placeholder="search text, or re:regex — enter to find", id="search"),
        ]
        await self.query_one("#sidebar", Vertical).mount(tabs)
        await self.query_one("#search-bar", Horizontal).mount_all(search)
        self.sidebar_ready = True
        waiting, self._waiting_for_sidebar = self._waiting_for_sidebar, []
        for action in waiting:
            action()

    def _sidebar_missing(self, action: Callable[[], object]) -> bool:
        """True (and ``action`` kept for when it is there) while the sidebar and search bar
        are not mounted yet: a key pressed in the first milliseconds is not lost."""
        if self.sidebar_ready:
            return False
        self._waiting_for_sidebar.append(action)
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int, *, first: bool = False) -> None:
        narrow = width < NARROW_WIDTH
        classes = set(self.classes)
        if narrow != self.narrow or first:
            self.set_reactive(ReaderScreen.narrow, narrow)
            self.set_reactive(ReaderScreen.sidebar_open, not narrow)
            classes = _toggled(classes, "-narrow", narrow)
            classes = _sidebar_classes(classes, not narrow)
        classes = _toggled(classes, "-short", height < SHORT_HEIGHT)
        self._set_classes(classes)

    def _set_classes(self, classes: set[str]) -> None:
        """All at once: each change of the screen's classes restyles all its widgets."""
        if classes != set(self.classes):
            self.classes = frozenset(classes)

    def watch_sidebar_open(self) -> None:
        self._show_sidebar()

    def _show_sidebar(self) -> None:
        self._set_classes(_sidebar_classes(set(self.classes), self.sidebar_open))

    def action_toggle_sidebar(self) -> None:
        if self._sidebar_missing(self.action_toggle_sidebar):
            return
        self.sidebar_open = not self.sidebar_open
        if not self.sidebar_open:
            self.view.focus()
        elif self.narrow:
            self._focus_pane(self.sidebar_tabs.active)

    def action_show_pane(self, pane: str) -> None:
        if self._sidebar_missing(partial(self.action_show_pane, pane)):
            return
        self.sidebar_open = True
        self.sidebar_tabs.active = pane
        self._focus_pane(pane)

    def _focus_pane(self, pane: str) -> None:
        if pane == "entities":
            self.call_after_refresh(self.entity_sidebar.focus_tree)
        elif pane == "notes":
            self.call_after_refresh(self.notes_panel.focus_list)
        else:
            self.call_after_refresh(self.table_of_contents.focus)

    # ------------------------------------------------------------------ loading

    @work(group="reader-load", exclusive=True, exit_on_error=False)
    async def _load(self) -> None:
        app = self._app
        runner, library = app.runner, app.library
        if self.article is None or self.document is None:
            try:
                # The text first, in one trip to the library thread: the article shows
                # before its notes, tags and corrections arrive.
                article, document = await runner.call(_article_and_text, library, self.article_id)
            except ApostilError as error:
                app.notify_error(error)
                self.query_one("#reader-title", Static).update(
                    Content("This article cannot be shown")
                )
                self.query_one("#reader-byline", Static).update(
                    Content(shorten(printable(str(error)), 200))
                )
                return
            self._show_article(article, document)
        article, document, view = self.article, self.document, self.view
        assert article is not None and document is not None
        if not self.sidebar_ready:
            await self._mount_sidebar_and_search()
        try:
            notes, tags, corrections = await runner.call(
                _notes_tags_corrections, library, article.id
            )
        except ApostilError as error:
            app.notify_error(error)
            return
        self._known_tags = sorted(tags)
        self.table_of_contents.set_document(document)
        self._set_notes(notes)
        if self._select_on_load is not None:
            start, end = self._select_on_load
            view.move_to(start)
            view.select_range(start, end)
            self.action_show_pane("notes")
            self.view.focus()
            for note in notes:
                if (note.start, note.end) == (start, end):
                    self.notes_panel.select_note(note.id)
                    break
        self.entity_sidebar.set_progress(0.0)
        self._find_entities(document, corrections)

    def _show_article(self, article: Article, document: Document) -> None:
        self.article, self.document = article, document
        self._show_header()
        self.view.load(document, cursor=article.reading_position)
        self._saved_position = article.reading_position

    def _show_header(self) -> None:
        article = self.article
        if article is None:
            return
        title = " ".join(article.title.split()) or "Untitled"
        self.query_one("#reader-title", Static).update(safe_content(shorten(title, 300)))
        line = byline(article)
        if article.tags:
            tags = " ".join(f"#{t}" for t in article.tags)
            line = f"{line}   {tags}" if line else tags
        self.query_one("#reader-byline", Static).update(safe_content(shorten(line, 300)))
        self.query_one("#reader-header").set_class(not line, "-no-byline")
        self.sub_title = shorten(printable(title), 60)

    def _set_notes(self, notes: Sequence[Note]) -> None:
        self.notes = list(notes)
        self.view.set_notes(self.notes)
        anchored = sorted((n for n in self.notes if not n.orphaned), key=lambda n: n.start)
        self._notes_by_start = anchored
        self._note_starts = [n.start for n in anchored]
        if not self.sidebar_ready:
            return  # _load shows them there once it is mounted
        self.notes_panel.set_notes(self.notes)
        tabs = self.sidebar_tabs
        tabs.get_tab("notes").label = Content(f"Notes ({len(self.notes)})" if notes else "Notes")

    @work(group="notes-load", exit_on_error=False)
    async def _reload_notes(self, select: str | None = None) -> None:
        app = self._app
        notes = await app.runner.call(app.library.notes, self.article_id)
        self._set_notes(notes)
        if select and self.sidebar_ready:
            self.notes_panel.select_note(select)

    # ------------------------------------------------------------------ entities

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def _find_entities(self, document: Document, corrections: list[dict[str, Any]]) -> None:
        from apostil.store.entities import EntitiesCancelled, find_entities

        worker = get_current_worker()
        app = self._app

        def progress(partial: list[Entity], fraction: float) -> None:
            if not worker.is_cancelled:
                self.post_message(
                    self.EntitiesProgress(fraction, document.content_hash, list(partial))
                )

        try:
            entities = find_entities(
                document.text,
                engine=app.config.engine,
                corrections=corrections,
                cache=app.entity_cache(),
                content_hash=document.content_hash,
                should_cancel=lambda: worker.is_cancelled,
                on_progress=progress,
            )
        except EntitiesCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.EntitiesFound(document.content_hash, list(entities)))

    def on_reader_screen_entities_progress(self, message: EntitiesProgress) -> None:
        if self.document is None or message.content_hash != self.document.content_hash:
            return
        if message.fraction < 1.0:
            self.entity_sidebar.set_progress(message.fraction)
            self.view.set_entities(message.partial)

    def on_reader_screen_entities_found(self, message: EntitiesFound) -> None:
        if self.document is None or message.content_hash != self.document.content_hash:
            return
        self.entities = message.entities
        self.view.set_entities(message.entities)
        self.entity_sidebar.set_entities(message.entities)
        count = len(message.entities)
        tabs = self.sidebar_tabs
        tabs.get_tab("entities").label = Content(f"Entities ({count})" if count else "Entities")
        if self._nav == "mention" and self._mentions:
            self._mentions = [
                m for m in self._mentions if any(m in e.mentions for e in message.entities)
            ]
            self.view.set_marked(self._mentions)

    def on_entity_sidebar_chosen(self, event: EntitySidebar.Chosen) -> None:
        mentions = sorted(event.entity.mentions)
        if not mentions:
            return
        self._mentions = mentions
        self._nav = "mention"
        self.view.set_marked(mentions)
        self.view.move_to(mentions[0][0])
        self._back_to_text_if_narrow()
        count = len(mentions)
        self.notify(
            f"{shorten(printable(event.entity.text), 60)}: {count} mention"
            f"{'s' if count != 1 else ''} — n / N to go through them",
            timeout=4,
            markup=False,
        )

    def on_entity_sidebar_hidden_types_changed(
        self, event: EntitySidebar.HiddenTypesChanged
    ) -> None:
        self.view.set_hidden_types(set(event.types))

    def on_entity_sidebar_correction_requested(
        self, event: EntitySidebar.CorrectionRequested
    ) -> None:
        self._save_correction(event.record)

    def action_add_entity(self) -> None:
        selection = self.view.selection
        if self.document is None or selection is None:
            self.notify("Select the entity's name first (v or shift+arrows), then press +")
            return
        name = " ".join(self.document.text[selection[0] : selection[1]].split())
        if not name:
            return

        def chosen(kind: str | None) -> None:
            if kind:
                self._save_correction({"action": "add", "text": name, "type": kind})

        from .entity_type import EntityTypeDialog

        self.app.push_screen(EntityTypeDialog(name, title="Add entity"), chosen)

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _save_correction(self, record: dict[str, Any]) -> None:
        app = self._app
        await app.runner.call(app.library.add_correction, record)
        corrections = await app.runner.call(app.library.corrections)
        self.notify(f"Correction saved ({record['action']}); finding entities again", timeout=3)
        if self.document is not None:
            self.entity_sidebar.set_progress(0.0, "Applying the correction…")
            self._find_entities(self.document, corrections)

    # ------------------------------------------------------------------ search, n / N

    def action_search(self) -> None:
        if self._sidebar_missing(self.action_search):
            return
        self.add_class("-searching")
        search = cast("Input", self.query_one("#search"))
        search.focus()
        search.select_all()

    def _close_search(self) -> None:
        self.remove_class("-searching")
        self.view.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        query = event.value
        self._close_search()
        if query.strip() and self.document is not None:
            self._search(self.document.text, query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str, query: str) -> None:
        matches = find_matches(text, query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_matches, query, matches)

    def _show_matches(self, query: str, matches: list[Span]) -> None:
        self._matches = matches
        self._nav = "search"
        self.view.set_search_matches(matches)
        shown = shorten(printable(query), 60)
        if not matches:
            self.notify(f"No match for {shown}", severity="warning", timeout=4, markup=False)
            return
        start = self.view.cursor
        starts = [s for s, _ in matches]
        index = bisect.bisect_left(starts, start)
        if index >= len(matches):
            index = 0
        self._go_to(matches[index], select=True)
        more = "+" if len(matches) >= MAX_MATCHES else ""
        self.notify(
            f"{len(matches)}{more} {'match' if len(matches) == 1 else 'matches'} for {shown}"
            " — n / N next / previous",
            timeout=4,
            markup=False,
        )

    def _go_to(self, span: Span, *, select: bool) -> None:
        view = self.view
        view.move_to(span[0])
        if select:
            view.select_range(span[0], span[1])

    def action_hop(self, direction: int) -> None:
        spans = self._matches if self._nav == "search" else self._mentions
        if not spans:
            spans = self._mentions or self._matches
        if not spans:
            self.notify("Nothing to go to: search with / or choose an entity", timeout=3)
            return
        view = self.view
        here = view.selection[0] if view.selection else view.cursor
        starts = [s for s, _ in spans]
        if direction > 0:
            index = bisect.bisect_right(starts, here)
            if index >= len(spans):
                index = 0
                self.notify("Back to the first", timeout=2)
        else:
            index = bisect.bisect_left(starts, here) - 1
            if index < 0:
                index = len(spans) - 1
                self.notify("On to the last", timeout=2)
        self._go_to(spans[index], select=spans is self._matches)

    # ------------------------------------------------------------------ back and out

    def action_back(self) -> None:
        if self.has_class("-searching"):
            self._close_search()
            return
        if self.narrow and self.sidebar_open:
            self.sidebar_open = False
            self.view.focus()
            return
        focused = self.focused
        if focused is not None and focused is not self.view:
            self.view.focus()  # from a pane back to the text first
            return
        if self._matches or self._mentions:
            self._matches, self._mentions = [], []
            self.view.set_search_matches([])
            self.view.set_marked([])
            return
        self.remember_position()
        self.app.pop_screen()
        self._app.show_library()

    def remember_position(self) -> None:
        """Save the reading position (queued on the library thread; it completes even when
        the app is quitting)."""
        if self.document is None or not self.is_mounted:
            return
        position = self.view.cursor
        if position == self._saved_position:
            return
        self._saved_position = position
        self._app.runner.submit(self._app.library.set_reading_position, self.article_id, position)

    # ------------------------------------------------------------------ notes

    def action_annotate(self) -> None:
        document = self.document
        if document is None or self.article is None:
            return
        view = self.view
        span = view.selection
        if span is None:
            span = sentence_span(document.text, view.cursor, document.blocks)
        start, end = trim_span(document.text, *span)
        if end <= start:
            self.notify("Nothing to annotate here: select a passage first", severity="warning")
            return

        def saved(result: AnnotationResult | None) -> None:
            if result is not None:
                self._add_note(start, end, result)

        from .annotation_editor import AnnotationEditor

        self.app.push_screen(
            AnnotationEditor(document.text[start:end], known_tags=self._known_tags), saved
        )

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _add_note(self, start: int, end: int, result: AnnotationResult) -> None:
        app = self._app
        note = await app.runner.call(
            app.library.add_note,
            self.article_id,
            start,
            end,
            note=result.note,
            tags=result.tags,
        )
        self._remember_tags(result.tags)
        self.notify("Note saved", timeout=3)
        if self.is_mounted:
            self.view.clear_selection()
            self._reload_notes(select=note.id)

    def _remember_tags(self, tags: Sequence[str]) -> None:
        self._known_tags = sorted(set(self._known_tags) | set(tags))

    def on_notes_panel_jump(self, event: NotesPanel.Jump) -> None:
        note = event.note
        if note.orphaned:
            self.notify(
                "This note's passage is no longer in the article: select where it belongs "
                "and press r in the notes panel to re-attach it",
                severity="warning",
            )
            return
        self._go_to((note.start, note.end), select=True)
        self.view.focus()
        self._back_to_text_if_narrow()

    def on_notes_panel_edit(self, event: NotesPanel.Edit) -> None:
        note = event.note

        def saved(result: AnnotationResult | None) -> None:
            if result is not None:
                self._update_note(note.id, result)

        from .annotation_editor import AnnotationEditor

        self.app.push_screen(
            AnnotationEditor(
                note.quote,
                note=note.note,
                tags=note.tags,
                known_tags=self._known_tags,
                title="Edit note",
            ),
            saved,
        )

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _update_note(self, note_id: str, result: AnnotationResult) -> None:
        app = self._app
        await app.runner.call(app.library.update_note, note_id, note=result.note, tags=result.tags)
        self._remember_tags(result.tags)
        self.notify("Note updated", timeout=3)
        self._reload_notes(select=note_id)

    def on_notes_panel_delete(self, event: NotesPanel.Delete) -> None:
        self._delete_note(event.note.id)

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _delete_note(self, note_id: str) -> None:
        app = self._app
        deleted = await app.runner.call(app.library.delete_note, note_id)
        self._deleted.append(deleted)
        from ..keymap import keys_for

        self.notify(
            f"Note deleted — press {keys_for(self.app, 'reader.undo', 'u')} to undo", timeout=6
        )
        self._reload_notes()

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        self._restore_note(self._deleted.pop())

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _restore_note(self, note: Note) -> None:
        app = self._app
        try:
            await app.runner.call(app.library.save_note, note)
        except ApostilError:
            self._deleted.append(note)
            raise
        self.notify("Note restored", timeout=3)
        self._reload_notes(select=note.id)

    def on_notes_panel_reattach(self, event: NotesPanel.Reattach) -> None:
        from apostil.store.anchoring import anchored_at

        note = event.note
        selection = self.view.selection
        if self.document is None:
            return
        if selection is None:
            self.notify(
                "Select the passage this note belongs to (v or shift+arrows in the article), "
                "then press r here",
                severity="warning",
            )
            return
        start, end = trim_span(self.document.text, *selection)
        if end <= start:
            return
        self._save_reattached(anchored_at(note, self.document.text, start, end))

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _save_reattached(self, note: Note) -> None:
        app = self._app
        await app.runner.call(app.library.save_note, note)
        self.notify("Note re-attached to the selection", timeout=3)
        self.view.clear_selection()
        self._reload_notes(select=note.id)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        index = bisect.bisect_right(self._note_starts, event.offset) - 1
        if index >= 0 and self.sidebar_ready:
            note = self._notes_by_start[index]
            if note.start <= event.offset < note.end:
                self.notes_panel.select_note(note.id)

    # ------------------------------------------------------------------ contents

    def on_table_of_contents_jump(self, event: TableOfContents.Jump) -> None:
        self.view.move_to(event.offset, center=False)
        self.view.focus()
        self._back_to_text_if_narrow()

    def _back_to_text_if_narrow(self) -> None:
        """On a narrow terminal the open sidebar hides the text: close it to show the text."""
        if self.narrow and self.sidebar_open:
            self.sidebar_open = False
            self.view.focus()

    # ------------------------------------------------------------------ export, tags

    def action_export(self) -> None:
        if self.article is not None:
            self._export()

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _export(self) -> None:
        from apostil.store.export.service import export_article_markdown

        app = self._app
        folder = app.export_folder()
        path = await app.runner.call(export_article_markdown, app.library, self.article_id, folder)
        self.notify(f"Exported the notes to {printable(str(path))}", timeout=8, markup=False)

    def action_tags(self) -> None:
        if self.article is not None:
            self._edit_tags(self.article)

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _edit_tags(self, article: Article) -> None:
        app = self._app
        from .tags_dialog import TagsDialog

        tags = await app.push_screen_wait(
            TagsDialog(article.tags, known_tags=self._known_tags, article_title=article.title)
        )
        if tags is None:
            return
        self.article = await app.runner.call(app.library.replace_article_tags, article.id, tags)
        self._remember_tags(tags)
        self._show_header()
        self.notify("Tags saved", timeout=3)

    # ------------------------------------------------------------------ errors

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "entities" and event.state == WorkerState.ERROR:
            sidebar = self.entity_sidebar
            sidebar.set_progress(None)
            error = event.worker.error
            sidebar.set_status(f"No entities: {error_message(error) if error else 'error'}")
        report_worker_state(self, event)


def _toggled(classes: set[str], name: str, on: bool) -> set[str]:
    return classes | {name} if on else classes - {name}


def _sidebar_classes(classes: set[str], sidebar_open: bool) -> set[str]:
    return _toggled(
        _toggled(classes, "-sidebar-open", sidebar_open), "-sidebar-closed", not sidebar_open
    )


def _article_and_text(library: Library, article_id: str) -> tuple[Article, Document]:
    article = library.article(article_id)
    return article, library.document(article)


def _notes_tags_corrections(
    library: Library, article_id: str
) -> tuple[list[Note], Counter[str], list[dict[str, Any]]]:
    return library.notes(article_id), library.tags(), library.corrections()
