"""The screening as a PDF for Væksthus: network, members with CVR, every answer, verdict and reasons.

Takes only ``domain.report_data.ScreeningReportData`` (``store.services.screening.screening_report_data``
builds it)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..domain.numbers import format_date, format_datetime
from ..domain.report_data import AnswerGroup, ScreeningReportData, ScreeningSection
from ..domain.vocab import Verdict
from .template import (
    ACCENT,
    FAILED_BG,
    NEUTRAL_BG,
    PASSED_BG,
    ReportDocument,
    boxed,
    grid_table,
    heading,
    key_value_table,
    para,
    spacer,
    title_block,
)

UNANSWERED = "ikke besvaret"
_LONG = 10  # a section with more answers than this may run on over a page break


def _verdict_box(data: ScreeningReportData) -> Flowable:
    verdict = data.verdict
    background = (
        PASSED_BG if verdict == Verdict.PASSED else FAILED_BG if verdict == Verdict.NOT_PASSED else NEUTRAL_BG
    )
    border = ACCENT if verdict == Verdict.PASSED else None
    items: list[Flowable] = [para(data.verdict_title, "verdict"), spacer(1.5)]
    items += [para(f"• {r}") for r in data.reasons]
    return boxed(items, background, border)


def _members_table(data: ScreeningReportData) -> Flowable:
    rows = [
        [m.name, m.cvr, "" if m.employees is None else str(m.employees), m.role, m.focus_area]
        for m in data.members
    ]
    if not rows:
        return para("Netværket har ingen medlemmer registreret.", "cell_muted")
    return grid_table(["Virksomhed", "CVR", "Ansatte", "Rolle", "Fokusområde"], rows, [32, 11, 9, 20, 16])


def _answer_table(group: AnswerGroup) -> Flowable:
    rows = [
        [r.question, para(r.answer, "cell") if r.answer else para(UNANSWERED, "cell_muted"), r.comment]
        for r in group.rows
    ]
    # Free text answers are long: let them use the comment column as well.
    wide = [i for i, r in enumerate(group.rows) if r.free_text]
    return grid_table(["Spørgsmål", "Svar", "Kommentar"], rows, [48, 20, 32], wide_rows=wide)


def _section(sec: ScreeningSection) -> list[Flowable]:
    title: list[Flowable] = [heading(sec.title)]
    if sec.source:
        title.append(para(f"Kilde: {sec.source}", "small"))
    # A heading never ends a page alone; long tables may run on, their header row repeats.
    story: list[Flowable] = [CondPageBreak(50 * mm)]
    if sec.per_member or sec.size > _LONG:
        story += title
    for group in sec.groups:
        table = _answer_table(group)
        if group.member:
            story.append(KeepTogether([heading(group.member, 2), table]))
        else:
            # A short section stays with its heading; a long one may run onto the next page.
            story.append(KeepTogether([*title, table]) if len(group.rows) <= _LONG else table)
    return story


def build_story(data: ScreeningReportData) -> list[Flowable]:
    status = (
        f"Afsluttet {format_datetime(data.finalized_at)}"
        if data.is_final and data.finalized_at is not None
        else f"Kladde, ikke afsluttet (senest gemt {format_datetime(data.updated_at)})"
    )
    story: list[Flowable] = [
        *title_block(data.network_name, kicker="Screening af netværk · rapport til Væksthus Midtjylland"),
        spacer(2),
        key_value_table(
            [
                ("Netværk", data.network_name),
                ("Netværkstype", data.network_type or "ikke angivet"),
                ("Stadie", data.network_stage),
                ("Netværksmægler", data.broker or "ikke angivet"),
                ("Dato", format_date(data.finalized_at or data.updated_at)),
                ("Status", status),
                ("Skema", f"{data.form_title}, version {data.form_version} (id »{data.form_id}«)"),
                (
                    "Opbevares til",
                    format_date(data.keep_until)
                    if data.keep_until
                    else "fastsættes, når screeningen afsluttes",
                ),
            ]
        ),
        spacer(4),
        _verdict_box(data),
        heading("Deltagende virksomheder"),
        _members_table(data),
    ]
    if data.derived:
        story += [heading("Nøgletal"), key_value_table(list(data.derived), key_width=100 * mm)]
    for sec in data.sections:
        story += _section(sec)
    story += [
        spacer(6),
        para(
            f"Udarbejdet af {data.broker or 'netværksmægleren'} med {data.form_title.lower()}, "
            f"version {data.form_version}. Skemaet er mæglerens afrapportering af screeningen til "
            "Væksthus Midtjylland (ansøgningen, 3. Indhold, pkt. 4).",
            "small",
        ),
    ]
    return story


def write_screening_pdf(data: ScreeningReportData, path: str | Path) -> Path:
    """Write the report; returns the path. Runs in a worker thread in the app."""
    doc = ReportDocument(
        path,
        f"Screening: {data.network_name}",
        header_right=f"Screening · {data.network_name}",
        broker=data.broker,
        subject=f"Screening af {data.network_name} ({data.form_id} version {data.form_version})",
    )
    return doc.build(build_story(data))
