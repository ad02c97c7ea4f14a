"""The meeting log's use cases: validation in Danish, participants from member companies, tombstones."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mægler_app.store.models import Expense, Meeting, OutboxEntry
from mægler_app.store.services import expenses, meetings

from .meetings_support import make_network

WHEN = dt.datetime(2026, 4, 14, 8, 30, tzinfo=dt.UTC)


def test_meeting_with_participants_and_next_steps_is_stored_and_queued(store) -> None:
    net = make_network(store)
    mid = meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            WHEN,
            kind="company_visit",
            place="Brande",
            participant_contact_ids=net.contact_ids[:2],
            other_participants="Lars fra AU Herning",
            agenda="Rundvisning",
            next_steps=[
                meetings.NextStep("Sende referat", "Mægleren", dt.date(2026, 4, 17)),
                meetings.NextStep("  "),  # an empty row in the editor is dropped
            ],
            dimensions=["vision", "parties"],
        ),
    )
    with store.session() as s:
        m = s.get(Meeting, mid)
        assert m.participant_contact_ids == net.contact_ids[:2]
        assert m.next_steps == [
            {"text": "Sende referat", "owner": "Mægleren", "due": "2026-04-17", "done": False}
        ]
        assert m.dimensions == ["parties", "vision"]  # the model's order
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == mid)).one().entity == "meeting"
    detail = meetings.get_meeting(store, mid)
    assert [p.name for p in detail.participants] == ["Jens Kragh", "Mette Lund"]
    rows = meetings.list_meetings(store, net.network_id)
    assert [(r.participants, r.open_steps) for r in rows] == [(3, 1)]
    meetings.set_step_done(store, mid, 0, True)
    assert meetings.list_meetings(store, net.network_id)[0].open_steps == 0


def test_problems_are_named_in_danish(store) -> None:
    net = make_network(store)
    bad = meetings.MeetingInput(
        net.network_id,
        WHEN,
        kind="party",
        dimensions=["tillid"],
        next_steps=[meetings.NextStep("Ring til DTU"), meetings.NextStep("Budget", "Jens")],
    )
    with pytest.raises(meetings.MeetingError) as err:
        meetings.save_meeting(store, bad)
    text = str(err.value)
    assert "»party« er ikke en mødetype" in text
    assert "Ukendt dimension" in text
    assert "»Ring til DTU« mangler en ansvarlig" in text
    assert "»Budget« mangler en frist" in text
    other = make_network(store, name="Andet", seed=5)
    with pytest.raises(meetings.MeetingError, match="ikke kontaktperson"):
        meetings.save_meeting(
            store, meetings.MeetingInput(net.network_id, WHEN, participant_contact_ids=other.contact_ids[:1])
        )


def test_deleting_a_meeting_keeps_its_expenses(store) -> None:
    net = make_network(store)
    mid = meetings.save_meeting(store, meetings.MeetingInput(net.network_id, WHEN))
    eid = expenses.save_expense(
        store,
        expenses.ExpenseInput(net.network_id, WHEN.date(), 12_345, "catering", "Frokost", meeting_id=mid),
    ).id
    assert expenses.get_expense(store, eid).meeting.startswith("14. april 2026")
    meetings.delete_meeting(store, mid)
    assert meetings.list_meetings(store, net.network_id) == []
    with store.session() as s:
        e = s.get(Expense, eid)
        assert (e.meeting_id, e.amount_ore, e.deleted) == (None, 12_345, False)
