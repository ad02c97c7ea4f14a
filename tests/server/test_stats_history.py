"""/stats counts what a network reached, by the server's own history of its stage (issue 16, part 5)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from mægler_app.domain.figures import danish_year
from mægler_app.server.db import Database, alembic_config
from mægler_app.server.history import stage_moves
from mægler_app.server.models import StageMove
from mægler_app.server.stats import stats

from .conftest import build_network, change
from .test_decisions_stats import submitted_application

CLOSE = {"stage": "closed", "closed_reason": "companies_withdrew", "closed_reason_text": "Gik hver til sit"}


def broker_stats(cw: Any, broker: Any) -> dict[str, Any]:
    r = cw.get("/stats")
    assert r.status_code == 200, r.text
    return next(entry for entry in r.json()["brokers"] if entry["user"]["id"] == broker.id)


def this_year() -> str:
    return str(danish_year(dt.datetime.now(dt.UTC)))


def test_a_network_that_reached_stage_1_and_was_closed_still_counts(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids, app = submitted_application(a)  # trin 1, an application submitted
    r = cw.post(
        f"/applications/{app['id']}/decision", json={"decision": "rejected", "comment": "Mangler budget"}
    )
    assert r.status_code == 200, r.text
    before = broker_stats(cw, a)
    assert before["figures"]["networks"] == 1 and before["figures"]["action_plans"] == 0
    network = a.pull_all()[("network", ids["network"])]
    closed = a.push(change("network", CLOSE, id=ids["network"], base=network["version"]))
    assert closed[0]["status"] == "applied", closed
    after = broker_stats(cw, a)
    assert after["figures"]["networks_by_stage"]["closed"] == 1
    assert after["figures"]["networks_by_stage"]["stage_1"] == 0
    # Closed, and still established: in the programme's figure, this year's, and the broker's 12-19.
    assert after["figures"]["networks"] == 1
    assert after["figures"]["network_companies"] == 3
    assert after["by_year"][this_year()]["figures"]["networks"] == 1
    assert after["targets"]["networks_per_broker"]["value"] == 1
    # The rejection sent it back from ansøgning: no action plan, before or after closing.
    assert after["figures"]["action_plans"] == 0


def test_an_action_plan_closed_later_still_counts(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids, app = submitted_application(a)
    r = cw.post(f"/applications/{app['id']}/decision", json={"decision": "approved", "comment": ""})
    assert r.status_code == 200, r.text
    network = a.pull_all()[("network", ids["network"])]
    assert (
        a.push(change("network", CLOSE, id=ids["network"], base=network["version"]))[0]["status"] == "applied"
    )
    figures = broker_stats(cw, a)["figures"]
    assert (figures["networks"], figures["action_plans"], figures["business_networks"]) == (1, 1, 0)
    assert figures["networks_by_stage"]["closed"] == 1


def test_a_history_a_client_writes_is_not_counted(make_user: Any, server: Any) -> None:
    """A candidate whose pushed stage_history claims trin 2 years ago counts for nothing."""
    a, cw = make_user(), make_user("caseworker")
    claimed = [
        {"stage": "stage_1", "at": "2020-01-05T10:00:00+00:00"},
        {"stage": "application", "at": "2020-02-05T10:00:00+00:00"},
        {"stage": "stage_2", "at": "2020-03-05T10:00:00+00:00"},
    ]
    net = change("network", {"name": "Påstået", "stage": "candidate", "stage_history": claimed})
    assert a.push(net)[0]["status"] == "applied"
    stats = broker_stats(cw, a)
    assert (stats["figures"]["networks"], stats["figures"]["action_plans"]) == (0, 0)
    assert "2020" not in stats["by_year"]
    # What the server noted: the one stage it accepted, at its own time.
    db = Database(server.db_url)
    try:
        with db.session() as s:
            rows = s.execute(
                select(StageMove.stage, StageMove.at).where(StageMove.network_id == net["id"])
            ).all()
    finally:
        db.dispose()
    assert [stage for stage, _ in rows] == ["candidate"]
    assert abs(rows[0][1] - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_every_accepted_move_is_noted_once(make_user: Any, server: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids, app = submitted_application(a)
    cw.post(f"/applications/{app['id']}/decision", json={"decision": "approved", "comment": ""})
    # A push that repeats the stage, and a refused one, add nothing.
    network = a.pull_all()[("network", ids["network"])]
    same = a.push(
        change(
            "network",
            {"stage": "stage_2", "notes": "Godt i gang"},
            id=ids["network"],
            base=network["version"],
        )
    )
    assert same[0]["status"] == "applied", same
    refused = a.push(change("network", {"stage": "bogus"}, id=ids["network"], base=same[0]["version"]))
    assert refused[0]["status"] == "rejected"
    build_network(a)  # another network: its creation is noted too
    db = Database(server.db_url)
    try:
        with db.session() as s:
            rows = s.execute(
                select(StageMove.stage, StageMove.by_client)
                .where(StageMove.network_id == ids["network"])
                .order_by(StageMove.id)
            ).all()
    finally:
        db.dispose()
    moves = [tuple(r) for r in rows]
    assert moves[0] == ("candidate", a.client_id) and ("stage_1", a.client_id) in moves
    assert moves[-1] == ("stage_2", "server") and [m[0] for m in moves].count("stage_2") == 1
    assert all(x[0] != y[0] for x, y in zip(moves, moves[1:], strict=False)), moves


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    from .conftest import make_db_url

    return make_db_url(backend, tmp_path, request)


def test_upgrade_reads_the_history_of_the_networks_stored_before(fresh_db: str) -> None:
    """s0005: the networks stored before it get their moves from what they hold, so /stats keeps them."""
    db = Database(fresh_db)
    try:
        cfg = alembic_config(fresh_db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "s0003")
        made = dt.datetime(2025, 2, 1, 9, 0, tzinfo=dt.UTC)
        networks = [
            ("closed", {"stage": "closed", "stage_history": [
                {"stage": "candidate", "at": "2025-02-01T09:00:00+00:00"},
                {"stage": "stage_1", "at": "2025-04-01T09:00:00+00:00"},
                {"stage": "closed", "at": "2026-01-10T09:00:00+00:00"}]}),
            ("bare", {"stage": "stage_2", "stage_changed_at": "2026-05-01T09:00:00+00:00"}),
            ("odd", "not an object"),
        ]  # fmt: skip
        with db.engine.begin() as conn:
            for seq, (rid, data) in enumerate(networks, start=1):
                conn.execute(
                    text(
                        "INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,"
                        " field_versions, created_at, updated_at) VALUES ('network', :i, 'o', 1, :s, false,"
                        " NULL, :d, '{}', :t, :t)"
                    ),
                    {"i": rid, "s": seq, "d": json.dumps(data), "t": made},
                )
        db.upgrade()
        with db.session() as s:
            moves = stage_moves(s)
            by = set(s.scalars(select(StageMove.by_client)))
        assert [(str(m.stage), m.at.date().isoformat()) for m in moves["closed"]] == [
            ("candidate", "2025-02-01"),
            ("stage_1", "2025-04-01"),
            ("closed", "2026-01-10"),
        ]
        assert [(str(m.stage), m.at.date().isoformat()) for m in moves["bare"]] == [("stage_2", "2026-05-01")]
        assert "odd" not in moves and by == {"s0005"}
        figures = stats(db)["total"]
        assert figures["figures"]["networks"] == 2 and figures["figures"]["action_plans"] == 1
        assert figures["by_year"]["2025"]["figures"]["networks"] == 1
        assert figures["by_year"]["2026"]["figures"]["action_plans"] == 1
    finally:
        db.dispose()
