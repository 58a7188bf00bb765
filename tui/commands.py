"""The command palette's library search: articles by title, notes by quote, note or tag.

Every action of the current screen is in the palette too (``ApostilApp.get_system_commands``
lists the active bindings with their keys); this provider adds the library. Titles and notes are
untrusted text: hits are built as plain ``Content`` with the matched part styled, never with
markup (Textual's ``Matcher.highlight`` parses markup, so it is not used).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from apostil.store.model import Article, Note

from .safe_text import one_line

if TYPE_CHECKING:
    from .app import ApostilApp

MAX_HITS = 40
SHOWN = 70


def _plain(text: str, limit: int = SHOWN) -> str:
    return one_line(text, limit)


def highlighted(text: str, needle: str) -> Content:
    """``text`` (plain) with the first case-insensitive occurrence of ``needle`` styled."""
    content = Content(text)
    if needle:
        at = text.casefold().find(needle.casefold())
        if at >= 0:
            content = content.stylize("bold reverse", at, at + len(needle))
    return content


class LibrarySearch(Provider):
    """Articles whose title, source or tags contain the query; notes whose quote, note or
    tags contain it. Choosing one opens the article (at the note)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._articles: list[Article] = []
        self._notes: list[Note] = []
        self._titles: dict[str, str] = {}

    @property
    def _app(self) -> ApostilApp:
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        app = self._app
        if not hasattr(app, "runner"):
            return
        try:
            self._articles = await app.runner.call(app.library.articles)
            self._notes = await app.runner.call(app.library.notes)
        except Exception:  # a broken library: the palette still lists the actions
            self._articles, self._notes = [], []
        self._titles = {a.id: a.title for a in self._articles}

    def _open(self, article_id: str, span: tuple[int, int] | None = None) -> Callable[[], None]:
        return partial(self._app.open_article, article_id, select=span)

    async def discover(self) -> Hits:
        recent = sorted(
            (a for a in self._articles if a.last_read), key=lambda a: a.last_read, reverse=True
        )
        for article in recent[:8]:
            yield DiscoveryHit(
                Content(f"Open: {_plain(article.title)}"),
                self._open(article.id),
                help="Recently read article",
            )

    async def search(self, query: str) -> Hits:
        needle = query.strip()
        if not needle:
            return
        folded = needle.casefold()
        hits = 0
        for article in self._articles:
            title = _plain(article.title)
            where = " ".join((article.title, article.source, *article.tags)).casefold()
            if folded not in where:
                continue
            score = 1.0 if folded in article.title.casefold() else 0.7
            yield Hit(
                score,
                Content("Article: ") + highlighted(title, needle),
                self._open(article.id),
                text=f"Article: {title}",
                help=escape(
                    _plain(" · ".join(x for x in (article.source, ", ".join(article.tags)) if x))
                ),
            )
            hits += 1
            if hits >= MAX_HITS:
                return
        for note in self._notes:
            haystacks = (note.quote, note.note, " ".join(note.tags))
            if not any(folded in h.casefold() for h in haystacks):
                continue
            shown = _plain(note.quote)
            in_note = folded not in note.quote.casefold()
            display = Content("Note: ") + highlighted(shown, "" if in_note else needle)
            detail = _plain(note.note or " ".join(f"#{t}" for t in note.tags))
            title = _plain(self._titles.get(note.article_id, ""), 40)
            span = None if note.orphaned else (note.start, note.end)
            yield Hit(
                0.6,
                display,
                self._open(note.article_id, span),
                text=f"Note: {shown}",
                help=escape(f"{title} — {detail}" if detail else title),
            )
            hits += 1
            if hits >= MAX_HITS:
                return
