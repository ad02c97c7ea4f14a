"""Facilitation expenses and the 25.000 kr. budget per network (seed 3. Indhold, pkt. 4; issue 5).

The rules come from ``domain.expenses``: what an expense needs, its date against the frame, the
frame with its 80 % warning (``domain.rules.budget_level``), the receipt limit; this module loads,
calls them and saves. Spent is the sum of a network's *final* expenses; committed is what planned
meetings are expected to cost beyond what has already been booked on them; remaining is the frame
less both. Whether a new expense fits the frame is judged on final *and* draft expenses, as the
server judges it again on push (DESIGN.md §5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.changes import Changes, changing
from ...domain.errors import DomainError

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.expenses import Budget as Budget
from ...domain.expenses import ExpenseReportData as ExpenseReportData
from ...domain.expenses import ExpenseRow as ExpenseRow
from ...domain.expenses import expense_budget, expense_date_warnings, expense_errors
from ...domain.messages import Msg
from ...domain.numbers import format_date
from ...domain.rules import FACILITATION_FRAME_ORE
from ...domain.timeutil import utcnow
from ...domain.vocab import ExpenseCategory, ExpenseStatus
from ...domain.vocab import label as vocab_label
from ..db import Store
from ..models import Blob, Expense, Meeting, Network
from .overview import broker_name
from .queries import live_with_network_name

DRAFT = ExpenseStatus.DRAFT
FINAL = ExpenseStatus.FINAL


class ExpenseError(DomainError):
    pass


class BudgetExceededError(ExpenseError):
    """The expense takes the network past its frame and no override reason was given."""


@dataclass
class ExpenseInput:
    network_id: str
    spent_on: dt.date
    amount_ore: int
    category: str = ExpenseCategory.OTHER
    description: str = ""
    meeting_id: str | None = None
    receipt_sha256: str = ""
    receipt_name: str = ""
    override_reason: str = ""


@dataclass
class ExpenseCheck:
    """What saving this expense would mean, for the form to show as the broker types."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    exceeds_frame: bool = False  # needs an override reason
    status: str = FINAL  # what it would be saved as
    budget_message: str = ""

    @property
    def blocked(self) -> bool:
        return bool(self.errors)


@dataclass(frozen=True)
class SavedExpense:
    id: str
    status: str
    flagged: bool  # saved over the frame with a reason: Væksthus sees it
    warnings: list[str]


@dataclass(frozen=True)
class BurnPoint:
    day: dt.date
    remaining_ore: int
    label: str = ""


@dataclass(frozen=True)
class BurnDown:
    frame_ore: int
    actual: list[BurnPoint]  # remaining after each day with final expenses, from the opening day
    planned: list[BurnPoint]  # from today on, remaining after each planned meeting's estimate


@dataclass(frozen=True)
class BrokerTotals:
    spent_ore: int
    committed_ore: int
    frames_ore: int  # networks whose facilitation frame is open
    networks: list[Budget]
    flagged: int


# --- rules --------------------------------------------------------------------------------------


def _spent(s: Session, network_id: str, exclude_id: str | None = None, *, drafts: bool = False) -> int:
    q = select(func.coalesce(func.sum(Expense.amount_ore), 0)).where(
        Expense.network_id == network_id,
        Expense.deleted.is_(False),
        Expense.status.in_((FINAL, DRAFT)) if drafts else Expense.status == FINAL,
    )
    if exclude_id is not None:
        q = q.where(Expense.id != exclude_id)
    return int(s.scalar(q) or 0)


def _booked_on(s: Session, network_id: str, meeting_ids: list[str]) -> dict[str, int]:
    """The final expenses booked on each of these meetings of the network, summed."""
    if not meeting_ids:
        return {}
    rows = s.execute(
        select(Expense.meeting_id, func.sum(Expense.amount_ore))
        .where(
            # the network's own expenses (an expense's meeting is of its network, _check): the
            # network's index is used, where the meeting's (none) would read every expense
            Expense.network_id == network_id,
            Expense.meeting_id.in_(meeting_ids),
            Expense.deleted.is_(False),
            Expense.status == FINAL,
        )
        .group_by(Expense.meeting_id)
    ).all()
    return {str(mid): int(total or 0) for mid, total in rows}


def _committed(s: Session, network_id: str) -> int:
    planned = s.execute(
        select(Meeting.id, Meeting.estimated_cost_ore).where(
            Meeting.network_id == network_id, Meeting.deleted.is_(False), Meeting.planned.is_(True)
        )
    ).all()
    if not planned:
        return 0
    booked = _booked_on(s, network_id, [p[0] for p in planned])
    # What is already booked on a planned meeting counts as spent, so only the rest is committed.
    return sum(max(0, int(est or 0) - int(booked.get(mid, 0))) for mid, est in planned)


def _check(s: Session, inp: ExpenseInput, expense_id: str | None) -> ExpenseCheck:
    out = ExpenseCheck()
    network = s.get(Network, inp.network_id)
    if network is None or network.deleted:
        out.errors.append(str(Msg.NETWORK_NOT_FOUND()))
        return out
    meeting_in_network = True
    if inp.meeting_id:
        meeting = s.get(Meeting, inp.meeting_id)
        meeting_in_network = (
            meeting is not None and not meeting.deleted and meeting.network_id == inp.network_id
        )
    receipt_stored = True
    if inp.receipt_sha256 and s.get(Blob, inp.receipt_sha256) is None:
        # A receipt attached on another computer arrives by sync before its file does: keep it.
        stored = s.get(Expense, expense_id) if expense_id else None
        receipt_stored = stored is not None and stored.receipt_sha256 == inp.receipt_sha256
    errors = expense_errors(
        amount_ore=inp.amount_ore,
        category=inp.category,
        description=inp.description,
        meeting_in_network=meeting_in_network,
        receipt_stored=receipt_stored,
    )
    out.errors += [str(m) for m in errors]
    dates = expense_date_warnings(
        inp.spent_on, network.facilitation_opened_on, network.closed_on, utcnow().date()
    )
    out.warnings += [str(m) for m in dates]
    if out.errors:
        return out
    # The frame counts drafts too, this one and the others (domain.expenses.expense_budget); the
    # server counts every live expense the same way (DESIGN §5), so what passes here passes there.
    budget = expense_budget(
        inp.amount_ore,
        has_receipt=bool(inp.receipt_sha256),
        spent_ore=_spent(s, inp.network_id, expense_id, drafts=True),
        committed_ore=_committed(s, inp.network_id),
    )
    out.status = budget.status
    out.exceeds_frame = budget.exceeds_frame
    out.budget_message = str(budget.budget_message) if budget.budget_message is not None else ""
    out.warnings += [str(m) for m in budget.warnings]
    return out


def check_expense(store: Store, inp: ExpenseInput, expense_id: str | None = None) -> ExpenseCheck:
    """What would happen if this expense were saved (errors, warnings, draft, over the frame)."""
    with store.session() as s:
        return _check(s, inp, expense_id)


@changing(of=lambda saved: Changes.of("expense", saved.id))
def save_expense(store: Store, inp: ExpenseInput, expense_id: str | None = None) -> SavedExpense:
    """Create or update an expense, applying the budget and receipt rules.

    Raises ExpenseError for bad input and BudgetExceededError when the expense takes the network past
    its frame without an override reason. An override reason is kept only on an expense that needs it.
    """
    with store.session() as s:
        chk = _check(s, inp, expense_id)
        if chk.errors:
            raise ExpenseError(" ".join(chk.errors))
        reason = inp.override_reason.strip()
        if chk.exceeds_frame and not reason:
            raise BudgetExceededError(chk.budget_message)
        if not chk.exceeds_frame:
            reason = ""
        values = dict(
            spent_on=inp.spent_on,
            category=inp.category,
            description=inp.description.strip(),
            amount_ore=int(inp.amount_ore),
            meeting_id=inp.meeting_id or None,
            receipt_sha256=inp.receipt_sha256,
            receipt_name=inp.receipt_name if inp.receipt_sha256 else "",
            status=chk.status,
            override_reason=reason,
        )
        if expense_id is None:
            expense = Expense(network_id=inp.network_id, **values)
            s.add(expense)
        else:
            found = s.get(Expense, expense_id)
            if found is None or found.deleted:
                raise ExpenseError(Msg.EXPENSE_NOT_FOUND())
            if found.network_id != inp.network_id:
                raise ExpenseError(Msg.EXPENSE_OTHER_NETWORK())
            expense = found
            for key, value in values.items():
                if getattr(expense, key) != value:
                    setattr(expense, key, value)
        warnings = list(chk.warnings)
        if chk.budget_message and not chk.exceeds_frame:
            warnings.append(chk.budget_message)
        return SavedExpense(expense.id, chk.status, bool(reason), warnings)


@changing("expense")
def delete_expense(store: Store, expense_id: str) -> None:
    with store.session() as s:
        expense = s.get(Expense, expense_id)
        if expense is not None and not expense.deleted:
            expense.deleted = True


def get_expense(store: Store, expense_id: str) -> ExpenseRow:
    rows = _rows(store, expense_id=expense_id)
    if not rows:
        raise ExpenseError(Msg.EXPENSE_NOT_FOUND())
    return rows[0]


def _rows(store: Store, *, network_id: str | None = None, expense_id: str | None = None) -> list[ExpenseRow]:
    with store.session() as s:
        q = live_with_network_name(Expense, network_id)
        if expense_id is not None:
            q = q.where(Expense.id == expense_id)
        found = s.execute(q.order_by(Expense.spent_on, Expense.updated_at)).all()
        meeting_ids = {e.meeting_id for e, _ in found if e.meeting_id}
        meetings = {
            m.id: m
            for m in (
                s.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))).all() if meeting_ids else []
            )
        }
        out = []
        for e, name in found:
            m = meetings.get(e.meeting_id or "")
            out.append(
                ExpenseRow(
                    id=e.id,
                    network_id=e.network_id,
                    network=name,
                    spent_on=e.spent_on,
                    category=e.category,
                    description=e.description,
                    amount_ore=e.amount_ore,
                    meeting_id=e.meeting_id,
                    meeting=meeting_label(m.starts_at, m.kind) if m is not None and not m.deleted else "",
                    receipt_sha256=e.receipt_sha256,
                    receipt_name=e.receipt_name,
                    status=e.status,
                    override_reason=e.override_reason,
                    keep_until=e.keep_until,  # --- retention
                )
            )
    return out


def meeting_label(starts_at: dt.datetime, kind: str) -> str:
    return f"{format_date(starts_at)}: {vocab_label('meeting_kind', kind)}"


def list_expenses(store: Store, network_id: str | None = None) -> list[ExpenseRow]:
    """Expenses by date (oldest first); one network's or all."""
    return _rows(store, network_id=network_id)


@dataclass(frozen=True)
class MeetingChoice:
    id: str
    label: str


def meeting_choices(store: Store, network_id: str) -> list[MeetingChoice]:
    """The network's meetings an expense can be linked to, newest first."""
    with store.session() as s:
        rows = s.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.kind)
            .where(Meeting.network_id == network_id, Meeting.deleted.is_(False))
            .order_by(Meeting.starts_at.desc())
        ).all()
    return [MeetingChoice(r[0], meeting_label(r[1], r[2])) for r in rows]


# --- budget -------------------------------------------------------------------------------------


def _budget(s: Session, network: Network) -> Budget:
    draft = s.scalar(
        select(func.coalesce(func.sum(Expense.amount_ore), 0)).where(
            Expense.network_id == network.id, Expense.deleted.is_(False), Expense.status == DRAFT
        )
    )
    flagged = s.scalar(
        select(func.count())
        .select_from(Expense)
        .where(Expense.network_id == network.id, Expense.deleted.is_(False), Expense.override_reason != "")
    )
    return Budget(
        network_id=network.id,
        network=network.name,
        frame_ore=FACILITATION_FRAME_ORE,
        spent_ore=_spent(s, network.id),
        committed_ore=_committed(s, network.id),
        draft_ore=int(draft or 0),
        opened_on=network.facilitation_opened_on,
        closed_on=network.closed_on,
        flagged=int(flagged or 0),
    )


def budget(store: Store, network_id: str) -> Budget:
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None:
            raise ExpenseError(Msg.NETWORK_NOT_FOUND())
        return _budget(s, network)


def _sums_by_network(s: Session, *conditions: Any) -> dict[str, int]:
    rows = s.execute(
        select(Expense.network_id, func.sum(Expense.amount_ore))
        .where(Expense.deleted.is_(False), *conditions)
        .group_by(Expense.network_id)
    ).all()
    return {nid: int(total or 0) for nid, total in rows}


def broker_totals(store: Store) -> BrokerTotals:
    """The broker's facilitation over every network that has a frame or any expense.

    A handful of grouped queries for all networks at once: the view reloads this on every change.
    """
    with store.session() as s:
        spent = _sums_by_network(s, Expense.status == FINAL)
        draft = _sums_by_network(s, Expense.status == DRAFT)
        flagged = dict(
            s.execute(
                select(Expense.network_id, func.count())
                .where(Expense.deleted.is_(False), Expense.override_reason != "")
                .group_by(Expense.network_id)
            ).all()
        )
        with_expenses = set(spent) | set(draft)
        planned = s.execute(
            select(Meeting.id, Meeting.network_id, Meeting.estimated_cost_ore).where(
                Meeting.deleted.is_(False), Meeting.planned.is_(True)
            )
        ).all()
        booked = dict(
            s.execute(
                select(Expense.meeting_id, func.sum(Expense.amount_ore))
                .join(Meeting, Meeting.id == Expense.meeting_id)
                .where(Expense.deleted.is_(False), Expense.status == FINAL, Meeting.planned.is_(True))
                .group_by(Expense.meeting_id)
            ).all()
        )
        committed: dict[str, int] = {}
        for mid, nid, est in planned:
            committed[nid] = committed.get(nid, 0) + max(0, int(est or 0) - int(booked.get(mid, 0)))
        networks = s.execute(
            select(Network.id, Network.name, Network.facilitation_opened_on, Network.closed_on)
            .where(Network.deleted.is_(False))
            .order_by(Network.name)
        ).all()
    budgets = [
        Budget(
            network_id=nid,
            network=name,
            frame_ore=FACILITATION_FRAME_ORE,
            spent_ore=spent.get(nid, 0),
            committed_ore=committed.get(nid, 0),
            draft_ore=draft.get(nid, 0),
            opened_on=opened,
            closed_on=closed,
            flagged=int(flagged.get(nid, 0)),
        )
        for nid, name, opened, closed in networks
        if opened is not None or nid in with_expenses or nid in committed
    ]
    return BrokerTotals(
        spent_ore=sum(b.spent_ore for b in budgets),
        committed_ore=sum(b.committed_ore for b in budgets),
        frames_ore=sum(b.frame_ore for b in budgets if b.opened_on is not None),
        networks=budgets,
        flagged=sum(b.flagged for b in budgets),
    )


def burn_down(store: Store, network_id: str, today: dt.date | None = None) -> BurnDown:
    """Remaining budget over time: booked expenses up to today, planned meetings after it."""
    today = today or utcnow().date()
    with store.session() as s:
        network = s.get(Network, network_id)
        if network is None:
            raise ExpenseError(Msg.NETWORK_NOT_FOUND())
        per_day = s.execute(
            select(Expense.spent_on, func.sum(Expense.amount_ore))
            .where(Expense.network_id == network_id, Expense.deleted.is_(False), Expense.status == FINAL)
            .group_by(Expense.spent_on)
            .order_by(Expense.spent_on)
        ).all()
        planned = s.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.kind, Meeting.estimated_cost_ore)
            .where(
                Meeting.network_id == network_id,
                Meeting.deleted.is_(False),
                Meeting.planned.is_(True),
                Meeting.estimated_cost_ore > 0,
            )
            .order_by(Meeting.starts_at)
        ).all()
        committed_total = _committed(s, network_id)
        booked_on_planned = _booked_on(s, network_id, [p[0] for p in planned])
    frame = FACILITATION_FRAME_ORE
    first = per_day[0][0] if per_day else today
    start = min(network.facilitation_opened_on or first, first)
    actual = [BurnPoint(start, frame, "Rammen åbnet")]
    remaining = frame
    for day, amount in per_day:
        remaining -= int(amount)
        actual.append(BurnPoint(day, remaining))
    last_day = actual[-1].day
    if last_day < today:
        actual.append(BurnPoint(today, remaining, "I dag"))
    projected: list[BurnPoint] = []
    if committed_total:
        projected.append(BurnPoint(max(today, last_day), remaining))
        left = remaining
        for mid, starts_at, kind, est in planned:
            cost = max(0, int(est) - int(booked_on_planned.get(mid, 0)))
            if not cost:
                continue
            left -= cost
            day = max(starts_at.date(), projected[-1].day)
            projected.append(BurnPoint(day, left, meeting_label(starts_at, kind)))
    return BurnDown(frame, actual, projected)


# --- report data ---------------------------------------------------------------------------------


def expense_report_data(store: Store, network_id: str, broker: str | None = None) -> ExpenseReportData:
    """``broker`` defaults to the profile's broker name (overview.broker_name)."""
    return ExpenseReportData(
        budget=budget(store, network_id),
        expenses=list_expenses(store, network_id),
        made_on=utcnow().date(),
        broker=broker_name(store) if broker is None else broker,
    )
