"""The command line's entry point: the argparse tree, dispatch, one-line errors, exit status.

`briefreader [PATH ...]` opens the reader; `parse`, `search`, `notes`, `export` and `add` work
from the shell, each in its own module of this package (`cmd_<name>`). Every `UserError`
becomes one line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from briefreader import __version__
from briefreader.errors import UserError
from briefreader.textsafe import shown_name

COMMANDS = ("parse", "search", "export", "notes", "add")


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before and after the subcommand; a subcommand's copy never hides the other.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir", default=default, help="annotations and reading state (BRIEFREADER_DATA_DIR)"
    )
    parser.add_argument(
        "--cache-dir", default=default, help="parse and search cache (BRIEFREADER_CACHE_DIR)"
    )


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit status 1, as for every user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree for every subcommand (`command_parser` gives one of them)."""
    return _build()[0]


def command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (`briefreader search`), with the common options."""
    return _build()[1][command]


def _build() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = _Parser(
        prog="briefreader",
        description="A terminal reader for Dutch parliamentary letters (Kamerbrieven).",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("parse", help="print one parsed letter: an outline, or JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the parse as JSON")
    _common(p)

    p = sub.add_parser(
        "search",
        help="fuzzy search across letters, best first",
        usage="briefreader search QUERY [PATH ...] [--json] [--limit N]",
    )
    # Optional here so that a missing query is told in our own words (`cmd_search`).
    p.add_argument("query", nargs="?", metavar="QUERY", help='words, "a phrase" or a reference')
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: your library)",
    )
    p.add_argument("--json", action="store_true", help="print hits as a JSON array")
    p.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")
    _common(p)

    p = sub.add_parser("export", help="all annotations as Markdown")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    p.add_argument("-o", "--output", type=Path, help="write to this file (default: stdout)")
    _common(p)

    p = sub.add_parser("notes", help="list annotations")
    p.add_argument("--json", action="store_true", help="print annotations as JSON")
    _common(p)

    p = sub.add_parser("add", help="copy letters into the library")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _common(p)
    return parser, dict(sub.choices)


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefreader",
        description="A terminal reader for Dutch parliamentary letters (Kamerbrieven). "
        f"Commands: {', '.join(COMMANDS)} (briefreader COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="letter files or folders (default: your library)",
    )
    _common(parser, top=True)
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    # Each command's module is imported only when it runs: `parse` never loads the search
    # engine, and nothing imports the UI until the reader is asked for.
    command = getattr(args, "command", None)
    if command == "parse":
        from briefreader.cli.parse import cmd_parse

        return cmd_parse(args)
    if command == "add":
        from briefreader.cli.add import cmd_add

        return cmd_add(args)
    if command == "search":
        from briefreader.cli.search import cmd_search

        return cmd_search(args)
    if command == "notes":
        from briefreader.cli.notes import cmd_notes

        return cmd_notes(args)
    if command == "export":
        from briefreader.cli.export import cmd_export

        return cmd_export(args)
    from briefreader.cli.reader import cmd_reader

    return cmd_reader(args)


def _first_word(argv: list[str]) -> int | None:
    """Where the first argument that is not an option or an option's value stands."""
    skip = False
    for at, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in ("--data-dir", "--cache-dir"):
            skip = True
        elif not arg.startswith("-"):
            return at
    return None


def _parse_command(at: int, argv: list[str]) -> argparse.Namespace:
    """Parse `briefreader [options] COMMAND ...` (the command at `argv[at]`) with options
    anywhere after the command too (`search NAVO --limit 5 samples`): the common options
    before the command, then the command's own arguments intermixed."""
    command = argv[at]
    if any(a in ("-h", "--help", "--version") for a in argv[:at]):
        return build_parser().parse_args(argv)
    args = build_parser().parse_args(argv[:at])
    own = command_parser(command).parse_intermixed_args(argv[at + 1 :])
    for name, value in vars(own).items():
        setattr(args, name, value)  # a command's own --data-dir overrides one given before
    args.command = command
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefreader` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    at = _first_word(argv)
    if at is not None and argv[at] in COMMANDS:
        args = _parse_command(at, argv)
    else:
        args = _reader_parser().parse_args(argv)
        args.command = None
    try:
        return _dispatch(args)
    except UserError as exc:  # one line, whatever the file's name holds
        print(f"briefreader: {shown_name(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("briefreader: out of memory", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # stdout closed early (`| head`): not an error the user made.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        if os.environ.get("BRIEFREADER_DEBUG"):
            raise
        print(
            f"briefreader: internal error: {type(exc).__name__}: {shown_name(exc)} "
            "(run with BRIEFREADER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
