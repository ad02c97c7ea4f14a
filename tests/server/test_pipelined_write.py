"""PostgreSQL: a push's rows, answers and notes written with their sequence numbers and committed in
one round trip (``db.write_with_seqs``, ``PushContext.write_pipelined``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mægler_app import fastjson
from mægler_app.server import db as server_db
from mægler_app.server import push as server_push
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database, read_pipelined, write_with_seqs
from mægler_app.server.models import User
from mægler_app.server.push import apply_push
from mægler_app.server.schemas import Change

from .conftest import change, company_data

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_url_factory: Any) -> Iterator[Database]:
    db = Database(pg_url_factory())
    db.upgrade()
    yield db
    db.dispose()


def push(db: Database, user: User, *changes: dict[str, Any]) -> list[dict[str, Any]]:
    with db.write(user.id, lock_with_reads=True) as session:  # as the app's push does
        return apply_push(session, user, "laptop", [Change.model_validate(c) for c in changes])


def counter(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT value FROM seq_counter WHERE id = 1")).scalar_one())


def test_a_push_stores_its_rows_answers_and_notes_with_the_numbers_it_took(pg: Database) -> None:
    user = add_user(pg, "mægler1", "broker", "et-langt-kodeord")
    first = counter(pg)
    company = change("company", company_data())
    other = change("company", company_data())
    results = push(pg, user, company, other)
    assert [r["seq"] for r in results] == [first + 1, first + 2]
    # An edit and a refusal in one push: the edited row (an update) gets the next number; the
    # refused change's answer has none.
    edit = change("company", {"notes": "ny note"}, id=company["id"], base=1)
    refused = change("company", {"employees": "mange"})
    again = push(pg, user, edit, refused)
    assert again[0]["status"] == "applied" and again[0]["seq"] == first + 3 and again[0]["version"] == 2
    assert again[1]["status"] == "rejected" and "seq" not in again[1]
    assert counter(pg) == first + 3
    with pg.read() as conn:
        rows = dict(conn.execute(text("SELECT id, seq FROM record WHERE entity = 'company'")).all())
        stored = {
            cid: fastjson.loads(body)
            for cid, body in conn.execute(text("SELECT change_id, CAST(result AS TEXT) FROM applied_change"))
        }
        notes = conn.execute(text("SELECT record_id, version FROM record_change ORDER BY id")).all()
    assert rows == {company["id"]: first + 3, other["id"]: first + 2}
    # Each answer stored as it was given, its seq the last field, as a replay gets it back.
    for sent, answer in zip((company, other, edit, refused), [*results, *again], strict=True):
        assert list(stored[sent["change_id"]].items()) == list(answer.items())
    assert notes == [(company["id"], 1), (other["id"], 1), (company["id"], 2)]
    replay = push(pg, user, edit)
    assert replay[0] == {**again[0], "status": "duplicate"}


def test_a_failed_write_takes_no_numbers_and_raises_as_sqlalchemy_does(pg: Database) -> None:
    user = add_user(pg, "mægler1", "broker", "et-langt-kodeord")
    company = change("company", company_data())
    push(pg, user, company)
    first = counter(pg)
    duplicate = "INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at) " \
        "VALUES (%(id)s, 'x', 'x', '{}', now())"  # fmt: skip
    with pytest.raises(IntegrityError), pg.write(user.id) as session:  # what the push tries again on
        write_with_seqs(session, 3, [(duplicate, {"id": company["change_id"]})])
    assert counter(pg) == first
    # The connection went back to the pool usable.
    assert push(pg, user, change("company", company_data()))[0]["seq"] == first + 1


def owner_locks(db: Database) -> int:
    with db.read() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            ).scalar_one()
        )


def test_the_brokers_lock_is_taken_with_the_first_reads_and_held_to_the_end(pg: Database) -> None:
    user = add_user(pg, "mægler1", "broker", "et-langt-kodeord")
    with pg.write(user.id, lock_with_reads=True) as session:
        assert owner_locks(pg) == 0  # nothing sent yet
        found = read_pipelined(session, [("SELECT %(a)s::int", {"a": 1}), ("SELECT 2 WHERE false", {})])
        assert found == [[(1,)], []]
        assert owner_locks(pg) == 1
        assert read_pipelined(session, [("SELECT 3", {})]) == [[(3,)]]  # taken once
        assert owner_locks(pg) == 1
    assert owner_locks(pg) == 0
    with pg.write(user.id) as session:  # without: taken at once, as before
        assert owner_locks(pg) == 1


def test_without_pipelines_a_push_goes_the_old_way_with_the_same_answers(
    pg: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A libpq older than 14 has no pipeline mode: lock, reads and writes one statement at a time."""
    for module in (server_db, server_push):
        monkeypatch.setattr(module, "pipelined", lambda dialect: False)
    user = add_user(pg, "mægler1", "broker", "et-langt-kodeord")
    with pg.write(user.id, lock_with_reads=True):
        assert owner_locks(pg) == 1  # taken at once
    first = counter(pg)
    company = change("company", company_data())
    results = push(pg, user, company, change("company", {"employees": "mange"}))
    assert results[0]["seq"] == first + 1 and "seq" not in results[1]
    with pg.read() as conn:
        stored = conn.execute(
            text("SELECT CAST(result AS TEXT) FROM applied_change WHERE change_id = :id"),
            {"id": company["change_id"]},
        ).scalar_one()
    assert list(fastjson.loads(stored).items()) == list(results[0].items())
