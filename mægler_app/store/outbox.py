"""Every local change writes its outbox entry in the same transaction (a ``before_flush`` hook).

No use case has to remember it: adding or changing a synced record in a store session is enough.
Changes applied from the server run with ``session.info["from_server"] = True`` and write nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Session

from ..domain.retention import RETAINED_ENTITIES
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
        for key, make in column_defaults(type(obj)).items():
            if getattr(obj, key) is None:
                setattr(obj, key, make())
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


def column_defaults(cls: type[Any]) -> dict[str, Callable[[], Any]]:
    """What each column of ``cls`` with a default (scalar or callable) gets when given nothing,
    the sync's own fields left out: what ``_before_flush`` fills in so a new record's outbox
    payload is complete, and ``insert_new`` writes."""
    out: dict[str, Callable[[], Any]] = {}
    for col in inspect(cls).columns:
        if col.key in SYNC_META_FIELDS or col.default is None:
            continue
        make = _maker(col.default)
        if make is not None:
            out[col.key] = make
    return out


def insert_new(session: Session, cls: type[SyncMixin], records: list[dict[str, Any]]) -> list[str]:
    """New records of ``cls`` written in one statement of many rows, each with its outbox entry as
    the ``before_flush`` hook writes it for a record added to the session (its id, ``updated_at``
    now, the columns' defaults, every pushable field in ``data``); their ids, in order.

    For an import of thousands of rows: the unit of work's bookkeeping per record, and an INSERT
    per outbox entry, held the interpreter 1,6 s per 10.000 companies, while the window waited
    for it (benchmarks/gui_stall_bench.py (b)). ``records``: column values by name."""
    if cls.__entity__ in RETAINED_ENTITIES:  # their keep-until date is another hook's (retention)
        raise ValueError(f"insert_new skips the retention hook: not for {cls.__entity__}")
    if not records:
        return []
    now = utcnow()
    columns = list(inspect(cls).columns)
    fields = pushable_fields(cls)
    defaults = column_defaults(cls)  # what a column has when a record gives it nothing
    rows: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for given in records:
        row = {col.key: given.get(col.key) for col in columns}
        row["id"] = row["id"] or new_id()
        row["version"] = row["version"] or 0
        row["deleted"] = bool(row["deleted"])
        row["updated_at"] = now
        for key, make in defaults.items():
            if row[key] is None:
                row[key] = make()
        rows.append(row)
        entries.append(  # the rest (change id, status, attempts …) by the model's defaults
            {
                "entity": cls.__entity__,
                "record_id": row["id"],
                "base_version": row["version"],
                "deleted": row["deleted"],
                "data": {k: to_json_value(row[k]) for k in fields},
                "created_at": now,
            }
        )
    session.execute(insert(cast(Table, inspect(cls).local_table)), rows)
    session.execute(insert(cast(Table, OutboxEntry.__table__)), entries)
    return [row["id"] for row in rows]


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
