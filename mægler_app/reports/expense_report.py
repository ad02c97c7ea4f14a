"""A network's facilitation expenses for Væksthus: a PDF and a ``;``-separated CSV for Danish Excel.

Takes only ``domain.expenses.ExpenseReportData`` (``store.services.expenses.expense_report_data``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from ..domain.expenses import ExpenseReportData, ExpenseRow
from ..domain.messages import Msg
from ..domain.numbers import format_date, format_date_numeric, format_kr
from ..domain.vocab import ExpenseStatus
from .template import ReportDocument, grid_table, heading, key_value_table, para, spacer, title_block

STATUS_LABELS: dict[str, str] = {ExpenseStatus.FINAL: "Endelig", ExpenseStatus.DRAFT: "Kladde"}


def _receipt_text(e: ExpenseRow) -> str:
    if e.receipt_sha256:
        return e.receipt_name or "Vedhæftet"
    return "Mangler" if e.missing_receipt else "–"


def _excel_amount(ore: int) -> str:
    """``123450`` → ``1234,50``: no thousands separator, so Danish Excel reads it as a number."""
    return format_kr(ore, suffix=False, grouping=False)


def expense_csv_text(data: ExpenseReportData) -> str:
    """The report as CSV text: ``;`` between fields, dates dd-mm-åååå, amounts with decimal comma."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(
        [
            "Netværk",
            "Dato",
            "Kategori",
            "Beskrivelse",
            "Møde",
            "Beløb (kr.)",
            "Status",
            "Kvittering",
            "Kvittering SHA-256",
            "Begrundelse for overskridelse",
        ]
    )
    for e in data.expenses:
        w.writerow(
            [
                e.network,
                format_date_numeric(e.spent_on),
                e.category_label,
                e.description,
                e.meeting,
                _excel_amount(e.amount_ore),
                STATUS_LABELS.get(e.status, e.status),
                _receipt_text(e),
                e.receipt_sha256,
                e.override_reason,
            ]
        )
    b = data.budget
    w.writerow([])
    for label, ore in (
        ("Ramme", b.frame_ore),
        ("Brugt (endelige udgifter)", b.spent_ore),
        ("Planlagt (kommende møder)", b.committed_ore),
        ("Tilbage", b.remaining_ore),
        ("Kladder uden kvittering", b.draft_ore),
    ):
        w.writerow([b.network, "", label, "", "", _excel_amount(ore), "", "", "", ""])
    return buf.getvalue()


def write_expense_csv(data: ExpenseReportData, path: Path | str) -> Path:
    target = Path(path)
    # A byte-order mark makes Excel read the file as UTF-8, so æ, ø and å survive.
    target.write_text(expense_csv_text(data), encoding="utf-8-sig", newline="")
    return target


def expense_story(data: ExpenseReportData) -> list[Flowable]:
    b = data.budget
    story: list[Flowable] = title_block("Udgiftsrapport: faciliteringsrammen", subtitle=b.network)
    facts: list[tuple[str, Any]] = [
        ("Rammen åbnet", format_date(b.opened_on) if b.opened_on else "Screeningen er ikke bestået endnu")
    ]
    if b.closed_on:
        facts.append(("Netværket lukket", format_date(b.closed_on)))
    if data.broker:
        facts.append(("Netværksmægler", data.broker))
    facts.append(("Opgjort", format_date(data.made_on)))
    story.append(key_value_table(facts, 38 * mm))

    story.append(heading("Budget", 2))
    money: list[tuple[str, Any]] = [
        ("Ramme", format_kr(b.frame_ore)),
        ("Brugt (endelige udgifter)", format_kr(b.spent_ore)),
        ("Planlagt (anslået udgift til kommende møder)", format_kr(b.committed_ore)),
        ("Tilbage", format_kr(b.remaining_ore)),
    ]
    story.append(key_value_table(money, 95 * mm, width=135 * mm, right=True, total_row=True, bold_keys=False))
    if b.draft_ore:
        story.append(
            para(
                f"Desuden {format_kr(b.draft_ore)} i kladder, der venter på kvittering og ikke er talt med.",
                "small",
            )
        )
    warning = b.warning()
    if warning:
        story.append(para(warning, "warning"))

    story.append(heading("Udgifter", 2))
    if data.expenses:
        rows: list[list[Any]] = []
        for e in data.expenses:
            text = e.description + (f"\nMøde: {e.meeting}" if e.meeting else "")
            if e.override_reason:
                text += "\nOver rammen, begrundelse sendt til Væksthus"
            if e.keep_until:
                text += f"\n{Msg.RETENTION_KEEP_UNTIL(d=e.keep_until)}"
            rows.append(
                [
                    format_date(e.spent_on),
                    e.category_label,
                    text,
                    _receipt_text(e),
                    STATUS_LABELS.get(e.status, e.status),
                    format_kr(e.amount_ore),
                ]
            )
        final = sum(e.amount_ore for e in data.expenses if e.status == ExpenseStatus.FINAL)
        rows.append(["", "", "I alt, endelige udgifter", "", "", format_kr(final)])
        story.append(
            grid_table(
                ["Dato", "Kategori", "Beskrivelse", "Kvittering", "Status", "Beløb"],
                rows,
                [32, 20, 43, 33, 14, 24],
                right=[5],
                total_row=True,
            )
        )
    else:
        story.append(para("Der er ikke registreret udgifter.", "small"))

    flagged = [e for e in data.expenses if e.override_reason]
    if flagged:
        block: list[Flowable] = [heading("Overskridelser af rammen (til Væksthus)", 2)]
        for e in flagged:
            block.append(
                para(
                    f"{format_date(e.spent_on)}, {e.description}, {format_kr(e.amount_ore)}: {e.override_reason}"
                )
            )
        story.append(KeepTogether(block))
    story += [
        spacer(6),
        para(
            "Faciliteringen er gratis for virksomhederne; udgifterne dækkes af rammen pr. netværk "
            f"på {format_kr(b.frame_ore)} (programmets afsnit 3, pkt. 4).",
            "small",
        ),
    ]
    return story


def write_expense_pdf(data: ExpenseReportData, path: Path | str) -> Path:
    return ReportDocument(
        path,
        f"Udgiftsrapport: {data.budget.network}",
        header_right=f"Udgiftsrapport · {data.budget.network}",
        subject="Faciliteringsudgifter",
        broker=data.broker,
    ).build(expense_story(data))
