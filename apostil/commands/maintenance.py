"""Maintenance commands: doctor."""

from __future__ import annotations

import argparse

from ..store.doctor import diagnose, restore_latest_backup
from ._base import Command, Context


def _configure_doctor(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--restore",
        action="store_true",
        help="put the newest good backup in place of a broken library (the broken "
        "file is kept beside it)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --restore: restore even if the library looks healthy",
    )


def _run_doctor(ctx: Context) -> int:
    folder = ctx.library_dir
    if ctx.args.restore:
        backup, moved = restore_latest_backup(folder, force=ctx.args.force)
        ctx.print(f"restored {backup.name}")
        if moved is not None:
            ctx.print(f"the replaced library was kept as {moved}")
    report = diagnose(folder)
    for fact in report.facts:
        ctx.print(fact)
    for problem in report.problems:
        ctx.print(f"problem: {problem}")
    if report.healthy:
        ctx.print("the library is healthy")
        return 0
    if report.good_backup is not None and not ctx.args.restore:
        ctx.print(f"to restore {report.good_backup.name}: apostil doctor --restore")
    return 1


COMMANDS = [
    Command(
        "doctor",
        _configure_doctor,
        _run_doctor,
        "Check the library file, its texts and notes, and list backups. With --restore, "
        "put the newest good backup in place of a broken library.",
    ),
]
