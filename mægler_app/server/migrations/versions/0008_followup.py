"""Who besides a record's owner pulls it: ``record.reader_id``, for Væksthus' follow-ups.

A follow-up (issue 18 part 5) is a caseworker's record about a broker's network; the broker who
owns the network pulls it too. The push sets ``reader_id`` to that broker (server/push.py), and pull
reads a broker's page as two range scans, its own records by ``ix_record_owner_seq`` and those it
may read by the partial index ``ix_record_reader_seq`` (only rows with a reader are in it, so it
costs the other records nothing), merged by seq (server/pull.py).

Follow-ups stored while this column was gone (a downgrade and an upgrade again) get their reader
from their network's owner.

Revision ID: s0006_followup
Revises: s0007_history
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0006_followup"
down_revision = "s0007_history"
branch_labels = None
depends_on = None

HAS_READER = sa.text("reader_id IS NOT NULL")
BACKFILL = """UPDATE record SET reader_id = (
        SELECT n.owner_id FROM record AS n WHERE n.entity = 'network' AND n.id = record.network_id)
    WHERE entity = 'follow_up' AND network_id IS NOT NULL"""


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("reader_id", sa.String(length=36), nullable=True))
    op.create_index(
        "ix_record_reader_seq",
        "record",
        ["reader_id", "seq"],
        sqlite_where=HAS_READER,
        postgresql_where=HAS_READER,
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_index("ix_record_reader_seq", table_name="record")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("reader_id")
