"""The minutes of a facilitation meeting as a PDF (issue 5)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.language import in_danish
from ..domain.messages import Msg  # --- retention
from ..domain.numbers import format_date, format_datetime, format_kr
from ..domain.rules import GUSTAVSSON_DIMENSIONS, MEETING_KINDS
from . import meetings_template as tpl

if TYPE_CHECKING:
    from ..store.services.meetings import MeetingDetail


def meeting_story(detail: MeetingDetail, broker: str = "") -> list[Flowable]:
    st = tpl.styles()
    m = detail.data
    kind = MEETING_KINDS.get(m.kind, m.kind)
    story: list[Flowable] = [
        tpl.para("Planlagt møde" if m.planned else "Referat", st["title"]),
        tpl.para(f"{kind} · {detail.network}", st["subtitle"]),
    ]
    facts: list[list[Any]] = [
        [tpl.para("Tidspunkt", st["cell_head"]), tpl.para(format_datetime(m.starts_at), st["cell"])],
        [tpl.para("Mødetype", st["cell_head"]), tpl.para(kind, st["cell"])],
        [tpl.para("Sted", st["cell_head"]), tpl.para(m.place or "–", st["cell"])],
        [tpl.para("Netværk", st["cell_head"]), tpl.para(detail.network, st["cell"])],
    ]
    if broker:
        facts.append([tpl.para("Netværksmægler", st["cell_head"]), tpl.para(broker, st["cell"])])
    if m.planned and m.estimated_cost_ore:
        facts.append(
            [
                tpl.para("Anslået udgift", st["cell_head"]),
                tpl.para(format_kr(m.estimated_cost_ore), st["cell"]),
            ]
        )
    story.append(tpl.table(facts, [38 * mm, tpl.CONTENT_WIDTH - 38 * mm], header=False, zebra=False))

    story.append(tpl.para("Deltagere", st["h2"]))
    people: list[list[Any]] = [
        [tpl.para(h, st["cell_head"]) for h in ("Navn", "Virksomhed", "Rolle")],
    ]
    for p in detail.participants:
        people.append(
            [tpl.para(p.name, st["cell"]), tpl.para(p.company, st["cell"]), tpl.para(p.role, st["cell"])]
        )
    if len(people) > 1:
        story.append(tpl.table(people, [55 * mm, 65 * mm, tpl.CONTENT_WIDTH - 120 * mm]))
    others = m.other_participants.strip()
    if others:
        story.append(Spacer(1, 2 * mm))
        story.append(tpl.para(f"Øvrige deltagere: {others}", st["body"]))
    if len(people) == 1 and not others:
        story.append(tpl.para("Ingen deltagere registreret.", st["small"]))

    for heading, text in (("Dagsorden", m.agenda), ("Referat", m.minutes), ("Beslutninger", m.decisions)):
        story.append(tpl.para(heading, st["h2"]))
        story.append(tpl.para(text or "–", st["body"]))

    story.append(tpl.para("Næste skridt", st["h2"]))
    if m.next_steps:
        rows: list[list[Any]] = [
            [tpl.para(h, st["cell_head"]) for h in ("Opgave", "Ansvarlig", "Frist", "Status")]
        ]
        for step in m.next_steps:
            rows.append(
                [
                    tpl.para(step.text, st["cell"]),
                    tpl.para(step.owner, st["cell"]),
                    tpl.para(format_date(step.due), st["cell"]),
                    tpl.para("Udført" if step.done else "Åben", st["cell"]),
                ]
            )
        story.append(tpl.table(rows, [tpl.CONTENT_WIDTH - 115 * mm, 45 * mm, 40 * mm, 30 * mm]))
    else:
        story.append(tpl.para("Ingen næste skridt aftalt.", st["small"]))

    dims: list[list[Any]] = [[tpl.para(h, st["cell_head"]) for h in ("Dimension", "Flyttet på mødet")]]
    for key, label in GUSTAVSSON_DIMENSIONS.items():
        dims.append([tpl.para(label, st["cell"]), tpl.para("Ja" if key in m.dimensions else "–", st["cell"])])
    story.append(
        KeepTogether(
            [
                tpl.para("Netværksdannelse (Gustavssons model)", st["h2"]),
                tpl.table(dims, [70 * mm, 40 * mm]),
            ]
        )
    )
    if detail.keep_until:
        story.append(Spacer(1, 4 * mm))
        story.append(
            tpl.para(f"{Msg.RETENTION_KEEP_UNTIL(d=detail.keep_until)}.", st["small"])
        )  # --- retention
    return story


@in_danish  # --- english: documents stay Danish
def write_meeting_pdf(detail: MeetingDetail, path: Path | str, broker: str = "") -> Path:
    kind = MEETING_KINDS.get(detail.data.kind, detail.data.kind)
    return tpl.build(
        path,
        meeting_story(detail, broker),
        title=f"Referat: {kind}, {format_date(detail.data.starts_at)}",
        header=f"Referat · {detail.network}",
        footer="Mødereferat fra netværksmægleren",
        broker=broker,
    )
