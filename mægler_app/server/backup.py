"""``maegler-server backup`` and ``restore`` (issue 23 item 5; deploy/README.md).

SQLite: the online backup API (``sqlite3.Connection.backup``), so a backup may be taken while the
server runs and is a consistent copy of one moment, write-ahead log included. PostgreSQL: the
server's own tools, ``pg_dump -Fc`` and ``pg_restore``, found on PATH or where Debian puts them.

A backup is written to a temporary file beside the target and renamed into place when complete,
so a failed backup never leaves a half file under the name a restore would read. A restore goes
into an empty database only, unless told ``force``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from ..domain.errors import os_reason
from ..domain.messages import Msg
from .db import Database, ServerDbError
from .errors import OperatorError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Debian and Ubuntu install each PostgreSQL version's programs here, with only a wrapper on PATH
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_TOOL_TIMEOUT_S = 6 * 3600


class BackupError(OperatorError):
    """A backup or restore that cannot be done; ``str()`` is a Danish sentence for the operator."""


@dataclass(frozen=True)
class Outcome:
    path: Path
    size: int
    revision: str | None


def _url(db_url: str) -> URL:
    try:
        return make_url(db_url)
    except ArgumentError as exc:
        raise ServerDbError(Msg.SERVER_DB_URL_UNREADABLE(url=db_url)) from exc


def _sqlite_path(url: URL) -> Path:
    database = url.database or ""
    if not database or database == ":memory:":
        raise BackupError(Msg.SERVER_BACKUP_SQLITE_MEMORY())
    return Path(database).expanduser()


def _read_only(path: Path) -> str:
    """A SQLite URI that opens ``path`` for reading only (any character in the name escaped)."""
    return f"{path.resolve().as_uri()}?mode=ro"


def _is_server_revision(revision: str) -> bool:
    """A server database's schema revision: one this server knows, or a newer server's (``s0009…``)."""
    from alembic.script import ScriptDirectory

    from .db import alembic_config

    known = {s.revision for s in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
    return revision in known or re.match(r"s\d{4}", revision) is not None


# --- the tables a database has, and its schema revision ------------------------------------------------
def table_names(db_url: str) -> list[str]:
    """The tables in the database's default schema (none: the database is empty)."""
    url = _url(db_url)
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        if not path.exists() or path.stat().st_size == 0:
            return []
        with contextlib.closing(sqlite3.connect(_read_only(path), uri=True)) as conn:
            rows = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        return sorted(str(r[0]) for r in rows)
    db = Database(db_url)
    try:
        with db.engine.connect() as conn:
            return sorted(inspect(conn).get_table_names())
    except DBAPIError as exc:
        raise ServerDbError(Msg.SERVER_DB_CANNOT_OPEN(detail=str(exc.orig))) from exc
    finally:
        db.dispose()


def _revision(db_url: str) -> str | None:
    db = Database(db_url)
    try:
        return db.current_revision()
    finally:
        db.dispose()


# --- writing files ----------------------------------------------------------------------------------
@contextlib.contextmanager
def _written(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target``, renamed to it when the block ends without an error."""
    target = target.expanduser()
    if target.is_dir():
        raise BackupError(Msg.SERVER_BACKUP_TARGET_IS_FOLDER(path=str(target)))
    part = target.with_name(f".{target.name}.del")
    try:
        part.unlink(missing_ok=True)
        yield part
        os.replace(part, target)
    except OSError as exc:
        raise OperatorError(Msg.CLI_FILE_NOT_WRITABLE(path=str(target), reason=os_reason(exc))) from exc
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def _kind_of(path: Path) -> str:
    """``sqlite``, ``pg_dump`` or ``""`` from the file's first bytes."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise BackupError(Msg.SERVER_BACKUP_FILE_MISSING(path=str(path))) from None
    except OSError as exc:
        raise OperatorError(Msg.CLI_FILE_NOT_READABLE(path=str(path), reason=os_reason(exc))) from exc
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    return ""


# --- PostgreSQL's programs ----------------------------------------------------------------------------
def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def find_pg_tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore``: on PATH, else the newest of Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    folders = sorted((p for p in Path("/").glob(PG_BIN_GLOB.lstrip("/")) if p.is_dir()), key=_version_key)
    for folder in reversed(folders):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BackupError(Msg.SERVER_BACKUP_TOOL_MISSING(tool=name))


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The database as a libpq address without its password, and the environment carrying it
    (a password on a command line is readable by every user of the machine)."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run_pg(program: str, args: list[str], env: dict[str, str]) -> None:
    tool = Path(program).stem
    try:
        done = subprocess.run(
            [program, *args], env=env, capture_output=True, text=True, timeout=PG_TOOL_TIMEOUT_S, check=False
        )
    except OSError as exc:
        raise BackupError(Msg.SERVER_BACKUP_TOOL_FAILED(tool=tool, detail=os_reason(exc))) from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = " ".join(lines[-3:]) or f"exit {done.returncode}"
        raise BackupError(Msg.SERVER_BACKUP_TOOL_FAILED(tool=tool, detail=detail))


# --- backup -------------------------------------------------------------------------------------------
def backup(db_url: str, target: Path) -> Outcome:
    """A copy of the whole database in ``target``: a SQLite file, or pg_dump's custom format."""
    url = _url(db_url)
    sqlite = url.get_backend_name() == "sqlite"
    program = "" if sqlite else find_pg_tool("pg_dump")  # before anything is read or written
    if sqlite and not _sqlite_path(url).exists():
        raise ServerDbError(Msg.SERVER_DB_NOT_CREATED())
    revision = _revision(db_url)
    if revision is None:
        raise ServerDbError(Msg.SERVER_DB_NOT_CREATED())
    with _written(Path(target)) as part:
        if sqlite:
            source = _sqlite_path(url)
            with (
                contextlib.closing(sqlite3.connect(_read_only(source), uri=True)) as src,
                contextlib.closing(sqlite3.connect(part)) as dst,
            ):
                src.backup(dst)
                # the copy is one file that needs no write-ahead log beside it
                dst.execute("PRAGMA journal_mode=DELETE")
        else:
            address, env = _libpq(url)
            _run_pg(
                program, ["--format=custom", "--no-owner", "--no-privileges", f"--file={part}", address], env
            )
    size = Path(target).expanduser().stat().st_size
    return Outcome(Path(target), size, revision)


# --- restore ------------------------------------------------------------------------------------------
def restore(db_url: str, source: Path, *, force: bool = False) -> Outcome:
    """The database made from ``source`` (a file ``backup`` wrote for the same kind of database).
    Refuses a database that has tables, unless ``force``: then its content is replaced."""
    url = _url(db_url)
    source = Path(source).expanduser()
    kind = _kind_of(source)
    sqlite = url.get_backend_name() == "sqlite"
    wanted = "sqlite" if sqlite else "pg_dump"
    if kind != wanted:
        raise BackupError(
            Msg.SERVER_BACKUP_WRONG_FILE_SQLITE(path=str(source))
            if sqlite
            else Msg.SERVER_BACKUP_WRONG_FILE_PG(path=str(source))
        )
    program = "" if sqlite else find_pg_tool("pg_restore")
    tables = table_names(db_url)
    if tables and not force:
        raise BackupError(Msg.SERVER_RESTORE_NOT_EMPTY(n=len(tables)))
    if sqlite:
        _restore_sqlite(source, _sqlite_path(url))
    else:
        address, env = _libpq(url)
        args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if tables:
            args += ["--clean", "--if-exists"]
        _run_pg(program, [*args, f"--dbname={address}", str(source)], env)
    return Outcome(source, source.stat().st_size, _revision(db_url))


def _restore_sqlite(source: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(_read_only(source), uri=True)) as src:
        try:
            ok = src.execute("PRAGMA quick_check").fetchone()
            # a server's database (not a laptop's profile, which has Alembic revisions of its own)
            revision = src.execute("SELECT version_num FROM alembic_version").fetchone() if ok else None
        except sqlite3.DatabaseError:
            ok = revision = None
        if not ok or ok[0] != "ok" or not revision or not _is_server_revision(str(revision[0])):
            raise BackupError(Msg.SERVER_BACKUP_WRONG_FILE_SQLITE(path=str(source)))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.closing(sqlite3.connect(target, timeout=30)) as dst:
                # the target's pages are replaced whole, under its write lock
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")  # as the server opens it
        except OSError as exc:
            raise OperatorError(Msg.CLI_FILE_NOT_WRITABLE(path=str(target), reason=os_reason(exc))) from exc
        except sqlite3.Error as exc:
            raise BackupError(Msg.SERVER_BACKUP_TOOL_FAILED(tool="SQLite", detail=str(exc))) from exc
