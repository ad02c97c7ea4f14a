"""English values for every enumerated field (protocol version 2).

The records' data (and, for the renamed network fields, their field_versions markers), the stored
push answers (a conflict's answer carries the server's copy of the record) and the published
form definitions are rewritten from the Danish values of protocol version 1 to the English ones,
with the one table of ``domain.legacy_vocab`` that the laptops' migration 0003 uses too.

The JSON is rewritten in Python, the same code on SQLite and PostgreSQL: rows are read a page at
a time by primary key and only the rows that change are written back. Sequence numbers and
versions stay as they are: a laptop's copy of a record is translated by its own migration, so
nothing needs to be pulled again.

Revision ID: s0003
Revises: s0004
Create Date: 2026-12-14
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

from mægler_app.domain.legacy_vocab import (
    ENTITY_BY_FIELD,
    KNOWN_FORMS,
    AnswerMaps,
    answer_maps,
    entity_of,
    translate_field_versions,
    translate_form_body,
    translate_record,
)

revision = "s0003"
# After s0004 (users' display names), which came first to main: one head.
down_revision = "s0004"
branch_labels = None
depends_on = None

BATCH = 500

record = sa.table(
    "record",
    sa.column("entity", sa.String),
    sa.column("id", sa.String),
    sa.column("data", sa.JSON),
    sa.column("field_versions", sa.JSON),
)
applied_change = sa.table("applied_change", sa.column("change_id", sa.String), sa.column("result", sa.JSON))
form_definition = sa.table(
    "form_definition",
    sa.column("id", sa.String),
    sa.column("version", sa.Integer),
    sa.column("body", sa.JSON),
)


def upgrade() -> None:
    _translate(op.get_bind(), back=False)


def downgrade() -> None:
    _translate(op.get_bind(), back=True)


def _translate(conn: sa.Connection, *, back: bool) -> None:
    forms = _forms(conn, back=back)
    for entity in sorted(set(ENTITY_BY_FIELD.values())):
        _records(conn, entity, forms, back=back)
    _answers(conn, forms, back=back)


def _pages(conn: sa.Connection, query: sa.Select[Any], key: sa.ColumnElement[Any]) -> Iterator[list[Any]]:
    """The rows of ``query`` a page at a time, in the order of ``key`` (its first column, unique)."""
    last: Any = None
    while True:
        page = query.order_by(key).limit(BATCH)
        rows = list(conn.execute(page if last is None else page.where(key > last)))
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _forms(conn: sa.Connection, *, back: bool) -> dict[tuple[str, int], AnswerMaps]:
    """Rewrite the published bodies; return which answers of each form hold enumerated values."""
    maps: dict[tuple[str, int], AnswerMaps] = dict(KNOWN_FORMS)
    changed = []
    rows = conn.execute(sa.select(form_definition.c.id, form_definition.c.version, form_definition.c.body))
    for form_id, version, body in rows:
        if not isinstance(body, dict):
            continue
        found = answer_maps(body)  # by the questions' ids and option lists: the same in either vocabulary
        if found:
            maps[(form_id, version)] = found
        new = translate_form_body(body, back=back)
        if new != body:
            changed.append({"b_id": form_id, "b_version": version, "b_body": new})
    if changed:
        conn.execute(
            sa.update(form_definition)
            .where(
                form_definition.c.id == sa.bindparam("b_id"),
                form_definition.c.version == sa.bindparam("b_version"),
            )
            .values(body=sa.bindparam("b_body", type_=sa.JSON)),
            changed,
        )
    return maps


def _records(
    conn: sa.Connection, entity: str, forms: dict[tuple[str, int], AnswerMaps], *, back: bool
) -> None:
    query = sa.select(record.c.id, record.c.data, record.c.field_versions).where(record.c.entity == entity)
    update = (
        sa.update(record)
        .where(record.c.entity == entity, record.c.id == sa.bindparam("b_id"))
        .values(
            data=sa.bindparam("b_data", type_=sa.JSON), field_versions=sa.bindparam("b_fv", type_=sa.JSON)
        )
    )
    for rows in _pages(conn, query, record.c.id):
        changed = []
        for rid, data, field_versions in rows:
            new_data = translate_record(entity, data, forms, back=back)
            new_fv = translate_field_versions(entity, field_versions, back=back)
            if new_data != data or new_fv != field_versions:
                changed.append({"b_id": rid, "b_data": new_data, "b_fv": new_fv})
        if changed:
            conn.execute(update, changed)


def _answers(conn: sa.Connection, forms: dict[tuple[str, int], AnswerMaps], *, back: bool) -> None:
    """The stored push answers: a conflict's carries the server's copy of the record.

    An answer does not name its entity; the copy is known by a field only that entity has."""
    query = sa.select(applied_change.c.change_id, applied_change.c.result)
    update = (
        sa.update(applied_change)
        .where(applied_change.c.change_id == sa.bindparam("b_id"))
        .values(result=sa.bindparam("b_result", type_=sa.JSON))
    )
    for rows in _pages(conn, query, applied_change.c.change_id):
        changed = []
        for change_id, result in rows:
            server = result.get("server") if isinstance(result, dict) else None
            data = server.get("data") if isinstance(server, dict) else None
            entity = entity_of(data) if isinstance(data, dict) else None
            if server is None or entity is None:
                continue
            new = translate_record(entity, data, forms, back=back)
            if new != data:
                changed.append({"b_id": change_id, "b_result": {**result, "server": {**server, "data": new}}})
        if changed:
            conn.execute(update, changed)
