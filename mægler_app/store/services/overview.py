"""Read-only figures and lists for the main window's views (plain rows, no ORM objects leave here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from ...domain.rules import FACILITATION_FRAME_ORE
from ...domain.stages import STAGE_ORDER, Stage
from ..db import Store
from ..models import SYNCED, Application, Company, Expense, LocalState, Meeting, Network, OutboxEntry


@dataclass(frozen=True)
class Overview:
    companies: int
    networks_by_stage: dict[str, int]
    meetings: int
    expenses_ore: int
    frames_ore: int
    applications_by_status: dict[str, int]
    pending_changes: int
    conflicts: int
    rejected: int
    last_sync: str | None


def pending_counts(store: Store) -> tuple[int, int, int]:
    """(pending, conflicts, rejected) outbox entries."""
    with store.session() as s:
        rows = dict(
            s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all()  # type: ignore[arg-type]
        )
    return rows.get("pending", 0), rows.get("conflict", 0), rows.get("rejected", 0)


def get_state(store: Store, key: str, default: object = None) -> object:
    with store.session() as s:
        row = s.get(LocalState, key)
        return default if row is None else row.value


def set_state(store: Store, key: str, value: object) -> None:
    with store.session() as s:
        row = s.get(LocalState, key)
        if row is None:
            s.add(LocalState(key=key, value=value))
        else:
            row.value = value


def overview(store: Store) -> Overview:
    with store.session() as s:
        companies = s.scalar(select(func.count()).select_from(Company).where(Company.deleted.is_(False))) or 0
        by_stage = dict(
            s.execute(
                select(Network.stage, func.count()).where(Network.deleted.is_(False)).group_by(Network.stage)
            ).all()  # type: ignore[arg-type]
        )
        meetings = s.scalar(select(func.count()).select_from(Meeting).where(Meeting.deleted.is_(False))) or 0
        spent = (
            s.scalar(
                select(func.coalesce(func.sum(Expense.amount_ore), 0)).where(
                    Expense.deleted.is_(False), Expense.status == "final"
                )
            )
            or 0
        )
        opened = (
            s.scalar(
                select(func.count())
                .select_from(Network)
                .where(Network.deleted.is_(False), Network.facilitation_opened_on.is_not(None))
            )
            or 0
        )
        apps = dict(
            s.execute(
                select(Application.status, func.count())
                .where(Application.deleted.is_(False))
                .group_by(Application.status)
            ).all()  # type: ignore[arg-type]
        )
        last = s.get(LocalState, "last_sync")
    pending, conflicts, rejected = pending_counts(store)
    return Overview(
        companies=int(companies),
        networks_by_stage={st.value: int(by_stage.get(st.value, 0)) for st in STAGE_ORDER},
        meetings=int(meetings),
        expenses_ore=int(spent),
        frames_ore=int(opened) * FACILITATION_FRAME_ORE,
        applications_by_status={k: int(v) for k, v in apps.items()},
        pending_changes=pending,
        conflicts=conflicts,
        rejected=rejected,
        last_sync=None if last is None else str(last.value),
    )


def live_counts(store: Store) -> dict[str, int]:
    """Live (not deleted) records per entity, for ``maegler status``."""
    out: dict[str, int] = {}
    with store.session() as s:
        for name, cls in SYNCED.items():
            out[name] = int(
                s.scalar(select(func.count()).select_from(cls).where(cls.deleted.is_(False)))  # type: ignore[attr-defined]
                or 0
            )
    return out


@dataclass(frozen=True)
class NetworkRow:
    id: str
    name: str
    network_type: str
    stage: Stage
    members: int
    updated_at: dt.datetime


def list_networks(store: Store) -> list[NetworkRow]:
    from ..models import Membership

    with store.session() as s:
        counts = dict(
            s.execute(
                select(Membership.network_id, func.count())
                .where(Membership.deleted.is_(False))
                .group_by(Membership.network_id)
            ).all()  # type: ignore[arg-type]
        )
        rows = s.execute(
            select(Network.id, Network.name, Network.network_type, Network.stage, Network.updated_at)
            .where(Network.deleted.is_(False))
            .order_by(Network.name)
        ).all()
    return [
        NetworkRow(r.id, r.name, r.network_type, Stage(r.stage), int(counts.get(r.id, 0)), r.updated_at)
        for r in rows
    ]


@dataclass(frozen=True)
class CompanyRow:
    id: str
    cvr: str
    name: str
    city: str
    industry: str
    employees: int | None


def list_companies(store: Store) -> list[CompanyRow]:
    with store.session() as s:
        rows = s.execute(
            select(Company.id, Company.cvr, Company.name, Company.city, Company.industry, Company.employees)
            .where(Company.deleted.is_(False))
            .order_by(Company.name)
        ).all()
    return [CompanyRow(*r) for r in rows]


@dataclass(frozen=True)
class ActivityRow:
    """A meeting or an expense, for the combined log."""

    id: str
    kind: str  # "meeting" | "expense"
    when: dt.date
    network: str
    text: str
    amount_ore: int | None


def list_activity(store: Store) -> list[ActivityRow]:
    with store.session() as s:
        names = dict(s.execute(select(Network.id, Network.name)).all())  # type: ignore[arg-type]
        meetings = s.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.network_id, Meeting.agenda, Meeting.kind).where(
                Meeting.deleted.is_(False)
            )
        ).all()
        expenses = s.execute(
            select(
                Expense.id, Expense.spent_on, Expense.network_id, Expense.description, Expense.amount_ore
            ).where(Expense.deleted.is_(False))
        ).all()
    from ...domain.rules import MEETING_KINDS

    out = [
        ActivityRow(
            m.id,
            "meeting",
            m.starts_at.date(),
            names.get(m.network_id, ""),
            m.agenda or MEETING_KINDS.get(m.kind, ""),
            None,
        )
        for m in meetings
    ]
    out += [
        ActivityRow(e.id, "expense", e.spent_on, names.get(e.network_id, ""), e.description, e.amount_ore)
        for e in expenses
    ]
    out.sort(key=lambda r: r.when, reverse=True)
    return out


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    network: str
    revision: int
    status: str
    hours: int | None
    submitted_at: dt.datetime | None


def list_applications(store: Store) -> list[ApplicationRow]:
    with store.session() as s:
        rows = s.execute(
            select(
                Application.id,
                Network.name,
                Application.revision,
                Application.status,
                Application.consultant_hours,
                Application.submitted_at,
            )
            .join(Network, Network.id == Application.network_id)
            .where(Application.deleted.is_(False))
            .order_by(Network.name, Application.revision)
        ).all()
    return [ApplicationRow(*r) for r in rows]
