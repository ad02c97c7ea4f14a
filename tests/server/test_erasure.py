"""Erasure (GDPR art. 17, issue 21 item 1) on both databases: the record, its tombstone, stored push
answers (a conflict answer carries the server's copy), the pulls, the raw SQLite file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.erasure import ANONYMIZED_NAME

from .conftest import Api, ServerProcess, change, make_db_url, run_cli, start_server

NAME = "Birgitte Ærøskøbing-Quist"
EMAIL = "birgitte.quist.unik@example.dk"
PHONE = "+45 87 65 43 21"
_cvr = iter(range(810_000, 10**6))


def _contact_with_history(broker: Api) -> dict[str, Any]:
    """A company, its contact, a meeting she took part in, and a conflict answer holding her copy."""
    company, contact, network, meeting = (str(uuid.uuid4()) for _ in range(4))
    results = broker.push(
        change("company", {"cvr": make_valid_cvr(next(_cvr)), "name": "Smedien ApS"}, id=company),
        change(
            "contact", {"company_id": company, "name": "B. Quist", "email": EMAIL, "phone": PHONE}, id=contact
        ),
        change("network", {"name": "Metal"}, id=network),
        change(
            "meeting",
            {
                "network_id": network,
                "starts_at": "2026-11-02T09:00:00+00:00",
                "participant_contact_ids": [contact],
            },
            id=meeting,
        ),  # fmt: skip
    )
    assert [r["status"] for r in results] == ["applied"] * 4, results
    # Another laptop renames her (version 2); a stale change from this one conflicts: the answer
    # carries the server's copy, with her name and e-mail.
    assert (
        broker.push(change("contact", {"name": NAME}, id=contact, base=1), client_id="laptop-b")[0]["status"]
        == "applied"
    )
    stale = change("contact", {"name": "Birgitte Q."}, id=contact, base=1)
    (answer,) = broker.push(stale, client_id="laptop-c")
    assert answer["status"] == "conflict" and answer["server"]["data"]["name"] == NAME
    return {"company": company, "contact": contact, "meeting": meeting, "stale": stale}


def _no_person(text: str) -> None:
    for value in (NAME, EMAIL, PHONE, "B. Quist"):
        assert value not in text, value


def test_erasure_reaches_record_answers_pulls_and_the_raw_file(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db_url = make_db_url(backend, tmp_path, request)
    assert run_cli("init", db=db_url).returncode == 0
    srv = start_server(db_url, tmp_path / "server.log")
    try:
        broker, caseworker = _users(srv, db_url, "broker"), _users(srv, db_url, "caseworker")
        ids = _contact_with_history(broker)
        assert NAME in json.dumps(list(caseworker.pull_all().values()), ensure_ascii=False)

        # a broker cannot erase on the server; an unknown id is 404
        assert broker.post(f"/contacts/{ids['contact']}/erase").status_code == 403
        assert caseworker.post(f"/contacts/{uuid.uuid4()}/erase").status_code == 404
        r = caseworker.post(f"/contacts/{ids['contact']}/erase")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["data"]["name"] == ANONYMIZED_NAME and body["data"]["anonymized"] is True
        assert body["answers"] >= 1

        # pulls (caseworker, broker) find neither; the meeting keeps its link
        for who in (caseworker, broker):
            pulled = who.pull_all()
            _no_person(json.dumps(list(pulled.values()), ensure_ascii=False))
            assert pulled[("contact", ids["contact"])]["data"]["name"] == ANONYMIZED_NAME
            assert pulled[("meeting", ids["meeting"])]["data"]["participant_contact_ids"] == [ids["contact"]]
        # the stored conflict answer, replayed, carries no person
        (replay,) = broker.push(ids["stale"], client_id="laptop-c")
        assert replay["status"] == "duplicate"
        _no_person(json.dumps(replay, ensure_ascii=False))
        # the history names fields, never a contact's values
        hist = caseworker.get(f"/history/contact/{ids['contact']}")
        assert hist.status_code == 200
        _no_person(hist.text)
        # an erased contact never gets a person's values again
        (again,) = broker.push(change("contact", {"name": "Birgitte"}, id=ids["contact"], base=3))
        assert again["status"] == "rejected" and again["message"]["code"] == "contact_anonymized"
    finally:
        assert srv.stop() == 0, srv.log()
    if backend == "postgres":
        # The button's plain VACUUM does not zero what it frees; the operator's command rewrites
        # the tables (VACUUM FULL): then not even the heap files hold her.
        done = run_cli("erase-contact", ids["contact"], db=db_url)
        assert done.returncode == 0, done.stderr
    _database_holds_no_person(backend, db_url, tmp_path)


def _database_holds_no_person(backend: str, db_url: str, tmp_path: Path) -> None:
    if backend == "sqlite":
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("server.sqlite3*"))
        assert len(raw) > 0
        for value in (NAME, EMAIL, PHONE, "B. Quist"):
            assert value.encode("utf-8") not in raw, value
        return
    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        for table in ("record", "applied_change", "record_change"):
            rows = conn.execute(f"SELECT CAST(t AS text) FROM {table} AS t").fetchall()  # noqa: S608
            _no_person("\n".join(r[0] for r in rows))
        # the tables the erasure touched were vacuumed: the dead row versions are gone from the
        # heap files too (read where the server's files are readable, as on the test machine)
        conn.execute("CHECKPOINT")
        folder = Path(conn.execute("SHOW data_directory").fetchone()[0])
        files = [folder / conn.execute("SELECT pg_relation_filepath(%s)", (t,)).fetchone()[0]
                 for t in ("record", "applied_change")]  # fmt: skip
    try:
        raw = b"".join(f.read_bytes() for f in files)
    except OSError:
        return  # not this server's files to read
    for value in (NAME, EMAIL, PHONE):
        assert value.encode("utf-8") not in raw, value


def _users(srv: ServerProcess, db_url: str, role: str) -> Api:
    import requests

    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    from .conftest import HEADERS, PASSWORD

    db = Database(db_url)
    try:
        name = f"{role}-{uuid.uuid4().hex[:8]}"
        add_user(db, name, role, PASSWORD)
    finally:
        db.dispose()
    r = requests.post(
        f"{srv.base}/api/v1/auth/login",
        json={"username": name, "password": PASSWORD},
        headers=HEADERS,
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return Api(srv.base, r.json()["token"], r.json()["user"])


def test_a_deleted_contacts_tombstone_carries_no_person(make_user: Any) -> None:
    broker, caseworker = make_user("broker"), make_user("caseworker")
    ids = _contact_with_history(broker)
    (gone,) = broker.push(change("contact", id=ids["contact"], base=2, deleted=True), client_id="laptop-b")
    assert gone["status"] == "applied", gone
    for who in (caseworker, broker):
        tomb = who.pull_all()[("contact", ids["contact"])]
        assert tomb["deleted"] is True
        assert tomb["data"]["company_id"] == ids["company"]
        assert tomb["data"]["anonymized"] is True and tomb["data"]["name"] == ANONYMIZED_NAME
        _no_person(json.dumps(tomb, ensure_ascii=False))
    # the delete scrubbed the stored conflict answer too
    (replay,) = broker.push(ids["stale"], client_id="laptop-c")
    _no_person(json.dumps(replay, ensure_ascii=False))


def test_the_brokers_anonymisation_scrubs_the_stored_answers(make_user: Any) -> None:
    broker = make_user("broker")
    ids = _contact_with_history(broker)
    anonymised = {"name": ANONYMIZED_NAME, "role": "", "email": "", "phone": "", "consent_date": None,
                  "anonymized": True}  # fmt: skip
    (done,) = broker.push(change("contact", anonymised, id=ids["contact"], base=2), client_id="laptop-b")
    assert done["status"] == "applied"
    (replay,) = broker.push(ids["stale"], client_id="laptop-c")
    assert replay["status"] == "duplicate"
    _no_person(json.dumps(replay, ensure_ascii=False))
    # a laptop that scrubbed a change it had sent before the erasure sends it again: same change
    scrubbed = {**ids["stale"], "data": {"name": ANONYMIZED_NAME}}
    assert broker.push(scrubbed, client_id="laptop-c")[0]["status"] == "duplicate"


def test_erase_contact_on_the_command_line(server: ServerProcess, make_user: Any) -> None:
    broker, caseworker = make_user("broker"), make_user("caseworker")
    ids = _contact_with_history(broker)
    unknown = run_cli("erase-contact", "findes-ikke", db=server.db_url)
    assert unknown.returncode == 1 and "findes-ikke" in unknown.stderr
    done = run_cli("erase-contact", ids["contact"], db=server.db_url)
    assert done.returncode == 0, done.stderr
    assert ids["contact"] in done.stdout and "slettet overalt" in done.stdout
    pulled = caseworker.pull_all()
    _no_person(json.dumps(list(pulled.values()), ensure_ascii=False))
    assert pulled[("contact", ids["contact"])]["data"]["anonymized"] is True
