"""The ``apostil`` command: scriptable access to the library, and the reader app.

``apostil [PATH...]`` opens the full-screen reader; ``apostil COMMAND ...`` runs one
command. Store-only commands never import Textual, so they start fast. Every error is one
line on stderr beginning ``apostil:``; exit 1 for errors, 2 for usage errors; a traceback
only with ``--debug``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .commands import COMMAND_INDEX, Context, load_command

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line beginning ``apostil:`` and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--library",
        metavar="DIR",
        default=default,
        help="library folder (default: $APOSTIL_HOME, else the user data folder)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show a traceback on errors",
    )


def build_parser(command_name: str | None = None) -> Parser:
    """The command-line parser; only ``command_name``'s module is imported and configured
    (the others are listed with their one-line help)."""
    parser = Parser(
        prog="apostil",
        description="Read, annotate and export articles in the terminal. With no command, "
        "open the reader (on PATHs, importing them first).",
    )
    parser.add_argument("--version", action="version", version=f"apostil {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, (_module, summary) in COMMAND_INDEX.items():
        if name != command_name:
            sub.add_parser(name, help=summary, add_help=False)
            continue
        command = load_command(name)
        command_parser = sub.add_parser(
            name, help=summary, description=command.description or summary
        )
        add_global_options(command_parser, suppress=True)
        command.configure(command_parser)
        command_parser.set_defaults(handler=command.run)
    return parser


def build_app_parser() -> Parser:
    parser = Parser(prog="apostil", description="Open the reader, on PATHs if given.")
    parser.add_argument("--version", action="version", version=f"apostil {__version__}")
    add_global_options(parser)
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="config file (default: $APOSTIL_CONFIG, else the user config folder)",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="articles or folders to import and open"
    )
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` ("" for a bare ``--help``), or None to open the app."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--library", "--config"):
            skip_next = True
            continue
        if arg.startswith("-") and arg != "-":
            if arg in ("-h", "--help"):
                return ""
            continue
        return arg if arg in COMMAND_INDEX else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        command = _command_in(argv)
        if command is not None:
            args = build_parser(command).parse_args(argv)  # "" (--help) exits here
        else:
            args = build_app_parser().parse_args(argv)
            from .commands.app import run_app

            return run_app(Context(args))
        return int(args.handler(Context(args)) or EXIT_OK)
    except UsageError as exc:
        print(f"apostil: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("apostil: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into a reader that went away (e.g. `apostil text X | head`).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if debug:
            raise
        from .store.errors import ApostilError

        if isinstance(exc, ApostilError):
            print(f"apostil: {exc}", file=sys.stderr)
        else:
            message = " ".join(str(exc).split()) or type(exc).__name__
            print(
                f"apostil: unexpected error: {message} (run with --debug for details)",
                file=sys.stderr,
            )
        return EXIT_ERROR


def run() -> NoReturn:
    sys.exit(main())
