"""The network's facts as the stage machine sees them, and stage moves written to the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import facts
from ...domain.messages import Msg
from ...domain.stages import NetworkFacts, Stage, StageError, furthest_reachable, missing_for, with_move
from ...domain.timeutil import utcnow
from ..models import Application, Company, Membership, Network, Screening, SyncMixin
from ..serialize import data_fields, record_data, to_json_value


def payload(obj: SyncMixin) -> dict[str, Any]:
    """A record as the sync payload the domain's fact functions take (``deleted`` included)."""
    data = record_data(obj, data_fields(type(obj)))
    return {**data, "id": obj.id, "deleted": obj.deleted, "updated_at": to_json_value(obj.updated_at)}


def members_and_companies(
    session: Session, network_id: str
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    members = session.scalars(
        select(Membership).where(Membership.network_id == network_id, Membership.deleted.is_(False))
    ).all()
    ids = {m.company_id for m in members}
    companies = session.scalars(select(Company).where(Company.id.in_(ids))).all() if ids else []
    return [payload(m) for m in members], {c.id: payload(c) for c in companies}


def member_counts(session: Session, network_id: str) -> tuple[int, int]:
    """(independent companies, knowledge institutions) among the network's live members."""
    return facts.member_counts(*members_and_companies(session, network_id))


def network_facts(session: Session, network_id: str) -> NetworkFacts:
    """The stage machine's facts, computed by the same function the server uses (domain.facts)."""
    network = session.get(Network, network_id)
    if network is None:
        raise StageError(Msg.NETWORK_NOT_FOUND())
    members, companies = members_and_companies(session, network_id)
    screenings = session.scalars(
        select(Screening).where(Screening.network_id == network_id, Screening.deleted.is_(False))
    ).all()
    apps = session.scalars(
        select(Application).where(Application.network_id == network_id, Application.deleted.is_(False))
    ).all()
    return facts.network_facts(
        payload(network),
        members,
        companies,
        [payload(s) for s in screenings],
        [payload(a) for a in apps],
    )


def record_move(network: Network, target: Stage, at: dt.datetime) -> None:
    """Put the network in ``target`` as of ``at``, and add the move to its history."""
    network.stage = target.value
    network.stage_changed_at = at
    network.stage_history = with_move(network.stage_history, target, at)


def advance(session: Session, network: Network) -> Stage:
    """Move the network as far along the normal path as its facts allow (after a screening or a decision)."""
    if network.stage == Stage.CLOSED:
        return Stage.CLOSED
    facts = network_facts(session, network.id)
    target = furthest_reachable(Stage(network.stage), facts)
    if target != network.stage:
        record_move(network, target, utcnow())
        if (
            target in (Stage.SCREENED, Stage.STAGE_1)
            and network.facilitation_opened_on is None
            and facts.screening_passed
        ):
            network.facilitation_opened_on = utcnow().date()
    return target


def move(
    session: Session, network: Network, target: Stage, *, close_reason: str = "", close_text: str = ""
) -> None:
    """An explicit move chosen by the broker; raises StageError naming what is missing."""
    facts = network_facts(session, network.id)
    missing = missing_for(Stage(network.stage), target, facts, close_reason=close_reason)
    if missing:
        raise StageError(*missing)
    record_move(network, target, utcnow())
    if target == Stage.CLOSED:
        network.closed_reason = close_reason
        network.closed_reason_text = close_text
        network.closed_on = utcnow().date()
    if target == Stage.STAGE_3:
        network.stage_3_on = utcnow().date()
