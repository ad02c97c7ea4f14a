"""The action-plan application's rules: its budget and what a draft needs before it is submitted.

Pure functions over the application's fields as they sync (a ``dict`` of JSON values) and the ids
of the network's member companies: the app shows them while the broker drafts, and the server
checks them again when a pushed application goes from draft to submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .language import current as current_language
from .messages import Message, Msg
from .money import percent_of, split_by_basis_points
from .rules import COMPANY_SHARE_PERCENT, SPLIT_TOTAL_BASIS_POINTS
from .validation import check_hours, check_months, check_split
from .vocab import SplitMode

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
    for key, (label, _) in PERSPECTIVES.items():
        if not _text(fields.get(key)).strip():
            out["perspectives"].append(Msg.APPLICATION_SECTION_MISSING(section=label))
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
