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
from .commands import COMMANDS, Context

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


def build_parser() -> Parser:
    parser = Parser(
        prog="apostil",
        description="Read, annotate and export articles in the terminal. With no command, "
        "open the reader (on PATHs, importing them first).",
    )
    parser.add_argument("--version", action="version", version=f"apostil {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        command_parser = sub.add_parser(
            command.name, help=command.help, description=command.description or command.help
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


def _wants_command(argv: Sequence[str]) -> bool:
    names = {c.name for c in COMMANDS}
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
                return True
            continue
        return arg in names
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        if _wants_command(argv):
            args = build_parser().parse_args(argv)
            if args.command is None:  # only global options
                from .commands.app import run_app

                return run_app(Context(args))
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
