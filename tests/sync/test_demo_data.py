"""``maegler demo-data``: what it makes is what a broker can make offline, so a fresh server takes all of it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mægler_app.server.db import Database
from mægler_app.server.demo import recheck
from mægler_app.server.models import Record, User
from mægler_app.store.demo import generate
from mægler_app.store.models import SYNCED, Network


def test_demo_data_syncs_to_a_fresh_server_with_nothing_rejected(
    sync_server: Any, new_user: Any, laptop: Any
) -> None:
    username = new_user("broker")
    broker = laptop(username)
    for _ in generate(broker.store, 0.05, seed=3):
        pass
    report = broker.sync()
    assert report.rejected == 0, report.messages[:5]
    assert report.conflicts == 0
    assert report.complete
    assert report.blobs_uploaded == 1  # the one receipt, however many expenses name it
    # Each record once: a new network past kandidat sends its stage once more, after what it needs,
    # but that is the same change the broker made, so "Sendt N" is the N that waited (issue 20).
    with broker.store.session() as s:
        local = sum(len(s.scalars(select(cls.id)).all()) for cls in SYNCED.values())
        staged = len(s.scalars(select(Network.id).where(Network.stage.not_in(["candidate", "closed"]))).all())
    assert staged > 0
    assert report.pushed == report.applied == local
    db = Database(sync_server.db_url)
    try:
        with db.session() as s:
            user_id = s.scalars(select(User.id).where(User.username == username)).one()
            stored = s.scalars(select(Record.entity).where(Record.owner_id == user_id)).all()
        assert len(stored) == local > 200
        assert {"screening", "application", "expense", "network"} <= set(stored)
        # What the server holds passes its rules again, record by record and network by network.
        assert recheck(db, {user_id}) == []
    finally:
        db.dispose()
