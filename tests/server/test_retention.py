"""Retention on the server (issue 21 item 2), on SQLite and PostgreSQL: the keep-until date the server
sets, ``maegler-server settings``, and ``purge`` with dates on both sides of the limit, receipts
included; ``--dry-run`` changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    HEADERS,
    PASSWORD,
    Api,
    ServerProcess,
    build_network,
    change,
    make_db_url,
    run_cli,
    start_server,
)


@pytest.fixture(scope="module")
def own_server(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[ServerProcess]:
    """A server of its own: purge deletes whatever has passed its date, other tests' records too."""
    tmp = tmp_path_factory.mktemp(f"retention-{backend}")
    db_url = make_db_url(backend, tmp, request)
    assert run_cli("init", db=db_url).returncode == 0
    srv = start_server(db_url, tmp / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


def _broker(srv: ServerProcess, name: str) -> Api:
    import requests

    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    db = Database(srv.db_url)
    try:
        add_user(db, name, "broker", PASSWORD)
    finally:
        db.dispose()
    r = requests.post(f"{srv.base}/api/v1/auth/login", json={"username": name, "password": PASSWORD},
                      headers=HEADERS, timeout=30)  # fmt: skip
    assert r.status_code == 200, r.text
    return Api(srv.base, r.json()["token"], r.json()["user"])


def _receipt(api: Api, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    assert api.put(f"/blobs/{sha}", data=content).status_code == 200
    return sha


def _expense(network: str, day: str, sha: str = "", **extra: Any) -> dict[str, Any]:
    return change("expense", {"network_id": network, "spent_on": day, "description": "Forplejning",
                              "amount_ore": 200_00, "receipt_sha256": sha, **extra})  # fmt: skip


def test_keep_until_set_by_the_server_and_purge_on_both_sides_of_the_limit(own_server: ServerProcess) -> None:
    srv = own_server
    api = _broker(srv, "retention-broker")
    ids = build_network(api)
    net = ids["network"]
    receipt_old, receipt_new, receipt_shared = (
        _receipt(api, c) for c in (b"bilag 2010", b"bilag 2011", b"delt")
    )
    meeting = change(
        "meeting",
        {
            "network_id": net,
            "starts_at": "2010-06-01T08:00:00+00:00",
            "kind": "other",
            "keep_until": "2099-01-01",
        },
    )  # fmt: skip  (a client's date is not taken)
    dec31 = _expense(net, "2010-12-31", receipt_old)
    jan1 = _expense(net, "2011-01-01", receipt_new)
    later = _expense(net, "2012-03-01", meeting_id=meeting["id"])
    shared_old = _expense(net, "2010-05-01", receipt_shared)
    shared_new = _expense(net, "2013-05-01", receipt_shared)
    results = api.push(meeting, dec31, jan1, later, shared_old, shared_new)
    assert [r["status"] for r in results] == ["applied"] * 6, results
    pulled = api.pull_all()
    keep = {
        ch["id"]: ch["data"]["keep_until"] for ch in pulled.values() if ch["entity"] in ("meeting", "expense")
    }
    assert keep == {
        meeting["id"]: "2016-12-31",  # the programme's end 2011-12-31 + 5 years
        dec31["id"]: "2015-12-31",  # financial year 2010 + 5
        jan1["id"]: "2016-12-31",  # financial year 2011 + 5
        later["id"]: "2017-12-31",
        shared_old["id"]: "2015-12-31",
        shared_new["id"]: "2018-12-31",
    }
    assert api.get("/me").json()["retention"]["programme_end"] == "2011-12-31"

    # --dry-run lists and changes nothing
    dry = run_cli("purge", "--dry-run", "--today", "2016-01-01", db=srv.db_url)
    assert dry.returncode == 0, dry.stderr
    assert dec31["id"] in dry.stdout and shared_old["id"] in dry.stdout and jan1["id"] not in dry.stdout
    assert "Prøvekørsel: 2 dokumenter og 1 bilagsfil" in dry.stdout
    assert api.pull_all() == pulled
    assert api.get(f"/blobs/{receipt_old}").status_code == 200

    # 1 January 2016: the expense of 31 December 2010 goes, the one of 1 January 2011 stays
    done = run_cli("purge", "--today", "2016-01-01", db=srv.db_url)
    assert done.returncode == 0, done.stderr
    assert "2 dokumenter og 1 bilagsfil slettet" in done.stdout
    after = api.pull_all()
    assert after[("expense", dec31["id"])]["deleted"] is True
    assert after[("expense", dec31["id"])]["data"] == {"purged_on": "2016-01-01"}
    assert after[("expense", shared_old["id"])]["data"] == {"purged_on": "2016-01-01"}
    assert after[("expense", jan1["id"])]["deleted"] is False
    assert api.get(f"/blobs/{receipt_old}").status_code == 404  # the receipt went with it
    assert api.get(f"/blobs/{receipt_new}").content == b"bilag 2011"
    assert api.get(f"/blobs/{receipt_shared}").content == b"delt"  # still named by a live expense
    # On its date a document is kept; the day after it goes
    assert "Intet har passeret" in run_cli("purge", "--today", "2016-12-31", db=srv.db_url).stdout
    assert run_cli("purge", "--today", "2017-01-01", db=srv.db_url).returncode == 0
    last = api.pull_all()
    assert last[("meeting", meeting["id"])]["data"] == {"purged_on": "2017-01-01"}
    assert last[("expense", jan1["id"])]["deleted"] is True
    assert api.get(f"/blobs/{receipt_new}").status_code == 404
    # the expense that named the purged meeting stays, without the reference
    assert last[("expense", later["id"])]["deleted"] is False
    assert last[("expense", later["id"])]["data"]["meeting_id"] is None
    # a purged record takes no change any more
    again = api.push(change("expense", {"description": "igen"}, id=jan1["id"], base=1))
    assert again[0]["status"] == "rejected" and again[0]["message"]["code"] == "purge_record_purged"


def test_settings_redate_every_document(own_server: ServerProcess) -> None:
    srv = own_server
    api = _broker(srv, "retention-settings")
    ids = build_network(api)
    meeting = change("meeting", {"network_id": ids["network"], "starts_at": "2030-06-01T08:00:00+00:00"})
    expense = _expense(ids["network"], "2030-06-30")
    assert [r["status"] for r in api.push(meeting, expense)] == ["applied", "applied"]
    bad = run_cli("settings", "--bookkeeping-years", "0", db=srv.db_url)
    assert bad.returncode == 1 and "uden for det tilladte" in bad.stderr, (bad.returncode, bad.stderr)
    out = run_cli("settings", "--programme-end", "2031-12-31", "--financial-year-start", "7",
                  "--documentation-years", "10", db=srv.db_url)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "fik ny opbevaringsdato" in out.stdout
    pulled = api.pull_all()
    assert pulled[("meeting", meeting["id"])]["data"]["keep_until"] == "2041-12-31"
    assert pulled[("expense", expense["id"])]["data"]["keep_until"] == "2035-06-30"  # FY 1.7.2029-30.6.2030
    assert api.get("/me").json()["retention"] == {
        "bookkeeping_years": 5,
        "documentation_years": 10,
        "programme_end": "2031-12-31",
        "financial_year_start_month": 7,
    }
    # back to the defaults for the other test of the module
    assert run_cli("settings", "--programme-end", "2011-12-31", "--financial-year-start", "1",
                   "--documentation-years", "5", db=srv.db_url).returncode == 0  # fmt: skip


def test_a_pushed_new_contact_without_consent_date_gets_the_day_it_is_recorded(
    own_server: ServerProcess,
) -> None:
    import datetime as dt

    api = _broker(own_server, "retention-consent")
    ids = build_network(api)
    without = change("contact", {"company_id": ids["companies"][0], "name": "Ole"})
    given = change(
        "contact", {"company_id": ids["companies"][0], "name": "Eva", "consent_date": "2025-02-03"}
    )
    assert [r["status"] for r in api.push(without, given)] == ["applied", "applied"]
    pulled = api.pull_all()
    assert (
        pulled[("contact", without["id"])]["data"]["consent_date"]
        == dt.datetime.now(dt.UTC).date().isoformat()
    )
    assert pulled[("contact", given["id"])]["data"]["consent_date"] == "2025-02-03"


def test_purge_is_listed_in_the_command_help(tmp_path: Path) -> None:
    out = run_cli("purge", "--help", db=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert out.returncode == 0 and "--dry-run" in out.stdout


def test_init_dates_the_documents_stored_before_retention(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import datetime as dt

    from mægler_app.server.db import Database, allocate_seqs
    from mægler_app.server.models import Record, ServerSetting

    db_url = make_db_url(backend, tmp_path, request)
    assert run_cli("init", db=db_url).returncode == 0
    db = Database(db_url)
    try:
        now = dt.datetime.now(dt.UTC)
        with db.write() as s:
            s.query(ServerSetting).delete()  # as before s0008: no settings, no dates
            first = allocate_seqs(s, 1)
            s.add(Record(entity="expense", id="e-1", owner_id="u", version=1, seq=first, deleted=False,
                         network_id="n", data={"network_id": "n", "spent_on": "2010-12-31", "amount_ore": 100},
                         field_versions={}, created_at=now, updated_at=now, amount_ore=100))  # fmt: skip
        out = run_cli("init", db=db_url)
        assert out.returncode == 0, out.stderr
        assert "1 dokument fik ny opbevaringsdato" in out.stdout
        with db.session() as s:
            rec = s.get(Record, ("expense", "e-1"))
            assert rec.data["keep_until"] == "2015-12-31" and rec.version == 2 and rec.seq > first
        assert "Databasen er klar." == run_cli("init", db=db_url).stdout.strip()  # once only
    finally:
        db.dispose()


def test_a_purged_documents_copy_leaves_the_stored_answers(own_server: ServerProcess) -> None:
    """A conflict answer carries the server's copy of the record; once the document is purged, the
    stored answer (what a replay gets back) keeps its status and no copy."""
    srv = own_server
    api = _broker(srv, "retention-conflict")
    net = build_network(api)["network"]
    old = _expense(net, "2009-03-02", description="Frokost med Jens Hansen")
    assert api.push(old)[0]["status"] == "applied"
    assert api.push(change("expense", {"amount_ore": 300_00}, id=old["id"], base=1))[0]["status"] == "applied"
    late = change("expense", {"amount_ore": 250_00}, id=old["id"], base=1)
    first = api.push(late, client_id="anden-laptop")[0]
    assert first["status"] == "conflict" and "Jens Hansen" in str(first["server"])
    assert "Jens Hansen" in str(api.push(late, client_id="anden-laptop")[0])  # the stored answer
    assert run_cli("purge", "--today", "2015-01-01", db=srv.db_url).returncode == 0
    replay = api.push(late, client_id="anden-laptop")[0]
    assert replay["status"] == "duplicate" and "server" not in replay
    assert "Jens Hansen" not in str(replay)
