"""Screening a network with the versioned checklist: draft, autosave, finalize (freeze), report data.

A draft takes the newest checklist version; a final screening keeps its form id and version, its
answers, verdict and reasons, and the member list it was made with, and is never edited again.
Only a new screening can change the verdict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.report_data import (
    AnswerGroup,
    AnswerRow,
    ScreeningMember,
    ScreeningReportData,
    ScreeningSection,
)
from ...domain.rules import FOCUS_AREAS, MEMBER_ROLES, NETWORK_TYPES
from ...domain.stages import STAGE_LABELS, Stage
from ...domain.timeutil import utcnow
from ...domain.vocab import ScreeningStatus
from ...forms import (
    SCREENING_FORM_ID,
    VERDICT_LABELS,
    Evaluation,
    FormContext,
    FormDefinition,
    FormRegistry,
    Issue,
    MemberInfo,
    Slot,
    bundled_registry,
    display_value,
    evaluate_form,
    get_answer,
    prefill,
)
from ...forms.engine import comment_of
from ...forms.screening import FROZEN_CONTEXT_KEY, screening_context
from ..models import Network, Screening
from . import stage as stage_service
from .overview import broker_name

# FROZEN_CONTEXT_KEY (forms.screening): the key in a final screening's answers holding the
# members and facts it was made with, so the report stays true after the membership changes.
# Folder in the profile where definitions published by Væksthus are kept (sync writes them).
PROFILE_FORMS_DIR = "skemaer"


class ScreeningError(DomainError):
    pass


class ScreeningIncompleteError(ScreeningError):
    """Finalizing refused: ``issues`` lists every missing or invalid answer."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        lines = "".join(f"\n– {i.message}" for i in issues)
        super().__init__(Msg.SCREENING_CANNOT_FINISH(n=len(issues), issues=lines))


@dataclass(frozen=True)
class ScreeningView:
    id: str
    network_id: str
    network_name: str
    form_id: str
    form_version: int
    status: str
    answers: dict[str, Any]
    verdict: str
    reasons: list[str]
    finalized_at: dt.datetime | None
    updated_at: dt.datetime
    keep_until: dt.date | None = None  # --- retention

    @property
    def is_final(self) -> bool:
        return self.status == ScreeningStatus.FINAL


@dataclass(frozen=True)
class FinalizeResult:
    screening: ScreeningView
    stage: str
    facilitation_opened_on: dt.date | None


@dataclass(frozen=True)
class ScreeningReport:
    """Everything the PDF shows, as plain values."""

    screening: ScreeningView
    definition: FormDefinition
    context: FormContext
    evaluation: Evaluation
    network_name: str
    network_type: str
    network_stage: str
    broker: str
    members: tuple[MemberInfo, ...] = field(default=())


def registry_for(store: Any) -> FormRegistry:
    """Bundled definitions plus those published to this profile (a bad file there is skipped)."""
    return bundled_registry([Path(store.profile) / PROFILE_FORMS_DIR])


def _view(s: Screening, network: Network) -> ScreeningView:
    return ScreeningView(
        id=s.id,
        network_id=s.network_id,
        network_name=network.name,
        form_id=s.form_id,
        form_version=s.form_version,
        status=s.status,
        answers=dict(s.answers or {}),
        verdict=s.verdict or "",
        reasons=list(s.reasons or []),
        finalized_at=s.finalized_at,
        updated_at=s.updated_at,
        keep_until=s.keep_until,  # --- retention
    )


def _network(session: Session, network_id: str) -> Network:
    network = session.get(Network, network_id)
    if network is None or network.deleted:
        raise ScreeningError(Msg.NETWORK_NOT_FOUND())
    return network


def _screening(session: Session, screening_id: str) -> tuple[Screening, Network]:
    s = session.get(Screening, screening_id)
    if s is None or s.deleted:
        raise ScreeningError(Msg.SCREENING_NOT_FOUND())
    return s, _network(session, s.network_id)


def _live_context(session: Session, network: Network) -> FormContext:
    """The network's live members and facts, made by the same function the server uses."""
    members, companies = stage_service.members_and_companies(session, network.id)
    return screening_context(stage_service.payload(network), members, companies)


def _context_of(session: Session, s: Screening, network: Network) -> FormContext:
    frozen = (s.answers or {}).get(FROZEN_CONTEXT_KEY)
    if s.status == ScreeningStatus.FINAL and isinstance(frozen, dict):
        return FormContext(
            members=tuple(MemberInfo(**m) for m in frozen.get("members", [])),
            facts=dict(frozen.get("facts", {})),
        )
    return _live_context(session, network)


def form_context(store: Any, network_id: str) -> FormContext:
    with store.session() as session:
        return _live_context(session, _network(session, network_id))


def context_of(store: Any, screening_id: str) -> FormContext:
    """The members and facts a screening is filled in about (frozen ones for a final screening)."""
    with store.session() as session:
        s, network = _screening(session, screening_id)
        return _context_of(session, s, network)


def definition_of(view: ScreeningView, registry: FormRegistry) -> FormDefinition:
    return registry.get(view.form_id, view.form_version)


@changing("screening")
def start_screening(store: Any, network_id: str, registry: FormRegistry | None = None) -> ScreeningView:
    """The network's open draft, or a new draft on the newest checklist, prefilled from the network."""
    registry = registry or registry_for(store)
    with store.session() as session:
        network = _network(session, network_id)
        draft = session.scalars(
            select(Screening)
            .where(
                Screening.network_id == network_id,
                Screening.deleted.is_(False),
                Screening.status == ScreeningStatus.DRAFT,
            )
            .order_by(Screening.updated_at.desc())
        ).first()
        if draft is not None:
            return _view(draft, network)
        if network.stage == Stage.CLOSED:
            raise ScreeningError(Msg.SCREENING_NETWORK_CLOSED())
        defn = registry.latest(SCREENING_FORM_ID)
        answers = prefill(defn, _live_context(session, network))
        s = Screening(
            network_id=network_id,
            form_id=defn.id,
            form_version=defn.version,
            answers=answers,
            status=ScreeningStatus.DRAFT,
            owner_id=network.owner_id,
        )
        session.add(s)
        session.flush()
        return _view(s, network)


def list_screenings(store: Any, network_id: str) -> list[ScreeningView]:
    """The network's screenings, newest first."""
    with store.session() as session:
        network = _network(session, network_id)
        rows = session.scalars(
            select(Screening).where(Screening.network_id == network_id, Screening.deleted.is_(False))
        ).all()
        views = [_view(s, network) for s in rows]
    return sorted(views, key=lambda v: v.finalized_at or v.updated_at, reverse=True)


def current_screening(store: Any, network_id: str) -> ScreeningView | None:
    """The open draft if there is one, else the newest final screening, else None."""
    views = list_screenings(store, network_id)
    drafts = [v for v in views if not v.is_final]
    if drafts:
        return drafts[0]
    return views[0] if views else None


def load_screening(store: Any, screening_id: str) -> ScreeningView:
    with store.session() as session:
        s, network = _screening(session, screening_id)
        return _view(s, network)


@changing("screening")
def save_answers(store: Any, screening_id: str, answers: dict[str, Any]) -> ScreeningView:
    """Autosave of a draft. A final screening is never changed."""
    try:
        clean = json.loads(json.dumps(answers))
    except (TypeError, ValueError) as exc:
        raise ScreeningError(Msg.SCREENING_ANSWERS_UNUSABLE(reason=str(exc))) from None
    if not isinstance(clean, dict):
        raise ScreeningError(Msg.SCREENING_ANSWERS_NOT_A_MAPPING())
    clean.pop(FROZEN_CONTEXT_KEY, None)
    with store.session() as session:
        s, network = _screening(session, screening_id)
        if s.status == ScreeningStatus.FINAL:
            raise ScreeningError(Msg.SCREENING_FINAL_UNCHANGEABLE())
        if clean != (s.answers or {}):
            s.answers = clean  # a new object, so the JSON column sees the change
            s.updated_at = utcnow()
        return _view(s, network)


def evaluate_screening(
    store: Any, screening_id: str, registry: FormRegistry | None = None
) -> tuple[FormDefinition, FormContext, Evaluation]:
    registry = registry or registry_for(store)
    with store.session() as session:
        s, network = _screening(session, screening_id)
        ctx = _context_of(session, s, network)
        defn = registry.get(s.form_id, s.form_version)
        return defn, ctx, evaluate_form(defn, s.answers or {}, ctx)


@changing("screening", "network")
def finalize_screening(store: Any, screening_id: str, registry: FormRegistry | None = None) -> FinalizeResult:
    """Check every answer; on faults raise ScreeningIncompleteError listing each. Else freeze the
    screening with its verdict and move the network on (a passed screening opens trin 1)."""
    registry = registry or registry_for(store)
    with store.session() as session:
        s, network = _screening(session, screening_id)
        if s.status == ScreeningStatus.FINAL:
            raise ScreeningError(Msg.SCREENING_ALREADY_FINAL())
        defn = registry.get(s.form_id, s.form_version)
        ctx = _live_context(session, network)
        answers = dict(s.answers or {})
        result = evaluate_form(defn, answers, ctx)
        if result.issues:
            raise ScreeningIncompleteError(result.issues)
        answers[FROZEN_CONTEXT_KEY] = {
            "members": [m.__dict__.copy() for m in ctx.members],
            "facts": dict(ctx.facts),
        }
        now = utcnow()
        s.answers = answers
        s.status = ScreeningStatus.FINAL
        s.verdict = result.verdict
        s.reasons = list(result.reasons)
        s.finalized_at = now
        s.updated_at = now
        session.flush()
        new_stage = stage_service.advance(session, network)
        return FinalizeResult(_view(s, network), str(new_stage), network.facilitation_opened_on)


def screening_report(
    store: Any, screening_id: str, registry: FormRegistry | None = None, broker: str | None = None
) -> ScreeningReport:
    registry = registry or registry_for(store)
    name = broker if broker is not None else broker_name(store)
    with store.session() as session:
        s, network = _screening(session, screening_id)
        ctx = _context_of(session, s, network)
        defn = registry.get(s.form_id, s.form_version)
        evaluation = evaluate_form(defn, s.answers or {}, ctx)
        return ScreeningReport(
            screening=_view(s, network),
            definition=defn,
            context=ctx,
            evaluation=evaluation,
            network_name=network.name,
            network_type=network.network_type or "",
            network_stage=network.stage,
            broker=name,
            members=ctx.members,
        )


# --- the screening report's plain data (issue 24, item 4) ---------------------------------------------
def _answer_row(slot: Slot, answers: dict[str, Any]) -> AnswerRow:
    value = get_answer(answers, slot)
    return AnswerRow(
        question=slot.question.label,
        answer=display_value(slot.question, value),
        comment=comment_of(value),
        free_text=slot.question.kind == "text",
    )


def _report_sections(report: ScreeningReport) -> tuple[ScreeningSection, ...]:
    answers = report.screening.answers
    relevant = report.evaluation.relevant
    sections: list[ScreeningSection] = []
    for sec in report.definition.sections:
        in_section = [s for s in relevant if s.section.id == sec.id]
        if not in_section:
            continue
        if sec.repeat:
            groups = []
            for m in report.members:
                slots = [s for s in in_section if s.member == m]
                if slots:
                    who = f"{m.name} (CVR {m.cvr})" if m.cvr else m.name
                    groups.append(AnswerGroup(who, tuple(_answer_row(s, answers) for s in slots)))
        else:
            groups = [AnswerGroup("", tuple(_answer_row(s, answers) for s in in_section))]
        sections.append(ScreeningSection(sec.title, sec.source or "", bool(sec.repeat), tuple(groups)))
    return tuple(sections)


def _stage_label(stage: str) -> str:
    try:
        return STAGE_LABELS[Stage(stage)]
    except ValueError:
        return stage


def report_data(report: ScreeningReport) -> ScreeningReportData:
    """The PDF's plain data from the screening as the service reads it: every relevant answer as
    text, the verdict (the draft's preliminary one while it is not final) and its reasons."""
    view = report.screening
    defn = report.definition
    if view.is_final:
        verdict, reasons = view.verdict, list(view.reasons)
        title = f"Resultat: {VERDICT_LABELS.get(verdict, verdict)}"
    else:
        ev = report.evaluation
        verdict, reasons = ev.verdict, list(ev.reasons)
        title = f"Foreløbig vurdering (kladde): {VERDICT_LABELS.get(verdict, verdict)}"
        if ev.issues:
            reasons.append(f"Screeningen er ikke afsluttet: {len(ev.issues)} svar mangler eller er forkerte.")
    members = tuple(
        ScreeningMember(
            name=m.name,
            cvr=m.cvr,
            employees=m.employees,
            role="Videninstitution" if m.is_knowledge_institution else MEMBER_ROLES.get(m.role, m.role),
            focus_area=FOCUS_AREAS.get(m.focus_area, m.focus_area),
        )
        for m in report.members
    )
    derived = tuple(
        (d.label, "" if report.evaluation.derived.get(d.id) is None else str(report.evaluation.derived[d.id]))
        for d in defn.derived
    )
    return ScreeningReportData(
        network_name=report.network_name,
        network_type=NETWORK_TYPES.get(report.network_type, (report.network_type, ""))[0],
        network_stage=_stage_label(report.network_stage),
        broker=report.broker,
        form_id=defn.id,
        form_title=defn.title,
        form_version=view.form_version,
        is_final=view.is_final,
        finalized_at=view.finalized_at,
        updated_at=view.updated_at,
        keep_until=view.keep_until,
        verdict=str(verdict or ""),
        verdict_title=title,
        reasons=tuple(str(r) for r in reasons),
        members=members,
        derived=derived,
        sections=_report_sections(report),
    )


def screening_report_data(
    store: Any, screening_id: str, registry: FormRegistry | None = None, broker: str | None = None
) -> ScreeningReportData:
    """What the screening PDF prints (``reports.screening_pdf``); ``broker`` defaults to the profile's."""
    return report_data(screening_report(store, screening_id, registry, broker))
