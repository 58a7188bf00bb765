"""Entity commands: entities (of an article, or --all across the library) and entity
(corrections: add, retype, hide, merge, list, rm)."""

from __future__ import annotations

import argparse

from ..store.config import ENGINES
from ..store.entities.corrections import normalise_correction
from ..store.entities.library_entities import article_entities, library_entity_index
from ..store.importing import load_target
from ..store.model import ENTITY_TYPES
from ._base import Command, Context, one_line


def _engine(ctx: Context) -> str:
    chosen = getattr(ctx.args, "engine", None)
    if chosen:
        return chosen
    from ..store.config import load_config

    return load_config().engine


def _configure_entities(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "target",
        nargs="?",
        metavar="TARGET",
        help="article id, id prefix, title or file path (read without importing)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="the library-wide index: entities with the articles that mention them",
    )
    p.add_argument(
        "--type",
        choices=ENTITY_TYPES,
        metavar="T",
        help="only this type: " + ", ".join(ENTITY_TYPES),
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        help="rules (offline, the default), spacy, or auto (spaCy and rules together)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list")


def _run_entities(ctx: Context) -> int:
    from ..cli import UsageError

    if ctx.args.all == bool(ctx.args.target):
        raise UsageError("give a TARGET or --all")
    library = ctx.library
    engine = _engine(ctx)
    if ctx.args.all:
        rows = library_entity_index(library, engine=engine)
        if ctx.args.type:
            rows = [r for r in rows if r["type"] == ctx.args.type]
        if ctx.args.json:
            ctx.print_json(rows)
            return 0
        for row in rows:
            ctx.print(
                f"{row['type']}\t{one_line(row['text'])}\t{row['count']}\t"
                f"{row['article_count']} articles"
            )
        return 0
    _, document = load_target(library, ctx.args.target)
    entities = article_entities(library, document, engine=engine)
    if ctx.args.type:
        entities = [e for e in entities if e.type == ctx.args.type]
    if ctx.args.json:
        ctx.print_json([e.to_json() for e in entities])
        return 0
    for entity in entities:
        aliases = ", ".join(entity.aliases)
        ctx.print(
            f"{entity.type}\t{one_line(entity.text)}\t{entity.count}"
            + (f"\t({one_line(aliases)})" if aliases else "")
        )
    return 0


def _configure_entity(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    add = actions.add_parser("add", help="watch for a phrase as an entity of a type, everywhere")
    add.add_argument("text", metavar="PHRASE")
    add.add_argument("--type", required=True, choices=ENTITY_TYPES, metavar="T")
    retype = actions.add_parser("retype", help="give an entity another type")
    retype.add_argument("text", metavar="NAME")
    retype.add_argument("--type", required=True, choices=ENTITY_TYPES, metavar="T")
    hide = actions.add_parser("hide", help="hide a false entity")
    hide.add_argument("text", metavar="NAME")
    hide.add_argument("--type", choices=ENTITY_TYPES, metavar="T", help="hide it only as this type")
    merge = actions.add_parser("merge", help="make NAME an alias of another entity")
    merge.add_argument("text", metavar="NAME")
    merge.add_argument("--into", required=True, metavar="CANONICAL")
    actions.add_parser("list", help="list your corrections")
    remove = actions.add_parser("rm", help="undo a correction")
    remove.add_argument("correction_id", metavar="ID")
    for sub in (add, retype, hide, merge, remove):
        sub.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS)


def _run_entity(ctx: Context) -> int:
    from ..cli import UsageError

    library = ctx.library
    action = ctx.args.action
    if action == "list":
        for record in library.corrections():
            detail = record.get("type") or record.get("into") or ""
            ctx.print(
                f"{record['id']}\t{record['action']}\t{one_line(record['text'])}\t"
                f"{one_line(detail)}".rstrip()
            )
        return 0
    if action == "rm":
        library.remove_correction(ctx.args.correction_id)
        ctx.print(f"removed {ctx.args.correction_id}")
        return 0
    raw = {"action": action, "text": ctx.args.text}
    if getattr(ctx.args, "type", None):
        raw["type"] = ctx.args.type
    if action == "merge":
        raw["into"] = ctx.args.into
    record = normalise_correction(raw)
    if record is None:
        raise UsageError(f"that {action} correction is incomplete")
    saved = library.add_correction(record)
    ctx.print(f"{saved['id']}\t{action}\t{one_line(record['text'])}")
    return 0


COMMANDS = [
    Command(
        "entities",
        _configure_entities,
        _run_entities,
        "List an article's entities, most mentioned first, or with --all the library-wide "
        "index. JSON: text, type, count, aliases, mentions ([start, end] offsets into "
        "'apostil text').",
    ),
    Command(
        "entity",
        _configure_entity,
        _run_entity,
        "Corrections apply in every article and win over the engine.",
    ),
]
