"""The screening as a PDF for Væksthus: network, members with CVR, every answer, verdict and reasons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..domain.language import in_danish
from ..domain.numbers import format_date, format_datetime
from ..domain.rules import FOCUS_AREAS, MEMBER_ROLES, NETWORK_TYPES
from ..domain.stages import STAGE_LABELS, Stage
from ..forms import NOT_PASSED, PASSED, VERDICT_LABELS, Slot, display_value, get_answer
from ..forms.engine import comment_of
from .base import (
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
)

if TYPE_CHECKING:
    from ..store.services.screening import ScreeningReport

UNANSWERED = "ikke besvaret"


def _stage_label(stage: str) -> str:
    try:
        return STAGE_LABELS[Stage(stage)]
    except ValueError:
        return stage


def _verdict_box(report: ScreeningReport) -> Flowable:
    view = report.screening
    if view.is_final:
        verdict, reasons = view.verdict, view.reasons
        title = f"Resultat: {VERDICT_LABELS.get(verdict, verdict)}"
    else:
        ev = report.evaluation
        verdict, reasons = ev.verdict, ev.reasons
        missing = len(ev.issues)
        title = f"Foreløbig vurdering (kladde): {VERDICT_LABELS.get(verdict, verdict)}"
        if missing:
            reasons = [*reasons, f"Screeningen er ikke afsluttet: {missing} svar mangler eller er forkerte."]
    background = PASSED_BG if verdict == PASSED else FAILED_BG if verdict == NOT_PASSED else NEUTRAL_BG
    border = ACCENT if verdict == PASSED else None
    items: list[Flowable] = [para(title, "verdict"), spacer(1.5)]
    items += [para(f"• {r}") for r in reasons]
    return boxed(items, background, border)


def _members_table(report: ScreeningReport) -> Flowable:
    rows = []
    for m in report.members:
        rows.append(
            [
                m.name,
                m.cvr,
                "" if m.employees is None else str(m.employees),
                "Videninstitution" if m.is_knowledge_institution else MEMBER_ROLES.get(m.role, m.role),
                FOCUS_AREAS.get(m.focus_area, m.focus_area),
            ]
        )
    if not rows:
        return para("Netværket har ingen medlemmer registreret.", "cell_muted")
    return grid_table(["Virksomhed", "CVR", "Ansatte", "Rolle", "Fokusområde"], rows, [34, 12, 9, 17, 16])


def _answer_cells(slot: Slot, answers: dict[str, Any]) -> list[Any]:
    value = get_answer(answers, slot)
    shown = display_value(slot.question, value)
    answer = para(shown, "cell") if shown else para(UNANSWERED, "cell_muted")
    return [slot.question.label, answer, comment_of(value)]


def _sections(report: ScreeningReport) -> list[Flowable]:
    answers = report.screening.answers
    relevant = report.evaluation.relevant
    story: list[Flowable] = []
    header = ["Spørgsmål", "Svar", "Kommentar"]
    widths = [48, 20, 32]
    for sec in report.definition.sections:
        in_section = [s for s in relevant if s.section.id == sec.id]
        if not in_section:
            continue
        title: list[Flowable] = [heading(sec.title)]
        if sec.source:
            title.append(para(f"Kilde: {sec.source}", "small"))
        # A heading never ends a page alone; long tables may run on, their header row repeats.
        story.append(CondPageBreak(50 * mm))
        if sec.repeat or len(in_section) > 10:
            story += title
        groups = (
            [[s for s in in_section if s.member == m] for m in report.members] if sec.repeat else [in_section]
        )
        for group in groups:
            if not group:
                continue
            table = _answer_table(group, answers, header, widths)
            member = group[0].member
            if member is None:
                # A short section stays with its heading; a long one may run onto the next page.
                story.append(KeepTogether([*title, table]) if len(group) <= 10 else table)
                continue
            who = f"{member.name} (CVR {member.cvr})" if member.cvr else member.name
            story.append(KeepTogether([heading(who, 2), table]))
    return story


def _answer_table(
    group: list[Slot], answers: dict[str, Any], header: list[str], widths: list[int]
) -> Flowable:
    rows = [_answer_cells(s, answers) for s in group]
    # Free text answers are long: let them use the comment column as well.
    wide = [i for i, s in enumerate(group) if s.question.kind == "text"]
    return grid_table(header, rows, widths, wide_rows=wide)


def build_story(report: ScreeningReport) -> list[Flowable]:
    view = report.screening
    defn = report.definition
    status = (
        f"Afsluttet {format_datetime(view.finalized_at)}"
        if view.is_final and view.finalized_at is not None
        else f"Kladde, ikke afsluttet (senest gemt {format_datetime(view.updated_at)})"
    )
    type_label = NETWORK_TYPES.get(report.network_type, (report.network_type, ""))[0]
    story: list[Flowable] = [
        para("Screening af netværk · rapport til Væksthus Midtjylland", "kicker"),
        para(report.network_name, "title"),
        spacer(2),
        key_value_table(
            [
                ("Netværk", report.network_name),
                ("Netværkstype", type_label or "ikke angivet"),
                ("Stadie", _stage_label(report.network_stage)),
                ("Netværksmægler", report.broker or "ikke angivet"),
                ("Dato", format_date(view.finalized_at or view.updated_at)),
                ("Status", status),
                ("Skema", f"{defn.title}, version {view.form_version} (id »{view.form_id}«)"),
                # --- retention
                (
                    "Opbevares til",
                    format_date(view.keep_until)
                    if view.keep_until
                    else "fastsættes, når screeningen afsluttes",
                ),
            ]
        ),
        spacer(4),
        _verdict_box(report),
        heading("Deltagende virksomheder"),
        _members_table(report),
    ]
    if defn.derived:
        story.append(heading("Nøgletal"))
        story.append(
            key_value_table(
                [
                    (
                        d.label,
                        ""
                        if report.evaluation.derived.get(d.id) is None
                        else report.evaluation.derived[d.id],
                    )
                    for d in defn.derived
                ],
                key_width=90 * mm,
            )
        )
    story += _sections(report)
    story += [
        spacer(6),
        para(
            f"Udarbejdet af {report.broker or 'netværksmægleren'} med {defn.title.lower()}, version {view.form_version}. "
            "Skemaet er mæglerens afrapportering af screeningen til Væksthus Midtjylland "
            "(ansøgningen, 3. Indhold, pkt. 4).",
            "small",
        ),
    ]
    return story


@in_danish  # --- english: documents stay Danish
def write_screening_pdf(report: ScreeningReport, path: str | Path) -> Path:
    """Write the report; returns the path. Runs in a worker thread in the app."""
    doc = ReportDocument(
        path,
        f"Screening: {report.network_name}",
        header_right=f"Screening · {report.network_name}",
        broker=report.broker,
        subject=f"Screening af {report.network_name} ({report.definition.id} version {report.screening.form_version})",
    )
    return doc.build(build_story(report))
