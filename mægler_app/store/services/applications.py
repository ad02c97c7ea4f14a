"""The action-plan application: drafting, rules, submission, Væksthus' decision and new revisions.

Widgets call these functions with plain values and get plain dataclasses back. The rules (hours,
months, the companies' share and its allocation key) come from ``domain.rules``/``domain.validation``;
this module only gathers the facts and writes the result.

A submitted application is frozen: it keeps the allocation key of the companies it was submitted
with (``split_basis_points`` always names every company), so later changes to the network's members
do not change what Væksthus received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ...domain.application import (
    BLOCKS,
    budget_figures,
    draft_problems,
    equal_basis_points,
)

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.application import GROWTH_MEASURES as GROWTH_MEASURES
from ...domain.application import MONEY_MEASURES as MONEY_MEASURES
from ...domain.application import PERSPECTIVES as PERSPECTIVES
from ...domain.application import ApplicationDetail as ApplicationDetail
from ...domain.application import ApplicationDraft as ApplicationDraft
from ...domain.application import Budget as Budget
from ...domain.application import MeetingInfo as MeetingInfo
from ...domain.application import MemberInfo as MemberInfo
from ...domain.application import NetworkPrefill as NetworkPrefill
from ...domain.application import ShareRow as ShareRow
from ...domain.application import growth_value as growth_value
from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.record_rules import submission_stage_problems
from ...domain.report_data import ApplicationReport
from ...domain.rules import (
    BROKER_BONUS_ORE,
    NETWORK_TYPES,
)
from ...domain.stages import Stage, stage_label
from ...domain.timeutil import utcnow
from ...domain.vocab import (
    ApplicationStatus,
    Decision,
    OutboxStatus,
    ScreeningStatus,
    SplitMode,
    Verdict,
)
from ...domain.vocab import label as vocab_label
from ..db import Store
from ..models import Application, Company, Meeting, Membership, Network, OutboxEntry, Screening
from . import stage as stage_service

# -- plain values in and out ----------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    network_id: str
    network: str
    revision: int
    status: str
    status_label: str
    hours: int | None
    total_ore: int | None
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    bonus_ore: int
    is_latest: bool


# -- rules ----------------------------------------------------------------------------------------


def compute_budget(draft: ApplicationDraft, companies: list[MemberInfo]) -> Budget:
    """Total = hours × hourly rate; the companies pay COMPANY_SHARE_PERCENT % of it, split by the key."""
    ids = [m.company_id for m in companies]
    f = budget_figures(draft.__dict__, ids)
    shares = [
        ShareRow(m.company_id, m.name, m.cvr, f.basis_points[m.company_id], f.amounts_ore[i])
        for i, m in enumerate(companies)
    ]
    return Budget(
        draft.consultant_hours,
        draft.hourly_rate_ore,
        f.total_ore,
        f.company_share_ore,
        f.programme_share_ore,
        shares,
        f.split_total_bp,
    )


def check_draft(draft: ApplicationDraft, companies: list[MemberInfo]) -> dict[str, list[str]]:
    """Each block's problems in Danish (an empty list when the block is in order): domain.application."""
    problems = draft_problems(draft.__dict__, [m.company_id for m in companies])
    return {block: [str(m) for m in found] for block, found in problems.items()}


def _stage_blockers(network: NetworkPrefill) -> list[str]:
    """Why this network cannot submit: the same rule the server checks (domain.record_rules)."""
    knowledge = sum(1 for m in network.members if m.is_knowledge_institution)
    blockers = [
        str(p) for p in submission_stage_problems(network.stage, len(network.members) - knowledge, knowledge)
    ]
    if not network.screening_passed:
        blockers.append(str(Msg.APPLICATION_SCREENING_NOT_PASSED()))
    return blockers


# -- reading ----------------------------------------------------------------------------------------


def _members(session: Session, network_id: str) -> list[MemberInfo]:
    rows = session.execute(
        select(Membership, Company)
        .join(Company, Company.id == Membership.company_id)
        .where(Membership.network_id == network_id, Membership.deleted.is_(False), Company.deleted.is_(False))
    ).all()
    order = {"lead": 0, "member": 1, "knowledge": 2}
    members = [
        MemberInfo(
            company_id=c.id,
            name=c.name,
            cvr=c.cvr,
            role=m.role,
            employees=c.employees,
            goals=m.goals or "",
            is_knowledge_institution=bool(c.is_knowledge_institution),
        )
        for m, c in rows
    ]
    members.sort(key=lambda x: (order.get(x.role, 3), x.name))
    return members


def _frozen_companies(session: Session, app: Application, live: list[MemberInfo]) -> list[MemberInfo]:
    """The companies a submitted application was submitted with (its allocation key's keys)."""
    keys = list((app.split_basis_points or {}).keys())
    if not keys:
        return live
    by_id = {m.company_id: m for m in live}
    out = []
    for cid in keys:
        if cid in by_id:
            out.append(by_id[cid])
            continue
        company = session.get(Company, cid)
        if company is not None:
            out.append(
                MemberInfo(
                    cid,
                    company.name,
                    company.cvr,
                    "member",
                    company.employees,
                    "",
                    company.is_knowledge_institution,
                )
            )
    return out


def _prefill(session: Session, network_id: str) -> NetworkPrefill:
    network = session.get(Network, network_id)
    if network is None or network.deleted:
        raise DomainError(Msg.NETWORK_NOT_FOUND())
    screenings = session.scalars(
        select(Screening).where(
            Screening.network_id == network_id,
            Screening.deleted.is_(False),
            Screening.status == ScreeningStatus.FINAL,
        )
    ).all()
    latest = max(screenings, key=lambda s: s.finalized_at or s.updated_at, default=None)
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.network_id == network_id, Meeting.deleted.is_(False), Meeting.kind == "tentative_plan")
        .order_by(Meeting.starts_at.desc())
    ).all()
    held = [m for m in meetings if not m.planned] or list(meetings)
    plan = held[0] if held else None
    # --- english2: in the app's language (a document's data is read inside in_danish)
    known = network.network_type in NETWORK_TYPES
    type_label = vocab_label("network_type", network.network_type) if known else ""
    type_text = vocab_label("network_type_description", network.network_type) if known else ""
    stage = Stage(network.stage)
    verdict = "" if latest is None else latest.verdict
    return NetworkPrefill(
        network_id=network.id,
        name=network.name,
        network_type=network.network_type,
        network_type_label=type_label,
        network_type_text=type_text,
        core_task=network.core_task or "",
        participants_text=network.participants_text or "",
        goals=network.goals or "",
        terms=network.terms or "",
        stage=stage,
        stage_label=stage_label(stage),
        members=_members(session, network_id),
        screening_passed=verdict == Verdict.PASSED,
        screening_verdict=verdict,
        screening_date=None if latest is None else (latest.finalized_at or latest.updated_at),
        screening_reasons=[] if latest is None else list(latest.reasons or []),
        tentative_plan=None
        if plan is None
        else MeetingInfo(
            starts_at=plan.starts_at,
            kind_label=vocab_label("meeting_kind", plan.kind),
            place=plan.place or "",
            agenda=plan.agenda or "",
            minutes=plan.minutes or "",
            decisions=plan.decisions or "",
        ),
    )


def network_prefill(store: Store, network_id: str) -> NetworkPrefill:
    with store.session() as s:
        return _prefill(s, network_id)


def _draft_of(app: Application) -> ApplicationDraft:
    growth = {k: dict(v) for k, v in (app.expected_growth or {}).items()}
    return ApplicationDraft(
        market_perspective=app.market_perspective or "",
        economic_perspective=app.economic_perspective or "",
        technology_perspective=app.technology_perspective or "",
        strategy_perspective=app.strategy_perspective or "",
        expected_growth=growth,
        consultant_name=app.consultant_name or "",
        consultant_firm=app.consultant_firm or "",
        consultant_by_vaeksthus=bool(app.consultant_by_vaeksthus),
        consultant_hours=app.consultant_hours,
        hourly_rate_ore=app.hourly_rate_ore,
        period_months=app.period_months,
        split_mode=app.split_mode or SplitMode.EQUAL,
        split_basis_points={k: int(v) for k, v in (app.split_basis_points or {}).items()},
    )


def _pending_send(session: Session, application_id: str) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    OutboxEntry.entity == Application.__entity__,
                    OutboxEntry.record_id == application_id,
                    OutboxEntry.status == OutboxStatus.PENDING,
                )
            )
        )
    )


def _latest_id(session: Session, network_id: str) -> str | None:
    return session.scalar(
        select(Application.id)
        .where(Application.network_id == network_id, Application.deleted.is_(False))
        .order_by(Application.revision.desc())
        .limit(1)
    )


def _status_label(status: str, pending: bool) -> str:
    if status == ApplicationStatus.SUBMITTED and pending:
        return str(Msg.APPLICATION_STATUS_PENDING())
    return vocab_label("application_status", status)


def _detail(session: Session, app: Application) -> ApplicationDetail:
    prefill = _prefill(session, app.network_id)
    draft = _draft_of(app)
    companies = (
        prefill.members
        if app.status == ApplicationStatus.DRAFT
        else _frozen_companies(session, app, prefill.members)
    )
    budget = compute_budget(draft, companies)
    problems = check_draft(draft, companies)
    blockers: list[str] = []
    if app.status == ApplicationStatus.DRAFT:
        blockers = _stage_blockers(prefill) + [p for b in BLOCKS for p in problems[b]]
    pending = _pending_send(session, app.id)
    return ApplicationDetail(
        id=app.id,
        network_id=app.network_id,
        revision=app.revision,
        previous_id=app.previous_id,
        status=app.status,
        status_label=_status_label(app.status, pending),
        pending_send=pending and app.status == ApplicationStatus.SUBMITTED,
        submitted_at=app.submitted_at,
        decision=app.decision or "",
        decision_comment=app.decision_comment or "",
        decided_at=app.decided_at,
        bonus_ore=app.bonus_ore or 0,
        draft=draft,
        network=replace(prefill, members=companies) if app.status != ApplicationStatus.DRAFT else prefill,
        budget=budget,
        problems=problems,
        submit_blockers=blockers,
        is_latest=_latest_id(session, app.network_id) == app.id,
        updated_at=app.updated_at,
        keep_until=app.keep_until,  # --- retention
    )


def _get(session: Session, application_id: str) -> Application:
    app = session.get(Application, application_id)
    if app is None or app.deleted:
        raise DomainError(Msg.APPLICATION_NOT_FOUND())
    return app


def get_application(store: Store, application_id: str) -> ApplicationDetail:
    with store.session() as s:
        return _detail(s, _get(s, application_id))


def latest_for_network(store: Store, network_id: str) -> ApplicationDetail | None:
    """The network's newest revision, or None when it has no application yet."""
    with store.session() as s:
        app_id = _latest_id(s, network_id)
        return None if app_id is None else _detail(s, _get(s, app_id))


def revisions(store: Store, network_id: str) -> list[ApplicationRow]:
    return [r for r in list_applications(store) if r.network_id == network_id]


def list_applications(store: Store) -> list[ApplicationRow]:
    with store.session() as s:
        rows = s.execute(
            select(Application, Network.name)
            .join(Network, Network.id == Application.network_id)
            .where(Application.deleted.is_(False), Network.deleted.is_(False))
            .order_by(Network.name, Application.revision)
        ).all()
        pending = set(
            s.scalars(
                select(OutboxEntry.record_id).where(
                    OutboxEntry.entity == Application.__entity__, OutboxEntry.status == OutboxStatus.PENDING
                )
            ).all()
        )
    latest: dict[str, int] = {}
    for app, _name in rows:
        latest[app.network_id] = max(latest.get(app.network_id, 0), app.revision)
    out = []
    for app, name in rows:
        hours, rate = app.consultant_hours, app.hourly_rate_ore
        out.append(
            ApplicationRow(
                id=app.id,
                network_id=app.network_id,
                network=name,
                revision=app.revision,
                status=app.status,
                status_label=_status_label(app.status, app.id in pending),
                hours=hours,
                total_ore=hours * rate if hours is not None and rate is not None else None,
                submitted_at=app.submitted_at,
                decided_at=app.decided_at,
                bonus_ore=app.bonus_ore or 0,
                is_latest=latest[app.network_id] == app.revision,
            )
        )
    return out


@dataclass(frozen=True)
class NetworkChoice:
    network_id: str
    name: str
    stage_label: str
    ready_to_submit: bool


def networks_without_application(store: Store) -> list[NetworkChoice]:
    """Open networks that may start an application: no open one yet, not beyond trin 1."""
    with store.session() as s:
        has_app = set(s.scalars(select(Application.network_id).where(Application.deleted.is_(False))).all())
        networks = s.scalars(
            select(Network)
            .where(
                Network.deleted.is_(False),
                Network.stage.in_([Stage.CANDIDATE.value, Stage.SCREENED.value, Stage.STAGE_1.value]),
            )
            .order_by(Network.name)
        ).all()
        out = []
        for n in networks:
            if n.id in has_app:
                continue
            facts = stage_service.network_facts(s, n.id)
            out.append(
                NetworkChoice(
                    n.id,
                    n.name,
                    stage_label(Stage(n.stage)),
                    n.stage == Stage.STAGE_1 and facts.screening_passed,
                )
            )
    return out


# -- writing ----------------------------------------------------------------------------------------


def _write_draft(app: Application, draft: ApplicationDraft, members: list[MemberInfo]) -> None:
    app.market_perspective = draft.market_perspective
    app.economic_perspective = draft.economic_perspective
    app.technology_perspective = draft.technology_perspective
    app.strategy_perspective = draft.strategy_perspective
    app.expected_growth = {
        cid: {k: v for k, v in figures.items() if v is not None}
        for cid, figures in draft.expected_growth.items()
        if cid in {m.company_id for m in members}
    }
    app.consultant_name = draft.consultant_name.strip()
    app.consultant_firm = draft.consultant_firm.strip()
    app.consultant_by_vaeksthus = draft.consultant_by_vaeksthus
    app.consultant_hours = draft.consultant_hours
    app.hourly_rate_ore = draft.hourly_rate_ore
    app.period_months = draft.period_months
    if draft.split_mode not in tuple(SplitMode):
        raise DomainError(Msg.APPLICATION_SPLIT_MODE_UNKNOWN())
    app.split_mode = draft.split_mode
    ids = [m.company_id for m in members]
    # Always name every company, so the frozen application keeps who it was submitted with.
    app.split_basis_points = (
        equal_basis_points(ids)
        if draft.split_mode == SplitMode.EQUAL
        else {cid: int(draft.split_basis_points.get(cid, 0) or 0) for cid in ids}
    )


@changing("application")
def create_application(store: Store, network_id: str) -> str:
    """A first draft for the network, prefilled from it. Refused if the network already has one."""
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None or network.deleted:
            raise DomainError(Msg.NETWORK_NOT_FOUND())
        if network.stage in (Stage.CLOSED, Stage.STAGE_2, Stage.STAGE_3, Stage.APPLICATION):
            raise DomainError(Msg.APPLICATION_STAGE_NO_NEW(stage=network.stage))
        latest = _latest_id(s, network_id)
        if latest is not None:
            raise DomainError(Msg.APPLICATION_EXISTS())
        members = _members(s, network_id)
        app = Application(network_id=network_id, revision=1, status=ApplicationStatus.DRAFT)
        draft = ApplicationDraft(expected_growth={m.company_id: {} for m in members})
        _write_draft(app, draft, members)
        s.add(app)
        return app.id


@changing("application")
def save_draft(store: Store, application_id: str, draft: ApplicationDraft) -> ApplicationDetail:
    """Keep whatever the broker typed (rules are shown, not enforced, while drafting)."""
    with store.session() as s:
        app = _get(s, application_id)
        if app.status != ApplicationStatus.DRAFT:
            raise DomainError(Msg.APPLICATION_STATUS_LOCKED(status=app.status))
        _write_draft(app, draft, _members(s, app.network_id))
        s.flush()
        return _detail(s, app)


@changing("application", "network")
def submit(store: Store, application_id: str) -> ApplicationDetail:
    """Freeze the application and send it (through the outbox) to Væksthus; the network moves on."""
    with store.session() as s:
        app = _get(s, application_id)
        if app.status != ApplicationStatus.DRAFT:
            raise DomainError(Msg.APPLICATION_ALREADY_SUBMITTED())
        detail = _detail(s, app)
        if detail.submit_blockers:
            raise DomainError(" ".join([str(Msg.APPLICATION_CANNOT_SUBMIT_YET()), *detail.submit_blockers]))
        app.status = ApplicationStatus.SUBMITTED
        app.submitted_at = utcnow()
        s.flush()
        network = s.get(Network, app.network_id)
        assert network is not None
        stage_service.move(s, network, Stage.APPLICATION)
        s.flush()
        return _detail(s, app)


@changing("application", "network")
def apply_decision(
    store: Store, application_id: str, decision: str, comment: str, decided_at: dt.datetime
) -> ApplicationDetail:
    """Væksthus' decision, as it arrives from the server (it is never pushed back).

    Approval earns the broker's bonus and moves the network to trin 2; a rejection sends it back to
    trin 1 so a new revision can be written. Applying the same decision again changes nothing.
    """
    if decision not in tuple(Decision):
        raise DomainError(Msg.APPLICATION_DECISION_UNKNOWN())
    if decided_at.tzinfo is None:
        raise DomainError(Msg.APPLICATION_DECISION_NO_TIMEZONE())
    with store.session() as s:
        s.info["from_server"] = True
        app = _get(s, application_id)
        if app.status == decision and app.decision == decision:
            return _detail(s, app)
        if app.status != ApplicationStatus.SUBMITTED:
            raise DomainError(Msg.APPLICATION_DECISION_NOT_SUBMITTED(status=app.status))
        approved = decision == Decision.APPROVED
        app.status = decision
        app.decision = decision
        app.decision_comment = comment or ""
        app.decided_at = decided_at
        app.bonus_ore = BROKER_BONUS_ORE if approved else 0
        s.flush()
        network = s.get(Network, app.network_id)
        if network is not None and network.stage != Stage.CLOSED:
            target = Stage.STAGE_2 if approved else Stage.STAGE_1
            if network.stage == Stage.APPLICATION:
                stage_service.move(s, network, target)
            # The server owns the decision and its consequences: follow it as it says, at its time.
            stage_service.record_move(network, target, decided_at)
        s.flush()
        return _detail(s, app)


@changing("application", "network")
def start_revision(store: Store, application_id: str) -> str:
    """A new draft from a rejected application: everything copied, revision + 1, linked back."""
    with store.session() as s:
        old = _get(s, application_id)
        if old.status != ApplicationStatus.REJECTED:
            raise DomainError(Msg.APPLICATION_REVISION_NOT_REJECTED())
        if _latest_id(s, old.network_id) != old.id:
            raise DomainError(Msg.APPLICATION_REVISION_EXISTS())
        network = s.get(Network, old.network_id)
        if network is None or network.deleted or network.stage == Stage.CLOSED:
            raise DomainError(Msg.APPLICATION_REVISION_NETWORK_CLOSED())
        if network.stage == Stage.APPLICATION:
            stage_service.move(s, network, Stage.STAGE_1)
        new = Application(network_id=old.network_id, revision=old.revision + 1, previous_id=old.id)
        _write_draft(new, _draft_of(old), _members(s, old.network_id))
        new.status = ApplicationStatus.DRAFT
        s.add(new)
        return new.id


def growth_key(measure: str, kind: str) -> str:
    if kind == "pct":
        return f"{measure}_pct_bp"
    return f"{measure}_ore" if measure in MONEY_MEASURES else measure


# --- the application's report (issue 24, item 4) ------------------------------------------------------
def application_report_data(
    store: Store, application_id: str, *, printed_on: dt.date | None = None
) -> ApplicationReport:
    """What the application's PDF prints (``reports.application_pdf``): the application, the broker
    who owns it (on a caseworker's profile, the Indbakke, not the caseworker) and each member's
    measured growth."""
    from .desk import application_broker
    from .effects import network_effects

    detail = get_application(store, application_id)
    measured = {m.company_id: m.effects for m in network_effects(store, detail.network.network_id)}
    return ApplicationReport(
        application=detail,
        broker=application_broker(store, application_id),
        printed_on=printed_on or dt.date.today(),
        measured=measured,
    )
