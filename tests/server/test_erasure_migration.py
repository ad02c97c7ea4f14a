"""The server's migration s0008_erasure on SQLite and PostgreSQL: a contact tombstone stored with the
person comes out erased with a new version and seq (the laptops pull it again); a stored conflict
answer holding the copy of a deleted contact loses the person, one of a live contact keeps it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from mægler_app.domain.erasure import ANONYMIZED_NAME
from mægler_app.domain.timeutil import utcnow
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database, alembic_config

from .conftest import PASSWORD, make_db_url

GONE = {"company_id": "c1", "name": "Jens Kragh", "email": "jens.kragh.unik@example.dk", "phone": "", "role": "",
        "consent_date": None, "anonymized": False}  # fmt: skip
LIVE = {"company_id": "c1", "name": "Lise Lund", "email": "lise.lund.unik@example.dk", "phone": "", "role": "",
        "consent_date": None, "anonymized": False}  # fmt: skip


def _answer(change_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"change_id": change_id, "status": "conflict", "version": 2, "error": None,
            "server": {"version": 2, "deleted": False, "data": data}}  # fmt: skip


def test_s0008_erases_old_tombstones_and_stored_copies(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = make_db_url(backend, tmp_path, request)
    db = Database(url)
    try:
        cfg = alembic_config(url)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "s0006_followup")
        broker = add_user(db, "anna", "broker", PASSWORD).id
        now = utcnow()
        rows = [("company", "c1", False, {"name": "Brande", "cvr": "13585628"}), ("contact", "gone", True, GONE),
                ("contact", "live", False, LIVE)]  # fmt: skip
        with db.engine.begin() as conn:
            for seq, (entity, rid, deleted, data) in enumerate(rows, start=1):
                conn.execute(
                    text(
                        "INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,"
                        " field_versions, created_at, updated_at) VALUES (:e, :i, :o, 2, :s, :x, NULL, :d, :f, :t, :t)"
                    ),
                    {"e": entity, "i": rid, "o": broker, "s": seq, "x": deleted, "t": now,
                     "d": json.dumps(data), "f": json.dumps({"name": [1, "k"]})},
                )  # fmt: skip
            conn.execute(text("UPDATE seq_counter SET value = 3"))
            for change_id, data in (("ch-gone", GONE), ("ch-live", LIVE)):
                conn.execute(
                    text(
                        "INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at)"
                        " VALUES (:c, :u, 'h', :r, :t)"
                    ),
                    {"c": change_id, "u": broker, "r": json.dumps(_answer(change_id, data)), "t": now},
                )
        db.upgrade()
        with db.engine.connect() as conn:
            records = {
                rid: (version, seq, _json(data))
                for rid, version, seq, data in conn.execute(text("SELECT id, version, seq, data FROM record"))
            }
            answers = {
                c: _json(r) for c, r in conn.execute(text("SELECT change_id, result FROM applied_change"))
            }
            records_of = dict(conn.execute(text("SELECT change_id, record_id FROM applied_change")).all())
            counter = conn.execute(text("SELECT value FROM seq_counter")).scalar_one()
    finally:
        db.dispose()
    version, seq, data = records["gone"]
    assert (version, seq, counter) == (3, 4, 4)
    assert data["name"] == ANONYMIZED_NAME and data["email"] == "" and data["anonymized"] is True
    assert data["company_id"] == "c1"
    assert records["live"] == (2, 3, LIVE)
    assert "Jens Kragh" not in json.dumps(answers) and "jens.kragh" not in json.dumps(answers)
    assert answers["ch-live"]["server"]["data"] == LIVE
    assert records_of == {"ch-gone": None, "ch-live": "live"}  # a later erasure finds the live one


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
