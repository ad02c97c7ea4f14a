"""A user's display name ("Fulde navn"), for the broker's name on the laptop's reports.

Existing users get an empty name: the server does not guess one, and the laptop shows the user
name until an operator gives a name.

Revision ID: s0004
Revises: s0002
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("display_name", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("display_name")
