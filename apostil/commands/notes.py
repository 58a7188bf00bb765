"""Note commands: note, notes, edit-note, rm-note, reattach."""

from __future__ import annotations

import argparse

from ..store.anchoring import locate_quote, reattach
from ..store.importing import load_target
from ..store.library import Library
from ..store.model import Note
from ._base import Command, Context, one_line


def note_json(note: Note, titles: dict[str, str]) -> dict:
    return {
        "id": note.id,
        "article_id": note.article_id,
        "article_title": titles.get(note.article_id, ""),
        "quote": note.quote,
        "note": note.note,
        "tags": list(note.tags),
        "start": note.start,
        "end": note.end,
        "orphaned": note.orphaned,
        "anchor": note.anchor,
        "prefix": note.prefix,
        "suffix": note.suffix,
        "created": note.created,
        "updated": note.updated,
    }


def _titles(library: Library) -> dict[str, str]:
    return {a.id: a.title for a in library.articles()}


def _configure_note(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "target",
        metavar="TARGET",
        help="article id, id prefix, title, or a file path (imported if new)",
    )
    p.add_argument("--quote", required=True, metavar="TEXT", help="the passage to annotate")
    p.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="annotate the N-th occurrence of the quote (default 1)",
    )
    p.add_argument("--note", default="", metavar="TEXT", help="the note's text")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")


def _run_note(ctx: Context) -> int:
    if ctx.args.occurrence < 1:
        raise _usage("--occurrence must be 1 or more")
    library = ctx.library
    article, document = load_target(library, ctx.args.target, import_new=True)
    assert article is not None
    start, end = locate_quote(document.text, ctx.args.quote, ctx.args.occurrence)
    note = library.add_note(article.id, start, end, note=ctx.args.note, tags=ctx.args.tag)
    ctx.print(note.id)
    return 0


def _configure_notes(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "target",
        nargs="?",
        metavar="TARGET",
        help="only this article's notes (id, id prefix, title or path)",
    )
    p.add_argument("--tag", metavar="T", help="only notes with this tag")
    p.add_argument(
        "--search", metavar="Q", help="only notes whose quote, text or tags contain Q (any case)"
    )
    p.add_argument(
        "--orphaned",
        action="store_true",
        help="only notes whose passage was lost when their article changed",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list")


def _run_notes(ctx: Context) -> int:
    library = ctx.library
    article_id = None
    if ctx.args.target:
        article, _ = load_target(library, ctx.args.target)
        if article is None:
            ctx.warn(f"{ctx.args.target} is not in the library, so it has no notes")
            return 1
        article_id = article.id
    notes = library.notes(
        article_id,
        tag=ctx.args.tag,
        search=ctx.args.search,
        orphaned=True if ctx.args.orphaned else None,
    )
    titles = _titles(library)
    if ctx.args.json:
        ctx.print_json([note_json(n, titles) for n in notes])
        return 0
    for n in notes:
        tags = " ".join(f"#{t}" for t in n.tags)
        flag = (
            " [orphaned]" if n.orphaned else (" [approximate]" if n.anchor == "approximate" else "")
        )
        ctx.print(
            f"{n.id}\t{one_line(titles.get(n.article_id, ''), 40)}\t"
            f"\u201c{one_line(n.quote, 60)}\u201d{flag}\t{one_line(n.note, 80)}\t{tags}".rstrip()
        )
    return 0


def _configure_edit(p: argparse.ArgumentParser) -> None:
    p.add_argument("note_id", metavar="NOTE", help="note id or unique id prefix")
    p.add_argument("--note", metavar="TEXT", help="replace the note's text")
    p.add_argument("--add-tag", action="append", default=[], metavar="T")
    p.add_argument("--remove-tag", action="append", default=[], metavar="T")


def _run_edit(ctx: Context) -> int:
    library = ctx.library
    note = library.note(ctx.args.note_id)
    if ctx.args.note is not None:
        note = library.update_note(note.id, note=ctx.args.note)
    if ctx.args.add_tag or ctx.args.remove_tag:
        note = library.tag_note(note.id, add=ctx.args.add_tag, remove=ctx.args.remove_tag)
    ctx.print(f"{note.id}\t{one_line(note.note, 80)}\t" + " ".join(f"#{t}" for t in note.tags))
    return 0


def _configure_rm(p: argparse.ArgumentParser) -> None:
    p.add_argument("note_id", metavar="ID", help="note id or unique id prefix")


def _run_rm(ctx: Context) -> int:
    note = ctx.library.delete_note(ctx.args.note_id)
    ctx.print(f"removed {note.id}\t\u201c{one_line(note.quote, 60)}\u201d")
    return 0


def _configure_reattach(p: argparse.ArgumentParser) -> None:
    p.add_argument("note_id", metavar="NOTE", help="note id or unique id prefix")
    p.add_argument(
        "--quote",
        required=True,
        metavar="TEXT",
        help="the passage of the article's current text to attach the note to",
    )
    p.add_argument("--occurrence", type=int, default=1, metavar="N")


def _run_reattach(ctx: Context) -> int:
    library = ctx.library
    note = library.note(ctx.args.note_id)
    document = library.document(note.article_id)
    moved = reattach(note, document.text, ctx.args.quote, ctx.args.occurrence)
    library.save_note(moved)
    ctx.print(f"{moved.id}\t{moved.start}-{moved.end}\t\u201c{one_line(moved.quote, 60)}\u201d")
    return 0


def _usage(message: str) -> Exception:
    from ..cli import UsageError

    return UsageError(message)


COMMANDS = [
    Command(
        "note",
        _configure_note,
        _run_note,
        "Attach a note (and tags) to the N-th occurrence of a quoted passage; prints the "
        "new note's id.",
    ),
    Command("notes", _configure_notes, _run_notes),
    Command("edit-note", _configure_edit, _run_edit),
    Command("rm-note", _configure_rm, _run_rm),
    Command("reattach", _configure_reattach, _run_reattach),
]
