"""What every ``maegler`` sub-command shares: ``--profile`` in either place, the profile's store, a password."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain.language import LANGUAGES
from ..paths import resolve_profile

if TYPE_CHECKING:
    from ..store.db import Store

Run = Callable[[argparse.Namespace], int]

PROFILE_HELP = "datamappe (ellers MAEGLER_HOME eller standardmappen)"
# --- english2: the language of the command line and of the app (cli_language.py, issue 24)
LANGUAGE_HELP = "sprog (da eller en; ellers MAEGLER_LANGUAGE; programmet: ellers det valgte under Vis → Sprog, eller systemets)"


def add_profile_option(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """``--profile`` (and ``--language``) before the sub-command (the top level's, None when
    absent) or after it.

    The sub-command's copy has no default, so an absent one leaves the top level's value alone.
    """
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--profile", metavar="MAPPE", default=default, help=PROFILE_HELP)
    add_language_option(parser, top_level=top_level)


def add_language_option(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """``--language da|en`` in either place, as ``--profile`` (cli_language.speaking reads it
    before the parser is built, so the help is in that language too)."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--language", choices=LANGUAGES, default=default, help=LANGUAGE_HELP)


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    run: Run,
) -> argparse.ArgumentParser:
    description = help_text[:1].upper() + help_text[1:] + "."
    parser = sub.add_parser(name, help=help_text, description=description)
    add_profile_option(parser, top_level=False)
    parser.set_defaults(run=run)
    return parser


def open_profile_store(args: argparse.Namespace) -> Store:
    """The store of the chosen profile; a profile that cannot be opened is a UserError (StoreError)."""
    from ..store.db import open_store

    return open_store(resolve_profile(args.profile))


def read_password(prompt: str) -> str:
    """One line from stdin, or asked for without echo on a terminal; never printed or logged."""
    if sys.stdin.isatty():
        import getpass  # a terminal's: not on the app's way to its window

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")
