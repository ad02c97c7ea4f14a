"""Alembic's autogenerate comparison of a migrated database with the models, for both stores."""

from __future__ import annotations

import re
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, MetaData


def _bare(rendered: str | None) -> str | None:
    """A rendered default without the parentheses and quotes SQLite may keep around it."""
    if rendered is None:
        return None
    return re.sub(r"^'(.*)'$", r"\1", re.sub(r"^\((.*)\)$", r"\1", rendered))


def _same_default(
    _context: Any,
    _inspected_column: Any,
    _metadata_column: Any,
    inspected_default: str | None,
    _metadata_default: Any,
    rendered_metadata_default: str | None,
) -> bool | None:
    # Alembic's SQLite comparison takes DEFAULT '' (a text column's empty default) for a change
    # from '' (its pattern wants a character between the quotes): equal after unquoting is equal,
    # anything else is left to Alembic.
    if _bare(inspected_default) == _bare(rendered_metadata_default):
        return False
    return None


def schema_differences(conn: Connection, metadata: MetaData) -> list[Any]:
    """What autogenerate would write into a new migration: tables, columns, types, nullability,
    indexes, unique and foreign keys, and server-side defaults (which it leaves out unless asked)."""
    context = MigrationContext.configure(
        conn, opts={"compare_type": True, "compare_server_default": _same_default}
    )
    return list(compare_metadata(context, metadata))
