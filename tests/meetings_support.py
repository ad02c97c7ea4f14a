"""Shared set-up for the meeting, expense and budget tests: a network with a passed screening."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.store.models import Company, Contact, Membership, Network


@dataclass
class NetworkFixture:
    network_id: str
    contact_ids: list[str]
    company_ids: list[str]
    opened_on: dt.date


def make_network(
    store,  # type: ignore[no-untyped-def]
    *,
    name: str = "Vindnetværket",
    opened_on: dt.date | None = dt.date(2026, 3, 2),
    closed_on: dt.date | None = None,
    seed: int = 0,
) -> NetworkFixture:
    """Three member companies, one contact each; facilitation opened on ``opened_on``."""
    contacts: list[str] = []
    companies: list[str] = []
    with store.session() as s:
        network = Network(name=name, stage="stage_1", facilitation_opened_on=opened_on, closed_on=closed_on)
        s.add(network)
        for i, (co, person) in enumerate(
            [
                ("Brande Stål ApS", "Jens Kragh"),
                ("Herning Paneler A/S", "Mette Lund"),
                ("Ikast Ingeniører ApS", "Søren Ø"),
            ]
        ):
            company = Company(cvr=make_valid_cvr(500 + seed * 10 + i), name=f"{co} {seed}" if seed else co)
            s.add(company)
            contact = Contact(company_id=company.id, name=person, role="Direktør")
            s.add(contact)
            s.add(
                Membership(network_id=network.id, company_id=company.id, role="lead" if i == 0 else "member")
            )
            contacts.append(contact.id)
            companies.append(company.id)
        network_id = network.id
    return NetworkFixture(network_id, contacts, companies, opened_on or dt.date(2026, 3, 2))
