"""The rules of a facilitation expense and of a network's budget (seed 3. Indhold, pkt. 4; issue 5).

Pure functions over what the store loads: the expense as typed and the facts around it (the
network's frame dates, what is already spent and committed). ``store/services/expenses.py`` loads
those, calls these and saves; the server checks the frame again on push (DESIGN §5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .messages import Message, Msg
from .rules import EXPENSE_CATEGORIES, FACILITATION_FRAME_ORE, BudgetLevel, budget_level
from .validation import BudgetCheck, check_amount, receipt_problem, receipt_required
from .vocab import ExpenseStatus


def expense_errors(
    *, amount_ore: int | None, category: str, description: str, meeting_in_network: bool, receipt_stored: bool
) -> list[Message]:
    """Why an expense cannot be saved as typed: its amount, category and description, a meeting of
    another network, a receipt file that is not in the profile. Empty: it can."""
    errors = list(check_amount(amount_ore))
    if category not in EXPENSE_CATEGORIES:
        errors.append(Msg.EXPENSE_CATEGORY_UNKNOWN(category=category))
    missing = description_problem(description)
    if missing is not None:
        errors.append(missing)
    if not meeting_in_network:
        errors.append(Msg.EXPENSE_MEETING_OTHER_NETWORK())
    if not receipt_stored:
        errors.append(Msg.EXPENSE_RECEIPT_NOT_STORED())
    return errors


def description_problem(description: object) -> Message | None:
    """An expense says what it paid for (the laptop's editor and the server's push, the same rule)."""
    if isinstance(description, str) and description.strip():
        return None
    return Msg.EXPENSE_DESCRIPTION_MISSING()


def expense_date_warnings(
    spent_on: dt.date, opened: dt.date | None, closed: dt.date | None, today: dt.date
) -> list[Message]:
    """What to point out about an expense's date against the frame: not opened yet, before the screening
    was passed, after the network closed, or in the future (a day's grace for time zones)."""
    out: list[Message] = []
    if opened is None:
        out.append(Msg.EXPENSE_FRAME_NOT_OPENED())
    elif spent_on < opened:
        out.append(Msg.EXPENSE_BEFORE_SCREENING_PASSED(d=spent_on, opened=opened))
    if closed is not None and spent_on > closed:
        out.append(Msg.EXPENSE_AFTER_CLOSED(d=spent_on, closed=closed))
    if spent_on > today + dt.timedelta(days=1):
        out.append(Msg.EXPENSE_IN_FUTURE(d=spent_on))
    return out


@dataclass(frozen=True)
class ExpenseBudget:
    """What the frame says about a valid expense: the status it is saved with, whether it needs an
    override reason, the frame's message, and further warnings (no receipt, planned meetings)."""

    status: ExpenseStatus
    exceeds_frame: bool
    budget_message: Message | None
    warnings: list[Message] = field(default_factory=list)


def expense_budget(
    amount_ore: int,
    *,
    has_receipt: bool,
    spent_ore: int,
    committed_ore: int,
    frame_ore: int = FACILITATION_FRAME_ORE,
) -> ExpenseBudget:
    """An expense of ``amount_ore`` against the frame, ``spent_ore`` being every other live expense
    (drafts too: a draft becomes final as soon as its receipt arrives) and ``committed_ore`` what the
    planned meetings are expected to cost. Without a receipt where one is required it stays a draft."""
    warnings: list[Message] = []
    status = ExpenseStatus.FINAL
    receipt = receipt_problem(amount_ore, has_receipt)
    if receipt is not None:
        status = ExpenseStatus.DRAFT
        warnings.append(receipt)
    check = BudgetCheck(spent_ore=spent_ore, new_ore=amount_ore, frame_ore=frame_ore)
    if not check.exceeds:
        planned = check.planned_message(committed_ore)
        if planned is not None:
            warnings.append(planned)
    return ExpenseBudget(status, check.exceeds, check.message(), warnings)


def budget_warning(spent_ore: int, committed_ore: int, frame_ore: int) -> Message | None:
    """A network's budget when it needs attention: spent over the frame, spent and committed over it,
    or from the warning share on (whole percent, rounded down); None when it is fine."""
    used = spent_ore + committed_ore
    level = budget_level(used, frame_ore)
    if spent_ore > frame_ore:
        return Msg.BUDGET_SPENT_OVER_FRAME(spent=spent_ore, over=spent_ore - frame_ore, frame=frame_ore)
    if level == BudgetLevel.OVER:
        return Msg.BUDGET_USED_AND_PLANNED_OVER_FRAME(used=used, frame=frame_ore, over=used - frame_ore)
    if level == BudgetLevel.WARN:
        permille = used * 1000 // frame_ore if frame_ore > 0 else 0
        return Msg.BUDGET_USED_OR_PLANNED(used=permille // 10 * 100, remaining=frame_ore - used)
    return None


# --- plain values of the expenses, as the lists show them and the report prints them (issue 24)
@dataclass(frozen=True)
class ExpenseRow:
    id: str
    network_id: str
    network: str
    spent_on: dt.date
    category: str
    description: str
    amount_ore: int
    meeting_id: str | None
    meeting: str
    receipt_sha256: str
    receipt_name: str
    status: str
    override_reason: str
    keep_until: dt.date | None = None  # --- retention

    @property
    def category_label(self) -> str:
        return EXPENSE_CATEGORIES.get(self.category, self.category)

    @property
    def flagged(self) -> bool:
        return bool(self.override_reason)

    @property
    def missing_receipt(self) -> bool:
        return receipt_required(self.amount_ore) and not self.receipt_sha256


@dataclass(frozen=True)
class Budget:
    network_id: str
    network: str
    frame_ore: int
    spent_ore: int
    committed_ore: int
    draft_ore: int  # drafts waiting for a receipt: not spent yet, shown apart
    opened_on: dt.date | None
    closed_on: dt.date | None
    flagged: int  # expenses booked over the frame with a reason

    @property
    def remaining_ore(self) -> int:
        return self.frame_ore - self.spent_ore - self.committed_ore

    @property
    def used_permille(self) -> int:
        """Spent and committed as a share of the frame, in per mille (rounded down)."""
        if self.frame_ore <= 0:
            return 0
        return (self.spent_ore + self.committed_ore) * 1000 // self.frame_ore

    @property
    def level(self) -> BudgetLevel:
        return budget_level(self.spent_ore + self.committed_ore, self.frame_ore)

    @property
    def warn(self) -> bool:
        """From the warning share of the frame on (over it too)."""
        return self.level != BudgetLevel.OK

    @property
    def over(self) -> bool:
        return self.level == BudgetLevel.OVER

    def warning(self) -> str:
        """The Danish sentence when the budget needs attention, else ''."""
        message = self.warning_message()
        return str(message) if message is not None else ""

    def warning_message(self) -> Message | None:
        return budget_warning(self.spent_ore, self.committed_ore, self.frame_ore)


@dataclass(frozen=True)
class ExpenseReportData:
    """Everything the expense report (PDF and CSV) needs, as plain values."""

    budget: Budget
    expenses: list[ExpenseRow]
    made_on: dt.date
    broker: str = ""
