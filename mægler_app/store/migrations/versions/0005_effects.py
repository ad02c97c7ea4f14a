"""company baseline year (issue 19)

Revision ID: 0004_effects
Revises: 0004_survey
Create Date: 2026-12-07 14:50:00

A company's own baseline year for the effect measurement; empty (NULL) means chosen automatically
from its first join (domain/effects.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_effects"
down_revision = "0004_survey"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("baseline_year", sa.Integer(), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN: a batch copy of the company table fails its foreign keys once any
    # record points at a company (see 0006_archive).
    op.execute("ALTER TABLE company DROP COLUMN baseline_year")
