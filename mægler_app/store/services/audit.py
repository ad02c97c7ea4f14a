"""What a network's audit file holds (issue 22, item 3), read from the store as plain values.

``reports.audit_file`` writes the ZIP from this: it renders the documents with the existing reports
and copies the receipts out of the profile's blob store. Works the same on a broker's profile and
on a caseworker's (who sees the broker's network read-only): nothing here changes a record.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path

from sqlalchemy import select

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.audit import ApplicationItem as ApplicationItem
from ...domain.audit import AuditKind, keep_until, safe_member_name
from ...domain.audit import AuditSource as AuditSource
from ...domain.audit import MeetingItem as MeetingItem
from ...domain.audit import ReceiptItem as ReceiptItem
from ...domain.audit import ScreeningItem as ScreeningItem
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.report_data import ApplicationReport, AuditFileData
from ...domain.stages import Stage, moves
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.vocab import Role, ScreeningStatus
from ..db import Store
from ..models import Application, Expense, Meeting, Network, Screening
from . import action_plans, expenses
from .blobs import BlobError, blob_info, blob_path
from .desk import people, person_name
from .overview import broker_name, profile_role


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


def _receipt_name(store: Store, r: ReceiptItem) -> str:
    """The receipt's name in the ZIP: its day and its name, with an extension from its type when
    the name has none."""
    name = r.name or "kvittering"
    if not Path(name).suffix:
        info = blob_info(store, r.sha256)
        ext = mimetypes.guess_extension(info.mime) if info is not None else None
        name += ext or ""
    return safe_member_name(f"{r.spent_on.isoformat()}-{name}", "kvittering")


def audit_file_data(store: Store, network_id: str, now: dt.datetime | None = None) -> AuditFileData:
    """Everything ``reports.audit_file`` writes into the audit ZIP of ``network_id``: the source and
    each document's plain data, every document naming the network's broker."""
    from . import applications, expenses, meetings, screening
    from .effects import network_effects

    src = audit_source(store, network_id, now)
    registry = screening.registry_for(store)
    measured = (
        {m.company_id: m.effects for m in network_effects(store, network_id)} if src.applications else {}
    )
    today = dt.date.today()
    return AuditFileData(
        source=src,
        screenings={
            sc.id: screening.screening_report_data(store, sc.id, registry, broker=src.broker)
            for sc in src.screenings
        },
        meetings={m.id: meetings.meeting_report_data(store, m.id, src.broker) for m in src.meetings},
        expenses=expenses.expense_report_data(store, network_id, src.broker),
        applications={
            a.id: ApplicationReport(applications.get_application(store, a.id), src.broker, today, measured)
            for a in src.applications
        },
        receipt_names={r.expense_id: _receipt_name(store, r) for r in src.receipts if r.source is not None},
    )
