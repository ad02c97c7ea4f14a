"""Record ↔ sync payload (plain JSON values)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, inspect
from sqlalchemy.orm import ColumnProperty

from .models import SYNC_META_FIELDS, SyncMixin
from .types import UTCDateTime


def _column_type(cls: type[SyncMixin], key: str) -> Any:
    prop = inspect(cls).attrs[key]
    assert isinstance(prop, ColumnProperty)
    return prop.columns[0].type


def to_json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_json_value(cls: type[SyncMixin], key: str, value: Any) -> Any:
    if value is None:
        return None
    col_type = _column_type(cls, key)
    if isinstance(col_type, UTCDateTime):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if isinstance(col_type, Date):
        return dt.date.fromisoformat(value)
    return value


def data_fields(cls: type[SyncMixin]) -> list[str]:
    """The fields that travel in ``data`` (everything but the sync columns)."""
    return [a.key for a in inspect(cls).column_attrs if a.key not in SYNC_META_FIELDS]


def pushable_fields(cls: type[SyncMixin]) -> list[str]:
    return [k for k in data_fields(cls) if k not in cls.__server_fields__]


def record_data(obj: SyncMixin, fields: list[str] | None = None) -> dict[str, Any]:
    keys = fields if fields is not None else pushable_fields(type(obj))
    return {k: to_json_value(getattr(obj, k)) for k in keys}


def apply_data(obj: SyncMixin, data: dict[str, Any]) -> None:
    """Set the known fields of ``data`` on ``obj``; unknown keys (from a newer server) are ignored."""
    known = set(data_fields(type(obj)))
    for key, value in data.items():
        if key in known:
            setattr(obj, key, from_json_value(type(obj), key, value))
