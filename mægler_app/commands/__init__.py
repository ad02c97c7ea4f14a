"""``maegler``: the desktop app by default, sub-commands for scripting (DESIGN.md §6).

All of the desktop command line's argparse code is in this package; each command calls the
services (``store.services``, ``sync.service``), which know nothing of argparse. Every sub-command
is registered here, statically: a command module that fails to import stops ``maegler`` with its
error instead of quietly missing. The modules import only the standard library at the top; what
is heavy (Qt, SQLAlchemy, ReportLab, requests) is imported by the command that runs.

Exit status: 0 success, 1 a user error (``UserError``: one Danish line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from typing import NoReturn

from .. import __version__, applog
from ..cli_language import speaking, translate_parser
from ..errors import UserError
from . import audit, companies, effects, gui, profile, sync  # --- audit
from .common import add_profile_option

COMMAND_MODULES = (profile, companies, effects, sync, audit)  # --- audit


def build_parser() -> argparse.ArgumentParser:
    """The whole parser, in the current language (build it inside ``cli_language.speaking`` for
    argparse's own words in the same language)."""
    parser = argparse.ArgumentParser(
        prog="maegler",
        description="Mægler – netværksmæglernes værktøj i Midtjysk Klyngeprogram. "
        "Uden underkommando åbnes programmet.",
        epilog="Se 'maegler KOMMANDO --help' for hver underkommando.",
    )
    parser.add_argument(
        "--version", action="version", version=f"maegler {__version__}", help="vis versionen og afslut"
    )
    add_profile_option(parser, top_level=True)
    gui.add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="underkommandoer")
    for module in COMMAND_MODULES:
        module.register(sub)
    translate_parser(parser)  # --- english2: the help in English when that is the language
    return parser


class _NotAppOptionsError(Exception):
    """The command line is more than the app's own options (a sub-command, help, an error)."""


class _AppOptionsParser(argparse.ArgumentParser):
    """The app's own options alone (``--profile``, ``--language``, ``--demo``, …), no help, no
    abbreviations: what it cannot read, or reads with anything left over, is the whole parser's."""

    def error(self, message: str) -> NoReturn:
        raise _NotAppOptionsError(message)


def app_options(argv: list[str]) -> argparse.Namespace | None:
    """``argv`` read as the desktop app's options, when that is all it is; else None.

    Building the whole parser, every sub-command's with its options and their help, took ~3 ms of
    the app's start, before its window (benchmarks/startup.py); the app's own command line
    (``maegler``, ``maegler --profile P``) needs none of it. Anything else (a sub-command, -h,
    --version, an abbreviation, a mistake) is read by ``build_parser``'s parser, as always."""
    parser = _AppOptionsParser(prog="maegler", add_help=False, allow_abbrev=False)
    add_profile_option(parser, top_level=True)
    gui.add_options(parser)
    parser.set_defaults(command=None)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotAppOptionsError:
        return None
    return args if not rest else None


def command_names() -> list[str]:
    with speaking([]):
        parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with speaking(argv):  # --- english2: --language / MAEGLER_LANGUAGE, Danish by default
        return _main(argv)


def _main(argv: list[str]) -> int:
    args = app_options(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is not None:
            gui.check_not_with_command(parser, args)
            gc.enable()  # paused by cli.main for the start-up; the app resumes it at its first paint
    run = gui.run if args.command is None else args.run
    # the app opens its log file once its window has painted (ui.app); what comes before waits
    applog.setup(later=args.command is None)
    log = logging.getLogger("mægler_app.commands")
    log.info("maegler %s: %s", __version__, args.command or "programmet")
    try:
        return int(run(args))
    except UserError as exc:
        log.info("%s: user error %s", args.command or "programmet", exc.__class__.__name__)
        print(f"maegler: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("%s failed", args.command or "programmet")
        raise
    finally:
        applog.open_file()  # a start that ended before its window painted: what it logged, written
