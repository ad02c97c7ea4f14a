"""Fewer round trips (issue 25 item 4; docs/protocol.md "One request per sync"), counted on a real
server through a counting proxy: a sync with nothing to do is one request, a day's changes go up in
one push that brings the first pull page back with it; an older server's answers still work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.field_link import Link, ShapingProxy
from mægler_app.store.models import Company, Meeting
from mægler_app.sync.api import Api
from mægler_app.sync.engine import SyncEngine

from .conftest import run_to_end
from .test_engine import add_network, outbox, snapshot

FAST = Link(rtt=0.0, up_bps=1e10, down_bps=1e10)


@pytest.fixture
def counting(sync_server: Any) -> Iterator[ShapingProxy]:
    proxy = ShapingProxy(sync_server.port, FAST)
    yield proxy
    proxy.close()


def requests_in(proxy: ShapingProxy, run: Any) -> tuple[Any, list[str]]:
    before = len(proxy.stats.turns)
    result = run()
    with proxy.stats.lock:
        return result, [t.line.split(" HTTP/")[0] for t in proxy.stats.turns[before:]]


def test_no_change_sync_is_one_request(new_user: Any, laptop: Any, counting: ShapingProxy) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    add_network(a.store, stage="candidate")
    a.sync()
    b.sync(counting.url)  # the first sync of b: pages, forms, /me's answer along
    report, lines = requests_in(counting, lambda: b.sync(counting.url))
    assert report.complete and report.pulled == 0 and report.pushed == 0
    assert len(lines) == 1, lines
    assert lines[0].startswith("GET /api/v1/sync/pull?") and "with=me%2Cforms" in lines[0]


def test_days_work_is_one_request_with_the_pull_along(
    new_user: Any, laptop: Any, counting: ShapingProxy
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    net = add_network(a.store, stage="candidate")
    a.sync(counting.url)
    b.sync()
    # the other laptop changes something the first one has not seen yet
    with b.store.session() as s:
        s.get(Company, net["companies"][0]).notes = "fra den anden bærbar"
    b.sync()
    # a day's work on the first laptop
    with a.store.session() as s:
        for k in range(20):
            s.add(Meeting(network_id=net["network"], starts_at=dt.datetime(2026, 5, 1, 9, k, tzinfo=dt.UTC)))
        s.get(Company, net["companies"][1]).notes = "fra den første bærbar"
    report, lines = requests_in(counting, lambda: a.sync(counting.url))
    assert report.complete and report.pushed == 21
    assert lines == ["POST /api/v1/sync/push"]
    # the page that came along brought the other laptop's change, and not a's own 21 records back
    assert report.pulled == 1
    assert outbox(a.store) == []
    b.sync()
    assert snapshot(a.store) == snapshot(b.store)
    # and a's copies are at the server's versions: the next sync pulls nothing
    again, lines = requests_in(counting, lambda: a.sync(counting.url))
    assert again.pulled == 0 and len(lines) == 1


class OlderServerAnswers(Api):
    """The answers of a server from before the extension: no page along, nothing carried."""

    def push_answer(self, *args: Any, **kw: Any) -> dict[str, Any]:
        answer = super().push_answer(*args, **kw)
        answer.pop("pull", None)
        return answer

    def pull(self, since: int, limit: int, skip: str = "", with_: str = "") -> dict[str, Any]:
        page = super().pull(since, limit, skip, with_)
        page.pop("me", None)
        page.pop("forms_etag", None)
        return page


def test_older_server_answers_still_sync(new_user: Any, laptop: Any, counting: ShapingProxy) -> None:
    user = new_user("broker", "Anna Older")
    a = laptop(user, "a")
    net = add_network(a.store, stage="candidate")
    waiting = len(outbox(a.store))
    logged_in = a.api()
    api = OlderServerAnswers(counting.url, logged_in.token)
    logged_in.close()
    report, lines = requests_in(counting, lambda: run_to_end(SyncEngine(a.store, api).run()))
    assert report.complete and report.pushed == waiting == 7
    paths = [line.split("?")[0] for line in lines]
    assert paths == ["POST /api/v1/sync/push", "GET /api/v1/sync/pull", "GET /api/v1/me", "GET /api/v1/forms"]
    with a.store.session() as s:
        assert s.get(Company, net["companies"][0]).version == 1
    from mægler_app.store.services.overview import display_name

    assert display_name(a.store) == "Anna Older"
    api.close()


def test_short_answers_and_an_older_client(sync_server: Any, new_user: Any) -> None:
    """``short_answers``: one result per change in order, no change ids, no nulls; without it, as before."""
    from mægler_app.sync.api import encode_push
    from tests.server.conftest import PASSWORD

    from .test_body_encoding import company_changes

    api = Api(sync_server.base)
    api.login(new_user(), PASSWORD)
    changes = company_changes(3)
    body = encode_push("kort", changes)[:-1] + b',"short_answers":true}'
    short = api.push_answer("kort", [], body=body)["results"]
    assert [set(r) for r in short] == [{"status", "version", "seq"}] * 3
    replay = api.push("kort", changes)  # the same changes again, as an older client asks
    assert [(r["change_id"], r["status"]) for r in replay] == [(c["change_id"], "duplicate") for c in changes]
    api.close()


def test_a_push_in_batches_brings_none_of_its_own_back(
    new_user: Any, laptop: Any, counting: ShapingProxy
) -> None:
    """The last batch asks for the page along once the answers before it are stored: the page
    leaves out every batch's records, not only its own."""
    from mægler_app.domain.cvr import make_valid_cvr

    a = laptop(new_user(), "a")
    with a.store.session() as s:
        s.add_all(Company(cvr=make_valid_cvr(7_000 + k), name=f"Virksomhed {k}") for k in range(30))
    report, lines = requests_in(counting, lambda: a.sync(counting.url, batch_size=10))
    assert report.complete and report.pushed == 30
    assert report.pulled == 0
    assert lines[:3] == ["POST /api/v1/sync/push"] * 3
    assert len(lines) == 4 and lines[3].startswith("GET /api/v1/forms")  # the first sync lists the forms


def test_no_change_sync_writes_only_its_time_and_still_takes_a_new_name(
    new_user: Any, laptop: Any, counting: ShapingProxy, sync_server: Any
) -> None:
    """A sync with nothing to do reads the store in a few sessions and writes one row (when it last
    synced); a name or retention settings the operator changed on the server still reach the laptop
    with /me's answer."""
    import time

    from sqlalchemy import event, update

    from mægler_app.server.db import Database
    from mægler_app.server.models import User
    from mægler_app.store.services.overview import display_name, profile_role

    user = new_user(display_name="Anna Jensen")
    a = laptop(user, "a")
    add_network(a.store, stage="candidate")
    a.sync()
    assert display_name(a.store) == "Anna Jensen" and profile_role(a.store) == "broker"
    db = Database(sync_server.db_url)
    with db.write() as s:
        s.execute(update(User).where(User.username == user).values(display_name="Anna Bøgh"))
    db.dispose()
    time.sleep(1.2)  # past the server's token cache, which holds the user for a second
    report, lines = requests_in(counting, lambda: a.sync(counting.url))
    assert len(lines) == 1 and report.complete and report.pulled == 0
    assert display_name(a.store) == "Anna Bøgh" and profile_role(a.store) == "broker"

    statements: list[str] = []

    def seen(_conn: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement.lstrip().upper())

    event.listen(a.store.engine, "before_cursor_execute", seen)
    try:
        report, lines = requests_in(counting, lambda: a.sync(counting.url))
    finally:
        event.remove(a.store.engine, "before_cursor_execute", seen)
    assert len(lines) == 1 and report.complete and report.pulled == 0 and report.pushed == 0
    writes = [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    # at most the time it last synced (written when the second has changed), nothing else
    assert len(writes) <= 1 and all("LOCAL_STATE" in w for w in writes), writes
    # the test's own Api reads the account once; the engine reads what it compares /me's answer,
    # the forms' ETag and the receipts wanted with in its first session (20 sessions in all at
    # first, 8 before that, 4 now: the account, the engine's reads, its time, the receipts' phase)
    assert sum(s == "BEGIN" for s in statements) <= 4, " | ".join(
        " ".join(s.split())[:70] for s in statements if not s.startswith(("PRAGMA", "COMMIT"))
    )

    # the server's retention settings changed: a sync takes them with /me's answer, as the name
    from mægler_app.store.retention import load_settings

    from ..server.conftest import run_cli

    changed = run_cli("settings", "--documentation-years", "10", db=sync_server.db_url)
    try:
        assert changed.returncode == 0, changed.stderr
        report, lines = requests_in(counting, lambda: a.sync(counting.url))
        assert len(lines) == 1 and report.complete
        with a.store.session() as s:
            assert load_settings(s).documentation_years == 10
    finally:
        back = run_cli("settings", "--documentation-years", "5", db=sync_server.db_url)
        assert back.returncode == 0, back.stderr


def test_requests_and_answers_carry_no_header_that_says_nothing(
    new_user: Any, counting: ShapingProxy
) -> None:
    """Bytes up a phone's link are the dearest: no "Accept: */*" or "Connection: keep-alive" (what
    HTTP/1.1 means without them) in the app's requests, no "server: uvicorn" in the answers."""
    from tests.server.conftest import PASSWORD

    api = Api(counting.url)
    try:
        api.login(new_user(), PASSWORD)
        resp = api.request("GET", "/sync/pull", params={"since": 0, "limit": 10})
        sent = {k.lower() for k in resp.request.headers}
        assert "accept" not in sent and "connection" not in sent, sent
        assert {"user-agent", "authorization", "accept-encoding"} <= sent
        assert "server" not in {k.lower() for k in resp.headers}, dict(resp.headers)
        # and the connection is still kept between requests (HTTP/1.1's default)
        api.request("GET", "/sync/pull", params={"since": 0, "limit": 10})
        assert counting.stats.connections == 1 and len(counting.stats.turns) == 3
    finally:
        api.close()


def test_a_first_push_on_its_own_reads_the_computers_id_on_its_own_thread(new_user: Any, laptop: Any) -> None:
    """The engine reads this computer's id in ``run``'s first session, or when a step run on its own
    first needs it: a push run alone (as receipt_bench and sync_bench run one) reads it before its
    sender thread starts, which must not open the store while this thread writes the outbox
    ("database is locked" when it wrote the id of a first sync there)."""
    from mægler_app.store.models import LocalState

    a = laptop(new_user(), "a")
    for k in range(3):
        add_network(a.store, stage="candidate", name=f"Netværk {k}")
    with a.store.session() as s:  # a profile that has never synced has no id yet
        row = s.get(LocalState, "client_id")
        if row is not None:
            s.delete(row)
    import threading

    from sqlalchemy import event

    opened_on: list[str] = []

    def began(_conn: Any) -> None:
        opened_on.append(threading.current_thread().name)

    api = a.api()
    event.listen(a.store.engine, "begin", began)
    try:
        engine = SyncEngine(a.store, api, batch_size=2)  # several batches: the sender overlaps
        run_to_end(engine.push())
    finally:
        event.remove(a.store.engine, "begin", began)
        api.close()
    assert outbox(a.store) == []
    assert engine.report.pushed > 2
    assert opened_on and not [name for name in opened_on if name.startswith("maegler-push")], opened_on
