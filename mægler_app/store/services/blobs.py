"""Attachments (receipts) kept in the profile under their SHA-256 (DESIGN.md §4, §5 blobs).

A file is stored once however often it is attached: the name on disk is its hash, and the ``Blob``
row says how big it is and whether the server has it yet (``uploaded``; the sync side sends the
others with ``PUT /blobs/{sha256}``).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ...domain.errors import DomainError, os_reason
from ...domain.messages import Msg
from ...domain.sync_contract import MAX_BLOB_BYTES
from ..db import Store
from ..models import Blob

_CHUNK = 1024 * 1024

# What a receipt may be: a photo or a PDF (issue 5). Anything else is refused with a reason.
RECEIPT_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".heic": "image/heic",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}


class BlobError(DomainError):
    pass


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    mime: str
    name: str  # the file's own name, for showing and for the expense's receipt_name
    already_stored: bool


def blob_path(store: Store, sha256: str) -> Path:
    """Where a blob lives: ``bilag/ab/abcdef…`` (two-letter folders keep directories small)."""
    sha = sha256.lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise BlobError(Msg.BLOB_SHA_INVALID(sha=sha256))
    return store.blob_dir / sha[:2] / sha


def _hash_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def store_file(store: Store, source: Path | str, *, receipt: bool = True) -> StoredBlob:
    """Copy a file into the profile under its hash (once), and record it for upload."""
    src = Path(source)
    if not src.is_file():
        raise BlobError(Msg.BLOB_FILE_MISSING(name=src.name))
    suffix = src.suffix.lower()
    if receipt and suffix not in RECEIPT_TYPES:
        raise BlobError(Msg.BLOB_NOT_A_RECEIPT(name=src.name))
    try:
        sha, size = _hash_file(src)
    except OSError as exc:
        raise BlobError(Msg.BLOB_FILE_UNREADABLE(name=src.name, reason=os_reason(exc))) from exc
    if size == 0:
        raise BlobError(Msg.BLOB_FILE_EMPTY(name=src.name))
    if size > MAX_BLOB_BYTES:
        raise BlobError(Msg.BLOB_FILE_TOO_LARGE(name=src.name, size=size, maximum=MAX_BLOB_BYTES))
    mime = RECEIPT_TYPES.get(suffix) or mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    target = blob_path(store, sha)
    on_disk = target.is_file() and target.stat().st_size == size
    if not on_disk:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary name and rename: a crash never leaves a half file under a valid hash.
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
                while chunk := inp.read(_CHUNK):
                    out.write(chunk)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    with store.session() as s:
        row = s.get(Blob, sha)
        known = row is not None
        if row is None:
            s.add(Blob(sha256=sha, size=size, mime=mime, uploaded=False))
    return StoredBlob(sha, size, mime, src.name, already_stored=known and on_disk)


def read_blob(store: Store, sha256: str) -> bytes:
    path = blob_path(store, sha256)
    if not path.is_file():
        raise BlobError(Msg.BLOB_NOT_HERE_YET())
    return path.read_bytes()


def blob_info(store: Store, sha256: str) -> StoredBlob | None:
    with store.session() as s:
        row = s.get(Blob, sha256)
        if row is None:
            return None
        return StoredBlob(row.sha256, row.size, row.mime, "", already_stored=True)


def pending_uploads(store: Store) -> list[str]:
    """Hashes of blobs the server does not have yet, oldest first."""
    with store.session() as s:
        return list(s.scalars(select(Blob.sha256).where(Blob.uploaded.is_(False)).order_by(Blob.created_at)))


def mark_uploaded(store: Store, sha256: str) -> None:
    with store.session() as s:
        row = s.get(Blob, sha256)
        if row is not None:
            row.uploaded = True
