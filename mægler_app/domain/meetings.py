"""The rules of a meeting in a network's facilitation (seed 3. Indhold, pkt. 4; issue 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .messages import Message, Msg
from .rules import GUSTAVSSON_DIMENSIONS, MEETING_KINDS


class Step(Protocol):
    """A next step agreed at a meeting, as far as its rules read it."""

    @property
    def text(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...


def meeting_problems(
    *,
    starts_at: dt.datetime,
    kind: str,
    dimensions: Iterable[str],
    estimated_cost_ore: int,
    next_steps: Sequence[Step],
) -> list[Message]:
    """Why a meeting cannot be saved (empty: it can): its time without a zone, an unknown kind or
    Gustavsson dimension, a negative estimate, a next step without text, owner or due date."""
    problems: list[Message] = []
    if starts_at.tzinfo is None:
        problems.append(Msg.MEETING_NO_TIMEZONE())
    if kind not in MEETING_KINDS:
        problems.append(Msg.MEETING_KIND_UNKNOWN(kind=kind))
    unknown = [d for d in dimensions if d not in GUSTAVSSON_DIMENSIONS]
    if unknown:
        problems.append(Msg.MEETING_DIMENSIONS_UNKNOWN(dimensions=", ".join(unknown)))
    if estimated_cost_ore < 0:
        problems.append(Msg.MEETING_COST_NEGATIVE())
    problems += next_step_problems(next_steps)
    return problems


def next_step_problems(next_steps: Sequence[Step]) -> list[Message]:
    """A next step without text, owner or due date (the app's editor and the server's push)."""
    problems: list[Message] = []
    for n, step in enumerate(next_steps, start=1):
        text = step.text.strip()
        if not text and (step.owner.strip() or step.due):
            problems.append(Msg.MEETING_STEP_TEXT_MISSING(n=n))
        elif text and not step.owner.strip():
            problems.append(Msg.MEETING_STEP_OWNER_MISSING(text=text))
        elif text and step.due is None:
            problems.append(Msg.MEETING_STEP_DUE_MISSING(text=text))
    return problems


@dataclass(frozen=True)
class PayloadStep:
    """A next step as a pushed meeting carries it (``{"text", "owner", "due"}``, checked by the schema)."""

    text: str
    owner: str
    due: dt.date | None

    @classmethod
    def from_payload(cls, item: Mapping[str, Any]) -> PayloadStep:
        due = item.get("due")
        return cls(
            str(item.get("text") or ""),
            str(item.get("owner") or ""),
            dt.date.fromisoformat(due) if isinstance(due, str) and due else None,
        )


# --- broker: when a new meeting is, and when a meeting counts as planned (issue 20, item 6)
# A new meeting starts at the last quarter hour: most are logged while or after they are held.
START_STEP_MINUTES = 15


def default_start(now: dt.datetime) -> dt.datetime:
    """``now`` rounded down to the quarter hour (14:37 → 14:30)."""
    return now.replace(minute=now.minute - now.minute % START_STEP_MINUTES, second=0, microsecond=0)


def suggest_planned(starts_at: dt.datetime, now: dt.datetime) -> bool:
    """A new meeting set to start later than now is planned; one logged afterwards is held."""
    return starts_at > now


def shown_as_planned(planned: bool, starts_at: dt.datetime, now: dt.datetime) -> bool:
    """How a meeting shows: planned when the broker marked it so, or while its time is ahead."""
    return planned or starts_at > now


# --- plain values of a meeting, as the editor shows it and the minutes print it (issue 24)
@dataclass
class NextStep:
    text: str
    owner: str = ""
    due: dt.date | None = None
    done: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "done": bool(self.done),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NextStep:
        due = data.get("due")
        return cls(
            text=str(data.get("text") or ""),
            owner=str(data.get("owner") or ""),
            due=dt.date.fromisoformat(due) if isinstance(due, str) and due else None,
            done=bool(data.get("done")),
        )


@dataclass
class MeetingInput:
    network_id: str
    starts_at: dt.datetime
    kind: str = "other"
    place: str = ""
    participant_contact_ids: list[str] = field(default_factory=list)
    other_participants: str = ""
    agenda: str = ""
    minutes: str = ""
    decisions: str = ""
    next_steps: list[NextStep] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    planned: bool = False
    estimated_cost_ore: int = 0


@dataclass(frozen=True)
class Participant:
    contact_id: str
    name: str
    role: str
    company: str
    anonymized: bool = False


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    network_id: str
    network: str
    data: MeetingInput
    participants: list[Participant]  # resolved, in the order the ids were stored
    keep_until: dt.date | None
    updated_at: dt.datetime
