"""Receipts fetched lazily (issue 25 item 3): after the records, or when one is opened.

A new laptop's sync stores the records first and only notes the receipts they name that are not on
this computer (``blobs_wanted``, by the engine's ``download_blobs``): a hundred photos must not keep
a broker waiting for the records. ``fetch_receipts`` is the phase after the run (the app runs it in
the background once the sync has finished; ``maegler sync`` after its records), one receipt at a time,
each kept as it arrives; ``fetch_receipt`` fetches the one a broker opens ("Vis kvittering").
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator
from pathlib import Path

from sqlalchemy import select

from ..domain.messages import Msg
from ..domain.timeutil import utcnow
from ..store.db import Store
from ..store.models import Blob, LocalState
from .api import Api, RefusedError, SyncError
from .blobs import blob_file, save_blob_file

WANTED_KEY = "blobs_wanted"


def wanted_receipts(store: Store) -> list[str]:
    """Receipts named by records here that are not on this computer yet."""
    with store.session() as s:
        row = s.get(LocalState, WANTED_KEY)
        wanted = [sha for sha in (row.value if row is not None and isinstance(row.value, list) else [])]
        if not wanted:
            return []
        here = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted))))
    return [sha for sha in wanted if isinstance(sha, str) and sha not in here]


def _forget_wanted(store: Store, sha256: str) -> None:
    with store.session() as s:
        row = s.get(LocalState, WANTED_KEY)
        if row is not None and isinstance(row.value, list) and sha256 in row.value:
            row.value = [sha for sha in row.value if sha != sha256]


def _download(store: Store, api: Api, sha256: str) -> bool:
    """Fetch one receipt and keep it; False when the server does not have it (yet)."""
    try:
        content = api.get_blob(sha256)
    except RefusedError as exc:
        if exc.status == 404:
            return False  # not uploaded yet by the other computer; next time
        raise
    if hashlib.sha256(content).hexdigest() != sha256:
        return False
    save_blob_file(store, sha256, content)
    with store.session() as s:
        if s.get(Blob, sha256) is None:
            s.add(Blob(sha256=sha256, size=len(content), uploaded=True, created_at=utcnow()))
    _forget_wanted(store, sha256)
    return True


def fetch_receipts(store: Store, api: Api) -> Generator[tuple[int, int], None, int]:
    """The phase after a sync: every receipt still wanted, one at a time; yields (done, total),
    returns how many arrived. Safe to stop between any two."""
    todo = wanted_receipts(store)
    fetched = 0
    for done, sha in enumerate(todo, start=1):
        if blob_file(store, sha).is_file():
            _forget_wanted(store, sha)
        elif _download(store, api, sha):
            fetched += 1
        yield done, len(todo)
    return fetched


def fetch_receipt(store: Store, api: Api, sha256: str) -> Path:
    """The receipt a broker opens, fetched now when it is not here; its path."""
    path = blob_file(store, sha256)
    if path.is_file():
        return path
    if not _download(store, api, sha256):
        raise SyncError(Msg.SYNC_RECEIPT_NOT_ON_SERVER())
    return path
