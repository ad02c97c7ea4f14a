"""Several server processes (``serve --workers 2``, gunicorn): what they must agree on is in the database.

Each check pins a keep-alive connection to one process (found from the connection's socket in
/proc) and makes sure both processes answered: a logout in one process is refused by the other,
failed logins count across processes. SQLite refuses several processes (test_cli.py).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from mægler_app.domain.sync_contract import LOGIN_FAILURES_ALLOWED
from mægler_app.server.accounts import TokenCache

from .conftest import HEADERS, PASSWORD, ServerProcess, run_cli, start_server

pytestmark = pytest.mark.postgres


def worker_pids(srv: ServerProcess) -> list[int]:
    children = Path(f"/proc/{srv.proc.pid}/task/{srv.proc.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            found.add(target[len("socket:[") : -1])
    return found


def serving_pid(conn: http.client.HTTPConnection, srv: ServerProcess) -> int:
    """The server process at the other end of ``conn`` (its socket's inode in /proc/net/tcp)."""
    assert conn.sock is not None
    client_port = conn.sock.getsockname()[1]
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1], fields[2]
        if int(local.split(":")[1], 16) == srv.port and int(remote.split(":")[1], 16) == client_port:
            inode = fields[9]
    assert inode is not None
    owners = [pid for pid in worker_pids(srv) if inode in socket_inodes(pid)]
    assert len(owners) == 1, owners
    return owners[0]


# every client's connection, closed when its test ends (a socket left to the garbage collector is a
# ResourceWarning, an error here)
_OPEN: list[http.client.HTTPConnection] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Any:
    yield
    while _OPEN:
        _OPEN.pop().close()


class Client:
    def __init__(self, srv: ServerProcess) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
        _OPEN.append(self.conn)
        assert self.call("GET", "/api/v1/healthz")[0] == 200  # accepted by a process by now
        self.pid = serving_pid(self.conn, srv)

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        headers = {**HEADERS, "Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        resp = self.conn.getresponse()
        return resp.status, json.loads(resp.read() or b"null")

    def login(self, username: str, password: str = PASSWORD) -> tuple[int, Any]:
        return self.call("POST", "/api/v1/auth/login", {"username": username, "password": password})

    def me(self, token: str) -> int:
        return self.call("GET", "/api/v1/me", token=token)[0]


def one_client_per_process(srv: ServerProcess, tries: int = 200) -> dict[int, Client]:
    """A connection to each of the server's processes (the kernel picks one per new connection)."""
    pids = set(worker_pids(srv))
    assert len(pids) == 2
    clients: dict[int, Client] = {}
    for _ in range(tries):
        client = Client(srv)
        if client.pid in clients:
            client.conn.close()
        else:
            clients[client.pid] = client
        if set(clients) == pids:
            return clients
    raise AssertionError(f"only processes {set(clients)} of {pids} answered")


@pytest.fixture
def two_processes(pg_url_factory: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    db = pg_url_factory()
    assert run_cli("init", db=db).returncode == 0
    for name in ("anna", "bo", "cai", "dorte"):
        added = run_cli("add-user", name, "--role", "broker", db=db, stdin=f"{PASSWORD}\n")
        assert added.returncode == 0, added.stderr
    monkeypatch.setenv("MAEGLER_LOGIN_FAILURES_PER_ADDRESS", "9")
    srv = start_server(db, tmp_path / "server.log", "--workers", "2")
    try:
        # healthz answered: one process at least; wait for both to have started
        deadline = time.monotonic() + 30
        while len(worker_pids(srv)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        clients = one_client_per_process(srv)
        yield srv, list(clients.values())
    finally:
        assert srv.stop() == 0, srv.log()


def test_a_logout_in_one_process_is_refused_by_every_process(two_processes: Any) -> None:
    srv, (a, b) = two_processes
    assert a.pid != b.pid
    # A token neither process has seen is refused by the other one at the very next request.
    status, body = a.login("anna")
    assert status == 200
    fresh = body["token"]
    assert a.call("POST", "/api/v1/auth/logout", token=fresh)[0] == 200
    assert b.me(fresh) == 401
    assert a.me(fresh) == 401

    # A token both have checked (and cached): the process that logged out refuses at once, the
    # other within its cache's window, and after that every new connection, to either process.
    status, body = b.login("anna")
    token = body["token"]
    assert a.me(token) == 200 and b.me(token) == 200
    assert a.call("POST", "/api/v1/auth/logout", token=token)[0] == 200
    assert a.me(token) == 401
    time.sleep(TokenCache().ttl + 0.2)  # the window's end, not a measure of speed
    assert b.me(token) == 401
    seen = set()
    for _ in range(40):
        client = Client(srv)
        seen.add(client.pid)
        assert client.me(token) == 401
        client.conn.close()
    assert seen == {a.pid, b.pid}


def test_failed_logins_count_across_processes(two_processes: Any) -> None:
    _srv, (a, b) = two_processes
    # Per name and address: the failures allowed, alternating between the processes, and then
    # even the right password is refused, by both.
    for n in range(LOGIN_FAILURES_ALLOWED):
        status, _ = (a if n % 2 else b).login("bo", "forkert-kode")
        assert status == 401
    status, body = a.login("bo")
    assert status == 429 and "denne bruger" in body["detail"]
    status, body = b.login("bo")
    assert status == 429 and "denne bruger" in body["detail"]
    # Another name is still let in: the limit is per name.
    assert a.login("cai")[0] == 200

    # Per address (9 here, over all names): 7 failures so far (5 + 2 refused above); two more
    # on the other names, one in each process, and the address is refused in both.
    assert a.login("cai", "forkert-kode")[0] == 401
    assert b.login("dorte", "forkert-kode")[0] == 401
    status, body = b.login("dorte")
    assert status == 429 and "denne adresse" in body["detail"]
    status, body = a.login("anna")
    assert status == 429 and "denne adresse" in body["detail"]


def test_a_process_that_dies_is_replaced_and_the_server_stops_cleanly(two_processes: Any) -> None:
    srv, (a, b) = two_processes
    os.kill(a.pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = set(worker_pids(srv))
        if len(pids) == 2 and a.pid not in pids:
            break
        time.sleep(0.1)
    assert len(pids) == 2 and a.pid not in pids and b.pid in pids, srv.log()
    clients = one_client_per_process(srv)
    for client in clients.values():
        assert client.login("anna")[0] == 200


def test_every_line_of_the_processes_log_starts_with_its_utc_time_and_level(
    pg_url_factory: Any, tmp_path: Path
) -> None:
    """gunicorn's lines ("Booting worker …") too, as test_server_log.py asks of one process."""
    from .test_server_log import LINE

    db = pg_url_factory()
    assert run_cli("init", db=db).returncode == 0
    srv = start_server(db, tmp_path / "server.log", "--workers", "2")
    try:
        assert Client(srv).call("GET", "/api/v1/healthz")[0] == 200
    finally:
        assert srv.stop() == 0, srv.log()
    lines = [line for line in srv.log().splitlines() if line.strip()]
    assert any("Booting worker" in line for line in lines), lines
    assert any('"GET /api/v1/healthz HTTP/1.1" 200 OK' in line for line in lines), lines
    for line in lines:
        assert LINE.match(line), line
