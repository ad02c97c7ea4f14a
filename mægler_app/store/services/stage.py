"""The network's facts as the stage machine sees them, and stage moves written to the store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.messages import Msg
from ...domain.stages import NetworkFacts, Stage, StageError, furthest_reachable, missing_for, with_move
from ...domain.timeutil import utcnow
from ...domain.vocab import ApplicationStatus, ScreeningStatus, Verdict
from ..models import Application, Company, Membership, Network, Screening


def member_counts(session: Session, network_id: str) -> tuple[int, int]:
    """(independent companies, knowledge institutions) among the network's live members."""
    rows = session.execute(
        select(Membership.role, Company.is_knowledge_institution)
        .join(Company, Company.id == Membership.company_id)
        .where(Membership.network_id == network_id, Membership.deleted.is_(False), Company.deleted.is_(False))
    ).all()
    knowledge = sum(1 for role, is_ki in rows if is_ki or role == "knowledge")
    return len(rows) - knowledge, knowledge


def network_facts(session: Session, network_id: str) -> NetworkFacts:
    network = session.get(Network, network_id)
    if network is None:
        raise StageError(Msg.NETWORK_NOT_FOUND())
    independent, knowledge = member_counts(session, network_id)
    screenings = session.scalars(
        select(Screening).where(
            Screening.network_id == network_id,
            Screening.deleted.is_(False),
            Screening.status == ScreeningStatus.FINAL,
        )
    ).all()
    latest = max(screenings, key=lambda s: s.finalized_at or s.updated_at, default=None)
    apps = session.scalars(
        select(Application).where(Application.network_id == network_id, Application.deleted.is_(False))
    ).all()
    latest_app = max(apps, key=lambda a: a.revision, default=None)
    return NetworkFacts(
        independent_companies=independent,
        knowledge_institutions=knowledge,
        screening_final=latest is not None,
        screening_passed=latest is not None and latest.verdict == Verdict.PASSED,
        application_submitted=latest_app is not None
        and latest_app.status
        in (ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED),
        application_approved=any(a.status == ApplicationStatus.APPROVED for a in apps),
        application_rejected=latest_app is not None and latest_app.status == ApplicationStatus.REJECTED,
        action_plan_started=False,
        stage_3_evidence=network.stage_3_evidence or "",
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
