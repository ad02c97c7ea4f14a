"""The programme's rules, each a named value in one place (DESIGN.md §2, seed sections 2-5).

Everything else, client and server alike, reads the numbers from here.
"""

from __future__ import annotations

from dataclasses import dataclass

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

NETWORK_TYPES: dict[str, tuple[str, str]] = {
    "horisontalt": (
        "Horisontalt",
        "Virksomheder på samme niveau i værdikæden, fx konkurrenter der går sammen om indkøb, "
        "markedsføring eller eksport.",
    ),
    "vertikalt": (
        "Vertikalt",
        "Virksomheder i forskellige led af samme værdikæde: kunde, leverandør og underleverandør.",
    ),
    "komplementaert": (
        "Komplementært",
        "Virksomheder med produkter eller kompetencer der supplerer hinanden, så de sammen kan "
        "levere en større løsning.",
    ),
    "kongruent": (
        "Kongruent",
        "Virksomheder med samme slags produkter eller kompetencer der samler kapacitet for at "
        "kunne løfte større opgaver.",
    ),
}

FOCUS_AREAS: dict[str, str] = {
    "energi_miljoe": "Energi/miljø",
    "foedevarer": "Fødevarer",
    "erhverv_sundhed": "Erhverv-sundhed",
    "andet": "Andet",
}

RISKS: dict[str, str] = {
    "time_use": "Tidsforbrug",
    "conflicts": "Konflikter",
    "one_sided_knowledge": "Ensidig videndeling",
    "hostile_takeover": "Fjendtlig overtagelse",
}

GUSTAVSSON_DIMENSIONS: dict[str, str] = {
    "parter": "Parter",
    "vision": "Vision",
    "struktur": "Struktur og bemanding",
    "processer": "Processer og normer",
}

LEAD_SOURCES: dict[str, str] = {
    "lokal_erhvervsservice": "Lokal erhvervsservice",
    "erhvervsorganisation": "Erhvervsorganisation",
    "innovationsmiljoe": "Innovationsmiljø",
    "privat_raadgiver": "Privat rådgiver",
    "eget_netvaerk": "Mæglerens eget netværk",
    "andet": "Andet",
}

LEAD_ROLE = "lead"
MEMBER_ROLE = "member"
KNOWLEDGE_ROLE = "knowledge"

MEMBER_ROLES: dict[str, str] = {
    LEAD_ROLE: "Tovholdervirksomhed",
    MEMBER_ROLE: "Medlem",
    KNOWLEDGE_ROLE: "Videninstitution",
}


def member_role(requested: str, *, is_knowledge_institution: bool) -> str:
    """The role a company gets in a network: the company's own knowledge-institution flag decides.

    A knowledge institution is one in every network (it counts against the two allowed); any other
    company is a member or the lead, never a knowledge institution, or it would vanish from the
    independent companies the network needs. Only lead or member is the broker's choice.
    """
    if is_knowledge_institution:
        return KNOWLEDGE_ROLE
    return MEMBER_ROLE if requested == KNOWLEDGE_ROLE else requested


MEETING_KINDS: dict[str, str] = {
    "company_visit": "Gensidigt virksomhedsbesøg",
    "strategic_starting_point": "Afdækning af strategisk udgangssituation",
    "business_prerequisites": "Forretningsmæssige forudsætninger",
    "knowledge_institution": "Inddragelse af videninstitution",
    "tentative_plan": "Tentativ plan for samarbejde",
    "other": "Andet",
}

EXPENSE_CATEGORIES: dict[str, str] = {
    "moedelokale": "Mødelokale",
    "forplejning": "Forplejning",
    "transport": "Transport",
    "materialer": "Materialer",
    "oplaegsholder": "Ekstern oplægsholder",
    "andet": "Andet",
}

CLOSE_REASONS: dict[str, str] = {
    "no_potential": "Intet reelt forretningspotentiale",
    "companies_withdrew": "Virksomhederne trak sig",
    "screening_failed": "Screeningen blev ikke bestået",
    "merged": "Lagt sammen med et andet netværk",
    "application_rejected": "Ansøgningen blev afslået",
    "other": "Andet",
}

ACTION_PLAN_ELEMENTS: dict[str, str] = {
    "participants": "Deltagere",
    "purpose": "Formål og baggrund",
    "startup_phase": "Opstartsfase",
    "operating_phase": "Driftsfase",
    "business_development": "Handlingsskitse: forretningsudvikling",
    "market_development": "Handlingsskitse: markedsudvikling inkl. eksport",
    "technology": "Handlingsskitse: teknologi",
    "other_areas": "Handlingsskitse: andre fælles områder",
    "budget_allocation": "Budget med fordelingsnøgle",
    "liability": "Ansvar",
    "entry_exit": "Ind- og udtrædelseskriterier",
    "confidentiality": "Fortrolighed",
    "competition": "Konkurrence",
    "conflict_resolution": "Konfliktløsning",
}


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
