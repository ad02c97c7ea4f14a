"""A real server process on 127.0.0.1 per database backend (SQLite file, throw-away PostgreSQL database).

Users are created in-process against the same database (faster than one CLI process each);
the CLI itself is tested in test_cli.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from mægler_app.domain.sync_contract import PROTOCOL_HEADER, PROTOCOL_VERSION

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PASSWORD = "korrekt-hest-42"
# What every request of this version carries; without it a request is taken as version 1 (426).
HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


def server_command() -> list[str]:
    script = Path(sys.executable).with_name("maegler-server")
    if script.exists():
        return [str(script)]
    found = shutil.which("maegler-server")
    return [found] if found else [sys.executable, "-m", "mægler_app.server.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_cli(*args: str, db: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*server_command(), *args, "--db", db],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_DSN):
            return True
    except Exception:  # noqa: BLE001 - any failure to connect means "not here"
        return False


@pytest.fixture(scope="session")
def pg_url_factory() -> Iterator[Any]:
    """Makes throw-away PostgreSQL databases and drops them at the end of the session."""
    if not pg_available():
        if os.environ.get("MAEGLER_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL på 127.0.0.1:5432 svarer ikke, og MAEGLER_REQUIRE_PG=1")
        pytest.skip("PostgreSQL på 127.0.0.1:5432 svarer ikke")
    import psycopg

    made: list[str] = []

    def make() -> str:
        name = f"maegler_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

    yield make
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def make_db_url(backend: str, tmp: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'server.sqlite3'}"
    return str(request.getfixturevalue("pg_url_factory")())


@dataclass
class ServerProcess:
    db_url: str
    port: int
    proc: subprocess.Popen[bytes]
    log_path: Path
    users: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return int(self.proc.returncode)


def start_server(db_url: str, log_path: Path, *extra: str) -> ServerProcess:
    port = free_port()
    with log_path.open("wb") as log:  # the server writes to its own copy of the file
        proc = subprocess.Popen(
            [*server_command(), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port), *extra],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    srv = ServerProcess(db_url=db_url, port=port, proc=proc, log_path=log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serveren stoppede: {srv.log()}")
        try:
            if requests.get(f"{srv.base}/api/v1/healthz", timeout=1).status_code == 200:
                return srv
        except requests.RequestException:
            pass
        time.sleep(0.1)
    srv.stop()
    raise RuntimeError(f"serveren svarede ikke: {srv.log()}")


@pytest.fixture(scope="session")
def server(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[ServerProcess]:
    tmp = tmp_path_factory.mktemp(f"server-{backend}")
    db_url = make_db_url(backend, tmp, request)
    init = run_cli("init", db=db_url)
    assert init.returncode == 0, init.stderr
    srv = start_server(db_url, tmp / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


class Api:
    """A logged-in (or anonymous) client over real HTTP."""

    def __init__(self, base: str, token: str | None = None, user: dict[str, Any] | None = None) -> None:
        self.base = base
        self.http = requests.Session()
        self.http.headers.update(HEADERS)
        self.token = token
        self.user = user or {}
        self.client_id = f"klient-{uuid.uuid4().hex[:8]}"
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"

    @property
    def id(self) -> str:
        return str(self.user["id"])

    def request(self, method: str, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("timeout", 30)
        return self.http.request(method, f"{self.base}/api/v1{path}", **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PUT", path, **kw)

    def push(self, *changes: dict[str, Any], client_id: str | None = None) -> list[dict[str, Any]]:
        r = self.post(
            "/sync/push",
            json={
                "client_id": client_id or self.client_id,
                "protocol_version": PROTOCOL_VERSION,
                "changes": list(changes),
            },
        )
        assert r.status_code == 200, r.text
        return list(r.json()["results"])

    def pull_all(self, since: int = 0, limit: int = 500) -> dict[tuple[str, str], dict[str, Any]]:
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        while True:
            r = self.get("/sync/pull", params={"since": since, "limit": limit})
            assert r.status_code == 200, r.text
            body = r.json()
            for ch in body["changes"]:
                seen[(ch["entity"], ch["id"])] = ch
            since = body["next_since"]
            if not body["has_more"]:
                return seen


def change(entity: str, data: dict[str, Any] | None = None, *, id: str | None = None, base: int = 0,
           deleted: bool = False, change_id: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "change_id": change_id or str(uuid.uuid4()),
        "entity": entity,
        "id": id or str(uuid.uuid4()),
        "base_version": base,
        "deleted": deleted,
        "data": data or {},
    }


@pytest.fixture
def make_user(server: ServerProcess) -> Any:
    """Creates a user (in-process, same database) and returns a logged-in Api for it."""
    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    db = Database(server.db_url)

    def make(role: str = "broker", name: str | None = None, login: bool = True) -> Api:
        username = name or f"{role}-{uuid.uuid4().hex[:8]}"
        add_user(db, username, role, PASSWORD)
        if not login:
            return Api(server.base, user={"username": username})
        r = requests.post(
            f"{server.base}/api/v1/auth/login",
            json={"username": username, "password": PASSWORD},
            headers=HEADERS,
            timeout=30,
        )
        assert r.status_code == 200, r.text
        body = r.json()
        return Api(server.base, body["token"], body["user"])

    yield make
    db.dispose()


@pytest.fixture
def anon(server: ServerProcess) -> Api:
    return Api(server.base)


_cvr_seed = iter(range(1, 10**6))


def company_data(**extra: Any) -> dict[str, Any]:
    from mægler_app.domain.cvr import make_valid_cvr

    return {"cvr": make_valid_cvr(next(_cvr_seed) + os.getpid()), "name": "Testvirksomhed A/S", **extra}


def build_network(api: Api, independent: int = 3, knowledge: int = 0) -> dict[str, Any]:
    """A broker's network with members; returns the ids."""
    net = change("network", {"name": "Metalnetværket", "stage": "candidate"})
    companies = [change("company", company_data()) for _ in range(independent)]
    companies += [change("company", company_data(is_knowledge_institution=True)) for _ in range(knowledge)]
    members = [change("membership", {"network_id": net["id"], "company_id": c["id"]}) for c in companies]
    results = api.push(net, *companies, *members)
    assert all(r["status"] == "applied" for r in results), results
    return {
        "network": net["id"],
        "companies": [c["id"] for c in companies],
        "members": [m["id"] for m in members],
    }


def passed_screening(
    network_id: str,
    companies: list[str],
    knowledge: list[str] | None = None,
    *,
    passed: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A final screening change whose answers pass the bundled screening form for these members,
    with the verdict the server computes (members as ``build_network`` pushes them)."""
    from ..forms_fixtures import passed_screening_fields

    knowledge = knowledge or []
    names = {c: "Testvirksomhed A/S" for c in companies + knowledge}
    fields = passed_screening_fields(names, set(knowledge), passed=passed)
    return change("screening", {"network_id": network_id, **fields, **extra})


def network_at_stage_1(api: Api, independent: int = 3, knowledge: int = 0) -> dict[str, Any]:
    """``build_network``'s network, screened (passed) and moved to trin 1 by the broker's pushes."""
    ids = build_network(api, independent, knowledge)
    screening = passed_screening(
        ids["network"], ids["companies"][:independent], ids["companies"][independent:]
    )
    results = api.push(screening, change("network", {"stage": "stage_1"}, id=ids["network"], base=1))
    assert [r["status"] for r in results] == ["applied", "applied"], results
    return {**ids, "screening": screening["id"]}


def submitted_data(network_id: str, **extra: Any) -> dict[str, Any]:
    """An application's fields that may be submitted (every block of the draft filled in)."""
    return {
        "network_id": network_id,
        "status": "submitted",
        "market_perspective": "Nye kunder i Tyskland.",
        "economic_perspective": "Vækst i omsætningen.",
        "technology_perspective": "Fælles produktion.",
        "strategy_perspective": "Fælles ledelsesudvikling.",
        "consultant_name": "Konsulent K",
        "consultant_hours": 300,
        "hourly_rate_ore": 90_000,
        "period_months": 6,
        "split_mode": "equal",
        **extra,
    }
