"""Effects on the laptop (issue 19): the records ``domain.effects`` reads, a company's baseline year,
the growth of one company, of a network's companies and of the whole programme, and the export.

Only loading and saving here; every figure comes from ``domain.effects``, the function ``/stats``
and ``maegler-server export-effects`` call too. The laptop keeps no creation time of a record: a
membership's join is its last change (its creation, unless its role was changed since), a
satisfaction answer without ``answered_on`` counts in the year of its last change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import effects as fx
from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.figures import RecordView
from ...domain.messages import Msg
from ...domain.numbers import parse_int
from ...domain.stages import Move
from ...domain.timeutil import utcnow
from ..db import Store
from ..models import Company, EffectMeasurement, Membership, Network, Satisfaction
from .broker import live_network_views

EFFECT_FIELDS = ("year", "turnover_ore", "value_added_ore", "export_ore", "employees")


def parse_baseline_year(text: str) -> int | None:
    """A baseline year as typed; empty → None (automatic). DomainError with a Danish reason."""
    s = (text or "").strip()
    if not s:
        return None
    try:
        year: int | None = parse_int(s, field="Basisår")
    except DomainError:
        year = None
    last = utcnow().year
    if year is None or not fx.FIRST_YEAR <= year <= last:
        raise DomainError(Msg.EFFECTS_BASELINE_YEAR_INVALID(text=s, first=fx.FIRST_YEAR, last=last))
    return year


@changing("company")
def set_baseline_year(store: Store, company_id: str, year: int | None) -> bool:
    """Store a company's own baseline year (None: automatic); True if it changed."""
    with store.session() as s:
        company = s.get(Company, company_id)
        if company is None or company.deleted:
            raise DomainError(Msg.COMPANY_GONE())
        if company.baseline_year == year:
            return False
        company.baseline_year = year
        return True


def _company_view(row: Any) -> RecordView:
    id_, owner, updated, cvr, area, baseline = row
    data = {"cvr": cvr, "focus_area": area, "baseline_year": baseline}
    return RecordView("company", id_, owner or "", False, data, updated)


def _satisfaction_columns() -> list[Any]:
    # ``answered_on`` arrives with the survey (issue 19, part 1); without it, the year stored counts.
    columns: list[Any] = [
        Satisfaction.id,
        Satisfaction.owner_id,
        Satisfaction.updated_at,
        Satisfaction.score,
        Satisfaction.company_id,
        Satisfaction.network_id,
    ]
    answered = getattr(Satisfaction, "answered_on", None)
    if answered is not None:
        columns.append(answered)
    return columns


def effect_records(s: Session, company_ids: Sequence[str] | None = None) -> list[RecordView]:
    """The live records ``domain.effects`` reads: companies, memberships, networks (with their
    names), key figures and satisfaction answers; with ``company_ids``, only those companies'."""
    out: list[RecordView] = []
    company_q = select(
        Company.id,
        Company.owner_id,
        Company.updated_at,
        Company.cvr,
        Company.focus_area,
        Company.baseline_year,
    ).where(Company.deleted.is_(False))
    member_q = select(
        Membership.id,
        Membership.owner_id,
        Membership.updated_at,
        Membership.network_id,
        Membership.company_id,
    ).where(Membership.deleted.is_(False))
    figure_q = select(
        EffectMeasurement.id,
        EffectMeasurement.owner_id,
        EffectMeasurement.updated_at,
        EffectMeasurement.company_id,
        *(getattr(EffectMeasurement, f) for f in EFFECT_FIELDS),
    ).where(EffectMeasurement.deleted.is_(False))
    if company_ids is not None:
        company_q = company_q.where(Company.id.in_(company_ids))
        member_q = member_q.where(Membership.company_id.in_(company_ids))
        figure_q = figure_q.where(EffectMeasurement.company_id.in_(company_ids))
    out.extend(_company_view(row) for row in s.execute(company_q))
    network_ids: set[str] = set()
    for id_, owner, updated, network_id, company_id in s.execute(member_q):
        network_ids.add(network_id)
        data: dict[str, Any] = {"network_id": network_id, "company_id": company_id}
        out.append(RecordView("membership", id_, owner or "", False, data, updated))
    # one company's: its networks only (all 4.000 of a 10x profile took 60 ms on each editor load)
    names_q = select(Network.id, Network.name).where(Network.deleted.is_(False))
    if company_ids is not None:
        names_q = names_q.where(Network.id.in_(list(network_ids)))
    names = dict(s.execute(names_q).all())
    for view in live_network_views(s, None if company_ids is None else network_ids):
        if company_ids is None or view.id in network_ids:
            data = {**view.data, "name": names.get(view.id, "")}
            out.append(RecordView("network", view.id, view.owner_id, False, data, view.created_at))
    for id_, owner, updated, company_id, *values in s.execute(figure_q):
        data = {"company_id": company_id, **dict(zip(EFFECT_FIELDS, values, strict=True))}
        out.append(RecordView("effect_measurement", id_, owner or "", False, data, updated))
    if company_ids is None:
        for id_, owner, updated, score, company_id, network_id, *answered in s.execute(
            select(*_satisfaction_columns()).where(Satisfaction.deleted.is_(False))
        ):
            data = {"score": score, "company_id": company_id, "network_id": network_id}
            if answered and answered[0] is not None:
                data["answered_on"] = str(answered[0])[:10]
            out.append(RecordView("satisfaction", id_, owner or "", False, data, updated))
    return out


def company_effects(
    store: Store, company_id: str, history: Mapping[str, Sequence[Move]] | None = None
) -> fx.CompanyEffects:
    """One company's growth against its baseline (as stored now)."""
    with store.session() as s:
        records = effect_records(s, [company_id])
    joined = fx.first_join(company_id, records, history)
    company = next((r for r in records if r.entity == "company"), None)
    figures = [
        f for r in records if r.entity == "effect_measurement" and (f := fx.year_figures(r.data)) is not None
    ]
    stored = company.data.get("baseline_year") if company is not None else None
    return fx.company_effects(figures, joined=joined, stored_year=stored)


@dataclass(frozen=True)
class MemberEffects:
    company_id: str
    name: str
    effects: fx.CompanyEffects


def network_effects(
    store: Store, network_id: str, history: Mapping[str, Sequence[Move]] | None = None
) -> list[MemberEffects]:
    """The growth of each live member of a network, by name."""
    with store.session() as s:
        members = s.execute(
            select(Company.id, Company.name)
            .join(Membership, Membership.company_id == Company.id)
            .where(
                Membership.network_id == network_id,
                Membership.deleted.is_(False),
                Company.deleted.is_(False),
            )
            .order_by(Company.name)
        ).all()
        ids = [m.id for m in members]
        records = effect_records(s, ids) if ids else []
    people = {p.company_id: p for p in fx.participants(records, history)}
    figures: dict[str, list[fx.YearFigures]] = {}
    stored: dict[str, Any] = {}
    for r in records:
        if r.entity == "effect_measurement" and (f := fx.year_figures(r.data)) is not None:
            figures.setdefault(str(r.data.get("company_id")), []).append(f)
        elif r.entity == "company":
            stored[r.id] = r.data.get("baseline_year")
    out = []
    for company_id, name in members:
        person = people.get(company_id)
        effects = (
            person.effects
            if person is not None
            else fx.company_effects(figures.get(company_id, []), stored_year=stored.get(company_id))
        )
        out.append(MemberEffects(company_id, name, effects))
    return out


def programme_effects(store: Store, history: Mapping[str, Sequence[Move]] | None = None) -> dict[str, Any]:
    """The programme's effects from this laptop's synced records (``/stats``' ``effects``)."""
    with store.session() as s:
        records = effect_records(s)
    return fx.programme_effects(records, history)


def export_effects(
    store: Store, history: Mapping[str, Sequence[Move]] | None = None
) -> tuple[bytes, bytes, int]:
    """The export for Danmarks Statistik from this laptop's synced records: (rows file, CVR file,
    companies)."""
    with store.session() as s:
        records = effect_records(s)
    table = fx.export_table(fx.participants(records, history))
    main, cvrs = fx.export_files(table)
    return main, cvrs, len(table.rows)
