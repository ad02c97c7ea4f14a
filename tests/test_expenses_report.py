"""The expense report read back: PDF text via pypdf, CSV via the csv module with ';'."""

from __future__ import annotations

import csv
import datetime as dt
import io

from pypdf import PdfReader

from mægler_app.domain.numbers import parse_kr
from mægler_app.reports.expense_report import expense_csv_text, write_expense_csv, write_expense_pdf
from mægler_app.store.services import blobs
from mægler_app.store.services import expenses as svc

from .meetings_support import make_network


def _fill(store, tmp_path):  # type: ignore[no-untyped-def]
    net = make_network(store, name="Fødevarenetværket")
    bon = tmp_path / "bon.pdf"
    bon.write_bytes(b"%PDF-1.4 bon")
    blob = blobs.store_file(store, bon)
    svc.save_expense(
        store,
        svc.ExpenseInput(
            net.network_id,
            dt.date(2026, 3, 10),
            parse_kr("1.234,50"),
            "meeting_room",
            "Lokaleleje; Herning",
            receipt_sha256=blob.sha256,
            receipt_name="bon.pdf",
        ),
    )
    svc.save_expense(
        store,
        svc.ExpenseInput(
            net.network_id, dt.date(2026, 3, 11), parse_kr("600,00"), "materials", 'Tryksager "A4"'
        ),
    )
    svc.save_expense(
        store,
        svc.ExpenseInput(
            net.network_id,
            dt.date(2026, 4, 2),
            parse_kr("24.000,00"),
            "speaker",
            "Oplægsholder",
            receipt_sha256=blob.sha256,
            receipt_name="bon.pdf",
            override_reason="Godkendt af Væksthus pr. telefon",
        ),
    )
    return net


def test_expense_pdf_reads_back(store, tmp_path) -> None:
    net = _fill(store, tmp_path)
    data = svc.expense_report_data(store, net.network_id, broker="Anna Mægler")
    path = write_expense_pdf(data, tmp_path / "rapport.pdf")
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Udgiftsrapport: faciliteringsrammen" in text
    assert "Fødevarenetværket" in text
    assert "1.234,50 kr." in text and "24.000,00 kr." in text
    assert "25.234,50 kr." in text  # spent: the two final expenses
    assert "-" + "234,50 kr." in text.replace("−", "-")  # remaining is negative: over the frame
    assert "Godkendt af Væksthus pr. telefon" in text
    assert "Kladde" in text and "Mangler" in text  # the 600 kr. without a receipt
    assert "Side 1 af" in text
    assert reader.metadata.title == "Udgiftsrapport: Fødevarenetværket"


def test_expense_csv_for_danish_excel(store, tmp_path) -> None:
    net = _fill(store, tmp_path)
    data = svc.expense_report_data(store, net.network_id)
    path = write_expense_csv(data, tmp_path / "rapport.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:6] == ["Netværk", "Dato", "Kategori", "Beskrivelse", "Møde", "Beløb (kr.)"]
    body = rows[1:4]
    assert [r[1] for r in body] == ["10-03-2026", "11-03-2026", "02-04-2026"]
    assert [r[5] for r in body] == ["1234,50", "600,00", "24000,00"]
    assert body[0][3] == "Lokaleleje; Herning"  # a ';' in text is quoted, not a new column
    assert body[1][3] == 'Tryksager "A4"'
    assert [r[6] for r in body] == ["Endelig", "Kladde", "Endelig"]
    assert body[2][9] == "Godkendt af Væksthus pr. telefon"
    totals = {r[2]: r[5] for r in rows[5:]}
    assert totals["Brugt (endelige udgifter)"] == "25234,50"
    assert totals["Tilbage"] == "-234,50"
    assert expense_csv_text(data) == raw.decode("utf-8-sig")
