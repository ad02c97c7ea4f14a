"""``maegler-server``: init, add-user, serve, publish-form, demo, history, erase-contact, backup, restore
(DESIGN.md §6).

Exit status 0 on success, 1 on a user error (a Danish sentence on stderr), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import logging.config
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import platformdirs

from ..cli_language import speaking, translate_parser
from ..domain.language import LANGUAGES
from ..domain.messages import Msg
from ..paths import APP_AUTHOR, APP_NAME

try:  # the server's libraries are the `server` extra: a desktop install has `maegler-server` without them
    from .clientaddr import TRUSTED_PROXIES_SETTING, parse_networks
    from .errors import ROLES, OperatorError
except ModuleNotFoundError as _missing:
    _top = (_missing.name or "").split(".")[0]
    if _top not in {"fastapi", "starlette", "uvicorn", "argon2", "psycopg"}:
        raise
    _package = "fastapi" if _top == "starlette" else _top
    from ..cli_language import chosen_language
    from ..domain.language import use

    with use(chosen_language(sys.argv[1:])):
        print(f"maegler-server: {Msg.SERVER_EXTRA_MISSING(module=_package)}", file=sys.stderr)
    raise SystemExit(1) from None

if TYPE_CHECKING:
    from .db import Database

# The commands import what they need when they run, so a usage error answers at once.

DB_ENV = "MAEGLER_SERVER_DB"
LANGUAGE_HELP = "sprog (da eller en; ellers MAEGLER_LANGUAGE)"


def default_db_url() -> str:
    env = os.environ.get(DB_ENV)
    if env:
        return env
    folder = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "server"
    return f"sqlite:///{folder / 'maegler-server.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maegler-server", description="Væksthus Midtjyllands Mægler-server."
    )
    parser.add_argument("--language", choices=LANGUAGES, default=None, help=LANGUAGE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db", default=None, help=f"databasens adresse (standard: ${DB_ENV} eller en SQLite-fil)"
        )
        # --- english2: the language, after the command too (cli_language.speaking reads it)
        p.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANGUAGE_HELP)
        return p

    with_db(sub.add_parser("init", help="opret eller opgradér databasen"))
    add = with_db(sub.add_parser("add-user", help="opret en bruger; adgangskoden læses fra stdin"))
    add.add_argument("name", metavar="BRUGERNAVN")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", dest="display_name", default="", metavar="FULDE_NAVN", help='fx "Anna Jensen"')
    serve = with_db(sub.add_parser("serve", help="start serveren"))
    # --- ship: each option's default from the environment too (a container, a service unit: deploy/)
    env = os.environ.get
    serve.add_argument("--host", default=env("MAEGLER_SERVER_HOST") or "127.0.0.1")
    serve.add_argument("--port", type=int, default=int(env("MAEGLER_SERVER_PORT") or 8000))
    serve.add_argument(
        "--log-level",
        default=env("MAEGLER_SERVER_LOG_LEVEL") or "info",
        choices=("critical", "error", "warning", "info", "debug"),
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=int(env("MAEGLER_SERVER_WORKERS") or 1),
        help="antal serverprocesser (flere end én kræver PostgreSQL; standard: 1)",
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADRESSE",
        help="en omvendt proxy, hvis X-Forwarded-For serveren må tro på (adresse eller net, fx 10.0.0.0/8; "
        "kan gentages; ellers læses MAEGLER_TRUSTED_PROXIES)",
    )
    serve.add_argument(
        "--threads",
        type=int,
        default=None,
        help="tråde pr. proces, der arbejder i databasen samtidig (standard: 4)",
    )
    demo = with_db(
        sub.add_parser(
            "demo",
            help="læg et helt demoprogram i en tom database: mæglere, netværk på alle trin, afgørelser; "
            "adgangskoden til alle demobrugere læses fra stdin",
        )
    )
    demo.add_argument("--seed", type=int, default=7, help="samme tal giver samme program (standard: 7)")
    demo.add_argument("--brokers", type=int, default=20, help="antal mæglere (standard: 20)")
    pub = with_db(sub.add_parser("publish-form", help="udgiv en ny version af en formular (JSON-fil)"))
    pub.add_argument("file", type=Path)
    hist = with_db(sub.add_parser("history", help="hvem ændrede hvad i en post og hvornår, nyeste først"))
    hist.add_argument("entity", metavar="TYPE", help="fx network, application, expense")
    hist.add_argument("id", metavar="ID", help="postens id")
    hist.add_argument(
        "--children", action="store_true", help="for et netværk: også dets medlemmer, møder, udgifter …"
    )
    # --- effects: the export for Danmarks Statistik (issue 19)
    export = with_db(
        sub.add_parser(
            "export-effects",
            help="skriv effekterne pr. deltagende virksomhed til en ;-separeret CSV-fil (UTF-8 med BOM) "
            "og CVR-numrene alene til FIL-cvr.csv; ingen personoplysninger",
        )
    )
    export.add_argument("file", type=Path, metavar="FIL.csv")
    # --- erasure (GDPR art. 17, issue 21)
    erase = with_db(
        sub.add_parser(
            "erase-contact",
            help="slet en kontaktperson overalt på serveren (posten, gemte svar, frigjort plads); "
            "møder beholder »Kontaktperson (anonymiseret)«",
        )
    )
    erase.add_argument("id", metavar="ID", help="kontaktpersonens id")
    # --- retention: the retention settings and purge (issue 21 item 2)
    settings = with_db(
        sub.add_parser(
            "settings",
            help="vis eller sæt opbevaringsperioderne; en ændring giver alle dokumenter ny opbevaringsdato",
        )
    )
    settings.add_argument("--programme-end", metavar="DATO", help="programperiodens slut, fx 2011-12-31")
    settings.add_argument(
        "--bookkeeping-years", type=int, metavar="ÅR", help="regnskabsmateriale (standard: 5)"
    )
    settings.add_argument(
        "--documentation-years", type=int, metavar="ÅR", help="programmets dokumentation (5)"
    )
    settings.add_argument(
        "--financial-year-start",
        type=int,
        metavar="MÅNED",
        help="regnskabsårets første måned, 1-12 (1: kalenderår)",
    )
    purge = with_db(
        sub.add_parser("purge", help="slet dokumenter og bilag, hvis opbevaringsdato er passeret")
    )
    purge.add_argument("--dry-run", action="store_true", help="vis kun, hvad der ville blive slettet")
    purge.add_argument("--today", metavar="DATO", help=argparse.SUPPRESS)  # for tests: the day to purge as of
    # --- end retention
    # --- ship: backup and restore (issue 23 item 5; deploy/README.md)
    backup = with_db(
        sub.add_parser(
            "backup",
            help="gem en sikkerhedskopi af hele databasen i FIL (SQLite: en kopi, mens serveren kører; "
            "PostgreSQL: pg_dump -Fc)",
        )
    )
    backup.add_argument("file", type=Path, metavar="FIL")
    restore = with_db(
        sub.add_parser(
            "restore",
            help="gendan databasen fra en sikkerhedskopi (FIL) i en tom database; stop serveren først",
        )
    )
    restore.add_argument("file", type=Path, metavar="FIL")
    restore.add_argument(
        "--force", action="store_true", help="erstat indholdet af en database, der ikke er tom"
    )
    # --- end ship
    return parser


def _open(args: argparse.Namespace) -> Database:

    from .db import Database

    return Database(args.db or default_db_url())


def cmd_init(args: argparse.Namespace) -> None:
    from .forms import publish_bundled

    db = _open(args)
    try:
        db.upgrade()
        published = publish_bundled(db)
        from .retention import ensure_dated  # --- retention

        dated = ensure_dated(db)
    finally:
        db.dispose()
    print(Msg.SERVER_CLI_DB_READY())
    if dated:  # --- retention
        print(Msg.RETENTION_SETTINGS_SAVED(n=dated))
    for name in published:
        print(Msg.SERVER_CLI_BUNDLED_FORM_PUBLISHED(name=name))


def cmd_add_user(args: argparse.Namespace) -> None:
    from .accounts import add_user

    password = sys.stdin.readline().rstrip("\r\n")
    db = _open(args)
    try:
        db.check_current()
        user = add_user(db, args.name, args.role, password, args.display_name)
    finally:
        db.dispose()
    who = f"{user.display_name}, {user.role}" if user.display_name else user.role
    print(Msg.SERVER_CLI_USER_CREATED(username=user.username, who=who))


def cmd_publish_form(args: argparse.Namespace) -> None:
    from .forms import load_file, publish

    db = _open(args)
    try:
        db.check_current()
        form_id, version = publish(db, load_file(args.file))
    finally:
        db.dispose()
    print(Msg.SERVER_CLI_FORM_PUBLISHED(form=form_id, version=version))


# --- erasure
def cmd_erase_contact(args: argparse.Namespace) -> None:
    from .erasure import ErasureNotFoundError, erase_contact

    db = _open(args)
    try:
        db.check_current()
        try:
            done = erase_contact(db, args.id, "server", full=True)
        except ErasureNotFoundError as exc:
            raise OperatorError(Msg.ERASURE_CONTACT_NOT_FOUND(id=args.id)) from exc
    finally:
        db.dispose()
    print(Msg.ERASURE_DONE(id=done.contact_id, answers=done.answers))


def cmd_history(args: argparse.Namespace) -> None:
    from ..domain.record_history import history_lines
    from ..domain.sync_contract import ENTITIES
    from .changelog import record_exists, record_history

    if args.entity not in ENTITIES:
        raise OperatorError(Msg.SERVER_HISTORY_ENTITY_UNKNOWN(entity=args.entity, known=", ".join(ENTITIES)))
    db = _open(args)
    try:
        db.check_current()
        with db.session() as s:
            if not record_exists(s, args.entity, args.id):
                raise OperatorError(Msg.SERVER_HISTORY_RECORD_NOT_FOUND(entity=args.entity, id=args.id))
            entries = record_history(s, args.entity, args.id, children=args.children)
    finally:
        db.dispose()
    if not entries:
        print(Msg.SERVER_HISTORY_EMPTY())
    for line in history_lines([e.as_json() for e in entries]):
        print(line)


def cmd_demo(args: argparse.Namespace) -> None:
    from ..domain.messages import Msg
    from ..domain.stages import STAGE_LABELS, STAGE_ORDER
    from .demo import seed_programme

    password = sys.stdin.readline().rstrip("\r\n")
    db = _open(args)

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        summary = seed_programme(db, password, seed=args.seed, brokers=args.brokers, progress=progress)
    finally:
        print(file=sys.stderr)
        db.dispose()
    networks = sum(summary.stages.values())
    print(
        Msg.DEMO_SEEDED(
            brokers=len(summary.brokers),
            networks=networks,
            approved=summary.approved,
            rejected=summary.rejected,
            records=summary.records,
        )
    )
    for stage in STAGE_ORDER:
        print(Msg.DEMO_STAGE_COUNT(stage=STAGE_LABELS[stage], n=summary.stages.get(str(stage), 0)))
    print(Msg.DEMO_LOGIN(caseworker=summary.caseworker, first=summary.brokers[0], last=summary.brokers[-1]))


# --- effects
def cmd_export_effects(args: argparse.Namespace) -> None:
    from ..domain.effects import cvr_file_name
    from ..domain.errors import os_reason
    from .stats import export_effects

    db = _open(args)
    try:
        db.check_current()
        main, cvrs, n = export_effects(db)
    finally:
        db.dispose()
    path = Path(args.file)
    cvr_path = path.with_name(cvr_file_name(path.name))
    for target, data in ((path, main), (cvr_path, cvrs)):
        try:
            target.write_bytes(data)
        except OSError as exc:
            raise OperatorError(Msg.CLI_FILE_NOT_WRITABLE(path=str(target), reason=os_reason(exc))) from exc
    print(Msg.EFFECTS_EXPORTED(n=n, path=str(path), cvr_path=str(cvr_path)))


# --- retention
def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OperatorError(Msg.RETENTION_DATE_BAD(text=text)) from None


def cmd_settings(args: argparse.Namespace) -> None:
    import dataclasses

    from ..domain.retention import settings_problems
    from .retention import read_settings, save_settings

    db = _open(args)
    try:
        db.check_current()
        current = read_settings(db)
        changes: dict[str, object] = {}
        if args.programme_end is not None:
            changes["programme_end"] = _date_arg(args.programme_end)
        for name, value in (
            ("bookkeeping_years", args.bookkeeping_years),
            ("documentation_years", args.documentation_years),
            ("financial_year_start_month", args.financial_year_start),
        ):
            if value is not None:
                changes[name] = value
        new = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        problems = settings_problems(new)
        if problems:
            raise OperatorError(problems[0])
        redated = save_settings(db, new) if changes else None
    finally:
        db.dispose()
    print(
        Msg.RETENTION_SETTINGS_SHOWN(
            bookkeeping=new.bookkeeping_years,
            month=new.financial_year_start_month,
            documentation=new.documentation_years,
            end=new.programme_end,
        )
    )
    if redated is not None:
        print(Msg.RETENTION_SETTINGS_SAVED(n=redated))


def cmd_purge(args: argparse.Namespace) -> None:
    from ..domain.retention import DOCUMENT_NAMES
    from .retention import purge

    today = _date_arg(args.today) if args.today else None
    db = _open(args)
    try:
        db.check_current()
        result = purge(db, today, dry_run=args.dry_run)
    finally:
        db.dispose()
    for item in result.items:
        print(Msg.PURGE_ITEM(entity=DOCUMENT_NAMES[item.entity](), id=item.id, d=item.keep_until))
    if not result.items:
        print(Msg.PURGE_NOTHING())
    elif args.dry_run:
        print(Msg.PURGE_DRY_RUN(n=len(result.items), blobs=len(result.blobs)))
    else:
        print(Msg.PURGE_DONE(n=len(result.items), blobs=len(result.blobs)))


# --- end retention


# --- ship
def cmd_backup(args: argparse.Namespace) -> None:
    from .backup import backup

    done = backup(args.db or default_db_url(), args.file)
    print(Msg.SERVER_BACKUP_DONE(path=str(done.path), size=done.size))


def cmd_restore(args: argparse.Namespace) -> None:
    from .backup import restore
    from .db import ServerDbError

    url = args.db or default_db_url()
    restore(url, args.file, force=args.force)
    print(Msg.SERVER_RESTORE_DONE(path=str(args.file)))
    db = _open(args)
    try:
        db.check_current()
    except ServerDbError as exc:  # a backup from an older server: `init` upgrades it
        print(exc)
    finally:
        db.dispose()


# --- end ship


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from .app import DEFAULT_THREADS, create_app
    from .db import Database
    from .warmup import warm_up

    serve_tuning()
    db = _open(args)
    db.check_current()
    logging.config.dictConfig(uvicorn_log_config(args.log_level))  # --- ship: before uvicorn's, alike

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        # uvicorn re-raises the signal after its graceful shutdown; ending with status 0 then
        # tells a supervisor that the stop was clean.
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _stop)
    # The access log (uvicorn's) shows method, path and status: tokens travel only in headers,
    # passwords only in bodies, so neither is ever written.
    options = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "access_log": True,
        "log_config": uvicorn_log_config(args.log_level),
        "timeout_graceful_shutdown": 10,
        # The client's address is decided in one place (clientaddr.py), from trusted proxies only.
        "proxy_headers": False,
        # No "server: uvicorn" on every answer: bytes on a phone's link, and nothing to tell
        "server_header": False,
    }
    if args.trusted_proxy:
        try:
            parse_networks(",".join(args.trusted_proxy))
        except ValueError:
            raise OperatorError(Msg.SERVER_TRUSTED_PROXY_BAD(value=", ".join(args.trusted_proxy))) from None
        # Read by create_app in this process and in every worker process it starts.
        os.environ[TRUSTED_PROXIES_SETTING] = ",".join(args.trusted_proxy)
    if args.workers < 1:
        raise OperatorError(Msg.SERVER_OPTION_AT_LEAST_ONE(option="--workers"))
    threads = DEFAULT_THREADS if args.threads is None else args.threads
    if threads < 1:
        raise OperatorError(Msg.SERVER_OPTION_AT_LEAST_ONE(option="--threads"))
    if args.workers > 1:
        if db.is_sqlite:
            db.dispose()
            raise OperatorError(Msg.SERVER_WORKERS_NEED_POSTGRESQL())
        # Each process opens its own connections and listens on its own socket; see workers.py.
        from .workers import run_workers

        db.dispose()
        run_workers(db.url, args.workers, threads, options)
        return
    if not db.is_sqlite:  # a connection per thread, and a spare (db.POOL_SIZE)
        db.dispose()
        db = Database(db.url, pool_size=threads + 1)
    warm_up(db)
    try:
        server = uvicorn.Server(uvicorn.Config(create_app(db, threads=threads), **options))
        settle_heap()
        server.run()
    finally:
        db.dispose()


# A request's thread gives up the interpreter at every database round trip and must win it back
# from the threads busy with other requests; Python makes it wait up to this interval. The default
# 5 ms, paid at each of a push's ten round trips, was most of its latency under load (20 brokers:
# 1.430 changes/s at 5 ms, 1.720–1.930 at 1 ms, with the same CPU per change).
SWITCH_INTERVAL_S = 0.001


def serve_tuning() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)


# A push allocates a few hundred thousand short-lived objects (parsed changes, rows, answers). At
# Python's default threshold the collector ran every 700 of them, and its full collections walked
# the hundreds of thousands of objects every server holds for good (modules, SQLAlchemy's and
# FastAPI's machinery): a third of a push. Those are frozen once the app is built, and the youngest
# generation is collected less often: 116–125 → 90–98 µs of CPU per pushed change in alternating runs.
GC_THRESHOLD = (20_000, 10, 10)


def settle_heap() -> None:
    """Just before serving: what exists now lives as long as the process; collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


COMMANDS = {
    "init": cmd_init,
    "add-user": cmd_add_user,
    "serve": cmd_serve,
    "publish-form": cmd_publish_form,
    "history": cmd_history,
    "demo": cmd_demo,
    "export-effects": cmd_export_effects,  # --- effects
    "erase-contact": cmd_erase_contact,  # --- erasure
    "settings": cmd_settings,  # --- retention
    "purge": cmd_purge,  # --- retention
    "backup": cmd_backup,  # --- ship
    "restore": cmd_restore,  # --- ship
}


# --- ship: every line of the server's log starts with its time in UTC, as ISO 8601, and its level
LOG_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"
LOG_TIME = "%(asctime)s.%(msecs)03dZ"


def uvicorn_log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's own logging (its default lines have no time), and the server's loggers through the
    root logger, each line with its time in UTC and its level (``2026-12-07T17:45:01.123Z INFO: …``),
    no colours. It travels in uvicorn's options, so every server process logs alike."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"] = {
        "default": {
            "()": "mægler_app.server.logfmt.UtcDefaultFormatter",
            "fmt": f"{LOG_TIME} %(levelprefix)s %(message)s",
            "datefmt": LOG_TIME_FORMAT,
            "use_colors": False,
        },
        "access": {
            "()": "mægler_app.server.logfmt.UtcAccessFormatter",
            "fmt": f'{LOG_TIME} %(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s',
            "datefmt": LOG_TIME_FORMAT,
            "use_colors": False,
        },
        "app": {
            "()": "mægler_app.server.logfmt.UtcFormatter",
            "fmt": f"{LOG_TIME} %(levelname)s: %(name)s: %(message)s",
            "datefmt": LOG_TIME_FORMAT,
        },
    }
    config["handlers"]["app"] = {
        "formatter": "app",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
    }
    config["root"] = {"handlers": ["app"], "level": level.upper()}
    return config


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with speaking(argv):  # --- english2: --language / MAEGLER_LANGUAGE, Danish by default
        parser = _parser()
        translate_parser(parser)
        args = parser.parse_args(argv)
        try:
            COMMANDS[args.command](args)
        except OperatorError as exc:
            print(Msg.SERVER_CLI_ERROR(text=exc), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
