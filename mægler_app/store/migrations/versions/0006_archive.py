"""A company can be archived (issue 20, item 1)

Revision ID: 0004_archive
Revises: 0004_effects
Create Date: 2026-12-07 15:00:00

``company.archived``: the register hides an archived company unless asked to show it; it syncs as
the company's optional field ``archived`` (docs/protocol.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_archive"
down_revision = "0004_effects"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.drop_column("archived")
