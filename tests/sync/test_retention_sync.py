"""Retention between real laptops and a real server (issue 21 item 2): the laptop dates a document on
save as the server does, takes the server's new settings at its next sync, and follows a purge:
the record, its outbox entries and its receipt file are gone after its next sync."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mægler_app.store.db import open_store
from mægler_app.store.models import Blob, Expense, Meeting, OutboxEntry
from mægler_app.sync.blobs import add_blob, blob_file
from mægler_app.sync.service import login
from tests.server.conftest import PASSWORD, ServerProcess, run_cli, start_server

from .conftest import Laptop
from .test_engine import add_network

D = dt.date


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server of its own: a purge reaches every broker's records."""
    db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert run_cli("init", db=db_url).returncode == 0
    srv = start_server(db_url, tmp_path / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


@pytest.fixture
def two_laptops(own_server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, ServerProcess]]:
    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    name = f"broker-{uuid.uuid4().hex[:8]}"
    db = Database(own_server.db_url)
    add_user(db, name, "broker", PASSWORD)
    db.dispose()
    stores = [open_store(tmp_path / f"laptop-{x}") for x in "ab"]
    for store in stores:
        login(store, own_server.base, name, PASSWORD)
    yield Laptop(stores[0], own_server.base, name), Laptop(stores[1], own_server.base, name), own_server
    for store in stores:
        store.close()


def _keep(store: Any) -> dict[str, dt.date | None]:
    with store.session() as s:
        out = {e.id: e.keep_until for e in s.scalars(select(Expense))}
        out.update({m.id: m.keep_until for m in s.scalars(select(Meeting))})
        return out


def test_a_laptop_dates_on_save_and_follows_settings_and_purge(two_laptops: Any) -> None:
    a, b, srv = two_laptops
    ids = add_network(a.store)
    old_sha = add_blob(a.store, b"kvittering 2010", "application/pdf")
    new_sha = add_blob(a.store, b"kvittering 2011", "application/pdf")
    with a.store.session() as s:
        meeting = Meeting(network_id=ids["network"], starts_at=dt.datetime(2010, 6, 1, 8, tzinfo=dt.UTC))
        s.add(meeting)
        s.flush()
        dec31 = Expense(network_id=ids["network"], spent_on=D(2010, 12, 31), description="Forplejning",
                        amount_ore=200_00, receipt_sha256=old_sha, receipt_name="2010.pdf")  # fmt: skip
        jan1 = Expense(network_id=ids["network"], spent_on=D(2011, 1, 1), description="Forplejning",
                       amount_ore=200_00, receipt_sha256=new_sha, receipt_name="2011.pdf")  # fmt: skip
        later = Expense(network_id=ids["network"], spent_on=D(2012, 3, 1), description="Lokaleleje",
                        amount_ore=100_00, meeting_id=meeting.id)  # fmt: skip
        s.add_all([dec31, jan1, later])
    ids.update(meeting=meeting.id, dec31=dec31.id, jan1=jan1.id, later=later.id)
    # Dated on save, before any sync, by the same rule as the server's
    expected = {ids["meeting"]: D(2016, 12, 31), ids["dec31"]: D(2015, 12, 31), ids["jan1"]: D(2016, 12, 31),
                ids["later"]: D(2017, 12, 31)}  # fmt: skip
    assert _keep(a.store) == expected
    with a.store.session() as s:  # the date is the server's: never pushed
        assert all("keep_until" not in (e.data or {}) for e in s.scalars(select(OutboxEntry)))
    assert a.sync().complete
    assert b.sync().complete
    assert _keep(b.store) == expected
    assert not blob_file(b.store, old_sha).exists()  # receipts come after the records (issue 25)
    assert b.receipts() == 2
    assert blob_file(b.store, old_sha).exists()

    # New settings on the server: both laptops re-date at their next sync
    assert run_cli("settings", "--programme-end", "2012-12-31", db=srv.db_url).returncode == 0
    a.sync()
    assert _keep(a.store)[ids["meeting"]] == D(2017, 12, 31)
    assert run_cli("settings", "--programme-end", "2011-12-31", db=srv.db_url).returncode == 0

    # b edits the expense of 31 December 2010 while the server purges it
    with b.store.session() as s:
        s.get(Expense, ids["dec31"]).description = "Forplejning, rettet"
    purge = run_cli("purge", "--today", "2016-01-01", db=srv.db_url)
    assert purge.returncode == 0, purge.stderr
    for laptop in (a, b):
        report = laptop.sync()
        assert report.purged == 1
        with laptop.store.session() as s:
            assert s.get(Expense, ids["dec31"]) is None  # gone, not a deleted copy
            assert s.get(Blob, old_sha) is None
            assert s.get(Expense, ids["jan1"]) is not None and s.get(Blob, new_sha) is not None
            assert not s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == ids["dec31"])).all()
        assert not blob_file(laptop.store, old_sha).exists()
        assert blob_file(laptop.store, new_sha).read_bytes() == b"kvittering 2011"
        assert laptop.sync().complete

    # The meeting's date passes: it goes, the expense that named it stays without the reference
    assert run_cli("purge", "--today", "2017-01-01", db=srv.db_url).returncode == 0
    for laptop in (a, b):
        laptop.sync()
        with laptop.store.session() as s:
            assert s.get(Meeting, ids["meeting"]) is None and s.get(Expense, ids["jan1"]) is None
            assert s.get(Expense, ids["later"]).meeting_id is None
        assert not blob_file(laptop.store, new_sha).exists()
