"""Applying server records to the local store: fast field conversion, parents before children.

Used by pull (and by "take the server's copy" when resolving a conflict). Callers run it in a
session with ``session.info["from_server"] = True`` so that nothing here lands in the outbox.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import Date, inspect

from ..domain.sync_contract import ENTITIES
from ..store.models import SYNC_META_FIELDS, SYNCED, SyncMixin
from ..store.types import UTCDateTime

RANK = {name: i for i, name in enumerate(ENTITIES)}


def _parse_datetime(value: Any) -> Any:
    if value is None or isinstance(value, dt.datetime):
        return value
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _parse_date(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _same(value: Any) -> Any:
    return value


@cache
def converters(entity: str) -> dict[str, Callable[[Any], Any]]:
    """field → JSON value to Python value, for the data fields of ``entity``."""
    cls = SYNCED[entity]
    out: dict[str, Callable[[Any], Any]] = {}
    for col in inspect(cls).columns:
        if col.key in SYNC_META_FIELDS:
            continue
        if isinstance(col.type, UTCDateTime):
            out[col.key] = _parse_datetime
        elif isinstance(col.type, Date):
            out[col.key] = _parse_date
        else:
            out[col.key] = _same
    return out


@cache
def required_fields(entity: str) -> frozenset[str]:
    """NOT NULL columns: a None from the server there is skipped (the local value or default stays)."""
    cls = SYNCED[entity]
    return frozenset(c.key for c in inspect(cls).columns if not c.nullable and c.key not in SYNC_META_FIELDS)


@cache
def parent_refs(entity: str) -> tuple[tuple[str, str], ...]:
    """(field, parent entity) for each foreign key of ``entity`` to another synced entity."""
    cls = SYNCED[entity]
    refs = []
    for col in inspect(cls).columns:
        for fk in col.foreign_keys:
            target = fk.column.table.name
            if target in SYNCED:
                refs.append((col.key, target))
    return tuple(refs)


def set_fields(obj: SyncMixin, entity: str, data: dict[str, Any], skip: set[str] | frozenset[str]) -> None:
    conv = converters(entity)
    required = required_fields(entity)
    for key, value in data.items():
        if key in skip:
            continue
        fn = conv.get(key)
        if fn is None:
            continue  # a field from a newer server: ignored, not an error
        if value is None and key in required:
            continue
        setattr(obj, key, fn(value))


def new_record(entity: str, record_id: str) -> SyncMixin:
    cls = SYNCED[entity]
    obj = cls(id=record_id)  # type: ignore[call-arg]
    return obj


@cache
def _column_defaults(entity: str) -> tuple[tuple[str, Any, bool], ...]:
    """(column, default, is_callable) for every column of ``entity``."""
    out = []
    for col in inspect(SYNCED[entity]).columns:
        if col.key in ("id", "version", "deleted", "owner_id", "updated_at"):
            continue  # always set from the server's record
        default = col.default
        if default is not None and getattr(default, "is_callable", False):
            out.append((col.key, default.arg, True))  # type: ignore[attr-defined]
        elif default is not None and getattr(default, "is_scalar", False):
            out.append((col.key, default.arg, False))  # type: ignore[attr-defined]
        else:
            out.append((col.key, None, False))
    return tuple(out)


def new_row(entity: str, record_id: str, ch: dict[str, Any]) -> dict[str, Any] | None:
    """A complete row for a plain INSERT of a pulled record, or None if a required field is missing."""
    row: dict[str, Any] = {}
    for key, default, is_callable in _column_defaults(entity):
        row[key] = default(None) if is_callable else default
    conv = converters(entity)
    for key, value in (ch.get("data") or {}).items():
        fn = conv.get(key)
        if fn is None or value is None and key in required_fields(entity):
            continue
        row[key] = fn(value)
    row["id"] = record_id
    row["version"] = int(ch.get("version", 0))
    row["deleted"] = bool(ch.get("deleted"))
    owner = ch.get("owner_id")
    row["owner_id"] = owner if isinstance(owner, str) else None
    row["updated_at"] = parse_server_time(ch.get("updated_at")) or dt.datetime.now(dt.UTC)
    if any(row.get(k) is None for k in required_fields(entity)):
        return None
    return row


def parse_server_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return _parse_datetime(value)  # type: ignore[no-any-return]
    except ValueError:
        return None
