"""Chunked, resumable blob uploads: the tables ``blob_upload`` and ``blob_upload_part`` (issue 25).

An upload started with ``POST /blobs/{sha256}/uploads`` keeps each chunk it has acknowledged as a
part, next to the blobs themselves (in the database, as ``blob`` keeps them); once the last chunk
arrives the parts make the blob and are deleted. Uploads untouched for a day expire.

Revision ID: s0009_blob_upload
Revises: s0008_retention
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0009_blob_upload"
down_revision = "s0008_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_upload",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_blob_upload_sha_user", "blob_upload", ["sha256", "user_id"])
    op.create_index("ix_blob_upload_updated", "blob_upload", ["updated_at"])
    op.create_table(
        "blob_upload_part",
        sa.Column(
            "upload_id",
            sa.String(32),
            sa.ForeignKey("blob_upload.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("start", sa.BigInteger(), primary_key=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("blob_upload_part")
    op.drop_index("ix_blob_upload_updated", table_name="blob_upload")
    op.drop_index("ix_blob_upload_sha_user", table_name="blob_upload")
    op.drop_table("blob_upload")
