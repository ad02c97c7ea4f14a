"""The programme's rules, each a named value in one place (DESIGN.md §2, seed sections 2-5).

Everything else, client and server alike, reads the numbers from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The vocabulary's label dicts, re-exported: the rules and the words they use are read from here.
from .vocab import ACTION_PLAN_ELEMENTS as ACTION_PLAN_ELEMENTS
from .vocab import CLOSE_REASONS as CLOSE_REASONS
from .vocab import EXPENSE_CATEGORIES as EXPENSE_CATEGORIES
from .vocab import FOCUS_AREAS as FOCUS_AREAS
from .vocab import GUSTAVSSON_DIMENSIONS as GUSTAVSSON_DIMENSIONS
from .vocab import LEAD_SOURCES as LEAD_SOURCES
from .vocab import MEETING_KINDS as MEETING_KINDS
from .vocab import MEMBER_ROLES as MEMBER_ROLES
from .vocab import NETWORK_TYPES as NETWORK_TYPES
from .vocab import RISKS as RISKS
from .vocab import MemberRole

ORE_PER_KRONE = 100

# Network composition (seed 3. Indhold, pkt. 1)
MIN_INDEPENDENT_COMPANIES = 3
MAX_KNOWLEDGE_INSTITUTIONS = 2
USUAL_MAX_MEMBERS = 5
EXPERIENCE_GROUP_MIN = 10  # 10-15 companies is an experience group, not a business network

# Target group (seed 4. Målgruppe). The seed says "op til 250 ansatte"; the EU SME definition
# says "fewer than 250". Kept here so that Væksthus can switch with one edit.
SME_MAX_EMPLOYEES = 250
SME_LIMIT_INCLUSIVE = True


def is_sme(employees: int | None) -> bool | None:
    """Whether a company with this many employees is inside the SME target group."""
    if employees is None:
        return None
    return employees <= SME_MAX_EMPLOYEES if SME_LIMIT_INCLUSIVE else employees < SME_MAX_EMPLOYEES


# Facilitation (seed 3. Indhold, pkt. 4)
FACILITATION_FRAME_ORE = 25_000 * ORE_PER_KRONE
BUDGET_WARNING_FRACTION_PERMILLE = 800  # warn from 80 % used


class BudgetLevel(StrEnum):
    """How a facilitation frame stands: within, from the warning share on, or over the frame."""

    OK = "ok"
    WARN = "warn"
    OVER = "over"


def budget_level(used_ore: int, frame_ore: int) -> BudgetLevel:
    """Spent and committed (``used_ore``) against the frame: a warning from
    BUDGET_WARNING_FRACTION_PERMILLE of the frame, over when more than the frame."""
    if used_ore > frame_ore:
        return BudgetLevel.OVER
    if used_ore * 1000 >= frame_ore * BUDGET_WARNING_FRACTION_PERMILLE:
        return BudgetLevel.WARN
    return BudgetLevel.OK


RECEIPT_REQUIRED_ABOVE_ORE = 500 * ORE_PER_KRONE

# Action plan (seed 3. Indhold, pkt. 5)
CONSULTANT_HOURS_MIN = 200
CONSULTANT_HOURS_MAX = 450
PERIOD_MONTHS_MIN = 3
PERIOD_MONTHS_MAX = 12
COMPANY_SHARE_PERCENT = 50
SPLIT_TOTAL_BASIS_POINTS = 10_000  # an allocation key in hundredths of a percent must add up to 100 %

# Broker bonus (seed 3. Indhold, pkt. 5)
BROKER_BONUS_ORE = 15_000 * ORE_PER_KRONE

# Inactivity mark on a network (days without a meeting, expense or edit)
INACTIVE_AFTER_DAYS = 30

# The member roles by name (MemberRole's members), for the composition rule below.
LEAD_ROLE = MemberRole.LEAD
MEMBER_ROLE = MemberRole.MEMBER
KNOWLEDGE_ROLE = MemberRole.KNOWLEDGE


def member_role(requested: str, *, is_knowledge_institution: bool) -> str:
    """The role a company gets in a network: the company's own knowledge-institution flag decides.

    A knowledge institution is one in every network (it counts against the two allowed); any other
    company is a member or the lead, never a knowledge institution, or it would vanish from the
    independent companies the network needs. Only lead or member is the broker's choice.
    """
    if is_knowledge_institution:
        return KNOWLEDGE_ROLE
    return MEMBER_ROLE if requested == KNOWLEDGE_ROLE else requested


@dataclass(frozen=True)
class Range:
    low: int
    high: int

    def contains(self, value: int) -> bool:
        return self.low <= value <= self.high


# Programme targets (seed 5. Effekt- og resultatkrav) and per year (seed 2. Formål og mål)
TARGETS_PROGRAMME: dict[str, Range] = {
    "companies_screened": Range(500, 800),
    "networks": Range(250, 375),
    "action_plans": Range(75, 95),
    "business_networks": Range(20, 30),
}
TARGET_SATISFIED_PERCENT = 80
TARGET_NETWORKS_PER_BROKER = Range(12, 19)
TARGETS_PER_YEAR: dict[str, Range] = {
    "networks": Range(100, 145),
    "network_companies": Range(250, 400),
    "action_plans": Range(25, 35),
    "action_plan_companies": Range(75, 140),
    "business_networks": Range(10, 15),
    "business_network_companies": Range(30, 60),
}
TARGET_GROWTH_PERCENT_PER_YEAR = 10  # turnover, value added and export
