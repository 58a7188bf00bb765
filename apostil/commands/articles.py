"""Article commands: import, list, text, tag."""

from __future__ import annotations

import argparse

from ..store.importing import ImportResult, import_paths, load_target, resolve_article
from ..store.model import Article
from ._base import Command, Context, one_line


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt .md .html), folders (searched recursively) or - "
        "for standard input",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list")


def _run_import(ctx: Context) -> int:
    library = ctx.library
    failures = 0
    as_json = ctx.args.json
    rows: list[dict] = []

    def report(result: ImportResult) -> None:
        nonlocal failures
        if result.error is not None:
            failures += 1
            ctx.warn(str(result.error))
            return
        assert result.outcome is not None
        article, status = result.outcome.article, result.outcome.status
        if as_json:
            rows.append(
                {
                    "id": article.id,
                    "title": article.title,
                    "status": status,
                    "path": result.path,
                    "notes_moved": result.outcome.notes_moved,
                    "notes_orphaned": result.outcome.notes_orphaned,
                }
            )
        else:
            ctx.print(f"{article.id}\t{one_line(article.title)}\t{status}")
        if result.outcome.notes_orphaned:
            ctx.warn(
                f"{result.outcome.notes_orphaned} note(s) of '{one_line(article.title)}' "
                "lost their passage; see 'apostil notes --orphaned'"
            )

    results = import_paths(library, ctx.args.paths, on_result=report)
    if as_json:
        ctx.print_json(rows)
    if not results:
        ctx.warn("no articles found in " + ", ".join(ctx.args.paths))
        return 1
    return 1 if failures else 0


def article_json(article: Article, notes: int) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source_path or article.source,
        "tags": list(article.tags),
        "notes": notes,
        "imported": article.imported,
        "updated": article.updated,
        "author": article.author,
        "date": article.date,
        "site": article.source,
        "format": article.format,
        "last_read": article.last_read,
    }


def _configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", metavar="T", help="only articles with this tag")
    p.add_argument("--entity", metavar="NAME", help="only articles that mention this entity")
    p.add_argument("--json", action="store_true", help="print a JSON list")


def _run_list(ctx: Context) -> int:
    library = ctx.library
    articles = library.articles(tag=ctx.args.tag)
    if ctx.args.entity:
        from ..store.config import load_config
        from ..store.entities.library_entities import articles_mentioning

        wanted = articles_mentioning(library, ctx.args.entity, engine=load_config().engine)
        articles = [a for a in articles if a.id in wanted]
    counts = library.note_counts()
    if ctx.args.json:
        ctx.print_json([article_json(a, counts.get(a.id, 0)) for a in articles])
        return 0
    for a in articles:
        tags = " ".join(f"#{t}" for t in a.tags)
        ctx.print(f"{a.id}\t{one_line(a.title)}\t{counts.get(a.id, 0)} notes\t{tags}".rstrip())
    if not articles:
        ctx.warn(
            "no articles"
            + (
                " match"
                if ctx.args.tag or ctx.args.entity
                else " yet: add some with 'apostil import PATH'"
            )
        )
    return 0


def _configure_text(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "target", metavar="TARGET", help="article id, unique id prefix, title, or a file path"
    )


def _run_text(ctx: Context) -> int:
    _, document = load_target(ctx.library, ctx.args.target)
    ctx.out.write(document.text + "\n")
    return 0


def _configure_tag(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", metavar="TARGET", help="article id, id prefix, title or path")
    p.add_argument("--add", action="append", default=[], metavar="T", help="add a tag")
    p.add_argument("--remove", action="append", default=[], metavar="T", help="remove a tag")


def _run_tag(ctx: Context) -> int:
    library = ctx.library
    article = resolve_article(library, ctx.args.target)
    if ctx.args.add or ctx.args.remove:
        article = library.set_article_tags(article.id, add=ctx.args.add, remove=ctx.args.remove)
    ctx.print(
        f"{article.id}\t{one_line(article.title)}\t" + " ".join(f"#{t}" for t in article.tags)
    )
    return 0


COMMANDS = [
    Command(
        "import",
        _configure_import,
        _run_import,
        "Import article files into the library. Prints ID, TITLE and "
        "added|updated|unchanged per article; a file that cannot be read is reported and "
        "the others still go in.",
    ),
    Command("list", _configure_list, _run_list),
    Command(
        "text",
        _configure_text,
        _run_text,
    ),
    Command("tag", _configure_tag, _run_tag),
]
