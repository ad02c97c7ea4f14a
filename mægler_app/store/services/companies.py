"""The company register: companies, their key figures per year and their contact persons.

Widgets and the CSV import read and write companies only through these functions. Input arrives as
the text a person typed (or a CSV cell held); ``parse_company`` turns it into values with Danish
reasons for anything wrong, so the editor and the import refuse the same things in the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ...domain.changes import changing
from ...domain.cvr import CvrError, format_cvr, normalize_cvr

# --- erasure: the anonymised name lives in domain/erasure.py with the rest of the rule
from ...domain.erasure import ANONYMIZED_NAME as ANONYMIZED_NAME
from ...domain.erasure import erased_values
from ...domain.errors import DomainError
from ...domain.language import current as current_language
from ...domain.messages import Msg
from ...domain.numbers import optional, parse_date, parse_int, parse_kr
from ...domain.retention import consent_on_create  # --- retention
from ...domain.rules import FOCUS_AREAS
from ...domain.timeutil import utcnow
from ...domain.validation import check_employees
from ...domain.vocab import FocusArea
from ..db import Store
from ..models import Company, Contact, EffectMeasurement
from .erasure import scrub_outbox

# The editable text fields of a company and the length the store keeps of each.
TEXT_LIMITS: dict[str, int] = {
    "name": 200,
    "address": 200,
    "postcode": 10,
    "city": 100,
    "municipality": 100,
    "industry": 200,
    "website": 200,
}

FIELD_LABELS: dict[str, str] = {
    "cvr": "CVR-nummer",
    "name": "Navn",
    "address": "Adresse",
    "postcode": "Postnummer",
    "city": "By",
    "municipality": "Kommune",
    "employees": "Ansatte",
    "focus_area": "Fokusområde",
    "industry": "Branche",
    "is_knowledge_institution": "Videninstitution",
    "website": "Hjemmeside",
    "notes": "Noter",
}
# --- english2: the names a fault gives a field, in English (issue 24); key figures by their own keys
FIELD_LABELS_EN: dict[str, str] = {
    "cvr": "CVR number",
    "name": "Name",
    "address": "Address",
    "postcode": "Postcode",
    "city": "Town",
    "municipality": "Municipality",
    "employees": "Employees",
    "focus_area": "Focus area",
    "industry": "Industry",
    "is_knowledge_institution": "Knowledge institution",
    "website": "Website",
    "notes": "Notes",
}
KEY_FIGURE_LABELS: dict[str, dict[str, str]] = {
    "da": {"year": "Årstal", "turnover": "Omsætning", "value_added": "Værditilvækst", "export": "Eksport"},
    "en": {"year": "Year", "turnover": "Turnover", "value_added": "Value added", "export": "Exports"},
}


def field_label(key: str) -> str:
    """A company field's name in a fault, in the current language."""
    return (FIELD_LABELS_EN if current_language() == "en" else FIELD_LABELS)[key]


def _key_figure_label(key: str) -> str:
    return KEY_FIGURE_LABELS.get(current_language(), KEY_FIGURE_LABELS["da"])[key]


@dataclass(frozen=True)
class CompanyData:
    cvr: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    municipality: str = ""
    employees: int | None = None
    focus_area: str = FocusArea.OTHER
    industry: str = ""
    is_knowledge_institution: bool = False
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CompanyDetail:
    id: str
    data: CompanyData


@dataclass(frozen=True)
class CompanyRow:
    id: str
    cvr: str
    name: str
    city: str
    industry: str
    employees: int | None
    municipality: str
    focus_area: str
    is_knowledge_institution: bool


@dataclass
class Parsed:
    """The outcome of checking typed company fields: values, or Danish reasons per field."""

    data: CompanyData | None
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class DuplicateCvrError(DomainError):
    """The CVR number belongs to a company already registered; ``existing_id`` is that company."""

    def __init__(self, existing_id: str, existing_name: str, cvr: str) -> None:
        super().__init__(Msg.CVR_ALREADY_REGISTERED(cvr=format_cvr(cvr), name=existing_name))
        self.existing_id = existing_id
        self.existing_name = existing_name


# parsing ----------------------------------------------------------------------------------------


def parse_focus_area(text: str) -> str:
    """A focus area's label or key (any case) → its key; empty → ``other``."""
    s = (text or "").strip().lower()
    if not s:
        return FocusArea.OTHER
    for key, label in FOCUS_AREAS.items():
        if s in (key, label.lower()):
            return key
    names = ", ".join(FOCUS_AREAS.values())
    raise DomainError(Msg.COMPANY_FOCUS_AREA_UNKNOWN(text=text.strip(), choices=names))


_YES = {"ja", "j", "x", "1", "sand", "true", "yes"}
_NO = {"nej", "n", "0", "falsk", "false", "no", ""}


def parse_yes_no(text: str | bool) -> bool:
    if isinstance(text, bool):
        return text
    s = (text or "").strip().lower()
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise DomainError(Msg.COMPANY_YES_OR_NO(text=text.strip()))


def parse_company(fields: Mapping[str, str | bool]) -> Parsed:
    """Check the typed fields of a company. Keys are CompanyData's; missing keys count as empty."""
    errors: dict[str, str] = {}
    warnings: list[str] = []

    def text(key: str) -> str:
        value = fields.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    cvr = ""
    try:
        cvr = normalize_cvr(text("cvr"))
    except CvrError as exc:
        errors["cvr"] = str(exc)
    name = text("name")
    if not name:
        errors["name"] = str(Msg.COMPANY_NAME_MISSING())
    for key, limit in TEXT_LIMITS.items():
        if len(text(key)) > limit and key not in errors:
            errors[key] = str(Msg.COMPANY_FIELD_TOO_LONG(field=field_label(key), limit=limit))
    postcode = text("postcode")
    if postcode and not (postcode.isdigit() and len(postcode) == 4):
        errors["postcode"] = str(Msg.COMPANY_POSTCODE_INVALID(text=postcode))
    employees: int | None = None
    try:
        employees = optional(parse_int, text("employees"), field=field_label("employees"))
    except DomainError as exc:
        errors["employees"] = str(exc)
    else:
        findings = check_employees(employees)
        if findings.errors:
            errors["employees"] = str(findings.errors[0])
        warnings += [str(w) for w in findings.warnings]
    focus: str = FocusArea.OTHER
    try:
        focus = parse_focus_area(text("focus_area"))
    except DomainError as exc:
        errors["focus_area"] = str(exc)
    knowledge = False
    try:
        knowledge = parse_yes_no(fields.get("is_knowledge_institution", False))
    except DomainError as exc:
        errors["is_knowledge_institution"] = str(Msg.COMPANY_KNOWLEDGE_INSTITUTION(reason=str(exc)))
    if errors:
        return Parsed(None, errors, warnings)
    notes = fields.get("notes", "")
    return Parsed(
        CompanyData(
            cvr=cvr,
            name=name,
            address=text("address"),
            postcode=postcode,
            city=text("city"),
            municipality=text("municipality"),
            employees=employees,
            focus_area=focus,
            industry=text("industry"),
            is_knowledge_institution=knowledge,
            website=text("website"),
            notes=notes if isinstance(notes, str) else "",
        ),
        errors,
        warnings,
    )


# companies --------------------------------------------------------------------------------------


def count_companies(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Company).where(Company.deleted.is_(False))) or 0)


def list_companies(store: Store, archived: bool = False) -> list[CompanyRow]:
    """The register's companies; ``archived``: the archived ones too (issue 20, item 1)."""
    with store.session() as s:
        shown = (
            Company.deleted.is_(False)
            if archived
            else Company.deleted.is_(False) & Company.archived.is_(False)
        )
        rows = s.execute(
            select(
                Company.id,
                Company.cvr,
                Company.name,
                Company.city,
                Company.industry,
                Company.employees,
                Company.municipality,
                Company.focus_area,
                Company.is_knowledge_institution,
            )
            .where(shown)
            .order_by(Company.name)
        )
        # one row at a time: 30.000 result rows held beside their CompanyRows were walked by each
        # garbage collection meanwhile, in a worker, holding the interpreter (gui_stall_bench (b))
        return [CompanyRow(*r) for r in rows]


def _data_of(c: Company) -> CompanyData:
    return CompanyData(
        cvr=c.cvr,
        name=c.name,
        address=c.address or "",
        postcode=c.postcode or "",
        city=c.city or "",
        municipality=c.municipality or "",
        employees=c.employees,
        focus_area=c.focus_area or FocusArea.OTHER,
        industry=c.industry or "",
        is_knowledge_institution=bool(c.is_knowledge_institution),
        website=c.website or "",
        notes=c.notes or "",
    )


def get_company(store: Store, company_id: str) -> CompanyDetail:
    with store.session() as s:
        c = s.get(Company, company_id)
        if c is None or c.deleted:
            raise DomainError(Msg.COMPANY_GONE())
        return CompanyDetail(c.id, _data_of(c))


def find_by_cvr(store: Store, cvr: str) -> tuple[str, str] | None:
    """(id, name) of the live company with this CVR number (8 digits), if any."""
    with store.session() as s:
        row = s.execute(
            select(Company.id, Company.name).where(Company.cvr == cvr, Company.deleted.is_(False)).limit(1)
        ).first()
    return None if row is None else (row.id, row.name)


@changing("company")
def save_company(store: Store, data: CompanyData, company_id: str | None = None) -> str:
    """Create (``company_id`` None) or update a company; returns its id.

    A CVR number that another live company has raises DuplicateCvrError naming that company, so
    the caller can open it rather than make a twin.
    """
    parsed = parse_company(
        {**data.__dict__, "employees": "" if data.employees is None else str(data.employees)}
    )
    if not parsed.ok:
        raise DomainError(" ".join(parsed.errors.values()))
    with store.session() as s:
        twin = s.execute(
            select(Company.id, Company.name).where(
                Company.cvr == data.cvr, Company.deleted.is_(False), Company.id != (company_id or "")
            )
        ).first()
        if twin is not None:
            raise DuplicateCvrError(twin.id, twin.name, data.cvr)
        if company_id is None:
            company = Company(**data.__dict__)
            s.add(company)
        else:
            existing = s.get(Company, company_id)
            if existing is None or existing.deleted:
                raise DomainError(Msg.COMPANY_GONE())
            company = existing
            for key, value in data.__dict__.items():
                if getattr(company, key) != value:
                    setattr(company, key, value)
        return company.id


# key figures (effect measurement) ---------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigures:
    year: int
    turnover_ore: int | None = None
    value_added_ore: int | None = None
    export_ore: int | None = None
    employees: int | None = None


def parse_key_figures(year: str, turnover: str, value_added: str, export: str, employees: str) -> KeyFigures:
    """One year's key figures as typed (kroner, Danish style); DomainError with a Danish reason."""
    y = (year or "").strip()
    this_year = utcnow().year
    try:
        year_n: int | None = parse_int(y, field=_key_figure_label("year"))
    except DomainError:
        year_n = None
    if year_n is None or not 1990 <= year_n <= this_year + 1:
        raise DomainError(Msg.KEY_FIGURES_YEAR_INVALID(text=y, first=1990, last=this_year + 1))
    y = str(year_n)

    def money(text: str, key: str) -> int | None:
        label = _key_figure_label(key)
        return optional(parse_kr, text, field=f"{label} {y}", allow_negative=key == "value_added")

    return KeyFigures(
        year=year_n,
        turnover_ore=money(turnover, "turnover"),
        value_added_ore=money(value_added, "value_added"),
        export_ore=money(export, "export"),
        employees=optional(parse_int, employees, field=f"{field_label('employees')} {y}"),
    )


def key_figures(store: Store, company_id: str) -> list[KeyFigures]:
    with store.session() as s:
        rows = s.scalars(
            select(EffectMeasurement)
            .where(EffectMeasurement.company_id == company_id, EffectMeasurement.deleted.is_(False))
            .order_by(EffectMeasurement.year)
        ).all()
        return [
            KeyFigures(r.year, r.turnover_ore, r.value_added_ore, r.export_ore, r.employees) for r in rows
        ]


@changing("effect_measurement", "company")
def save_key_figures(store: Store, company_id: str, figures: list[KeyFigures]) -> None:
    """Make the company's key figures exactly ``figures`` (one record per year; dropped years tombstoned)."""
    years = [f.year for f in figures]
    if len(years) != len(set(years)):
        dup = next(y for y in years if years.count(y) > 1)
        raise DomainError(Msg.KEY_FIGURES_YEAR_TWICE(year=dup))
    with store.session() as s:
        existing = {
            r.year: r
            for r in s.scalars(
                select(EffectMeasurement).where(
                    EffectMeasurement.company_id == company_id, EffectMeasurement.deleted.is_(False)
                )
            )
        }
        for f in figures:
            rec = existing.pop(f.year, None)
            if rec is None:
                s.add(EffectMeasurement(company_id=company_id, **f.__dict__))
                continue
            for key, value in f.__dict__.items():
                if getattr(rec, key) != value:
                    setattr(rec, key, value)
        for rec in existing.values():
            rec.deleted = True


# contact persons (personal data, DESIGN §5a) ----------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    role: str
    email: str
    phone: str
    consent_date: dt.date | None
    anonymized: bool


@dataclass(frozen=True)
class ContactData:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    consent_date: dt.date | None = None


def parse_contact(name: str, role: str, email: str, phone: str, consent: str) -> ContactData:
    if not name.strip():
        raise DomainError(Msg.CONTACT_NAME_MISSING())
    mail = email.strip()
    if mail and ("@" not in mail or mail.startswith("@") or mail.endswith("@") or " " in mail):
        raise DomainError(Msg.CONTACT_EMAIL_INVALID(text=mail))
    consent_date = optional(parse_date, consent, field="Samtykkedato")
    if consent_date is not None and consent_date > utcnow().date():
        raise DomainError(Msg.CONTACT_CONSENT_IN_FUTURE())
    return ContactData(name.strip(), role.strip(), mail, phone.strip(), consent_date)


def contacts(store: Store, company_id: str) -> list[ContactRow]:
    with store.session() as s:
        rows = s.scalars(
            select(Contact)
            .where(Contact.company_id == company_id, Contact.deleted.is_(False))
            .order_by(Contact.anonymized, Contact.name)
        ).all()
        return [
            ContactRow(c.id, c.name, c.role, c.email, c.phone, c.consent_date, bool(c.anonymized))
            for c in rows
        ]


@changing("contact")
def save_contact(store: Store, company_id: str, data: ContactData, contact_id: str | None = None) -> str:
    with store.session() as s:
        if contact_id is None:
            if s.get(Company, company_id) is None:
                raise DomainError(Msg.COMPANY_GONE())
            contact = Contact(company_id=company_id, **data.__dict__)
            # --- retention: the consent date is recorded when the contact is created
            contact.consent_date = consent_on_create(data.consent_date, utcnow().date())
            s.add(contact)
            return contact.id
        existing = s.get(Contact, contact_id)
        if existing is None or existing.deleted:
            raise DomainError(Msg.CONTACT_GONE())
        if existing.anonymized:
            raise DomainError(Msg.CONTACT_ANONYMIZED())
        for key, value in data.__dict__.items():
            if getattr(existing, key) != value:
                setattr(existing, key, value)
        return existing.id


@changing("contact")
def anonymize_contact(store: Store, contact_id: str) -> None:
    """Erase what identifies the person; the record stays so meetings keep their participant link."""
    with store.session() as s:
        c = s.get(Contact, contact_id)
        if c is None or c.deleted:
            raise DomainError(Msg.CONTACT_GONE())
        # --- erasure: the fields domain/erasure.py names, and the outbox's copies of the person
        for key, value in erased_values("contact").items():
            setattr(c, key, value)
        s.flush()  # the change's own outbox entry first (before_flush), then every entry scrubbed
        scrub_outbox(s, "contact", contact_id)
