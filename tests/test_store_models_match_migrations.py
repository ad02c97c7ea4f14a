"""The laptop store's models and its migrations describe the same schema.

A fresh profile is migrated to head by Alembic, then Alembic's autogenerate compares the database
with ``store.models``: a column, index, constraint or default added to one and not the other shows
up here instead of on a broker's computer.
"""

from __future__ import annotations

from pathlib import Path

from mægler_app.store.db import open_store
from mægler_app.store.models import Base

from .schema_support import schema_differences


def test_a_migrated_store_is_what_the_models_say(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        with store.engine.connect() as conn:
            differences = schema_differences(conn, Base.metadata)
    finally:
        store.close()
    assert differences == []
