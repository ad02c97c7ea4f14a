"""Receipts: uploaded one by one after their expense, again after a cut, fetched by the other laptop."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy import select

from mægler_app.store.models import Blob, Expense
from mægler_app.sync.api import SyncError
from mægler_app.sync.blobs import add_blob, blob_file

from .proxy import ChaosProxy
from .test_engine import add_network


def test_receipts_follow_their_expenses_and_survive_cuts(
    sync_server: Any, new_user: Any, laptop: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    receipts = [os.urandom(300_000 + i) for i in range(4)]
    shas = [add_blob(a.store, r, "application/pdf") for r in receipts]
    with a.store.session() as s:
        for i, sha in enumerate(shas):
            s.add(Expense(description="Forplejning", network_id=ids["network"], spent_on=dt.date(2025, 2, 1), amount_ore=100_00 + i,
                          receipt_sha256=sha, receipt_name=f"kvittering-{i}.pdf"))  # fmt: skip
    # every connection that carries a receipt breaks somewhere inside it, until the luck turns
    proxy = ChaosProxy(sync_server.port, cut_probability=0.7, max_cut_offset=400_000, seed=3)
    broke = 0
    try:
        for _ in range(100):
            try:
                report = a.sync(proxy.url, retries=0)
            except SyncError:
                broke += 1
                continue
            if report.complete:
                break
    finally:
        proxy.close()
    assert broke > 0
    with a.store.session() as s:
        assert all(s.get(Blob, sha).uploaded for sha in shas)
    assert b.sync().complete
    assert b.receipts() == len(shas)  # after the records (issue 25)
    for sha, content in zip(shas, receipts, strict=True):
        assert blob_file(b.store, sha).read_bytes() == content
    with b.store.session() as s:
        assert {e.receipt_sha256 for e in s.scalars(select(Expense))} == set(shas)
        assert all(s.get(Blob, sha).uploaded for sha in shas)


def test_a_receipt_waits_for_its_expense(sync_server: Any, new_user: Any, laptop: Any) -> None:
    from mægler_app.domain.rules import FACILITATION_FRAME_ORE

    a = laptop(new_user())
    ids = add_network(a.store)
    sha = add_blob(a.store, b"kvittering", "application/pdf")
    with a.store.session() as s:
        s.add(Expense(description="Forplejning", network_id=ids["network"], spent_on=dt.date(2025, 2, 1),
                      amount_ore=FACILITATION_FRAME_ORE + 1, receipt_sha256=sha))  # fmt: skip
    report = a.sync()
    assert report.rejected == 1 and report.blobs_uploaded == 0
    with a.store.session() as s:
        assert not s.get(Blob, sha).uploaded
