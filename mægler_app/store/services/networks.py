"""Networks: the broker's candidates and networks in progress, their members, stage and history.

The composition rules (seed 3. Indhold, pkt. 1) are checked by ``domain.validation``; stage moves go
through ``services.stage`` so the same requirements hold wherever a network is moved from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.changes import changing
from ...domain.cvr import format_cvr
from ...domain.errors import DomainError
from ...domain.meetings import shown_as_planned
from ...domain.messages import Message, Msg
from ...domain.next_actions import is_quiet
from ...domain.numbers import format_date, format_kr
from ...domain.rules import (
    CLOSE_REASONS,
    MEETING_KINDS,
    MEMBER_ROLE,
    MEMBER_ROLES,
    member_role,
)
from ...domain.stages import (
    STAGE_LABELS,
    Stage,
    StageError,
    close_problems,
    missing_for,
    moves,
    next_stage,
    stage_requirements,
    with_move,
)
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.validation import check_network_fields, check_network_members
from ...domain.vocab import ApplicationStatus, Decision, ScreeningStatus, Verdict
from ..db import Store
from ..models import Application, Company, Expense, Meeting, Membership, Network, Screening
from . import follow_ups
from . import stage as stage_service


@dataclass(frozen=True)
class NetworkData:
    name: str
    network_type: str = ""
    core_task: str = ""
    participants_text: str = ""
    goals: str = ""
    terms: str = ""
    lead_source: str = ""
    notes: str = ""


@dataclass(frozen=True)
class NetworkDetail:
    id: str
    data: NetworkData
    stage: Stage
    closed_reason: str
    closed_reason_text: str
    closed_on: dt.date | None
    stage_3_evidence: str


@dataclass(frozen=True)
class NetworkRow:
    id: str
    name: str
    network_type: str
    stage: Stage
    members: int
    last_activity: dt.datetime
    inactive: bool
    lead_company: str


@dataclass(frozen=True)
class MemberRow:
    id: str  # the membership
    company_id: str
    name: str
    cvr: str
    role: str
    goals: str
    employees: int | None
    is_knowledge_institution: bool
    other_networks: tuple[str, ...]  # names of the other active networks the company is in


@dataclass(frozen=True)
class CompanyHit:
    id: str
    name: str
    cvr: str
    city: str
    is_knowledge_institution: bool

    def label(self) -> str:
        city = f", {self.city}" if self.city else ""
        return f"{self.name} (CVR {format_cvr(self.cvr)}{city})"


@dataclass
class Composition:
    independent: int
    knowledge: int
    errors: list[str] = field(default_factory=list)  # stop the network from leaving candidate
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StageInfo:
    stage: Stage
    label: str
    next_stage: Stage | None
    next_label: str
    requires: list[Message]
    missing: list[Message]

    @property
    def can_advance(self) -> bool:
        return self.next_stage is not None and not self.missing


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    kind: str  # stage | meeting | planned | expense | screening | application | closed | follow_up
    text: str


# networks ---------------------------------------------------------------------------------------


def check_network(data: NetworkData) -> dict[str, str]:
    """Danish reasons per field; empty when the network can be saved."""
    return {
        k: str(m) for k, m in check_network_fields(data.name, data.network_type, data.lead_source).items()
    }


@changing("network")
def save_network(store: Store, data: NetworkData, network_id: str | None = None) -> str:
    errors = check_network_fields(data.name, data.network_type, data.lead_source)
    if errors:
        raise DomainError(*errors.values())
    values = {**data.__dict__, "name": data.name.strip()}
    with store.session() as s:
        if network_id is None:
            now = utcnow()
            network = Network(
                **values,
                stage=Stage.CANDIDATE.value,
                stage_changed_at=now,
                stage_history=with_move([], Stage.CANDIDATE, now),
            )
            s.add(network)
            return network.id
        network = _live(s, network_id)
        for key, value in values.items():
            if getattr(network, key) != value:
                setattr(network, key, value)
        return network.id


def _live(s: Session, network_id: str) -> Network:
    network = s.get(Network, network_id)
    if network is None or network.deleted:
        raise DomainError(Msg.NETWORK_GONE())
    return network


def get_network(store: Store, network_id: str) -> NetworkDetail:
    with store.session() as s:
        n = _live(s, network_id)
        return NetworkDetail(
            n.id,
            NetworkData(
                n.name,
                n.network_type or "",
                n.core_task or "",
                n.participants_text or "",
                n.goals or "",
                n.terms or "",
                n.lead_source or "",
                n.notes or "",
            ),
            Stage(n.stage),
            n.closed_reason or "",
            n.closed_reason_text or "",
            n.closed_on,
            n.stage_3_evidence or "",
        )


def _as_dt(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return ensure_utc(value)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def last_activity(s: Session, now: dt.datetime, network_id: str | None = None) -> dict[str, dt.datetime]:
    """Per network (or just ``network_id``): the latest edit, member change, held meeting, expense,
    screening or application. A planned meeting ahead is not activity yet."""
    latest: dict[str, dt.datetime] = {}

    def bump(nid: str, when: dt.date | dt.datetime | None) -> None:
        moment = _as_dt(when)
        if moment is None or moment > now:
            return
        if nid not in latest or moment > latest[nid]:
            latest[nid] = moment

    def only(query: Any, column: Any) -> Any:
        return query if network_id is None else query.where(column == network_id)

    for nid, when in s.execute(
        only(select(Network.id, Network.updated_at).where(Network.deleted.is_(False)), Network.id)
    ):
        bump(nid, when)
    queries: list[Any] = [
        only(select(Membership.network_id, func.max(Membership.updated_at)), Membership.network_id).group_by(
            Membership.network_id
        ),
        only(
            select(Meeting.network_id, func.max(Meeting.starts_at)).where(
                Meeting.deleted.is_(False), Meeting.starts_at <= now
            ),
            Meeting.network_id,
        ).group_by(Meeting.network_id),
        only(
            select(Meeting.network_id, func.max(Meeting.updated_at)).where(Meeting.deleted.is_(False)),
            Meeting.network_id,
        ).group_by(Meeting.network_id),
        only(
            select(Expense.network_id, func.max(Expense.spent_on)).where(Expense.deleted.is_(False)),
            Expense.network_id,
        ).group_by(Expense.network_id),
        only(select(Screening.network_id, func.max(Screening.updated_at)), Screening.network_id).group_by(
            Screening.network_id
        ),
        only(
            select(Application.network_id, func.max(Application.updated_at)), Application.network_id
        ).group_by(Application.network_id),
    ]
    for query in queries:
        for nid, when in s.execute(query):
            bump(nid, _parse_sql_time(when))
    return latest


def activity_of(store: Store, network_id: str, now: dt.datetime | None = None) -> tuple[dt.datetime, bool]:
    """(last activity, inactive?) of one network."""
    now = now or utcnow()
    with store.session() as s:
        network = _live(s, network_id)
        stage = Stage(network.stage)
        last = last_activity(s, now, network_id).get(network_id) or ensure_utc(network.updated_at)
    return last, is_inactive(stage, last, now)


def _parse_sql_time(value: object) -> dt.date | dt.datetime | None:
    # Aggregates (max) bypass the column type, so SQLite hands back its stored text.
    if value is None or isinstance(value, dt.date | dt.datetime):
        return value  # type: ignore[return-value]
    text = str(value)
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return ensure_utc(dt.datetime.fromisoformat(text))


def is_inactive(stage: Stage, last: dt.datetime, now: dt.datetime) -> bool:
    """Open networks with nothing happening for INACTIVE_AFTER_DAYS days are marked (the
    overview's quiet networks: ``domain.next_actions.is_quiet``)."""
    return is_quiet(stage, last, now)


def count_networks(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Network).where(Network.deleted.is_(False))) or 0)


def list_networks(store: Store, now: dt.datetime | None = None) -> list[NetworkRow]:
    now = now or utcnow()
    with store.session() as s:
        counts = dict(
            s.execute(
                select(Membership.network_id, func.count())
                .join(Company, Company.id == Membership.company_id)
                .where(Membership.deleted.is_(False), Company.deleted.is_(False))
                .group_by(Membership.network_id)
            ).all()  # type: ignore[arg-type]
        )
        leads = dict(
            s.execute(
                select(Membership.network_id, Company.name)
                .join(Company, Company.id == Membership.company_id)
                .where(Membership.deleted.is_(False), Membership.role == "lead", Company.deleted.is_(False))
            ).all()  # type: ignore[arg-type]
        )
        activity = last_activity(s, now)
        rows = s.execute(
            select(Network.id, Network.name, Network.network_type, Network.stage, Network.updated_at)
            .where(Network.deleted.is_(False))
            .order_by(Network.name)
        ).all()
    out = []
    for r in rows:
        last: dt.datetime = activity.get(r.id) or ensure_utc(r.updated_at)
        stage = Stage(r.stage)
        out.append(
            NetworkRow(
                r.id,
                r.name,
                r.network_type or "",
                stage,
                int(counts.get(r.id, 0)),
                last,
                is_inactive(stage, last, now),
                leads.get(r.id, ""),
            )
        )
    return out


# members ----------------------------------------------------------------------------------------


def search_companies(store: Store, text: str, limit: int = 20) -> list[CompanyHit]:
    """Companies whose name, CVR number or city contains ``text`` (CVR also as typed with spaces)."""
    needle = text.strip()
    if not needle:
        return []
    digits = "".join(ch for ch in needle if ch.isdigit())
    like = f"%{needle.lower()}%"
    cond = func.lower(Company.name).like(like) | func.lower(Company.city).like(like)
    if digits and len(digits) >= 2:
        cond = cond | Company.cvr.like(f"%{digits}%")
    with store.session() as s:
        rows = s.execute(
            select(Company.id, Company.name, Company.cvr, Company.city, Company.is_knowledge_institution)
            .where(Company.deleted.is_(False), Company.archived.is_(False), cond)
            .order_by(Company.name)
            .limit(limit)
        ).all()
    return [CompanyHit(*r) for r in rows]


def _other_networks(s: Session, company_ids: list[str], network_id: str) -> dict[str, list[str]]:
    if not company_ids:
        return {}
    rows = s.execute(
        select(Membership.company_id, Network.name)
        .join(Network, Network.id == Membership.network_id)
        .where(
            Membership.company_id.in_(company_ids),
            Membership.deleted.is_(False),
            Membership.network_id != network_id,
            Network.deleted.is_(False),
            Network.stage != Stage.CLOSED.value,
        )
        .order_by(Network.name)
    ).all()
    out: dict[str, list[str]] = {}
    for company_id, name in rows:
        out.setdefault(company_id, []).append(name)
    return out


def members(store: Store, network_id: str) -> list[MemberRow]:
    with store.session() as s:
        rows = s.execute(
            select(
                Membership.id,
                Company.id,
                Company.name,
                Company.cvr,
                Membership.role,
                Membership.goals,
                Company.employees,
                Company.is_knowledge_institution,
            )
            .join(Company, Company.id == Membership.company_id)
            .where(
                Membership.network_id == network_id,
                Membership.deleted.is_(False),
                Company.deleted.is_(False),
            )
            .order_by(Company.name)
        ).all()
        others = _other_networks(s, [r[1] for r in rows], network_id)
    order = list(MEMBER_ROLES)
    out = [MemberRow(*r, other_networks=tuple(others.get(r[1], []))) for r in rows]  # type: ignore[misc]
    out.sort(key=lambda m: (order.index(m.role) if m.role in order else len(order), m.name.lower()))
    return out


def _check_role(role: str) -> None:
    if role not in MEMBER_ROLES:
        raise DomainError(Msg.MEMBER_ROLE_UNKNOWN(role=role))


@changing("membership")
def add_member(store: Store, network_id: str, company_id: str, role: str = MEMBER_ROLE) -> str:
    """Add the company. Its role is decided here from the company itself (``member_role``): a
    dialog's role box may still show a search hit that is gone."""
    _check_role(role)
    with store.session() as s:
        network = _live(s, network_id)
        if network.stage == Stage.CLOSED:
            raise DomainError(Msg.MEMBER_NETWORK_CLOSED())
        company = s.get(Company, company_id)
        if company is None or company.deleted:
            raise DomainError(Msg.COMPANY_GONE())
        already = s.scalar(
            select(Membership.id).where(
                Membership.network_id == network_id,
                Membership.company_id == company_id,
                Membership.deleted.is_(False),
            )
        )
        if already:
            raise DomainError(Msg.MEMBER_ALREADY(company=company.name))
        role = member_role(role, is_knowledge_institution=bool(company.is_knowledge_institution))
        membership = Membership(network_id=network_id, company_id=company_id, role=role)
        s.add(membership)
        return membership.id


@changing("membership")
def update_member(store: Store, membership_id: str, role: str, goals: str) -> None:
    _check_role(role)
    with store.session() as s:
        m = s.get(Membership, membership_id)
        if m is None or m.deleted:
            raise DomainError(Msg.MEMBERSHIP_GONE())
        company = s.get(Company, m.company_id)
        role = member_role(role, is_knowledge_institution=bool(company and company.is_knowledge_institution))
        if m.role != role:
            m.role = role
        if (m.goals or "") != goals:
            m.goals = goals


@changing("membership")
def remove_member(store: Store, membership_id: str) -> None:
    with store.session() as s:
        m = s.get(Membership, membership_id)
        if m is None or m.deleted:
            return
        m.deleted = True


def composition(store: Store, network_id: str) -> Composition:
    """The composition rules for the network as it is now, in Danish."""
    rows = members(store, network_id)
    knowledge = sum(1 for m in rows if m.is_knowledge_institution or m.role == "knowledge")
    independent = len(rows) - knowledge
    findings = check_network_members(independent, knowledge)
    errors = [*findings.errors, Msg.COMPOSITION_KEEPS_CANDIDATE()] if findings.errors else []
    result = Composition(
        independent, knowledge, [str(m) for m in errors], [str(m) for m in findings.warnings]
    )
    for m in rows:
        if m.other_networks:
            names = ", ".join(f"»{n}«" for n in m.other_networks)
            note = Msg.MEMBER_IN_OTHER_NETWORKS(company=m.name, n=len(m.other_networks), names=names)
            result.notes.append(str(note))
    return result


# stages -----------------------------------------------------------------------------------------


def stage_info(store: Store, network_id: str) -> StageInfo:
    with store.session() as s:
        network = _live(s, network_id)
        current = Stage(network.stage)
        target = next_stage(current) if current != Stage.CLOSED else None
        missing: list[Message] = []
        if target is not None:
            facts = stage_service.network_facts(s, network_id)
            missing = missing_for(current, target, facts)
    return StageInfo(
        current,
        STAGE_LABELS[current],
        target,
        STAGE_LABELS[target] if target else "",
        stage_requirements(target) if target else [],
        missing,
    )


@changing("network")
def move_to(store: Store, network_id: str, target: Stage) -> None:
    """Move the network to ``target``; StageError names everything missing."""
    if target == Stage.CLOSED:
        raise StageError(Msg.STAGE_CLOSE_WITH_REASON())
    with store.session() as s:
        stage_service.move(s, _live(s, network_id), target)


@changing("network")
def close_network(store: Store, network_id: str, reason: str, text: str) -> None:
    """Close with a reason from CLOSE_REASONS and the broker's own words."""
    problems = close_problems(reason, text)
    if problems:
        raise DomainError(problems[0])
    with store.session() as s:
        stage_service.move(
            s, _live(s, network_id), Stage.CLOSED, close_reason=reason, close_text=text.strip()
        )


# timeline ---------------------------------------------------------------------------------------
def _date_only(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _end_of_local_day(day: dt.date | dt.datetime | None) -> dt.datetime | None:
    """The last moment of ``day`` on this computer's clock (its date shows as ``day``), in UTC."""
    if day is None:
        return None
    local = dt.datetime.combine(day, dt.time(23, 59, 59)).astimezone()
    return local.astimezone(dt.UTC)


_VERDICTS: dict[str, str] = {Verdict.PASSED: "bestået", Verdict.NOT_PASSED: "ikke bestået"}
_APP_STATUS: dict[str, str] = {Decision.APPROVED: "bevilget", Decision.REJECTED: "afslået"}


def timeline(store: Store, network_id: str) -> list[TimelineEntry]:
    """What happened to the network, newest first, from the records the store holds."""
    out: list[TimelineEntry] = []

    def add(when: dt.date | dt.datetime | None, kind: str, text: str) -> None:
        # --- broker: a date without a time (an expense, the frame opened) comes after that day's
        # timed events, not before them at midnight (issue 20, item 6)
        moment = _end_of_local_day(when) if _date_only(when) else _as_dt(when)
        if moment is not None:
            out.append(TimelineEntry(moment, kind, text))

    now = utcnow()
    with store.session() as s:
        n = _live(s, network_id)
        stage = Stage(n.stage)
        history = moves(n.stage_history)
        if stage == Stage.CLOSED:
            reason = CLOSE_REASONS.get(n.closed_reason, n.closed_reason)
            add(
                n.closed_on or n.stage_changed_at,
                "closed",
                f"{reason}. {n.closed_reason_text}".strip(),
            )
        elif n.stage_changed_at is not None and not history:
            add(n.stage_changed_at, "stage", f"Flyttet til »{STAGE_LABELS[stage]}«")
        for move in history:
            if move.stage == Stage.CLOSED:
                continue  # the closing is told above, with its reason
            text = (
                "Oprettet som kandidat"
                if move.stage == Stage.CANDIDATE
                else f"Flyttet til »{STAGE_LABELS[move.stage]}«"
            )
            add(move.at, "stage", text)
        if n.facilitation_opened_on:
            add(n.facilitation_opened_on, "stage", "Faciliteringsrammen åbnet")
        if n.stage_3_on and stage != Stage.STAGE_3 and not any(m.stage == Stage.STAGE_3 for m in history):
            add(n.stage_3_on, "stage", f"Flyttet til »{STAGE_LABELS[Stage.STAGE_3]}«")
        for m in s.scalars(
            select(Meeting).where(Meeting.network_id == network_id, Meeting.deleted.is_(False))
        ):
            kind = MEETING_KINDS.get(m.kind, "Møde")
            title = m.agenda or kind
            if shown_as_planned(m.planned, ensure_utc(m.starts_at), now):
                add(m.starts_at, "planned", title)
            else:
                add(m.starts_at, "meeting", title)
        for e in s.scalars(
            select(Expense).where(Expense.network_id == network_id, Expense.deleted.is_(False))
        ):
            add(e.spent_on, "expense", f"{format_kr(e.amount_ore)} – {e.description}".rstrip(" –"))
        for sc in s.scalars(
            select(Screening).where(Screening.network_id == network_id, Screening.deleted.is_(False))
        ):
            if sc.status == ScreeningStatus.FINAL:
                verdict = _VERDICTS.get(sc.verdict, sc.verdict or "afsluttet")
                add(sc.finalized_at or sc.updated_at, "screening", f"Screening afsluttet: {verdict}")
            else:
                add(sc.updated_at, "screening", "Screening påbegyndt (kladde)")
        for a in s.scalars(
            select(Application).where(Application.network_id == network_id, Application.deleted.is_(False))
        ):
            if a.submitted_at:
                add(a.submitted_at, "application", f"Ansøgning (version {a.revision}) indsendt")
            if a.decided_at and a.status in _APP_STATUS:
                add(a.decided_at, "application", f"Ansøgning (version {a.revision}) {_APP_STATUS[a.status]}")
            if a.status == ApplicationStatus.DRAFT:
                add(a.updated_at, "application", f"Ansøgning (version {a.revision}) under udarbejdelse")
    # --- followup: Væksthus' follow-ups, read-only (the caseworker's records)
    for f in follow_ups.list_follow_ups(store, network_id):
        add(f.held_on, "follow_up", follow_up_text(f))
    out.sort(key=lambda e: e.when, reverse=True)
    return out


# --- followup
def follow_up_text(f: follow_ups.FollowUpRow) -> str:
    """A follow-up as the timeline tells it: from Væksthus, by whom, what was offered, and when next."""
    who = f"{f.caseworker_name}, Væksthus" if f.caseworker_name else "Væksthus"
    text = f"{f.kind_label} ved {who}: {' '.join(f.offered.split())}"
    if f.next_on is not None:
        text += f" – næste opfølgning {format_date(f.next_on)}"
    return text
