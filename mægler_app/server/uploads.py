"""Chunked, resumable blob uploads (issue 25 item 3; docs/protocol.md "Chunked blob upload").

A receipt cut off halfway on a phone's link no longer starts again from its first byte: the client
opens an upload for the blob's SHA-256 and size, sends the bytes in chunks each naming its offset,
and after a cut asks where the server is (or simply sends from where it was: a wrong offset is
answered with the right one). Each acknowledged chunk is a row of ``blob_upload_part`` (the blobs
themselves are rows of ``blob``, on SQLite and PostgreSQL alike); when the last one arrives the parts
are joined, checked against the SHA-256, and stored as the blob with its uploader as an owner, as
``PUT /blobs/{sha256}`` does. Content that does not match is dropped with the upload. An upload
untouched for ``UPLOAD_TTL`` expires (deleted at the next start of any upload).

Access as for blobs: an upload belongs to the user who opened it; anyone else gets 404 for it. A
blob the user already owns needs no upload (the answer says ``complete``); one the server has from
someone else must still be sent whole, so the bytes prove the uploader has them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.timeutil import utcnow
from .db import Database
from .models import BlobContent, BlobOwner, BlobUpload, BlobUploadPart, User

UPLOAD_TTL = dt.timedelta(hours=24)
CHUNK_SIZE = 256 * 1024  # what the server suggests; the client may send any size up to MAX_CHUNK_BYTES
MAX_CHUNK_BYTES = 4 * 1024 * 1024
OFFSET_HEADER = "Upload-Offset"


class UploadNotFoundError(LookupError):
    """No such upload for this user and blob (never opened, someone else's, expired or finished)."""


class OffsetMismatchError(ValueError):
    """The chunk does not start where the server is: ``offset`` is where it is."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class ChunkTooLargeError(ValueError):
    """The chunk runs past the size the upload was opened with."""


@dataclass(frozen=True)
class UploadState:
    upload_id: str  # "" once complete
    sha256: str
    size: int
    offset: int  # bytes acknowledged
    complete: bool
    expires_at: dt.datetime | None
    mismatch: bool = False  # the whole did not match its SHA-256: dropped, start again
    created: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "upload_id": self.upload_id or None,
            "sha256": self.sha256,
            "size": self.size,
            "offset": self.offset,
            "complete": self.complete,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "chunk_size": CHUNK_SIZE,
        }


def _state(up: BlobUpload, *, created: bool = False) -> UploadState:
    return UploadState(
        up.id, up.sha256, up.size, up.received, False, up.updated_at + UPLOAD_TTL, created=created
    )


def _complete(sha256: str, size: int) -> UploadState:
    return UploadState("", sha256, size, size, True, None)


def store_blob(s: Session, sha256: str, content: bytes, user_id: str) -> None:
    """The blob and its owner (as ``PUT /blobs/{sha256}`` stores them)."""
    if s.get(BlobContent, sha256) is None:
        s.add(BlobContent(sha256=sha256, size=len(content), content=content, created_at=utcnow()))
        s.flush()
    if s.get(BlobOwner, (sha256, user_id)) is None:
        s.add(BlobOwner(sha256=sha256, user_id=user_id))


def _drop(s: Session, upload_id: str) -> None:
    s.execute(delete(BlobUploadPart).where(BlobUploadPart.upload_id == upload_id))
    s.execute(delete(BlobUpload).where(BlobUpload.id == upload_id))


def expire(s: Session, now: dt.datetime | None = None) -> int:
    """Delete uploads untouched for ``UPLOAD_TTL``; how many."""
    cutoff = (now or utcnow()) - UPLOAD_TTL
    stale = list(s.scalars(select(BlobUpload.id).where(BlobUpload.updated_at < cutoff)))
    if stale:
        s.execute(delete(BlobUploadPart).where(BlobUploadPart.upload_id.in_(stale)))
        s.execute(delete(BlobUpload).where(BlobUpload.id.in_(stale)))
    return len(stale)


def start(db: Database, user: User, sha256: str, size: int) -> UploadState:
    """Open an upload, or give back this user's open one for the same blob (with its offset)."""
    with db.write() as s:
        expire(s)
        blob = s.get(BlobContent, sha256)
        if blob is not None and s.get(BlobOwner, (sha256, user.id)) is not None:
            return _complete(sha256, blob.size)
        open_one = s.scalars(
            select(BlobUpload)
            .where(BlobUpload.sha256 == sha256, BlobUpload.user_id == user.id, BlobUpload.size == size)
            .order_by(BlobUpload.updated_at.desc())
            .limit(1)
        ).first()
        if open_one is not None:
            return _state(open_one)
        now = utcnow()
        up = BlobUpload(
            id=uuid.uuid4().hex,
            sha256=sha256,
            user_id=user.id,
            size=size,
            received=0,
            created_at=now,
            updated_at=now,
        )
        s.add(up)
        return _state(up, created=True)


def _mine(s: Session, user: User, sha256: str, upload_id: str, *, lock: bool = False) -> BlobUpload:
    up = s.get(BlobUpload, upload_id, with_for_update=lock)
    if up is None or up.user_id != user.id or up.sha256 != sha256 or up.updated_at + UPLOAD_TTL < utcnow():
        raise UploadNotFoundError(upload_id)
    return up


def status(db: Database, user: User, sha256: str, upload_id: str) -> UploadState:
    with db.session() as s:
        return _state(_mine(s, user, sha256, upload_id))


def cancel(db: Database, user: User, sha256: str, upload_id: str) -> None:
    with db.write() as s:
        _drop(s, _mine(s, user, sha256, upload_id, lock=True).id)


def append(db: Database, user: User, sha256: str, upload_id: str, offset: int, content: bytes) -> UploadState:
    """Take one chunk at ``offset``; the last one makes the blob (or drops it all on a mismatch)."""
    with db.write() as s:
        up = _mine(s, user, sha256, upload_id, lock=True)
        if offset != up.received:
            raise OffsetMismatchError(up.received)
        if offset + len(content) > up.size:
            raise ChunkTooLargeError(up.size - offset)
        if content:
            s.add(BlobUploadPart(upload_id=up.id, start=offset, content=content))
            up.received = offset + len(content)
            up.updated_at = utcnow()
        if up.received < up.size:
            return _state(up)
        s.flush()
        whole = b"".join(
            s.scalars(
                select(BlobUploadPart.content)
                .where(BlobUploadPart.upload_id == up.id)
                .order_by(BlobUploadPart.start)
            )
        )
        size = up.size
        _drop(s, up.id)
        if len(whole) != size or hashlib.sha256(whole).hexdigest() != sha256:
            return UploadState("", sha256, size, 0, False, None, mismatch=True)
        store_blob(s, sha256, whole, user.id)
        return _complete(sha256, size)
