"""The apostil app: a library of articles and a reader with entities and notes.

``make_app(library, open_paths=..., config=...)`` builds the app from what it needs; the CLI
and the tests both use it. Nothing here touches the user's data until the app runs: the library
is handed in, and every call to it goes through one thread (:class:`LibraryRunner`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import Screen
from textual.worker import Worker

from apostil.store.config import Config
from apostil.store.errors import ApostilError
from apostil.store.importing import STDIN, ImportResult, Opening
from apostil.store.library import Library
from apostil.store.model import Article, Document

from .library_thread import LibraryRunner, files_to_open, start_opening
from .safe_text import printable, shorten
from .screens.opening import OpeningScreen
from .screens.reader import ReaderScreen
from .workers import LIBRARY_GROUP, error_message, report_worker_state

if TYPE_CHECKING:
    from textual.command import Provider

    from apostil.store.entities import EntityCache

MAX_IMPORT_ERRORS_SHOWN = 3


def _library_search() -> type[Provider]:
    """The palette's search of articles and notes (imported when the palette opens)."""
    from .commands import LibrarySearch

    return LibrarySearch


class ApostilApp(App[None]):
    """Read, annotate and export articles."""

    CSS_PATH = "app.tcss"
    TITLE = "apostil"
    COMMANDS: ClassVar = App.COMMANDS | {_library_search}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit (even while typing)",
            show=False,
            priority=True,
            id="app.quit_now",
        ),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        library: Library,
        *,
        open_paths: Sequence[str] = (),
        config: Config | None = None,
        runner: LibraryRunner | None = None,
        opening: Future[Opening] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config or Config()
        self.open_paths = tuple(open_paths)
        self._quit_confirmed = False
        self.runner = runner or LibraryRunner()
        self._entity_cache: EntityCache | None = None
        self._files = files_to_open(self.open_paths)
        self._opening = opening or start_opening(self.runner, library, self._files)

    # ------------------------------------------------------------------ start and stop

    def get_default_screen(self) -> Screen[Any]:
        if self._opening is not None:
            return OpeningScreen(self._files)
        from .screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        warnings = list(self.config.warnings)
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                warnings.append(f"unknown theme {self.config.theme!r}; using the default")
        if self.config.keymap:
            from .keymap import apply_keymap

            warnings += apply_keymap(self, self.config.keymap)
        for warning in warnings:
            self.notify(printable(warning), severity="warning", timeout=8, markup=False)
        if STDIN in self.open_paths:
            self.notify(
                "The reader cannot read an article from standard input: "
                "use 'apostil import -', then open it from the library",
                severity="warning",
                timeout=10,
            )
        if self._opening is not None:
            self._finish_opening(self._opening)

    async def action_quit(self) -> None:
        """Save the reading position (the library thread finishes it on the way out), quit.

        A note being written is never lost silently: with unsaved words in the editor,
        quitting asks first."""
        from .screens.annotation_editor import AnnotationEditor
        from .screens.confirm import ConfirmDialog

        editor = next((s for s in self.screen_stack if isinstance(s, AnnotationEditor)), None)
        if editor is not None and editor.changed and not self._quit_confirmed:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._quit_confirmed = True
                    self.call_later(self.action_quit)

            self.push_screen(
                ConfirmDialog(
                    "Quit and lose the note you are writing?",
                    title="Unsaved note",
                    yes_label="Quit",
                    no_label="Keep writing",
                ),
                answered,
            )
            return
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.remember_position()
        self.exit()

    def on_unmount(self) -> None:
        self.runner.close()

    # ------------------------------------------------------------------ opening articles

    @work(group=LIBRARY_GROUP, exit_on_error=False)
    async def _finish_opening(self, opening: Future[Opening]) -> None:
        """Open the article the paths on the command line hold (imported, when new or
        changed, on the library thread since before the app started); report bad files. With
        several articles or none, show the library, which then lists them."""
        try:
            result = await self.runner.wait(opening)
        except BaseException:
            self.show_library()
            raise
        self._report_import(result.results)
        if result.article is not None and result.document is not None:
            self.open_article(result.article.id, preloaded=(result.article, result.document))
        else:
            self.show_library()

    def show_library(self) -> None:
        """Back to the library, from the screen shown while the command line's paths open
        (which stays at the bottom of the stack: Textual keeps one screen there)."""
        if isinstance(self.screen, OpeningScreen):
            from .screens.library import LibraryScreen

            self.push_screen(LibraryScreen())

    def _report_import(self, results: Iterable[ImportResult]) -> None:
        results = list(results)
        failed = [r for r in results if r.error is not None]
        for result in failed[:MAX_IMPORT_ERRORS_SHOWN]:
            self.notify(
                shorten(printable(str(result.error)), 300),
                title="Not imported",
                severity="error",
                timeout=10,
                markup=False,
            )
        if len(failed) > MAX_IMPORT_ERRORS_SHOWN:
            more = len(failed) - MAX_IMPORT_ERRORS_SHOWN
            self.notify(f"…and {more} more files could not be read", severity="error")
        if not results:
            self.notify("No articles found there", severity="warning")
        added = sum(1 for r in results if r.outcome is not None and r.outcome.status != "unchanged")
        if added > 1:
            self.notify(f"Imported {added} articles")

    def open_article(
        self,
        article_id: str,
        *,
        select: tuple[int, int] | None = None,
        preloaded: tuple[Article, Document] | None = None,
    ) -> None:
        """Show the article in the reader (replacing a reader already open), optionally with
        a passage selected; ``preloaded`` is its record and text when already read."""
        while isinstance(self.screen, ReaderScreen):
            current = self.screen
            current.remember_position()
            if current.article_id == article_id and select is None:
                return
            self.pop_screen()
        self.push_screen(ReaderScreen(article_id, select=select, preloaded=preloaded))

    # ------------------------------------------------------------------ help, palette

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_sections(), title="apostil keys"))

    def help_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the app, grouped by the pane it works in."""
        from .screens.help import bindings_help
        from .screens.library import LibraryScreen
        from .widgets.article_view import ArticleView
        from .widgets.entity_sidebar import EntitySidebar
        from .widgets.notes_panel import NotesPanel

        app_rows = bindings_help(type(self), app=self)
        app_rows.append(("ctrl+p", "Command palette: every action, articles and notes"))
        app_rows.append(("tab / shift+tab", "Next / previous pane"))
        reader_rows = bindings_help(ReaderScreen, app=self)
        reader_rows += [
            ("/ … ⏎", "Search: text (any case), or re:PATTERN for a regular expression"),
            ("n / N", "Next / previous match, or mention of the chosen entity"),
            ("esc", "Close the search bar; clear highlights; back to the text; back"),
        ]
        library = [
            (
                "Library",
                [
                    *bindings_help(LibraryScreen, app=self),
                    ("letters", "Typed in the list, they go to the filter"),
                ],
            )
        ]
        reader = [
            ("Reader", reader_rows),
            ("Reading: cursor and selection", bindings_help(ArticleView, app=self)),
            (
                "Entities sidebar",
                [
                    ("⏎", "Mark every mention and go to the first"),
                    *bindings_help(EntitySidebar, app=self),
                ],
            ),
            ("Notes panel", [("⏎", "Go to the passage"), *bindings_help(NotesPanel, app=self)]),
            ("Contents", [("⏎", "Go to the heading")]),
        ]
        in_reader = any(isinstance(s, ReaderScreen) for s in self.screen_stack)
        panes = reader + library if in_reader else library + reader
        return [("Everywhere", app_rows), *panes]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        seen: set[tuple[int, str]] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.system or not binding.description or not active.enabled:
                continue
            if (id(active.node), binding.action) in seen or binding.action == "quit":
                continue
            seen.add((id(active.node), binding.action))
            shown_key = self.get_key_display(binding) if binding.key == key else key
            yield SystemCommand(
                binding.description,
                escape(f"key: {shown_key}"),
                partial(self.run_action, binding.action, active.node),
            )

    def entity_cache(self) -> EntityCache:
        """Entities by content hash: files under the library's cache folder (in memory for a
        library kept in memory)."""
        if self._entity_cache is None:
            from apostil.store.entities.library_entities import entity_cache_for

            self._entity_cache = entity_cache_for(self.library)
        return self._entity_cache

    # ------------------------------------------------------------------ exports

    def export_folder(self) -> Path:
        """Where exports go: ``export_dir`` from the config, else ``exports/`` in the library
        folder (a temporary folder for a library kept in memory)."""
        if self.config.export_dir:
            return Path(self.config.export_dir).expanduser()
        if self.library.folder is not None:
            return self.library.folder / "exports"
        return Path(tempfile.gettempdir()) / "apostil-exports"

    # ------------------------------------------------------------------ errors

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_state(self, event)

    def notify_error(self, error: ApostilError) -> None:
        """Show a one-line error (plain text, never markup)."""
        self.notify(error_message(error), severity="error", timeout=8, markup=False)


def make_app(
    library: Library,
    *,
    open_paths: Sequence[str] = (),
    config: Config | None = None,
    runner: LibraryRunner | None = None,
    opening: Future[Opening] | None = None,
) -> ApostilApp:
    """The app on ``library``; ``open_paths`` are imported (when new or changed) and opened.

    ``runner`` and ``opening``: the library thread and :func:`import_for_reading` of
    ``open_paths`` already started on it (the CLI starts them before importing Textual)."""
    return ApostilApp(library, open_paths=open_paths, config=config, runner=runner, opening=opening)
