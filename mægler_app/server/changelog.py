"""Who changed which field of which record, and when (issue 22): the table ``record_change``.

The push notes each change it applies (``ChangeNote``) and writes them with its rows, in one
statement, in the same transaction; a decision writes its own. ``record_history`` reads a record's
changes back, newest first, with the user who made each, for the caseworker's desk, the endpoint
``GET /api/v1/history/{entity}/{id}`` and ``maegler-server history``.

Values are kept only for the fields of ``SHOWN_FIELDS``: they carry no personal data and tell a
record's course (a network's stage, an application's status and hours, an expense's amount). Of
every other field the history says that it changed, not what it became, so erasing a person (the
privacy issue) never has to reach into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .. import fastjson
from ..domain.vocab import ChangeKind
from .models import Record, RecordChange, User

SHOWN_FIELDS: dict[str, frozenset[str]] = {
    "network": frozenset({"stage", "network_type", "focus_area", "close_reason"}),
    "membership": frozenset({"role"}),
    "screening": frozenset({"status", "verdict", "form_version"}),
    "meeting": frozenset({"kind", "starts_at"}),
    "expense": frozenset({"amount_ore", "status", "category", "spent_on"}),
    "application": frozenset(
        {"status", "decision", "consultant_hours", "hourly_rate_ore", "period_months", "bonus_ore"}
    ),
    "action_plan": frozenset({"start_date", "end_date"}),
    "effect_measurement": frozenset({"year"}),
    "satisfaction": frozenset({"score"}),
    "company": frozenset({"cvr", "employees", "focus_area"}),
}


@dataclass(frozen=True)
class ChangeNote:
    entity: str
    record_id: str
    network_id: str | None
    version: int
    kind: ChangeKind
    fields: tuple[str, ...]
    shown: dict[str, Any]


def note(entity: str, record_id: str, network_id: str | None, version: int, kind: ChangeKind,
         fields: list[str], data: dict[str, Any]) -> ChangeNote:  # fmt: skip
    keep = SHOWN_FIELDS.get(entity, frozenset())
    names = tuple(sorted(fields))
    return ChangeNote(entity, record_id, network_id, version, kind, names,
                      {k: data.get(k) for k in names if k in keep})  # fmt: skip


def kind_of(new: bool, deleted_before: bool, deleted_now: bool) -> ChangeKind:
    if new:
        return ChangeKind.CREATED
    if deleted_now and not deleted_before:
        return ChangeKind.DELETED
    if deleted_before and not deleted_now:
        return ChangeKind.RESTORED
    return ChangeKind.CHANGED


INSERT_SQLITE = """INSERT INTO record_change (entity, record_id, network_id, version, user_id, at, kind,
    fields, shown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_PG = """
    INSERT INTO record_change (entity, record_id, network_id, version, user_id, at, kind, fields, shown)
    SELECT u.entity, u.record_id, u.network_id, u.version, u.user_id, u.at, u.kind, u.fields, u.shown
    FROM json_to_recordset(CAST(:rows AS json)) AS u(entity text, record_id text, network_id text,
        version integer, user_id text, at timestamptz, kind text, fields json, shown json)
"""

# The same for the driver (server/push.py writes a push's notes with its rows in one round trip).
INSERT_NOTES_PG = INSERT_PG.replace(":rows", "%(rows)s")


def notes_json(notes: list[ChangeNote], user_id: str, iso: str) -> str:
    """PostgreSQL: the notes as the one parameter of ``INSERT_PG``."""
    rows = [
        {"entity": n.entity, "record_id": n.record_id, "network_id": n.network_id, "version": n.version,
         "user_id": user_id, "at": iso, "kind": str(n.kind), "fields": list(n.fields), "shown": n.shown}
        for n in notes
    ]  # fmt: skip
    return fastjson.dumps_str(rows)


def write_notes(conn: Connection, notes: list[ChangeNote], user_id: str, when: Any, iso: str) -> None:
    """Every note of one push in one statement (``when``: the time as the column stores it)."""
    if not notes:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(text(INSERT_PG), {"rows": notes_json(notes, user_id, iso)})
        return
    conn.exec_driver_sql(
        INSERT_SQLITE,
        [
            (
                n.entity,
                n.record_id,
                n.network_id,
                n.version,
                user_id,
                when,
                str(n.kind),
                fastjson.dumps_str(list(n.fields)),
                fastjson.dumps_str(n.shown),
            )
            for n in notes
        ],  # fmt: skip
    )


def write_one(session: Session, n: ChangeNote, user_id: str, at: dt.datetime) -> None:
    """A single note (a decision), through the ORM's table."""
    session.add(
        RecordChange(
            entity=n.entity, record_id=n.record_id, network_id=n.network_id, version=n.version,
            user_id=user_id, at=at, kind=str(n.kind), fields=list(n.fields), shown=n.shown,
        )
    )  # fmt: skip


@dataclass(frozen=True)
class HistoryEntry:
    entity: str
    record_id: str
    version: int
    at: dt.datetime
    kind: str
    fields: list[str]
    shown: dict[str, Any]
    user_id: str
    username: str
    display_name: str
    role: str

    def as_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "id": self.record_id,
            "version": self.version,
            "at": self.at.isoformat(),
            "kind": self.kind,
            "fields": self.fields,
            "shown": self.shown,
            "user": {
                "id": self.user_id,
                "username": self.username,
                "display_name": self.display_name,
                "role": self.role,
            },
        }


def record_exists(session: Session, entity: str, record_id: str) -> bool:
    return (
        session.scalar(select(Record.id).where(Record.entity == entity, Record.id == record_id)) is not None
    )


def record_history(
    session: Session, entity: str, record_id: str, *, children: bool = False, limit: int = 1000
) -> list[HistoryEntry]:
    """The record's changes, newest first; with ``children`` (a network) also those of the records
    that belong to it (members, screenings, meetings, expenses, applications, action plans)."""
    where: ColumnElement[bool] = (RecordChange.entity == entity) & (RecordChange.record_id == record_id)
    if children and entity == "network":
        where = or_(where, RecordChange.network_id == record_id)
    rows = session.execute(
        select(RecordChange, User.username, User.display_name, User.role)
        .outerjoin(User, User.id == RecordChange.user_id)
        .where(where)
        .order_by(RecordChange.at.desc(), RecordChange.id.desc())
        .limit(limit)
    ).all()
    return [
        HistoryEntry(
            entity=c.entity, record_id=c.record_id, version=c.version, at=c.at, kind=c.kind,
            fields=list(c.fields or []), shown=dict(c.shown or {}), user_id=c.user_id,
            username=username or "", display_name=display_name or "", role=role or "",
        )
        for c, username, display_name, role in rows
    ]  # fmt: skip
