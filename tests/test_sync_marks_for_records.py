"""A list's sync marks read for its own records only (a network's meetings): the same marks as
reading every record's, without reading a whole never-synced profile's outbox on the GUI thread."""

from __future__ import annotations

from mægler_app.store.services.overview import MARK_PENDING, sync_marks

from .meetings_support import make_network


def test_marks_for_the_records_asked_only(store) -> None:  # type: ignore[no-untyped-def]
    first = make_network(store, name="Første", seed=1)
    second = make_network(store, name="Andet", seed=2)
    everything = sync_marks(store, "company")
    assert set(first.company_ids) | set(second.company_ids) <= set(everything)  # nothing synced yet

    mine = sync_marks(store, "company", first.company_ids)
    assert mine == {cid: everything[cid] for cid in first.company_ids}
    assert set(mine.values()) == {MARK_PENDING}
    assert sync_marks(store, "company", []) == {}
    assert sync_marks(store, "company", ["no-such-record"]) == {}
