"""maegler-server's commands: init, add-user, publish-form, serve, exit codes, and a clean SIGTERM."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from .conftest import HEADERS, PROTOCOL_VERSION, change, company_data, run_cli, start_server


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    from .conftest import make_db_url

    return make_db_url(backend, tmp_path, request)


def test_commands_and_exit_codes(fresh_db: str, tmp_path: Path) -> None:
    before = run_cli("add-user", "anna", "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n")
    assert before.returncode == 1
    assert "maegler-server init" in before.stderr
    assert run_cli("init", db=fresh_db).returncode == 0
    assert run_cli("init", db=fresh_db).returncode == 0  # upgrading a current database is a no-op
    ok = run_cli("add-user", "anna", "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n")
    assert ok.returncode == 0, ok.stderr
    dup = run_cli("add-user", "anna", "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n")
    assert dup.returncode == 1 and "findes allerede" in dup.stderr
    short = run_cli("add-user", "bo", "--role", "caseworker", db=fresh_db, stdin="kort\n")
    assert short.returncode == 1 and "mindst 8" in short.stderr
    assert run_cli("add-user", "bo", "--role", "chef", db=fresh_db).returncode == 2
    form = tmp_path / "form.json"
    form.write_text(
        json.dumps(
            {
                "id": "moede",
                "version": 3,
                "title": "Møde",
                "sections": [
                    {"id": "a", "title": "A", "questions": [{"id": "q", "kind": "text", "label": "Q"}]}
                ],
            }
        ),
        encoding="utf-8",
    )
    assert run_cli("publish-form", str(form), db=fresh_db).returncode == 0
    again = run_cli("publish-form", str(form), db=fresh_db)
    assert again.returncode == 1 and "højere versionsnummer" in again.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{ikke json", encoding="utf-8")
    assert run_cli("publish-form", str(broken), db=fresh_db).returncode == 1
    assert run_cli("publish-form", str(tmp_path / "mangler.json"), db=fresh_db).returncode == 1


def test_add_user_with_a_full_name_that_login_and_me_return(fresh_db: str, tmp_path: Path) -> None:
    assert run_cli("init", db=fresh_db).returncode == 0
    named = run_cli(
        "add-user", "anna", "--role", "broker", "--name", "Anna Jensen", db=fresh_db, stdin="hemmeligt-ord\n"
    )
    assert named.returncode == 0, named.stderr
    assert "»anna« (Anna Jensen, broker)" in named.stdout
    plain = run_cli("add-user", "bo", "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n")
    assert plain.returncode == 0, plain.stderr
    too_long = run_cli("add-user", "cai", "--role", "broker", "--name", "x" * 201, db=fresh_db,
                       stdin="hemmeligt-ord\n")  # fmt: skip
    assert too_long.returncode == 1 and "højst være 200 tegn" in too_long.stderr
    srv = start_server(fresh_db, tmp_path / "a.log")
    try:
        for username, display_name in (("anna", "Anna Jensen"), ("bo", "")):
            body = requests.post(
                f"{srv.base}/api/v1/auth/login",
                json={"username": username, "password": "hemmeligt-ord"},
                headers=HEADERS,
                timeout=30,
            ).json()
            assert body["user"]["display_name"] == display_name
            me = requests.get(
                f"{srv.base}/api/v1/me",
                headers={"Authorization": f"Bearer {body['token']}", **HEADERS},
                timeout=30,
            ).json()
            assert me["user"] == body["user"]
    finally:
        assert srv.stop() == 0, srv.log()


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_keeps_committed_changes(fresh_db: str, tmp_path: Path, backend: str, workers: int) -> None:
    if workers > 1 and backend == "sqlite":
        pytest.skip("flere serverprocesser kun på PostgreSQL (afvisningen testes nedenfor)")
    assert run_cli("init", db=fresh_db).returncode == 0
    assert (
        run_cli("add-user", "anna", "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n").returncode == 0
    )
    srv = start_server(fresh_db, tmp_path / "a.log", "--workers", str(workers))
    try:
        token = requests.post(
            f"{srv.base}/api/v1/auth/login",
            json={"username": "anna", "password": "hemmeligt-ord"},
            headers=HEADERS,
            timeout=30,
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}", **HEADERS}
        c = change("company", company_data())
        r = requests.post(
            f"{srv.base}/api/v1/sync/push",
            json={"client_id": "k", "protocol_version": PROTOCOL_VERSION, "changes": [c]},
            headers=headers,
            timeout=30,
        )
        assert r.json()["results"][0]["status"] == "applied"
    finally:
        code = srv.stop()
    assert code == 0, srv.log()
    srv2 = start_server(fresh_db, tmp_path / "b.log")
    try:
        pulled = requests.get(f"{srv2.base}/api/v1/sync/pull", headers=headers, timeout=30).json()
        assert [ch["id"] for ch in pulled["changes"]] == [c["id"]]
    finally:
        assert srv2.stop() == 0


def test_several_workers_need_postgresql(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert run_cli("init", db=db).returncode == 0
    r = run_cli("serve", "--port", "1", "--workers", "2", db=db)
    assert r.returncode == 1
    assert "kræver PostgreSQL" in r.stderr


def test_serve_refuses_an_uninitialised_database(fresh_db: str) -> None:
    r = run_cli("serve", "--port", "1", db=fresh_db)
    assert r.returncode == 1
    assert "init" in r.stderr


# The smallest section the forms engine takes.
SECTION = {"id": "a", "title": "A", "questions": [{"id": "q", "kind": "text", "label": "Q"}]}


def test_init_publishes_bundled_definitions_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mægler_app.server import forms
    from mægler_app.server.db import Database

    folder = tmp_path / "definitions"
    folder.mkdir()
    (folder / "screening_v1.json").write_text(
        json.dumps({"id": "screening", "version": 1, "title": "Screening", "sections": [SECTION]}),
        encoding="utf-8",
    )
    monkeypatch.setattr(forms, "BUNDLED", folder)
    db = Database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        db.upgrade()
        assert forms.publish_bundled(db) == ["screening v1"]
        assert forms.publish_bundled(db) == []  # a second init changes nothing
        (folder / "screening_v2.json").write_text(
            json.dumps({"id": "screening", "version": 2, "title": "Screening 2", "sections": [SECTION]}),
            encoding="utf-8",
        )
        assert forms.publish_bundled(db) == ["screening v2"]
        current = forms.current_forms(db)
        assert [(f["id"], f["version"], f["body"]["title"]) for f in current] == [
            ("screening", 2, "Screening 2")
        ]
        monkeypatch.setattr(forms, "BUNDLED", tmp_path / "findes-ikke")
        assert forms.publish_bundled(db) == []
    finally:
        db.dispose()


def test_warm_up_opens_the_pool_and_writes_nothing(fresh_db: str, backend: str) -> None:
    from sqlalchemy import func, select

    from mægler_app.server.db import Database
    from mægler_app.server.models import AppliedChange, Record, SeqCounter
    from mægler_app.server.warmup import warm_up

    assert run_cli("init", db=fresh_db).returncode == 0
    db = Database(fresh_db)
    try:

        def state() -> tuple[int, int, int]:
            with db.session() as s:
                return (
                    int(s.scalar(select(SeqCounter.value)) or 0),
                    int(s.scalar(select(func.count()).select_from(Record)) or 0),
                    int(s.scalar(select(func.count()).select_from(AppliedChange)) or 0),
                )

        before = state()
        warm_up(db)
        assert state() == before
        if backend == "postgres":
            # Every connection of the pool is open, idle and back in it.
            assert db.engine.pool.checkedin() == db.engine.pool.size()  # type: ignore[attr-defined]
        else:
            # SQLite has nothing to warm: no connection beyond the one state() used.
            assert db.engine.pool.checkedin() <= 1  # type: ignore[attr-defined]
    finally:
        db.dispose()


@pytest.mark.postgres
def test_worker_processes_own_their_port(pg_url_factory: object, tmp_path: Path) -> None:
    db = pg_url_factory()  # type: ignore[operator]
    assert run_cli("init", db=db).returncode == 0
    srv = start_server(db, tmp_path / "a.log", "--workers", "2")
    try:
        # A second server on the same port is refused, not let in beside the first.
        second = run_cli("serve", "--host", "127.0.0.1", "--port", str(srv.port), "--workers", "2", db=db)
        assert second.returncode == 1
        assert "bruges allerede" in second.stderr
        assert requests.get(f"{srv.base}/api/v1/healthz", timeout=10).status_code == 200
        # (a process that dies is replaced: test_processes.py)
    finally:
        assert srv.stop() == 0, srv.log()


def test_threads_limit_the_database_work_and_one_is_enough(fresh_db: str, tmp_path: Path) -> None:
    import threading

    import anyio

    from mægler_app.server.app import create_app
    from mægler_app.server.db import Database

    db = Database(f"sqlite:///{tmp_path / 'inproc.sqlite3'}")
    try:
        app = create_app(db, threads=2)

        async def tokens() -> float:
            async with app.router.lifespan_context(app):
                return anyio.to_thread.current_default_thread_limiter().total_tokens

        assert anyio.run(tokens) == 2
    finally:
        db.dispose()

    assert run_cli("serve", "--port", "1", "--threads", "0", db=fresh_db).returncode == 1
    assert run_cli("init", db=fresh_db).returncode == 0
    for name in ("anna", "bo"):
        assert (
            run_cli("add-user", name, "--role", "broker", db=fresh_db, stdin="hemmeligt-ord\n").returncode
            == 0
        )
    # With a single thread, pushes and pulls of two brokers at once still all get their answers
    # (nothing waits, while holding the thread, for work that needs another one).
    srv = start_server(fresh_db, tmp_path / "one.log", "--threads", "1")
    errors: list[str] = []
    try:

        def broker(name: str) -> None:
            try:
                http = requests.Session()
                http.headers.update(HEADERS)
                token = http.post(
                    f"{srv.base}/api/v1/auth/login",
                    json={"username": name, "password": "hemmeligt-ord"},
                    timeout=30,
                ).json()["token"]
                http.headers["Authorization"] = f"Bearer {token}"
                for _ in range(5):
                    r = http.post(
                        f"{srv.base}/api/v1/sync/push",
                        json={"client_id": name, "changes": [change("company", company_data())]},
                        timeout=30,
                    )
                    assert r.json()["results"][0]["status"] == "applied", r.text
                    assert http.get(f"{srv.base}/api/v1/sync/pull", timeout=30).status_code == 200
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(repr(exc))

        workers = [threading.Thread(target=broker, args=(n,)) for n in ("anna", "bo")]
        for t in workers:
            t.start()
        for t in workers:
            t.join(timeout=60)
    finally:
        assert srv.stop() == 0, srv.log()
    assert errors == []


def test_settle_heap_freezes_what_exists_and_collects_less_often() -> None:
    # In a child process: freezing the test runner's own heap would change every later test.
    import subprocess
    import sys

    code = (
        "import gc; from mægler_app.server.cli import settle_heap, GC_THRESHOLD; "
        "before = gc.get_freeze_count(); settle_heap(); "
        "print(before, gc.get_freeze_count() > 10000, gc.get_threshold() == GC_THRESHOLD, GC_THRESHOLD[0] > 700)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "True", "True", "True"]


def test_the_server_command_line_speaks_english_when_asked(tmp_path: Path) -> None:
    """``maegler-server --language en`` or ``MAEGLER_LANGUAGE=en``: help, usage errors, the
    operator's errors and results in English (issue 24); Danish without them."""
    import os
    import subprocess

    from .conftest import server_command

    def server(*args: str, language: str | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "MAEGLER_LANGUAGE"}
        if language:
            env["MAEGLER_LANGUAGE"] = language
        return subprocess.run(
            [*server_command(), *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
        )

    helped = server("--help", language="en")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: maegler-server ")
    words = " ".join(helped.stdout.split())
    assert "Væksthus Midtjylland's Mægler server." in words and "create or upgrade the database" in words
    assert "opret eller opgradér" not in words
    sub = server("add-user", "--help", "--language", "en")
    assert (
        "[--name FULL_NAME]" in sub.stdout and "USERNAME" in sub.stdout and 'e.g. "Anna Jensen"' in sub.stdout
    )
    danish = server("--help")
    assert (
        danish.stdout.startswith("brug: maegler-server ")
        and "opret eller opgradér databasen" in danish.stdout
    )
    bad = server("--language", "en", "bogus")
    assert bad.returncode == 2 and "maegler-server: error: argument command: invalid choice" in bad.stderr
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    early = server("add-user", "anna", "--role", "broker", "--db", db, language="en", stdin="hemmeligt-ord\n")
    assert early.returncode == 1
    assert (
        early.stderr.startswith("Error: The database is not created.")
        and "“maegler-server init”" in early.stderr
    )
    init = server("init", "--db", db, "--language", "en")
    assert init.returncode == 0 and init.stdout.startswith("The database is ready.")
    made = server("add-user", "anna", "--role", "broker", "--db", db, language="en", stdin="hemmeligt-ord\n")
    assert made.stdout.strip() == "The user “anna” (broker) has been created."
    again = server("add-user", "bo", "--role", "broker", "--db", db, stdin="hemmeligt-ord\n")
    assert again.stdout.strip() == "Brugeren »bo« (broker) er oprettet."
