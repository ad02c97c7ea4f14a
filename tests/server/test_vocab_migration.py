"""The server's migration s0003 on SQLite and PostgreSQL: a database of the schema before it, full
of protocol version 1's Danish values, comes out in the English vocabulary; a change pushed before
the translation is still recognised when an updated laptop sends it again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, select, text

from mægler_app.domain.sync_contract import PROTOCOL_VERSION
from mægler_app.domain.timeutil import utcnow
from mægler_app.forms.registry import BUNDLED_DIR
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database, alembic_config
from mægler_app.server.push import payload_hash
from mægler_app.server.schemas import Change

from ..vocab_support import danish_left, protocol_1_screening_form
from .conftest import HEADERS, PASSWORD, Api, start_server

# The revision s0003 upgrades from (today's schema).
BEFORE = str(ScriptDirectory.from_config(alembic_config("sqlite://")).get_revision("s0003").down_revision)
OLD_NETWORK = {
    "name": "Vindkraftleverandørerne",
    "stage": "trin2",
    "network_type": "komplementaert",
    "lead_source": "innovationsmiljoe",
    "stage_history": [
        {"stage": "kandidat", "at": "2026-01-05T09:00:00+00:00"},
        {"stage": "trin1", "at": "2026-02-05T09:00:00+00:00"},
        {"stage": "ansoegning", "at": "2026-03-05T09:00:00+00:00"},
        {"stage": "trin2", "at": "2026-04-05T09:00:00+00:00"},
    ],
    "trin3_evidence": "",
    "trin3_on": None,
}
V1_ANSWERS = {
    "network_type": "komplementaert",
    "risk_time_use": "middel",
    "risk_conflicts": "lav",
    "risk_one_sided_knowledge": "lav",
    "risk_hostile_takeover": "hoej",
    "trust": "hoej",
    "virksomheder": {"c1": {"focus_area": "energi_miljoe", "strategy": {"value": "yes", "comment": ""}}},
}
# A form a caseworker published: its answers follow the rules' lists, and so does its condition.
CUSTOM_FORM = {
    "id": "opfoelgning",
    "version": 1,
    "title": "Opfølgning",
    "sections": [
        {"id": "net", "title": "Net", "questions": [{"id": "type", "kind": "single", "label": "Type",
                                                    "options_from": "NETWORK_TYPES"}]},
        {"id": "firmaer", "title": "Firmaer", "repeat": "members",
         "questions": [{"id": "omraade", "kind": "single", "label": "Område", "options_from": "FOCUS_AREAS"}]},
    ],
    "verdict": {"rules": [{"id": "v", "effect": "note", "when": "type == \"vertikalt\"", "reason": "Værdikæde."}]},
}  # fmt: skip
# The records as protocol version 1 left them: (entity, id, data, field_versions).
RECORDS: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("network", "n1", OLD_NETWORK, {"stage": [4, "k"], "trin3_evidence": [1, "k"], "name": [1, "k"]}),
    ("company", "c1", {"name": "Brande Stålteknik", "cvr": "13585628", "focus_area": "energi_miljoe"}, {}),
    ("company", "c2", {"name": "Skive Køleteknik", "cvr": "13585628", "focus_area": "foedevarer"}, {}),
    ("meeting", "m1", {"network_id": "n1", "dimensions": ["parter", "vision", "struktur", "processer"]}, {}),
    ("expense", "e1", {"network_id": "n1", "category": "forplejning", "amount_ore": 100}, {}),
    ("expense", "e2", {"network_id": "n1", "category": "oplaegsholder", "amount_ore": 100}, {}),
    ("screening", "s1", {"network_id": "n1", "form_id": "screening", "form_version": 1, "answers": V1_ANSWERS}, {}),
    ("screening", "s2", {"network_id": "n1", "form_id": "opfoelgning", "form_version": 1,
                         "answers": {"type": "vertikalt", "firmaer": {"c2": {"omraade": "andet"}}}}, {}),
]  # fmt: skip
# A change of protocol version 1 that was applied, as the laptop sent it.
OLD_CHANGE = Change(
    change_id="ch-flyt",
    entity="network",
    id="n1",
    base_version=3,
    data={"stage": "trin2", "stage_history": OLD_NETWORK["stage_history"], "trin3_evidence": ""},
)


@pytest.fixture
def old_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """A server database at the revision before s0003, holding protocol version 1's values; yields
    (url, broker id)."""
    from .conftest import make_db_url

    url = make_db_url(backend, tmp_path, request)
    db = Database(url)
    try:
        cfg = alembic_config(url)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, BEFORE)
        broker = add_user(db, "anna", "broker", PASSWORD).id
        now = utcnow()
        with db.engine.begin() as conn:
            for seq, (entity, rid, data, fv) in enumerate(RECORDS, start=1):
                conn.execute(
                    text(
                        "INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,"
                        " field_versions, created_at, updated_at) VALUES (:e, :i, :o, 4, :s, false, :n, :d, :f,"
                        " :t, :t)"
                    ),
                    {"e": entity, "i": rid, "o": broker, "s": seq, "n": data.get("network_id"), "t": now,
                     "d": json.dumps(data, ensure_ascii=False), "f": json.dumps(fv)},
                )  # fmt: skip
            conn.execute(text("UPDATE seq_counter SET value = :v"), {"v": len(RECORDS)})
            answers = [
                (OLD_CHANGE.change_id, payload_hash(OLD_CHANGE),
                 {"change_id": OLD_CHANGE.change_id, "status": "applied", "version": 4, "error": None, "server": None}),
                ("ch-konflikt", "h1", {"change_id": "ch-konflikt", "status": "conflict", "version": 4, "error": None,
                                       "server": {"version": 4, "deleted": False, "data": RECORDS[2][2]}}),
                ("ch-skema", "h2", {"change_id": "ch-skema", "status": "conflict", "version": 4, "error": None,
                                    "server": {"version": 4, "deleted": False, "data": RECORDS[6][2]}}),
                ("ch-netvaerk", "h3", {"change_id": "ch-netvaerk", "status": "conflict", "version": 4, "error": None,
                                       "server": {"version": 4, "deleted": False, "data": OLD_NETWORK}}),
            ]  # fmt: skip
            for change_id, phash, result in answers:
                conn.execute(
                    text(
                        "INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at)"
                        " VALUES (:c, :u, :h, :r, :t)"
                    ),
                    {
                        "c": change_id,
                        "u": broker,
                        "h": phash,
                        "r": json.dumps(result, ensure_ascii=False),
                        "t": now,
                    },
                )
            for body in (protocol_1_screening_form(), CUSTOM_FORM):
                conn.execute(
                    text(
                        "INSERT INTO form_definition (id, version, body, published_at, note)"
                        " VALUES (:i, :v, :b, :t, '')"
                    ),
                    {
                        "i": body["id"],
                        "v": body["version"],
                        "b": json.dumps(body, ensure_ascii=False),
                        "t": now,
                    },
                )
    finally:
        db.dispose()
    return url, broker


def _everything(db: Database) -> dict[str, list[Any]]:
    meta = MetaData()
    with db.engine.connect() as conn:
        meta.reflect(conn)
        return {name: [tuple(r) for r in conn.execute(select(t))] for name, t in meta.tables.items()}


def _records(db: Database) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, data, field_versions FROM record")).all()
    return {rid: (_json(data), _json(fv)) for rid, data, fv in rows}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def test_a_database_of_protocol_1_comes_out_in_english(old_db: Any, tmp_path: Path) -> None:
    url, broker = old_db
    db = Database(url)
    try:
        assert danish_left(_everything(db))  # the test's own premise
        db.upgrade()
        records = _records(db)
        network, network_fv = records["n1"]
        assert network == {
            "name": "Vindkraftleverandørerne",
            "stage": "stage_2",
            "network_type": "complementary",
            "lead_source": "innovation_environment",
            "stage_history": [
                {"stage": "candidate", "at": "2026-01-05T09:00:00+00:00"},
                {"stage": "stage_1", "at": "2026-02-05T09:00:00+00:00"},
                {"stage": "application", "at": "2026-03-05T09:00:00+00:00"},
                {"stage": "stage_2", "at": "2026-04-05T09:00:00+00:00"},
            ],
            "stage_3_evidence": "",
            "stage_3_on": None,
        }
        # The markers of the field-level merge follow the renamed field.
        assert network_fv == {"stage": [4, "k"], "stage_3_evidence": [1, "k"], "name": [1, "k"]}
        assert records["c1"][0]["focus_area"] == "energy_environment"
        assert records["c2"][0]["focus_area"] == "food"
        assert records["m1"][0]["dimensions"] == ["parties", "vision", "structure", "processes"]
        assert [records[e][0]["category"] for e in ("e1", "e2")] == ["catering", "speaker"]
        assert records["s1"][0]["answers"] == {
            "network_type": "complementary",
            "risk_time_use": "medium",
            "risk_conflicts": "low",
            "risk_one_sided_knowledge": "low",
            "risk_hostile_takeover": "high",
            "trust": "high",
            "virksomheder": {
                "c1": {"focus_area": "energy_environment", "strategy": {"value": "yes", "comment": ""}}
            },
        }
        assert records["s2"][0]["answers"] == {"type": "vertical", "firmaer": {"c2": {"omraade": "other"}}}
        with db.engine.connect() as conn:
            results = {
                c: _json(r) for c, r in conn.execute(text("SELECT change_id, result FROM applied_change"))
            }
            bodies = {i: _json(b) for i, b in conn.execute(text("SELECT id, body FROM form_definition"))}
        assert results["ch-konflikt"]["server"]["data"]["focus_area"] == "food"
        assert results["ch-skema"]["server"]["data"]["answers"]["trust"] == "high"
        assert results["ch-netvaerk"]["server"]["data"] == network
        assert results[OLD_CHANGE.change_id]["server"] is None
        # The published v1 is now exactly the one the app ships.
        assert bodies["screening"] == json.loads(
            (BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8")
        )
        assert bodies["opfoelgning"]["verdict"]["rules"][0]["when"] == 'type == "vertical"'
        assert danish_left(_everything(db)) == []
    finally:
        db.dispose()

    srv = start_server(url, tmp_path / "server.log")
    try:
        login = requests.post(
            f"{srv.base}/api/v1/auth/login",
            json={"username": "anna", "password": PASSWORD},
            headers=HEADERS,
            timeout=30,
        ).json()
        api = Api(srv.base, login["token"], login["user"])
        pulled = api.pull_all()
        assert pulled[("network", "n1")]["data"] == network
        assert pulled[("screening", "s1")]["data"]["answers"]["risk_time_use"] == "medium"
        # The laptop lost the answer to its change and was updated since: its outbox now holds the
        # change in English. The server knows it for the change it took, and answers duplicate.
        again = {
            "change_id": OLD_CHANGE.change_id,
            "entity": "network",
            "id": "n1",
            "base_version": 3,
            "deleted": False,
            "data": {"stage": "stage_2", "stage_history": network["stage_history"], "stage_3_evidence": ""},
        }
        assert api.push(again)[0]["status"] == "duplicate"
        other = {**again, "data": {**again["data"], "stage_3_evidence": "Noget andet"}}
        assert api.push(other)[0]["status"] == "rejected"
        assert api.pull_all()[("network", "n1")]["version"] == 4  # nothing was applied again
        # And a laptop still on version 1 is told to update, before it can send anything.
        old = requests.get(
            f"{srv.base}/api/v1/me", headers={"Authorization": f"Bearer {api.token}"}, timeout=30
        )
        assert old.status_code == 426 and "Opdatér Mægler" in old.json()["detail"]
        assert api.get("/healthz").json()["protocol_version"] == PROTOCOL_VERSION
    finally:
        assert srv.stop() == 0, srv.log()


def test_the_migration_goes_back_to_protocol_1(old_db: Any) -> None:
    """A downgrade (an operator's last resort, with the old server) gives the Danish values back."""
    url, _broker = old_db
    db = Database(url)
    try:
        before = _records(db)
        with db.engine.connect() as conn:
            body_before = _json(
                conn.execute(text("SELECT body FROM form_definition WHERE id = 'screening'")).scalar()
            )
        db.upgrade()
        cfg = alembic_config(url)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, BEFORE)
        assert _records(db) == before
        with db.engine.connect() as conn:
            body = _json(
                conn.execute(text("SELECT body FROM form_definition WHERE id = 'screening'")).scalar()
            )
        assert body == body_before
    finally:
        db.dispose()
