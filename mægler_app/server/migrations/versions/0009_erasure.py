"""Erasure (issue 21 item 1): stored push answers know their record; tombstones lose the person.

- ``applied_change.record_id``: the record a stored answer is about, kept for records of an entity
  with personal data (a contact), so an erasure finds every stored copy of the person. Answers
  stored before have none.
- Every contact tombstone gets the erased values (domain/erasure.py) with a new version and
  sequence number, so the laptops pull it again and forget the person too.
- Stored answers from before whose server copy is a contact's: one that names a live contact of
  that company (by name, e-mail or phone) gets that contact as its record, so a later erasure
  finds it; one that names no live contact loses the person (the copy of a deleted or
  anonymised contact).

Revision ID: s0008_erasure
Revises: s0006_followup
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from mægler_app import fastjson
from mægler_app.domain.erasure import is_erased, personal_values, scrub_answer, scrubbed

revision = "s0008_erasure"
down_revision = "s0006_followup"
branch_labels = None
depends_on = None

record = sa.table(
    "record",
    sa.column("entity", sa.String),
    sa.column("id", sa.String),
    sa.column("owner_id", sa.String),
    sa.column("version", sa.Integer),
    sa.column("seq", sa.BigInteger),
    sa.column("deleted", sa.Boolean),
    sa.column("data", sa.JSON),
    sa.column("field_versions", sa.JSON),
)
applied_change = sa.table(
    "applied_change",
    sa.column("change_id", sa.String),
    sa.column("user_id", sa.String),
    sa.column("result", sa.JSON),
    sa.column("record_id", sa.String),
)


def upgrade() -> None:
    op.add_column("applied_change", sa.Column("record_id", sa.String(64), nullable=True))
    op.create_index(
        "ix_applied_change_record",
        "applied_change",
        ["record_id"],
        sqlite_where=sa.text("record_id IS NOT NULL"),
        postgresql_where=sa.text("record_id IS NOT NULL"),
    )
    conn = op.get_bind()
    # (owner, company) → each live contact's id and texts
    live: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
    tombstones = []
    for _entity, rid, owner, version, deleted, data, markers in conn.execute(
        sa.select(
            record.c.entity, record.c.id, record.c.owner_id, record.c.version, record.c.deleted,
            record.c.data, record.c.field_versions,
        ).where(record.c.entity == "contact")
    ):  # fmt: skip
        data = _json(data)
        if deleted:
            if scrubbed("contact", data) != data:
                tombstones.append((rid, version, data, _json(markers)))
        elif not is_erased("contact", data):
            company = (owner, str(data.get("company_id")))
            live.setdefault(company, []).append((rid, personal_values("contact", data)))
    if tombstones:
        first = conn.execute(sa.text("SELECT value FROM seq_counter WHERE id = 1")).scalar_one() + 1
        conn.execute(
            sa.text("UPDATE seq_counter SET value = :v WHERE id = 1"), {"v": first + len(tombstones) - 1}
        )
        for n, (rid, version, data, markers) in enumerate(tombstones):
            new = scrubbed("contact", data)
            for key in new:
                if new[key] != data.get(key):
                    markers[key] = [version + 1, "server"]
            conn.execute(
                sa.update(record)
                .where(record.c.entity == "contact", record.c.id == rid)
                .values(data=new, field_versions=markers, version=version + 1, seq=first + n)
            )
    rows = conn.execute(
        sa.select(applied_change.c.change_id, applied_change.c.user_id, sa.cast(applied_change.c.result, sa.Text))
        .where(sa.cast(applied_change.c.result, sa.Text).like('%"company_id"%'))
    ).all()  # fmt: skip
    for change_id, user_id, text in rows:
        answer = fastjson.loads(text)
        server = answer.get("server") if isinstance(answer, dict) else None
        data = server.get("data") if isinstance(server, dict) else None
        if not isinstance(data, dict) or not _contact_shaped(data):
            continue
        texts = personal_values("contact", data)
        if not texts:
            continue
        people = [
            rid for rid, person in live.get((user_id, str(data.get("company_id"))), []) if texts & person
        ]
        if people:  # the copy of a live contact: kept, and found by an erasure from now on
            conn.execute(
                sa.update(applied_change)
                .where(applied_change.c.change_id == change_id)
                .values(record_id=people[0])
            )
            continue
        new_answer = scrub_answer("contact", answer, texts, same_record=True)
        conn.execute(
            sa.update(applied_change).where(applied_change.c.change_id == change_id).values(result=new_answer)
        )


def _contact_shaped(data: dict[str, Any]) -> bool:
    return "company_id" in data and "cvr" not in data and ("email" in data or "anonymized" in data)


def _json(value: Any) -> Any:
    return fastjson.loads(value) if isinstance(value, str | bytes) else dict(value or {})


def downgrade() -> None:
    op.drop_index("ix_applied_change_record", "applied_change")
    op.drop_column("applied_change", "record_id")
