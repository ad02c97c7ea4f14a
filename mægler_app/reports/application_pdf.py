"""The application for an action plan as a PDF a Væksthus caseworker can read and print.

Cover page, the network as it stands (members with CVR, core task, goals, screening, the tentative
plan), the four perspectives, the expected growth per company, the consultant and the budget with
each company's share, and Væksthus' decision once there is one.

Takes only ``domain.report_data.ApplicationReport`` (``store.services.applications.application_report_data``
builds it); the page, styles and tables are ``reports.template``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table

from ..domain.application import (
    GROWTH_MEASURES,
    MONEY_MEASURES,
    PERSPECTIVES,
    ApplicationDetail,
    growth_value,
)
from ..domain.cvr import format_cvr
from ..domain.effects import METRICS, CompanyEffects, change_text, growth_text
from ..domain.messages import Msg
from ..domain.names import document_name
from ..domain.numbers import format_date, format_datetime, format_percent_bp
from ..domain.report_data import ApplicationReport
from ..domain.rules import COMPANY_SHARE_PERCENT, MEMBER_ROLES, TARGET_GROWTH_PERCENT_PER_YEAR
from ..domain.vocab import ApplicationStatus, SplitMode
from .template import (
    GOLD,
    WARN_BG,
    ReportDocument,
    boxed,
    grid_table,
    key_value_table,
    kr,
    para,
    section,
    spacer,
)

# --- the application ----------------------------------------------------------------------------

KEY_WIDTH = 56 * mm  # the label column of the application's fact tables

STATUS_TEXT: dict[str, str] = {
    ApplicationStatus.DRAFT: "Kladde – ikke indsendt",
    ApplicationStatus.SUBMITTED: "Indsendt til Væksthus",
    ApplicationStatus.APPROVED: "Bevilget af Væksthus",
    ApplicationStatus.REJECTED: "Afslået af Væksthus",
}


def _text_or_empty(text: str) -> Paragraph:
    return para(text, "body") if text.strip() else para("Ikke udfyldt.", "empty")


def _section(number: int, title: str) -> list[Flowable]:
    return section(f"{number}. {title}")


def _status_line(d: ApplicationDetail) -> str:
    text = STATUS_TEXT.get(d.status, d.status)
    if d.status == ApplicationStatus.SUBMITTED and d.submitted_at:
        text += f" {format_datetime(d.submitted_at)}"
    if d.status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED) and d.decided_at:
        text += f" {format_date(d.decided_at)}"
    return text


def _cover(d: ApplicationDetail, broker: str, printed_on: dt.date) -> list[Flowable]:
    b = d.budget
    n = d.network
    rows: list[tuple[str, Any]] = [
        ("Netværk", n.name),
        ("Netværkstype", n.network_type_label or "Ikke angivet"),
        ("Virksomheder", ", ".join(m.name for m in n.members) or "Ingen"),
        ("Konsulent", _consultant_text(d)),
        ("Konsulenttimer", "" if b.hours is None else str(Msg.UI_HOURS(n=b.hours))),
        ("Forløb", "" if d.draft.period_months is None else str(Msg.UI_MONTHS(n=d.draft.period_months))),
        ("Samlet budget", kr(b.total_ore)),
        (
            f"Virksomhedernes andel ({COMPANY_SHARE_PERCENT} %)",
            kr(b.company_share_ore),
        ),
        ("Status", _status_line(d)),
        ("Version", str(d.revision)),
        ("Netværksmægler", broker or "ikke angivet"),
        ("Dato", format_date(printed_on)),
        # --- retention
        (
            "Opbevares til",
            format_date(d.keep_until) if d.keep_until else "fastsættes, når ansøgningen indsendes",
        ),
    ]
    story: list[Flowable] = [
        spacer(18),
        para("ANSØGNING OM HANDLINGSPLAN", "cover_kicker"),
        spacer(3),
        para(n.name, "cover_title"),
        spacer(3),
        para(
            "Til Væksthus Midtjylland: ansøgning om ekstern konsulent til udarbejdelse af netværkets "
            "handlingsplan (trin 2 i Midtjysk Klyngeprogram).",
            "cover_sub",
        ),
        spacer(10),
        key_value_table(rows, KEY_WIDTH),
    ]
    if d.status == ApplicationStatus.DRAFT:
        story += [
            spacer(8),
            boxed(
                [
                    para(
                        "Dette er en kladde. Den er ikke indsendt til Væksthus og kan stadig ændres.",
                        "body",
                    )
                ],
                WARN_BG,
                GOLD,
            ),
        ]
    story.append(PageBreak())
    return story


def _consultant_text(d: ApplicationDetail) -> str:
    if d.draft.consultant_by_vaeksthus:
        return "Væksthus foreslår en konsulent"
    parts = [p for p in (d.draft.consultant_name, d.draft.consultant_firm) if p.strip()]
    return ", ".join(parts) or "Ikke angivet"


def _network_section(d: ApplicationDetail) -> list[Flowable]:
    n = d.network
    story = _section(1, "Netværket")
    story += [
        key_value_table(
            [
                ("Kerneopgave (hvad)", n.core_task or "Ikke beskrevet"),
                (
                    "Netværkstype",
                    f"{n.network_type_label}: {n.network_type_text}"
                    if n.network_type_label
                    else "Ikke angivet",
                ),
                ("Mål for netværket (hvorfor)", n.goals or "Ikke beskrevet"),
                ("Vilkår og samarbejdsform (hvordan)", n.terms or "Ikke beskrevet"),
            ],
            KEY_WIDTH,
        ),
        para("Deltagere (hvem)", "h2"),
    ]
    rows = [
        [
            m.name,
            format_cvr(m.cvr),
            MEMBER_ROLES.get(m.role, m.role),
            "" if m.employees is None else str(m.employees),
            m.goals or "",
        ]
        for m in n.members
    ]
    story.append(
        grid_table(
            ["Virksomhed", "CVR-nr.", "Rolle", "Ansatte", "Virksomhedens mål"],
            rows,
            [42, 21, 35, 16, 52],
            right=[3],
        )
    )
    story += _section(2, "Screening og tentativ plan")
    if n.screening_verdict:
        verdict = "Bestået" if n.screening_passed else "Ikke bestået"
        rows2: list[tuple[str, Any]] = [
            ("Screening", f"{verdict}, {format_date(n.screening_date)}" if n.screening_date else verdict)
        ]
        if n.screening_reasons:
            rows2.append(("Begrundelse", "\n".join(n.screening_reasons)))
    else:
        rows2 = [("Screening", "Ingen afsluttet screening")]
    plan = n.tentative_plan
    if plan is None:
        rows2.append(("Tentativ plan", "Der er ikke registreret et møde om en tentativ plan."))
    else:
        rows2.append(
            (
                "Tentativ plan",
                f"{format_datetime(plan.starts_at)}" + (f", {plan.place}" if plan.place else ""),
            )
        )
        if plan.agenda:
            rows2.append(("Dagsorden", plan.agenda))
        if plan.minutes:
            rows2.append(("Referat", plan.minutes))
        if plan.decisions:
            rows2.append(("Beslutninger", plan.decisions))
    story.append(key_value_table(rows2, KEY_WIDTH))
    return story


def _growth_table(d: ApplicationDetail) -> Table:
    header = ["Virksomhed", *GROWTH_MEASURES.values()]
    rows = []
    for m in d.network.members:
        figures = d.draft.expected_growth.get(m.company_id, {})
        cells: list[str] = [m.name]
        for measure in GROWTH_MEASURES:
            absolute = growth_value(figures, measure, "abs")
            pct = growth_value(figures, measure, "pct")
            if absolute is None:
                shown = ""
            elif measure in MONEY_MEASURES:
                shown = kr(absolute)
            else:
                shown = str(Msg.UI_PERSONS(n=absolute))
            if pct is not None:
                shown = (shown + "\n" if shown else "") + ("+" if pct > 0 else "") + format_percent_bp(pct)
            cells.append(shown or "–")
        rows.append(cells)
    return grid_table(header, rows, [43, 29, 28, 37, 28], right=[1, 2, 3, 4])


# --- effects: measured growth beside the expected (issue 19)
def _measured_table(d: ApplicationDetail, measured: Mapping[str, CompanyEffects]) -> Table | None:
    """Each member's measured growth a year since its baseline year; None while no member has a
    figure for its baseline year and a later one."""
    if not any(e.measured for e in measured.values()):
        return None
    rows = []
    for m in d.network.members:
        e = measured.get(m.company_id)
        if e is None:
            continue
        met = "–" if e.met is None else ("ja" if e.met else "nej")
        rows.append(
            [
                m.name,
                "–" if e.baseline_year is None else str(e.baseline_year),
                *(growth_text(e.metrics[k].cagr_bp) for k in METRICS),
                change_text(e.employees_change),
                met,
            ]
        )
    header = ["Virksomhed", "Basisår", "Omsætning", "Værditilvækst", "Eksport", "Ansatte", "Mål nået"]
    return grid_table(header, rows, [25, 11, 15, 17, 12, 10, 10], right=[1, 2, 3, 4, 5])


def _perspectives(
    d: ApplicationDetail, measured: Mapping[str, CompanyEffects] | None = None
) -> list[Flowable]:
    story: list[Flowable] = []
    for number, (key, (title, hint)) in enumerate(PERSPECTIVES.items(), start=3):
        story += _section(number, title)
        story.append(para(hint, "hint"))
        story.append(spacer(2))
        story.append(_text_or_empty(str(getattr(d.draft, key))))
        if key == "economic_perspective":
            story.append(
                KeepTogether(
                    [
                        para("Forventet vækst pr. virksomhed", "h2"),
                        para(
                            "Forventet stigning som følge af netværkssamarbejdet, i kroner (beskæftigelse i "
                            "personer) og i procent.",
                            "hint",
                        ),
                        spacer(1.5),
                        _growth_table(d),
                    ]
                )
            )
            table = _measured_table(d, measured or {})
            if table is not None:
                story.append(
                    KeepTogether(
                        [
                            para("Målt vækst pr. virksomhed", "h2"),
                            para(
                                "Årlig vækst fra virksomhedens basisår (det sidste hele år før den kom med i "
                                f"sit første netværk) til seneste år med nøgletal. Målet er mindst "
                                f"{TARGET_GROWTH_PERCENT_PER_YEAR} % om året; »–« er uden tal.",
                                "hint",
                            ),
                            spacer(1.5),
                            table,
                        ]
                    )
                )
    return story


def _budget(d: ApplicationDetail, number: int) -> list[Flowable]:
    b = d.budget
    story = _section(number, "Konsulent og budget")
    story.append(
        key_value_table(
            [
                ("Konsulent", _consultant_text(d)),
                ("Konsulenttimer", "" if b.hours is None else str(Msg.UI_HOURS(n=b.hours))),
                ("Timepris", kr(b.hourly_rate_ore)),
                (
                    "Forløb",
                    "" if d.draft.period_months is None else str(Msg.UI_MONTHS(n=d.draft.period_months)),
                ),
                ("Samlet konsulentbudget", kr(b.total_ore)),
                (
                    f"Virksomhedernes andel ({COMPANY_SHARE_PERCENT} %)",
                    kr(b.company_share_ore),
                ),
                (
                    "Programmets andel",
                    kr(b.programme_share_ore),
                ),
                (
                    "Fordelingsnøgle",
                    "Ligelig fordeling" if d.draft.split_mode == SplitMode.EQUAL else "Tilpasset fordeling",
                ),
            ],
            KEY_WIDTH,
        )
    )
    rows: list[list[Any]] = [
        [
            s.name,
            format_cvr(s.cvr),
            format_percent_bp(s.basis_points),
            kr(s.amount_ore),
        ]
        for s in b.shares
    ]
    total_amount = sum(s.amount_ore for s in b.shares if s.amount_ore is not None)
    rows.append(["I alt", "", format_percent_bp(b.split_total_bp), kr(total_amount) if b.shares else ""])
    story += [
        para("Virksomhedernes egenbetaling fordelt efter fordelingsnøglen", "h2"),
        KeepTogether(
            grid_table(
                ["Virksomhed", "CVR-nr.", "Andel", "Beløb"],
                rows,
                [40, 18, 14, 22],
                right=[2, 3],
                total_row=True,
            )
        ),
    ]
    return story


def _decision(d: ApplicationDetail, number: int) -> list[Flowable]:
    if d.status not in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED):
        return []
    story = _section(number, "Væksthus' afgørelse")
    text = "Bevilget" if d.status == ApplicationStatus.APPROVED else "Afslået"
    rows: list[tuple[str, Any]] = [("Afgørelse", text), ("Dato", format_date(d.decided_at))]
    if d.decision_comment:
        rows.append(("Begrundelse", d.decision_comment))
    story.append(key_value_table(rows, KEY_WIDTH))
    return story


def render_application_pdf(report: ApplicationReport, path: str | Path) -> Path:
    """Write the application to ``path`` and return it; the members' measured growth is shown
    beside the expected growth once there are figures."""
    detail = report.application
    doc = ReportDocument(
        path,
        f"Ansøgning om handlingsplan – {detail.network.name}",
        header_right=f"Ansøgning om handlingsplan, version {detail.revision}",
        broker=report.broker,
        subject="Midtjysk Klyngeprogram: ansøgning om handlingsplan",
        printed_on=report.printed_on,
    )
    story: list[Flowable] = []
    story += _cover(detail, report.broker, report.printed_on)
    story += _network_section(detail)
    story += _perspectives(detail, report.measured)
    budget_number = 3 + len(PERSPECTIVES)
    story += _budget(detail, budget_number)
    story += _decision(detail, budget_number + 1)
    return doc.build(story)


def default_filename(detail: ApplicationDetail, day: dt.date | None = None) -> str:
    """The one naming scheme (domain/names.py): ``ansøgning-<netværk>-<dato>-v<revision>.pdf``."""
    return document_name(
        "ansøgning", detail.network.name, day or dt.date.today(), suffix=f"v{detail.revision}"
    )
