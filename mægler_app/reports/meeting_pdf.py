"""The minutes of a facilitation meeting as a PDF (issue 5).

Takes only ``domain.report_data.MeetingReport`` (``store.services.meetings.meeting_report_data``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from ..domain.messages import Msg
from ..domain.numbers import format_date, format_datetime, format_kr
from ..domain.report_data import MeetingReport
from ..domain.rules import GUSTAVSSON_DIMENSIONS, MEETING_KINDS
from .template import ReportDocument, grid_table, heading, key_value_table, para, spacer, title_block


def meeting_story(report: MeetingReport) -> list[Flowable]:
    detail = report.meeting
    m = detail.data
    kind = MEETING_KINDS.get(m.kind, m.kind)
    story: list[Flowable] = title_block(
        "Planlagt møde" if m.planned else "Referat", subtitle=f"{kind} · {detail.network}"
    )
    facts: list[tuple[str, Any]] = [
        ("Tidspunkt", format_datetime(m.starts_at)),
        ("Mødetype", kind),
        ("Sted", m.place or "–"),
        ("Netværk", detail.network),
    ]
    if report.broker:
        facts.append(("Netværksmægler", report.broker))
    if m.planned and m.estimated_cost_ore:
        facts.append(("Anslået udgift", format_kr(m.estimated_cost_ore)))
    story.append(key_value_table(facts, 38 * mm))

    story.append(heading("Deltagere", 2))
    others = m.other_participants.strip()
    if detail.participants:
        story.append(
            grid_table(
                ["Navn", "Virksomhed", "Rolle"],
                [[p.name, p.company, p.role] for p in detail.participants],
                [55, 65, 50],
            )
        )
    if others:
        story += [spacer(2), para(f"Øvrige deltagere: {others}")]
    if not detail.participants and not others:
        story.append(para("Ingen deltagere registreret.", "small"))

    for title, text in (("Dagsorden", m.agenda), ("Referat", m.minutes), ("Beslutninger", m.decisions)):
        story += [heading(title, 2), para(text or "–")]

    story.append(heading("Næste skridt", 2))
    if m.next_steps:
        rows = [
            [step.text, step.owner, format_date(step.due), "Udført" if step.done else "Åben"]
            for step in m.next_steps
        ]
        story.append(grid_table(["Opgave", "Ansvarlig", "Frist", "Status"], rows, [55, 45, 40, 30]))
    else:
        story.append(para("Ingen næste skridt aftalt.", "small"))

    dims = [[label, "Ja" if key in m.dimensions else "–"] for key, label in GUSTAVSSON_DIMENSIONS.items()]
    story.append(
        KeepTogether(
            [
                heading("Netværksdannelse (Gustavssons model)", 2),
                grid_table(["Dimension", "Flyttet på mødet"], dims, [70, 40], width=110 * mm),
            ]
        )
    )
    if detail.keep_until:
        story += [spacer(4), para(f"{Msg.RETENTION_KEEP_UNTIL(d=detail.keep_until)}.", "small")]
    return story


def write_meeting_pdf(report: MeetingReport, path: Path | str) -> Path:
    m = report.meeting.data
    kind = MEETING_KINDS.get(m.kind, m.kind)
    return ReportDocument(
        path,
        f"Referat: {kind}, {format_date(m.starts_at)}",
        header_right=f"Referat · {report.meeting.network}",
        subject="Mødereferat fra netværksmægleren",
        broker=report.broker,
    ).build(meeting_story(report))
