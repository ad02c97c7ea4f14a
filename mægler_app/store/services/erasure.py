"""Erasure on this computer: a person's values leave the outbox too (GDPR art. 17, issue 21).

The record itself gets the erased values from ``domain/erasure.py`` (the broker's "Anonymisér",
``companies.anonymize_contact``, or a pull that brings an erased record or a tombstone); this
module scrubs the copies of the person this computer keeps besides: the payloads of its outbox
(changes waiting, refused or in conflict), the server's copy kept with a conflict, and a pulled
record parked while it waits for its parent.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.changes import changing
from ...domain.erasure import erased_values, has_personal_data, scrubbed
from ..db import Store
from ..models import Contact, LocalState, OutboxEntry
from .overview import PARKED_PREFIX


def _scrub_copy(entity: str, copy: Any) -> Any:
    """A server copy ``{"version", "deleted", "data"}`` (or a pulled change) without the person."""
    if isinstance(copy, dict) and isinstance(copy.get("data"), dict):
        data = scrubbed(entity, copy["data"])
        if data != copy["data"]:
            return {**copy, "data": data}
    return copy


def scrub_outbox(s: Session, entity: str, record_id: str) -> int:
    """Erase the person from every outbox entry and parked copy of this record; the count changed."""
    if not has_personal_data(entity):
        return 0
    changed = 0
    entries = s.scalars(
        select(OutboxEntry).where(OutboxEntry.entity == entity, OutboxEntry.record_id == record_id)
    )
    for e in entries:
        data = scrubbed(entity, e.data or {}, complete=False)
        server = _scrub_copy(entity, e.server_data)
        if data != (e.data or {}) or server is not e.server_data:
            e.data = data
            e.server_data = server
            changed += 1
    parked = s.get(LocalState, f"{PARKED_PREFIX}{entity}/{record_id}")
    if parked is not None and isinstance(parked.value, dict):
        change = _scrub_copy(entity, parked.value.get("change"))
        if change is not parked.value.get("change"):
            parked.value = {**parked.value, "change": change}
            changed += 1
    return changed


@changing("contact")
def apply_erasure(store: Store, contact_id: str, version: int | None = None) -> bool:
    """An erasure done at the server (a caseworker's): this computer's copy as the pull will bring
    it, written as the server's (no outbox entry). False when this computer has no such contact."""
    with store.session() as s:
        s.info["from_server"] = True
        contact = s.get(Contact, contact_id)
        if contact is None:
            return False
        for key, value in erased_values("contact").items():
            setattr(contact, key, value)
        if version is not None:
            contact.version = max(contact.version or 0, version)
        scrub_outbox(s, "contact", contact_id)
    return True
