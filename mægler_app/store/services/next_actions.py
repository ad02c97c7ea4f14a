"""The overview's next actions (issue 20, item 4): the facts read from the store, the rules in
``domain.next_actions``. Read in a worker: a broker with years of meetings should not wait."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from ...domain.next_actions import (
    ApplicationFact,
    MeetingFact,
    NetworkFact,
    NextActions,
    StepFact,
    next_actions,
)
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.vocab import ApplicationStatus
from ..db import Store
from ..models import Application, Company, Meeting, Network
from .networks import last_activity


@dataclass(frozen=True)
class Overview:
    actions: NextActions
    # an empty profile: no company and no network yet (the overview explains the first steps)
    first_start: bool


def load_next_actions(store: Store, now: dt.datetime | None = None) -> Overview:
    now = now or utcnow()
    today = now.astimezone().date()
    with store.session() as s:
        names = dict(s.execute(select(Network.id, Network.name).where(Network.deleted.is_(False))).all())
        companies = int(
            s.scalar(select(func.count()).select_from(Company).where(Company.deleted.is_(False))) or 0
        )
        steps: list[StepFact] = []
        meetings: list[MeetingFact] = []
        # Every meeting is read (its open steps), one row at a time and kept only as the facts the
        # rules use: all 38.000 meetings of a profile at 10× held at once (their rows, their steps'
        # JSON, a fact each) were what the garbage collector walked in this worker, holding the
        # interpreter, and so the window, for 15–20 ms at a time (benchmarks/gui_stall_bench.py (b)).
        rows = s.execute(
            select(
                Meeting.id,
                Meeting.network_id,
                Meeting.starts_at,
                Meeting.kind,
                Meeting.planned,
                Meeting.next_steps,
            ).where(Meeting.deleted.is_(False))
        )
        for mid, nid, starts_at, kind, planned, next_steps in rows:
            if nid not in names:
                continue
            if planned:  # only a planned meeting can be one ahead (domain.next_actions.meetings_ahead)
                meetings.append(MeetingFact(nid, names[nid], mid, ensure_utc(starts_at), kind, True))
            for item in next_steps or []:
                due = item.get("due")
                steps.append(
                    StepFact(
                        nid,
                        names[nid],
                        mid,
                        str(item.get("text") or ""),
                        str(item.get("owner") or ""),
                        dt.date.fromisoformat(due) if isinstance(due, str) and due else None,
                        bool(item.get("done")),
                    )
                )
        activity = last_activity(s, now)
        networks = [
            NetworkFact(nid, name, stage, activity.get(nid) or ensure_utc(updated))
            for nid, name, stage, updated in s.execute(
                select(Network.id, Network.name, Network.stage, Network.updated_at).where(
                    Network.deleted.is_(False)
                )
            ).all()
        ]
        applications = [
            ApplicationFact(
                nid, names[nid], aid, status, decision or "", ensure_utc(at) if at is not None else None
            )
            for aid, nid, status, decision, at in s.execute(
                select(
                    Application.id,
                    Application.network_id,
                    Application.status,
                    Application.decision,
                    Application.submitted_at,
                ).where(Application.deleted.is_(False), Application.status == ApplicationStatus.SUBMITTED)
            ).all()
            if nid in names
        ]
    actions = next_actions(
        steps=steps, meetings=meetings, networks=networks, applications=applications, now=now, today=today
    )
    return Overview(actions, first_start=not names and not companies)
