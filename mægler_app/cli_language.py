"""The command lines (``maegler``, ``maegler-server``) in the chosen language (issue 24).

Danish is the source and the default: the help texts are written in Danish where the parsers are
built. ``--language en`` (before or after the subcommand) or ``MAEGLER_LANGUAGE=en`` chooses
English: ``speaking(argv)`` sets the process's language (``domain.language``: the message
catalogue's sentences follow it, errors and results included), lets argparse speak its own English
instead of ``argparse_da``'s Danish, and ``translate_parser`` puts the English of each help text,
description, group title and placeholder in place, from ``ENGLISH`` below, keyed by the Danish
text (as ``argparse_da.TEXTS`` is keyed by argparse's English). A text without an entry stays
Danish; tests/test_i18n.py checks that every text of both parsers has one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Sequence

from .argparse_da import danish
from .domain import language as _language

LANGUAGE_ENV = "MAEGLER_LANGUAGE"
LANGUAGE_OPTION = "--language"

# Danish help text → English. A subcommand's description is its help as a sentence (common.py
# ``add_command``): ``translate`` finds it by the help text.
ENGLISH: dict[str, str] = {
    # maegler
    "Mægler – netværksmæglernes værktøj i Midtjysk Klyngeprogram. Uden underkommando åbnes programmet.": (
        "Mægler – the network brokers' tool in Midtjysk Klyngeprogram. Without a subcommand the app opens."
    ),
    "Se 'maegler KOMMANDO --help' for hver underkommando.": "See 'maegler COMMAND --help' for each subcommand.",
    "underkommandoer": "subcommands",
    "KOMMANDO": "COMMAND",
    "vis versionen og afslut": "show the version and exit",
    "datamappe (ellers MAEGLER_HOME eller standardmappen)": "data folder (else MAEGLER_HOME or the standard folder)",
    "MAPPE": "FOLDER",
    "programmet (uden underkommando)": "the app (without a subcommand)",
    "åbn en midlertidig profil med programmets tre eksempelnetværk": (
        "open a temporary profile with the programme's three example networks"
    ),
    "afslut når hovedvinduet er tegnet": "exit when the main window has been drawn",
    "gem et billede af hver hovedvisning og afslut": "save a picture of each main view and exit",
    "sprog (da eller en; ellers MAEGLER_LANGUAGE; programmet: ellers det valgte under Vis → Sprog, "
    "eller systemets)": (
        "language (da or en; else MAEGLER_LANGUAGE; the app: else the one chosen under View → "
        "Language, or the system's)"
    ),
    "vis antal poster, ventende ændringer, konflikter og sidste synkronisering": (
        "show the number of records, pending changes, conflicts and the last sync"
    ),
    "maskinlæsbart output": "machine-readable output",
    "fyld profilen med et stort, genereret datasæt (til benchmarks)": (
        "fill the profile with a large, generated data set (for benchmarks)"
    ),
    "1 = ca. 2.000 virksomheder": "1 = about 2.000 companies",
    "importér virksomheder fra en CSV-fil (CVR;Navn;...); alle rækker eller ingen": (
        "import companies from a CSV file (CVR;Navn;...); all rows or none"
    ),
    "FIL.csv": "FILE.csv",
    "eksportér virksomhederne til en CSV-fil i samme format som importen": (
        "export the companies to a CSV file in the same format as the import"
    ),
    "importér nøgletal fra en CSV-fil (CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte); alle linjer "
    "eller ingen": (
        "import key figures from a CSV file (CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte); all "
        "lines or none"
    ),
    "eksportér effekterne pr. deltagende virksomhed til en CSV-fil, og CVR-numrene alene til FIL-cvr.csv": (
        "export the effects per participating company to a CSV file, and the CVR numbers alone to "
        "FILE-cvr.csv"
    ),
    "log ind på Væksthus' server (adgangskoden læses fra stdin)": (
        "log in to the Væksthus server (the password is read from stdin)"
    ),
    "Væksthus' server, fx https://maegler.example.dk": "the Væksthus server, e.g. https://maegler.example.dk",
    "dit brugernavn": "your user name",
    "NAVN": "NAME",
    "log ud og fjern login fra nøgleringen": "log out and remove the login from the keyring",
    "send ændringer til og hent fra Væksthus' server": "send changes to and fetch from the Væksthus server",
    "ingen fremskridtslinje": "no progress line",
    "Er der intet gemt login på denne computer (logget ud, login udløbet eller ingen nøglering), "
    "spørger kommandoen efter adgangskoden i terminalen, uden at vise den; uden terminal læses "
    "den fra stdin (én linje). Log ind første gang med 'maegler login --server URL --user NAVN'.": (
        "If no login is saved on this computer (logged out, login expired or no keyring), the "
        "command asks for the password on the terminal, without showing it; without a terminal it "
        "is read from stdin (one line). Log in the first time with 'maegler login --server URL "
        "--user NAME'."
    ),
    "gem et netværks revisionsfil (ZIP med screening, referater, udgifter og kvitteringer, "
    "ansøgning, handlingsplan, stadiehistorik og indeks)": (
        "save a network's audit file (ZIP with screening, minutes, expenses and receipts, "
        "application, action plan, stage history and index)"
    ),
    "NETVÆRKS_ID": "NETWORK_ID",
    "FIL.zip": "FILE.zip",
    # maegler-server
    "Væksthus Midtjyllands Mægler-server.": "Væksthus Midtjylland's Mægler server.",
    "opret eller opgradér databasen": "create or upgrade the database",
    "opret en bruger; adgangskoden læses fra stdin": "create a user; the password is read from stdin",
    "start serveren": "start the server",
    "læg et helt demoprogram i en tom database: mæglere, netværk på alle trin, afgørelser; "
    "adgangskoden til alle demobrugere læses fra stdin": (
        "put a whole demo programme into an empty database: brokers, networks at every stage, "
        "decisions; the password of every demo user is read from stdin"
    ),
    "udgiv en ny version af en formular (JSON-fil)": "publish a new version of a form (JSON file)",
    "hvem ændrede hvad i en post og hvornår, nyeste først": "who changed what in a record and when, newest first",
    "skriv effekterne pr. deltagende virksomhed til en ;-separeret CSV-fil (UTF-8 med BOM) og "
    "CVR-numrene alene til FIL-cvr.csv; ingen personoplysninger": (
        "write the effects per participating company to a ;-separated CSV file (UTF-8 with BOM) "
        "and the CVR numbers alone to FILE-cvr.csv; no personal data"
    ),
    "slet en kontaktperson overalt på serveren (posten, gemte svar, frigjort plads); møder "
    "beholder »Kontaktperson (anonymiseret)«": (
        "erase a contact person everywhere on the server (the record, stored answers, freed "
        "space); meetings keep »Kontaktperson (anonymiseret)«"
    ),
    "vis eller sæt opbevaringsperioderne; en ændring giver alle dokumenter ny opbevaringsdato": (
        "show or set the retention periods; a change gives every document a new keep-until date"
    ),
    "slet dokumenter og bilag, hvis opbevaringsdato er passeret": (
        "delete documents and attachments whose keep-until date has passed"
    ),
    "gem en sikkerhedskopi af hele databasen i FIL (SQLite: en kopi, mens serveren kører; "
    "PostgreSQL: pg_dump -Fc)": (
        "save a backup of the whole database in FILE (SQLite: a copy while the server runs; "
        "PostgreSQL: pg_dump -Fc)"
    ),
    "gendan databasen fra en sikkerhedskopi (FIL) i en tom database; stop serveren først": (
        "restore the database from a backup (FILE) into an empty database; stop the server first"
    ),
    "databasens adresse (standard: $MAEGLER_SERVER_DB eller en SQLite-fil)": (
        "the database's address (default: $MAEGLER_SERVER_DB or an SQLite file)"
    ),
    "BRUGERNAVN": "USERNAME",
    'fx "Anna Jensen"': 'e.g. "Anna Jensen"',
    "FULDE_NAVN": "FULL_NAME",
    "antal serverprocesser (flere end én kræver PostgreSQL; standard: 1)": (
        "number of server processes (more than one needs PostgreSQL; default: 1)"
    ),
    "en omvendt proxy, hvis X-Forwarded-For serveren må tro på (adresse eller net, fx 10.0.0.0/8; "
    "kan gentages; ellers læses MAEGLER_TRUSTED_PROXIES)": (
        "a reverse proxy whose X-Forwarded-For the server may trust (address or network, e.g. "
        "10.0.0.0/8; may be repeated; else MAEGLER_TRUSTED_PROXIES is read)"
    ),
    "ADRESSE": "ADDRESS",
    "tråde pr. proces, der arbejder i databasen samtidig (standard: 4)": (
        "threads per process working in the database at the same time (default: 4)"
    ),
    "samme tal giver samme program (standard: 7)": "the same number gives the same programme (default: 7)",
    "antal mæglere (standard: 20)": "number of brokers (default: 20)",
    "fx network, application, expense": "e.g. network, application, expense",
    "postens id": "the record's id",
    "for et netværk: også dets medlemmer, møder, udgifter …": "for a network: its members, meetings, expenses … too",
    "kontaktpersonens id": "the contact person's id",
    "programperiodens slut, fx 2011-12-31": "the end of the programme period, e.g. 2011-12-31",
    "DATO": "DATE",
    "regnskabsmateriale (standard: 5)": "accounting records (default: 5)",
    "ÅR": "YEARS",
    "programmets dokumentation (5)": "the programme's documentation (5)",
    "regnskabsårets første måned, 1-12 (1: kalenderår)": "the financial year's first month, 1-12 (1: calendar year)",
    "MÅNED": "MONTH",
    "vis kun, hvad der ville blive slettet": "only show what would be deleted",
    "FIL": "FILE",
    "sprog (da eller en; ellers MAEGLER_LANGUAGE)": "language (da or en; else MAEGLER_LANGUAGE)",
    "erstat indholdet af en database, der ikke er tom": "replace the contents of a database that is not empty",
}


def translate(text: str, language: str | None = None) -> str:
    """``text`` (Danish) in ``language`` (the current one by default); Danish without an entry."""
    if (language or _language.current()) == _language.DEFAULT:
        return text
    found = ENGLISH.get(text)
    if found is not None:
        return found
    # a subcommand's description: its help text as a sentence (capitalised, with a full stop)
    if text.endswith(".") and len(text) > 1:
        help_text = text[:1].lower() + text[1:-1]
        if help_text in ENGLISH:
            sentence = ENGLISH[help_text]
            return sentence[:1].upper() + sentence[1:] + "."
    return text


def translate_parser(parser: argparse.ArgumentParser, language: str | None = None) -> None:
    """Every text a parser (and its subcommands' parsers) shows, in ``language``, in place."""

    def tr(text: str | None) -> str | None:
        if not text or text == argparse.SUPPRESS:
            return text
        return translate(text, language)

    parser.description = tr(parser.description)
    parser.epilog = tr(parser.epilog)
    for group in parser._action_groups:
        group.title = tr(group.title)
        group.description = tr(group.description)
    for action in parser._actions:
        action.help = tr(action.help)
        if isinstance(action.metavar, str):
            action.metavar = tr(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = tr(choice.help)
            for sub in dict.fromkeys(action.choices.values()):
                translate_parser(sub, language)


def chosen_language(argv: Sequence[str] | None) -> str:
    """``--language`` from the command line (either place), else ``MAEGLER_LANGUAGE``, else
    Danish. A value that is not a language is left for argparse to refuse (in Danish)."""
    args = list(argv or [])
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == LANGUAGE_OPTION and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(LANGUAGE_OPTION + "="):
            value = arg.partition("=")[2]
        if value is not None:
            return value if value in _language.LANGUAGES else _language.DEFAULT
    forced = os.environ.get(LANGUAGE_ENV, "")
    return forced if forced in _language.LANGUAGES else _language.DEFAULT


@contextlib.contextmanager
def speaking(argv: Sequence[str] | None) -> Iterator[str]:
    """Build and run a parser inside this block to have it, and the catalogue, speak the chosen
    language (yielded). The process's language is put back afterwards."""
    chosen = chosen_language(argv)
    before = _language.current()
    _language.set_process_language(chosen)
    try:
        if chosen == _language.DEFAULT:
            with danish():
                yield chosen
        else:
            yield chosen
    finally:
        _language.set_process_language(before)
