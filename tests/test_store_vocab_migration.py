"""The laptop's migration 0003: a profile of today's schema (0002), full of the Danish values of
protocol version 1, comes out in the English vocabulary; its queued changes go out in it too."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from mægler_app.domain import legacy_vocab as legacy
from mægler_app.store.db import DB_NAME, alembic_config, make_engine, open_store
from mægler_app.store.models import Company, Expense, LocalState, Meeting, Network, OutboxEntry, Screening

from .vocab_support import danish_left

NOW = "2026-03-02 08:15:00.000000"
DAY = "2026-03-02"


def _fill(column: sa.Column[Any]) -> Any:
    """A plain value for a NOT NULL column the test does not care about."""
    kind = type(column.type).__name__.upper()
    if "INT" in kind:
        return 0
    if "BOOL" in kind:
        return False
    if "DATETIME" in kind or "TIMESTAMP" in kind:
        return NOW
    if "DATE" in kind:
        return DAY
    if "JSON" in kind:
        return "[]"
    return ""


def _insert(conn: sa.Connection, meta: sa.MetaData, table: str, **values: Any) -> None:
    t = meta.tables[table]
    row = {c.name: _fill(c) for c in t.columns if not c.nullable and c.name not in values}
    for key, value in values.items():
        row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
    # Untyped columns: the values go in as the old Mægler's SQLite holds them (text for dates and JSON).
    conn.execute(sa.table(table, *(sa.column(name) for name in row)).insert(), row)


def _profile_at_0002(profile: Path) -> None:
    """A profile as today's Mægler leaves it: every old value in records, history, outbox and parked pulls."""
    profile.mkdir()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        meta = sa.MetaData()
        meta.reflect(conn)
        for i, focus in enumerate(legacy.FOCUS_AREA):
            _insert(conn, meta, "company", id=f"c{i}", cvr="13585628", name=f"Firma {i}", focus_area=focus)
        stages, types, sources = list(legacy.STAGE), list(legacy.NETWORK_TYPE), list(legacy.LEAD_SOURCE)
        for i, stage in enumerate(stages):
            _insert(
                conn,
                meta,
                "network",
                id=f"n{i}",
                name=f"Netværk {i}",
                stage=stage,
                network_type=types[i % len(types)],
                lead_source=sources[i % len(sources)],
                stage_history=[
                    {"stage": s, "at": f"2026-01-0{j + 1}T09:00:00+00:00"}
                    for j, s in enumerate(stages[: i + 1])
                ],
                trin3_evidence="Fælles salgsselskab stiftet" if stage == "trin3" else "",
                trin3_on=DAY if stage == "trin3" else None,
            )
        _insert(
            conn,
            meta,
            "meeting",
            id="m0",
            network_id="n0",
            starts_at=NOW,
            dimensions=list(legacy.GUSTAVSSON_DIMENSION),
        )
        for i, category in enumerate(legacy.EXPENSE_CATEGORY):
            _insert(
                conn,
                meta,
                "expense",
                id=f"e{i}",
                network_id="n0",
                spent_on=DAY,
                amount_ore=100,
                category=category,
            )
        answers = {
            "network_type": "vertikalt",
            "risk_time_use": "hoej",
            "risk_conflicts": "middel",
            "risk_one_sided_knowledge": "lav",
            "risk_hostile_takeover": "lav",
            "trust": "hoej",
            "risk_handling": "Aftaler om kunder",
            "virksomheder": {
                "c0": {"focus_area": "erhverv_sundhed", "management": {"value": "partly", "comment": ""}}
            },
        }
        _insert(
            conn,
            meta,
            "screening",
            id="s0",
            network_id="n0",
            form_id="screening",
            form_version=1,
            answers=answers,
        )
        outbox = [
            # A stage move with its history and the renamed fields, waiting to be sent.
            ("network", "n5", {"stage": "trin3", "trin3_on": DAY, "trin3_evidence": "Ordre",
                               "stage_history": [{"stage": "trin2", "at": "x"}, {"stage": "trin3", "at": "y"}]}, None),
            # Only the answers changed: the form is the stored screening's.
            ("screening", "s0", {"answers": {"trust": "lav", "virksomheder": {"c0": {"focus_area": "andet"}}}}, None),
            ("company", "c9", {"name": "Ny", "focus_area": "foedevarer"}, None),
            ("meeting", "m0", {"dimensions": ["struktur", "processer"]}, None),
            # A conflict: the server's copy waits beside the broker's change.
            ("expense", "e0", {"category": "oplaegsholder"},
             {"version": 3, "deleted": False, "data": {"category": "moedelokale", "amount_ore": 100}}),
        ]  # fmt: skip
        for seq, (entity, rid, data, server) in enumerate(outbox, start=1):
            _insert(
                conn,
                meta,
                "outbox",
                seq=seq,
                change_id=f"ch{seq}",
                entity=entity,
                record_id=rid,
                data=data,
                status="conflict" if server else "pending",
                server_data=server,
                created_at=NOW,
            )
        parked = {
            "change": {"entity": "network", "id": "n9", "version": 2, "deleted": False,
                       "data": {"stage": "kandidat", "network_type": "kongruent", "lead_source": "innovationsmiljoe",
                                "stage_history": [{"stage": "kandidat", "at": "z"}]}},
            "waiting": [["company", "c99"]],
        }  # fmt: skip
        _insert(conn, meta, "local_state", key="pull_parked:network/n9", value=parked)
        _insert(
            conn,
            meta,
            "local_state",
            key="pull_parked",  # an older version's single list
            value={"expense/e9": {"entity": "expense", "id": "e9", "data": {"category": "materialer"}}},
        )
        _insert(conn, meta, "local_state", key="pull_since", value=41)
    engine.dispose()


def _everything(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        con.close()


def test_a_profile_of_protocol_1_comes_out_in_english(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _profile_at_0002(profile)
    assert danish_left(_everything(profile / DB_NAME))  # the test's own premise
    store = open_store(profile)
    try:
        assert store.backup_path is not None
        with store.session() as s:
            assert {c.id: c.focus_area for c in s.scalars(sa.select(Company))} == {
                "c0": "energy_environment",
                "c1": "food",
                "c2": "health_industry",
                "c3": "other",
            }
            networks = {n.id: n for n in s.scalars(sa.select(Network))}
            assert [networks[f"n{i}"].stage for i in range(7)] == [
                "candidate", "screened", "stage_1", "application", "stage_2", "stage_3", "closed",
            ]  # fmt: skip
            assert [networks[f"n{i}"].network_type for i in range(4)] == [
                "horizontal", "vertical", "complementary", "congruent",
            ]  # fmt: skip
            assert [networks[f"n{i}"].lead_source for i in range(6)] == [
                "local_business_service", "business_organisation", "innovation_environment",
                "private_adviser", "own_network", "other",
            ]  # fmt: skip
            assert [m["stage"] for m in networks["n6"].stage_history] == [
                "candidate", "screened", "stage_1", "application", "stage_2", "stage_3", "closed",
            ]  # fmt: skip
            assert networks["n5"].stage_3_evidence == "Fælles salgsselskab stiftet"
            assert networks["n5"].stage_3_on == dt.date(2026, 3, 2)
            assert s.get(Meeting, "m0").dimensions == ["parties", "vision", "structure", "processes"]
            assert sorted(e.category for e in s.scalars(sa.select(Expense))) == sorted(
                ["meeting_room", "catering", "transport", "materials", "speaker", "other"]
            )
            answers = s.get(Screening, "s0").answers
            assert answers["network_type"] == "vertical"
            assert [answers[f"risk_{r}"] for r in ("time_use", "conflicts", "one_sided_knowledge")] == [
                "high", "medium", "low",
            ]  # fmt: skip
            assert answers["trust"] == "high" and answers["risk_handling"] == "Aftaler om kunder"
            assert answers["virksomheder"]["c0"]["focus_area"] == "health_industry"
            entries = {e.record_id: e for e in s.scalars(sa.select(OutboxEntry))}
            assert entries["n5"].data == {
                "stage": "stage_3",
                "stage_3_on": DAY,
                "stage_3_evidence": "Ordre",
                "stage_history": [{"stage": "stage_2", "at": "x"}, {"stage": "stage_3", "at": "y"}],
            }
            assert entries["s0"].data == {
                "answers": {"trust": "low", "virksomheder": {"c0": {"focus_area": "other"}}}
            }
            assert entries["c9"].data == {"name": "Ny", "focus_area": "food"}
            assert entries["m0"].data == {"dimensions": ["structure", "processes"]}
            assert entries["e0"].data == {"category": "speaker"}
            assert entries["e0"].server_data == {
                "version": 3,
                "deleted": False,
                "data": {"category": "meeting_room", "amount_ore": 100},
            }
            assert [e.status for e in entries.values()] == ["pending"] * 4 + ["conflict"]
            parked = s.get(LocalState, "pull_parked:network/n9").value
            assert parked["change"]["data"] == {
                "stage": "candidate",
                "network_type": "congruent",
                "lead_source": "innovation_environment",
                "stage_history": [{"stage": "candidate", "at": "z"}],
            }
            assert parked["waiting"] == [["company", "c99"]]
            assert s.get(LocalState, "pull_parked").value["expense/e9"]["data"] == {"category": "materials"}
            assert s.get(LocalState, "pull_since").value == 41
    finally:
        store.close()
    assert danish_left(_everything(profile / DB_NAME)) == []
    con = sqlite3.connect(profile / DB_NAME)
    columns = {r[1] for r in con.execute("PRAGMA table_info(network)")}
    con.close()
    assert {"stage_3_on", "stage_3_evidence"} <= columns and not columns & {"trin3_on", "trin3_evidence"}


def test_the_migration_goes_back_to_the_old_values(tmp_path: Path) -> None:
    """A downgrade (an operator's last resort) gives protocol version 1's values back."""
    profile = tmp_path / "p"
    _profile_at_0002(profile)
    before = _everything(profile / DB_NAME)
    open_store(profile).close()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    after = _everything(profile / DB_NAME)
    for table in ("company", "network", "meeting", "expense", "screening", "outbox", "local_state"):
        assert _decoded(after[table]) == _decoded(before[table]), table


def _decoded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows with their JSON text decoded (the migration writes it more compactly), in one order."""
    out = [
        tuple(json.loads(v) if isinstance(v, str) and v.startswith(("[", "{")) else v for v in row)
        for row in rows
    ]
    return sorted(out, key=str)
