"""Opening a profile's database: checks, a backup before any migration, WAL and foreign keys.

Bad situations (a folder that cannot be written, a database from a newer Mægler, a corrupt file)
raise ``StoreError`` with a Danish message, and nothing is overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from . import outbox

DB_NAME = "maegler.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration. Kept here so that opening an up-to-date database never imports Alembic
# (about a third of start-up); tests/test_store.py checks it against Alembic's own head.
SCHEMA_HEAD = "0001"


class StoreError(Exception):
    """A problem with the profile or its database; ``str()`` is a Danish sentence for the user."""


class ProfileNotWritableError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class StoreSession(Session):
    """Sessions of the store: changes to synced records write their outbox entries."""


outbox.install(StoreSession)


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    """Alembic's head, read from the migration scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def _check_writable(profile: Path) -> None:
    try:
        profile.mkdir(parents=True, exist_ok=True)
        probe = profile / ".skrivetest"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise ProfileNotWritableError(
            f"Profilmappen {profile} kan ikke bruges: Mægler kan ikke skrive i den ({exc.strerror or exc}). "
            "Vælg en anden mappe med --profile, eller ret mappens rettigheder."
        ) from exc


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget eller er ikke en Mægler-database. Den er ikke ændret. "
            "Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier', eller kontakt Væksthus."
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget ({exc}). Den er ikke ændret. "
            "Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier', eller kontakt Væksthus."
        ) from exc
    if not row or row[0] != "ok":
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget (integritetstjek: {row[0] if row else 'intet svar'}). "
            "Den er ikke ændret. Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier'."
        )


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def backup_database(path: Path, label: str) -> Path:
    """A consistent copy (SQLite's online backup) in ``sikkerhedskopier/`` beside the database."""
    target_dir = path.parent / "sikkerhedskopier"
    target_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Foreign keys are checked at commit, not per statement: the unit of work (which has no
    # relationships to order by) and a pulled page (children may precede parents) insert in any order.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Store:
    """One profile's database. Use ``with store.session() as s:`` for one use case."""

    def __init__(self, profile: Path, engine: Engine) -> None:
        self.profile = profile
        self.engine = engine
        self._factory = sessionmaker(bind=engine, class_=StoreSession, expire_on_commit=False)
        self.backup_path: Path | None = None

    @property
    def db_path(self) -> Path:
        return self.profile / DB_NAME

    @property
    def blob_dir(self) -> Path:
        return self.profile / "bilag"

    @contextlib.contextmanager
    def session(self) -> Iterator[StoreSession]:
        """A session for one use case, committed at the end, rolled back on error."""
        s = self._factory()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def new_session(self) -> StoreSession:
        return self._factory()

    def close(self) -> None:
        self.engine.dispose()


def open_store(profile: Path) -> Store:
    """Open (or create) the profile's database, migrating it to the newest schema."""
    profile = Path(profile)
    _check_writable(profile)
    path = profile / DB_NAME
    _check_sqlite_file(path)
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    store = Store(profile, engine)
    try:
        current = _current_revision(engine)
    except Exception as exc:  # noqa: BLE001 - any failure to read the schema means a damaged file
        engine.dispose()
        raise CorruptDatabaseError(f"Databasen {path} kan ikke læses ({exc}). Den er ikke ændret.") from exc
    if current == SCHEMA_HEAD:
        return store
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    head = script.get_current_head()
    if current is not None and current != head:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            engine.dispose()
            raise NewerDatabaseError(
                f"Databasen i {profile} er lavet af en nyere version af Mægler (skema {current}). "
                "Opdatér Mægler for at åbne den; databasen er ikke ændret."
            )
    if current != head:
        if existed:
            store.backup_path = backup_database(path, f"foer-{head}")
        with engine.begin() as conn:
            cfg = alembic_config(str(engine.url))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return store
