"""SQLAlchemy 2 models of DESIGN.md §4.

Every synced record carries ``id`` (UUID made here), ``version`` (the server's revision, 0 before
the first push), ``updated_at`` (UTC), ``deleted`` (tombstone) and ``owner_id``. Records are never
deleted physically; a delete is a tombstone that syncs. Money is integer øre (``*_ore``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, event, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..domain.stages import Stage
from ..domain.timeutil import utcnow
from ..domain.vocab import (
    ApplicationStatus,
    ExpenseCategory,
    ExpenseStatus,
    FocusArea,
    FollowUpKind,  # --- followup
    MeetingKind,
    MemberRole,
    OutboxStatus,
    ScreeningStatus,
    SplitMode,
)
from .types import UTCDateTime


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class SyncMixin:
    """Columns every synced record has. ``__entity__`` is its name in sync payloads."""

    __entity__: ClassVar[str]
    # Fields that belong to the server: never pushed, only pulled.
    __server_fields__: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    owner_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


@event.listens_for(Base, "init", propagate=True)
def _assign_id(target: Base, _args: Any, kwargs: dict[str, Any]) -> None:
    """A synced record has its UUID from the moment it is made, before any flush."""
    if isinstance(target, SyncMixin):
        kwargs.setdefault("id", new_id())
        kwargs.setdefault("version", 0)
        kwargs.setdefault("deleted", False)


SYNC_META_FIELDS = frozenset({"id", "version", "updated_at", "deleted", "owner_id"})


class Company(SyncMixin, Base):
    __tablename__ = "company"
    __entity__ = "company"

    cvr: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    employees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    focus_area: Mapped[str] = mapped_column(String(40), default=FocusArea.OTHER.value)
    industry: Mapped[str] = mapped_column(String(200), default="")
    is_knowledge_institution: Mapped[bool] = mapped_column(Boolean, default=False)
    website: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # --- effects: the baseline year of the effect measurement; None: automatic (domain/effects.py)
    baseline_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # --- broker: archived companies leave the register's list (issue 20, item 1)
    # (the database default is 0004_archive's, which added the column to existing rows)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


class Contact(SyncMixin, Base):
    """A person: personal data (GDPR). Erasure anonymises, the record stays for its links."""

    __tablename__ = "contact"
    __entity__ = "contact"

    company_id: Mapped[str] = mapped_column(ForeignKey("company.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    consent_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    anonymized: Mapped[bool] = mapped_column(Boolean, default=False)


class Network(SyncMixin, Base):
    __tablename__ = "network"
    __entity__ = "network"

    name: Mapped[str] = mapped_column(String(200))
    network_type: Mapped[str] = mapped_column(String(40), default="")
    core_task: Mapped[str] = mapped_column(Text, default="")  # Hvad
    participants_text: Mapped[str] = mapped_column(Text, default="")  # Hvem
    goals: Mapped[str] = mapped_column(Text, default="")  # Hvorfor, for the network
    terms: Mapped[str] = mapped_column(Text, default="")  # Hvordan
    lead_source: Mapped[str] = mapped_column(String(40), default="")
    stage: Mapped[str] = mapped_column(String(20), default=Stage.CANDIDATE.value, index=True)
    stage_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Every move, oldest first: [{"stage": ..., "at": ISO 8601 UTC}] (domain.stages.with_move).
    # (the database default is 0002_stage_history's, which added the column to existing rows)
    stage_history: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, server_default="[]")
    facilitation_opened_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closed_reason: Mapped[str] = mapped_column(String(40), default="")
    closed_reason_text: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    stage_3_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    stage_3_evidence: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Membership(SyncMixin, Base):
    __tablename__ = "membership"
    __entity__ = "membership"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("company.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=MemberRole.MEMBER.value)
    goals: Mapped[str] = mapped_column(Text, default="")  # Hvorfor, for this participant


class Screening(SyncMixin, Base):
    __tablename__ = "screening"
    __entity__ = "screening"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    form_id: Mapped[str] = mapped_column(String(80))
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default=ScreeningStatus.DRAFT.value)
    verdict: Mapped[str] = mapped_column(String(20), default="")  # "" (none yet) or a Verdict
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    finalized_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # --- retention (0006_retention): set from domain/retention.py, the server's value wins
    keep_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Meeting(SyncMixin, Base):
    __tablename__ = "meeting"
    __entity__ = "meeting"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(40), default=MeetingKind.OTHER.value)
    place: Mapped[str] = mapped_column(String(200), default="")
    participant_contact_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_participants: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    # [{"text": ..., "owner": ..., "due": "YYYY-MM-DD", "done": bool}]
    next_steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    dimensions: Mapped[list[str]] = mapped_column(JSON, default=list)  # GustavssonDimension values
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    estimated_cost_ore: Mapped[int] = mapped_column(Integer, default=0)
    keep_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Expense(SyncMixin, Base):
    __tablename__ = "expense"
    __entity__ = "expense"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    spent_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(40), default=ExpenseCategory.OTHER.value)
    description: Mapped[str] = mapped_column(Text, default="")
    amount_ore: Mapped[int] = mapped_column(Integer)
    receipt_sha256: Mapped[str] = mapped_column(String(64), default="")
    receipt_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default=ExpenseStatus.FINAL.value)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    keep_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Application(SyncMixin, Base):
    __tablename__ = "application"
    __entity__ = "application"
    __server_fields__ = frozenset({"decision", "decision_comment", "decided_at", "bonus_ore"})

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    market_perspective: Mapped[str] = mapped_column(Text, default="")
    economic_perspective: Mapped[str] = mapped_column(Text, default="")
    technology_perspective: Mapped[str] = mapped_column(Text, default="")
    strategy_perspective: Mapped[str] = mapped_column(Text, default="")
    # {company_id: {"turnover_ore":..,"turnover_pct":..,"value_added_ore":..,...}}
    expected_growth: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    consultant_name: Mapped[str] = mapped_column(String(200), default="")
    consultant_firm: Mapped[str] = mapped_column(String(200), default="")
    consultant_by_vaeksthus: Mapped[bool] = mapped_column(Boolean, default=False)
    consultant_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hourly_rate_ore: Mapped[int | None] = mapped_column(Integer, nullable=True)
    period_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    split_mode: Mapped[str] = mapped_column(String(10), default=SplitMode.EQUAL.value)
    split_basis_points: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # {company_id: bp}
    status: Mapped[str] = mapped_column(String(12), default=ApplicationStatus.DRAFT.value)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decision: Mapped[str] = mapped_column(String(12), default="")  # "" (none yet) or a Decision
    decision_comment: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    bonus_ore: Mapped[int] = mapped_column(Integer, default=0)
    keep_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class ActionPlan(SyncMixin, Base):
    __tablename__ = "action_plan"
    __entity__ = "action_plan"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    application_id: Mapped[str | None] = mapped_column(ForeignKey("application.id"), nullable=True)
    elements: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)  # ActionPlanElement values
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class EffectMeasurement(SyncMixin, Base):
    __tablename__ = "effect_measurement"
    __entity__ = "effect_measurement"

    company_id: Mapped[str] = mapped_column(ForeignKey("company.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    turnover_ore: Mapped[int | None] = mapped_column(Integer, nullable=True)
    value_added_ore: Mapped[int | None] = mapped_column(Integer, nullable=True)
    export_ore: Mapped[int | None] = mapped_column(Integer, nullable=True)
    employees: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Satisfaction(SyncMixin, Base):
    __tablename__ = "satisfaction"
    __entity__ = "satisfaction"

    company_id: Mapped[str] = mapped_column(ForeignKey("company.id"), index=True)
    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    score: Mapped[int] = mapped_column(Integer)  # 1-5
    comment: Mapped[str] = mapped_column(Text, default="")
    # --- survey (0004_survey): a SurveyOccasion ("" for an answer from before), who answered, when
    occasion: Mapped[str] = mapped_column(String(20), default="", server_default="")
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), nullable=True, index=True)
    answered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # --- end survey


# --- followup
class FollowUp(SyncMixin, Base):
    """Væksthus' follow-up on a network: a caseworker's record (store 0004), read-only to brokers."""

    __tablename__ = "follow_up"
    __entity__ = "follow_up"
    __server_fields__ = frozenset({"caseworker_name"})

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default=FollowUpKind.GUIDANCE.value)  # a FollowUpKind
    offered: Mapped[str] = mapped_column(Text, default="")
    next_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # The caseworker's name as the server has it (set by the server from the pushing account).
    caseworker_name: Mapped[str] = mapped_column(String(200), default="")


SYNCED: dict[str, type[SyncMixin]] = {
    cls.__entity__: cls
    for cls in (
        Company,
        Contact,
        Network,
        Membership,
        Screening,
        Meeting,
        Expense,
        Application,
        ActionPlan,
        EffectMeasurement,
        Satisfaction,
        FollowUp,  # --- followup
    )
}

# --- retention: keep_until is the server's (domain/sync_contract.SERVER_FIELDS): never pushed, set
# locally on save by store/retention.py with the same rule the server uses, replaced by pull.
for _retained in (Screening, Meeting, Expense, Application):
    _retained.__server_fields__ = _retained.__server_fields__ | {"keep_until"}
# --- end retention


class OutboxEntry(Base):
    """A local change waiting for the server. Written in the same transaction as the change."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # pending: not yet answered; conflict/rejected: answered, waits for the broker
    status: Mapped[str] = mapped_column(String(10), default=OutboxStatus.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    server_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    __table_args__ = (Index("ix_outbox_entity_record", "entity", "record_id"),)


class LocalState(Base):
    """Small key/value facts about this profile: client id, sync checkpoint, last sync, server."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Blob(Base):
    """An attachment stored in the profile under its SHA-256; ``uploaded`` once the server has it."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # --- receipts: a reduced photo's original, kept in ``bilag/originaler/`` until the reduced one
    # is uploaded ("" when none is kept), or for good when the broker chose "Behold original"
    original_suffix: Mapped[str] = mapped_column(String(16), default="", server_default="")
    keep_original: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
