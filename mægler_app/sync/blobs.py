"""Attachments (receipts) on disk where ``store.services.blobs`` keeps them, registered in the ``blob`` table.

Sync uploads a receipt after its expense and marks it uploaded, and fetches receipts of expenses
made on another computer. ``add_blob`` keeps bytes (the expense editor stores files itself).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..domain.messages import Msg
from ..domain.sync_contract import MAX_BLOB_BYTES
from ..domain.timeutil import utcnow
from ..store.db import Store
from ..store.models import Blob
from ..store.services.blobs import blob_path


class BlobTooLargeError(ValueError):
    def __str__(self) -> str:
        return str(Msg.SYNC_BLOB_TOO_LARGE(maximum=MAX_BLOB_BYTES))


def blob_file(store: Store, sha256: str) -> Path:
    return blob_path(store, sha256)


def save_blob_file(store: Store, sha256: str, content: bytes) -> Path:
    """Write atomically (temp file + rename), so a crash never leaves half a receipt under its hash."""
    target = blob_file(store, sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{sha256}.tmp")
    with tmp.open("wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


def add_blob(store: Store, content: bytes, mime: str = "application/octet-stream") -> str:
    """Keep ``content`` in the profile; returns its SHA-256 (put it in ``Expense.receipt_sha256``)."""
    if len(content) > MAX_BLOB_BYTES:
        raise BlobTooLargeError()
    sha = hashlib.sha256(content).hexdigest()
    save_blob_file(store, sha, content)
    with store.session() as s:
        if s.get(Blob, sha) is None:
            s.add(Blob(sha256=sha, size=len(content), mime=mime, uploaded=False, created_at=utcnow()))
    return sha
