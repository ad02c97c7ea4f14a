"""The meeting log of a network's facilitation (seed 3. Indhold, pkt. 4; issue 5).

Widgets pass plain values in and get plain dataclasses back; no ORM object leaves this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import meetings as meeting_rules
from ...domain.changes import changing
from ...domain.errors import DomainError

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.meetings import MeetingDetail as MeetingDetail
from ...domain.meetings import MeetingInput as MeetingInput
from ...domain.meetings import NextStep as NextStep
from ...domain.meetings import Participant as Participant
from ...domain.meetings import meeting_problems
from ...domain.messages import Message, Msg
from ...domain.report_data import MeetingReport
from ...domain.rules import GUSTAVSSON_DIMENSIONS, MEETING_KINDS
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.vocab import ExpenseStatus
from ..db import Store
from ..models import Company, Contact, Expense, Meeting, Membership, Network
from .queries import live_with_network_name


class MeetingError(DomainError):
    pass


@dataclass(frozen=True)
class MeetingRow:
    id: str
    network_id: str
    network: str
    starts_at: dt.datetime
    kind: str
    place: str
    agenda: str
    participants: int
    open_steps: int
    planned: bool
    estimated_cost_ore: int
    spent_ore: int  # final expenses linked to this meeting

    @property
    def kind_label(self) -> str:
        return MEETING_KINDS.get(self.kind, self.kind)


def validate(inp: MeetingInput) -> list[Message]:
    """Why this meeting cannot be saved (empty: it can): ``domain.meetings.meeting_problems``."""
    return meeting_problems(
        starts_at=inp.starts_at,
        kind=inp.kind,
        dimensions=inp.dimensions,
        estimated_cost_ore=inp.estimated_cost_ore,
        next_steps=inp.next_steps,
    )


def _clean_steps(steps: list[NextStep]) -> list[dict[str, object]]:
    return [
        NextStep(s.text.strip(), s.owner.strip(), s.due, s.done).to_json() for s in steps if s.text.strip()
    ]


@changing("meeting")
def save_meeting(store: Store, inp: MeetingInput, meeting_id: str | None = None) -> str:
    """Create or update a meeting; returns its id. Raises MeetingError with every problem found."""
    problems = validate(inp)
    if problems:
        raise MeetingError(*problems)
    with store.session() as s:
        network = s.get(Network, inp.network_id)
        if network is None or network.deleted:
            raise MeetingError(Msg.NETWORK_NOT_FOUND())
        allowed = {c.contact_id for c in _network_contacts(s, inp.network_id)}
        # A contact who has since left the network stays on the meetings they attended.
        previous: set[str] = set()
        if meeting_id is not None:
            existing = s.get(Meeting, meeting_id)
            if existing is None or existing.deleted:
                raise MeetingError(Msg.MEETING_GONE())
            previous = set(existing.participant_contact_ids or [])
        strangers = [c for c in inp.participant_contact_ids if c not in allowed and c not in previous]
        if strangers:
            raise MeetingError(Msg.MEETING_PARTICIPANT_NOT_CONTACT())
        values = dict(
            starts_at=ensure_utc(inp.starts_at),
            kind=inp.kind,
            place=inp.place.strip(),
            # New lists, never mutated in place: the outbox sees only assignments.
            participant_contact_ids=list(dict.fromkeys(inp.participant_contact_ids)),
            other_participants=inp.other_participants.strip(),
            agenda=inp.agenda.strip(),
            minutes=inp.minutes.strip(),
            decisions=inp.decisions.strip(),
            next_steps=_clean_steps(inp.next_steps),
            dimensions=[d for d in GUSTAVSSON_DIMENSIONS if d in inp.dimensions],
            planned=bool(inp.planned),
            estimated_cost_ore=int(inp.estimated_cost_ore),
        )
        if meeting_id is None:
            meeting = Meeting(network_id=inp.network_id, **values)
            s.add(meeting)
            return meeting.id
        found = s.get(Meeting, meeting_id)
        assert found is not None
        for key, value in values.items():
            if getattr(found, key) != value:
                setattr(found, key, value)
        return found.id


@changing("meeting", "expense")
def delete_meeting(store: Store, meeting_id: str) -> None:
    """A tombstone; expenses linked to it keep their amount and lose the link."""
    with store.session() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None or meeting.deleted:
            return
        meeting.deleted = True
        for expense in s.scalars(
            select(Expense).where(Expense.meeting_id == meeting_id, Expense.deleted.is_(False))
        ):
            expense.meeting_id = None


@changing("meeting")
def set_step_done(store: Store, meeting_id: str, index: int, done: bool) -> None:
    with store.session() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None or not (0 <= index < len(meeting.next_steps or [])):
            raise MeetingError(Msg.MEETING_STEP_GONE())
        steps = [dict(x) for x in meeting.next_steps]
        steps[index]["done"] = bool(done)
        meeting.next_steps = steps


def _network_contacts(s: Session, network_id: str) -> list[Participant]:
    rows = s.execute(
        select(Contact.id, Contact.name, Contact.role, Company.name, Contact.anonymized)
        .join(Company, Company.id == Contact.company_id)
        .join(Membership, Membership.company_id == Company.id)
        .where(
            Membership.network_id == network_id,
            Membership.deleted.is_(False),
            Contact.deleted.is_(False),
            Company.deleted.is_(False),
        )
        .order_by(Company.name, Contact.name)
    ).all()
    return [Participant(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def network_contacts(store: Store, network_id: str) -> list[Participant]:
    """Contact persons of the network's member companies: who can be ticked as a participant."""
    with store.session() as s:
        return _network_contacts(s, network_id)


def _participants(s: Session, ids: list[str]) -> list[Participant]:
    if not ids:
        return []
    rows = {
        r[0]: Participant(r[0], r[1], r[2], r[3], bool(r[4]))
        for r in s.execute(
            select(Contact.id, Contact.name, Contact.role, Company.name, Contact.anonymized)
            .join(Company, Company.id == Contact.company_id)
            .where(Contact.id.in_(ids))
        ).all()
    }
    return [rows[i] for i in ids if i in rows]


def get_meeting(store: Store, meeting_id: str) -> MeetingDetail:
    with store.session() as s:
        m = s.get(Meeting, meeting_id)
        if m is None or m.deleted:
            raise MeetingError(Msg.MEETING_GONE())
        network = s.get(Network, m.network_id)
        data = MeetingInput(
            network_id=m.network_id,
            starts_at=m.starts_at,
            kind=m.kind,
            place=m.place,
            participant_contact_ids=list(m.participant_contact_ids or []),
            other_participants=m.other_participants,
            agenda=m.agenda,
            minutes=m.minutes,
            decisions=m.decisions,
            next_steps=[NextStep.from_json(x) for x in (m.next_steps or [])],
            dimensions=list(m.dimensions or []),
            planned=m.planned,
            estimated_cost_ore=m.estimated_cost_ore,
        )
        return MeetingDetail(
            id=m.id,
            network_id=m.network_id,
            network=network.name if network else "",
            data=data,
            participants=_participants(s, data.participant_contact_ids),
            keep_until=m.keep_until,
            updated_at=m.updated_at,
        )


def list_meetings(store: Store, network_id: str | None = None) -> list[MeetingRow]:
    """Meetings, newest first; one network's or all of them."""
    with store.session() as s:
        q = live_with_network_name(Meeting, network_id)
        spent_q = select(Expense.meeting_id, Expense.amount_ore).where(
            Expense.deleted.is_(False), Expense.status == ExpenseStatus.FINAL, Expense.meeting_id.is_not(None)
        )
        if network_id is not None:
            spent_q = spent_q.where(Expense.network_id == network_id)
        spent: dict[str, int] = {}
        for mid, amount in s.execute(spent_q).all():
            if mid is not None:
                spent[mid] = spent.get(mid, 0) + int(amount)
        rows = []
        for m, name in s.execute(q.order_by(Meeting.starts_at.desc())).all():
            steps = m.next_steps or []
            rows.append(
                MeetingRow(
                    id=m.id,
                    network_id=m.network_id,
                    network=name,
                    starts_at=m.starts_at,
                    kind=m.kind,
                    place=m.place,
                    agenda=m.agenda,
                    participants=len(m.participant_contact_ids or [])
                    + len([p for p in (m.other_participants or "").split(",") if p.strip()]),
                    open_steps=sum(1 for x in steps if not x.get("done")),
                    planned=m.planned,
                    estimated_cost_ore=m.estimated_cost_ore,
                    spent_ore=spent.get(m.id, 0),
                )
            )
    return rows


def default_start(now: dt.datetime | None = None) -> dt.datetime:
    """A new meeting's time: now, rounded down to the quarter hour (``domain.meetings``)."""
    return meeting_rules.default_start(now or utcnow())


def meeting_report_data(store: Store, meeting_id: str, broker: str | None = None) -> MeetingReport:
    """What the minutes' PDF prints (``reports.meeting_pdf``); ``broker`` defaults to the profile's."""
    from .overview import broker_name

    return MeetingReport(get_meeting(store, meeting_id), broker_name(store) if broker is None else broker)
