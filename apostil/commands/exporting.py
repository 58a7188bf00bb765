"""Export and import of notes: export (Markdown or Web Annotation JSON), import-notes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..store.errors import ReadError
from ..store.export.annotation_import import import_annotations
from ..store.export.service import render, select_notes, write_to_file, write_to_folder
from ..store.export.webanno import load_annotations
from ..store.importing import resolve_article
from ._base import Command, Context


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "targets",
        nargs="*",
        metavar="TARGET",
        help="articles to export (default: every article with notes)",
    )
    p.add_argument(
        "--tag",
        metavar="T",
        help="only notes with this tag; without TARGETs, one document gathering "
        "them across articles",
    )
    p.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown (default) or json (W3C Web Annotations)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR|-",
        default="-",
        help="standard output (-, the default), a file, or a folder (an existing "
        "folder or a path ending in /): one file per article",
    )
    p.add_argument("--force", action="store_true", help="overwrite files apostil did not write")


def _run_export(ctx: Context) -> int:
    library = ctx.library
    args = ctx.args
    ids = [resolve_article(library, t).id for t in args.targets]
    items = select_notes(library, ids, tag=args.tag)
    per_tag = bool(args.tag) and not args.targets
    rendered = render(items, fmt=args.format, tag=args.tag, per_tag=per_tag)
    if rendered.count == 0 and not args.targets:
        what = f"with the tag '{args.tag}'" if args.tag else "in the library"
        ctx.warn(f"no notes {what} to export")
        return 1
    output = args.output
    if output == "-":
        sys.stdout.write(rendered.text)
        return 0
    target = Path(output).expanduser()
    if target.is_dir() or output.endswith(("/", "\\")):
        results = write_to_folder(target, rendered, fmt=args.format, force=args.force)
    else:
        results = [write_to_file(target, rendered, fmt=args.format, force=args.force)]
    for result in results:
        ctx.print(f"{result.status}\t{result.path}")
    return 0


def _configure_import_notes(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="FILE.json",
        help="an apostil --format json export, or a Hypothesis JSON export (- for standard input)",
    )


def _run_import_notes(ctx: Context) -> int:
    source = ctx.args.file
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from None
    from ..store.export.errors import ImportFormatError

    try:
        annotations = load_annotations(raw)
    except ImportFormatError as exc:
        raise ImportFormatError(f"{source}: {exc}") from None
    report = import_annotations(ctx.library, annotations)
    ctx.print(f"{report.added} added, {report.updated} updated, {report.orphaned} orphaned")
    for line in report.skipped:
        ctx.warn(line)
    return 1 if report.skipped else 0


COMMANDS = [
    Command(
        "export",
        _configure_export,
        _run_export,
        "Export notes: Markdown with YAML front matter (Obsidian-ready) or W3C Web "
        "Annotation JSON-LD. Exporting again updates apostil's own files in place.",
    ),
    Command(
        "import-notes",
        _configure_import_notes,
        _run_import_notes,
    ),
]
