"""Archiving, restoring and deleting a company (issue 20, item 1); the rule is
``domain.archive.removal_problems``, the same the server applies to a pushed change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.archive import Removal, network_is_active, removal_problems
from ...domain.changes import changing
from ...domain.errors import DomainError
from ...domain.messages import Message, Msg
from ..db import Store
from ..models import Company, Membership, Network


def _live(s: Session, company_id: str) -> Company:
    company = s.get(Company, company_id)
    if company is None or company.deleted:
        raise DomainError(Msg.COMPANY_GONE())
    return company


def active_networks(s: Session, company_id: str) -> list[str]:
    """Names of the active networks the company is a live member of."""
    rows = s.execute(
        select(Network.name, Network.stage, Network.deleted)
        .join(Membership, Membership.network_id == Network.id)
        .where(Membership.company_id == company_id, Membership.deleted.is_(False))
    ).all()
    return [name for name, stage, deleted in rows if network_is_active(stage, deleted)]


def problems(store: Store, company_id: str, removal: Removal) -> list[Message]:
    """Why the company cannot be archived or deleted now (empty: it can)."""
    with store.session() as s:
        company = _live(s, company_id)
        return removal_problems(removal, company.name, active_networks(s, company_id))


@changing("company")
def archive_company(store: Store, company_id: str) -> Message:
    """Archive the company (it leaves the register's list); DomainError says why not."""
    with store.session() as s:
        company = _live(s, company_id)
        found = removal_problems(Removal.ARCHIVE, company.name, active_networks(s, company_id))
        if found:
            raise DomainError(*found)
        if not company.archived:
            company.archived = True
        return Msg.COMPANY_ARCHIVED(company=company.name)


@changing("company")
def restore_company(store: Store, company_id: str) -> Message:
    with store.session() as s:
        company = _live(s, company_id)
        if company.archived:
            company.archived = False
        return Msg.COMPANY_RESTORED(company=company.name)


@changing("company")
def delete_company(store: Store, company_id: str) -> Message:
    """A tombstone that syncs (its memberships of closed networks and its contacts stay, as the
    networks' history); DomainError says why not."""
    with store.session() as s:
        company = _live(s, company_id)
        found = removal_problems(Removal.DELETE, company.name, active_networks(s, company_id))
        if found:
            raise DomainError(*found)
        company.deleted = True
        return Msg.COMPANY_DELETED(company=company.name)


def archived_ids(store: Store) -> set[str]:
    with store.session() as s:
        return set(
            s.scalars(select(Company.id).where(Company.deleted.is_(False), Company.archived.is_(True))).all()
        )
