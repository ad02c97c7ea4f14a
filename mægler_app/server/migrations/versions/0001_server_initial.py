"""Server schema: users, tokens, login failures, records, applied changes, blobs, forms, sequence.

Revision ID: s0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
    )
    op.create_table(
        "token",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("last_used_at", UTC, nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_token_user_id", "token", ["user_id"])
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("at", UTC, nullable=False),
    )
    op.create_index("ix_login_failure_username", "login_failure", ["username"])
    op.create_table(
        "seq_counter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(sa.table("seq_counter", sa.column("id"), sa.column("value")), [{"id": 1, "value": 0}])
    op.create_table(
        "record",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False, unique=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("network_id", sa.String(64), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
    )
    op.create_index("ix_record_owner_seq", "record", ["owner_id", "seq"])
    op.create_index("ix_record_entity_network", "record", ["entity", "network_id"])
    op.create_table(
        "applied_change",
        sa.Column("change_id", sa.String(100), primary_key=True),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", UTC, nullable=False),
    )
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
    )
    op.create_table(
        "blob_owner",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blob.sha256"), primary_key=True),
        sa.Column("user_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "form_definition",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("published_at", UTC, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for name in (
        "form_definition",
        "blob_owner",
        "blob",
        "applied_change",
        "record",
        "seq_counter",
        "login_failure",
        "token",
        "app_user",
    ):
        op.drop_table(name)
