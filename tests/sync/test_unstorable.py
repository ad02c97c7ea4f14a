"""A client never breaks on what the server sends (issue 16, part 4).

A record the server holds but this computer cannot store (a value of the wrong type, a missing
field, an entity it does not know) is written straight into a real server's database, as an older
or broken server would have stored it. The laptops' syncs must finish, store everything else, park
the bad record with its reason (and the records under it), show it on the sync page, and store it
once the server has a proper version.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from mægler_app.cli import main as maegler
from mægler_app.domain.messages import CATALOGUE, Msg
from mægler_app.store.db import open_store
from mægler_app.store.models import SYNCED, Company, Expense, LocalState, Meeting, Membership, Network
from mægler_app.sync import apply
from mægler_app.sync.resolve import list_parked
from mægler_app.sync.service import login
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.sync.view import SyncView, parked_model
from tests.server.conftest import (  # noqa: F401 - pg_url_factory: a fixture
    HEADERS,
    PASSWORD,
    Api,
    ServerProcess,
    build_network,
    change,
    make_db_url,
    pg_url_factory,
    run_cli,
    start_server,
)

from .conftest import Laptop

STARTS = "2026-03-04T09:00:00+00:00"


# the server's side -------------------------------------------------------------------------------
def _add_user(srv: ServerProcess, role: str) -> str:
    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    db = Database(srv.db_url)
    try:
        name = f"{role}-{uuid.uuid4().hex[:8]}"
        add_user(db, name, role, PASSWORD)
        return name
    finally:
        db.dispose()


def _http(srv: ServerProcess, username: str) -> Api:
    r = requests.post(
        f"{srv.base}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD},
        headers=HEADERS,
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return Api(srv.base, r.json()["token"], r.json()["user"])


def _server_record(srv: ServerProcess, entity: str, rid: str, edit: Callable[[Any, Any], None]) -> int:
    """Change a record in the server's database behind the server's back: ``edit(record, session)``.
    Returns the record's version."""
    from mægler_app.server.db import Database
    from mægler_app.server.models import Record

    db = Database(srv.db_url)
    try:
        with db.write() as session:
            rec = session.scalars(select(Record).where(Record.entity == entity, Record.id == rid)).one()
            edit(rec, session)
            return int(rec.version)
    finally:
        db.dispose()


def _corrupt(
    srv: ServerProcess,
    entity: str,
    rid: str,
    set_: dict[str, Any] | None = None,
    drop: tuple[str, ...] = (),
    *,
    as_new_version: bool = False,
) -> int:
    """Put bad values into a record's stored data; with ``as_new_version`` as a new version with a new
    seq (so laptops holding the record pull it again). Returns the record's version."""
    from mægler_app.server.db import allocate_seqs

    def edit(rec: Any, session: Any) -> None:
        data = {k: v for k, v in dict(rec.data).items() if k not in drop}
        data.update(set_ or {})
        rec.data = data
        if as_new_version:
            rec.seq = allocate_seqs(session, 1)
            rec.version += 1

    return _server_record(srv, entity, rid, edit)


def _insert_record(srv: ServerProcess, owner_id: str, entity: str, data: Any) -> str:
    """A record of ``entity`` straight into the server's table, with a proper seq."""
    from mægler_app.server.db import Database, allocate_seqs
    from mægler_app.server.models import Record

    rid = str(uuid.uuid4())
    now = dt.datetime.now(dt.UTC)
    db = Database(srv.db_url)
    try:
        with db.write() as session:
            session.add(
                Record(
                    entity=entity,
                    id=rid,
                    owner_id=owner_id,
                    version=1,
                    seq=allocate_seqs(session, 1),
                    deleted=False,
                    data=data,
                    field_versions={},
                    created_at=now,
                    updated_at=now,
                )
            )
    finally:
        db.dispose()
    return rid


def _push_ok(api: Api, *changes: dict[str, Any]) -> None:
    results = api.push(*changes)
    assert all(r["status"] == "applied" for r in results), results


def _broker_records(api: Api) -> dict[str, Any]:
    """A network with three members, two meetings and an expense of the first meeting."""
    ids = build_network(api)
    net = ids["network"]
    bad = change("meeting", {"network_id": net, "starts_at": STARTS, "agenda": "Opstartsmøde"})
    good = change("meeting", {"network_id": net, "starts_at": STARTS, "agenda": "Andet møde"})
    expense = change(
        "expense",
        {
            "network_id": net,
            "meeting_id": bad["id"],
            "spent_on": "2026-03-04",
            "amount_ore": 12_345,
            "description": "Kaffe",
        },
    )
    _push_ok(api, bad, good, expense)
    return {**ids, "meeting": bad["id"], "other_meeting": good["id"], "expense": expense["id"]}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """A server of its own on each backend, stopped after the test: a session-long one beside the
    server tests' would hold a second pool of PostgreSQL connections for the whole run."""
    db_url = make_db_url(str(request.param), tmp_path, request)
    init = run_cli("init", db=db_url)
    assert init.returncode == 0, init.stderr
    srv = start_server(db_url, tmp_path / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


# the laptops' side -------------------------------------------------------------------------------
@pytest.fixture
def laptop_on(tmp_path: Path) -> Iterator[Callable[[ServerProcess, str, str], Laptop]]:
    made: list[Any] = []

    def make(srv: ServerProcess, username: str, name: str) -> Laptop:
        store = open_store(tmp_path / f"laptop-{name}")
        made.append(store)
        login(store, srv.base, username, PASSWORD)
        return Laptop(store, srv.base, username)

    yield make
    for store in made:
        store.close()


def _count(lap: Laptop, cls: Any) -> int:
    with lap.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(cls)) or 0)


def _has(lap: Laptop, cls: Any, rid: str) -> bool:
    with lap.store.session() as s:
        return s.get(cls, rid) is not None


def _parked_rows(lap: Laptop) -> dict[str, Any]:
    return {row.record_id: row for row in list_parked(lap.store)}


def _status(lap: Laptop, capsys: Any) -> dict[str, Any]:
    capsys.readouterr()
    assert maegler(["status", "--json", "--profile", str(lap.store.profile)]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


# tests -------------------------------------------------------------------------------------------
def test_a_meeting_with_a_bad_time_is_parked_and_the_sync_goes_on(
    server: ServerProcess,
    laptop_on: Any,
    capsys: Any,
) -> None:
    """The case seen: ``starts_at`` "ikke en dato" on the server; a caseworker's and a broker's sync
    finish, the bad meeting and its expense wait, and the fixed meeting is stored by the next sync."""
    broker = _add_user(server, "broker")
    api = _http(server, broker)
    ids = _broker_records(api)
    version = _corrupt(server, "meeting", ids["meeting"], {"starts_at": "ikke en dato", "fra_en_nyere": 1})
    _corrupt(server, "company", ids["companies"][0], {"felt_fra_en_nyere_server": {"x": [1, 2]}})

    caseworker = laptop_on(server, _add_user(server, "caseworker"), "caseworker")
    mine = laptop_on(server, broker, "broker")
    # The broker's laptop syncs with `maegler sync`: exit 0 and one Danish line about it.
    capsys.readouterr()
    assert maegler(["sync", "--quiet", "--profile", str(mine.store.profile)]) == 0
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == ["2 poster fra serveren kunne ikke gemmes: se Synkronisering."]
    assert "Hentet:" in out
    report = caseworker.sync()
    assert report.pull_complete and report.parked == 2
    assert report.messages == ["2 poster fra serveren kunne ikke gemmes: se Synkronisering."]

    for lap in (caseworker, mine):
        # everything else is here, the unknown field of the company ignored
        assert _has(lap, Network, ids["network"]) and _count(lap, Membership) >= 3
        assert all(_has(lap, Company, cid) for cid in ids["companies"])
        assert _has(lap, Meeting, ids["other_meeting"])
        # the bad meeting and the expense under it wait, with their reasons
        assert not _has(lap, Meeting, ids["meeting"]) and not _has(lap, Expense, ids["expense"])
        parked = _parked_rows(lap)
        assert set(parked) == {ids["meeting"], ids["expense"]}
        meeting = parked[ids["meeting"]]
        assert (meeting.entity_label, meeting.label) == ("Møde", "Opstartsmøde")
        assert meeting.reason == (
            "Feltet »Tidspunkt (starts_at)« skal være et tidspunkt, men serveren sendte »ikke en dato«."
        )
        assert parked[ids["expense"]].reason == (
            "Venter på den post, den hører til (»Møde«), som ikke er kommet fra serveren."
        )
        assert _status(lap, capsys)["parked"] == 2
        # and the next sync neither breaks nor forgets them
        again = lap.sync()
        assert again.complete and again.parked == 2 and set(_parked_rows(lap)) == set(parked)

    # Fixed on the server: the broker sends the meeting's time again, properly.
    _push_ok(
        api, change("meeting", {"starts_at": "2026-03-05T10:00:00+00:00"}, id=ids["meeting"], base=version)
    )
    for lap in (caseworker, mine):
        report = lap.sync()
        assert report.complete and report.parked == 0 and report.messages == []
        with lap.store.session() as s:
            stored = s.get(Meeting, ids["meeting"])
            assert stored.starts_at == dt.datetime(2026, 3, 5, 10, 0, tzinfo=dt.UTC)
            assert stored.agenda == "Opstartsmøde"
            assert s.get(Expense, ids["expense"]).meeting_id == ids["meeting"]
            assert not s.scalars(select(LocalState.key).where(LocalState.key.startswith("pull_parked"))).all()
        assert list_parked(lap.store) == []
        assert _status(lap, capsys)["parked"] == 0


BAD_VALUES = [
    # (entity, bad values, the field as the reason names it, words of the reason)
    ("expense", {"amount_ore": "mange"}, "Beløb (amount_ore)", "skal være et helt tal, men serveren sendte »mange«"),
    ("expense", {"spent_on": "i går"}, "Dato (spent_on)", "skal være en dato"),
    ("meeting", {"next_steps": "ring til dem"}, "next_steps", "er ikke opbygget, som Mægler kender det"),
    ("meeting", {"participant_contact_ids": {"a": 1}}, "participant_contact_ids", "»{\"a\":1}«"),
    ("meeting", {"planned": "ja"}, "planned", "skal være ja eller nej"),
    ("meeting", {"agenda": 42}, "Dagsorden (agenda)", "skal være tekst, men serveren sendte »42«"),
]  # fmt: skip


@pytest.mark.parametrize(("entity", "set_", "field", "words"), BAD_VALUES)
def test_a_value_of_the_wrong_type_is_parked_new_or_known(
    sync_server: ServerProcess,
    laptop_on: Any,
    entity: str,
    set_: dict[str, Any],
    field: str,
    words: str,
) -> None:
    """A laptop that has the record (an update) and one that has not (an insert) both park the bad
    version, keep the rest, and store the record once it is fixed on the server."""
    broker = _add_user(sync_server, "broker")
    api = _http(sync_server, broker)
    ids = _broker_records(api)
    rid = ids["meeting"] if entity == "meeting" else ids["expense"]
    cls = SYNCED[entity]
    known = laptop_on(sync_server, broker, "known")
    assert known.sync().complete and _has(known, cls, rid)
    with known.store.session() as s:
        before = {k: getattr(s.get(cls, rid), k) for k in (*set_, "version")}

    version = _corrupt(sync_server, entity, rid, set_, as_new_version=True)
    fresh = laptop_on(sync_server, broker, "fresh")
    for lap in (known, fresh):
        report = lap.sync()
        assert report.pull_complete and report.parked >= 1
        row = _parked_rows(lap)[rid]
        assert row.reason.startswith(f"Feltet »{field}« ") and words in row.reason, row.reason
        assert _has(lap, Meeting, ids["other_meeting"]) and _has(lap, Network, ids["network"])
    assert not _has(fresh, cls, rid)
    with known.store.session() as s:  # the copy it had is untouched
        assert {k: getattr(s.get(cls, rid), k) for k in (*set_, "version")} == before

    good = {"amount_ore": 500, "spent_on": "2026-03-06", "next_steps": [], "participant_contact_ids": [],
            "planned": True, "agenda": "Rettet dagsorden"}  # fmt: skip
    _push_ok(api, change(entity, {k: good[k] for k in set_}, id=rid, base=version))
    for lap in (known, fresh):
        report = lap.sync()
        assert report.complete and report.parked == 0 and list_parked(lap.store) == []
        with lap.store.session() as s:
            obj = s.get(cls, rid)
            assert obj.version == version + 1
            for k in set_:
                expected = good[k]
                if k == "spent_on":
                    expected = dt.date.fromisoformat(good[k])
                assert getattr(obj, k) == expected


def test_a_meeting_without_its_time_is_parked(sync_server: ServerProcess, laptop_on: Any) -> None:
    broker = _add_user(sync_server, "broker")
    api = _http(sync_server, broker)
    ids = _broker_records(api)
    version = _corrupt(sync_server, "meeting", ids["meeting"], drop=("starts_at",))
    lap = laptop_on(sync_server, broker, "a")
    report = lap.sync()
    assert (
        report.pull_complete
        and report.parked == 2
        and report.messages == ["2 poster fra serveren kunne ikke gemmes: se Synkronisering."]
    )
    parked = _parked_rows(lap)
    assert parked[ids["meeting"]].reason == (
        "Feltet »Tidspunkt (starts_at)« mangler, og posten kan ikke gemmes uden det."
    )
    assert _has(lap, Meeting, ids["other_meeting"]) and not _has(lap, Meeting, ids["meeting"])
    _push_ok(api, change("meeting", {"starts_at": STARTS}, id=ids["meeting"], base=version))
    assert lap.sync().complete and list_parked(lap.store) == []
    assert _has(lap, Meeting, ids["meeting"]) and _has(lap, Expense, ids["expense"])


def test_an_entity_or_a_record_this_version_does_not_know_is_parked(
    sync_server: ServerProcess, laptop_on: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer server's entity, and a record whose data is not an object, wait with their reasons.

    The laptop is a version from before follow-ups (docs/protocol.md: an older client parks them)."""
    from mægler_app.domain.vocab import ENTITY_LABELS

    monkeypatch.delitem(SYNCED, "follow_up")
    monkeypatch.delitem(ENTITY_LABELS, "follow_up")
    broker = _add_user(sync_server, "broker")
    api = _http(sync_server, broker)
    ids = _broker_records(api)
    newer = _insert_record(sync_server, api.id, "follow_up", {"name": "Ring til netværket", "due": 3})
    broken = _insert_record(sync_server, api.id, "company", ["ikke", "et", "objekt"])
    lap = laptop_on(sync_server, broker, "a")
    report = lap.sync()
    assert report.pull_complete and report.parked == 2
    parked = _parked_rows(lap)
    assert parked[newer].entity_label == "follow_up" and parked[newer].label == "Ring til netværket"
    assert parked[newer].reason == (
        "Denne udgave af Mægler kender ikke poster af typen »follow_up«. Opdatér Mægler."
    )
    assert parked[broken].reason == (
        'Posten fra serveren er ikke opbygget, som Mægler kender det (feltet »data«: »["ikke","et","objekt"]«).'
    )
    assert _has(lap, Meeting, ids["meeting"]) and _has(lap, Expense, ids["expense"])


def test_an_unknown_stage_parks_the_network_and_an_app_that_knows_it_stores_it_at_the_next_sync(
    sync_server: ServerProcess, laptop_on: Any, monkeypatch: Any
) -> None:
    """A network's stage is looked up by every screen: an unknown one is parked (its records wait
    for it). Parked records are tried again at each sync, so an updated app stores them without
    the server changing anything."""
    broker = _add_user(sync_server, "broker")
    api = _http(sync_server, broker)
    ids = _broker_records(api)
    _corrupt(sync_server, "network", ids["network"], {"stage": "stage_4"})
    lap = laptop_on(sync_server, broker, "a")
    report = lap.sync()
    # the network, its three memberships, two meetings and the expense
    assert report.pull_complete and report.parked == 7
    assert _count(lap, Company) == 3 and _count(lap, Network) == 0
    parked = _parked_rows(lap)
    assert parked[ids["network"]].reason == (
        "Feltet »Fase (stage)« har værdien »stage_4«, som denne udgave af Mægler ikke kender. Opdatér Mægler."
    )
    assert lap.sync().parked == 7  # tried again, still refused, and not written again:
    with sqlite3.connect(lap.store.db_path) as con:
        rows = con.execute("SELECT rowid, key FROM local_state WHERE key LIKE 'pull_parked:%'").fetchall()
    assert lap.sync().parked == 7
    with sqlite3.connect(lap.store.db_path) as con:
        assert (
            con.execute("SELECT rowid, key FROM local_state WHERE key LIKE 'pull_parked:%'").fetchall()
            == rows
        )

    # "an updated app": one that knows the stage
    monkeypatch.setitem(apply._CLOSED_VALUES, ("network", "stage"), {"candidate", "stage_4"})
    apply._columns.cache_clear()
    try:
        report = lap.sync()
    finally:
        apply._columns.cache_clear()
    assert report.complete and report.parked == 0 and list_parked(lap.store) == []
    assert _count(lap, Network) == 1 and _count(lap, Membership) == 3 and _count(lap, Meeting) == 2


def test_the_sync_page_shows_what_could_not_be_stored(
    qtbot: Any, qtmodeltester: Any, sync_server: ServerProcess, laptop_on: Any
) -> None:
    broker = _add_user(sync_server, "broker")
    api = _http(sync_server, broker)
    ids = _broker_records(api)
    version = _corrupt(sync_server, "meeting", ids["meeting"], {"starts_at": "ikke en dato"})
    lap = laptop_on(sync_server, broker, "a")
    window = MainWindow(AppContext(store=lap.store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("synkronisering")
    assert isinstance(view, SyncView)
    assert not view.parked_box.isVisible()

    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.controller.last_report is not None and not view.controller.running, timeout=30_000
    )
    assert view.parked_box.isVisible() and view.parked.rowCount() == 2
    cells = {
        view.parked.data(view.parked.index(row, 1)): (
            view.parked.data(view.parked.index(row, 0)),
            view.parked.data(view.parked.index(row, 2)),
        )
        for row in range(2)
    }
    assert cells["Opstartsmøde"] == (
        "Møde",
        "Feltet »Tidspunkt (starts_at)« skal være et tidspunkt, men serveren sendte »ikke en dato«.",
    )
    assert cells["Kaffe"][0] == "Udgift" and "Venter på" in cells["Kaffe"][1]
    assert [view.parked.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Type",
        "Post",
        "Begrundelse",
    ]
    assert "2 poster fra serveren kunne ikke gemmes" in view.result.text()
    model = parked_model()
    model.set_rows(list_parked(lap.store))
    qtmodeltester.check(model)

    _push_ok(api, change("meeting", {"starts_at": STARTS}, id=ids["meeting"], base=version))
    view.controller.last_report = None
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.controller.last_report is not None and not view.controller.running, timeout=30_000
    )
    assert view.parked.rowCount() == 0 and not view.parked_box.isVisible()
    assert "Alt er synkroniseret" in view.result.text()
    assert _has(lap, Meeting, ids["meeting"])


def test_a_bad_value_is_refused_by_its_column_type() -> None:
    """What each kind of column takes from a pulled record; the rest raises naming the field."""
    meeting = {
        "network_id": "n",
        "starts_at": STARTS,
        "next_steps": [{"text": "ring"}],
        "dimensions": ["parter"],
    }
    row = apply.new_row("meeting", "m", {"version": 3, "data": {**meeting, "nyt_felt": [1]}})
    assert row["starts_at"] == dt.datetime(2026, 3, 4, 9, tzinfo=dt.UTC) and "nyt_felt" not in row
    refused = {
        "starts_at": [3, "4. marts", None],
        "next_steps": [["ring"], {"text": "ring"}],
        "dimensions": [[1], "parter"],
        "estimated_cost_ore": [1.5, True, "100"],
        "planned": [1, "ja"],
        "place": [1, ["Herning"]],
        "network_id": [7],
    }
    for key, values in refused.items():
        for value in values:
            with pytest.raises(apply.UnstorableRecordError) as err:
                apply.new_row("meeting", "m", {"version": 3, "data": {**meeting, key: value}})
            assert err.value.reason.params["field"] == key, (key, value)
    with pytest.raises(apply.UnstorableRecordError, match="Feltet »amount_ore« mangler"):
        apply.new_row("expense", "e", {"data": {"network_id": "n", "spent_on": "2026-03-04"}})
    # every reason is written in both languages
    for name in dir(Msg):
        if name.startswith("PULLED_"):
            assert set(CATALOGUE[getattr(Msg, name)]) == {"da", "en"}, name


def test_taking_a_servers_copy_that_cannot_be_stored_is_refused_and_changes_nothing(store: Any) -> None:
    from mægler_app.store.models import OutboxEntry
    from mægler_app.sync import resolve

    with store.session() as s:
        net = Network(name="Metalnetværket")
        s.add(net)
        s.flush()
        meeting = Meeting(
            network_id=net.id, starts_at=dt.datetime(2026, 3, 4, 9, tzinfo=dt.UTC), agenda="Min"
        )
        s.add(meeting)
    with store.session() as s:
        s.info["from_server"] = True
        s.execute(OutboxEntry.__table__.delete())
        s.add(
            OutboxEntry(
                entity="meeting",
                record_id=meeting.id,
                base_version=1,
                data={"agenda": "Min"},
                status="conflict",
                server_data={
                    "version": 2,
                    "deleted": False,
                    "data": {"agenda": "Deres", "starts_at": "i morgen"},
                },
            )
        )
    (row,) = resolve.list_conflicts(store)
    with pytest.raises(resolve.ResolveError, match="»starts_at« skal være et tidspunkt"):
        resolve.take_server(store, row.seq)
    with store.session() as s:
        assert s.get(Meeting, meeting.id).agenda == "Min"
    assert len(resolve.list_conflicts(store)) == 1  # still there to decide
