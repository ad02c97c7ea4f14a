"""a screening's keep-until date (issue 21 item 2, retention)

Revision ID: 0006_retention
Revises: 0004_followup
Create Date: 2026-12-07 16:00:00

Meeting, expense and application have had ``keep_until`` since 0001; the screening gets one too.
The dates themselves are filled by the next save or the next sync (the server's value).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_retention"
down_revision = "0004_followup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("screening") as batch:
        batch.add_column(sa.Column("keep_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("screening") as batch:
        batch.drop_column("keep_until")
