"""Size limits, protocol version, error shapes, blobs and forms."""

from __future__ import annotations

import hashlib
import http.client
import json
import uuid
from typing import Any

import requests

from mægler_app.domain.schema import TEXT_MAX
from mægler_app.domain.sync_contract import MAX_BLOB_BYTES, MAX_PUSH_BYTES, PROTOCOL_VERSION

from .conftest import HEADERS, PASSWORD, change, company_data


def test_protocol_version(make_user: Any, server: Any) -> None:
    a = make_user()
    assert a.get("/me").status_code == 200
    for other in ("1", str(PROTOCOL_VERSION + 1)):
        r = a.get("/me", headers={"X-Protocol-Version": other})
        assert r.status_code == 426
        assert r.json()["error"] == "upgrade_required"
        assert "Opdatér Mægler" in r.json()["detail"]
    # Version 1 speaks the Danish values: its login and its push are refused, not misread.
    r = requests.post(
        f"{server.base}/api/v1/auth/login",
        json={"username": a.user["username"], "password": PASSWORD},
        headers={"X-Protocol-Version": "1"},
        timeout=30,
    )
    assert r.status_code == 426 and "Opdatér Mægler" in r.json()["detail"]
    old_body = {"client_id": "x", "protocol_version": 1, "changes": [change("company", company_data())]}
    r = a.post("/sync/push", json=old_body, headers={"X-Protocol-Version": "1"})
    assert r.status_code == 426
    # A request without the header is taken as version 1.
    del a.http.headers["X-Protocol-Version"]
    assert a.get("/me").status_code == 426
    r = a.post("/sync/push", json={**old_body, "protocol_version": PROTOCOL_VERSION})
    assert r.status_code == 426
    # healthz answers any version, and says which one the server speaks.
    assert a.get("/healthz").json() == {"status": "ok", "protocol_version": PROTOCOL_VERSION}
    a.http.headers.update(HEADERS)
    # The header is right but the body says version 1: refused too.
    assert a.post("/sync/push", json=old_body).status_code == 426
    assert a.pull_all() == {}  # nothing was applied


def test_push_over_five_mb_is_413(make_user: Any, server: Any) -> None:
    a = make_user()
    big = change("company", company_data(notes="x" * (MAX_PUSH_BYTES + 10)))
    r = a.post("/sync/push", json={"client_id": "x", "changes": [big]})
    assert r.status_code == 413
    assert r.json()["error"] == "too_large"
    # Without Content-Length (chunked), the actual size is counted.
    payload = json.dumps({"client_id": "x", "changes": [big]}).encode()

    def chunks() -> Any:
        for i in range(0, len(payload), 1 << 20):
            yield payload[i : i + (1 << 20)]

    r = a.post("/sync/push", data=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert a.pull_all() == {}
    # Just under the limit is fine: a push of records whose notes are as long as a text may be.
    per_change = TEXT_MAX + 300  # the notes and the rest of the change as JSON
    count = (MAX_PUSH_BYTES - 2000) // per_change
    ok = [change("company", company_data(notes="y" * TEXT_MAX)) for _ in range(count)]
    assert MAX_PUSH_BYTES - 2 * per_change < len(json.dumps({"client_id": "x", "changes": ok}))
    assert [r["status"] for r in a.push(*ok)] == ["applied"] * count


def test_content_length_that_lies_is_refused(make_user: Any, server: Any) -> None:
    a = make_user()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/api/v1/sync/push")
    conn.putheader("Authorization", f"Bearer {a.token}")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("X-Protocol-Version", str(PROTOCOL_VERSION))
    conn.putheader("Content-Length", str(MAX_PUSH_BYTES + 1))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413
    conn.close()


def test_wrong_shapes_are_400_or_422_never_500(make_user: Any) -> None:
    a = make_user()
    cases = {
        "not json": (dict(data="{x", headers={"Content-Type": "application/json"}), 400),
        "list": (dict(json=[1, 2]), 422),
        "missing changes": (dict(json={"client_id": "x"}), 422),
        "bad change": (dict(json={"client_id": "x", "changes": [{"entity": "company"}]}), 422),
        "negative base": (dict(json={"client_id": "x", "changes": [change("company", base=-1)]}), 422),
        "nul in id": (dict(json={"client_id": "x", "changes": [change("company", id="a\u0000b")]}), 422),
        "nul in data": (
            dict(json={"client_id": "x", "changes": [change("company", {"name": "a\u0000"})]}),
            422,
        ),
        "huge int": (dict(json={"client_id": "x", "changes": [change("company", base=10**30)]}), 422),
    }
    for name, (kwargs, status) in cases.items():
        r = a.post("/sync/push", **kwargs)
        assert r.status_code == status, (name, r.text)
        assert set(r.json()) == {"error", "detail"}, name
    for params in ({"since": -1}, {"limit": 0}, {"limit": 100000}, {"since": "x"}, {"since": 10**30}):
        r = a.get("/sync/pull", params=params)
        assert r.status_code == 422, params
    assert a.get("/findes-ikke").json()["error"] == "not_found"


def test_blob_round_trip_hash_and_size(make_user: Any) -> None:
    a = make_user()
    content = uuid.uuid4().bytes * 1000
    sha = hashlib.sha256(content).hexdigest()
    r = a.put(f"/blobs/{sha}", data=content)
    assert r.status_code == 200, r.text
    assert r.json() == {"sha256": sha, "size": len(content)}
    assert a.put(f"/blobs/{sha}", data=content).status_code == 200  # stored once, re-sent fine
    got = a.get(f"/blobs/{sha}")
    assert got.status_code == 200 and got.content == content
    wrong = a.put(f"/blobs/{'a' * 64}", data=content)
    assert wrong.status_code == 400
    assert "SHA-256" in wrong.json()["detail"]
    assert a.get(f"/blobs/{'a' * 64}").status_code == 404
    assert a.put("/blobs/ikke-en-hash", data=content).status_code == 422
    too_big = b"\0" * (MAX_BLOB_BYTES + 1)
    r = a.put(f"/blobs/{hashlib.sha256(too_big).hexdigest()}", data=too_big)
    assert r.status_code == 413


def test_forms_publish_and_list(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    form_id = f"test_{uuid.uuid4().hex[:6]}"
    question = {"id": "q1", "kind": "text", "label": "Spørgsmål"}
    v1 = {
        "id": form_id,
        "version": 1,
        "title": "Screening",
        "sections": [{"id": "s1", "title": "Et", "questions": [question]}],
    }
    assert cw.post("/forms", json=v1).status_code == 201
    assert cw.post("/forms", json=v1).status_code == 409
    assert cw.post("/forms", json={"id": form_id, "version": 2, "title": "x"}).status_code == 422
    # What the laptops' forms engine refuses is refused here too, with the engine's Danish reason.
    unknown_kind = {
        **v1,
        "version": 2,
        "sections": [{"id": "s1", "title": "Et", "questions": [{**question, "kind": "signatur"}]}],
    }
    refused = cw.post("/forms", json=unknown_kind)
    assert refused.status_code == 422 and "ukendt spørgsmålstype »signatur«" in refused.json()["detail"]
    v2 = {**v1, "version": 2, "title": "Screening 2"}
    assert cw.post("/forms", json=v2).status_code == 201
    listed = {f["id"]: f for f in a.get("/forms").json()["forms"]}
    assert listed[form_id]["version"] == 2
    assert listed[form_id]["body"]["title"] == "Screening 2"
    # (v2) every version with ?all=true, and an ETag that answers 304 until a version is published
    every = a.get("/forms", params={"all": "true"})
    assert [f["version"] for f in every.json()["forms"] if f["id"] == form_id] == [1, 2]
    tag = every.headers["ETag"]
    assert tag != a.get("/forms").headers["ETag"]  # the newest-only listing has its own
    unchanged = a.get("/forms", params={"all": "true"}, headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert cw.post("/forms", json={**v1, "version": 3}).status_code == 201
    assert a.get("/forms", params={"all": "true"}, headers={"If-None-Match": tag}).status_code == 200


def test_healthz_needs_nothing(server: Any) -> None:
    r = requests.get(f"{server.base}/api/v1/healthz", timeout=10)
    assert r.json() == {"status": "ok", "protocol_version": PROTOCOL_VERSION}
    assert requests.get(f"{server.base}/docs", timeout=10).status_code == 200
