"""``maegler-server backup`` and ``restore`` (issue 23 item 5), on SQLite and on PostgreSQL.

A server database filled by ``maegler-server demo`` and by a push over HTTP is backed up while
its server runs, restored into an EMPTY database (a new SQLite file; a new PostgreSQL database,
made and dropped by the pg fixture), and every row of every table is found again; a server
started on the restored database answers a broker's pull with what the original answered.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import MetaData, select

from mægler_app.server import backup as backup_module
from mægler_app.server import cli
from mægler_app.server.db import Database

from .conftest import HEADERS, PASSWORD, Api, build_network, make_db_url, run_cli, start_server

# the tables whose rows the programme lives in: none of them may be empty in the source
MUST_HAVE_ROWS = ("record", "record_change", "app_user", "applied_change", "stage_move", "seq_counter")


def _every_row(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = Database(url)
    try:
        meta = MetaData()
        meta.reflect(db.engine)
        rows: dict[str, list[tuple[Any, ...]]] = {}
        with db.engine.connect() as conn:
            for name, table in sorted(meta.tables.items()):
                order = list(table.primary_key.columns) or list(table.columns)
                rows[name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
        return rows
    finally:
        db.dispose()


def _login(base: str, username: str) -> Api:
    r = requests.post(
        f"{base}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD},
        headers=HEADERS,
        timeout=30,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    return Api(base, body["token"], body["user"])


def _pulls(base: str) -> dict[str, Any]:
    """What a broker and the caseworker are sent by a pull from the start."""
    return {name: _login(base, name).pull_all() for name in ("maegler01", "sagsbehandler")}


@pytest.mark.slow
def test_backup_then_restore_into_an_empty_database_finds_every_record(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source = make_db_url(backend, tmp_path / "a", request)
    (tmp_path / "a").mkdir()
    seeded = run_cli("demo", "--brokers", "2", db=source, stdin=PASSWORD + "\n")
    assert seeded.returncode == 0, seeded.stderr

    # a real push while the server runs; the backup is taken with the server running
    srv = start_server(source, tmp_path / "a.log")
    try:
        pushed = build_network(_login(srv.base, "maegler01"))
        before = _pulls(srv.base)
        file = tmp_path / ("kopi #1?.sqlite3" if backend == "sqlite" else "kopi #1?.dump")  # escaped right
        saved = run_cli("backup", str(file), db=source)
        assert saved.returncode == 0, saved.stderr
        assert f"Sikkerhedskopien er gemt i {file}" in saved.stdout
    finally:
        assert srv.stop() == 0, srv.log()
    assert pushed["network"] in {i for (_e, i) in before["maegler01"]}

    original = _every_row(source)
    for name in MUST_HAVE_ROWS:
        assert original[name], f"{name} is empty: the test would prove nothing"

    target = make_db_url(backend, tmp_path / "b", request)
    (tmp_path / "b").mkdir()
    assert backup_module.table_names(target) == []  # the target is empty
    restored = run_cli("restore", str(file), db=target)
    assert restored.returncode == 0, restored.stderr
    assert "Databasen er gendannet" in restored.stdout
    assert _every_row(target) == original

    srv = start_server(target, tmp_path / "b.log")
    try:
        assert _pulls(srv.base) == before
    finally:
        assert srv.stop() == 0, srv.log()

    # a database that is not empty is refused, unless told --force
    again = run_cli("restore", str(file), db=target)
    assert again.returncode == 1
    assert "ikke tom" in again.stderr and "--force" in again.stderr
    forced = run_cli("restore", "--force", str(file), db=target)
    assert forced.returncode == 0, forced.stderr
    assert _every_row(target) == original


def test_restore_refuses_a_file_that_is_not_a_backup_of_that_kind(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = make_db_url(backend, tmp_path, request)
    text = tmp_path / "notes.txt"
    text.write_text("ikke en sikkerhedskopi", encoding="utf-8")
    wrong = run_cli("restore", str(text), db=target)
    assert wrong.returncode == 1
    kind = "SQLite" if backend == "sqlite" else "PostgreSQL"
    assert f"ikke en sikkerhedskopi af en {kind}-database" in wrong.stderr
    if backend == "sqlite":  # a SQLite file that is not a server's: a laptop's profile
        laptop = tmp_path / "profil.sqlite3"
        with contextlib.closing(sqlite3.connect(laptop)) as conn, conn:
            conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
            conn.execute("INSERT INTO alembic_version VALUES ('0006_retention')")
        refused = run_cli("restore", str(laptop), db=target)
        assert refused.returncode == 1 and "ikke en sikkerhedskopi" in refused.stderr
    missing = run_cli("restore", str(tmp_path / "mangler.dump"), db=target)
    assert missing.returncode == 1 and "findes ikke" in missing.stderr
    assert backup_module.table_names(target) == []
    never_created = run_cli("backup", str(tmp_path / "x.bak"), db=target)
    assert never_created.returncode == 1 and "maegler-server init" in never_created.stderr
    assert not (tmp_path / "x.bak").exists()


def test_without_postgresqls_programs_the_operator_is_told_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup_module, "PG_BIN_GLOB", str(tmp_path / "postgresql" / "*" / "bin"))
    url = "postgresql+psycopg://postgres@127.0.0.1:9/ingen"  # never opened: the program is looked for first
    assert cli.main(["backup", "--db", url, str(tmp_path / "x.dump")]) == 1
    err = capsys.readouterr().err
    assert "Programmet pg_dump findes ikke" in err and "postgresql-client" in err
    dump = tmp_path / "x.dump"
    dump.write_bytes(backup_module.PG_DUMP_MAGIC + b"\0" * 16)
    assert cli.main(["restore", "--db", url, str(dump)]) == 1
    assert "Programmet pg_restore findes ikke" in capsys.readouterr().err

    # Debian's folder is found when PATH has none; the newest version first
    for version in ("9.6", "15", "17"):
        folder = tmp_path / "postgresql" / version / "bin"
        folder.mkdir(parents=True)
        tool = folder / "pg_dump"
        tool.write_text("#!/bin/sh\n", encoding="utf-8")
        tool.chmod(0o755)
    assert backup_module.find_pg_tool("pg_dump") == str(tmp_path / "postgresql" / "17" / "bin" / "pg_dump")
