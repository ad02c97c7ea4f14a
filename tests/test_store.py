"""The local store: round trips, the outbox written with every change, migrations and backups."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from mægler_app.store.db import (
    DB_NAME,
    CorruptDatabaseError,
    NewerDatabaseError,
    ProfileNotWritableError,
    head_revision,
    open_store,
)
from mægler_app.store.models import Company, Membership, Network, OutboxEntry


def test_round_trip_and_utc(store) -> None:
    with store.session() as s:
        c = Company(cvr="13585628", name="Vestjysk Stål ApS", employees=15)
        s.add(c)
        cid = c.id
    with store.session() as s:
        got = s.get(Company, cid)
        assert got is not None
        assert got.name == "Vestjysk Stål ApS"
        assert got.updated_at.tzinfo is not None
        assert got.updated_at.utcoffset() == dt.timedelta(0)
        assert got.version == 0 and got.deleted is False


def test_naive_datetime_is_refused(store) -> None:
    with pytest.raises(Exception, match="naive"), store.session() as s:
        n = Network(name="x", stage_changed_at=dt.datetime(2025, 1, 1))
        s.add(n)


def test_every_change_writes_its_outbox_entry_in_the_same_transaction(store) -> None:
    with store.session() as s:
        c = Company(cvr="13585628", name="A")
        s.add(c)
        cid = c.id
    with store.session() as s:
        entries = s.scalars(select(OutboxEntry)).all()
        assert [(e.entity, e.record_id, e.base_version) for e in entries] == [("company", cid, 0)]
        assert entries[0].data["name"] == "A" and entries[0].data["cvr"] == "13585628"
        # An entry already tried is not folded into: the next change gets an entry of its own.
        entries[0].attempts = 1
    with store.session() as s:
        s.get(Company, cid).name = "B"  # type: ignore[union-attr]
    with store.session() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert len(entries) == 2
        assert entries[1].data == {"name": "B"}


def test_a_failed_transaction_leaves_no_outbox_entry(store) -> None:
    with pytest.raises(RuntimeError), store.session() as s:
        s.add(Company(cvr="13585628", name="A"))
        s.flush()
        raise RuntimeError("boom")
    with store.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        assert s.scalars(select(Company)).all() == []


def test_changes_from_the_server_write_no_outbox(store) -> None:
    with store.session() as s:
        s.info["from_server"] = True
        s.add(Company(cvr="13585628", name="Fra serveren", version=3))
    with store.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []


def test_tombstone_is_a_change(store) -> None:
    with store.session() as s:
        n = Network(name="N")
        s.add(n)
        nid = n.id
    with store.session() as s:
        for e in s.scalars(select(OutboxEntry)):
            e.attempts = 1
        s.get(Network, nid).deleted = True  # type: ignore[union-attr]
    with store.session() as s:
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert last is not None and last.deleted is True


def test_foreign_keys_are_on(store) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), store.session() as s:
        s.add(Membership(network_id="nope", company_id="nope"))


def test_wal_mode(store) -> None:
    con = sqlite3.connect(store.db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_profile_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe")
    with pytest.raises(ProfileNotWritableError, match="kan ikke"):
        open_store(blocker / "profil")


def test_corrupt_database_is_refused_and_untouched(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    junk = b"this is not a database" * 100
    (profile / DB_NAME).write_bytes(junk)
    with pytest.raises(CorruptDatabaseError, match="beskadiget"):
        open_store(profile)
    assert (profile / DB_NAME).read_bytes() == junk


def test_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    open_store(profile).close()
    con = sqlite3.connect(profile / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = (profile / DB_NAME).read_bytes()
    with pytest.raises(NewerDatabaseError, match="nyere version"):
        open_store(profile)
    assert (profile / DB_NAME).read_bytes() == before


def test_schema_head_constant_matches_alembic() -> None:
    from mægler_app.store.db import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision(), "update SCHEMA_HEAD in store/db.py when adding a migration"


def test_migration_takes_a_backup_first_and_keeps_the_data(tmp_path: Path) -> None:
    """A database from before the newest schema is copied, then upgraded; the copy holds the old data."""
    profile = tmp_path / "p"
    profile.mkdir()
    # A database as the oldest Mægler would have left it: data, but no migrations applied yet.
    con = sqlite3.connect(profile / DB_NAME)
    con.execute("CREATE TABLE notes_from_before (text TEXT)")
    con.execute("INSERT INTO notes_from_before VALUES ('gem mig')")
    con.commit()
    con.close()
    st = open_store(profile)
    assert st.backup_path is not None and st.backup_path.exists()
    assert st.backup_path.parent.name == "sikkerhedskopier"
    con = sqlite3.connect(st.backup_path)
    assert con.execute("SELECT text FROM notes_from_before").fetchone()[0] == "gem mig"
    con.close()
    with st.session() as s:
        s.add(Company(cvr="13585628", name="Efter migrering ApS"))
    st.close()
    con = sqlite3.connect(profile / DB_NAME)
    assert con.execute("SELECT text FROM notes_from_before").fetchone()[0] == "gem mig"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    con.close()


def test_every_migration_step_upgrades_a_database_of_the_previous_revision(tmp_path: Path) -> None:
    """Walk the chain: a database stamped at each older revision opens, is backed up and upgraded."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from mægler_app.store.db import alembic_config, make_engine

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    revisions = [r.revision for r in script.walk_revisions()][::-1]  # oldest first
    for older in revisions[:-1]:
        profile = tmp_path / f"p-{older}"
        profile.mkdir()
        engine = make_engine(profile / DB_NAME)
        with engine.begin() as conn:
            cfg = alembic_config(str(engine.url))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, older)
        engine.dispose()
        st = open_store(profile)
        assert st.backup_path is not None
        st.close()


def test_backup_copy_is_consistent(tmp_path: Path) -> None:
    from mægler_app.store.db import backup_database

    profile = tmp_path / "p"
    st = open_store(profile)
    with st.session() as s:
        s.add(Company(cvr="13585628", name="Kopi A/S"))
    copy = backup_database(st.db_path, "test")
    st.close()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT name FROM company").fetchone()[0] == "Kopi A/S"
    con.close()


def test_foreign_keys_are_checked_at_commit_even_after_a_read(store) -> None:
    """A child may be written before its parent within one transaction, also when the session read first."""
    with store.session() as s:
        assert s.scalars(select(Company)).all() == []  # a read opens the transaction
        network = Network(name="N")
        company = Company(cvr="13585628", name="A")
        s.add(Membership(network_id=network.id, company_id=company.id))
        s.flush()  # the child alone: would fail if checked per statement
        s.add_all([network, company])
    with store.session() as s:
        assert len(s.scalars(select(Membership)).all()) == 1


@pytest.mark.slow
def test_generated_demo_data_keeps_the_composition_rule(tmp_path: Path) -> None:
    """Every generated network past candidate has three independent companies, as the server
    demands: a generated profile syncs without a single rejection (sync_bench relies on it)."""
    from collections import Counter

    from sqlalchemy import select

    from mægler_app.domain.stages import Stage, composition_problems
    from mægler_app.store.db import open_store
    from mægler_app.store.demo import generate
    from mægler_app.store.models import Company, Membership, Network

    store = open_store(tmp_path / "p")
    for _ in generate(store, 1.0):
        pass
    with store.session() as s:
        knowledge = set(s.scalars(select(Company.id).where(Company.is_knowledge_institution.is_(True))))
        independent: Counter[str] = Counter()
        for network_id, company_id in s.execute(select(Membership.network_id, Membership.company_id)):
            if company_id not in knowledge:
                independent[network_id] += 1
        stages = dict(s.execute(select(Network.id, Network.stage)).all())
    assert knowledge, "the generator makes some knowledge institutions"
    for network_id, stage in stages.items():
        if stage not in (Stage.CANDIDATE, Stage.CLOSED):
            assert not composition_problems(independent[network_id], 0), (stage, independent[network_id])
    store.close()


def test_networks_from_before_the_stage_history_keep_their_last_move(tmp_path: Path) -> None:
    from alembic import command

    from mægler_app.store.db import alembic_config, make_engine

    profile = tmp_path / "p"
    profile.mkdir()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql(
            "INSERT INTO network (id, name, network_type, core_task, participants_text, goals, terms,"
            " lead_source, stage, stage_changed_at, closed_reason, closed_reason_text, trin3_evidence,"
            " notes, version, deleted, updated_at) VALUES"
            " ('n1', 'Flyttet', '', '', '', '', '', '', 'stage_1', '2026-03-02 08:15:00.000000', '', '', '',"
            " '', 0, 0, '2026-03-02 08:15:00.000000'),"
            " ('n2', 'Aldrig flyttet', '', '', '', '', '', '', 'candidate', NULL, '', '', '', '', 0, 0,"
            " '2026-03-02 08:15:00.000000')"
        )
    engine.dispose()
    st = open_store(profile)
    try:
        with st.session() as s:
            assert s.get(Network, "n1").stage_history == [
                {"stage": "stage_1", "at": "2026-03-02T08:15:00+00:00"}
            ]
            assert s.get(Network, "n2").stage_history == []
    finally:
        st.close()
