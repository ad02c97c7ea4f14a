"""After approval: the action plan's required elements as a checklist, its dates, and trin 3.

The consultant writes the action plan; the broker follows it here. The plan record is made the
first time the broker saves it (a local change that syncs), not when the decision arrives, so the
decision itself stays the server's.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.application import ActionPlanInfo as ActionPlanInfo
from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.rules import ACTION_PLAN_ELEMENTS
from ...domain.stages import Stage, StageError
from ...domain.timeutil import utcnow
from ...domain.validation import action_plan_warnings
from ...domain.vocab import ApplicationStatus
from ..db import Store
from ..models import ActionPlan, Application, Network
from . import stage as stage_service


def _approved(session: Session, network_id: str) -> Application | None:
    return session.scalars(
        select(Application)
        .where(
            Application.network_id == network_id,
            Application.deleted.is_(False),
            Application.status == ApplicationStatus.APPROVED,
        )
        .order_by(Application.revision.desc())
        .limit(1)
    ).first()


def _plan(session: Session, network_id: str) -> ActionPlan | None:
    return session.scalars(
        select(ActionPlan)
        .where(ActionPlan.network_id == network_id, ActionPlan.deleted.is_(False))
        .order_by(ActionPlan.updated_at.desc())
        .limit(1)
    ).first()


def get_action_plan(store: Store, network_id: str) -> ActionPlanInfo | None:
    """The network's action plan; None while it has no approved application."""
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None or network.deleted:
            raise DomainError(Msg.NETWORK_NOT_FOUND())
        app = _approved(s, network_id)
        if app is None:
            return None
        plan = _plan(s, network_id)
        stored = dict(plan.elements or {}) if plan else {}
        elements = {k: bool(stored.get(k, False)) for k in ACTION_PLAN_ELEMENTS}
        start = plan.start_date if plan else None
        end = plan.end_date if plan else None
        return ActionPlanInfo(
            network_id=network_id,
            plan_id=plan.id if plan else None,
            application_id=app.id,
            period_months=app.period_months,
            elements=elements,
            start_date=start,
            end_date=end,
            notes=plan.notes if plan else "",
            stage=Stage(network.stage),
            stage_3_on=network.stage_3_on,
            stage_3_evidence=network.stage_3_evidence or "",
            warnings=[
                str(m) for m in action_plan_warnings(elements, start, end, app.period_months, utcnow().date())
            ],
        )


@changing("action_plan")
def save_action_plan(
    store: Store,
    network_id: str,
    elements: dict[str, bool],
    start_date: dt.date | None,
    end_date: dt.date | None,
    notes: str = "",
) -> ActionPlanInfo:
    unknown = set(elements) - set(ACTION_PLAN_ELEMENTS)
    if unknown:
        raise DomainError(Msg.ACTION_PLAN_UNKNOWN_ELEMENTS(elements=", ".join(sorted(unknown))))
    if start_date and end_date and end_date < start_date:
        raise DomainError(Msg.ACTION_PLAN_END_BEFORE_START())
    with store.session() as s:
        app = _approved(s, network_id)
        if app is None:
            raise DomainError(Msg.ACTION_PLAN_NOT_APPROVED())
        plan = _plan(s, network_id)
        if plan is None:
            plan = ActionPlan(network_id=network_id, application_id=app.id)
            s.add(plan)
        plan.elements = {k: bool(elements.get(k, False)) for k in ACTION_PLAN_ELEMENTS}
        plan.start_date = start_date
        plan.end_date = end_date
        plan.notes = notes
    info = get_action_plan(store, network_id)
    assert info is not None
    return info


@changing("network")
def mark_stage_3(store: Store, network_id: str, evidence: str, on: dt.date | None = None) -> ActionPlanInfo:
    """The network has become a business network: record what shows it and the date."""
    day = on or utcnow().date()
    if day > utcnow().date():
        raise DomainError(Msg.STAGE_3_DATE_IN_FUTURE())
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None or network.deleted:
            raise DomainError(Msg.NETWORK_NOT_FOUND())
        if network.stage != Stage.STAGE_2:
            raise DomainError(Msg.STAGE_3_ONLY_FROM_STAGE_2(target=Stage.STAGE_2, stage=network.stage))
        network.stage_3_evidence = evidence.strip()
        s.flush()
        try:
            stage_service.move(s, network, Stage.STAGE_3)
        except StageError as exc:
            raise DomainError(*exc.messages) from exc
        network.stage_3_on = day
    info = get_action_plan(store, network_id)
    assert info is not None
    return info
