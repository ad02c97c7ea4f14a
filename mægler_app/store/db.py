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

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from .. import fastjson
from . import outbox, retention
from .quick import (  # re-exported: the checks live with the stdlib-only reader
    DB_NAME,
    SCHEMA_HEAD,
    CorruptDatabaseError,
    NewerDatabaseError,
    ProfileNotWritableError,
    StoreError,
    precheck,
)

__all__ = [
    "DB_NAME",
    "SCHEMA_HEAD",
    "CorruptDatabaseError",
    "NewerDatabaseError",
    "ProfileNotWritableError",
    "Store",
    "StoreError",
    "open_store",
]

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreSession(Session):
    """Sessions of the store: changes to synced records write their outbox entries."""


outbox.install(StoreSession)
retention.install(StoreSession)  # --- retention: keep-until dates on save


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
    # --- erasure: freed content is overwritten with zeros, so an anonymised person's old row
    # versions and sent outbox entries are not left in free pages (issue 21)
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()
    # pysqlite opens its transactions lazily, at the first write; then a pragma sent at "begin"
    # runs outside the transaction and is lost. We emit BEGIN ourselves (SQLAlchemy's documented
    # recipe for SQLite), so every pragma below applies to the whole transaction.
    dbapi_conn.isolation_level = None


def _on_begin(conn: Any) -> None:
    # Foreign keys are checked at commit, not per statement: the unit of work (which has no
    # relationships to order by) and a pulled page (children may precede parents) insert in any order.
    conn.exec_driver_sql("BEGIN")
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


def make_engine(path: Path) -> Engine:
    # orjson for the JSON columns: the outbox's changes are written with every edit and read
    # back at every sync.
    engine = create_engine(
        f"sqlite:///{path}", future=True, json_serializer=fastjson.dumps_str, json_deserializer=fastjson.loads
    )
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
    """Open (or create) the profile's database, migrating it to the newest schema.

    Raises StoreError (Danish) for a folder that cannot be written, a corrupt database or one made
    by a newer Mægler; in those cases nothing is written. Before a migration the database is copied
    to ``sikkerhedskopier/``.
    """
    profile = Path(profile)
    up_to_date = precheck(profile)
    path = profile / DB_NAME
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    store = Store(profile, engine)
    if up_to_date:
        return store
    from alembic import command

    if existed:
        store.backup_path = backup_database(path, f"foer-{SCHEMA_HEAD}")
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return store
