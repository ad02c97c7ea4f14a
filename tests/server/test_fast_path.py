"""The fast path of push and pull (app.fast_path): taken for the common well-formed request, and
never the source of an answer that FastAPI's full path would not give."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import orjson
import pytest
from starlette.requests import Request

from mægler_app.server.app import create_app, pull_args, push_args
from mægler_app.server.db import Database
from mægler_app.server.models import User

from .conftest import PROTOCOL_VERSION, change, company_data

TOKEN = "et-token-i-cachen"


@pytest.fixture
def app(tmp_path: Any) -> Any:
    db = Database(f"sqlite:///{tmp_path / 'fast.sqlite3'}")
    app = create_app(db)
    user = User(id="u1", username="maegler", role="broker", password_hash="-")
    app.state.tokens.put(TOKEN, user, dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    yield app
    db.dispose()


def request(app: Any, method: str, path: str, *, body: bytes = b"", query: str = "",
            token: str | None = TOKEN, content_type: str = "application/json") -> Request:  # fmt: skip
    headers = [(b"content-type", content_type.encode())]
    if token is not None:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    scope = {"type": "http", "method": method, "path": path, "query_string": query.encode(),
             "headers": headers, "app": app}  # fmt: skip
    from mægler_app.server.app import FastJSONRequest

    return FastJSONRequest(scope, receive)


def push_body(**fields: Any) -> bytes:
    return orjson.dumps({"client_id": "k", "protocol_version": PROTOCOL_VERSION, "changes": [], **fields})


def test_a_well_formed_push_with_a_cached_token_takes_the_fast_path(app: Any) -> None:
    ch = change("company", company_data())
    args = asyncio.run(push_args(request(app, "POST", "/api/v1/sync/push", body=push_body(changes=[ch]))))
    assert args is not None
    assert args["user"].id == "u1"
    assert [c.id for c in args["body"].changes] == [ch["id"]]


@pytest.mark.parametrize(
    "kw",
    [
        {"token": None},  # no token: FastAPI answers 401
        {"body": b"{ikke json"},  # 400
        {"body": b"[]"},  # 422
        {"body": push_body(changes=[{"entity": "company"}])},  # 422, with the field named
        {"body": push_body(client_id="")},  # 422
        {"body": push_body(), "content_type": "text/plain"},
    ],
)
def test_anything_else_goes_to_fastapi_for_its_answer(app: Any, kw: dict[str, Any]) -> None:
    kw.setdefault("body", push_body())
    assert asyncio.run(push_args(request(app, "POST", "/api/v1/sync/push", **kw))) is None


def test_a_token_not_in_the_cache_is_looked_up_in_the_request_thread(app: Any) -> None:
    """A token not in the cache takes the fast path too, looked up in the thread that runs the
    endpoint; one the database does not know hands the request over to FastAPI (its 401)."""
    from mægler_app.server.app import _with_user

    app.state.db.upgrade()

    called = []
    args = asyncio.run(push_args(request(app, "POST", "/api/v1/sync/push", body=push_body(), token="ukendt")))
    assert args is not None and args["user"] == "ukendt"
    assert _with_user(request(app, "POST", "/"), lambda **kw: called.append(kw), args) is None
    assert called == []
    assert app.state.tokens.get("ukendt") is None


def test_pull_fast_path_takes_only_plain_bounded_numbers(app: Any) -> None:
    def args(query: str, token: str | None = TOKEN) -> Any:
        return asyncio.run(pull_args(request(app, "GET", "/api/v1/sync/pull", query=query, token=token)))

    assert args("since=7&limit=20") == {"user": args("")["user"], "since": 7, "limit": 20, "skip": ""}
    assert args("since=7&skip=8-9,12-12")["skip"] == "8-9,12-12"
    assert args("")["since"] == 0 and args("")["limit"] == 500
    for query in ["since=-1", "limit=0", "limit=1001", f"since={2**62 + 1}", "since=1e3", "since=٣",
                  "since=1&extra=2", "since=1&since=2x", "skip=9-8", "skip=1-2,x", "skip=3", "skip=1-2&skip=3-4",
                  "skip=" + ",".join(["1-2"] * 501)]:  # fmt: skip
        assert args(query) is None, query
    assert args("since=1", token=None) is None


def test_the_answers_are_the_same_on_both_paths(make_user: Any) -> None:
    """Each bad request is sent by a user whose token is not cached yet (FastAPI's path) and by one
    whose token is (the fast path declines and hands over): the answers must be the same."""
    requests_to_try: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/sync/push", {"data": b"{ikke json", "headers": {"Content-Type": "application/json"}}),
        ("POST", "/sync/push", {"json": {"client_id": "k", "changes": [{"entity": "company"}]}}),
        ("POST", "/sync/push", {"json": []}),
        ("GET", "/sync/pull", {"params": {"since": -1}}),
        ("GET", "/sync/pull", {"params": {"limit": 5000}}),
        ("GET", "/sync/pull", {"params": {"since": "abc"}}),
        ("GET", "/sync/pull", {"params": {"skip": "9-8"}}),
        ("GET", "/sync/pull", {"params": {"skip": "1-2;3-4"}}),
    ]
    for method, path, kw in requests_to_try:
        fresh = make_user()
        warm = make_user()
        assert warm.get("/sync/pull").status_code == 200  # its token is now in the cache
        cold_answer = fresh.request(method, path, **kw)
        warm_answer = warm.request(method, path, **kw)
        assert cold_answer.status_code in (400, 422), (path, kw, cold_answer.text)
        assert (warm_answer.status_code, warm_answer.json()) == (cold_answer.status_code, cold_answer.json())
    # And a good push answers alike on both paths.
    fresh, warm = make_user(), make_user()
    assert warm.get("/sync/pull").status_code == 200
    body = company_data()
    cold = fresh.push(change("company", body, change_id="samme-1"))
    hot = warm.push(change("company", body, change_id="samme-2"))
    assert all(isinstance(r["seq"], int) for r in [*cold, *hot])
    assert [{**r, "change_id": "", "seq": 0} for r in cold] == [{**r, "change_id": "", "seq": 0} for r in hot]
