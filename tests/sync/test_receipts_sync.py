"""Receipts fit for a phone link (issue 25 item 3), against a real server on 127.0.0.1: an upload cut
off at 60 % goes on from the last acknowledged chunk at the next sync; an older server (no uploads
endpoint) gets the whole-file PUT; a new laptop has its records first and its receipts after, or
when one is opened."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import select

from mægler_app.store.models import Blob, Expense, LocalState
from mægler_app.store.services import blobs
from mægler_app.sync.api import SyncError
from mægler_app.sync.blobs import add_blob, blob_file
from mægler_app.sync.engine import UPLOAD_CHUNK
from mægler_app.sync.receipts import fetch_receipt, wanted_receipts

from .proxy import ChaosProxy
from .test_engine import add_network

SIZE = 14 * UPLOAD_CHUNK  # 3.5 MiB: a phone photo as the camera made it


def _expense_with_receipt(laptop: Any, network_id: str, sha: str, name: str = "kvittering.pdf") -> str:
    with laptop.store.session() as s:
        e = Expense(description="Forplejning", network_id=network_id, spent_on=dt.date(2025, 2, 1),
                    amount_ore=450_00, receipt_sha256=sha, receipt_name=name)  # fmt: skip
        s.add(e)
        s.flush()
        return e.id


def _uploads_state(laptop: Any) -> dict[str, Any]:
    with laptop.store.session() as s:
        row = s.get(LocalState, "blob_uploads")
        return dict(row.value) if row is not None and row.value else {}


def test_a_receipt_cut_at_60_percent_resumes_from_the_acknowledged_offset(
    sync_server: Any, new_user: Any, laptop: Any, caseworker_api: Any
) -> None:
    a = laptop(new_user())
    ids = add_network(a.store)
    assert a.sync().complete  # the network first: the next sync carries the expense and its receipt
    receipt = os.urandom(SIZE)
    sha = add_blob(a.store, receipt, "application/pdf")
    _expense_with_receipt(a, ids["network"], sha)

    proxy = ChaosProxy(sync_server.port, cut_up_after=int(SIZE * 0.6))
    try:
        with pytest.raises(SyncError):
            a.sync(proxy.url, retries=0)
        assert proxy.stats.cuts == 1
        first_up = proxy.stats.bytes_up
        kept = _uploads_state(a)[sha]
        acknowledged = kept["offset"]
        # what the laptop kept is what the server acknowledged: whole chunks, up to the cut
        status = a.api().upload_status(sha, kept["id"])
        assert status["offset"] == acknowledged and acknowledged % UPLOAD_CHUNK == 0
        assert SIZE * 0.6 - 2 * UPLOAD_CHUNK <= acknowledged <= SIZE * 0.6
        with a.store.session() as s:
            assert not s.get(Blob, sha).uploaded

        proxy.stats.bytes_up = 0
        report = a.sync(proxy.url, retries=0)
        assert report.complete and report.blobs_uploaded == 1
        second_up = proxy.stats.bytes_up
    finally:
        proxy.close()
    # the second time only the rest went up: about 40 % (what the cut chunk held is sent again)
    rest = SIZE - acknowledged
    assert rest <= second_up <= rest + 20_000, (second_up, rest)
    assert 0.40 * SIZE <= second_up <= 0.40 * SIZE + UPLOAD_CHUNK + 20_000
    assert first_up + second_up < SIZE * 1.05
    assert _uploads_state(a) == {}
    with a.store.session() as s:
        assert s.get(Blob, sha).uploaded
    # the server's copy is the receipt, byte for byte
    on_server = caseworker_api.get_blob(sha)
    assert on_server == receipt and hashlib.sha256(on_server).hexdigest() == sha


class OldServerAdapter(HTTPAdapter):
    """A server from before chunked uploads: no such path (404), or no such method (405)."""

    def __init__(self, status: int) -> None:
        super().__init__()
        self.status = status
        self.seen: list[str] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.seen.append(f"{request.method} {str(request.path_url).split('/api/v1')[-1]}")
        if "/uploads" in str(request.path_url):
            resp = requests.Response()
            resp.status_code = self.status
            resp._content = b'{"error": "not_found", "detail": "Findes ikke."}'
            resp.request = request
            return resp
        return super().send(request, *args, **kwargs)


@pytest.mark.parametrize("status", [404, 405])
def test_an_older_server_gets_the_whole_file_put(
    status: int, sync_server: Any, new_user: Any, laptop: Any, caseworker_api: Any
) -> None:
    from mægler_app.sync.service import run_sync

    from .conftest import run_to_end

    a = laptop(new_user())
    ids = add_network(a.store)
    receipts = [os.urandom(UPLOAD_CHUNK * 2 + i) for i in range(2)]
    shas = [add_blob(a.store, r, "application/pdf") for r in receipts]
    for sha in shas:
        _expense_with_receipt(a, ids["network"], sha)
    api = a.api(backoff=0.01)
    adapter = OldServerAdapter(status)
    api.http.mount("http://", adapter)
    try:
        report = run_to_end(run_sync(a.store, api))
    finally:
        api.close()
    assert report.complete and report.blobs_uploaded == 2
    # asked once whether chunked uploads exist; then every receipt went whole
    assert [s for s in adapter.seen if "/blobs/" in s] == [
        f"POST /blobs/{shas[0]}/uploads",
        f"PUT /blobs/{shas[0]}",
        f"PUT /blobs/{shas[1]}",
    ]
    for sha, content in zip(shas, receipts, strict=True):
        assert caseworker_api.get_blob(sha) == content


def test_a_new_laptop_has_its_records_first_and_a_receipt_when_opened(
    sync_server: Any, new_user: Any, laptop: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    receipts = {os.urandom(50_000 + i): f"bilag-{i}.pdf" for i in range(3)}
    shas = [add_blob(a.store, content, "application/pdf") for content in receipts]
    expense_ids = [_expense_with_receipt(a, ids["network"], sha, name) for sha, name in zip(shas, receipts.values(), strict=True)]  # fmt: skip
    assert a.sync().complete

    report = b.sync()
    assert report.complete and report.receipts_waiting == 3 and report.blobs_downloaded == 0
    # the expenses are there and usable; their receipts are not fetched yet
    with b.store.session() as s:
        listed = {e.id: e.receipt_sha256 for e in s.scalars(select(Expense))}
    assert set(listed) == set(expense_ids) and set(listed.values()) == set(shas)
    assert not any(blob_file(b.store, sha).exists() for sha in shas)
    assert sorted(wanted_receipts(b.store)) == sorted(shas)
    # opening one fetches it, and only it
    api = b.api()
    try:
        path = fetch_receipt(b.store, api, shas[1])
    finally:
        api.close()
    assert path.read_bytes() == list(receipts)[1]
    assert blobs.blob_info(b.store, shas[1]) is not None
    assert not blob_file(b.store, shas[0]).exists()
    assert sorted(wanted_receipts(b.store)) == sorted([shas[0], shas[2]])
    # the rest in the background phase after the records
    assert b.receipts() == 2
    for sha, content in zip(shas, receipts, strict=True):
        assert blob_file(b.store, sha).read_bytes() == content
    assert wanted_receipts(b.store) == []
    # a receipt the server does not have (not uploaded yet by the other laptop): a Danish reason
    api = b.api(retries=0)
    try:
        with pytest.raises(SyncError, match="ikke på serveren endnu"):
            fetch_receipt(b.store, api, "0" * 64)
    finally:
        api.close()


@pytest.mark.slow
def test_maegler_sync_fetches_the_receipts_after_its_records(
    sync_server: Any, new_user: Any, laptop: Any, tmp_path: Any
) -> None:
    from mægler_app.store.db import open_store

    from .conftest import PASSWORD
    from .test_auth_cli import _cli, _env

    user = new_user()
    a = laptop(user, "a")
    ids = add_network(a.store)
    content = os.urandom(UPLOAD_CHUNK + 1000)
    sha = add_blob(a.store, content, "application/pdf")
    _expense_with_receipt(a, ids["network"], sha)
    assert a.sync().complete
    env = _env(tmp_path)
    assert (
        _cli("login", "--server", sync_server.base, "--user", user, stdin=PASSWORD + "\n", env=env).returncode
        == 0
    )
    done = _cli("sync", env=env)
    assert done.returncode == 0, done.stderr
    assert "Bilag: 0 sendt, 1 hentet." in done.stdout and "Henter kvitteringer… 1/1" in done.stderr
    store = open_store(tmp_path / "profil")
    try:
        assert blob_file(store, sha).read_bytes() == content and wanted_receipts(store) == []
    finally:
        store.close()
