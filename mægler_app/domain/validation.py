"""Rule checks shared by the app (as the broker types) and the server (again, on push)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .messages import Message, Msg
from .rules import (
    ACTION_PLAN_ELEMENTS,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    EXPERIENCE_GROUP_MIN,
    FACILITATION_FRAME_ORE,
    LEAD_SOURCES,
    MIN_INDEPENDENT_COMPANIES,
    NETWORK_TYPES,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    RECEIPT_REQUIRED_ABOVE_ORE,
    SME_MAX_EMPLOYEES,
    SPLIT_TOTAL_BASIS_POINTS,
    USUAL_MAX_MEMBERS,
    BudgetLevel,
    budget_level,
    is_sme,
)
from .stages import composition_problems


@dataclass
class Findings:
    errors: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_employees(value: int | None) -> Findings:
    f = Findings()
    if value is None:
        return f
    if value < 0:
        f.errors.append(Msg.EMPLOYEES_NEGATIVE())
    elif is_sme(value) is False:
        f.warnings.append(Msg.EMPLOYEES_OUTSIDE_TARGET_GROUP(employees=value, maximum=SME_MAX_EMPLOYEES))
    return f


def check_network_members(independent: int, knowledge: int) -> Findings:
    f = Findings(errors=composition_problems(independent, knowledge))
    total = independent + knowledge
    if total > USUAL_MAX_MEMBERS:
        size = (
            Msg.NETWORK_SIZE_EXPERIENCE_GROUP
            if total >= EXPERIENCE_GROUP_MIN
            else Msg.NETWORK_SIZE_ABOVE_USUAL
        )
        f.warnings.append(size(total=total, minimum=MIN_INDEPENDENT_COMPANIES, usual_max=USUAL_MAX_MEMBERS))
    return f


def check_hours(hours: int | None) -> list[Message]:
    if hours is None:
        return [Msg.HOURS_MISSING()]
    if not CONSULTANT_HOURS_MIN <= hours <= CONSULTANT_HOURS_MAX:
        return [
            Msg.HOURS_OUT_OF_RANGE(hours=hours, minimum=CONSULTANT_HOURS_MIN, maximum=CONSULTANT_HOURS_MAX)
        ]
    return []


def check_months(months: int | None) -> list[Message]:
    if months is None:
        return [Msg.MONTHS_MISSING()]
    if not PERIOD_MONTHS_MIN <= months <= PERIOD_MONTHS_MAX:
        return [Msg.MONTHS_OUT_OF_RANGE(months=months, minimum=PERIOD_MONTHS_MIN, maximum=PERIOD_MONTHS_MAX)]
    return []


def check_split(basis_points: list[int]) -> list[Message]:
    """An allocation key in hundredths of a percent (10.000 = 100 %)."""
    if not basis_points:
        return [Msg.SPLIT_MISSING()]
    if any(b < 0 for b in basis_points):
        return [Msg.SPLIT_NEGATIVE()]
    total = sum(basis_points)
    if total != SPLIT_TOTAL_BASIS_POINTS:
        return [Msg.SPLIT_NOT_WHOLE(total=total, expected=SPLIT_TOTAL_BASIS_POINTS)]
    return []


def check_amount(amount_ore: int | None) -> list[Message]:
    if amount_ore is None:
        return [Msg.AMOUNT_MISSING()]
    if amount_ore <= 0:
        return [Msg.AMOUNT_NOT_POSITIVE()]
    return []


@dataclass(frozen=True)
class BudgetCheck:
    spent_ore: int
    new_ore: int
    frame_ore: int = FACILITATION_FRAME_ORE

    @property
    def total_after(self) -> int:
        return self.spent_ore + self.new_ore

    @property
    def exceeds(self) -> bool:
        return self.total_after > self.frame_ore

    @property
    def remaining_after(self) -> int:
        return self.frame_ore - self.total_after

    @property
    def warn(self) -> bool:
        return budget_level(self.total_after, self.frame_ore) != BudgetLevel.OK

    def message(self) -> Message | None:
        """Over the frame (an override reason is needed), nearly used (from 80 %), or None."""
        if self.exceeds:
            return Msg.BUDGET_OVER_FRAME(
                amount=self.new_ore, total=self.total_after, frame=self.frame_ore, over=-self.remaining_after
            )
        if self.warn:
            return Msg.BUDGET_NEARLY_USED(
                total=self.total_after, frame=self.frame_ore, remaining=self.remaining_after
            )
        return None

    def planned_message(self, planned_ore: int) -> Message | None:
        """When the expense stays inside the frame but the planned meetings would take it over."""
        if self.exceeds or not planned_ore or self.total_after + planned_ore <= self.frame_ore:
            return None
        return Msg.BUDGET_PLANNED_OVER_FRAME(
            planned=planned_ore, total=self.total_after + planned_ore, frame=self.frame_ore
        )


def receipt_problem(amount_ore: int, has_receipt: bool) -> Message | None:
    """Above the limit an expense without a receipt is kept as a draft."""
    if receipt_required(amount_ore) and not has_receipt:
        return Msg.RECEIPT_REQUIRED(limit=RECEIPT_REQUIRED_ABOVE_ORE)
    return None


def receipt_required(amount_ore: int) -> bool:
    return amount_ore > RECEIPT_REQUIRED_ABOVE_ORE


NETWORK_NAME_MAX = 200


def check_network_fields(name: str, network_type: str, lead_source: str) -> dict[str, Message]:
    """A network's own fields: the reason per field (sync name) that stops saving it; {} when none."""
    errors: dict[str, Message] = {}
    if not name.strip():
        errors["name"] = Msg.NETWORK_NAME_MISSING()
    elif len(name.strip()) > NETWORK_NAME_MAX:
        errors["name"] = Msg.NETWORK_NAME_TOO_LONG(maximum=NETWORK_NAME_MAX)
    if network_type and network_type not in NETWORK_TYPES:
        errors["network_type"] = Msg.NETWORK_TYPE_UNKNOWN(value=network_type)
    if lead_source and lead_source not in LEAD_SOURCES:
        errors["lead_source"] = Msg.NETWORK_LEAD_SOURCE_UNKNOWN(value=lead_source)
    return errors


def months_between(start: dt.date, end: dt.date) -> int:
    """Calendar months from ``start`` to ``end``, a started month counted when ``end``'s day is reached."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    return months + (1 if end.day >= start.day else 0)


def action_plan_warnings(
    elements: Mapping[str, bool],
    start: dt.date | None,
    end: dt.date | None,
    months: int | None,
    today: dt.date,
) -> list[Message]:
    """What to point out about a followed action plan: a period that does not match the months applied
    for, and elements still missing after its end date."""
    out = []
    if start and end and months:
        span = months_between(start, end)
        if span != months:
            out.append(Msg.UI_PERIOD_SPAN(span=span, months=months))
    missing = [ACTION_PLAN_ELEMENTS.get(k, k) for k, v in elements.items() if not v]
    if missing and end and end < today:
        out.append(Msg.ACTION_PLAN_ENDED_INCOMPLETE(missing=", ".join(missing)))
    return out
