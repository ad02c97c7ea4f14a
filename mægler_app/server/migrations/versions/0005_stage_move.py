"""The server's own history of each network's stage (``stage_move``), for the programme's figures.

From now on the push and the decision note every stage change they accept, at the server's time
(server/history.py). For the networks stored before, the history is read once from what the
server holds: the network's ``stage_history`` as its laptop sent it, with its current stage added
as of ``stage_changed_at`` (else the time it was stored) where that history does not end there;
the same reading as ``domain.figures.network_path``. Those rows say ``by_client`` "s0005".

Revision ID: s0005
Revises: s0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op

from mægler_app.domain.figures import network_path
from mægler_app.domain.timeutil import ensure_utc, parse_stored_time

revision = "s0005"
down_revision = "s0003"
branch_labels = None
depends_on = None

BATCH = 500
BACKFILL = "s0005"

record = sa.table(
    "record",
    sa.column("entity", sa.String),
    sa.column("id", sa.String),
    sa.column("owner_id", sa.String),
    sa.column("data", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    moves = op.create_table(
        "stage_move",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("network_id", sa.String(64), nullable=False),
        sa.Column("owner_id", sa.String(36), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_client", sa.String(100), nullable=False),
    )
    op.create_index("ix_stage_move_network_id", "stage_move", ["network_id"])
    conn = op.get_bind()
    last = ""
    while True:
        page = conn.execute(
            sa.select(record.c.id, record.c.owner_id, record.c.data, record.c.created_at)
            .where(record.c.entity == "network", record.c.id > last)
            .order_by(record.c.id)
            .limit(BATCH)
        ).all()
        if not page:
            break
        rows: list[dict[str, Any]] = []
        for network_id, owner_id, data, created_at in page:
            rows += _moves(network_id, owner_id, data, created_at)
        if rows:
            op.bulk_insert(moves, rows)
        last = page[-1][0]


def _moves(network_id: str, owner_id: str, data: Any, created_at: dt.datetime) -> list[dict[str, Any]]:
    if not isinstance(data, dict):  # read through sa.JSON: an object is a dict
        return []
    fallback = parse_stored_time(data.get("stage_changed_at")) or ensure_utc(created_at)
    return [
        {
            "network_id": network_id,
            "owner_id": owner_id,
            "stage": str(m.stage),
            "at": ensure_utc(m.at),
            "by_client": BACKFILL,
        }
        for m in network_path(data.get("stage_history"), data.get("stage"), fallback)
    ]


def downgrade() -> None:
    op.drop_index("ix_stage_move_network_id", table_name="stage_move")
    op.drop_table("stage_move")
