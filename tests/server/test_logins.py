"""Logins that cannot be abused (issue 22 item 1), on both databases and across server processes.

Different clients are real different peers: loopback has a whole /8, so a connection bound to
127.0.0.2 is another address to the server than one from 127.0.0.3. A reverse proxy is a server
told to trust 127.0.0.1, with the client in ``X-Forwarded-For``.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import datetime as dt
import hashlib
import http.client
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mægler_app.domain.sync_contract import LOGIN_FAILURES_ALLOWED, TOKEN_IDLE_SECONDS
from mægler_app.server.accounts import HashPool, ServerBusyError, add_user, purge_stale
from mægler_app.server.db import Database
from mægler_app.server.models import LoginFailure, Token, User
from mægler_app.server.security import COSTS, hasher, needs_rehash, token_hash, verify_password

from .conftest import HEADERS, PASSWORD, ServerProcess, make_db_url, run_cli, start_server


def call(
    srv: ServerProcess,
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
    *,
    source: str = "127.0.0.1",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any]]:
    """One request over a connection from ``source`` (a loopback address of its own)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60, source_address=(source, 0))
    try:
        conn.request(
            method,
            f"/api/v1{path}",
            body=None if body is None else json.dumps(body),
            headers={**HEADERS, "Content-Type": "application/json", **(headers or {})},
        )
        r = conn.getresponse()
        return r.status, json.loads(r.read() or b"{}")
    finally:
        conn.close()


def login(srv: ServerProcess, name: str, password: str, **kw: Any) -> tuple[int, dict[str, Any]]:
    return call(srv, "POST", "/auth/login", {"username": name, "password": password}, **kw)


def me(srv: ServerProcess, token: str, **kw: Any) -> int:
    return call(srv, "GET", "/me", headers={"Authorization": f"Bearer {token}"}, **kw)[0]


@pytest.fixture
def fresh(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """Starts servers of their own on one new database (the environment they inherit is the test's)."""
    url = make_db_url(backend, tmp_path, request)
    init = run_cli("init", db=url)
    assert init.returncode == 0, init.stderr
    started: list[ServerProcess] = []
    db = Database(url)

    def start(**env: str) -> ServerProcess:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        srv = start_server(url, tmp_path / f"server-{len(started)}.log")
        started.append(srv)
        return srv

    start.db = db  # type: ignore[attr-defined]
    yield start
    for srv in started:
        assert srv.stop() == 0, srv.log()
    db.dispose()


def test_thirty_parallel_wrong_passwords_reach_the_check_at_most_five_times(fresh: Any) -> None:
    """Two server processes on one database, thirty wrong passwords at once: the count is written
    before it is read, so no more than five are ever checked (before: 8 on SQLite, 10–12 on PG)."""
    one, two = fresh(), fresh()
    name = f"offer-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    with concurrent.futures.ThreadPoolExecutor(30) as pool:
        codes = list(pool.map(lambda i: login((one, two)[i % 2], name, f"forkert-{i}")[0], range(30)))
    assert codes.count(401) <= LOGIN_FAILURES_ALLOWED
    assert set(codes) <= {401, 429} and codes.count(429) >= 30 - LOGIN_FAILURES_ALLOWED
    # The right password from the same address is refused too: the name is locked there…
    assert login(one, name, PASSWORD)[0] == 429
    # …but not from another address: an attacker cannot lock the broker out.
    status, body = login(two, name, PASSWORD, source="127.0.0.2")
    assert status == 200, body


def test_a_locked_name_keeps_its_token_working_and_another_address_logs_in(fresh: Any) -> None:
    srv = fresh()
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    status, body = login(srv, name, PASSWORD, source="127.0.0.5")
    assert status == 200
    token = body["token"]
    for _ in range(LOGIN_FAILURES_ALLOWED + 3):
        login(srv, name, "gaet-igen", source="127.0.0.6")
    status, body = login(srv, name, PASSWORD, source="127.0.0.6")
    assert status == 429 and "kvarter" in body["detail"]
    assert me(srv, token, source="127.0.0.5") == 200
    assert me(srv, token, source="127.0.0.6") == 200  # a valid token is never throttled
    assert login(srv, name, PASSWORD, source="127.0.0.7")[0] == 200


def test_a_flood_of_made_up_names_from_one_address_stops_before_it_costs_a_hash_each(fresh: Any) -> None:
    srv = fresh(MAEGLER_LOGIN_FAILURES_PER_ADDRESS="10")
    codes = [login(srv, f"gaet-{i}", "hvad-som-helst", source="127.0.0.9")[0] for i in range(25)]
    assert codes[:10] == [401] * 10
    assert codes[10:] == [429] * 15
    status, body = login(srv, "endnu-en", "x" * 8, source="127.0.0.9")
    assert status == 429 and "adresse" in body["detail"]
    # The attempts written for the flood stop at the limit's neighbourhood: refused ones within the
    # short in-process block never reach the database.
    with fresh.db.session() as s:
        written = s.scalar(
            select(func.count()).select_from(LoginFailure).where(LoginFailure.address == "127.0.0.9")
        )
    assert written is not None and written <= 12
    # A broker elsewhere logs in as usual.
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    assert login(srv, name, PASSWORD, source="127.0.0.10")[0] == 200


def test_forwarded_for_counts_only_behind_a_trusted_proxy(fresh: Any) -> None:
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    # Not trusted: a client cannot escape its count by inventing a forwarded address.
    plain = fresh(MAEGLER_TRUSTED_PROXIES="")
    for i in range(LOGIN_FAILURES_ALLOWED):
        login(plain, name, "forkert", source="127.0.0.11", headers={"X-Forwarded-For": f"198.51.100.{i}"})
    status, _ = login(
        plain, name, PASSWORD, source="127.0.0.11", headers={"X-Forwarded-For": "198.51.100.99"}
    )
    assert status == 429
    assert plain.stop() == 0
    # Behind a proxy on 127.0.0.1 (trusted): the forwarded client is what counts.
    proxied = fresh(MAEGLER_TRUSTED_PROXIES="127.0.0.1")
    other = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, other, "broker", PASSWORD)
    attacker = {"X-Forwarded-For": "203.0.113.5, 127.0.0.1"}
    for _ in range(LOGIN_FAILURES_ALLOWED):
        assert login(proxied, other, "forkert", headers=attacker)[0] == 401
    assert login(proxied, other, PASSWORD, headers=attacker)[0] == 429
    assert login(proxied, other, PASSWORD, headers={"X-Forwarded-For": "192.0.2.44"})[0] == 200
    with fresh.db.session() as s:
        addresses = set(s.scalars(select(LoginFailure.address).where(LoginFailure.username == other)))
    assert addresses == {"203.0.113.5"}


def test_logout_is_honoured_by_every_server_process_within_a_second(fresh: Any) -> None:
    one, two = fresh(), fresh()
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    token = login(one, name, PASSWORD)[1]["token"]
    assert me(two, token) == 200  # now in the second process's cache
    assert call(one, "POST", "/auth/logout", headers={"Authorization": f"Bearer {token}"})[0] == 200
    assert me(one, token) == 401
    time.sleep(1.05)
    assert me(two, token) == 401


def test_an_old_or_outdated_hash_is_replaced_at_the_next_login(fresh: Any) -> None:
    srv = fresh()
    legacy = f"gammel-{uuid.uuid4().hex[:6]}"
    stronger = f"staerk-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, legacy, "broker", PASSWORD)
    add_user(fresh.db, stronger, "broker", PASSWORD)
    salt = os.urandom(16)
    digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    scrypt_hash = f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    standard_hash = hasher("standard").hash(PASSWORD)
    with fresh.db.write() as s:
        s.query(User).filter(User.username == legacy).update({"password_hash": scrypt_hash})
        s.query(User).filter(User.username == stronger).update({"password_hash": standard_hash})
    assert login(srv, legacy, "forkert-kode")[0] == 401
    for name in (legacy, stronger):
        assert login(srv, name, PASSWORD)[0] == 200
    with fresh.db.session() as s:
        stored = dict(
            s.execute(
                select(User.username, User.password_hash).where(User.username.in_([legacy, stronger]))
            ).all()
        )
    for name in (legacy, stronger):
        assert stored[name].startswith("$argon2id$")
        assert not needs_rehash(stored[name]) and verify_password(PASSWORD, stored[name])
        t, m, p = COSTS["test"]
        assert f"m={m},t={t},p={p}" in stored[name]
        assert login(srv, name, PASSWORD)[0] == 200


def test_stale_attempts_and_dead_tokens_are_purged(fresh: Any) -> None:
    srv = fresh()
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    live = login(srv, name, PASSWORD)[1]["token"]
    dead = [login(srv, name, PASSWORD)[1]["token"] for _ in range(3)]
    now = dt.datetime.now(dt.UTC)
    with fresh.db.write() as s:
        user_id = s.scalar(select(User.id).where(User.username == name))
        s.add_all(
            [
                LoginFailure(
                    username=f"gammel-{i}", address="127.0.0.1", at=now - dt.timedelta(minutes=16 + i)
                )
                for i in range(4)
            ]
        )
        s.add(LoginFailure(username="ny", address="127.0.0.1", at=now - dt.timedelta(minutes=1)))
        s.query(Token).filter(Token.token_hash == token_hash(dead[0])).update({"revoked": True})
        s.query(Token).filter(Token.token_hash == token_hash(dead[1])).update(
            {"last_used_at": now - dt.timedelta(seconds=TOKEN_IDLE_SECONDS + 5)}
        )
        s.query(Token).filter(Token.token_hash == token_hash(dead[2])).update(
            {"created_at": now - dt.timedelta(days=31), "last_used_at": now}
        )
    assert user_id is not None
    assert purge_stale(fresh.db) == (4, 3)
    with fresh.db.session() as s:
        assert set(s.scalars(select(LoginFailure.username))) == {"ny"}
        assert set(s.scalars(select(Token.token_hash))) == {token_hash(live)}
    assert me(srv, live) == 200
    # A new server process purges at its first login, without being asked.
    with fresh.db.write() as s:
        s.add(LoginFailure(username="gammel", address="127.0.0.1", at=now - dt.timedelta(hours=1)))
    again = fresh()
    assert login(again, name, PASSWORD)[0] == 200
    with fresh.db.session() as s:
        assert "gammel" not in set(s.scalars(select(LoginFailure.username)))


def test_password_checks_wait_in_a_bounded_pool() -> None:
    """The hashing pool answers "busy" rather than queueing without end."""
    slow = hasher("standard").hash(PASSWORD)

    async def run() -> list[Any]:
        pool = HashPool(workers=1, queue=1, rate=1000, burst=1000)
        try:
            tasks = [asyncio.ensure_future(pool.verify(PASSWORD, slow)) for _ in range(4)]
            return await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            pool.close()

    done = asyncio.run(run())
    assert done.count(True) == 2
    assert sum(isinstance(x, ServerBusyError) for x in done) == 2
    assert "travlt" in str(next(x for x in done if isinstance(x, ServerBusyError)))

    async def budget(password: str) -> list[Any]:
        pool = HashPool(workers=4, queue=10, rate=0.5, burst=3)
        try:
            cheap = hasher("test").hash(PASSWORD)
            return [await pool.verify(password, cheap) if not pool.full() else "travlt" for _ in range(5)]
        finally:
            pool.close()

    # wrong passwords spend the budget; right ones give their share back (a morning's logins)
    assert asyncio.run(budget("gaet-igen")) == [False, False, False, "travlt", "travlt"]
    assert asyncio.run(budget(PASSWORD)) == [True] * 5


def test_a_refused_login_is_answered_after_a_pause_and_a_good_one_at_once(fresh: Any) -> None:
    srv = fresh(MAEGLER_LOGIN_REFUSAL_DELAY="0.6")
    name = f"maegler-{uuid.uuid4().hex[:6]}"
    add_user(fresh.db, name, "broker", PASSWORD)
    t0 = time.perf_counter()
    assert login(srv, name, "forkert-kode")[0] == 401
    refused = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert login(srv, name, PASSWORD)[0] == 200
    accepted = time.perf_counter() - t0
    assert refused >= 0.6 > accepted
