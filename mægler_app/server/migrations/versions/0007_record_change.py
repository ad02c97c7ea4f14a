"""Who changed which field of which record, and when: the table ``record_change`` (issue 22).

Written from now on by every accepted pushed change and every decision (server/changelog.py).
Changes stored before this revision have no history rows: the server kept only each field's last
version and client (``field_versions``), not who made the earlier ones, and guessing would be worse
than saying "from here on".

Revision ID: s0007_history
Revises: s0006_logins
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0007_history"
down_revision = "s0006_logins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_change",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("network_id", sa.String(64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("shown", sa.JSON(), nullable=False),
    )
    op.create_index("ix_record_change_record", "record_change", ["entity", "record_id", "version"])
    op.create_index("ix_record_change_network", "record_change", ["network_id"])


def downgrade() -> None:
    op.drop_index("ix_record_change_network", "record_change")
    op.drop_index("ix_record_change_record", "record_change")
    op.drop_table("record_change")
