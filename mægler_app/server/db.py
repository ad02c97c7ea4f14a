"""The server's database: engine, sessions, migrations, and the lock that orders writes.

SQLite by default, PostgreSQL by URL. A write that hands out sequence numbers takes them from the
counter row with ``UPDATE ... RETURNING`` once its checks are done, just before it writes; that
row lock is held until commit, so sequence order is commit order and a pull can never skip a
change that committed late, while the reading and checking of concurrent writes overlaps.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Table, bindparam, create_engine, event, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .. import fastjson
from ..domain.messages import Msg
from .errors import OperatorError
from .models import SeqCounter

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger("maegler.server")


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


# Connections per process. ``serve`` asks for as many as it has threads working in the database
# (and a spare): each PostgreSQL connection is a server process of the database's, and a
# database's connections are shared by every Mægler process on every machine (max_connections).
POOL_SIZE = 20


def make_engine(url: str, pool_size: int = POOL_SIZE) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServerDbError(Msg.SERVER_DB_URL_UNREADABLE(url=url)) from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ServerDbError(Msg.SERVER_DB_FOLDER(folder=str(folder), detail=str(exc))) from exc
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=20,
            max_overflow=20,
            json_serializer=fastjson.dumps_str,
            json_deserializer=fastjson.loads,
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN is the
            # real one (https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl)
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            # Checkpoints are the Checkpointer's, off the requests' path (see below).
            cur.execute("PRAGMA wal_autocheckpoint=0")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # --- erasure: freed content is overwritten with zeros, so an erased person's old row
            # versions are not left in free pages (issue 21; server/erasure.py)
            cur.execute("PRAGMA secure_delete=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    try:
        # No ping before each use of a pooled connection: it was a round trip per request. A
        # connection the database dropped (a restart) fails its request once; SQLAlchemy then
        # recognises the disconnect and replaces every connection of the pool it had opened before.
        return create_engine(
            url,
            connect_args=PG_CONNECT_ARGS,
            pool_size=pool_size,
            max_overflow=pool_size,
            # the most recently used connection first: a few connections, hot, rather than all in turn
            pool_use_lifo=True,
            json_serializer=fastjson.dumps_str,
            json_deserializer=fastjson.loads,
        )
    except (ArgumentError, ImportError) as exc:
        raise ServerDbError(Msg.SERVER_DB_URL_UNUSABLE(url=url, detail=str(exc))) from exc


# psycopg prepares each statement on its first use (not its fifth: every new connection of a busy
# pool otherwise parsed and planned its first five pushes' statements anew), and PostgreSQL plans
# each call for its own values: a cached generic plan for a look-up by key was a sequential scan
# when chosen on a young table, and stayed one while the table grew (a push then cost time in
# proportion to every change ever applied).
PG_CONNECT_ARGS: dict[str, Any] = {
    "options": "-c plan_cache_mode=force_custom_plan",
    "prepare_threshold": 0,
}


class Database:
    def __init__(self, url: str, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Reads of one statement (a pull's page, a token) need no transaction: on PostgreSQL a
        # transaction was two more round trips (BEGIN, and the pool's ROLLBACK), as many as the read.
        self._reader = (
            self.engine if self.is_sqlite else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        # SQLite's writers of this process queue here in arrival order (see ``write``), and on
        # PostgreSQL those about to take sequence numbers do (the counter's row lock is unfair).
        self._write_lock = FairLock()
        self._seq_queue = FairLock()
        self._checkpointer: Checkpointer | None = None
        if self.is_sqlite and (self.engine.url.database or ":memory:") != ":memory:":
            self._checkpointer = Checkpointer(self.engine)
            self._checkpointer.start()

    def session(self) -> Session:
        return self._sessions()

    def read(self) -> Connection:
        """A connection for reads each complete in one statement, outside a transaction (PostgreSQL)."""
        return self._reader.connect()

    @contextlib.contextmanager
    def write(self, owner_id: str | None = None, *, lock_with_reads: bool = False) -> Iterator[Session]:
        """A write transaction.

        SQLite has a single writer, so this process's writers queue here in arrival order (its
        own busy-wait is unfair). On PostgreSQL writes run side by side; the writes that touch one
        owner's records queue on that owner's advisory lock, which the transaction holds to its
        end, so what a push read about its broker's records stays true until it commits. Their
        step of taking sequence numbers (``allocate_seqs``) queues in arrival order too.
        With ``lock_with_reads`` the owner's lock is taken by the write's first statements,
        ``read_pipelined``, in their round trip (the push's), which must come before any other.
        """
        lock = self._write_lock if self.is_sqlite else contextlib.nullcontext()
        with contextlib.ExitStack() as after_commit:
            with lock, self._sessions() as session, session.begin():
                if not self.is_sqlite:
                    session.info[_AFTER_COMMIT] = after_commit
                    session.info[_SEQ_QUEUE] = self._seq_queue
                    if owner_id is not None and lock_with_reads and pipelined("postgresql"):
                        session.info[_OWNER_LOCK] = owner_lock_key(owner_id)
                    elif owner_id is not None:
                        session.execute(select(func.pg_advisory_xact_lock(owner_lock_key(owner_id))))
                yield session

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except DBAPIError as exc:
            raise ServerDbError(Msg.SERVER_DB_CANNOT_OPEN(detail=str(exc.orig))) from exc

    def upgrade(self) -> None:
        cfg = alembic_config(self.url)
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except DBAPIError as exc:
            raise ServerDbError(Msg.SERVER_DB_CANNOT_UPGRADE(detail=str(exc.orig))) from exc

    def check_current(self) -> None:
        current = self.current_revision()
        if current is None:
            raise ServerDbError(Msg.SERVER_DB_NOT_CREATED())
        if current != head_revision():
            known = {
                s.revision for s in ScriptDirectory.from_config(alembic_config(self.url)).walk_revisions()
            }
            if current not in known:
                raise ServerDbError(Msg.SERVER_DB_NEWER())
            raise ServerDbError(Msg.SERVER_DB_OLDER())

    def dispose(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()


class Checkpointer(threading.Thread):
    """Copies SQLite's write-ahead log into the database file in the background.

    SQLite's own automatic checkpoint runs inside the commit that crosses its threshold, with two
    fsyncs; here that made an average commit cost 3.2 ms instead of 0.7, paid by whichever push
    was holding the write lock. This thread checkpoints every ``interval`` seconds instead, in
    PASSIVE mode: it never waits for or blocks a writer or a reader, and the log starts over
    from its beginning once a checkpoint has caught up. On ``stop`` it checkpoints once more and
    truncates the log.
    """

    def __init__(self, engine: Engine, interval: float = 1.0) -> None:
        super().__init__(name="maegler-checkpoint", daemon=True)
        self.engine = engine
        self.interval = interval
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.wait(self.interval):
            self.checkpoint("PASSIVE")

    def checkpoint(self, mode: str) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})")
        except DBAPIError as exc:  # a busy or vanished database: the next round tries again
            log.warning("checkpoint af SQLite-loggen mislykkedes: %s", exc.orig)

    def stop(self) -> None:
        self._stopping.set()
        if self.is_alive():
            self.join(timeout=10)
        self.checkpoint("TRUNCATE")


class FairLock:
    """A first-come, first-served lock (threading.Lock makes no promise about order).

    Each waiter sleeps on a lock of its own and the holder hands over to the next in line, so a
    release wakes one thread, not every waiting one (a shared condition woke all twenty waiters
    of a busy server on every release, each only to find it was not its turn).
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: collections.deque[threading.Lock] = collections.deque()

    def __enter__(self) -> None:
        with self._mutex:
            if not self._held:
                self._held = True
                return
            baton = threading.Lock()
            baton.acquire()
            self._waiters.append(baton)
        baton.acquire()  # released by the holder before us, who passes the lock on held

    def __exit__(self, *_exc: object) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()
            else:
                self._held = False


def owner_lock_key(owner_id: str) -> int:
    """A signed 64-bit advisory-lock key for one owner's records."""
    digest = hashlib.blake2b(f"maegler-owner:{owner_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def allocate_seqs(session: Session, count: int) -> int:
    """Reserve ``count`` sequence numbers and return the first.

    The counter row stays locked until the transaction ends, so sequence order is commit order
    and a pull can never skip a change that commits late. Callers do this once their checks
    are done, just before they write: the lock is what serialises writers, held that long.
    Waiters of this process queue first-come first-served before they ask for the row (whose
    lock lets late arrivals barge in, which gave a long latency tail under load).
    """
    queue = session.info.pop(_SEQ_QUEUE, None)
    if queue is not None:
        session.info[_AFTER_COMMIT].enter_context(queue)
    last: int = session.execute(TAKE_SEQS, {"count": count}).scalar_one()
    return last - count + 1


_AFTER_COMMIT = "maegler_after_commit"
_OWNER_LOCK = "maegler_owner_lock"
_SEQ_QUEUE = "maegler_seq_queue"
_COUNTER = cast(Table, SeqCounter.__table__)
TAKE_SEQS = (
    update(_COUNTER)
    .where(_COUNTER.c.id == 1)
    .values(value=_COUNTER.c.value + bindparam("count"))
    .returning(_COUNTER.c.value)
)


@functools.cache
def pipelined(dialect: str) -> bool:
    """Whether this database takes several statements in one round trip (PostgreSQL, with a libpq
    of version 14 or later: psycopg[binary] brings its own)."""
    if dialect != "postgresql":
        return False
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


def driver_sql(statement: str) -> str:
    """A statement written with SQLAlchemy's ``:name`` parameters in psycopg's ``%(name)s``."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", statement)


OWNER_LOCK_PG = "SELECT pg_advisory_xact_lock(%(key)s)"


def read_pipelined(
    session: Session, statements: list[tuple[str, dict[str, Any]]]
) -> list[list[tuple[Any, ...]]]:
    """PostgreSQL: the rows of each of ``statements``, all sent in one round trip (psycopg's
    pipeline mode), after the owner's lock when ``Database.write`` left it to them.

    Each statement still sees what committed before it ran, so the reads after the lock see every
    earlier write of the owner. A push read its broker's records, its answers, budgets and
    settings in five round trips or more, each of which had to win the interpreter back from the
    process's busy threads.
    """
    import psycopg

    raw = session.connection().connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    lock = session.info.pop(_OWNER_LOCK, None)
    statement, params = OWNER_LOCK_PG, {"key": lock}
    try:
        with raw.pipeline():
            if lock is not None:
                raw.execute(statement, params)
            cursors = []
            for statement, params in statements:
                cursors.append(raw.execute(statement, params))
            return [cur.fetchall() for cur in cursors]
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, params, exc, psycopg.Error) from exc


# The same statement for the driver (``write_with_seqs``), its parameter in psycopg's style.
TAKE_SEQS_PG = "UPDATE seq_counter SET value = value + %(count)s WHERE id = 1 RETURNING value"


def write_with_seqs(session: Session, count: int, statements: list[tuple[str, dict[str, Any]]]) -> int:
    """PostgreSQL: reserve ``count`` sequence numbers, run ``statements`` and commit, all in one
    round trip (psycopg's pipeline mode); the first number.

    The statements read the numbers from the counter row (``seq_counter.value``, the last one
    taken: this transaction's own update). Taking the numbers, writing and committing in turn,
    each waiting for its answer, held the counter's lock for five round trips, each of which had
    to win the interpreter back from the process's busy threads: under load the lock was held
    8.5 ms a push, nearly all the time, and all pushes queued on it (benchmarks/server_bench.py).
    Now it is held while PostgreSQL runs the statements. This ends the transaction: it is the last
    thing a write does (the session's own commit after it finds nothing to do).
    """
    session.flush()
    queue = session.info.pop(_SEQ_QUEUE, None)
    if queue is not None:
        session.info[_AFTER_COMMIT].enter_context(queue)
    import psycopg

    raw = session.connection().connection.driver_connection
    assert isinstance(raw, psycopg.Connection)

    statement, params = TAKE_SEQS_PG, {"count": count}
    try:
        with raw.pipeline(), raw.cursor() as take, raw.cursor() as cur:
            take.execute(statement, params)
            for statement, params in statements:
                cur.execute(statement, params)
            raw.commit()
            row = take.fetchone()
    except psycopg.Error as exc:  # as SQLAlchemy would have raised it (IntegrityError: another try)
        raise DBAPIError.instance(statement, params, exc, psycopg.Error) from exc
    assert row is not None
    return int(row[0]) - count + 1
