"""satisfaction survey: occasion, who answered, and when

Revision ID: 0004_survey
Revises: 0003
Create Date: 2026-12-07 15:00:00

A satisfaction answer gets its occasion (trin 2, trin 3 or closing; "" for an answer from before,
which had none), the contact who answered (optional) and the date it was given (empty before).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_survey"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("satisfaction") as batch:
        batch.add_column(sa.Column("occasion", sa.String(length=20), nullable=False, server_default=""))
        batch.add_column(sa.Column("contact_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("answered_on", sa.Date(), nullable=True))
        batch.create_foreign_key("fk_satisfaction_contact_id_contact", "contact", ["contact_id"], ["id"])
        batch.create_index("ix_satisfaction_contact_id", ["contact_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("satisfaction") as batch:
        batch.drop_index("ix_satisfaction_contact_id")
        batch.drop_constraint("fk_satisfaction_contact_id_contact", type_="foreignkey")
        batch.drop_column("answered_on")
        batch.drop_column("contact_id")
        batch.drop_column("occasion")
