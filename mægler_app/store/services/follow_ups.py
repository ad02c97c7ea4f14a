"""Væksthus' follow-ups on a network (issue 18 part 5): a caseworker records one, the network's
broker reads it on the network's timeline after a sync.

A follow-up is the caseworker's record (``domain.follow_up``): saving one here writes its outbox
entry like any record, and the caseworker's next sync pushes it. Only a caseworker's profile makes
them (``save_follow_up`` refuses a broker's); a broker's copy comes from the pull only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.follow_up import follow_up_problems
from ...domain.messages import Msg
from ...domain.vocab import FOLLOW_UP_KINDS, FollowUpKind, Role
from ..db import Store
from ..models import FollowUp, Network
from .overview import broker_name, profile_role


@dataclass(frozen=True)
class FollowUpInput:
    network_id: str
    held_on: dt.date
    offered: str
    kind: str = FollowUpKind.GUIDANCE.value
    next_on: dt.date | None = None


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    network_id: str
    held_on: dt.date
    kind: str
    kind_label: str
    offered: str
    next_on: dt.date | None
    # Who recorded it: the server's name for the caseworker ("" until the server has answered)
    caseworker_name: str
    synced: bool  # the server has it (version > 0)


@changing("follow_up")
def save_follow_up(store: Store, inp: FollowUpInput) -> str:
    """Record a new follow-up on the network; its id. ``DomainError`` for a broken rule, a network
    that is not here, or a profile that is not a caseworker's (the server would refuse it)."""
    if profile_role(store) != Role.CASEWORKER:
        raise DomainError(Msg.FOLLOW_UP_CASEWORKERS_ONLY())
    problems = follow_up_problems(
        held_on=inp.held_on, kind=inp.kind, offered=inp.offered, next_on=inp.next_on
    )
    if problems:
        raise DomainError(*problems)
    with store.session() as s:
        network = s.get(Network, inp.network_id)
        if network is None or network.deleted:
            raise DomainError(Msg.FOLLOW_UP_NETWORK_UNKNOWN())
        record = FollowUp(
            network_id=inp.network_id,
            held_on=inp.held_on,
            kind=inp.kind,
            offered=inp.offered.strip(),
            next_on=inp.next_on,
        )
        s.add(record)
        s.commit()
        return record.id


def list_follow_ups(store: Store, network_id: str) -> list[FollowUpRow]:
    """The network's live follow-ups, newest first. One not yet on the server shows this profile's
    own name (it is this caseworker's)."""
    own = broker_name(store)
    with store.session() as s:
        rows = s.scalars(
            select(FollowUp)
            .where(FollowUp.network_id == network_id, FollowUp.deleted.is_(False))
            .order_by(FollowUp.held_on.desc())
        ).all()
        return [
            FollowUpRow(
                id=r.id,
                network_id=r.network_id,
                held_on=r.held_on,
                kind=r.kind,
                kind_label=FOLLOW_UP_KINDS.get(r.kind, r.kind),
                offered=r.offered,
                next_on=r.next_on,
                caseworker_name=r.caseworker_name or ("" if r.version else own),
                synced=bool(r.version),
            )
            for r in rows
        ]


def network_name(store: Store, network_id: str) -> str:
    with store.session() as s:
        network = s.get(Network, network_id)
        return network.name if network is not None else ""
