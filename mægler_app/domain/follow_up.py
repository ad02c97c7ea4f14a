"""Væksthus' follow-up on a network (issue 18 part 5; seed: Væksthus follows up with guidance and
sparring): the rules a follow-up must keep, the same on the caseworker's laptop and the server.

A follow-up is a caseworker's record about a broker's network (``sync_contract.CASEWORKER_ENTITIES``):
the broker who owns the network sees it on the network's timeline and cannot change it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .messages import Message, Msg
from .vocab import FOLLOW_UP_KINDS, FollowUpKind


def follow_up_problems(
    *, held_on: dt.date, kind: str, offered: str, next_on: dt.date | None
) -> list[Message]:
    """Why a follow-up cannot be saved (empty: it can): an unknown kind, nothing said about what
    was offered, a next follow-up not after this one."""
    problems: list[Message] = []
    if kind not in FOLLOW_UP_KINDS:
        problems.append(Msg.FOLLOW_UP_KIND_UNKNOWN(kind=kind))
    if not offered.strip():
        problems.append(Msg.FOLLOW_UP_OFFERED_MISSING())
    if next_on is not None and next_on <= held_on:
        problems.append(Msg.FOLLOW_UP_NEXT_NOT_AFTER(next=next_on.isoformat(), held=held_on.isoformat()))
    return problems


def payload_problems(record: dict[str, Any]) -> list[Message]:
    """``follow_up_problems`` of a follow-up as a sync payload holds it (dates as ISO text, which
    the schema has checked; a text left out is taken as empty, a kind left out as guidance)."""
    held = _date(record.get("held_on"))
    if held is None:
        return []  # the schema requires it on creation; nothing to compare against
    kind = record.get("kind")
    offered = record.get("offered")
    return follow_up_problems(
        held_on=held,
        kind=kind if isinstance(kind, str) else FollowUpKind.GUIDANCE,  # left out: the default
        offered=offered if isinstance(offered, str) else "",
        next_on=_date(record.get("next_on")),
    )


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
