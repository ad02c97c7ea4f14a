"""Chunked, resumable blob uploads (issue 25 item 3) on a real server, SQLite and PostgreSQL:
offsets acknowledged chunk by chunk, a wrong offset answered with the right one, the SHA-256 checked
when complete, uploads kept per user (another broker gets 404), expiry."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import Any

from mægler_app.domain.sync_contract import MAX_BLOB_BYTES

CHUNK = 100_000


def _start(api: Any, sha: str, size: int) -> Any:
    return api.post(f"/blobs/{sha}/uploads", json={"size": size})


def _patch(api: Any, sha: str, upload_id: str, offset: int, data: bytes) -> Any:
    return api.request(
        "PATCH",
        f"/blobs/{sha}/uploads/{upload_id}",
        data=data,
        headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"},
    )


def test_an_upload_in_chunks_resumes_at_the_acknowledged_offset(make_user: Any) -> None:
    a = make_user()
    blob = os.urandom(350_000)
    sha = hashlib.sha256(blob).hexdigest()
    r = _start(a, sha, len(blob))
    assert r.status_code == 201, r.text
    up = r.json()
    assert up["offset"] == 0 and not up["complete"] and up["chunk_size"] > 0 and up["expires_at"]
    uid = up["upload_id"]
    r = _patch(a, sha, uid, 0, blob[:CHUNK])
    assert r.status_code == 200 and r.json()["offset"] == CHUNK and r.headers["Upload-Offset"] == str(CHUNK)
    # the same chunk again (its answer was lost): 409 with where the server is, nothing doubled
    r = _patch(a, sha, uid, 0, blob[:CHUNK])
    assert (
        r.status_code == 409 and r.headers["Upload-Offset"] == str(CHUNK) and r.json()["error"] == "conflict"
    )
    # a client that lost its state opens again and gets the same upload at its offset
    r = _start(a, sha, len(blob))
    assert r.status_code == 200 and r.json()["upload_id"] == uid and r.json()["offset"] == CHUNK
    r = a.get(f"/blobs/{sha}/uploads/{uid}")
    assert r.status_code == 200 and r.json()["offset"] == CHUNK
    # not there yet
    assert a.get(f"/blobs/{sha}").status_code == 404
    # past the end: refused
    r = _patch(a, sha, uid, CHUNK, blob[CHUNK:] + b"x")
    assert r.status_code == 413
    r = _patch(a, sha, uid, CHUNK, blob[CHUNK : 2 * CHUNK])
    assert r.json()["offset"] == 2 * CHUNK
    r = _patch(a, sha, uid, 2 * CHUNK, blob[2 * CHUNK :])
    assert r.status_code == 200, r.text
    assert r.json()["complete"] and r.json()["offset"] == len(blob) and r.json()["upload_id"] is None
    got = a.get(f"/blobs/{sha}")
    assert got.status_code == 200 and got.content == blob
    # finished: the upload is gone; opening again says complete at once
    assert a.get(f"/blobs/{sha}/uploads/{uid}").status_code == 404
    r = _start(a, sha, len(blob))
    assert r.status_code == 200 and r.json()["complete"]


def test_content_that_does_not_match_is_dropped(make_user: Any) -> None:
    a = make_user()
    blob = os.urandom(150_000)
    sha = hashlib.sha256(blob).hexdigest()
    uid = _start(a, sha, len(blob)).json()["upload_id"]
    assert _patch(a, sha, uid, 0, blob[:CHUNK]).status_code == 200
    r = _patch(a, sha, uid, CHUNK, os.urandom(len(blob) - CHUNK))
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    assert a.get(f"/blobs/{sha}").status_code == 404
    assert a.get(f"/blobs/{sha}/uploads/{uid}").status_code == 404
    assert _start(a, sha, len(blob)).json()["offset"] == 0


def test_uploads_are_the_uploaders_own(make_user: Any) -> None:
    a, b, cw = make_user(), make_user(), make_user("caseworker")
    blob = os.urandom(120_000)
    sha = hashlib.sha256(blob).hexdigest()
    uid = _start(a, sha, len(blob)).json()["upload_id"]
    assert _patch(a, sha, uid, 0, blob[:CHUNK]).status_code == 200
    for other in (b, cw):
        assert other.get(f"/blobs/{sha}/uploads/{uid}").status_code == 404
        assert _patch(other, sha, uid, CHUNK, blob[CHUNK:]).status_code == 404
        assert other.request("DELETE", f"/blobs/{sha}/uploads/{uid}").status_code == 404
    # another broker opening an upload of the same content gets one of its own, from 0
    r = _start(b, sha, len(blob))
    assert r.status_code == 201 and r.json()["upload_id"] != uid and r.json()["offset"] == 0
    assert _patch(a, sha, uid, CHUNK, blob[CHUNK:]).json()["complete"]
    # the server has the blob now, but b must still send the bytes to read it
    assert b.get(f"/blobs/{sha}").status_code == 404
    assert not _start(b, sha, len(blob)).json()["complete"]
    assert cw.get(f"/blobs/{sha}").content == blob
    # a wrong path for the id, a missing offset, an unknown id
    assert a.get(f"/blobs/{sha}/uploads/nope").status_code == 422
    r = a.request("PATCH", f"/blobs/{sha}/uploads/{uid}", data=b"x")
    assert r.status_code == 400
    assert a.get(f"/blobs/{sha}/uploads/{'0' * 32}").status_code == 404


def test_limits_and_tokens(make_user: Any, anon: Any) -> None:
    a = make_user()
    sha = hashlib.sha256(b"x").hexdigest()
    assert _start(a, sha, MAX_BLOB_BYTES + 1).status_code == 413
    assert _start(a, sha, 0).status_code == 422
    assert _start(anon, sha, 1).status_code == 401
    assert anon.get(f"/blobs/{sha}/uploads/{'0' * 32}").status_code == 401
    uid = _start(a, sha, 1).json()["upload_id"]
    assert a.request("DELETE", f"/blobs/{sha}/uploads/{uid}").status_code == 204
    assert a.get(f"/blobs/{sha}/uploads/{uid}").status_code == 404


def test_an_untouched_upload_expires(make_user: Any, server: Any) -> None:
    from sqlalchemy import update

    from mægler_app.server.db import Database
    from mægler_app.server.models import BlobUpload, BlobUploadPart
    from mægler_app.server.uploads import UPLOAD_TTL

    a = make_user()
    blob = os.urandom(150_000)
    sha = hashlib.sha256(blob).hexdigest()
    uid = _start(a, sha, len(blob)).json()["upload_id"]
    assert _patch(a, sha, uid, 0, blob[:CHUNK]).status_code == 200
    db = Database(server.db_url)
    try:
        old = dt.datetime.now(dt.UTC) - UPLOAD_TTL - dt.timedelta(minutes=1)
        with db.write() as s:
            s.execute(update(BlobUpload).where(BlobUpload.id == uid).values(updated_at=old))
        assert a.get(f"/blobs/{sha}/uploads/{uid}").status_code == 404
        assert _patch(a, sha, uid, CHUNK, blob[CHUNK:]).status_code == 404
        r = _start(a, sha, len(blob))  # deletes what has expired, and starts anew
        assert r.status_code == 201 and r.json()["upload_id"] != uid
        with db.session() as s:
            assert s.get(BlobUpload, uid) is None
            assert s.query(BlobUploadPart).filter(BlobUploadPart.upload_id == uid).count() == 0
    finally:
        db.dispose()
