"""Væksthus' follow-ups on networks (issue 18 part 5)

Revision ID: 0004_followup
Revises: 0004_archive
Create Date: 2026-12-07 15:00:00

A new synced entity: a caseworker records it, the network's broker pulls it and reads it.
"""

import sqlalchemy as sa
from alembic import op

from mægler_app.store.types import UTCDateTime

revision = "0004_followup"
down_revision = "0004_archive"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("offered", sa.Text(), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("caseworker_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["network_id"], ["network.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_follow_up_network_id", "follow_up", ["network_id"])


def downgrade() -> None:
    op.drop_index("ix_follow_up_network_id", table_name="follow_up")
    op.drop_table("follow_up")
