"""Væksthus' follow-ups over real HTTP (issue 18 part 5): a caseworker's record about a broker's
network, pulled by that broker and by caseworkers, refused when a broker pushes, edits or deletes
one; pull's pages and ``skip`` ranges as without it. On SQLite and PostgreSQL (``backend``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

from mægler_app.domain.messages import Msg
from mægler_app.domain.timeutil import utcnow
from mægler_app.domain.vocab import Role
from mægler_app.server.db import Database, alembic_config
from mægler_app.server.models import User
from mægler_app.server.pull import pull

from .conftest import build_network, change


def follow_up(network_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "network_id": network_id,
        "held_on": "2026-12-01",
        "kind": "sparring",
        "offered": "Sparring om handlingsplanens budget og fordelingsnøgle.",
        "next_on": "2027-01-15",
        **extra,
    }


def one(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


def code(answer: dict[str, Any]) -> str:
    return str(answer["message"]["code"])


def test_caseworker_records_a_follow_up_the_networks_broker_pulls_and_no_other_broker(make_user: Any) -> None:
    broker, other = make_user("broker"), make_user("broker")
    cw = make_user("caseworker")
    ids = build_network(broker)
    build_network(other)
    fu = change("follow_up", follow_up(ids["network"]))
    answer = one(cw.push(fu))
    assert answer["status"] == "applied", answer

    mine = broker.pull_all()
    got = mine[("follow_up", fu["id"])]
    assert got["owner_id"] == cw.id  # the caseworker's record, not the broker's
    assert got["data"]["offered"].startswith("Sparring om handlingsplanens")
    assert got["data"]["next_on"] == "2027-01-15"
    # the server's field: who recorded it, by name (the account's user name when it has no display name)
    assert got["data"]["caseworker_name"] == cw.user["username"]
    # the broker's own records come as before
    assert ("network", ids["network"]) in mine

    assert ("follow_up", fu["id"]) not in other.pull_all()
    assert ("follow_up", fu["id"]) in make_user("caseworker").pull_all()


def test_a_broker_may_not_push_change_or_delete_a_follow_up(make_user: Any) -> None:
    broker, cw = make_user("broker"), make_user("caseworker")
    ids = build_network(broker)
    own = one(broker.push(change("follow_up", follow_up(ids["network"]))))
    assert own["status"] == "rejected"
    assert code(own) == Msg.FOLLOW_UP_CASEWORKERS_ONLY
    assert "sagsbehandlere" in own["error"]

    fu = change("follow_up", follow_up(ids["network"]))
    assert one(cw.push(fu))["status"] == "applied"
    edit = one(broker.push(change("follow_up", {"offered": "Intet"}, id=fu["id"], base=1)))
    gone = one(broker.push(change("follow_up", id=fu["id"], base=1, deleted=True)))
    for refused in (edit, gone):
        assert refused["status"] == "rejected"
        assert code(refused) == Msg.FOLLOW_UP_CASEWORKERS_ONLY
    kept = broker.pull_all()[("follow_up", fu["id"])]
    assert (kept["version"], kept["deleted"]) == (1, False)
    assert kept["data"]["offered"].startswith("Sparring")

    # a caseworker still pushes nothing of the brokers' own entities
    assert code(one(cw.push(change("network", {"name": "X"})))) == Msg.PUSH_BY_CASEWORKER


def test_the_rules_of_a_follow_up_at_the_server(make_user: Any) -> None:
    broker, cw, cw2 = make_user("broker"), make_user("caseworker"), make_user("caseworker")
    ids = build_network(broker)
    unknown = one(cw.push(change("follow_up", follow_up("no-such-network"))))
    assert code(unknown) == Msg.FOLLOW_UP_NETWORK_UNKNOWN
    backwards = one(cw.push(change("follow_up", follow_up(ids["network"], next_on="2026-11-01"))))
    assert code(backwards) == Msg.FOLLOW_UP_NEXT_NOT_AFTER
    empty = one(cw.push(change("follow_up", follow_up(ids["network"], offered="  "))))
    assert code(empty) == Msg.FOLLOW_UP_OFFERED_MISSING
    missing = one(cw.push(change("follow_up", {"network_id": ids["network"], "offered": "x"})))
    assert missing["status"] == "rejected"  # the schema: a follow-up needs its date
    fu = change("follow_up", follow_up(ids["network"]))
    assert one(cw.push(fu))["status"] == "applied"
    # the caseworker changes its own; another caseworker may not
    assert one(cw.push(change("follow_up", {"next_on": None}, id=fu["id"], base=1)))["status"] == "applied"
    theirs = one(cw2.push(change("follow_up", {"offered": "Andet"}, id=fu["id"], base=2)))
    assert code(theirs) == Msg.FOLLOW_UP_OTHER_CASEWORKER
    # deleted by its caseworker: the broker pulls the tombstone
    assert one(cw.push(change("follow_up", id=fu["id"], base=2, deleted=True)))["status"] == "applied"
    assert broker.pull_all()[("follow_up", fu["id"])]["deleted"] is True


def test_pages_and_skip_ranges_with_follow_ups_between_the_brokers_records(make_user: Any) -> None:
    broker, cw = make_user("broker"), make_user("caseworker")
    ids = build_network(broker)  # 7 records of the broker's
    fus = [change("follow_up", follow_up(ids["network"], offered=f"Vejledning {i}")) for i in range(3)]
    answers = cw.push(*fus)
    fu_seqs = [a["seq"] for a in answers]
    everything = broker.get("/sync/pull", params={"since": 0, "limit": 1000}).json()
    seqs = [c["seq"] for c in everything["changes"]]
    assert seqs == sorted(seqs) and set(fu_seqs) <= set(seqs)
    assert len(seqs) == len(set(seqs)) == 10

    # pages of 3, then of 3 with the broker's own records skipped: cut at the same seqs
    def pages(**params: Any) -> list[tuple[list[int], int, bool]]:
        out, since = [], 0
        while True:
            body = broker.get("/sync/pull", params={"since": since, "limit": 3, **params}).json()
            out.append(([c["seq"] for c in body["changes"]], body["next_since"], body["has_more"]))
            since = body["next_since"]
            if not body["has_more"]:
                return out

    plain = pages()
    assert [s for page, _n, _m in plain for s in page] == seqs
    own = [s for s in seqs if s not in fu_seqs]
    skip = ",".join(f"{s}-{s}" for s in own)
    skipped = pages(skip=skip)
    assert [(n, m) for _p, n, m in skipped] == [(n, m) for _p, n, m in plain]
    assert [s for page, _n, _m in skipped for s in page] == fu_seqs


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    from .conftest import make_db_url

    return make_db_url(backend, tmp_path, request)


def test_s0006_gives_stored_follow_ups_their_reader_and_down_and_up_again(fresh_db: str) -> None:
    """s0006_followup on SQLite and PostgreSQL: the column and its partial index; a follow-up stored
    without a reader (after a downgrade) gets its network's broker, and that broker pulls it."""
    db = Database(fresh_db)
    try:
        cfg = alembic_config(fresh_db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "s0007_history")
        insert = text(
            "INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,"
            " field_versions, created_at, updated_at) VALUES (:e, :i, :o, 1, :s, false, :n, :d, '{}', :t, :t)"
        )
        with db.engine.begin() as conn:
            for entity, rid, owner, seq, network in (
                ("network", "n1", "broker-1", 1, None),
                ("network", "n2", "broker-2", 2, None),
                ("follow_up", "f1", "cw", 3, "n1"),
                ("meeting", "m1", "broker-2", 4, "n2"),
            ):
                conn.execute(
                    insert,
                    {"e": entity, "i": rid, "o": owner, "s": seq, "n": network, "t": utcnow(),
                     "d": json.dumps({"network_id": network} if network else {"name": rid})},
                )  # fmt: skip
        db.upgrade()
        with db.engine.connect() as conn:
            readers = dict(conn.execute(text("SELECT id, reader_id FROM record")).all())
            indexes = {i["name"] for i in inspect(conn).get_indexes("record")}
        assert readers == {"n1": None, "n2": None, "f1": "broker-1", "m1": None}
        assert "ix_record_reader_seq" in indexes

        def pulled(user_id: str) -> list[str]:
            user = User(id=user_id, username=user_id, role=Role.BROKER, password_hash="")
            return [c["id"] for c in pull(db, user, 0, 100)["changes"]]

        assert pulled("broker-1") == ["n1", "f1"]
        assert pulled("broker-2") == ["n2", "m1"]
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "s0007_history")
        db.upgrade()
        assert pulled("broker-1") == ["n1", "f1"]
    finally:
        db.dispose()
