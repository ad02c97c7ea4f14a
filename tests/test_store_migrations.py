"""Every laptop store migration, down and up again, on a profile full of linked records.

A migration that copies a table (Alembic's batch mode on SQLite) fails its foreign keys the moment
a membership, contact or answer points at a row of it: every real profile, and no empty test one.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from mægler_app.store.db import DB_NAME, alembic_config, make_engine, open_store
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company, Membership, Satisfaction
from mægler_app.store.quick import SCHEMA_HEAD


def _counts(profile: Path) -> tuple[int, int, int]:
    store = open_store(profile)
    try:
        with store.session() as s:
            return (
                s.scalar(select(func.count()).select_from(Company)) or 0,
                s.scalar(select(func.count()).select_from(Membership)) or 0,
                s.scalar(select(func.count()).select_from(Satisfaction)) or 0,
            )
    finally:
        store.close()


def test_each_migration_goes_down_and_up_with_a_full_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    store = open_store(profile)
    fill_demo(store)
    store.close()
    before = _counts(profile)
    assert before[0] and before[1]  # companies and their memberships
    engine = make_engine(profile / DB_NAME)
    cfg = alembic_config(str(engine.url))
    revisions = [r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()]  # newest first
    assert revisions[0] == SCHEMA_HEAD
    try:
        # one step down at a time, to the English vocabulary (0003), then all the way up again
        for target in [*revisions[1 : revisions.index("0003") + 1]]:
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, target)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    assert _counts(profile) == before
