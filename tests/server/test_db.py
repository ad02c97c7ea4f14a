"""The server database: SQLite's write-ahead log checkpointed off the requests' path; migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from mægler_app.domain.timeutil import utcnow
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database, alembic_config
from mægler_app.server.push import fetch_spent


def test_the_log_is_checkpointed_in_the_background_and_truncated_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite3"
    wal = Path(f"{path}-wal")
    db = Database(f"sqlite:///{path}")
    checkpointer = db._checkpointer
    assert checkpointer is not None and checkpointer.is_alive()
    checkpointer.interval = 0.05
    db.upgrade()
    with db.engine.connect() as conn:
        # No automatic checkpoint inside a commit: that is the background thread's work.
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    for n in range(30):
        add_user(db, f"bruger{n}", "broker", "et-langt-kodeord")
    # The thread catches up, so the next writer starts the log over: it then holds the last
    # transaction only, not all thirty (the log's size in frames is what the check reports). Its
    # first wait began at the default interval (1 s), before the test shortened it.
    checkpointer._stopping.wait(1.5)
    add_user(db, "en-mere", "broker", "et-langt-kodeord")
    with db.engine.connect() as conn:
        frames = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()[1]
    assert 0 < frames < 10
    db.dispose()
    assert not checkpointer.is_alive()
    assert not wal.exists() or wal.stat().st_size == 0
    # Nothing was lost on the way.
    again = Database(f"sqlite:///{path}")
    try:
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM app_user")).scalar() == 31
    finally:
        again.dispose()


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    from .conftest import make_db_url

    return make_db_url(backend, tmp_path, request)


def test_upgrade_copies_each_expense_amount_into_its_column(fresh_db: str) -> None:
    """A database from before s0002 keeps its budgets: the amounts it holds are copied over."""
    db = Database(fresh_db)
    try:
        cfg = alembic_config(fresh_db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "s0001")
        rows = [
            ("expense", "u1", 1, 1_250_000, "n1"),
            ("expense", "u2", 2, 10**15, "n1"),  # the largest amount a push takes
            ("expense", "u3", 3, "12,50", "n1"),  # never taken by a push: stays out of the sum
            ("company", "c1", 4, 7, None),  # not an expense
        ]
        with db.engine.begin() as conn:
            for entity, rid, seq, amount, network in rows:
                conn.execute(
                    text(
                        "INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,"
                        " field_versions, created_at, updated_at) VALUES (:e, :i, 'o', 1, :s, false, :n,"
                        " :d, '{}', :t, :t)"
                    ),
                    {"e": entity, "i": rid, "s": seq, "n": network, "t": utcnow(),
                     "d": json.dumps({"amount_ore": amount, "title": "Kørsel"})},
                )  # fmt: skip
        db.upgrade()
        with db.engine.connect() as conn:
            amounts = dict(conn.execute(text("SELECT id, amount_ore FROM record")).all())
            spent = fetch_spent(conn, "o", ["n1", "n2"])
        assert amounts == {"u1": 1_250_000, "u2": 10**15, "u3": None, "c1": None}
        assert spent == {"n1": 1_250_000 + 10**15, "n2": 0}
    finally:
        db.dispose()


def test_upgrade_from_s0002_keeps_the_users_and_gives_them_an_empty_display_name(fresh_db: str) -> None:
    """s0004: users made before it keep their name, role and password; their display name is ""."""
    from mægler_app.server.accounts import login
    from mægler_app.server.security import hash_password

    db = Database(fresh_db)
    try:
        cfg = alembic_config(fresh_db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "s0002")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO app_user (id, username, role, password_hash, created_at)"
                    " VALUES ('u1', 'anna', 'broker', :h, :t)"
                ),
                {"h": hash_password("et-langt-kodeord"), "t": utcnow()},
            )
        db.upgrade()
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, username, role, display_name FROM app_user")).all()
        assert [tuple(r) for r in rows] == [("u1", "anna", "broker", "")]
        user = login(db, "anna", "et-langt-kodeord").user
        assert (user.id, user.display_name) == ("u1", "")
        named = add_user(db, "bo", "caseworker", "et-langt-kodeord", "  Bo   Nielsen ")
        assert named.display_name == "Bo Nielsen"
    finally:
        db.dispose()
