"""The server's models and its migrations describe the same schema, on SQLite and PostgreSQL.

A fresh database is migrated to head by Alembic, then Alembic's autogenerate compares it with
``server.models``: a column, index, constraint or default added to one and not the other shows up
here instead of on Væksthus' server.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mægler_app.server.db import Database
from mægler_app.server.models import Base

from ..schema_support import schema_differences


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    from .conftest import make_db_url

    return make_db_url(backend, tmp_path, request)


def test_a_migrated_database_is_what_the_models_say(fresh_db: str) -> None:
    db = Database(fresh_db)
    try:
        db.upgrade()
        with db.engine.connect() as conn:
            differences = schema_differences(conn, Base.metadata)
    finally:
        db.dispose()
    assert differences == []
