"""Every local change writes its outbox entry in the same transaction (a ``before_flush`` hook).

No use case has to remember it: adding or changing a synced record in a store session is enough.
Changes applied from the server run with ``session.info["from_server"] = True`` and write nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Session

from ..domain.sync_contract import ENTITIES
from ..domain.timeutil import utcnow
from ..domain.vocab import OutboxStatus
from .models import SYNC_META_FIELDS, OutboxEntry, SyncMixin, new_id
from .serialize import pushable_fields, record_data, to_json_value


def _changed_fields(obj: SyncMixin) -> list[str]:
    state = inspect(obj)
    allowed = set(pushable_fields(type(obj)))
    changed = []
    for attr in state.attrs:
        if attr.key in allowed and attr.history.has_changes():
            changed.append(attr.key)
    return changed


def _queue(
    session: Session,
    obj: SyncMixin,
    data: dict[str, Any],
    deleted: bool,
    *,
    is_new: bool,
    this_flush: dict[tuple[str, str], OutboxEntry],
) -> None:
    key = (obj.__entity__, obj.id)
    target = this_flush.get(key)
    if target is None and not is_new:
        with session.no_autoflush:
            # The record's own entries (few), by its record_id index, then the newest unsent one in
            # Python: with status and attempts in the query SQLite chose the status index, and in a
            # never-synced profile every entry is pending: 300 ms per save at 10x, on the GUI thread.
            entries = session.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.entity == obj.__entity__, OutboxEntry.record_id == obj.id
                )
            ).all()
            unsent = [e for e in entries if e.status == OutboxStatus.PENDING and e.attempts == 0]
            target = max(unsent, key=lambda e: e.seq) if unsent else None
    if target is not None:
        # Never sent yet: fold this change into it, so one edit session is one change.
        merged = dict(target.data or {})
        merged.update(data)
        target.data = merged
        target.deleted = bool(target.deleted or deleted)
        return
    entry = OutboxEntry(
        entity=obj.__entity__,
        record_id=obj.id,
        base_version=obj.version or 0,
        deleted=deleted,
        data=data,
        created_at=utcnow(),
    )
    this_flush[key] = entry
    session.add(entry)


_RANK = {name: i for i, name in enumerate(ENTITIES)}


def _entity_rank(obj: SyncMixin) -> int:
    return _RANK.get(obj.__entity__, len(_RANK))


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("from_server"):
        return
    now = utcnow()
    this_flush: dict[tuple[str, str], OutboxEntry] = {}
    # Parents before children, so the server sees a network before its memberships.
    for obj in sorted((o for o in session.new if isinstance(o, SyncMixin)), key=_entity_rank):
        obj.updated_at = now
        # Column defaults are applied at INSERT; fill them now so the payload is complete.
        for col in inspect(type(obj)).columns:
            if col.key in SYNC_META_FIELDS or getattr(obj, col.key) is not None:
                continue
            default = col.default
            if default is not None and getattr(default, "is_scalar", False):
                setattr(obj, col.key, default.arg)
            elif default is not None and getattr(default, "is_callable", False):
                setattr(obj, col.key, default.arg(None))
        _queue(session, obj, record_data(obj), bool(obj.deleted), is_new=True, this_flush=this_flush)
    for obj in sorted((o for o in session.dirty if isinstance(o, SyncMixin)), key=_entity_rank):
        if not session.is_modified(obj, include_collections=False):
            continue
        fields = _changed_fields(obj)
        deleted_changed = inspect(obj).attrs["deleted"].history.has_changes()
        if not fields and not deleted_changed:
            continue
        obj.updated_at = now
        data = {k: to_json_value(getattr(obj, k)) for k in fields}
        _queue(session, obj, data, bool(obj.deleted), is_new=False, this_flush=this_flush)


def _maker(default: Any) -> Callable[[], Any] | None:
    """A column default's value, made anew each time it is asked for (None: it has none here)."""
    if getattr(default, "is_scalar", False):
        value = default.arg
        return lambda: value
    if getattr(default, "is_callable", False):
        make = default.arg
        return lambda: make(None)
    return None


def insert_new(session: Session, cls: type[SyncMixin], records: list[dict[str, Any]]) -> list[str]:
    """New records of ``cls`` written in one statement of many rows, each with its outbox entry as
    the ``before_flush`` hook writes it for a record added to the session (its id, ``updated_at``
    now, the columns' defaults, every pushable field in ``data``); their ids, in order.

    For an import of thousands of rows: the unit of work's bookkeeping per record, and an INSERT
    per outbox entry, held the interpreter 1,6 s per 10.000 companies, while the window waited
    for it (benchmarks/gui_stall_bench.py (b)). ``records``: column values by name."""
    if not records:
        return []
    now = utcnow()
    columns = list(inspect(cls).columns)
    fields = pushable_fields(cls)
    # what a column has when a record gives it nothing (as ``_before_flush`` fills it in)
    defaults = {
        col.key: _maker(col.default)
        for col in columns
        if col.key not in SYNC_META_FIELDS and col.default is not None
    }
    rows: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for given in records:
        row = {col.key: given.get(col.key) for col in columns}
        row["id"] = row["id"] or new_id()
        row["version"] = row["version"] or 0
        row["deleted"] = bool(row["deleted"])
        row["updated_at"] = now
        for key, make in defaults.items():
            if row[key] is None and make is not None:
                row[key] = make()
        rows.append(row)
        entries.append(
            {
                "change_id": new_id(),
                "entity": cls.__entity__,
                "record_id": row["id"],
                "base_version": row["version"],
                "deleted": row["deleted"],
                "data": {k: to_json_value(row[k]) for k in fields},
                "created_at": now,
                "status": OutboxStatus.PENDING.value,
                "attempts": 0,
                "last_error": "",
                "server_data": None,
            }
        )
    session.execute(insert(cast(Table, inspect(cls).local_table)), rows)
    session.execute(insert(cast(Table, OutboxEntry.__table__)), entries)
    return [row["id"] for row in rows]


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
