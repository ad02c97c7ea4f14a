"""a receipt photo's original kept beside its reduced copy (issue 25 item 3, receipts)

Revision ID: 0007_receipt_original
Revises: 0006_retention
Create Date: 2026-12-07 18:30:00

A photo attached to an expense is stored reduced (store/services/photos.py); the camera's original
stays in the profile (``bilag/originaler/``) until the reduced one is on the server, or for good when
the broker chose "Behold original". ``original_suffix`` is the original's file type ("" when none is
kept), ``keep_original`` the broker's choice.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_receipt_original"
down_revision = "0006_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("blob") as batch:
        batch.add_column(sa.Column("original_suffix", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("keep_original", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("blob") as batch:
        batch.drop_column("keep_original")
        batch.drop_column("original_suffix")
