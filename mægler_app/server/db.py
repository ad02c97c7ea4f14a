"""The server's database: engine, sessions, migrations, and the lock that orders writes.

SQLite by default, PostgreSQL by URL. Every write that hands out sequence numbers first takes the
counter row with ``UPDATE ... RETURNING``; that row lock is held until commit, so sequence order
is commit order and a pull can never skip a change that committed late.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .errors import OperatorError
from .models import SeqCounter

MIGRATIONS = Path(__file__).with_name("migrations")


class ServerDbError(OperatorError):
    """A database that cannot be used; ``str()`` is a Danish sentence for the operator."""


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServerDbError(f"Databaseadressen »{url}« kan ikke forstås.") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ServerDbError(f"Mappen {folder} til databasen kan ikke oprettes ({exc}).") from exc
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=20, max_overflow=20
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN is the
            # real one (https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl)
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    try:
        return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise ServerDbError(f"Databaseadressen »{url}« kan ikke bruges: {exc}") from exc


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Writers of this process queue here in arrival order: SQLite has one writer anyway (and
        # its busy-wait is unfair), and PostgreSQL's counter row lock lets late arrivals barge in,
        # which gave a long latency tail under load. The row lock still orders other processes.
        self._write_lock = FairLock()

    def session(self) -> Session:
        return self._sessions()

    @contextlib.contextmanager
    def write(self) -> Iterator[tuple[Session, SeqAllocator]]:
        """A write transaction that holds the sequence counter until it commits."""
        with self._write_lock, self._sessions() as session, session.begin():
            alloc = SeqAllocator(session)
            yield session, alloc
            alloc.flush()

    @contextlib.contextmanager
    def write_plain(self) -> Iterator[Session]:
        """A write transaction that hands out no sequence numbers (accounts, blobs, forms)."""
        with self._write_lock, self._sessions() as session, session.begin():
            yield session

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except DBAPIError as exc:
            raise ServerDbError(f"Databasen kan ikke åbnes: {exc.orig}") from exc

    def upgrade(self) -> None:
        cfg = alembic_config(self.url)
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except DBAPIError as exc:
            raise ServerDbError(f"Databasen kan ikke opgraderes: {exc.orig}") from exc

    def check_current(self) -> None:
        current = self.current_revision()
        if current is None:
            raise ServerDbError("Databasen er ikke oprettet. Kør først »maegler-server init« med samme --db.")
        if current != head_revision():
            known = {
                s.revision for s in ScriptDirectory.from_config(alembic_config(self.url)).walk_revisions()
            }
            if current not in known:
                raise ServerDbError(
                    "Databasen er fra en nyere udgave af Mægler-serveren; opdatér serveren før den startes."
                )
            raise ServerDbError(
                "Databasen har et ældre skema. Kør »maegler-server init« for at opgradere den."
            )

    def dispose(self) -> None:
        self.engine.dispose()


class FairLock:
    """A first-come, first-served lock (threading.Lock makes no promise about order)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._cond.wait()

    def __exit__(self, *_exc: object) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()


class SeqAllocator:
    """Hands out sequence numbers inside one write transaction.

    The first statement of the transaction locks the counter row (UPDATE ... RETURNING) so the
    transaction's numbers are above every number of a transaction that committed before it, and
    no later transaction gets a number until this one has committed.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last: int = session.execute(
            update(SeqCounter)
            .where(SeqCounter.id == 1)
            .values(value=SeqCounter.value)
            .returning(SeqCounter.value)
        ).scalar_one()
        self._start = self.last

    def next(self) -> int:
        self.last += 1
        return self.last

    def flush(self) -> None:
        if self.last != self._start:
            self.session.execute(update(SeqCounter).where(SeqCounter.id == 1).values(value=self.last))
            self._start = self.last
