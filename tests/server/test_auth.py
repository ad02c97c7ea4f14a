"""Login, tokens, the failed-login window, logout, expiry, and what the access log holds."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import requests
from sqlalchemy import update

from mægler_app.domain.sync_contract import LOGIN_FAILURES_ALLOWED, TOKEN_IDLE_SECONDS, TOKEN_MAX_SECONDS
from mægler_app.server.db import Database
from mægler_app.server.models import LoginFailure, Token
from mægler_app.server.security import token_hash

from .conftest import HEADERS, PASSWORD, Api


def login(base: str, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{base}/api/v1/auth/login",
        json={"username": username, "password": password},
        headers=HEADERS,
        timeout=30,
    )


def test_login_me_logout(make_user: Any, server: Any) -> None:
    a = make_user()
    r = a.get("/me")
    assert r.status_code == 200
    assert r.json()["user"] == {
        "id": a.id,
        "username": a.user["username"],
        "role": "broker",
        "display_name": "",
    }
    assert set(r.json()) <= {"user", "retention"}  # --- retention: the optional settings (protocol v2)
    body = login(server.base, a.user["username"], PASSWORD).json()
    expires = dt.datetime.fromisoformat(body["expires_at"])
    assert dt.timedelta(hours=11) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=12)
    assert a.post("/auth/logout").status_code == 200
    r = a.get("/me")
    assert r.status_code == 401
    assert r.json()["error"] == "unauthorized"
    # The other token of the same user still works: logout revokes one token.
    assert Api(server.base, body["token"]).get("/me").status_code == 200


def test_wrong_password_and_unknown_user_answer_the_same(make_user: Any, server: Any) -> None:
    a = make_user(login=False)
    wrong = login(server.base, a.user["username"], "forkert-kode")
    unknown = login(server.base, "findes-slet-ikke", "forkert-kode")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert set(wrong.json()) == {"error", "detail"}


def test_five_failures_lock_the_name_for_the_window(make_user: Any, server: Any) -> None:
    a = make_user(login=False)
    name = a.user["username"]
    for _ in range(LOGIN_FAILURES_ALLOWED):
        assert login(server.base, name, "forkert").status_code == 401
    locked = login(server.base, name, PASSWORD)
    assert locked.status_code == 429
    assert "kvarter" in locked.json()["detail"]
    # Another name is not affected.
    b = make_user(login=False)
    assert login(server.base, b.user["username"], PASSWORD).status_code == 200
    # When the window has passed (failures moved back 16 minutes), the right password works again.
    db = Database(server.db_url)
    try:
        with db.write() as s:
            s.execute(
                update(LoginFailure)
                .where(LoginFailure.username == name)
                .values(at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
            )
    finally:
        db.dispose()
    assert login(server.base, name, PASSWORD).status_code == 200


def _age_token(server: Any, token: str, **ago: dt.timedelta) -> None:
    db = Database(server.db_url)
    try:
        now = dt.datetime.now(dt.UTC)
        with db.write() as s:
            s.execute(
                update(Token)
                .where(Token.token_hash == token_hash(token))
                .values(**{column: now - delta for column, delta in ago.items()})
            )
    finally:
        db.dispose()


def test_token_expires_when_idle_and_at_most_after_thirty_days(make_user: Any, server: Any) -> None:
    a = make_user()
    _age_token(server, a.token, last_used_at=dt.timedelta(seconds=TOKEN_IDLE_SECONDS + 60))
    assert a.get("/me").status_code == 401
    b = make_user()
    _age_token(
        server,
        b.token,
        created_at=dt.timedelta(seconds=TOKEN_MAX_SECONDS + 60),
        last_used_at=dt.timedelta(seconds=10),
    )
    assert b.get("/me").status_code == 401
    c = make_user()
    _age_token(server, c.token, last_used_at=dt.timedelta(seconds=TOKEN_IDLE_SECONDS - 600))
    assert c.get("/me").status_code == 200


def test_tokens_are_stored_hashed_and_never_logged(make_user: Any, server: Any) -> None:
    a = make_user()
    a.get("/me")
    db = Database(server.db_url)
    try:
        with db.session() as s:
            assert s.get(Token, a.token) is None
            assert s.get(Token, token_hash(a.token)) is not None
    finally:
        db.dispose()
    log = server.log()
    assert "/api/v1/me" in log  # there is an access log
    # --- ship: each of uvicorn's lines starts with its time (issue 23)
    access = next(line for line in log.splitlines() if "/api/v1/me" in line)
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO: ", access), access
    assert a.token not in log
    assert PASSWORD not in log


def test_bad_login_bodies_are_json_errors(server: Any) -> None:
    base = f"{server.base}/api/v1/auth/login"
    cases = [
        requests.post(
            base, data="{nope", headers={"content-type": "application/json", **HEADERS}, timeout=30
        ),
        requests.post(base, json={"username": "x"}, headers=HEADERS, timeout=30),
        requests.post(base, json=["liste"], headers=HEADERS, timeout=30),
        requests.post(base, json={"username": "a\u0000b", "password": "x"}, headers=HEADERS, timeout=30),
    ]
    assert [r.status_code for r in cases] == [400, 422, 422, 422]
    for r in cases:
        assert set(r.json()) == {"error", "detail"}


def test_token_cache_never_outlives_the_token_or_its_window() -> None:
    """The per-process cache of checked tokens: trusted for its window, never past the token's expiry."""
    import datetime as dt

    from mægler_app.domain.timeutil import utcnow
    from mægler_app.server.accounts import TokenCache
    from mægler_app.server.models import User

    user = User(id="u1", username="anna", role="broker", password_hash="")
    cache = TokenCache(ttl=60)
    cache.put("fresh", user, utcnow() + dt.timedelta(hours=1))
    cache.put("expired", user, utcnow() - dt.timedelta(seconds=1))
    assert cache.get("fresh") is user
    assert cache.get("expired") is None
    cache.forget("fresh")
    assert cache.get("fresh") is None
    short = TokenCache(ttl=-1)  # every entry already older than its window
    short.put("t", user, utcnow() + dt.timedelta(hours=1))
    assert short.get("t") is None
