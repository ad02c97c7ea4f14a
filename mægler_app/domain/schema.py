"""The shape of every synced record: one declarative schema per entity, checked before any rule.

Pydantic v2 (STYLE 16), not a table of our own: each field's type, enumeration, range and length
is written once as an annotation, pydantic checks a whole record in one call of its compiled
validator (fast enough to run on every pushed change, see ``benchmarks/server_bench.py``), and
its errors carry the field and the kind of problem, which ``check_record`` turns into messages of
the catalogue (``Msg.SCHEMA_*``) naming the field by its Danish label. The models live in
``domain`` so that the server (``server/push.py``) and the laptop use the same ones; the table in
``docs/protocol.md`` is generated from them (``schema_table``, kept current by a test).

A push carries only the fields that changed, so a schema is checked against what was sent:

- every field sent is checked for its type, value, range and length (``null`` only where the
  field may be empty);
- a field this version does not know is not stored, and the answer names it (``ignored``): a
  newer client still syncs the rest;
- the required fields (``required=True`` below: a record's parents and what it cannot be without)
  must be there when the record is created. A later change may leave them out, but may not set
  them to ``null``.

Values are checked, not converted: the record keeps what was sent (a date stays its ISO text).
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError, PydanticUndefined

from .language import current as current_language
from .messages import Code, Message, Msg
from .satisfaction import SCORE_MAX, SCORE_MIN  # --- survey
from .stages import Stage
from .vocab import (
    ActionPlanElement,
    ApplicationStatus,
    CloseReason,
    ExpenseCategory,
    ExpenseStatus,
    FocusArea,
    FollowUpKind,  # --- followup
    GustavssonDimension,
    LeadSource,
    MeetingKind,
    MemberRole,
    NetworkType,
    ScreeningStatus,
    SplitMode,
    SurveyOccasion,  # --- survey
    Verdict,
)

# Far above any real amount, and small enough that every database sums it exactly.
MAX_AMOUNT_ORE = 10**15
# Free text (notes, minutes, descriptions): roomy, but a bound (the push body is at most 5 MB).
TEXT_MAX = 100_000
# A record id as the server stores it (record.id is String(64)).
ID_MAX = 64
# Whole numbers that are counts (employees, hours, months): far above any real one.
COUNT_MAX = 10_000_000


# -- field types ------------------------------------------------------------------------------


# pydantic error types of our own checks; check_record turns each into a message of the catalogue
NOT_A_DATE = "not_a_date"
NOT_A_TIME = "not_a_time"
TIME_WITHOUT_ZONE = "time_without_zone"


def _iso_date(value: str) -> str:
    try:
        if len(value) != 10:
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(NOT_A_DATE, NOT_A_DATE) from None
    return value


def _aware_time(value: str) -> str:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(NOT_A_TIME, NOT_A_TIME) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise PydanticCustomError(TIME_WITHOUT_ZONE, TIME_WITHOUT_ZONE)
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]
AwareTime = Annotated[str, AfterValidator(_aware_time)]
Ref = Annotated[str, Field(min_length=1, max_length=ID_MAX)]
Ore = Annotated[int, Field(ge=-MAX_AMOUNT_ORE, le=MAX_AMOUNT_ORE)]  # inside objects; fields: amount()
Count = Annotated[int, Field(ge=0, le=COUNT_MAX)]


def one_of(values: Iterable[str], *, empty: bool = False) -> Any:
    """An enumeration's values (English, ``domain.vocab``) as a type; ``empty``: "" (none yet) too."""
    allowed = tuple(str(v) for v in values)
    return Literal[("",) + allowed if empty else allowed]


def field(label: str, *, required: bool = False, **constraints: Any) -> Any:
    """A field of a record: its Danish label (what a refusal names), whether a new record needs
    it, and its constraints (``ge``, ``le``, ``gt``, ``max_length``). Every field has a default,
    so a change that leaves it out is not refused for that; ``required`` is checked on creation."""
    extra: dict[str, Any] | None = {"required": True} if required else None
    return Field(default=None, title=label, json_schema_extra=extra, **constraints)


def amount(label: str, *, required: bool = False, ge: int | None = None, gt: int | None = None) -> Any:
    """An amount in øre (a whole number) within ±MAX_AMOUNT_ORE, or from ``ge`` or above ``gt``.
    (A bound given here and another in the type's Annotated would be merged into one by pydantic.)"""
    lower = {"gt": gt} if gt is not None else {"ge": -MAX_AMOUNT_ORE if ge is None else ge}
    return field(label, required=required, le=MAX_AMOUNT_ORE, **lower)


def text_field(label: str, max_length: int = TEXT_MAX, *, required: bool = False) -> Any:
    return field(label, required=required, max_length=max_length)


class _Shape(BaseModel):
    # strict: a JSON number is no text, a true no whole number, "3" no number; checked only.
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class RecordSchema(_Shape):
    """A synced record's data fields (the sync columns id, version, deleted… are not among them)."""

    entity: typing.ClassVar[str]


class Move(_Shape):
    """One move in a network's ``stage_history`` (``domain.stages.with_move``)."""

    # Inside a list the fields a move needs are required by pydantic itself (no default).
    stage: one_of(Stage) = Field(title="Fase", json_schema_extra={"required": True})  # type: ignore[valid-type]
    at: AwareTime = Field(title="Tidspunkt", json_schema_extra={"required": True})


class NextStep(_Shape):
    """One of a meeting's next steps."""

    text: str = Field(title="Tekst", max_length=TEXT_MAX, json_schema_extra={"required": True})
    owner: str = text_field("Ansvarlig", 200)
    due: IsoDate | None = field("Frist")
    done: bool = field("Udført")


# -- the entities (DESIGN.md §4), in the order of ENTITIES ----------------------------------------
# --- retention: ``keep_until`` (screening, meeting, expense, application) is server-owned
# (sync_contract.SERVER_FIELDS), set by domain/retention.py: like a decision, it is not pushed.


class CompanySchema(RecordSchema):
    entity = "company"
    # As typed ("DK 13 58 56 28" too): the CVR rule checks and normalises it to its 8 digits.
    cvr: str = text_field("CVR-nummer", 20, required=True)
    name: str = text_field("Navn", 200, required=True)
    address: str = text_field("Adresse", 200)
    postcode: str = text_field("Postnummer", 10)
    city: str = text_field("By", 100)
    municipality: str = text_field("Kommune", 100)
    employees: Count | None = field("Ansatte")
    focus_area: one_of(FocusArea) = field("Fokusområde")  # type: ignore[valid-type]
    industry: str = text_field("Branche", 200)
    is_knowledge_institution: bool = field("Videninstitution")
    website: str = text_field("Hjemmeside", 200)
    notes: str = text_field("Noter")
    # --- effects: the effect measurement's baseline year; null: chosen automatically (protocol 1)
    baseline_year: int | None = field("Basisår", ge=1990, le=2100)
    # --- broker: optional since 0.1 of issue 20 (docs/protocol.md); an older client never sends it
    archived: bool = field("Arkiveret")


class ContactSchema(RecordSchema):
    entity = "contact"
    company_id: Ref = field("Virksomhed", required=True)
    name: str = text_field("Navn", 200, required=True)
    role: str = text_field("Stilling", 200)
    email: str = text_field("E-mail", 200)
    phone: str = text_field("Telefon", 50)
    consent_date: IsoDate | None = field("Samtykke givet")
    anonymized: bool = field("Anonymiseret")


class NetworkSchema(RecordSchema):
    entity = "network"
    name: str = text_field("Navn", 200, required=True)
    network_type: one_of(NetworkType, empty=True) = field("Netværkstype")  # type: ignore[valid-type]
    core_task: str = text_field("Kerneopgave (hvad)")
    participants_text: str = text_field("Deltagere (hvem)")
    goals: str = text_field("Mål (hvorfor)")
    terms: str = text_field("Vilkår (hvordan)")
    lead_source: one_of(LeadSource, empty=True) = field("Kilde")  # type: ignore[valid-type]
    stage: one_of(Stage) = field("Fase")  # type: ignore[valid-type]
    stage_changed_at: AwareTime | None = field("Fase skiftet")
    stage_history: list[Move] = field("Faseforløb")
    facilitation_opened_on: IsoDate | None = field("Facilitering åbnet")
    closed_reason: one_of(CloseReason, empty=True) = field("Lukkeårsag")  # type: ignore[valid-type]
    closed_reason_text: str = text_field("Lukkeårsag, uddybet")
    closed_on: IsoDate | None = field("Lukket den")
    stage_3_on: IsoDate | None = field("Trin 3 nået den")
    stage_3_evidence: str = text_field("Dokumentation for trin 3")
    notes: str = text_field("Noter")


class MembershipSchema(RecordSchema):
    entity = "membership"
    network_id: Ref = field("Netværk", required=True)
    company_id: Ref = field("Virksomhed", required=True)
    role: one_of(MemberRole) = field("Rolle")  # type: ignore[valid-type]
    goals: str = text_field("Mål (hvorfor)")


class ScreeningSchema(RecordSchema):
    entity = "screening"
    network_id: Ref = field("Netværk", required=True)
    form_id: str = field("Skema", required=True, min_length=1, max_length=80)
    form_version: int = field("Skemaversion", required=True, ge=1, le=2**31 - 1)
    answers: dict[str, Any] = field("Svar")
    status: one_of(ScreeningStatus) = field("Status")  # type: ignore[valid-type]
    verdict: one_of(Verdict, empty=True) = field("Vurdering")  # type: ignore[valid-type]
    reasons: list[Annotated[str, Field(max_length=TEXT_MAX)]] = field("Begrundelser")
    finalized_at: AwareTime | None = field("Afsluttet")


class MeetingSchema(RecordSchema):
    entity = "meeting"
    network_id: Ref = field("Netværk", required=True)
    starts_at: AwareTime = field("Tidspunkt", required=True)
    kind: one_of(MeetingKind) = field("Mødetype")  # type: ignore[valid-type]
    place: str = text_field("Sted", 200)
    participant_contact_ids: list[Ref] = field("Deltagere")
    other_participants: str = text_field("Andre deltagere")
    agenda: str = text_field("Dagsorden")
    minutes: str = text_field("Referat")
    decisions: str = text_field("Beslutninger")
    next_steps: list[NextStep] = field("Næste skridt")
    dimensions: list[one_of(GustavssonDimension)] = field("Dimensioner")  # type: ignore[valid-type]
    planned: bool = field("Planlagt")
    estimated_cost_ore: int = amount("Anslået udgift", ge=0)


class ExpenseSchema(RecordSchema):
    entity = "expense"
    network_id: Ref = field("Netværk", required=True)
    meeting_id: Ref | None = field("Møde")
    spent_on: IsoDate = field("Dato", required=True)
    category: one_of(ExpenseCategory) = field("Kategori")  # type: ignore[valid-type]
    description: str = text_field("Beskrivelse")
    amount_ore: int = amount("Beløb", required=True, gt=0)
    receipt_sha256: str = text_field("Bilag (SHA-256)", 64)
    receipt_name: str = text_field("Bilagets navn", 200)
    status: one_of(ExpenseStatus) = field("Status")  # type: ignore[valid-type]
    override_reason: str = text_field("Begrundelse for overskridelse")


class ApplicationSchema(RecordSchema):
    entity = "application"
    network_id: Ref = field("Netværk", required=True)
    revision: int = field("Udgave", ge=1, le=COUNT_MAX)
    previous_id: Ref | None = field("Forrige udgave")
    market_perspective: str = text_field("Markedsperspektiv")
    economic_perspective: str = text_field("Økonomisk perspektiv")
    technology_perspective: str = text_field("Teknologisk perspektiv")
    strategy_perspective: str = text_field("Strategisk perspektiv")
    # {company id: {"turnover_ore": …, "turnover_pct": …, …}}
    expected_growth: dict[Ref, dict[str, Ore | None]] = field("Forventet vækst")
    consultant_name: str = text_field("Konsulent", 200)
    consultant_firm: str = text_field("Konsulentfirma", 200)
    consultant_by_vaeksthus: bool = field("Konsulent via Væksthus")
    consultant_hours: Count | None = field("Konsulenttimer")
    hourly_rate_ore: int | None = amount("Timepris", gt=0)
    period_months: Count | None = field("Måneder")
    split_mode: one_of(SplitMode) = field("Fordeling")  # type: ignore[valid-type]
    # {company id: share in hundredths of a percent}
    split_basis_points: dict[Ref, Annotated[int, Field(ge=0, le=COUNT_MAX)]] = field("Fordelingsnøgle")
    status: one_of(ApplicationStatus) = field("Status")  # type: ignore[valid-type]
    submitted_at: AwareTime | None = field("Indsendt")


class ActionPlanSchema(RecordSchema):
    entity = "action_plan"
    network_id: Ref = field("Netværk", required=True)
    application_id: Ref | None = field("Ansøgning")
    elements: dict[one_of(ActionPlanElement), bool] = field("Elementer")  # type: ignore[valid-type]
    start_date: IsoDate | None = field("Startdato")
    end_date: IsoDate | None = field("Slutdato")
    notes: str = text_field("Noter")


class EffectMeasurementSchema(RecordSchema):
    entity = "effect_measurement"
    company_id: Ref = field("Virksomhed", required=True)
    year: int = field("Årstal", required=True, ge=1990, le=2100)
    turnover_ore: int | None = amount("Omsætning", ge=0)
    value_added_ore: int | None = amount("Værditilvækst")  # a bad year's may be negative
    export_ore: int | None = amount("Eksport", ge=0)
    employees: Count | None = field("Ansatte")


class SatisfactionSchema(RecordSchema):
    entity = "satisfaction"
    company_id: Ref = field("Virksomhed", required=True)
    network_id: Ref = field("Netværk", required=True)
    score: int = field("Tilfredshed", required=True, ge=SCORE_MIN, le=SCORE_MAX)
    comment: str = text_field("Kommentar")
    # --- survey (protocol version 2, optional: an older laptop ignores them)
    occasion: one_of(SurveyOccasion) = field("Anledning", required=True)  # type: ignore[valid-type]
    contact_id: Ref | None = field("Besvaret af")
    answered_on: IsoDate = field("Besvaret den", required=True)
    # --- end survey


# --- followup
class FollowUpSchema(RecordSchema):
    """Væksthus' follow-up on a network: pushed by caseworkers only (``caseworker_name`` is the
    server's, set from the account that pushed it)."""

    entity = "follow_up"
    network_id: Ref = field("Netværk", required=True)
    held_on: IsoDate = field("Dato", required=True)
    kind: one_of(FollowUpKind) = field("Type")  # type: ignore[valid-type]
    offered: str = text_field("Tilbudt", required=True)
    next_on: IsoDate | None = field("Næste opfølgning")


SCHEMAS: dict[str, type[RecordSchema]] = {
    cls.entity: cls
    for cls in (
        CompanySchema,
        ContactSchema,
        NetworkSchema,
        MembershipSchema,
        ScreeningSchema,
        MeetingSchema,
        ExpenseSchema,
        ApplicationSchema,
        ActionPlanSchema,
        EffectMeasurementSchema,
        SatisfactionSchema,
        FollowUpSchema,  # --- followup
    )
}


# -- checking ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checked:
    """A pushed record's data as checked: the known fields as sent, the unknown ones' names, and
    the problems (empty when the record may be stored)."""

    data: dict[str, Any]
    ignored: tuple[str, ...] = ()
    problems: tuple[Message, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@cache
def fields_of(entity: str) -> frozenset[str]:
    return frozenset(SCHEMAS[entity].model_fields)


@cache
def required_fields(entity: str) -> tuple[str, ...]:
    """The fields a new record of ``entity`` must have (``required=True``), in schema order."""
    return tuple(name for name, info in SCHEMAS[entity].model_fields.items() if _is_required(info))


def _is_required(info: Any) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("required") is True


@cache
def _danish_label(entity: str, name: str) -> str:
    info = SCHEMAS[entity].model_fields.get(name) if entity in SCHEMAS else None
    return info.title if info is not None and info.title else name


def label(entity: str, name: str, language: str | None = None) -> str:
    """A field's label in ``language`` (the current one by default); its sync name if the schema
    does not know it."""
    danish = _danish_label(entity, name)
    if (language or current_language()) == "en":
        return TITLES_EN.get(danish, danish)
    return danish


# --- english: the fields' titles above in English, by their Danish title (issue 24)
TITLES_EN: dict[str, str] = {
    "Adresse": "Address",
    "Dagsorden": "Agenda",
    "Beløb": "Amount",
    "Anonymiseret": "Anonymised",
    "Besvaret den": "Answered on",
    "Svar": "Answers",
    "Ansøgning": "Application",
    "Arkiveret": "Archived",
    "Basisår": "Base year",
    "Kategori": "Category",
    "By": "Town",
    "Lukket den": "Closed on",
    "Lukkeårsag": "Reason for closing",
    "Lukkeårsag, uddybet": "Reason for closing, in detail",
    "Kommentar": "Comment",
    "Virksomhed": "Company",
    "Samtykke givet": "Consent given",
    "Konsulent via Væksthus": "Consultant through Væksthus",
    "Konsulentfirma": "Consultant's firm",
    "Konsulenttimer": "Consultant hours",
    "Konsulent": "Consultant",
    "Besvaret af": "Answered by",
    "Kerneopgave (hvad)": "Core task (what)",
    "CVR-nummer": "CVR number",
    "Beslutninger": "Decisions",
    "Beskrivelse": "Description",
    "Dimensioner": "Dimensions",
    "Økonomisk perspektiv": "Economic perspective",
    "Elementer": "Elements",
    "E-mail": "Email",
    "Ansatte": "Employees",
    "Slutdato": "End date",
    "Anslået udgift": "Estimated expense",
    "Forventet vækst": "Expected growth",
    "Eksport": "Exports",
    "Facilitering åbnet": "Facilitation opened",
    "Afsluttet": "Finished",
    "Fokusområde": "Focus area",
    "Skema": "Form",
    "Skemaversion": "Form version",
    "Mål (hvorfor)": "Goals (why)",
    "Dato": "Date",
    "Timepris": "Hourly rate",
    "Branche": "Industry",
    "Videninstitution": "Knowledge institution",
    "Mødetype": "Meeting type",
    "Type": "Type",
    "Kilde": "Source",
    "Markedsperspektiv": "Market perspective",
    "Møde": "Meeting",
    "Referat": "Minutes",
    "Kommune": "Municipality",
    "Navn": "Name",
    "Netværk": "Network",
    "Netværkstype": "Network type",
    "Næste opfølgning": "Next follow-up",
    "Næste skridt": "Next steps",
    "Noter": "Notes",
    "Anledning": "Occasion",
    "Tilbudt": "Offered",
    "Andre deltagere": "Other participants",
    "Begrundelse for overskridelse": "Reason for going over",
    "Deltagere": "Participants",
    "Deltagere (hvem)": "Participants (who)",
    "Måneder": "Months",
    "Telefon": "Phone",
    "Sted": "Place",
    "Planlagt": "Planned",
    "Postnummer": "Postcode",
    "Forrige udgave": "Previous version",
    "Begrundelser": "Reasons",
    "Bilagets navn": "Voucher's name",
    "Bilag (SHA-256)": "Voucher (SHA-256)",
    "Udgave": "Version",
    "Rolle": "Role",
    "Stilling": "Position",
    "Tilfredshed": "Satisfaction",
    "Fordelingsnøgle": "Allocation key",
    "Fordeling": "Allocation",
    "Fase": "Stage",
    "Dokumentation for trin 3": "Evidence for stage 3",
    "Trin 3 nået den": "Stage 3 reached on",
    "Fase skiftet": "Stage changed",
    "Faseforløb": "Stage history",
    "Startdato": "Start date",
    "Tidspunkt": "Time",
    "Status": "Status",
    "Strategisk perspektiv": "Strategic perspective",
    "Indsendt": "Submitted",
    "Teknologisk perspektiv": "Technological perspective",
    "Vilkår (hvordan)": "Terms (how)",
    "Omsætning": "Turnover",
    "Værditilvækst": "Value added",
    "Vurdering": "Verdict",
    "Hjemmeside": "Website",
    "Årstal": "Year",
}
# --- end english


def check_record(entity: str, data: dict[str, Any], *, new: bool) -> Checked:
    """Check the fields of a pushed change to a record of ``entity`` (which must be in SCHEMAS).

    ``new``: the change creates the record, so the required fields must be among them.
    """
    known = fields_of(entity)
    ignored: tuple[str, ...] = ()
    if not known.issuperset(data):
        ignored = tuple(sorted(k for k in data if k not in known))
        data = {k: v for k, v in data.items() if k in known}
    problems: list[Message] = []
    if new:
        problems.extend(
            Msg.SCHEMA_FIELD_MISSING(field=name, label=label(entity, name))
            for name in required_fields(entity)
            if data.get(name) is None
        )
    try:
        SCHEMAS[entity].model_validate(data)
    except ValidationError as exc:
        missing = {m.params["field"] for m in problems}
        for error in exc.errors(include_url=False):
            top = str(error["loc"][0]) if error["loc"] else ""
            if top in missing and data.get(top) is None:
                continue  # said once already: the field is missing
            problems.append(_message(entity, error))
    return Checked(data, ignored, tuple(problems))


# error type → message code. Anything not listed is a value of another shape than the field's.
_CODES: dict[str, Code] = {
    "string_type": Msg.SCHEMA_NOT_TEXT,
    "int_type": Msg.SCHEMA_NOT_A_WHOLE_NUMBER,
    "bool_type": Msg.SCHEMA_NOT_YES_OR_NO,
    "literal_error": Msg.SCHEMA_UNKNOWN_VALUE,
    NOT_A_DATE: Msg.SCHEMA_NOT_A_DATE,
    NOT_A_TIME: Msg.SCHEMA_NOT_A_TIME,
    TIME_WITHOUT_ZONE: Msg.SCHEMA_TIME_WITHOUT_ZONE,
    "greater_than_equal": Msg.SCHEMA_TOO_SMALL,
    "greater_than": Msg.SCHEMA_NOT_ABOVE,
    "less_than_equal": Msg.SCHEMA_TOO_LARGE,
    "string_too_long": Msg.SCHEMA_TOO_LONG,
    "string_too_short": Msg.SCHEMA_EMPTY,
    "list_type": Msg.SCHEMA_NOT_A_LIST,
    "dict_type": Msg.SCHEMA_NOT_AN_OBJECT,
    "model_type": Msg.SCHEMA_NOT_AN_OBJECT,
    "missing": Msg.SCHEMA_FIELD_MISSING,
}
_SHOWN_VALUE = 60  # characters of a refused value quoted in the reason


def shown_value(value: Any) -> str:
    """A refused value as a reason quotes it (here and in a pulled record the laptop parks, in
    sync/apply.py): text as it is, anything else as JSON, cut short."""
    if isinstance(value, str):
        shown = value
    else:
        try:
            shown = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            shown = repr(value)
    return shown if len(shown) <= _SHOWN_VALUE else shown[: _SHOWN_VALUE - 1] + "…"


def _message(entity: str, error: Any) -> Message:
    loc = tuple(error["loc"])
    top = str(loc[0]) if loc else ""
    # pydantic's own steps in a location ("[key]", "function-after[…]") say nothing to a person
    rest = [str(p) for p in loc[1:] if not (isinstance(p, str) and (p.startswith(("function-", "["))))]
    name = top + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in rest)
    shown = label(entity, top) + (f" ({', '.join(rest)})" if rest else "")
    kind = error["type"]
    ctx = error.get("ctx") or {}
    code = _CODES.get(kind, Msg.SCHEMA_WRONG_SHAPE)
    if code is Msg.SCHEMA_NOT_A_WHOLE_NUMBER and top.endswith("_ore"):
        code = Msg.SCHEMA_NOT_AN_AMOUNT
    params: dict[str, Any] = {"field": name, "label": shown}
    if code is not Msg.SCHEMA_FIELD_MISSING:
        params["value"] = shown_value(error.get("input"))
    if "ge" in ctx:
        params["limit"] = ctx["ge"]
    elif "gt" in ctx:
        params["limit"] = ctx["gt"]
    elif "le" in ctx:
        params["limit"] = ctx["le"]
    elif "max_length" in ctx:
        params["limit"] = ctx["max_length"]
    if code is Msg.SCHEMA_TOO_LONG and isinstance(error.get("input"), str):
        params["value"] = shown_value(error["input"])
        params["length"] = len(error["input"])
    return code(**params)


# -- the table in docs/protocol.md ------------------------------------------------------------


def _describe(annotation: Any, metadata: Iterable[Any] = ()) -> str:
    """A field's type in the words of the protocol page."""
    checks = {getattr(m, "func", None) for m in metadata}
    if _iso_date in checks:
        return "date"
    if _aware_time in checks:
        return "time"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _describe(args[0], args[1:])
    if origin in (typing.Union, _UnionType) and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        return _describe(inner[0]) + " or null"
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" if a else '`""`' for a in args)
    if origin is list:
        return f"list of ({_describe(args[0])})"
    if origin is dict:
        return f"object of {_describe(args[0])} → ({_describe(args[1])})"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        parts = []
        for name, info in annotation.model_fields.items():
            kind = _describe(info.annotation, info.metadata)
            parts.append(f"`{name}`{'*' if _is_required(info) else ''}: {kind}")
        return "object {" + "; ".join(parts) + "}"
    if annotation is Any:
        return "any JSON"
    names = {str: "text", int: "integer", bool: "true/false"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


_UnionType = type(int | None)


def _bounds(info: Any) -> str:
    out: list[str] = []
    for meta in _flat_metadata(info):
        for attr, word in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("min_length", "length ≥")):
            value = getattr(meta, attr, None)
            if value is None or (attr == "ge" and value == -MAX_AMOUNT_ORE):
                continue
            item = f"{word} {value:,}".replace(",", " ")
            if item not in out:
                out.append(item)
        max_length = getattr(meta, "max_length", None)
        if max_length is not None:
            item = f"≤ {max_length:,} characters".replace(",", " ")
            if item not in out:
                out.append(item)
    return ", ".join(out)


def _flat_metadata(info: Any) -> list[Any]:
    """A field's own constraints and those of the Annotated type it has (not of nested items)."""
    found = list(info.metadata)
    annotation = info.annotation
    if typing.get_origin(annotation) in (typing.Union, _UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is Annotated:
        for meta in typing.get_args(annotation)[1:]:
            found.extend(getattr(meta, "metadata", [meta]))
    return found


def schema_table() -> str:
    """The schema as the Markdown table of docs/protocol.md (regenerate: ``python -m
    mægler_app.domain.schema``)."""
    lines = [
        "| entity | field | Danish label | type | required | limits |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for entity, cls in SCHEMAS.items():
        for name, info in cls.model_fields.items():
            assert info.default is None or info.default is PydanticUndefined
            lines.append(
                f"| `{entity}` | `{name}` | {info.title} | {_describe(info.annotation, info.metadata)} | "
                f"{'yes' if _is_required(info) else ''} | {_bounds(info)} |"
            )
    return "\n".join(lines) + "\n"


TABLE_BEGIN = "<!-- schema table: begin -->\n"
TABLE_END = "<!-- schema table: end -->"


def with_table(doc: str) -> str:
    """``doc`` (docs/protocol.md) with the table between its markers made from the schemas."""
    head, _, rest = doc.partition(TABLE_BEGIN)
    _, _, tail = rest.partition(TABLE_END)
    return head + TABLE_BEGIN + schema_table() + TABLE_END + tail


if __name__ == "__main__":
    # python -m mægler_app.domain.schema [docs/protocol.md]: print the table, or rewrite the page's
    import sys
    from pathlib import Path

    if len(sys.argv) > 1:
        page = Path(sys.argv[1])
        page.write_text(with_table(page.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(schema_table(), end="")
