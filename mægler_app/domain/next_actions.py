"""What a broker does next (issue 20, item 4): the overview's lists, as pure rules.

The store reads the facts (open next steps, planned meetings, each network's last activity, the
applications sent); these functions decide what is shown, in which order, and what counts as
overdue, ahead or quiet. No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .rules import INACTIVE_AFTER_DAYS
from .stages import Stage
from .vocab import ApplicationStatus

# A network with nothing happening for this many days is listed as quiet (the network list's own
# inactivity mark, one number for both).
QUIET_AFTER_DAYS = INACTIVE_AFTER_DAYS
# Planned meetings from now and this many days ahead are "this week's".
MEETINGS_AHEAD_DAYS = 7
# Each list shows at most this many lines; the rest is counted ("… og 3 mere").
MAX_LINES = 8


class ActionKind(StrEnum):
    STEP = "step"  # an open next step from a meeting
    MEETING = "meeting"  # a planned meeting ahead
    QUIET = "quiet"  # a network without activity
    DECISION = "decision"  # an application waiting for Væksthus' decision


@dataclass(frozen=True)
class StepFact:
    network_id: str
    network: str
    meeting_id: str
    text: str
    owner: str
    due: dt.date | None
    done: bool


@dataclass(frozen=True)
class MeetingFact:
    network_id: str
    network: str
    meeting_id: str
    starts_at: dt.datetime
    kind: str
    planned: bool


@dataclass(frozen=True)
class NetworkFact:
    network_id: str
    network: str
    stage: str
    last_activity: dt.datetime


@dataclass(frozen=True)
class ApplicationFact:
    network_id: str
    network: str
    application_id: str
    status: str
    decision: str
    submitted_at: dt.datetime | None


@dataclass(frozen=True)
class NextAction:
    """One line of the overview: what, in which network, and the record it opens."""

    kind: ActionKind
    network_id: str
    network: str
    record_id: str  # the meeting (step, meeting), the network (quiet) or the application
    text: str  # the step's text, the meeting's kind; "" for the others
    when: dt.date | dt.datetime | None  # due date, start, last activity, submitted
    overdue: bool = False


@dataclass(frozen=True)
class NextActions:
    steps: list[NextAction]
    meetings: list[NextAction]
    quiet: list[NextAction]
    decisions: list[NextAction]

    @property
    def empty(self) -> bool:
        return not (self.steps or self.meetings or self.quiet or self.decisions)


def step_overdue(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and due < today


def open_steps(steps: Iterable[StepFact], today: dt.date) -> list[NextAction]:
    """The steps not done, overdue first, then by due date (a step without a date last)."""
    out = [
        NextAction(
            ActionKind.STEP,
            s.network_id,
            s.network,
            s.meeting_id,
            s.text,
            s.due,
            step_overdue(s.due, today),
        )
        for s in steps
        if not s.done and s.text.strip()
    ]
    never = dt.date.max
    out.sort(key=lambda a: (not a.overdue, a.when or never, a.network.lower(), a.text.lower()))
    return out


def meeting_ahead(starts_at: dt.datetime, now: dt.datetime) -> bool:
    """A meeting from now and MEETINGS_AHEAD_DAYS days on."""
    return now <= starts_at < now + dt.timedelta(days=MEETINGS_AHEAD_DAYS)


def meetings_ahead(meetings: Iterable[MeetingFact], now: dt.datetime) -> list[NextAction]:
    """Planned meetings this week, soonest first."""
    out = [
        NextAction(ActionKind.MEETING, m.network_id, m.network, m.meeting_id, m.kind, m.starts_at)
        for m in meetings
        if m.planned and meeting_ahead(m.starts_at, now)
    ]
    out.sort(key=lambda a: (a.when, a.network.lower()))
    return out


def is_quiet(stage: str, last_activity: dt.datetime, now: dt.datetime) -> bool:
    """An open network (not closed, not yet a business network) without activity for
    QUIET_AFTER_DAYS days."""
    if stage in (Stage.CLOSED, Stage.STAGE_3):
        return False
    return (now - last_activity) >= dt.timedelta(days=QUIET_AFTER_DAYS)


def quiet_networks(networks: Iterable[NetworkFact], now: dt.datetime) -> list[NextAction]:
    """Quiet networks, the longest quiet first."""
    out = [
        NextAction(ActionKind.QUIET, n.network_id, n.network, n.network_id, "", n.last_activity)
        for n in networks
        if is_quiet(n.stage, n.last_activity, now)
    ]
    out.sort(key=lambda a: (a.when, a.network.lower()))
    return out


def awaiting_decision(status: str, decision: str) -> bool:
    """Sent to Væksthus and not decided yet."""
    return status == ApplicationStatus.SUBMITTED and not decision


def waiting_applications(applications: Iterable[ApplicationFact]) -> list[NextAction]:
    """Applications waiting for a decision, the longest waiting first."""
    out = [
        NextAction(ActionKind.DECISION, a.network_id, a.network, a.application_id, "", a.submitted_at)
        for a in applications
        if awaiting_decision(a.status, a.decision)
    ]
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    out.sort(key=lambda a: (a.when or oldest, a.network.lower()))
    return out


def next_actions(
    *,
    steps: Iterable[StepFact],
    meetings: Iterable[MeetingFact],
    networks: Iterable[NetworkFact],
    applications: Iterable[ApplicationFact],
    now: dt.datetime,
    today: dt.date,
) -> NextActions:
    """The overview's four lists. ``today`` is the broker's own date (Danish time)."""
    return NextActions(
        open_steps(steps, today),
        meetings_ahead(meetings, now),
        quiet_networks(networks, now),
        waiting_applications(applications),
    )
