"""Applying server records to the local store: fast field conversion, parents before children.

Used by pull (and by "take the server's copy" when resolving a conflict). Callers run it in a
session with ``session.info["from_server"] = True`` so that nothing here lands in the outbox.

A pulled value is converted by its column's type, and one this computer cannot store as it is
(an older or newer server, a broken record) raises ``UnstorableRecordError`` naming the field, before
anything is written: the engine parks such a record instead of failing the pull. What would break
the store or the screens is refused: a value of another JSON type than the column's (text, whole
number, yes/no), a date or time that does not parse, a JSON column of another shape than its
annotation, a missing required field, and an unknown value of the two enumerations the screens
look up without a fallback (a network's stage, an application's status). Other enumerations are
text and kept as they come; a field this version does not know is ignored.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Collection
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, inspect

from ..domain.errors import DomainError
from ..domain.messages import Code, Message, Msg
from ..domain.schema import shown_value
from ..domain.stages import STAGE_VALUES
from ..domain.sync_contract import ENTITIES
from ..domain.vocab import ApplicationStatus
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


# The checks below raise a bare TypeError; the caller names the field (``_converted``, ``new_row``).
# ``type(...) is``, not isinstance: a JSON true is no whole number, and JSON has no subclasses.
def _text(value: Any) -> Any:
    if value is None or type(value) is str:
        return value
    raise TypeError


def _whole(value: Any) -> Any:
    if value is None or type(value) is int:
        return value
    raise TypeError


def _flag(value: Any) -> Any:
    if value is None or type(value) is bool:
        return value
    raise TypeError


def _one_of(values: Collection[str]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None or (type(value) is str and value in values):
            return value
        raise ValueError

    return check


def _json_shape(annotation: Any) -> Callable[[Any], Any]:
    """A JSON column's value is the container its annotation names (``list[...]``, ``dict[...]``),
    and so is each item (a dict, a text, a flag, a whole number) where the annotation says which.
    Deeper than that it is not looked at: the screens read those parts defensively (a stage history
    from a newer client shows what it can), and refusing them would park a network with all of
    its records below it."""
    container = typing.get_origin(annotation) or annotation
    args = typing.get_args(annotation)
    item = args[-1] if args else Any
    item = typing.get_origin(item) or item
    item_type = item if item in (dict, list, str, int, bool) else None

    def check(value: Any) -> Any:
        if value is None:
            return value
        if type(value) is not container:
            raise TypeError
        if item_type is not None:
            items = value.values() if container is dict else value
            if any(type(v) is not item_type for v in items):
                raise TypeError
        return value

    return check


# Enumerations the screens look a label up in without a fallback: another value breaks them.
_CLOSED_VALUES: dict[tuple[str, str], Collection[str]] = {
    ("network", "stage"): STAGE_VALUES,
    ("application", "status"): frozenset(ApplicationStatus),
}


@cache
def _columns(entity: str) -> tuple[dict[str, Callable[[Any], Any]], dict[str, Code]]:
    """field → (JSON value to Python value, the message code when it cannot be converted)."""
    cls = SYNCED[entity]
    hints = typing.get_type_hints(cls)
    out: dict[str, Callable[[Any], Any]] = {}
    codes: dict[str, Code] = {}
    for col in inspect(cls).columns:
        key = col.key
        if key in SYNC_META_FIELDS:
            continue
        kind = col.type
        if (entity, key) in _CLOSED_VALUES:
            out[key], codes[key] = _one_of(_CLOSED_VALUES[(entity, key)]), Msg.PULLED_UNKNOWN_VALUE
        elif isinstance(kind, UTCDateTime):
            out[key], codes[key] = _parse_datetime, Msg.PULLED_NOT_A_TIME
        elif isinstance(kind, Date):
            out[key], codes[key] = _parse_date, Msg.PULLED_NOT_A_DATE
        elif isinstance(kind, Boolean):
            out[key], codes[key] = _flag, Msg.PULLED_NOT_YES_OR_NO
        elif isinstance(kind, Integer):
            out[key], codes[key] = _whole, Msg.PULLED_NOT_A_WHOLE_NUMBER
        elif isinstance(kind, String):  # Text too
            out[key], codes[key] = _text, Msg.PULLED_NOT_TEXT
        elif isinstance(kind, JSON):
            (annotation,) = typing.get_args(hints[key])  # Mapped[X]
            out[key], codes[key] = _json_shape(annotation), Msg.PULLED_WRONG_SHAPE
        else:
            out[key], codes[key] = _same, Msg.PULLED_WRONG_SHAPE
    return out, codes


def converters(entity: str) -> dict[str, Callable[[Any], Any]]:
    """field → JSON value to Python value, for the data fields of ``entity``; raises ValueError or
    TypeError for a value the column cannot hold."""
    return _columns(entity)[0]


class UnstorableRecordError(DomainError):
    """A pulled record this computer cannot store as it is; ``reason`` names the field and why."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


def unstorable(entity: str, key: str, value: Any) -> UnstorableRecordError:
    code = _columns(entity)[1].get(key, Msg.PULLED_WRONG_SHAPE)
    return UnstorableRecordError(code(field=key, value=shown_value(value)))


def change_problem(entity: str, ch: dict[str, Any]) -> Message | None:
    """Why a pulled change cannot be looked at field by field here (its entity, version or data), or None."""
    if entity not in SYNCED:
        return Msg.PULLED_UNKNOWN_KIND(entity=entity)
    if type(ch.get("version", 0)) is not int:
        return Msg.PULLED_MALFORMED(field="version", value=shown_value(ch.get("version")))
    data = ch.get("data")
    if data is not None and type(data) is not dict:
        return Msg.PULLED_MALFORMED(field="data", value=shown_value(data))
    return None


def _converted(entity: str, data: dict[str, Any], skip: Collection[str]) -> dict[str, Any]:
    """The fields of ``data`` to set, as Python values; UnstorableRecordError before anything is set."""
    conv = converters(entity)
    required = required_fields(entity)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in skip:
            continue
        fn = conv.get(key)
        if fn is None:
            continue  # a field from a newer server: ignored, not an error
        if value is None and key in required:
            continue
        try:
            out[key] = fn(value)
        except (ValueError, TypeError):
            raise unstorable(entity, key, value) from None
    return out


@cache
def required_fields(entity: str) -> frozenset[str]:
    """NOT NULL columns: a None from the server there is skipped (the local value or default stays)."""
    return frozenset(_required_in_order(entity))


@cache
def _required_in_order(entity: str) -> tuple[str, ...]:
    cls = SYNCED[entity]
    return tuple(c.key for c in inspect(cls).columns if not c.nullable and c.key not in SYNC_META_FIELDS)


def missing_required(entity: str, values: dict[str, Any]) -> UnstorableRecordError | None:
    """The error for the first required field without a value, or None when all have one."""
    for key in _required_in_order(entity):
        if values.get(key) is None:
            return UnstorableRecordError(Msg.PULLED_FIELD_MISSING(field=key))
    return None


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


def server_values(entity: str, data: dict[str, Any], skip: Collection[str] = ()) -> dict[str, Any]:
    """The fields of a server's record to set (all but ``skip``), converted; raises
    ``UnstorableRecordError`` for one that cannot be stored, before anything has changed."""
    return _converted(entity, data, skip)


def set_fields(obj: SyncMixin, entity: str, data: dict[str, Any], skip: Collection[str]) -> None:
    """Set the server's fields on ``obj``: all of them, or none (``UnstorableRecordError``)."""
    for key, value in _converted(entity, data, skip).items():
        setattr(obj, key, value)


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
            out.append((col.key, default.arg, True))
        elif default is not None and getattr(default, "is_scalar", False):
            out.append((col.key, default.arg, False))
        else:
            out.append((col.key, None, False))
    return tuple(out)


def new_row(entity: str, record_id: str, ch: dict[str, Any]) -> dict[str, Any]:
    """A complete row for a plain INSERT of a pulled record; ``UnstorableRecordError`` for a record with
    a value this computer cannot store or without a required field."""
    row: dict[str, Any] = {}
    for key, default, is_callable in _column_defaults(entity):
        row[key] = default(None) if is_callable else default
    conv = converters(entity)
    for key, value in (ch.get("data") or {}).items():
        fn = conv.get(key)
        if fn is None or value is None and key in required_fields(entity):
            continue
        try:  # free unless it raises (Python 3.11): the hot path of a first sync
            row[key] = fn(value)
        except (ValueError, TypeError):
            raise unstorable(entity, key, value) from None
    row["id"] = record_id
    row["version"] = int(ch.get("version", 0))
    row["deleted"] = bool(ch.get("deleted"))
    owner = ch.get("owner_id")
    row["owner_id"] = owner if isinstance(owner, str) else None
    row["updated_at"] = parse_server_time(ch.get("updated_at")) or dt.datetime.now(dt.UTC)
    missing = missing_required(entity, row)
    if missing is not None:
        raise missing
    return row


def parse_server_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return _parse_datetime(value)  # type: ignore[no-any-return]
    except ValueError:
        return None
