"""Receipts in the app (issue 25 item 3), with a real server: "Behold original" in the expense editor,
the original gone after sync without it; on a new laptop the expense is listed before its receipt
is here, and "Vis kvittering" fetches it."""

from __future__ import annotations

from typing import Any

from PIL import Image
from PySide6.QtCore import Qt

from mægler_app.store.models import Blob, Expense
from mægler_app.store.services import blobs
from mægler_app.sync.blobs import blob_file
from mægler_app.ui.context import AppContext
from mægler_app.ui.meetings.expense_editor import ExpenseEditor
from mægler_app.ui.meetings.network_tab import NetworkActivityTab

from ..test_receipt_photos import phone_photo
from .test_engine import add_network


def _book(qtbot: Any, store: Any, network_id: str, photo: Any, *, keep: bool) -> ExpenseEditor:
    editor = ExpenseEditor(AppContext(store=store), network_id)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.keep_original.isChecked()  # off unless the broker chooses it
    editor.keep_original.setChecked(keep)
    qtbot.keyClicks(editor.description, "Frokost")
    qtbot.keyClicks(editor.amount, "845,00")
    assert editor.attach_receipt(photo)
    assert editor.receipt_label.text() == "Gemmer kvitteringen…" and not editor.save_button.isEnabled()
    qtbot.waitUntil(lambda: editor.attaching is None, timeout=30_000)
    assert editor.receipt_label.text() == photo.with_suffix(".jpg").name
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    return editor


def test_behold_original_keeps_the_photo_after_sync_and_without_it_it_goes(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, tmp_path: Any
) -> None:
    a = laptop(new_user())
    ids = add_network(a.store)
    kept_photo = phone_photo(tmp_path / "IMG_1.jpg", width=3000, height=2250)
    gone_photo = phone_photo(tmp_path / "IMG_2.jpg", width=2600, height=1950, orientation=6)
    _book(qtbot, a.store, ids["network"], kept_photo, keep=True)
    _book(qtbot, a.store, ids["network"], gone_photo, keep=False)
    with a.store.session() as s:
        shas = {e.receipt_name: e.receipt_sha256 for e in s.query(Expense)}
    kept, gone = shas["IMG_1.jpg"], shas["IMG_2.jpg"]
    assert blobs.has_original(a.store, kept) and blobs.has_original(a.store, gone)  # until synced
    report = a.sync()
    assert report.complete and report.blobs_uploaded == 2
    assert blobs.original_path(a.store, kept, ".jpg").read_bytes() == kept_photo.read_bytes()
    assert not blobs.original_path(a.store, gone, ".jpg").exists()
    with Image.open(blob_file(a.store, gone)) as img:
        assert img.size == (1950 * 2000 // 2600, 2000)  # upright, 2000 px high
    # the editor shows the choice as it stands; unticking it removes the original (it is synced)
    with a.store.session() as s:
        eid = next(e.id for e in s.query(Expense) if e.receipt_sha256 == kept)
    editor = ExpenseEditor(AppContext(store=a.store), ids["network"], eid)
    qtbot.addWidget(editor)
    assert editor.keep_original.isChecked() and editor.keep_original.isEnabled()
    editor.keep_original.setChecked(False)
    assert editor.save()
    assert not blobs.has_original(a.store, kept)
    other = ExpenseEditor(AppContext(store=a.store), ids["network"], eid)
    qtbot.addWidget(other)
    assert not other.keep_original.isChecked() and not other.keep_original.isEnabled()


def test_a_new_laptop_lists_the_expense_first_and_fetches_its_receipt_when_shown(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, tmp_path: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    _book(
        qtbot,
        a.store,
        ids["network"],
        phone_photo(tmp_path / "IMG_3.jpg", width=2400, height=1800),
        keep=False,
    )
    assert a.sync().complete
    with a.store.session() as s:
        sha = s.query(Expense).one().receipt_sha256

    report = b.sync()
    assert report.complete and report.receipts_waiting == 1
    tab = NetworkActivityTab(AppContext(store=b.store), ids["network"])
    qtbot.addWidget(tab)
    assert tab.expenses_model.rowCount() == 1  # listed and usable
    assert not blob_file(b.store, sha).exists()
    tab.expenses_view.selectRow(0)
    viewer = tab.show_selected_receipt()
    assert viewer is not None and viewer.fetching is not None
    assert viewer.image.text() == "Henter kvitteringen fra serveren…"
    qtbot.waitUntil(lambda: viewer.fetching is None, timeout=30_000)
    assert not viewer.pixmap.isNull() and viewer.pixmap.size().width() == 2000
    assert blob_file(b.store, sha).read_bytes() == blob_file(a.store, sha).read_bytes()
    with b.store.session() as s:
        assert s.get(Blob, sha).uploaded
    viewer.close()
