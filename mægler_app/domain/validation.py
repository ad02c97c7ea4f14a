"""Rule checks shared by the app (as the broker types) and the server (again, on push)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .numbers import format_kr, format_percent_bp
from .rules import (
    BUDGET_WARNING_FRACTION_PERMILLE,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    EXPERIENCE_GROUP_MIN,
    FACILITATION_FRAME_ORE,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    RECEIPT_REQUIRED_ABOVE_ORE,
    SME_MAX_EMPLOYEES,
    SPLIT_TOTAL_BASIS_POINTS,
    USUAL_MAX_MEMBERS,
    is_sme,
)
from .stages import composition_problems


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_employees(value: int | None) -> Findings:
    f = Findings()
    if value is None:
        return f
    if value < 0:
        f.errors.append("Antal ansatte kan ikke være negativt.")
    elif is_sme(value) is False:
        f.warnings.append(
            f"Virksomheden har {value} ansatte og ligger uden for målgruppen af SMV'er "
            f"(højst {SME_MAX_EMPLOYEES} ansatte, programmets afsnit 4. Målgruppe)."
        )
    return f


def check_network_members(independent: int, knowledge: int) -> Findings:
    f = Findings(errors=[str(p) for p in composition_problems(independent, knowledge)])
    total = independent + knowledge
    if total > USUAL_MAX_MEMBERS:
        size = "en erfa-gruppe" if total >= EXPERIENCE_GROUP_MIN else "mere end et typisk forretningsnetværk"
        f.warnings.append(
            f"Netværket har {total} virksomheder. Et forretningsnetværk er typisk 3–{USUAL_MAX_MEMBERS}; "
            f"dette lyder som {size} snarere end et forretningsnetværk."
        )
    return f


def check_hours(hours: int | None) -> list[str]:
    if hours is None:
        return ["Angiv antal konsulenttimer."]
    if not CONSULTANT_HOURS_MIN <= hours <= CONSULTANT_HOURS_MAX:
        return [
            f"Konsulenttimerne skal være mellem {CONSULTANT_HOURS_MIN} og {CONSULTANT_HOURS_MAX}; "
            f"der står {hours}."
        ]
    return []


def check_months(months: int | None) -> list[str]:
    if months is None:
        return ["Angiv forløbets længde i måneder."]
    if not PERIOD_MONTHS_MIN <= months <= PERIOD_MONTHS_MAX:
        return [
            f"Forløbet skal vare mellem {PERIOD_MONTHS_MIN} og {PERIOD_MONTHS_MAX} måneder; der står {months}."
        ]
    return []


def check_split(basis_points: list[int]) -> list[str]:
    """An allocation key in hundredths of a percent (10.000 = 100 %)."""
    if not basis_points:
        return ["Fordelingsnøglen mangler."]
    if any(b < 0 for b in basis_points):
        return ["En andel i fordelingsnøglen kan ikke være negativ."]
    total = sum(basis_points)
    if total != SPLIT_TOTAL_BASIS_POINTS:
        return [f"Fordelingsnøglen skal give 100 % i alt; den giver {format_percent_bp(total)}."]
    return []


def check_amount(amount_ore: int | None) -> list[str]:
    if amount_ore is None:
        return ["Beløbet mangler."]
    if amount_ore <= 0:
        return ["Beløbet skal være større end 0."]
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
        return self.total_after * 1000 >= self.frame_ore * BUDGET_WARNING_FRACTION_PERMILLE

    def message(self) -> str:
        if self.exceeds:
            return (
                f"Udgiften på {format_kr(self.new_ore)} bringer netværket op på {format_kr(self.total_after)}, "
                f"over rammen på {format_kr(self.frame_ore)} (overskridelse {format_kr(-self.remaining_after)}). "
                "Angiv en begrundelse, hvis udgiften alligevel skal bogføres; den sendes til Væksthus."
            )
        if self.warn:
            return (
                f"Efter denne udgift er {format_kr(self.total_after)} af rammen på {format_kr(self.frame_ore)} "
                f"brugt; der er {format_kr(self.remaining_after)} tilbage."
            )
        return ""


def receipt_required(amount_ore: int) -> bool:
    return amount_ore > RECEIPT_REQUIRED_ABOVE_ORE
