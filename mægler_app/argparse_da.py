"""argparse in Danish: its own words (``usage:``, ``options``, errors) for ``maegler`` and ``maegler-server``.

argparse fetches each text it shows through gettext, by the module globals ``_`` and ``ngettext``,
when a parser is built (group titles, ``-h``) and when it reports (usage, errors). ``danish()``
puts a look-up in the table below in their place for as long as it runs, and puts gettext back
after, so that other users of argparse in the same process (pytest) keep theirs. A text the table
does not have stays English.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

TEXTS = {
    "usage: ": "brug: ",
    "options": "tilvalg",
    "positional arguments": "argumenter",
    "subcommands": "underkommandoer",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r (skal være %(type)s)",
    "expected one argument": "mangler en værdi",
    "expected at most one argument": "højst én værdi",
    "expected at least one argument": "mindst én værdi",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydigt tilvalg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "værdien %r kan ikke bruges her",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "unexpected option string: %s": "uventet tilvalg: %s",
}
PLURALS = {"expected %s argument": ("forventede %s værdi", "forventede %s værdier")}


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        one, other = PLURALS[singular]
        return one if n == 1 else other
    return singular if n == 1 else plural


@contextlib.contextmanager
def danish() -> Iterator[None]:
    """Build and run parsers inside this block to have them speak Danish."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
