"""A network's facilitation expenses for Væksthus: a PDF and a ``;``-separated CSV for Danish Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.language import in_danish
from ..domain.messages import Msg  # --- retention
from ..domain.numbers import format_date, format_date_numeric, format_kr
from ..domain.vocab import ExpenseStatus
from . import meetings_template as tpl

if TYPE_CHECKING:
    from ..store.services.expenses import ExpenseReportData, ExpenseRow

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


@in_danish  # --- english: documents stay Danish
def write_expense_csv(data: ExpenseReportData, path: Path | str) -> Path:
    target = Path(path)
    # A byte-order mark makes Excel read the file as UTF-8, so æ, ø and å survive.
    target.write_text(expense_csv_text(data), encoding="utf-8-sig", newline="")
    return target


def expense_story(data: ExpenseReportData) -> list[Flowable]:
    st = tpl.styles()
    b = data.budget
    story: list[Flowable] = [
        tpl.para("Udgiftsrapport: faciliteringsrammen", st["title"]),
        tpl.para(b.network, st["subtitle"]),
    ]
    opened = format_date(b.opened_on) if b.opened_on else "Screeningen er ikke bestået endnu"
    facts: list[list[Any]] = [
        [tpl.para("Rammen åbnet", st["cell_head"]), tpl.para(opened, st["cell"])],
    ]
    if b.closed_on:
        facts.append(
            [tpl.para("Netværket lukket", st["cell_head"]), tpl.para(format_date(b.closed_on), st["cell"])]
        )
    if data.broker:
        facts.append([tpl.para("Netværksmægler", st["cell_head"]), tpl.para(data.broker, st["cell"])])
    facts.append([tpl.para("Opgjort", st["cell_head"]), tpl.para(format_date(data.made_on), st["cell"])])
    story.append(tpl.table(facts, [38 * mm, tpl.CONTENT_WIDTH - 38 * mm], header=False, zebra=False))

    story.append(tpl.para("Budget", st["h2"]))
    money: list[list[Any]] = [
        [tpl.para("Ramme", st["cell"]), tpl.para(format_kr(b.frame_ore), st["cell_right"])],
        [
            tpl.para("Brugt (endelige udgifter)", st["cell"]),
            tpl.para(format_kr(b.spent_ore), st["cell_right"]),
        ],
        [
            tpl.para("Planlagt (anslået udgift til kommende møder)", st["cell"]),
            tpl.para(format_kr(b.committed_ore), st["cell_right"]),
        ],
        [tpl.para("Tilbage", st["cell_head"]), tpl.para(format_kr(b.remaining_ore), st["cell_head_right"])],
    ]
    story.append(tpl.table(money, [95 * mm, 40 * mm], header=False, total_row=True, zebra=False))
    if b.draft_ore:
        story.append(
            tpl.para(
                f"Desuden {format_kr(b.draft_ore)} i kladder, der venter på kvittering og ikke er talt med.",
                st["small"],
            )
        )
    warning = b.warning()
    if warning:
        story.append(tpl.para(warning, st["warning"]))

    story.append(tpl.para("Udgifter", st["h2"]))
    if data.expenses:
        head = ["Dato", "Kategori", "Beskrivelse", "Kvittering", "Status", "Beløb"]
        rows: list[list[Any]] = [
            [tpl.para(h, st["cell_head_right" if h == "Beløb" else "cell_head"]) for h in head]
        ]
        for e in data.expenses:
            text = e.description + (f"\nMøde: {e.meeting}" if e.meeting else "")
            if e.override_reason:
                text += "\nOver rammen, begrundelse sendt til Væksthus"
            if e.keep_until:  # --- retention
                text += f"\n{Msg.RETENTION_KEEP_UNTIL(d=e.keep_until)}"
            rows.append(
                [
                    tpl.para(format_date(e.spent_on), st["cell"]),
                    tpl.para(e.category_label, st["cell"]),
                    tpl.para(text, st["cell"]),
                    tpl.para(_receipt_text(e), st["cell"]),
                    tpl.para(STATUS_LABELS.get(e.status, e.status), st["cell"]),
                    tpl.para(format_kr(e.amount_ore), st["cell_right"]),
                ]
            )
        final = sum(e.amount_ore for e in data.expenses if e.status == ExpenseStatus.FINAL)
        rows.append(
            [
                tpl.para("", st["cell"]),
                tpl.para("", st["cell"]),
                tpl.para("I alt, endelige udgifter", st["cell_head"]),
                tpl.para("", st["cell"]),
                tpl.para("", st["cell"]),
                tpl.para(format_kr(final), st["cell_head_right"]),
            ]
        )
        widths = [31 * mm, 27 * mm, tpl.CONTENT_WIDTH - 131 * mm, 27 * mm, 18 * mm, 28 * mm]
        story.append(tpl.table(rows, widths, total_row=True))
    else:
        story.append(tpl.para("Der er ikke registreret udgifter.", st["small"]))

    flagged = [e for e in data.expenses if e.override_reason]
    if flagged:
        block: list[Flowable] = [tpl.para("Overskridelser af rammen (til Væksthus)", st["h2"])]
        for e in flagged:
            block.append(
                tpl.para(
                    f"{format_date(e.spent_on)}, {e.description}, {format_kr(e.amount_ore)}: {e.override_reason}",
                    st["body"],
                )
            )
        story.append(KeepTogether(block))
    story.append(Spacer(1, 6 * mm))
    story.append(
        tpl.para(
            "Faciliteringen er gratis for virksomhederne; udgifterne dækkes af rammen pr. netværk "
            f"på {format_kr(b.frame_ore)} (programmets afsnit 3, pkt. 4).",
            st["small"],
        )
    )
    return story


@in_danish  # --- english: documents stay Danish
def write_expense_pdf(data: ExpenseReportData, path: Path | str) -> Path:
    return tpl.build(
        path,
        expense_story(data),
        title=f"Udgiftsrapport: {data.budget.network}",
        header=f"Udgiftsrapport · {data.budget.network}",
        footer="Faciliteringsudgifter",
        broker=data.broker,
    )
