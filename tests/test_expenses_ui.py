"""Expenses driven through the editor: Danish amounts, receipts, the frame, the receipt rule, dates."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage

from mægler_app.domain.numbers import parse_kr
from mægler_app.store.models import Blob, Expense
from mægler_app.store.services import blobs
from mægler_app.store.services import expenses as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.meetings import exports, receipt_viewer
from mægler_app.ui.meetings.expense_editor import ExpenseEditor
from mægler_app.ui.meetings.models import ExpensesModel
from mægler_app.ui.meetings.network_tab import NetworkActivityTab

from .meetings_support import make_network


@pytest.fixture
def no_viewer(monkeypatch):  # type: ignore[no-untyped-def]
    """Files that would open in the system's viewer are collected instead."""
    opened: list = []
    monkeypatch.setattr(exports, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(receipt_viewer, "open_file", lambda path: opened.append(path) or True)
    return opened


def _editor(qtbot, store, network_id) -> ExpenseEditor:  # type: ignore[no-untyped-def]
    editor = ExpenseEditor(AppContext(store=store), network_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _attach(qtbot, editor, path) -> bool:  # type: ignore[no-untyped-def]
    """Attach and wait: a photo is reduced in a worker (issue 25), off the GUI thread."""
    if not editor.attach_receipt(path):
        return False
    qtbot.waitUntil(lambda: editor.attaching is None, timeout=20_000)
    return True


def _count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return s.query(Expense).count()


def _png(path, colour: str = "#2d5276"):  # type: ignore[no-untyped-def]
    img = QImage(120, 160, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    assert img.save(str(path))
    return path


@pytest.mark.parametrize(
    ("typed", "ore", "message"),
    [
        ("1.234,5", 123_450, "= 1.234,50 kr."),
        ("1234", 123_400, "= 1.234,00 kr."),
        ("-5", None, "»-5« er et negativt tal"),
        ("abc", None, "»abc« er ikke et beløb. Skriv fx 1.234,50"),
        ("25.000,001", None, "»25.000,001« har mere end to decimaler"),
    ],
)
def test_amount_entries_the_danish_way(qtbot, store, typed, ore, message) -> None:
    net = make_network(store)
    editor = _editor(qtbot, store, net.network_id)
    qtbot.keyClicks(editor.description, "Kaffe")
    qtbot.keyClicks(editor.amount, typed)
    assert editor.amount.value_ore() == ore
    assert message in editor.amount.message.text()
    assert editor.amount.message.objectName() == ("amountHint" if ore is not None else "error")
    saved = editor.save()
    if ore is None:
        # Refused with the reason under the amount, once; the dialog stays open and nothing typed is lost.
        assert not saved and editor.isVisible()
        assert message.split(".")[0] in editor.amount.message.text()
        assert not editor.error.isVisible()
        assert editor.amount.text() == typed and editor.description.text() == "Kaffe"
        assert _count(store) == 0
    else:
        assert saved
        with store.session() as s:
            (e,) = s.query(Expense).all()
            assert (e.amount_ore, e.description, e.status) == (ore, "Kaffe", "draft")  # > 500 kr., no receipt


def test_expense_with_receipt_and_the_same_file_stored_once(qtbot, store, tmp_path, no_viewer) -> None:
    net = make_network(store)
    photo = _png(tmp_path / "bon.png")
    editor = _editor(qtbot, store, net.network_id)
    editor.category.setCurrentIndex(editor.category.findData("catering"))
    qtbot.keyClicks(editor.description, "Frokost til seks")
    qtbot.keyClicks(editor.amount, "845,00")
    assert editor.save_button.text() == "Gem som kladde"
    assert _attach(qtbot, editor, photo)
    assert editor.receipt_label.text() == "bon.jpg"  # stored as its reduced JPEG (issue 25)
    assert editor.save_button.text() == "Gem"
    viewer = editor.view_receipt()
    assert viewer is not None and not viewer.pixmap.isNull() and viewer.pixmap.width() == 120
    viewer.close()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()

    copy = tmp_path / "samme bon igen.png"
    copy.write_bytes(photo.read_bytes())
    second = _editor(qtbot, store, net.network_id)
    qtbot.keyClicks(second.description, "Frokost, anden dag")
    qtbot.keyClicks(second.amount, "845")
    assert _attach(qtbot, second, copy)
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)

    with store.session() as s:
        rows = s.query(Expense).order_by(Expense.description).all()
        assert [(e.description, e.status, e.receipt_name) for e in rows] == [
            ("Frokost til seks", "final", "bon.jpg"),
            ("Frokost, anden dag", "final", "samme bon igen.jpg"),
        ]
        assert rows[0].receipt_sha256 == rows[1].receipt_sha256
        assert s.query(Blob).count() == 1
    # the reduced receipt once, and the photo as it came until the receipt is synced
    assert len([p for p in store.blob_dir.rglob("*") if p.is_file()]) == 2
    stored = blobs.blob_path(store, rows[0].receipt_sha256).read_bytes()
    # From the list: the receipt can be shown, and opened under its own name in the system's viewer.
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.expenses_view.selectRow(0)
    shown = tab.show_selected_receipt()
    assert shown is not None and not shown.pixmap.isNull()
    target = shown.open_external()
    assert target.name in ("bon.jpg", "samme bon igen.jpg") and target.read_bytes() == stored
    assert no_viewer == [target]
    shown.close()


def test_a_pdf_receipt_is_offered_to_the_system_viewer(qtbot, store, tmp_path) -> None:
    net = make_network(store)
    pdf = tmp_path / "faktura.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a receipt\n")
    editor = _editor(qtbot, store, net.network_id)
    assert _attach(qtbot, editor, pdf)
    viewer = editor.view_receipt()
    assert viewer is not None and "kan ikke vises her" in viewer.image.text()
    viewer.close()
    bad = tmp_path / "noter.txt"
    bad.write_text("x")
    assert not editor.attach_receipt(bad)
    assert "kan ikke bruges som kvittering" in editor.error.text()
    assert editor.receipt_label.text() == "faktura.pdf"  # the earlier receipt is kept


def test_overspend_is_blocked_then_saved_with_a_reason_and_flagged(qtbot, store, tmp_path) -> None:
    net = make_network(store)
    receipt = blobs.store_file(store, _png(tmp_path / "faktura.png", "#aa0000"))
    svc.save_expense(
        store,
        svc.ExpenseInput(
            net.network_id, dt.date(2026, 3, 20), parse_kr("23.400,00"), "speaker", "Oplægsholder",
            receipt_sha256=receipt.sha256, receipt_name="faktura.png",
        ),
    )  # fmt: skip
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.budget.spent.value.text() == "23.400,00 kr."
    assert tab.budget.warning.isVisible() and "93 % af rammen" in tab.budget.warning.text()
    qtbot.mouseClick(tab.new_expense_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert isinstance(editor, ExpenseEditor)
    editor.date.setDate(QDate(2026, 4, 2))
    editor.category.setCurrentIndex(editor.category.findData("meeting_room"))
    qtbot.keyClicks(editor.description, "Lokale til workshop")
    qtbot.keyClicks(editor.amount, "2.800,00")
    assert _attach(qtbot, editor, tmp_path / "faktura.png")
    assert editor.over.isVisible() and editor.override_box.isVisible()
    assert "26.200,00 kr." in editor.over.text() and "overskridelse 1.200,00 kr." in editor.over.text()
    assert editor.save_button.text() == "Gem med begrundelse"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "ikke gemt" in editor.error.text()
    assert _count(store) == 1
    qtbot.keyClicks(editor.override, "Aftalt med Væksthus: ekstra workshop")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with store.session() as s:
        e = s.query(Expense).filter(Expense.description == "Lokale til workshop").one()
        assert (e.amount_ore, e.status, e.override_reason) == (
            280_000,
            "final",
            "Aftalt med Væksthus: ekstra workshop",
        )
    assert editor.last_saved is not None and editor.last_saved.flagged
    # The list and the budget follow: flagged in the table, over the frame in the panel.
    texts = [tab.expenses_model.data(tab.expenses_model.index(r, ExpensesModel.COL_STATUS)) for r in range(2)]
    assert "Endelig · over rammen" in texts
    assert tab.budget.remaining.value.text() == "-1.200,00 kr."
    assert "over rammen" in tab.budget.warning.text()
    assert "1 udgift over rammen sendt til Væksthus" in tab.budget.note.text()


def test_receipt_rule_keeps_the_expense_a_draft_until_the_receipt_comes(qtbot, store, tmp_path) -> None:
    net = make_network(store)
    editor = _editor(qtbot, store, net.network_id)
    qtbot.keyClicks(editor.description, "Tryksager")
    qtbot.keyClicks(editor.amount, "500,00")
    assert editor.save_button.text() == "Gem"  # 500 kr. is not above the limit
    editor.amount.clear()
    qtbot.keyClicks(editor.amount, "500,01")
    assert editor.save_button.text() == "Gem som kladde"
    assert "kræver en kvittering" in editor.warning.text()
    assert editor.save()
    eid = editor.expense_id
    assert svc.get_expense(store, eid).status == "draft"
    assert svc.budget(store, net.network_id).spent_ore == 0
    again = ExpenseEditor(AppContext(store=store), net.network_id, eid)
    qtbot.addWidget(again)
    assert again.amount.text() == "500,01"
    assert _attach(qtbot, again, _png(tmp_path / "tryk.png"))
    assert again.save()
    assert svc.get_expense(store, eid).status == "final"
    assert svc.budget(store, net.network_id).spent_ore == 50_001


def test_date_warnings_before_screening_and_after_closing(qtbot, store) -> None:
    net = make_network(store, opened_on=dt.date(2026, 3, 2), closed_on=dt.date(2026, 6, 30))
    editor = _editor(qtbot, store, net.network_id)
    qtbot.keyClicks(editor.description, "Kørsel")
    qtbot.keyClicks(editor.amount, "120")
    editor.date.setDate(QDate(2026, 3, 1))
    assert editor.warning.isVisible()
    assert "før screeningen blev bestået (2. marts 2026)" in editor.warning.text()
    editor.date.setDate(QDate(2026, 4, 1))
    assert not editor.warning.isVisible()
    editor.date.setDate(QDate(2026, 7, 1))
    assert "efter at netværket blev lukket (30. juni 2026)" in editor.warning.text()
    assert editor.save()  # a warning, not a refusal
    assert svc.list_expenses(store, net.network_id)[0].spent_on == dt.date(2026, 7, 1)


def test_expense_report_pdf_and_csv_from_the_tab(qtbot, store, no_viewer) -> None:
    net = make_network(store, name="Fødevarer til Rusland")
    svc.save_expense(
        store, svc.ExpenseInput(net.network_id, dt.date(2026, 3, 10), 45_050, "transport", "Kørsel; Randers")
    )
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.tabs.setCurrentIndex(1)
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(no_viewer) == 1, timeout=10_000)
    qtbot.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(no_viewer) == 2, timeout=10_000)
    pdf, csv_path = no_viewer
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Fødevarer til Rusland" in text and "450,50 kr." in text and "24.549,50 kr." in text
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1][:6] == [
        "Fødevarer til Rusland",
        "10-03-2026",
        "Transport",
        "Kørsel; Randers",
        "",
        "450,50",
    ]


def test_expense_models_pass_qtmodeltester(qtmodeltester, qtbot, store) -> None:
    net = make_network(store)
    for i, amount in enumerate((100, 70_000, 2_500)):
        svc.save_expense(
            store, svc.ExpenseInput(net.network_id, dt.date(2026, 4, 3 - i), amount, "other", f"U{i}")
        )
    model = ExpensesModel()
    model.set_rows(svc.list_expenses(store, net.network_id))
    qtmodeltester.check(model)
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.expenses_proxy)
    first = tab.expenses_model.row_id(tab.expenses_proxy.mapToSource(tab.expenses_proxy.index(0, 0)))
    assert svc.get_expense(store, first).spent_on == dt.date(2026, 4, 3)  # newest first
    missing = [
        tab.expenses_model.data(tab.expenses_model.index(r, ExpensesModel.COL_RECEIPT)) for r in range(3)
    ]
    assert sorted(missing) == ["Mangler", "–", "–"]
