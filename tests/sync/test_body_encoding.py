"""Compressed bodies (issue 25 item 2, docs/protocol.md "Compressed bodies"), over real HTTP:
negotiated both ways with an old-style peer, and a decompression bomb refused."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import zstandard

from mægler_app import bodycodec, fastjson
from mægler_app.domain.sync_contract import API_PREFIX, MAX_PUSH_BYTES
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database
from mægler_app.sync.api import Api, encode_push
from tests.server.conftest import HEADERS, PASSWORD, ServerProcess, run_cli, start_server


def company_changes(n: int) -> list[dict[str, Any]]:
    from mægler_app.domain.cvr import make_valid_cvr

    start = uuid.uuid4().int % 80_000_000
    return [
        {
            "change_id": str(uuid.uuid4()),
            "entity": "company",
            "id": str(uuid.uuid4()),
            "base_version": 0,
            "deleted": False,
            "data": {"cvr": make_valid_cvr(10_000_000 + start + k * 7), "name": f"Virksomhed nr. {k} ApS"},
        }
        for k in range(n)
    ]


@pytest.fixture(scope="module")
def old_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server as before compressed bodies: no Accept-Encoding, nothing unpacked or packed."""
    tmp = tmp_path_factory.mktemp("old-server")
    db_url = f"sqlite:///{tmp / 'server.sqlite3'}"
    assert run_cli("init", db=db_url).returncode == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MAEGLER_BODY_ENCODING", "off")
        srv = start_server(db_url, tmp / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


def user_on(srv: ServerProcess) -> str:
    db = Database(srv.db_url)
    name = f"broker-{uuid.uuid4().hex[:8]}"
    add_user(db, name, "broker", PASSWORD, "")
    db.dispose()
    return name


def raw_session(srv: ServerProcess, username: str, accept: str) -> requests.Session:
    """An old-style client: plain requests, the Accept-Encoding given (``identity``: none)."""
    http = requests.Session()
    http.headers.update({**HEADERS, "Accept-Encoding": accept})
    token = http.post(f"{srv.base}{API_PREFIX}/auth/login", json={"username": username, "password": PASSWORD})
    http.headers["Authorization"] = f"Bearer {token.json()['token']}"
    return http


def test_old_client_new_server_plain_both_ways(sync_server: ServerProcess) -> None:
    name = user_on(sync_server)
    http = raw_session(sync_server, name, "identity")
    body = encode_push("gammel", company_changes(20))
    pushed = http.post(f"{sync_server.base}{API_PREFIX}/sync/push", data=body,
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert pushed.status_code == 200, pushed.text
    assert "Content-Encoding" not in pushed.headers
    assert [r["status"] for r in pushed.json()["results"]] == ["applied"] * 20
    pulled = http.get(f"{sync_server.base}{API_PREFIX}/sync/pull", params={"since": 0})
    assert "Content-Encoding" not in pulled.headers
    assert len(pulled.json()["changes"]) == 20
    # the server says what it takes in requests (RFC 7694); an old client ignores it
    assert "gzip" in pulled.headers["Accept-Encoding"]


def test_gzip_only_client_gets_gzip(sync_server: ServerProcess) -> None:
    """requests as it comes (gzip, deflate): the answer is gzip, and requests unpacks it itself."""
    name = user_on(sync_server)
    http = raw_session(sync_server, name, "gzip, deflate")
    http.post(f"{sync_server.base}{API_PREFIX}/sync/push", data=encode_push("g", company_changes(20)),
              headers={"Content-Type": "application/json"})  # fmt: skip
    pulled = http.get(f"{sync_server.base}{API_PREFIX}/sync/pull", params={"since": 0}, stream=True)
    packed = pulled.raw.read(decode_content=False)
    assert pulled.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in pulled.headers["Vary"]
    page = fastjson.loads(gzip.decompress(packed))
    assert len(page["changes"]) == 20
    assert len(packed) < int(len(fastjson.dumps(page)) * 0.6)


def test_new_client_new_server_packs_both_ways(sync_server: ServerProcess) -> None:
    name = user_on(sync_server)
    api = Api(sync_server.base)
    api.login(name, PASSWORD)
    assert api.request_encoding == "zstd"  # learnt from the login's answer
    body = encode_push("ny", company_changes(40))
    resp = api.request("POST", "/sync/push", data=body, headers={"Content-Type": "application/json"})
    assert resp.request.headers["Content-Encoding"] == "zstd"
    assert len(resp.request.body) < len(body) * 0.6
    assert [r["status"] for r in resp.json()["results"]] == ["applied"] * 40
    page = api.request("GET", "/sync/pull", params={"since": 0})
    assert page.headers["Content-Encoding"] == "zstd"
    assert len(page.json()["changes"]) == 40
    api.close()


def test_new_client_gzip_only_server_side(
    sync_server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop without zstandard: gzip both ways."""
    monkeypatch.setattr(bodycodec, "zstandard", None)
    name = user_on(sync_server)
    api = Api(sync_server.base)
    api.login(name, PASSWORD)
    assert api.request_encoding == "gzip"
    resp = api.request("POST", "/sync/push", data=encode_push("g", company_changes(30)),
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert resp.request.headers["Content-Encoding"] == "gzip"
    assert [r["status"] for r in resp.json()["results"]] == ["applied"] * 30
    api.close()


def test_new_client_old_server(old_server: ServerProcess) -> None:
    """The server never says it takes compressed requests: the client sends them plain, and reads
    plain answers. A client that remembered compression from another server falls back once."""
    name = user_on(old_server)
    api = Api(old_server.base)
    api.login(name, PASSWORD)
    assert api.request_encoding is None
    resp = api.request("POST", "/sync/push", data=encode_push("n", company_changes(10)),
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert "Content-Encoding" not in resp.request.headers
    assert "Content-Encoding" not in resp.headers
    api.request_encoding = "gzip"  # as if a newer server had said so before
    made = api.requests_made
    results = api.push("n", company_changes(10))
    assert [r["status"] for r in results] == ["applied"] * 10
    assert api.requests_made == made + 2  # the packed one refused (400), the plain one taken
    assert api.request_encoding is None
    assert len(api.pull(0, 100)["changes"]) == 20
    api.close()


def post_raw(srv: ServerProcess, http: requests.Session, body: bytes, encoding: str) -> requests.Response:
    return http.post(f"{srv.base}{API_PREFIX}/sync/push", data=body,
                     headers={"Content-Type": "application/json", "Content-Encoding": encoding})  # fmt: skip


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_decompression_bomb_refused(sync_server: ServerProcess, encoding: str) -> None:
    name = user_on(sync_server)
    http = raw_session(sync_server, name, "identity")
    inflated = b'{"client_id": "x", "changes": [], "pad": "' + b" " * (MAX_PUSH_BYTES * 20) + b'"}'
    bomb = (
        gzip.compress(inflated, 9) if encoding == "gzip" else zstandard.ZstdCompressor(19).compress(inflated)
    )
    assert len(bomb) < MAX_PUSH_BYTES // 20
    resp = post_raw(sync_server, http, bomb, encoding)
    assert resp.status_code == 413
    assert resp.json() == {
        "error": "too_large",
        "detail": "Forespørgslen fylder mere end grænsen på 5 MB, når den pakkes ud.",
    }
    # the server goes on serving
    assert http.get(f"{sync_server.base}{API_PREFIX}/sync/pull").status_code == 200


def test_broken_and_unknown_encodings(sync_server: ServerProcess) -> None:
    name = user_on(sync_server)
    http = raw_session(sync_server, name, "identity")
    body = encode_push("x", company_changes(3))
    broken = post_raw(sync_server, http, gzip.compress(body)[:-30], "gzip")
    assert broken.status_code == 400
    assert "pakkes ud" in broken.json()["detail"]
    unknown = post_raw(sync_server, http, body, "br")
    assert unknown.status_code == 415
    assert unknown.headers["Accept-Encoding"] == bodycodec.accept_header()
    assert "»br«" in unknown.json()["detail"]
    # plain and "identity" are read as they are
    plain = post_raw(sync_server, http, body, "identity")
    assert plain.status_code == 200 and len(plain.json()["results"]) == 3


def test_codec_limits(tmp_path: Path) -> None:
    data = b"x" * 10_000
    for enc in bodycodec.available():
        packed = bodycodec.compress(data, enc)
        assert bodycodec.decompress(packed, enc, 10_000) == data
        with pytest.raises(bodycodec.InflatedTooLargeError):
            bodycodec.decompress(packed, enc, 9_999)
    assert bodycodec.choose("gzip;q=0, zstd") == "zstd"
    assert bodycodec.choose("zstd;q=0, gzip") == "gzip"
    assert bodycodec.choose("identity") is None
    assert bodycodec.choose("*") == bodycodec.available()[0]
