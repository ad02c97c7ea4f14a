"""Retention on the server (issue 21 item 2): the settings, the keep-until dates it sets, and purge.

The server is the authority for ``keep_until`` (a server-owned field, domain/sync_contract.py): it
sets it on every pushed change of a document (server/push.py), on a decision (server/decisions.py)
and on every record when the settings change (``save_settings``). The laptops compute the same
date with the same function on save and take the server's by pull.

``purge`` deletes what has passed its date: the record becomes a tombstone whose data is only
``{"purged_on": date}`` (no content), its history rows go, references to it are emptied, and a
receipt no live expense names any more is deleted with its owners. The laptops follow at their
next sync: the tombstone's marker tells them to remove the record and its receipt file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..domain.retention import (
    DEFAULT_SETTINGS,
    KEEP_UNTIL,
    RETAINED_ENTITIES,
    RetentionSettings,
    is_due,
    keep_until_text,
    settings_from_json,
)
from ..domain.sync_contract import PURGED_KEY
from ..domain.timeutil import utcnow
from .db import Database, allocate_seqs, owner_lock_key
from .models import AppliedChange, BlobContent, BlobOwner, Record, RecordChange, ServerSetting, User

SETTINGS_KEY = "retention"
SERVER_CLIENT = "server"  # as push.SERVER_CLIENT: the field markers of a change the server made
# The records that name a retained record, and the field that does: emptied when it is purged.
REFERRERS: dict[str, tuple[tuple[str, str], ...]] = {
    "meeting": (("expense", "meeting_id"),),
    "application": (("action_plan", "application_id"), ("application", "previous_id")),
}


# Built once: every push with a document reads it (a statement made per call cost more than the read).
SETTINGS_VALUE = select(ServerSetting.value).where(ServerSetting.key == SETTINGS_KEY)
# The same for the driver, as JSON text (a push reads it with its records: push.prefetch_pipelined).
SETTINGS_VALUE_PG = f"SELECT CAST(value AS TEXT) FROM server_setting WHERE key = '{SETTINGS_KEY}'"


def load_settings(conn: Connection | Session) -> RetentionSettings:
    value = conn.execute(SETTINGS_VALUE).scalar()
    return settings_from_json(value)


def read_settings(db: Database) -> RetentionSettings:
    with db.read() as conn:
        return load_settings(conn)


def _lock_owners(s: Session) -> None:
    """PostgreSQL: every broker's write lock (in one order), so no push runs beside a re-dating or
    a purge that changes its records. SQLite has a single writer anyway."""
    if s.get_bind().dialect.name != "postgresql":
        return
    for user_id in sorted(s.scalars(select(User.id))):
        s.execute(select(func.pg_advisory_xact_lock(owner_lock_key(user_id))))


def _server_change(rec: Record, changes: dict[str, Any], seq: int, now: dt.datetime) -> None:
    version = rec.version + 1
    markers = dict(rec.field_versions)
    for key in changes:
        markers[key] = [version, SERVER_CLIENT]
    rec.data = {**rec.data, **changes}
    rec.field_versions = markers
    rec.version = version
    rec.seq = seq
    rec.updated_at = now


def _redate(s: Session, settings: RetentionSettings, now: dt.datetime) -> int:
    """Every live document's date from ``settings``; a changed one is a server change the owner pulls."""
    recs = s.scalars(
        select(Record).where(Record.entity.in_(RETAINED_ENTITIES), Record.deleted.is_(False))
    ).all()
    changed = []
    for rec in recs:
        day = keep_until_text(rec.entity, rec.data, settings)
        if day is not None and rec.data.get(KEEP_UNTIL) != day:
            changed.append((rec, day))
    if changed:
        first = allocate_seqs(s, len(changed))
        for k, (rec, day) in enumerate(changed):
            _server_change(rec, {KEEP_UNTIL: day}, first + k, now)
    return len(changed)


def save_settings(db: Database, settings: RetentionSettings) -> int:
    """Store the settings and re-date every document; how many got a new date."""
    now = utcnow()
    with db.write() as s:
        _lock_owners(s)
        row = s.get(ServerSetting, SETTINGS_KEY)
        if row is None:
            s.add(ServerSetting(key=SETTINGS_KEY, value=settings.as_json(), updated_at=now))
        else:
            row.value = settings.as_json()
            row.updated_at = now
        return _redate(s, settings, now)


def ensure_dated(db: Database) -> int:
    """At ``init`` (after an upgrade): without stored settings, store the defaults and date every
    document stored before retention came; how many got a date. Once stored, nothing is done."""
    with db.engine.connect() as conn:
        if conn.execute(select(ServerSetting.key).where(ServerSetting.key == SETTINGS_KEY)).first():
            return 0
    return save_settings(db, DEFAULT_SETTINGS)


@dataclass
class PurgeItem:
    entity: str
    id: str
    owner_id: str
    keep_until: str


@dataclass
class PurgeResult:
    items: list[PurgeItem] = field(default_factory=list)
    blobs: list[str] = field(default_factory=list)


def _due(s: Session, settings: RetentionSettings, today: dt.date) -> list[Record]:
    """Live documents whose date (as the settings give it now) has passed."""
    recs = s.scalars(
        select(Record)
        .where(Record.entity.in_(RETAINED_ENTITIES), Record.deleted.is_(False))
        .order_by(Record.entity, Record.id)
    ).all()
    return [r for r in recs if is_due(keep_until_text(r.entity, r.data, settings), today)]


def purge(db: Database, today: dt.date | None = None, *, dry_run: bool = False) -> PurgeResult:
    """Delete (``dry_run``: only list) every document that has passed its date, with its receipt."""
    today = today or utcnow().date()
    now = utcnow()
    out = PurgeResult()
    with db.write() as s:
        _lock_owners(s)
        settings = load_settings(s)
        due = _due(s, settings, today)
        out.items = [
            PurgeItem(r.entity, r.id, r.owner_id, keep_until_text(r.entity, r.data, settings) or "")
            for r in due
        ]
        receipts = {
            str(r.data["receipt_sha256"])
            for r in due
            if r.entity == "expense" and r.data.get("receipt_sha256")
        }
        out.blobs = _blobs_after(s, due, receipts)
        if dry_run or not due:
            s.rollback()
            return out
        gone = {(r.entity, r.id) for r in due}
        referrers = _referrers(s, due, gone)
        first = allocate_seqs(s, len(referrers) + len(due))
        k = 0
        # The references first: a laptop empties them before the record they named goes.
        for rec, names in referrers:
            _server_change(rec, dict.fromkeys(names), first + k, now)
            k += 1
        for rec in due:
            rec.deleted = True
            rec.data = {PURGED_KEY: today.isoformat()}
            rec.field_versions = {"_deleted": [rec.version + 1, SERVER_CLIENT]}
            rec.version += 1
            rec.seq = first + k
            rec.updated_at = now
            rec.amount_ore = None
            k += 1
        s.flush()
        for entity, ids in _by_entity(due).items():
            s.execute(
                delete(RecordChange).where(RecordChange.entity == entity, RecordChange.record_id.in_(ids))
            )
        _forget_copies(s, [r.id for r in due])
        if out.blobs:
            s.execute(delete(BlobOwner).where(BlobOwner.sha256.in_(out.blobs)))
            s.execute(delete(BlobContent).where(BlobContent.sha256.in_(out.blobs)))
    return out


def _forget_copies(s: Session, ids: list[str]) -> None:
    """The stored push answers about purged documents keep their status and version (a replay is
    still answered ``duplicate``) but no copy of the document (a conflict answer's ``server``).
    Found by ``applied_change.record_id``, which the push sets for documents since this version."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for applied in s.scalars(select(AppliedChange).where(AppliedChange.record_id.in_(chunk))):
            if isinstance(applied.result, dict) and "server" in applied.result:
                applied.result = {k: v for k, v in applied.result.items() if k != "server"}


def _blobs_after(s: Session, due: list[Record], receipts: set[str]) -> list[str]:
    """As ``_orphaned_blobs`` once ``due`` were gone (for a dry run, which changes nothing)."""
    gone = {r.id for r in due if r.entity == "expense"}
    still = set()
    for rec in s.scalars(select(Record).where(Record.entity == "expense", Record.deleted.is_(False))):
        if rec.id not in gone and rec.data.get("receipt_sha256") in receipts:
            still.add(rec.data["receipt_sha256"])
    return sorted(receipts - still)


def _by_entity(recs: list[Record]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        out[r.entity].append(r.id)
    return out


def _referrers(s: Session, due: list[Record], gone: set[tuple[str, str]]) -> list[tuple[Record, list[str]]]:
    """Live records (not purged themselves) naming a purged one, with the fields that do."""
    targets: dict[str, set[str]] = defaultdict(set)
    for r in due:
        targets[r.entity].add(r.id)
    found: dict[tuple[str, str], tuple[Record, list[str]]] = {}
    for entity, ids in targets.items():
        for ref_entity, ref_field in REFERRERS.get(entity, ()):
            for rec in s.scalars(
                select(Record).where(Record.entity == ref_entity, Record.deleted.is_(False))
            ):
                if (rec.entity, rec.id) in gone or rec.data.get(ref_field) not in ids:
                    continue
                found.setdefault((rec.entity, rec.id), (rec, []))[1].append(ref_field)
    return list(found.values())


__all__ = ["DEFAULT_SETTINGS", "PurgeResult", "load_settings", "purge", "read_settings", "save_settings"]
