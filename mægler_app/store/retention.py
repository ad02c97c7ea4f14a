"""Keep-until dates on this computer (issue 21 item 2): set on save, re-dated when the server's
settings change, and purged records removed when the server says so.

The date comes from ``domain.retention.keep_until`` with the settings the server sent at the last
sync (``LocalState`` ``retention_settings``; the defaults before the first). It is a server-owned
field: never pushed, and the server's value, pulled, replaces it. Both sides compute it with the
same function and the same settings, so the value set here on save is the one the server sets.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from ..domain.retention import (
    KEEP_UNTIL,
    RETAINED_ENTITIES,
    RetentionSettings,
    keep_until,
    settings_from_json,
)
from ..domain.sync_contract import PURGED_KEY
from .models import SYNCED, Blob, LocalState, OutboxEntry, SyncMixin
from .serialize import data_fields

SETTINGS_KEY = "retention_settings"
# The records that name a retained record, and the field that does: nulled when it is purged.
REFERRERS: dict[str, tuple[tuple[str, str], ...]] = {
    "meeting": (("expense", "meeting_id"),),
    "application": (("action_plan", "application_id"), ("application", "previous_id")),
}


def load_settings(s: Session) -> RetentionSettings:
    row = s.get(LocalState, SETTINGS_KEY)
    return settings_from_json(row.value if row is not None else None)


def _values(obj: SyncMixin) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in data_fields(type(obj))}


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    """Every retained record saved here gets its date (not a record applied from the server)."""
    if session.info.get("from_server"):
        return
    touched = [
        o
        for o in (*session.new, *session.dirty)
        if isinstance(o, SyncMixin) and o.__entity__ in RETAINED_ENTITIES and not o.deleted
    ]
    if not touched:
        return
    with session.no_autoflush:
        settings = load_settings(session)
    for obj in touched:
        day = keep_until(obj.__entity__, _values(obj), settings)
        if day is not None and getattr(obj, KEEP_UNTIL) != day:
            setattr(obj, KEEP_UNTIL, day)


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)


def redate_all(s: Session, settings: RetentionSettings) -> int:
    """Every record's date from ``settings`` (the server's new ones); how many changed. Runs in a
    ``from_server`` session: nothing goes to the outbox, and the server re-dates its copies too."""
    changed = 0
    for entity in RETAINED_ENTITIES:
        cls = SYNCED[entity]
        for obj in s.scalars(select(cls).where(cls.deleted.is_(False))):
            day = keep_until(entity, _values(obj), settings)
            if day is not None and getattr(obj, KEEP_UNTIL) != day:
                setattr(obj, KEEP_UNTIL, day)
                changed += 1
    return changed


def settings_kept(stored: Any, value: Any) -> bool:
    """Whether ``remember_settings`` would change nothing: ``value`` (``/me``'s ``retention``) is
    None (an older server), or the settings it gives are those ``stored`` (the kept row's value,
    None when there is none) already holds."""
    if value is None:
        return True
    if stored is None:
        return False
    current = settings_from_json(stored)
    return settings_from_json(value, current) == current


def remember_settings(s: Session, value: Any) -> bool:
    """Store the server's settings (``/me``'s ``retention``) and re-date everything when they are
    new here. None (an older server) leaves everything as it is. Returns whether anything changed."""
    row = s.get(LocalState, SETTINGS_KEY)
    if settings_kept(row.value if row is not None else None, value):
        return False
    new = settings_from_json(value, load_settings(s))
    if row is None:
        s.add(LocalState(key=SETTINGS_KEY, value=new.as_json()))
    else:
        row.value = new.as_json()
    redate_all(s, new)
    return True


def is_purged(change: dict[str, Any]) -> bool:
    """A pulled change that is the server's purge of a record (a tombstone with only its marker)."""
    data = change.get("data")
    return bool(change.get("deleted")) and isinstance(data, dict) and PURGED_KEY in data


def purge_local(s: Session, entity: str, record_id: str) -> str | None:
    """Remove a record the server has purged, with its outbox entries; the references to it are
    emptied (the server empties its copies too). Returns the receipt whose file may now go."""
    cls = SYNCED.get(entity)
    if cls is None:
        return None
    for ref_entity, ref_field in REFERRERS.get(entity, ()):
        ref_cls = SYNCED[ref_entity]
        s.execute(update(ref_cls).where(getattr(ref_cls, ref_field) == record_id).values({ref_field: None}))
    s.execute(
        OutboxEntry.__table__.delete().where(  # type: ignore[attr-defined]
            OutboxEntry.entity == entity, OutboxEntry.record_id == record_id
        )
    )
    obj = s.get(cls, record_id)
    if obj is None:
        return None
    receipt = getattr(obj, "receipt_sha256", "") or None
    s.delete(obj)
    s.flush()
    return receipt


def unused_receipts(s: Session, shas: set[str]) -> list[str]:
    """Of these receipts, those no expense here names any more (their files may go)."""
    if not shas:
        return []
    cls = SYNCED["expense"]
    used = set(s.scalars(select(cls.receipt_sha256).where(cls.receipt_sha256.in_(shas))))  # type: ignore[attr-defined]
    gone = sorted(shas - used)
    for sha in gone:
        blob = s.get(Blob, sha)
        if blob is not None:
            s.delete(blob)
    return gone


def projected_keep_until(store: Any, entity: str, data: dict[str, Any]) -> Any:
    """The date the rule gives a record of ``entity`` with these fields, with this computer's
    settings (for a view to show before the first save)."""
    with store.session() as s:
        settings = load_settings(s)
    return keep_until(entity, data, settings)
