"""network stage history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 09:10:00

Networks made before keep their last move only: their history starts as that one move (or empty
for a network never moved), so the timeline shows what it showed before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("network") as batch:
        batch.add_column(sa.Column("stage_history", sa.JSON(), nullable=False, server_default="[]"))
    op.execute(
        "UPDATE network SET stage_history = json_array(json_object('stage', stage, 'at', "
        "strftime('%Y-%m-%dT%H:%M:%S+00:00', stage_changed_at))) "
        "WHERE stage_changed_at IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("network") as batch:
        batch.drop_column("stage_history")
