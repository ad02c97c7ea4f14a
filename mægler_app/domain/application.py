"""The action-plan application's rules: its budget and what a draft needs before it is submitted.

Pure functions over the application's fields as they sync (a ``dict`` of JSON values) and the ids
of the network's member companies: the app shows them while the broker drafts, and the server
checks them again when a pushed application goes from draft to submitted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .language import current as current_language
from .messages import Message, Msg
from .money import percent_of, split_by_basis_points
from .rules import COMPANY_SHARE_PERCENT, SPLIT_TOTAL_BASIS_POINTS
from .stages import Stage
from .validation import check_hours, check_months, check_split
from .vocab import ApplicationStatus, SplitMode

PERSPECTIVES: dict[str, tuple[str, str]] = {
    "market_perspective": (
        "Markedsmæssige perspektiver",
        "Nye kunder, salgsmæssige fordele, internationalisering og eksport.",
    ),
    "economic_perspective": (
        "Økonomiske perspektiver",
        "Forventet vækst i omsætning, værditilvækst, eksportomsætning og beskæftigelse.",
    ),
    "technology_perspective": (
        "Teknologiske perspektiver",
        "Nye produkter og nye processer.",
    ),
    "strategy_perspective": (
        "Ledelsesmæssige og strategiske perspektiver",
        "Kompetencer, ledelsesudvikling, forskning og udvikling.",
    ),
}

# --- english: the perspectives' titles and hints in English (issue 24)
PERSPECTIVES_EN: dict[str, tuple[str, str]] = {
    "market_perspective": (
        "Market perspectives",
        "New customers, sales advantages, internationalisation and exports.",
    ),
    "economic_perspective": (
        "Economic perspectives",
        "Expected growth in turnover, value added, export turnover and employment.",
    ),
    "technology_perspective": (
        "Technological perspectives",
        "New products and new processes.",
    ),
    "strategy_perspective": (
        "Management and strategic perspectives",
        "Skills, management development, research and development.",
    ),
}


def perspective(key: str, language: str | None = None) -> tuple[str, str]:
    """A perspective's title and hint in ``language`` (the current one by default)."""
    english = (language or current_language()) == "en"
    return (PERSPECTIVES_EN if english else PERSPECTIVES)[key]


# --- end english

# The blocks of the editor, each checked on its own and explained in Danish.
BLOCKS = ("perspectives", "consultant", "hours", "months", "rate", "split")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def equal_basis_points(company_ids: list[str]) -> dict[str, int]:
    """Equal shares that add up to exactly 100 % (3 companies: 33,34 / 33,33 / 33,33)."""
    if not company_ids:
        return {}
    parts = split_by_basis_points(SPLIT_TOTAL_BASIS_POINTS, [1] * len(company_ids))
    return dict(zip(company_ids, parts, strict=True))


def split_of(fields: Mapping[str, Any], company_ids: list[str]) -> dict[str, int]:
    """Each company's share in basis points: equal, or as the custom key says (0 where it says nothing)."""
    if fields.get("split_mode", SplitMode.EQUAL) != SplitMode.CUSTOM:
        return equal_basis_points(company_ids)
    key = fields.get("split_basis_points")
    key = key if isinstance(key, Mapping) else {}
    return {cid: _int(key.get(cid)) or 0 for cid in company_ids}


@dataclass(frozen=True)
class BudgetFigures:
    total_ore: int | None
    company_share_ore: int | None
    programme_share_ore: int | None
    basis_points: dict[str, int]
    amounts_ore: list[int | None]  # per company, in ``company_ids`` order (None until the key adds up)
    split_total_bp: int


def budget_figures(fields: Mapping[str, Any], company_ids: list[str]) -> BudgetFigures:
    """Total = hours × hourly rate; the companies pay COMPANY_SHARE_PERCENT % of it, split by the key."""
    hours, rate = _int(fields.get("consultant_hours")), _int(fields.get("hourly_rate_ore"))
    total = hours * rate if hours is not None and rate is not None else None
    company_share = percent_of(total, COMPANY_SHARE_PERCENT) if total is not None else None
    programme_share = total - company_share if total is not None and company_share is not None else None
    bps = split_of(fields, company_ids)
    split_total = sum(bps.values())
    amounts: list[int | None] = [None] * len(company_ids)
    if company_share is not None and company_ids and split_total == SPLIT_TOTAL_BASIS_POINTS:
        amounts = list(split_by_basis_points(company_share, [bps[c] for c in company_ids]))
    return BudgetFigures(total, company_share, programme_share, bps, amounts, split_total)


def draft_problems(fields: Mapping[str, Any], company_ids: list[str]) -> dict[str, list[Message]]:
    """Each block's problems (an empty list when the block is in order); all empty: it may be submitted."""
    out: dict[str, list[Message]] = {b: [] for b in BLOCKS}
    for key in PERSPECTIVES:
        if not _text(fields.get(key)).strip():  # the section's title in the language rendered in
            out["perspectives"].append(Msg.APPLICATION_SECTION_MISSING(section=perspective(key)[0]))
    if not fields.get("consultant_by_vaeksthus") and not _text(fields.get("consultant_name")).strip():
        out["consultant"].append(Msg.APPLICATION_CONSULTANT_MISSING())
    out["hours"] = check_hours(_int(fields.get("consultant_hours")))
    out["months"] = check_months(_int(fields.get("period_months")))
    rate = _int(fields.get("hourly_rate_ore"))
    if rate is None:
        out["rate"].append(Msg.APPLICATION_RATE_MISSING())
    elif rate <= 0:
        out["rate"].append(Msg.APPLICATION_RATE_NOT_POSITIVE())
    if not company_ids:
        out["split"].append(Msg.APPLICATION_NO_COMPANIES())
    elif fields.get("split_mode") == SplitMode.CUSTOM:
        out["split"] = check_split(list(split_of(fields, company_ids).values()))
    return out


def all_problems(problems: Mapping[str, list[Message]]) -> list[Message]:
    return [p for block in BLOCKS for p in problems.get(block, [])]


# --- plain values of an application, as the editor shows it and the PDF prints it (issue 24)
# Expected growth per company: each measure in an absolute figure and in percent.
GROWTH_MEASURES: dict[str, str] = {
    "turnover": "Omsætning",
    "value_added": "Værditilvækst",
    "export": "Eksportomsætning",
    "employment": "Beskæftigelse",
}


# Money measures are kept in øre (``<key>_ore``); employment in persons (``employment``).
MONEY_MEASURES = ("turnover", "value_added", "export")


@dataclass(frozen=True)
class MemberInfo:
    company_id: str
    name: str
    cvr: str
    role: str
    employees: int | None
    goals: str
    is_knowledge_institution: bool


@dataclass(frozen=True)
class MeetingInfo:
    starts_at: dt.datetime
    kind_label: str
    place: str
    agenda: str
    minutes: str
    decisions: str


@dataclass(frozen=True)
class NetworkPrefill:
    """What the network already says, shown in the editor and printed in the application."""

    network_id: str
    name: str
    network_type: str
    network_type_label: str
    network_type_text: str
    core_task: str
    participants_text: str
    goals: str
    terms: str
    stage: Stage
    stage_label: str
    members: list[MemberInfo]
    screening_passed: bool
    screening_verdict: str
    screening_date: dt.datetime | None
    screening_reasons: list[str]
    tentative_plan: MeetingInfo | None


@dataclass
class ApplicationDraft:
    """Every field the broker edits. Figures are None until typed."""

    market_perspective: str = ""
    economic_perspective: str = ""
    technology_perspective: str = ""
    strategy_perspective: str = ""
    # {company_id: {"turnover_ore": int, "turnover_pct_bp": int, ..., "employment": int, ...}}
    expected_growth: dict[str, dict[str, int | None]] = field(default_factory=dict)
    consultant_name: str = ""
    consultant_firm: str = ""
    consultant_by_vaeksthus: bool = False
    consultant_hours: int | None = None
    hourly_rate_ore: int | None = None
    period_months: int | None = None
    split_mode: str = SplitMode.EQUAL
    split_basis_points: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ShareRow:
    company_id: str
    name: str
    cvr: str
    basis_points: int
    amount_ore: int | None


@dataclass(frozen=True)
class Budget:
    hours: int | None
    hourly_rate_ore: int | None
    total_ore: int | None
    company_share_ore: int | None
    programme_share_ore: int | None
    shares: list[ShareRow]
    split_total_bp: int


@dataclass(frozen=True)
class ApplicationDetail:
    id: str
    network_id: str
    revision: int
    previous_id: str | None
    status: str
    status_label: str
    pending_send: bool
    submitted_at: dt.datetime | None
    decision: str
    decision_comment: str
    decided_at: dt.datetime | None
    bonus_ore: int
    draft: ApplicationDraft
    network: NetworkPrefill
    budget: Budget
    problems: dict[str, list[str]]
    submit_blockers: list[str]
    is_latest: bool
    updated_at: dt.datetime
    keep_until: dt.date | None = None  # --- retention

    @property
    def editable(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def can_submit(self) -> bool:
        return self.editable and not self.submit_blockers

    @property
    def can_start_revision(self) -> bool:
        return self.status == ApplicationStatus.REJECTED and self.is_latest


def growth_value(figures: dict[str, Any], measure: str, kind: str) -> int | None:
    """``kind`` is "abs" (øre, or persons for employment) or "pct" (basis points)."""
    if kind == "pct":
        key = f"{measure}_pct_bp"
    else:
        key = f"{measure}_ore" if measure in MONEY_MEASURES else measure
    value = figures.get(key)
    return None if value is None else int(value)


@dataclass(frozen=True)
class ActionPlanInfo:
    network_id: str
    plan_id: str | None
    application_id: str
    period_months: int | None
    elements: dict[str, bool]
    start_date: dt.date | None
    end_date: dt.date | None
    notes: str
    stage: Stage
    stage_3_on: dt.date | None
    stage_3_evidence: str
    warnings: list[str]

    @property
    def done(self) -> int:
        return sum(1 for v in self.elements.values() if v)

    @property
    def total(self) -> int:
        return len(self.elements)

    @property
    def is_stage_3(self) -> bool:
        return self.stage == Stage.STAGE_3
