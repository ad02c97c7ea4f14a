"""Login attempts remember the client's address, so throttling counts per user name *and* address
(an attacker elsewhere cannot lock a broker out) and per address across names (a flood of random
names stops before it costs a password hash each). Indexes serve those counts and the purge.

Earlier rows get an empty address; they pass out of the fifteen-minute window on their own.

Revision ID: s0006_logins
Revises: s0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0006_logins"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_failure") as batch:
        batch.add_column(sa.Column("address", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_login_failure_at", "login_failure", ["at"])
    op.create_index("ix_login_failure_user_address_at", "login_failure", ["username", "address", "at"])
    op.create_index("ix_login_failure_address_at", "login_failure", ["address", "at"])


def downgrade() -> None:
    op.drop_index("ix_login_failure_address_at", "login_failure")
    op.drop_index("ix_login_failure_user_address_at", "login_failure")
    op.drop_index("ix_login_failure_at", "login_failure")
    with op.batch_alter_table("login_failure") as batch:
        batch.drop_column("address")
