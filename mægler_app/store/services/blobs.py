"""Attachments (receipts) kept in the profile under their SHA-256 (DESIGN.md §4, §5 blobs).

A file is stored once however often it is attached: the name on disk is its hash, and the ``Blob``
row says how big it is and whether the server has it yet (``uploaded``; the sync side sends the
others with ``PUT /blobs/{sha256}``).

--- receipts (issue 25): a photo is stored reduced (``photos.reduce_photo``: an upright JPEG of at
most 2000 px, without metadata), and the receipt is that JPEG. The camera's original is kept beside
it in ``bilag/originaler/<sha256 of the reduced>.<type>`` until the reduced one is on the server
(``mark_uploaded``), or for good when the broker chose "Behold original" (``keep_original``).
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
from .photos import reduce_photo

_CHUNK = 1024 * 1024
ORIGINALS = "originaler"  # --- receipts: the folder of kept originals, inside the blob folder

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
    original_size: int = 0  # --- receipts: the photo as it came, when it was reduced (else 0)


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


def receipt_problem(source: Path | str) -> BlobError | None:
    """What makes a file no receipt, found without reading it (a missing file, another type)."""
    src = Path(source)
    if not src.is_file():
        return BlobError(Msg.BLOB_FILE_MISSING(name=src.name))
    if src.suffix.lower() not in RECEIPT_TYPES:
        return BlobError(Msg.BLOB_NOT_A_RECEIPT(name=src.name))
    return None


def store_file(
    store: Store,
    source: Path | str,
    *,
    receipt: bool = True,
    reduce: bool = True,
    keep_original: bool = False,
) -> StoredBlob:
    """Copy a file into the profile under its hash (once), and record it for upload.

    A receipt photo (``reduce``) is stored as its reduced JPEG, named ``<stem>.jpg``; its original is
    kept until the reduced one is uploaded, or for good with ``keep_original``. Reducing a photo takes
    a second or so: call this off the GUI thread.
    """
    src = Path(source)
    if not src.is_file():
        raise BlobError(Msg.BLOB_FILE_MISSING(name=src.name))
    suffix = src.suffix.lower()
    if receipt and suffix not in RECEIPT_TYPES:
        raise BlobError(Msg.BLOB_NOT_A_RECEIPT(name=src.name))
    try:
        original_size = src.stat().st_size
        reduced = reduce_photo(src) if receipt and reduce and original_size else None
    except OSError as exc:
        raise BlobError(Msg.BLOB_FILE_UNREADABLE(name=src.name, reason=os_reason(exc))) from exc
    if reduced is not None:
        return _store_reduced(store, src, reduced, original_size, keep_original)
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
        _copy_atomically(src, target)
    with store.session() as s:
        row = s.get(Blob, sha)
        known = row is not None
        if row is None:
            s.add(Blob(sha256=sha, size=size, mime=mime, uploaded=False))
    return StoredBlob(sha, size, mime, src.name, already_stored=known and on_disk)


def _copy_atomically(src: Path, target: Path) -> None:
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


def _write_atomically(content: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


# --- receipts ------------------------------------------------------------------------------------
def original_path(store: Store, sha256: str, suffix: str) -> Path:
    """Where the original of the reduced receipt ``sha256`` is kept (``suffix`` like ".jpg")."""
    return blob_path(store, sha256).parent.parent / ORIGINALS / f"{sha256.lower()}{suffix}"


def _store_reduced(store: Store, src: Path, reduced: bytes, original_size: int, keep: bool) -> StoredBlob:
    name = f"{src.stem}.jpg"
    if len(reduced) > MAX_BLOB_BYTES:
        raise BlobError(Msg.BLOB_FILE_TOO_LARGE(name=name, size=len(reduced), maximum=MAX_BLOB_BYTES))
    sha = hashlib.sha256(reduced).hexdigest()
    target = blob_path(store, sha)
    on_disk = target.is_file() and target.stat().st_size == len(reduced)
    if not on_disk:
        _write_atomically(reduced, target)
    suffix = src.suffix.lower()[:16]
    with store.session() as s:
        row = s.get(Blob, sha)
        known = row is not None
        if row is None:
            row = Blob(sha256=sha, size=len(reduced), mime="image/jpeg", uploaded=False)
            s.add(row)
        row.keep_original = bool(keep or row.keep_original)
        if not row.original_suffix and (row.keep_original or not row.uploaded):
            original = original_path(store, sha, suffix)
            if not original.is_file():
                _copy_atomically(src, original)
            row.original_suffix = suffix
    return StoredBlob(sha, len(reduced), "image/jpeg", name, known and on_disk, original_size)


def has_original(store: Store, sha256: str) -> bool:
    """Whether the camera's original of this receipt is on this computer."""
    with store.session() as s:
        row = s.get(Blob, sha256)
        return bool(
            row and row.original_suffix and original_path(store, sha256, row.original_suffix).is_file()
        )


def keeps_original(store: Store, sha256: str) -> bool:
    with store.session() as s:
        row = s.get(Blob, sha256)
        return bool(row and row.keep_original)


def set_keep_original(store: Store, sha256: str, keep: bool) -> None:
    """The broker's "Behold original": kept for good, or removed once the reduced one is uploaded
    (at once when it is already)."""
    with store.session() as s:
        row = s.get(Blob, sha256)
        if row is None:
            return
        row.keep_original = keep
        if keep or not row.uploaded or not row.original_suffix:
            return
        suffix, row.original_suffix = row.original_suffix, ""
    original_path(store, sha256, suffix).unlink(missing_ok=True)


def remove_blob_files(store: Store, sha256: str) -> None:
    """A receipt no record names any more: its file and a kept original go."""
    blob_path(store, sha256).unlink(missing_ok=True)
    for original in (blob_path(store, sha256).parent.parent / ORIGINALS).glob(f"{sha256.lower()}.*"):
        original.unlink(missing_ok=True)


# --- end receipts


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
    """The server has the receipt: its original goes, unless the broker chose to keep it."""
    suffix = ""
    with store.session() as s:
        row = s.get(Blob, sha256)
        if row is not None:
            row.uploaded = True
            if row.original_suffix and not row.keep_original:
                suffix, row.original_suffix = row.original_suffix, ""
    if suffix:
        original_path(store, sha256, suffix).unlink(missing_ok=True)
