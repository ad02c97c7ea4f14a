"""``maegler-server demo``: a whole programme seeded through the server's own endpoints, on both databases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, update

from mægler_app.domain.stages import STAGE_LABELS, Stage
from mægler_app.server.db import Database
from mægler_app.server.demo import recheck, seed_programme
from mægler_app.server.models import Record, User

from .conftest import PASSWORD, make_db_url, run_cli


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return make_db_url(backend, tmp_path, request)


def _records(db: Database) -> list[Record]:
    with db.session() as s:
        return list(s.scalars(select(Record).order_by(Record.seq)))


def test_demo_seeds_every_stage_and_every_record_passes_the_servers_rules(fresh_db: str) -> None:
    result = run_cli("demo", "--brokers", "3", "--seed", "5", db=fresh_db, stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "3 mæglere" in result.stdout and "»sagsbehandler«" in result.stdout
    for stage in Stage:
        assert STAGE_LABELS[stage] in result.stdout
    db = Database(fresh_db)
    try:
        records = _records(db)
        stages = Counter(r.data["stage"] for r in records if r.entity == "network")
        assert set(stages) == {str(s) for s in Stage}, stages
        entities = Counter(r.entity for r in records)
        assert entities["satisfaction"] > 0 and entities["action_plan"] > 0 and entities["contact"] > 0
        years = {r.data["year"] for r in records if r.entity == "effect_measurement"}
        assert len(years) >= 3
        apps = [r.data for r in records if r.entity == "application"]
        approved = [a for a in apps if a["status"] == "approved"]
        rejected = [a for a in apps if a["status"] == "rejected"]
        assert approved and all(a["bonus_ore"] > 0 and a["decision_comment"] for a in approved)
        assert rejected and all(a["bonus_ore"] == 0 and a["decision_comment"].strip() for a in rejected)
        receipts = {r.data["receipt_sha256"] for r in records if r.entity == "expense"} - {""}
        assert len(receipts) == 1
        with db.session() as s:
            users = s.scalars(select(User)).all()
            assert sum(u.role == "broker" for u in users) == 3
            assert all(u.display_name for u in users)
            # Nothing a broker made belongs to the caseworker, and every record has its owner.
            brokers = {u.id for u in users if u.role == "broker"}
            assert {r.owner_id for r in records} == brokers
        assert recheck(db) == []
        # A second demo into the same database is refused: it goes only into an empty one.
        again = run_cli("demo", "--brokers", "1", db=fresh_db, stdin=PASSWORD + "\n")
        assert again.returncode == 1 and "tom database" in again.stderr
    finally:
        db.dispose()


def test_the_recheck_finds_what_the_rules_forbid(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        seed_programme(db, PASSWORD, seed=3, brokers=1)
        assert recheck(db) == []
        records = _records(db)
        screening = next(r for r in records if r.entity == "screening" and r.data["verdict"] == "not_passed")
        expense = next(r for r in records if r.entity == "expense" and r.data["receipt_sha256"])
        network = next(r for r in records if r.entity == "network" and r.data["stage"] == "candidate")
        with db.write() as s:
            for rec, data in (
                (screening, {**screening.data, "verdict": "passed"}),
                (expense, {**expense.data, "receipt_sha256": "", "receipt_name": ""}),
                (
                    network,
                    {
                        **network.data,
                        "stage": "stage_3",
                        "stage_history": [
                            *network.data["stage_history"],
                            {"stage": "stage_3", "at": "2026-01-02T10:00:00+00:00"},
                        ],
                    },
                ),
            ):
                s.execute(
                    update(Record).where(Record.entity == rec.entity, Record.id == rec.id).values(data=data)
                )
        problems = recheck(db)
        assert any(p.startswith(f"screening {screening.id}: verdict") for p in problems), problems
        assert any(p.startswith(f"expense {expense.id}: ") and "kvittering" in p for p in problems), problems
        assert any(p.startswith(f"network {network.id}: candidate → stage_3") for p in problems)
    finally:
        db.dispose()


def test_the_recheck_finds_what_only_the_schema_forbids(tmp_path: Path) -> None:
    """A record the push would have refused for its shape alone (domain/schema.py), no rule."""
    db = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        seed_programme(db, PASSWORD, seed=3, brokers=1)
        records = _records(db)
        meeting = next(r for r in records if r.entity == "meeting")
        company = next(r for r in records if r.entity == "company")
        with db.write() as s:
            for rec, data in (
                (meeting, {**meeting.data, "starts_at": "ikke en dato"}),
                (company, {**company.data, "shoe_size": 44}),
            ):
                s.execute(
                    update(Record).where(Record.entity == rec.entity, Record.id == rec.id).values(data=data)
                )
        problems = recheck(db)
        assert [p for p in problems if p.startswith(f"meeting {meeting.id}:")] == [
            f"meeting {meeting.id}: Feltet »Tidspunkt« skal være et tidspunkt som "
            "2026-12-14T09:30:00+00:00, men der kom »ikke en dato«."
        ], problems
        assert f"company {company.id}: field shoe_size not in the schema" in problems
        assert len(problems) == 2, problems
    finally:
        db.dispose()


def test_the_same_seed_gives_the_same_programme(tmp_path: Path) -> None:
    def programme(name: str, seed: int) -> dict[tuple[str, str], object]:
        db = Database(f"sqlite:///{tmp_path / name}")
        try:
            seed_programme(db, PASSWORD, seed=seed, brokers=2)
            # What the server stamps with its clock (decisions, and the moves that follow) aside.
            return {
                (r.entity, r.id): (
                    r.data.get("stage"),
                    r.data.get("status"),
                    r.data.get("name"),
                    r.data.get("amount_ore"),
                )
                for r in _records(db)
            }
        finally:
            db.dispose()

    first = programme("a.sqlite3", 11)
    assert programme("b.sqlite3", 11) == first
    assert programme("c.sqlite3", 12).keys() != first.keys()


def test_the_demo_sends_every_field_a_laptop_sends() -> None:
    from mægler_app.server.demo import _DEFAULTS
    from mægler_app.store.models import SYNCED
    from mægler_app.store.serialize import pushable_fields

    required = {"company": {"cvr", "name"}, "contact": {"company_id", "name"}, "network": {"name"},
                "membership": {"network_id", "company_id"}, "screening": {"network_id", "form_id", "form_version"},
                "meeting": {"network_id", "starts_at"}, "expense": {"network_id", "spent_on", "amount_ore"},
                "application": {"network_id"}, "action_plan": {"network_id"},
                "effect_measurement": {"company_id", "year"}, "satisfaction": {"company_id", "network_id", "score", "occasion", "answered_on"},
                "follow_up": {"network_id", "held_on", "offered"}}  # fmt: skip
    assert set(_DEFAULTS) == set(SYNCED)
    for entity, cls in SYNCED.items():
        assert set(_DEFAULTS[entity]) | required[entity] == set(pushable_fields(cls)), entity
