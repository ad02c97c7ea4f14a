"""Every endpoint as nobody, as broker A, as broker B and as a caseworker."""

from __future__ import annotations

import hashlib
from typing import Any

from .conftest import PROTOCOL_VERSION, change, network_at_stage_1, submitted_data

PROTECTED = [
    ("POST", "/auth/logout", None),
    ("GET", "/me", None),
    ("POST", "/sync/push", {"client_id": "x", "protocol_version": PROTOCOL_VERSION, "changes": []}),
    ("GET", "/sync/pull", None),
    ("PUT", "/blobs/" + hashlib.sha256(b"x").hexdigest(), b"x"),
    ("GET", "/blobs/" + hashlib.sha256(b"x").hexdigest(), None),
    ("GET", "/forms", None),
    ("POST", "/forms", {"id": "f", "version": 1, "title": "t", "sections": []}),
    ("POST", "/applications/abc/decision", {"decision": "approved", "comment": ""}),
    ("GET", "/stats", None),
    ("GET", "/users", None),
]


def _call(api: Any, method: str, path: str, body: Any) -> Any:
    if isinstance(body, bytes):
        return api.request(method, path, data=body)
    return api.request(method, path, json=body) if body is not None else api.request(method, path)


def test_nobody_gets_401_everywhere_but_login_and_healthz(anon: Any) -> None:
    for method, path, body in PROTECTED:
        r = _call(anon, method, path, body)
        assert r.status_code == 401, (method, path, r.text)
        assert r.json()["error"] == "unauthorized"
    bogus = type(anon)(anon.base, token="ikke-et-rigtigt-token")
    for method, path, body in PROTECTED:
        assert _call(bogus, method, path, body).status_code == 401, (method, path)
    assert anon.get("/healthz").status_code == 200


def test_brokers_see_only_their_own_and_caseworker_sees_all(make_user: Any) -> None:
    a, b, cw = make_user(), make_user(), make_user("caseworker")
    ids_a = network_at_stage_1(a)
    app = change("application", submitted_data(ids_a["network"]))
    assert a.push(app)[0]["status"] == "applied"
    blob = b"kvittering fra A"
    sha = hashlib.sha256(blob).hexdigest()
    assert a.put(f"/blobs/{sha}", data=blob).status_code == 200

    # Pull
    assert ("network", ids_a["network"]) in a.pull_all()
    assert b.pull_all() == {}
    assert ("network", ids_a["network"]) in cw.pull_all()
    # Blobs: A and the caseworker may read A's receipt, B may not (404, as if it did not exist).
    assert a.get(f"/blobs/{sha}").content == blob
    assert cw.get(f"/blobs/{sha}").content == blob
    r = b.get(f"/blobs/{sha}")
    assert r.status_code == 404
    assert r.json()["detail"] == b.get(f"/blobs/{'0' * 64}").json()["detail"]
    # Decisions: brokers get 403 whether or not the application exists.
    for broker in (a, b):
        for target in (app["id"], "findes-ikke"):
            r = broker.post(f"/applications/{target}/decision", json={"decision": "approved", "comment": ""})
            assert r.status_code == 403, r.text
    assert cw.post("/applications/findes-ikke/decision", json={"decision": "approved"}).status_code == 404
    # Stats and publishing forms are the caseworker's.
    for broker in (a, b):
        assert broker.get("/stats").status_code == 403
        assert (
            broker.post("/forms", json={"id": "x", "version": 1, "title": "t", "sections": []}).status_code
            == 403
        )
    assert cw.get("/stats").status_code == 200
    # Everyone logged in reads the forms and themselves.
    for who in (a, b, cw):
        assert who.get("/forms").status_code == 200
        assert who.get("/me").json()["user"]["id"] == who.id
    # The caseworker pushes nothing.
    res = cw.push(change("network", {"name": "x"}, id=ids_a["network"], base=1))
    assert res[0]["status"] == "rejected"
    assert a.pull_all()[("network", ids_a["network"])]["version"] == 2


def test_users_lists_every_account_by_name_for_a_caseworker_only(make_user: Any) -> None:
    broker, cw = make_user(), make_user("caseworker")
    r = broker.get("/users")
    assert r.status_code == 403, r.text
    r = cw.get("/users")
    assert r.status_code == 200, r.text
    users = {u["id"]: u for u in r.json()["users"]}
    assert users[broker.user["id"]]["username"] == broker.user["username"]
    assert users[broker.user["id"]]["role"] == "broker"
    assert set(users[cw.user["id"]]) == {"id", "username", "role", "display_name"}
