"""Opening the PostgreSQL pool before the first request, with the hot statements prepared.

A new PostgreSQL connection costs a process, its catalogue caches and, per statement, a parse and
a plan. Opened on demand, twenty brokers' first pushes paid for all of it at once, and the first
round of a busy start took twice as long as the rest. ``warm_up`` opens the pool's connections
and runs the push's and the pull's statements on each with nothing to do, in a transaction it
rolls back: nothing is written, and each connection has them prepared (psycopg prepares on first
use, see ``db.PG_CONNECT_ARGS``).
"""

from __future__ import annotations

import contextlib

from sqlalchemy.engine import Connection

from .changelog import INSERT_NOTES_PG
from .db import TAKE_SEQS, TAKE_SEQS_PG, Database
from .pull import PULL_ALL, PULL_OWN, ROWS_BY_SEQ, SEQS_ALL, SEQS_OWN
from .push import (
    APPLIED_BY_ID,
    COMPANIES_BY_CVR,
    FORM_BODY,
    INSERT_APPLIED_PG,
    INSERT_APPLIED_SEQ_PG,
    INSERT_ROWS_PG,
    INSERT_ROWS_SEQ_PG,
    NETWORKS_SPENT,
    ROWS_BY_KEY,
    ROWS_OF_NETWORKS,
    UPDATE_ROWS_PG,
    UPDATE_ROWS_SEQ_PG,
)
from .schemas import MAX_INT

NOBODY = "-"


def warm_up(db: Database) -> None:
    if db.is_sqlite:
        return
    with contextlib.ExitStack() as opened:
        for _ in range(db.engine.pool.size()):  # type: ignore[attr-defined]
            conn = opened.enter_context(db.engine.connect())
            with conn.begin() as tx:
                prepare(conn)
                tx.rollback()


def prepare(conn: Connection) -> None:
    """Run each hot statement once so that it matches nothing and changes nothing."""
    conn.execute(ROWS_BY_KEY["postgresql"], {"entities": [], "ids": []})
    conn.execute(APPLIED_BY_ID["postgresql"], {"ids": []})
    conn.execute(ROWS_OF_NETWORKS["postgresql"], {"entity": NOBODY, "owner_id": NOBODY, "ids": []})
    conn.execute(NETWORKS_SPENT["postgresql"], {"ids": [], "owner_id": NOBODY})
    conn.execute(COMPANIES_BY_CVR["postgresql"], {"owner_id": NOBODY, "cvrs": []})
    conn.execute(FORM_BODY, {"id": NOBODY, "version": 0})
    conn.execute(INSERT_ROWS_PG, {"rows": "[]"})
    conn.execute(UPDATE_ROWS_PG, {"entities": [], "ids": [], "rows": "[]"})
    conn.execute(INSERT_APPLIED_PG, {"rows": "[]"})
    conn.execute(TAKE_SEQS, {"count": 0})
    conn.execute(PULL_OWN, {"since": MAX_INT, "limit": 1, "owner_id": NOBODY})
    conn.execute(PULL_ALL, {"since": MAX_INT, "limit": 1})
    conn.execute(SEQS_OWN, {"since": MAX_INT, "limit": 1, "owner_id": NOBODY})
    conn.execute(SEQS_ALL, {"since": MAX_INT, "limit": 1})
    conn.execute(ROWS_BY_SEQ["postgresql"], {"seqs": []})
    # The push's last round trip (db.write_with_seqs), through the driver as it runs them.
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(TAKE_SEQS_PG, {"count": 0})
    raw.execute(INSERT_ROWS_SEQ_PG, {"rows": "[]"})
    raw.execute(UPDATE_ROWS_SEQ_PG, {"entities": [], "ids": [], "rows": "[]"})
    raw.execute(INSERT_APPLIED_SEQ_PG, {"rows": "[]"})
    raw.execute(INSERT_NOTES_PG, {"rows": "[]"})
