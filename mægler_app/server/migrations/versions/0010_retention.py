"""The programme's settings kept by the server: the table ``server_setting`` (issue 21, retention).

Its ``retention`` row holds the bookkeeping and documentation periods and the programme's end
(domain/retention.py); without it the defaults apply. Existing records get their keep-until date
at their next change, or all at once with ``maegler-server settings`` (which re-dates every one).

Revision ID: s0008_retention
Revises: s0008_erasure
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0008_retention"
down_revision = "s0008_erasure"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_setting",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("server_setting")
