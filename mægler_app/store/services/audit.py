"""What a network's audit file holds (issue 22, item 3), read from the store as plain values.

``reports.audit_file`` writes the ZIP from this: it renders the documents with the existing reports
and copies the receipts out of the profile's blob store. Works the same on a broker's profile and
on a caseworker's (who sees the broker's network read-only): nothing here changes a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ...domain.audit import AuditKind, keep_until
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.stages import Move, Stage, moves
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.vocab import Role, ScreeningStatus
from ..db import Store
from ..models import Application, Expense, Meeting, Network, Screening
from . import action_plans, expenses
from .blobs import BlobError, blob_path
from .desk import people, person_name
from .overview import broker_name, profile_role


@dataclass(frozen=True)
class ScreeningItem:
    id: str
    final: bool
    verdict: str
    day: dt.date
    form_version: int
    keep_until: dt.date | None


@dataclass(frozen=True)
class MeetingItem:
    id: str
    starts_at: dt.datetime
    kind: str
    keep_until: dt.date | None


@dataclass(frozen=True)
class ReceiptItem:
    """One expense's receipt: ``source`` is the file in the profile, None when it is not there yet
    (attached on another laptop and not downloaded at a sync): the index lists it as missing."""

    expense_id: str
    spent_on: dt.date
    description: str
    amount_ore: int
    name: str
    sha256: str
    source: Path | None
    keep_until: dt.date | None


@dataclass(frozen=True)
class ApplicationItem:
    id: str
    revision: int
    status: str
    day: dt.date
    decided_at: dt.datetime | None
    keep_until: dt.date | None


@dataclass(frozen=True)
class AuditSource:
    network_id: str
    network_name: str
    broker: str
    stage: Stage
    made_at: dt.datetime
    made_by_caseworker: bool
    screenings: list[ScreeningItem]
    meetings: list[MeetingItem]
    expense_keep_until: list[dt.date | None]  # one per live expense (the report's parts)
    expense_count: int
    receipts: list[ReceiptItem]
    applications: list[ApplicationItem]
    action_plan: action_plans.ActionPlanInfo | None
    stage_moves: list[Move]
    facilitation_opened_on: dt.date | None
    stage_3_on: dt.date | None
    stage_3_evidence: str
    closed_on: dt.date | None
    closed_reason: str
    closed_reason_text: str

    @property
    def missing_receipts(self) -> list[ReceiptItem]:
        return [r for r in self.receipts if r.source is None]


def network_broker(store: Store, network: Network) -> str:
    """The broker the documents name: on a caseworker's profile the network's owner, else the
    profile's own broker name (as ``desk.application_broker`` does for one application)."""
    if profile_role(store) != Role.CASEWORKER:
        return broker_name(store)
    return person_name(people(store), network.owner_id)


def _day(value: dt.datetime) -> dt.date:
    return ensure_utc(value).astimezone().date()


def _receipt_source(store: Store, sha256: str) -> Path | None:
    try:
        path = blob_path(store, sha256)
    except BlobError:
        return None
    return path if path.is_file() else None


def audit_source(store: Store, network_id: str, now: dt.datetime | None = None) -> AuditSource:
    """Everything the audit file of ``network_id`` holds; raises ``DomainError`` for a network that
    does not exist (or is deleted)."""
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None or network.deleted:
            raise DomainError(Msg.NETWORK_NOT_FOUND())
        broker = network_broker(store, network)
        screenings = [
            ScreeningItem(
                id=sc.id,
                final=sc.status == ScreeningStatus.FINAL,
                verdict=sc.verdict or "",
                day=_day(sc.finalized_at or sc.updated_at),
                form_version=sc.form_version,
                # screenings carry a keep-until date once the retention rule lands (issue 21)
                keep_until=keep_until(AuditKind.SCREENING, getattr(sc, "keep_until", None)),
            )
            for sc in s.scalars(
                select(Screening)
                .where(Screening.network_id == network_id, Screening.deleted.is_(False))
                .order_by(Screening.updated_at)
            )
        ]
        # Minutes of the meetings held; a planned meeting has none yet.
        meetings = [
            MeetingItem(m.id, ensure_utc(m.starts_at), m.kind, keep_until(AuditKind.MINUTES, m.keep_until))
            for m in s.scalars(
                select(Meeting)
                .where(
                    Meeting.network_id == network_id, Meeting.deleted.is_(False), Meeting.planned.is_(False)
                )
                .order_by(Meeting.starts_at)
            )
        ]
        kept = {
            e.id: keep_until(AuditKind.RECEIPT, e.keep_until)
            for e in s.scalars(
                select(Expense).where(Expense.network_id == network_id, Expense.deleted.is_(False))
            )
        }
        applications = [
            ApplicationItem(
                id=a.id,
                revision=a.revision,
                status=a.status,
                day=_day(a.submitted_at or a.updated_at),
                decided_at=a.decided_at,
                keep_until=keep_until(AuditKind.APPLICATION, a.keep_until),
            )
            for a in s.scalars(
                select(Application)
                .where(Application.network_id == network_id, Application.deleted.is_(False))
                .order_by(Application.revision)
            )
        ]
        facts = (
            network.name,
            Stage(network.stage),
            moves(network.stage_history),
            network.facilitation_opened_on,
            network.stage_3_on,
            network.stage_3_evidence or "",
            network.closed_on,
            network.closed_reason or "",
            network.closed_reason_text or "",
        )
    rows = expenses.list_expenses(store, network_id)
    receipts = [
        ReceiptItem(
            expense_id=e.id,
            spent_on=e.spent_on,
            description=e.description,
            amount_ore=e.amount_ore,
            name=e.receipt_name,
            sha256=e.receipt_sha256,
            source=_receipt_source(store, e.receipt_sha256),
            keep_until=kept.get(e.id),
        )
        for e in rows
        if e.receipt_sha256
    ]
    name, stage, stage_moves, opened, s3_on, s3_evidence, closed_on, reason, reason_text = facts
    return AuditSource(
        network_id=network_id,
        network_name=name,
        broker=broker,
        stage=stage,
        made_at=now or utcnow(),
        made_by_caseworker=profile_role(store) == Role.CASEWORKER,
        screenings=screenings,
        meetings=meetings,
        expense_keep_until=[kept.get(e.id) for e in rows],
        expense_count=len(rows),
        receipts=receipts,
        applications=applications,
        action_plan=action_plans.get_action_plan(store, network_id),
        stage_moves=stage_moves,
        facilitation_opened_on=opened,
        stage_3_on=s3_on,
        stage_3_evidence=s3_evidence,
        closed_on=closed_on,
        closed_reason=reason,
        closed_reason_text=reason_text,
    )
