"""An expense's amount in its own column, so a network's budget is a sum of a column.

Summing ``data['amount_ore']`` made the database read and parse the JSON of every expense of the
network at every push that touched its budget.

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

# Amounts were checked as whole øre when they were pushed; anything else stays out of the sum,
# as it did before (a JSON value that is not a number never counted).
BACKFILL = {
    "sqlite": """UPDATE record SET amount_ore = json_extract(data, '$.amount_ore')
        WHERE entity = 'expense' AND json_type(data, '$.amount_ore') = 'integer'""",
    "postgresql": """UPDATE record SET amount_ore = CAST(CAST(data ->> 'amount_ore' AS numeric) AS bigint)
        WHERE entity = 'expense' AND json_typeof(data -> 'amount_ore') = 'number'""",
}


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("amount_ore", sa.BigInteger(), nullable=True))
    op.execute(BACKFILL[op.get_bind().dialect.name])


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_column("amount_ore")
