"""The index of a network's audit file (issue 22, item 3): every file in the ZIP with what it is, its
date and its keep-until date; the receipts that are missing; the action plan and the stage history
as sections of their own (they have no PDF elsewhere).

Takes only ``domain.report_data.AuditIndex`` (``reports.audit_file`` makes it from the audit file's
plain data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from ..domain.audit import KEEP_UNTIL_NOT_SET, AuditSource, IndexEntry, ReceiptItem
from ..domain.numbers import format_date, format_datetime, format_kr
from ..domain.report_data import AuditIndex
from ..domain.stages import STAGE_LABELS, Stage
from ..domain.vocab import ACTION_PLAN_ELEMENTS, CLOSE_REASONS
from .template import (
    ACCENT,
    CONTENT_WIDTH,
    FAILED_BG,
    FONT,
    RULE,
    ZEBRA,
    ReportDocument,
    boxed,
    grid_table,
    heading,
    key_value_table,
    para,
    spacer,
    title_block,
)


def keep_text(day: dt.date | None) -> str:
    return format_date(day) if day is not None else KEEP_UNTIL_NOT_SET


def files_table(entries: list[IndexEntry]) -> Flowable:
    """Each file on two rows: its path across the page (what the auditor looks for in the ZIP, never
    broken over two lines), then what it is, its date and its keep-until date."""
    data: list[list[Any]] = [[para(h, "cell_bold") for h in ("Fil og indhold", "Dato", "Opbevares til")]]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the spanned-over empty cells too
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for i, e in enumerate(entries):
        top = len(data)
        # "path": small enough that the longest name Mægler makes (a 60-letter network) fits on a line
        data.append([para(e.path, "path"), "", ""])
        data.append(
            [
                para(e.what, "cell_muted"),
                para(format_date(e.day) if e.day else "–", "cell"),
                para(keep_text(e.keep_until), "cell"),
            ]
        )
        style += [
            ("SPAN", (0, top), (-1, top)),
            ("TOPPADDING", (0, top), (-1, top), 4),
            ("BOTTOMPADDING", (0, top + 1), (-1, top + 1), 4),
            ("LINEBELOW", (0, top + 1), (-1, top + 1), 0.3, RULE),
        ]
        if i % 2:
            style.append(("BACKGROUND", (0, top), (-1, top + 1), ZEBRA))
    table = Table(
        data, colWidths=[CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2], repeatRows=1
    )
    table.setStyle(TableStyle(style))
    return table


def _missing(receipts: list[ReceiptItem]) -> list[Flowable]:
    if not receipts:
        return []
    rows = [
        [
            r.name or "kvittering",
            f"{format_date(r.spent_on)}: {r.description} ({format_kr(r.amount_ore)})",
            r.sha256[:16] + "…",
        ]
        for r in receipts
    ]
    note = para(
        f"{len(receipts)} {'kvittering er' if len(receipts) == 1 else 'kvitteringer er'} vedhæftet en udgift, "
        "men findes ikke i denne profil endnu (den hentes ved næste synkronisering). "
        "Lav revisionsfilen igen efter en synkronisering for at få den med.",
        "cell",
    )
    return [
        KeepTogether(
            [
                heading("Kvitteringer, der mangler i filen"),
                boxed([note], FAILED_BG),
                spacer(2),
                grid_table(["Kvittering", "Udgift", "SHA-256 (start)"], rows, [30, 50, 20]),
            ]
        )
    ]


def _action_plan(src: AuditSource, keep: dt.date | None) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(60 * mm), heading("Handlingsplan")]
    plan = src.action_plan
    if plan is None:
        story.append(
            para("Netværket har ingen bevilget ansøgning, og dermed ingen handlingsplan.", "cell_muted")
        )
        return story
    story.append(
        key_value_table(
            [
                (
                    "Periode",
                    f"{format_date(plan.start_date) or 'ikke angivet'} – {format_date(plan.end_date) or 'ikke angivet'}",
                ),
                (
                    "Bevilget periode",
                    f"{plan.period_months} måneder" if plan.period_months else "ikke angivet",
                ),
                ("Elementer på plads", f"{plan.done} af {plan.total}"),
                (
                    "Trin 3",
                    format_date(plan.stage_3_on) if plan.stage_3_on else "ikke nået",
                ),
                ("Opbevares til", keep_text(keep)),
            ]
        )
    )
    story.append(spacer(2))
    rows = [
        [ACTION_PLAN_ELEMENTS.get(k, k), "På plads" if v else "Mangler"] for k, v in plan.elements.items()
    ]
    story.append(grid_table(["Element (ansøgningen, 3. Indhold, pkt. 5)", "Status"], rows, [75, 25]))
    if plan.notes:
        story += [heading("Noter", 2), para(plan.notes)]
    if plan.stage_3_evidence:
        story += [heading("Dokumentation for trin 3", 2), para(plan.stage_3_evidence)]
    for warning in plan.warnings:
        story.append(para(f"• {warning}", "small"))
    return story


def _stage_history(src: AuditSource, keep: dt.date | None) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(50 * mm), heading("Stadiehistorik")]
    # (day, order, shown time, event): oldest first; a date without a time after that day's moves
    events: list[tuple[dt.date, int, str, str]] = []
    for move in src.stage_moves:
        what = (
            "Oprettet som kandidat"
            if move.stage == Stage.CANDIDATE
            else f"Flyttet til »{STAGE_LABELS[move.stage]}«"
        )
        if move.stage == Stage.CLOSED and src.closed_reason:
            reason = CLOSE_REASONS.get(src.closed_reason, src.closed_reason)
            what = f"Afsluttet: {reason}. {src.closed_reason_text}".strip()
        events.append((move.at.astimezone().date(), 0, format_datetime(move.at), what))
    if src.facilitation_opened_on:
        events.append(
            (
                src.facilitation_opened_on,
                1,
                format_date(src.facilitation_opened_on),
                "Faciliteringsrammen åbnet",
            )
        )
    if src.stage_3_on and not any(m.stage == Stage.STAGE_3 for m in src.stage_moves):
        events.append((src.stage_3_on, 1, format_date(src.stage_3_on), "Trin 3 nået (forretningsnetværk)"))
    rows = [[when, what] for _day, _order, when, what in sorted(events, key=lambda e: (e[0], e[1]))]
    if not rows:
        story.append(para("Der er ikke registreret stadieskift.", "cell_muted"))
    else:
        story.append(grid_table(["Tidspunkt", "Hændelse"], rows, [30, 70]))
    story.append(spacer(1.5))
    story.append(
        para(
            f"Nuværende stadie: {STAGE_LABELS.get(src.stage, str(src.stage))}. Opbevares til: {keep_text(keep)}.",
            "small",
        )
    )
    return story


def index_story(index: AuditIndex) -> list[Flowable]:
    src, entries = index.source, index.entries
    made_by = "Væksthus (sagsbehandler)" if src.made_by_caseworker else "Netværksmægleren"
    story: list[Flowable] = [
        *title_block(src.network_name, kicker="Revisionsfil · Midtjysk Klyngeprogram"),
        spacer(2),
        key_value_table(
            [
                ("Netværk", src.network_name),
                ("Netværksmægler", src.broker or "ikke angivet"),
                ("Stadie", STAGE_LABELS.get(src.stage, str(src.stage))),
                ("Udarbejdet", f"{format_datetime(src.made_at)} af {made_by.lower()}"),
                ("Filer", f"{len(entries)} i ZIP-filen, dette indeks medregnet"),
                ("Opbevares til", keep_text(index.index_keep)),
            ]
        ),
        spacer(3),
        para(
            "Indekset viser hver fil i revisionsfilen med sin sti, hvad den er, dens dato og hvor længe den "
            f"opbevares. »{KEEP_UNTIL_NOT_SET}« betyder, at opbevaringsfristen endnu ikke er fastsat for "
            "dokumentet. Planlagte møder, der ikke er holdt, har intet referat og er ikke med.",
            "small",
        ),
        heading("Filer i revisionsfilen"),
        files_table(entries),
    ]
    story += _missing(src.missing_receipts)
    story += _action_plan(src, index.plan_keep)
    story += _stage_history(src, index.history_keep)
    return story


def write_index_pdf(index: AuditIndex, path: str | Path) -> Path:
    src = index.source
    doc = ReportDocument(
        path,
        f"Revisionsfil: {src.network_name}",
        header_right=f"Revisionsfil · {src.network_name}",
        broker=src.broker,
        subject=f"Indeks over revisionsfilen for {src.network_name}",
        printed_on=src.made_at.astimezone().date(),
    )
    return doc.build(index_story(index))
