"""The app's vocabulary: every enumerated value, and the Danish label a person reads for it.

Values are English snake_case (DESIGN.md §4): they are what the store, the server and the sync
payloads hold. Labels are Danish and only ever shown. The network's stages live with the stage
machine (``domain.stages.Stage``).

The label dicts are keyed by the enums' members but typed by ``str``: a stored value is a plain
string (perhaps one from a newer version that this one does not know), and it looks its label up
directly, ``FOCUS_AREAS.get(company.focus_area, "")``.
"""

from __future__ import annotations

from enum import StrEnum

from .language import current as current_language


class NetworkType(StrEnum):
    HORIZONTAL = "horizontal"
    VERTICAL = "vertical"
    COMPLEMENTARY = "complementary"
    CONGRUENT = "congruent"


class FocusArea(StrEnum):
    ENERGY_ENVIRONMENT = "energy_environment"
    FOOD = "food"
    HEALTH_INDUSTRY = "health_industry"
    OTHER = "other"


class Risk(StrEnum):
    TIME_USE = "time_use"
    CONFLICTS = "conflicts"
    ONE_SIDED_KNOWLEDGE = "one_sided_knowledge"
    HOSTILE_TAKEOVER = "hostile_takeover"


class GustavssonDimension(StrEnum):
    PARTIES = "parties"
    VISION = "vision"
    STRUCTURE = "structure"
    PROCESSES = "processes"


class LeadSource(StrEnum):
    LOCAL_BUSINESS_SERVICE = "local_business_service"
    BUSINESS_ORGANISATION = "business_organisation"
    INNOVATION_ENVIRONMENT = "innovation_environment"
    PRIVATE_ADVISER = "private_adviser"
    OWN_NETWORK = "own_network"
    OTHER = "other"


class MemberRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"
    KNOWLEDGE = "knowledge"


class MeetingKind(StrEnum):
    COMPANY_VISIT = "company_visit"
    STRATEGIC_STARTING_POINT = "strategic_starting_point"
    BUSINESS_PREREQUISITES = "business_prerequisites"
    KNOWLEDGE_INSTITUTION = "knowledge_institution"
    TENTATIVE_PLAN = "tentative_plan"
    OTHER = "other"


class ExpenseCategory(StrEnum):
    MEETING_ROOM = "meeting_room"
    CATERING = "catering"
    TRANSPORT = "transport"
    MATERIALS = "materials"
    SPEAKER = "speaker"
    OTHER = "other"


class CloseReason(StrEnum):
    NO_POTENTIAL = "no_potential"
    COMPANIES_WITHDREW = "companies_withdrew"
    SCREENING_FAILED = "screening_failed"
    MERGED = "merged"
    APPLICATION_REJECTED = "application_rejected"
    OTHER = "other"


class ActionPlanElement(StrEnum):
    PARTICIPANTS = "participants"
    PURPOSE = "purpose"
    STARTUP_PHASE = "startup_phase"
    OPERATING_PHASE = "operating_phase"
    BUSINESS_DEVELOPMENT = "business_development"
    MARKET_DEVELOPMENT = "market_development"
    TECHNOLOGY = "technology"
    OTHER_AREAS = "other_areas"
    BUDGET_ALLOCATION = "budget_allocation"
    LIABILITY = "liability"
    ENTRY_EXIT = "entry_exit"
    CONFIDENTIALITY = "confidentiality"
    COMPETITION = "competition"
    CONFLICT_RESOLUTION = "conflict_resolution"


class ScreeningStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Verdict(StrEnum):
    """A final screening's verdict; a draft has none (stored as "")."""

    PASSED = "passed"
    NOT_PASSED = "not_passed"


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class Decision(StrEnum):
    """Væksthus's decision on a submitted application (only the server sets it)."""

    APPROVED = "approved"
    REJECTED = "rejected"


class ExpenseStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class SplitMode(StrEnum):
    """How the companies' share of an action plan is split: equally, or by an allocation key."""

    EQUAL = "equal"
    CUSTOM = "custom"


class Role(StrEnum):
    """A server account's role."""

    BROKER = "broker"
    CASEWORKER = "caseworker"


class PushStatus(StrEnum):
    """The server's answer to one pushed change (DESIGN.md §5)."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ChangeKind(StrEnum):
    """What one entry of a record's history did (server/changelog.py)."""

    CREATED = "created"
    CHANGED = "changed"
    DELETED = "deleted"
    RESTORED = "restored"
    DECIDED = "decided"


class OutboxStatus(StrEnum):
    """A local change waiting in the outbox: not yet answered, or answered and waiting for the broker."""

    PENDING = "pending"
    CONFLICT = "conflict"
    REJECTED = "rejected"


# --- survey
class SurveyOccasion(StrEnum):
    """When a participating company is asked how satisfied it is (DESIGN.md §2): the network has
    reached trin 2, trin 3, or is closed."""

    STAGE_2 = "stage_2"
    STAGE_3 = "stage_3"
    CLOSED = "closed"


# --- end survey


NETWORK_TYPES: dict[str, tuple[str, str]] = {
    NetworkType.HORIZONTAL: (
        "Horisontalt",
        "Virksomheder på samme niveau i værdikæden, fx konkurrenter der går sammen om indkøb, "
        "markedsføring eller eksport.",
    ),
    NetworkType.VERTICAL: (
        "Vertikalt",
        "Virksomheder i forskellige led af samme værdikæde: kunde, leverandør og underleverandør.",
    ),
    NetworkType.COMPLEMENTARY: (
        "Komplementært",
        "Virksomheder med produkter eller kompetencer der supplerer hinanden, så de sammen kan "
        "levere en større løsning.",
    ),
    NetworkType.CONGRUENT: (
        "Kongruent",
        "Virksomheder med samme slags produkter eller kompetencer der samler kapacitet for at "
        "kunne løfte større opgaver.",
    ),
}

FOCUS_AREAS: dict[str, str] = {
    FocusArea.ENERGY_ENVIRONMENT: "Energi/miljø",
    FocusArea.FOOD: "Fødevarer",
    FocusArea.HEALTH_INDUSTRY: "Erhverv-sundhed",
    FocusArea.OTHER: "Andet",
}

RISKS: dict[str, str] = {
    Risk.TIME_USE: "Tidsforbrug",
    Risk.CONFLICTS: "Konflikter",
    Risk.ONE_SIDED_KNOWLEDGE: "Ensidig videndeling",
    Risk.HOSTILE_TAKEOVER: "Fjendtlig overtagelse",
}

GUSTAVSSON_DIMENSIONS: dict[str, str] = {
    GustavssonDimension.PARTIES: "Parter",
    GustavssonDimension.VISION: "Vision",
    GustavssonDimension.STRUCTURE: "Struktur og bemanding",
    GustavssonDimension.PROCESSES: "Processer og normer",
}

LEAD_SOURCES: dict[str, str] = {
    LeadSource.LOCAL_BUSINESS_SERVICE: "Lokal erhvervsservice",
    LeadSource.BUSINESS_ORGANISATION: "Erhvervsorganisation",
    LeadSource.INNOVATION_ENVIRONMENT: "Innovationsmiljø",
    LeadSource.PRIVATE_ADVISER: "Privat rådgiver",
    LeadSource.OWN_NETWORK: "Mæglerens eget netværk",
    LeadSource.OTHER: "Andet",
}

MEMBER_ROLES: dict[str, str] = {
    MemberRole.LEAD: "Tovholdervirksomhed",
    MemberRole.MEMBER: "Medlem",
    MemberRole.KNOWLEDGE: "Videninstitution",
}

MEETING_KINDS: dict[str, str] = {
    MeetingKind.COMPANY_VISIT: "Gensidigt virksomhedsbesøg",
    MeetingKind.STRATEGIC_STARTING_POINT: "Afdækning af strategisk udgangssituation",
    MeetingKind.BUSINESS_PREREQUISITES: "Forretningsmæssige forudsætninger",
    MeetingKind.KNOWLEDGE_INSTITUTION: "Inddragelse af videninstitution",
    MeetingKind.TENTATIVE_PLAN: "Tentativ plan for samarbejde",
    MeetingKind.OTHER: "Andet",
}

EXPENSE_CATEGORIES: dict[str, str] = {
    ExpenseCategory.MEETING_ROOM: "Mødelokale",
    ExpenseCategory.CATERING: "Forplejning",
    ExpenseCategory.TRANSPORT: "Transport",
    ExpenseCategory.MATERIALS: "Materialer",
    ExpenseCategory.SPEAKER: "Ekstern oplægsholder",
    ExpenseCategory.OTHER: "Andet",
}

CLOSE_REASONS: dict[str, str] = {
    CloseReason.NO_POTENTIAL: "Intet reelt forretningspotentiale",
    CloseReason.COMPANIES_WITHDREW: "Virksomhederne trak sig",
    CloseReason.SCREENING_FAILED: "Screeningen blev ikke bestået",
    CloseReason.MERGED: "Lagt sammen med et andet netværk",
    CloseReason.APPLICATION_REJECTED: "Ansøgningen blev afslået",
    CloseReason.OTHER: "Andet",
}

ACTION_PLAN_ELEMENTS: dict[str, str] = {
    ActionPlanElement.PARTICIPANTS: "Deltagere",
    ActionPlanElement.PURPOSE: "Formål og baggrund",
    ActionPlanElement.STARTUP_PHASE: "Opstartsfase",
    ActionPlanElement.OPERATING_PHASE: "Driftsfase",
    ActionPlanElement.BUSINESS_DEVELOPMENT: "Handlingsskitse: forretningsudvikling",
    ActionPlanElement.MARKET_DEVELOPMENT: "Handlingsskitse: markedsudvikling inkl. eksport",
    ActionPlanElement.TECHNOLOGY: "Handlingsskitse: teknologi",
    ActionPlanElement.OTHER_AREAS: "Handlingsskitse: andre fælles områder",
    ActionPlanElement.BUDGET_ALLOCATION: "Budget med fordelingsnøgle",
    ActionPlanElement.LIABILITY: "Ansvar",
    ActionPlanElement.ENTRY_EXIT: "Ind- og udtrædelseskriterier",
    ActionPlanElement.CONFIDENTIALITY: "Fortrolighed",
    ActionPlanElement.COMPETITION: "Konkurrence",
    ActionPlanElement.CONFLICT_RESOLUTION: "Konfliktløsning",
}

# --- english: the labels above in English (issue 24)
NETWORK_TYPES_EN: dict[str, tuple[str, str]] = {
    NetworkType.HORIZONTAL: (
        "Horizontal",
        "Companies at the same level of the value chain, e.g. competitors joining forces on "
        "purchasing, marketing or exports.",
    ),
    NetworkType.VERTICAL: (
        "Vertical",
        "Companies at different links of the same value chain: customer, supplier and subcontractor.",
    ),
    NetworkType.COMPLEMENTARY: (
        "Complementary",
        "Companies whose products or skills complement each other, so that together they can "
        "deliver a larger solution.",
    ),
    NetworkType.CONGRUENT: (
        "Congruent",
        "Companies with the same kind of products or skills pooling capacity to take on larger jobs.",
    ),
}
FOCUS_AREAS_EN: dict[str, str] = {
    FocusArea.ENERGY_ENVIRONMENT: "Energy/environment",
    FocusArea.FOOD: "Food",
    FocusArea.HEALTH_INDUSTRY: "Health industry",
    FocusArea.OTHER: "Other",
}
RISKS_EN: dict[str, str] = {
    Risk.TIME_USE: "Time spent",
    Risk.CONFLICTS: "Conflicts",
    Risk.ONE_SIDED_KNOWLEDGE: "One-sided knowledge sharing",
    Risk.HOSTILE_TAKEOVER: "Hostile takeover",
}
GUSTAVSSON_DIMENSIONS_EN: dict[str, str] = {
    GustavssonDimension.PARTIES: "Parties",
    GustavssonDimension.VISION: "Vision",
    GustavssonDimension.STRUCTURE: "Structure and staffing",
    GustavssonDimension.PROCESSES: "Processes and norms",
}
LEAD_SOURCES_EN: dict[str, str] = {
    LeadSource.LOCAL_BUSINESS_SERVICE: "Local business service",
    LeadSource.BUSINESS_ORGANISATION: "Business organisation",
    LeadSource.INNOVATION_ENVIRONMENT: "Innovation environment",
    LeadSource.PRIVATE_ADVISER: "Private adviser",
    LeadSource.OWN_NETWORK: "The broker's own network",
    LeadSource.OTHER: "Other",
}
MEMBER_ROLES_EN: dict[str, str] = {
    MemberRole.LEAD: "Lead company",
    MemberRole.MEMBER: "Member",
    MemberRole.KNOWLEDGE: "Knowledge institution",
}
MEETING_KINDS_EN: dict[str, str] = {
    MeetingKind.COMPANY_VISIT: "Mutual company visit",
    MeetingKind.STRATEGIC_STARTING_POINT: "Mapping the strategic starting point",
    MeetingKind.BUSINESS_PREREQUISITES: "Business prerequisites",
    MeetingKind.KNOWLEDGE_INSTITUTION: "Involving a knowledge institution",
    MeetingKind.TENTATIVE_PLAN: "Tentative plan for cooperation",
    MeetingKind.OTHER: "Other",
}
EXPENSE_CATEGORIES_EN: dict[str, str] = {
    ExpenseCategory.MEETING_ROOM: "Meeting room",
    ExpenseCategory.CATERING: "Catering",
    ExpenseCategory.TRANSPORT: "Transport",
    ExpenseCategory.MATERIALS: "Materials",
    ExpenseCategory.SPEAKER: "External speaker",
    ExpenseCategory.OTHER: "Other",
}
CLOSE_REASONS_EN: dict[str, str] = {
    CloseReason.NO_POTENTIAL: "No real business potential",
    CloseReason.COMPANIES_WITHDREW: "The companies withdrew",
    CloseReason.SCREENING_FAILED: "The screening was not passed",
    CloseReason.MERGED: "Merged with another network",
    CloseReason.APPLICATION_REJECTED: "The application was rejected",
    CloseReason.OTHER: "Other",
}
ACTION_PLAN_ELEMENTS_EN: dict[str, str] = {
    ActionPlanElement.PARTICIPANTS: "Participants",
    ActionPlanElement.PURPOSE: "Purpose and background",
    ActionPlanElement.STARTUP_PHASE: "Start-up phase",
    ActionPlanElement.OPERATING_PHASE: "Operating phase",
    ActionPlanElement.BUSINESS_DEVELOPMENT: "Action outline: business development",
    ActionPlanElement.MARKET_DEVELOPMENT: "Action outline: market development incl. exports",
    ActionPlanElement.TECHNOLOGY: "Action outline: technology",
    ActionPlanElement.OTHER_AREAS: "Action outline: other shared areas",
    ActionPlanElement.BUDGET_ALLOCATION: "Budget with allocation key",
    ActionPlanElement.LIABILITY: "Liability",
    ActionPlanElement.ENTRY_EXIT: "Entry and exit criteria",
    ActionPlanElement.CONFIDENTIALITY: "Confidentiality",
    ActionPlanElement.COMPETITION: "Competition",
    ActionPlanElement.CONFLICT_RESOLUTION: "Conflict resolution",
}
# The kinds of record a person reads about (a history, the sync page): by their sync names.
ENTITY_LABELS: dict[str, str] = {
    "company": "Virksomhed",
    "contact": "Kontaktperson",
    "network": "Netværk",
    "membership": "Medlemskab",
    "screening": "Screening",
    "meeting": "Møde",
    "expense": "Udgift",
    "application": "Ansøgning",
    "action_plan": "Handlingsplan",
    "effect_measurement": "Effektmåling",
    "satisfaction": "Tilfredshed",
    "follow_up": "Opfølgning",
}
ENTITY_LABELS_EN: dict[str, str] = {
    "company": "Company",
    "contact": "Contact person",
    "network": "Network",
    "membership": "Membership",
    "screening": "Screening",
    "meeting": "Meeting",
    "expense": "Expense",
    "application": "Application",
    "action_plan": "Action plan",
    "effect_measurement": "Effect measurement",
    "satisfaction": "Satisfaction",
    "follow_up": "Follow-up",
}
# --- end english

APPLICATION_STATUSES: dict[str, str] = {
    ApplicationStatus.DRAFT: "Kladde",
    ApplicationStatus.SUBMITTED: "Indsendt",
    ApplicationStatus.APPROVED: "Bevilget",
    ApplicationStatus.REJECTED: "Afslået",
}
APPLICATION_STATUSES_EN: dict[str, str] = {
    ApplicationStatus.DRAFT: "Draft",
    ApplicationStatus.SUBMITTED: "Submitted",
    ApplicationStatus.APPROVED: "Approved",
    ApplicationStatus.REJECTED: "Rejected",
}

CHANGE_KINDS: dict[str, str] = {
    ChangeKind.CREATED: "oprettet",
    ChangeKind.CHANGED: "ændret",
    ChangeKind.DELETED: "slettet",
    ChangeKind.RESTORED: "genskabt",
    ChangeKind.DECIDED: "afgjort",
}
CHANGE_KINDS_EN: dict[str, str] = {
    ChangeKind.CREATED: "created",
    ChangeKind.CHANGED: "changed",
    ChangeKind.DELETED: "deleted",
    ChangeKind.RESTORED: "restored",
    ChangeKind.DECIDED: "decided",
}

ROLE_LABELS: dict[str, str] = {Role.BROKER: "netværksmægler", Role.CASEWORKER: "sagsbehandler i Væksthus"}
ROLE_LABELS_EN: dict[str, str] = {Role.BROKER: "network broker", Role.CASEWORKER: "caseworker at Væksthus"}

# --- survey
SURVEY_OCCASIONS: dict[str, str] = {
    SurveyOccasion.STAGE_2: "Trin 2: handlingsplan",
    SurveyOccasion.STAGE_3: "Trin 3: forretningsnetværk",
    SurveyOccasion.CLOSED: "Afslutning",
}
SURVEY_OCCASIONS_EN: dict[str, str] = {
    SurveyOccasion.STAGE_2: "Stage 2: action plan",
    SurveyOccasion.STAGE_3: "Stage 3: business network",
    SurveyOccasion.CLOSED: "Closing",
}
# --- end survey

# Every vocabulary by the name a message's ``{value:label:NAME}`` spec gives it: language → labels.
# A vocabulary without English labels shows its Danish ones in English too.
LABELS: dict[str, dict[str, dict[str, str]]] = {
    "application_status": {"da": APPLICATION_STATUSES, "en": APPLICATION_STATUSES_EN},
    "role": {"da": ROLE_LABELS, "en": ROLE_LABELS_EN},
    "change_kind": {"da": CHANGE_KINDS, "en": CHANGE_KINDS_EN},
    "focus_area": {"da": FOCUS_AREAS, "en": FOCUS_AREAS_EN},
    "risk": {"da": RISKS, "en": RISKS_EN},
    "gustavsson_dimension": {"da": GUSTAVSSON_DIMENSIONS, "en": GUSTAVSSON_DIMENSIONS_EN},
    "lead_source": {"da": LEAD_SOURCES, "en": LEAD_SOURCES_EN},
    "member_role": {"da": MEMBER_ROLES, "en": MEMBER_ROLES_EN},
    "meeting_kind": {"da": MEETING_KINDS, "en": MEETING_KINDS_EN},
    "expense_category": {"da": EXPENSE_CATEGORIES, "en": EXPENSE_CATEGORIES_EN},
    "close_reason": {"da": CLOSE_REASONS, "en": CLOSE_REASONS_EN},
    "action_plan_element": {"da": ACTION_PLAN_ELEMENTS, "en": ACTION_PLAN_ELEMENTS_EN},
    "network_type": {
        "da": {k: v[0] for k, v in NETWORK_TYPES.items()},
        "en": {k: v[0] for k, v in NETWORK_TYPES_EN.items()},
    },
    "entity": {"da": ENTITY_LABELS, "en": ENTITY_LABELS_EN},
    "verdict": {
        "da": {Verdict.PASSED: "bestået", Verdict.NOT_PASSED: "ikke bestået"},
        "en": {Verdict.PASSED: "passed", Verdict.NOT_PASSED: "not passed"},
    },
    "decision": {
        "da": {Decision.APPROVED: "bevilget", Decision.REJECTED: "afslået"},
        "en": {Decision.APPROVED: "approved", Decision.REJECTED: "rejected"},
    },
    "network_type_description": {
        "da": {k: v[1] for k, v in NETWORK_TYPES.items()},
        "en": {k: v[1] for k, v in NETWORK_TYPES_EN.items()},
    },
    "survey_occasion": {"da": SURVEY_OCCASIONS, "en": SURVEY_OCCASIONS_EN},  # --- survey
}


def label(vocabulary: str, value: str | None, language: str | None = None) -> str:
    """The label of an enumerated ``value`` of ``vocabulary`` (a key of LABELS) in ``language`` (by
    default the current one, ``domain.language.current``); a value (or vocabulary) this version
    does not know, as it is."""
    if value is None:
        return ""
    labels = LABELS.get(vocabulary, {})
    return labels.get(language or current_language(), labels.get("da", {})).get(str(value), str(value))


def labels(vocabulary: str, language: str | None = None) -> dict[str, str]:
    """Every value of ``vocabulary`` with its label in ``language`` (the current one by default),
    in the vocabulary's order: what a choice box lists."""
    by_language = LABELS.get(vocabulary, {})
    danish = by_language.get("da", {})
    chosen = by_language.get(language or current_language(), danish)
    return {value: chosen.get(value, text) for value, text in danish.items()}


# --- followup
class FollowUpKind(StrEnum):
    """What Væksthus offered a network at a follow-up (issue 18 part 5; seed: guidance and sparring)."""

    GUIDANCE = "guidance"
    SPARRING = "sparring"
    OTHER = "other"


FOLLOW_UP_KINDS: dict[str, str] = {
    FollowUpKind.GUIDANCE: "Vejledning",
    FollowUpKind.SPARRING: "Sparring",
    FollowUpKind.OTHER: "Andet",
}
FOLLOW_UP_KINDS_EN: dict[str, str] = {
    FollowUpKind.GUIDANCE: "Guidance",
    FollowUpKind.SPARRING: "Sparring",
    FollowUpKind.OTHER: "Other",
}
LABELS["follow_up_kind"] = {"da": FOLLOW_UP_KINDS, "en": FOLLOW_UP_KINDS_EN}
