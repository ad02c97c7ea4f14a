"""Hjælp (issue 20, item 5): the short guide, shipped in the package and read offline.

``vejledning.md`` holds the words, ``vejledning.en.md`` the same guide in English (issue 24); the
one of the app's language is shown, the Danish one when a language has none. The programme's
numbers are filled in from ``domain.rules`` (``$name`` placeholders, the same in both), so the
guide says what the app enforces.
"""

from __future__ import annotations

from importlib import resources
from string import Template

from ...domain.language import DEFAULT
from ...domain.language import current as current_language
from ...domain.next_actions import MEETINGS_AHEAD_DAYS, QUIET_AFTER_DAYS
from ...domain.numbers import format_int, format_kr, format_percent_bp
from ...domain.rules import (
    BROKER_BONUS_ORE,
    BUDGET_WARNING_FRACTION_PERMILLE,
    COMPANY_SHARE_PERCENT,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    EXPERIENCE_GROUP_MIN,
    FACILITATION_FRAME_ORE,
    MAX_KNOWLEDGE_INSTITUTIONS,
    MIN_INDEPENDENT_COMPANIES,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    RECEIPT_REQUIRED_ABOVE_ORE,
    SME_MAX_EMPLOYEES,
    TARGET_GROWTH_PERCENT_PER_YEAR,
    TARGET_NETWORKS_PER_BROKER,
    TARGET_SATISFIED_PERCENT,
    USUAL_MAX_MEMBERS,
)

GUIDE_FILE = "vejledning.md"


def guide_file(language: str) -> str:
    """The guide's file name in ``language``: ``vejledning.md`` in Danish, ``vejledning.en.md``."""
    return GUIDE_FILE if language == DEFAULT else GUIDE_FILE.replace(".md", f".{language}.md")


def _pct(percent: int) -> str:
    return format_percent_bp(percent * 100)


def guide_values() -> dict[str, str]:
    """The numbers the guide names, each as the app shows it."""
    return {
        "meeting_days": format_int(MEETINGS_AHEAD_DAYS),
        "quiet_days": format_int(QUIET_AFTER_DAYS),
        "min_companies": format_int(MIN_INDEPENDENT_COMPANIES),
        "max_knowledge": format_int(MAX_KNOWLEDGE_INSTITUTIONS),
        "usual_max": format_int(USUAL_MAX_MEMBERS),
        "experience_min": format_int(EXPERIENCE_GROUP_MIN),
        "sme_max": format_int(SME_MAX_EMPLOYEES),
        "frame": format_kr(FACILITATION_FRAME_ORE),
        "budget_warning": format_percent_bp(BUDGET_WARNING_FRACTION_PERMILLE * 10),
        "receipt": format_kr(RECEIPT_REQUIRED_ABOVE_ORE),
        "hours_min": format_int(CONSULTANT_HOURS_MIN),
        "hours_max": format_int(CONSULTANT_HOURS_MAX),
        "months_min": format_int(PERIOD_MONTHS_MIN),
        "months_max": format_int(PERIOD_MONTHS_MAX),
        "company_share": _pct(COMPANY_SHARE_PERCENT),
        "bonus": format_kr(BROKER_BONUS_ORE),
        "networks_low": format_int(TARGET_NETWORKS_PER_BROKER.low),
        "networks_high": format_int(TARGET_NETWORKS_PER_BROKER.high),
        "satisfied": _pct(TARGET_SATISFIED_PERCENT),
        "growth": _pct(TARGET_GROWTH_PERCENT_PER_YEAR),
    }


def guide_markdown(language: str | None = None) -> str:
    """The guide as Markdown in ``language`` (by default the app's), its numbers filled in (a
    placeholder without a value raises); Danish when there is no guide in that language."""
    folder = resources.files(__package__)
    found = folder.joinpath(guide_file(language or current_language()))
    text = (found if found.is_file() else folder.joinpath(GUIDE_FILE)).read_text(encoding="utf-8")
    return Template(text).substitute(guide_values())
