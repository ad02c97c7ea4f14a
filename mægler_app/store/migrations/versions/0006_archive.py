"""A company can be archived (issue 20, item 1)

Revision ID: 0004_archive
Revises: 0004_effects
Create Date: 2026-12-07 15:00:00

``company.archived``: the register hides an archived company unless asked to show it; it syncs as
the company's optional field ``archived`` (docs/protocol.md).
"""

from __future__ import annotations

from alembic import op

revision = "0004_archive"
down_revision = "0004_effects"
branch_labels = None
depends_on = None


# SQLite's own ALTER TABLE, not Alembic's batch mode: a batch with an expression default copies
# the table, and dropping the old company table fails its foreign keys the moment any membership,
# contact or answer points at a company (every real profile). The laptop's store is SQLite only.
def upgrade() -> None:
    op.execute("ALTER TABLE company ADD COLUMN archived BOOLEAN NOT NULL DEFAULT 0")


def downgrade() -> None:
    op.execute("ALTER TABLE company DROP COLUMN archived")
