"""The application for an action plan as a PDF a Væksthus caseworker can read and print.

Cover page, the network as it stands (members with CVR, core task, goals, screening, the tentative
plan), the four perspectives, the expected growth per company, the consultant and the budget with
each company's share, and Væksthus' decision once there is one.

The page frame (header, "Side X af Y" footer) is a small local template below with the same shape
as the shared ``reports.base.ReportDocument``, so switching to it is one import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.cvr import format_cvr
from ..domain.effects import METRICS, CompanyEffects, change_text, growth_text
from ..domain.language import in_danish
from ..domain.messages import Msg
from ..domain.numbers import format_date, format_datetime, format_kr, format_percent_bp
from ..domain.rules import COMPANY_SHARE_PERCENT, MEMBER_ROLES, TARGET_GROWTH_PERCENT_PER_YEAR
from ..domain.vocab import ApplicationStatus, SplitMode
from ..store.db import Store
from ..store.services.applications import (
    GROWTH_MEASURES,
    MONEY_MEASURES,
    PERSPECTIVES,
    ApplicationDetail,
    get_application,
    growth_value,
)
from ..store.services.desk import application_broker
from ..store.services.effects import network_effects
from .base import ReportDocument
from .names import document_name

# --- local page template (to be replaced by reports.base when it lands) ---------------------------

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"
PAGE = A4
MARGIN_X = 20 * mm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X
HEADER_TEXT = "Væksthus Midtjylland · Midtjysk Klyngeprogram"
ACCENT = colors.HexColor("#1f3b57")
GOLD = colors.HexColor("#f2b134")
MUTED = colors.HexColor("#5b6b7b")
RULE = colors.HexColor("#d5dce3")
ZEBRA = colors.HexColor("#f3f6f9")
SOFT = colors.HexColor("#eef3f8")
WARN_BG = colors.HexColor("#fff4d6")

_BASE = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14)
STYLES = {
    "body": _BASE,
    "kicker": ParagraphStyle("kicker", parent=_BASE, fontSize=11, textColor=GOLD, fontName=FONT_BOLD),
    "cover_title": ParagraphStyle(
        "cover_title", parent=_BASE, fontName=FONT_BOLD, fontSize=24, leading=29, textColor=ACCENT
    ),
    "cover_sub": ParagraphStyle("cover_sub", parent=_BASE, fontSize=12, leading=16, textColor=MUTED),
    "h1": ParagraphStyle(
        "h1",
        parent=_BASE,
        fontName=FONT_BOLD,
        fontSize=14,
        leading=18,
        textColor=ACCENT,
        spaceBefore=12,
        spaceAfter=5,
    ),
    "h2": ParagraphStyle(
        "h2", parent=_BASE, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2
    ),
    "hint": ParagraphStyle(
        "hint", parent=_BASE, fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor=MUTED
    ),
    "cell": ParagraphStyle("cell", parent=_BASE, fontSize=9, leading=12),
    "cell_right": ParagraphStyle("cell_right", parent=_BASE, fontSize=9, leading=12, alignment=2),
    "cell_bold": ParagraphStyle("cell_bold", parent=_BASE, fontName=FONT_BOLD, fontSize=9, leading=12),
    "cell_bold_right": ParagraphStyle(
        "cell_bold_right", parent=_BASE, fontName=FONT_BOLD, fontSize=9, leading=12, alignment=2
    ),
    "empty": ParagraphStyle("empty", parent=_BASE, fontName=FONT_ITALIC, textColor=MUTED),
}

# Helvetica's WinAnsi encoding has æ, ø, å and the en dash; map the few characters it lacks.
_REPLACE = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2192": "->"}


def clean(text: Any) -> str:
    s = "" if text is None else str(text)
    for a, b in _REPLACE.items():
        s = s.replace(a, b)
    return "".join(ch if _winansi(ch) else "?" for ch in s)


def _winansi(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def para(text: Any, style: str = "body") -> Paragraph:
    return Paragraph(re.sub(r"\r?\n", "<br/>", escape(clean(text))), STYLES[style])


# --- the application ----------------------------------------------------------------------------

STATUS_TEXT: dict[str, str] = {
    ApplicationStatus.DRAFT: "Kladde – ikke indsendt",
    ApplicationStatus.SUBMITTED: "Indsendt til Væksthus",
    ApplicationStatus.APPROVED: "Bevilget af Væksthus",
    ApplicationStatus.REJECTED: "Afslået af Væksthus",
}


def _kv(rows: Sequence[tuple[str, Any]], key_width: float = 56 * mm) -> Table:
    data = [[para(k, "cell_bold"), v if isinstance(v, Flowable) else para(v, "cell")] for k, v in rows]
    t = Table(data, colWidths=[key_width, CONTENT_WIDTH - key_width], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return t


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    total_row: bool = False,
) -> Table:
    col_widths = [CONTENT_WIDTH * w / sum(widths) for w in widths]
    data: list[list[Any]] = [
        [para(h, "cell_bold_right" if i in right else "cell_bold") for i, h in enumerate(header)]
    ]
    for r, row in enumerate(rows):
        last = total_row and r == len(rows) - 1
        data.append(
            [
                c
                if isinstance(c, Flowable)
                else para(c, ("cell_bold" if last else "cell") + ("_right" if i in right else ""))
                for i, c in enumerate(row)
            ]
        )
    t = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    if total_row:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.9, ACCENT), ("BACKGROUND", (0, -1), (-1, -1), SOFT)]
    t.setStyle(TableStyle(style))
    return t


def _box(flowables: Sequence[Flowable], background: Any = SOFT, bar: Any = ACCENT) -> Table:
    t = Table([[list(flowables)]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LINEBEFORE", (0, 0), (0, -1), 3, bar),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return t


def _text_or_empty(text: str) -> Paragraph:
    return para(text, "body") if text.strip() else para("Ikke udfyldt.", "empty")


def _section(number: int, title: str) -> list[Flowable]:
    # A heading is never left alone at the foot of a page.
    return [CondPageBreak(40 * mm), para(f"{number}. {title}", "h1")]


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
        ("Samlet budget", "" if b.total_ore is None else format_kr(b.total_ore)),
        (
            f"Virksomhedernes andel ({COMPANY_SHARE_PERCENT} %)",
            "" if b.company_share_ore is None else format_kr(b.company_share_ore),
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
        Spacer(1, 18 * mm),
        para("ANSØGNING OM HANDLINGSPLAN", "kicker"),
        Spacer(1, 3 * mm),
        para(n.name, "cover_title"),
        Spacer(1, 3 * mm),
        para(
            "Til Væksthus Midtjylland: ansøgning om ekstern konsulent til udarbejdelse af netværkets "
            "handlingsplan (trin 2 i Midtjysk Klyngeprogram).",
            "cover_sub",
        ),
        Spacer(1, 10 * mm),
        _kv(rows),
    ]
    if d.status == ApplicationStatus.DRAFT:
        story += [
            Spacer(1, 8 * mm),
            _box(
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
        _kv(
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
            ]
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
        _grid(
            ["Virksomhed", "CVR-nr.", "Rolle", "Ansatte", "Virksomhedens mål"],
            rows,
            [27, 13, 21, 9, 30],
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
    story.append(_kv(rows2))
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
                shown = format_kr(absolute)
            else:
                shown = str(Msg.UI_PERSONS(n=absolute))
            if pct is not None:
                shown = (shown + "\n" if shown else "") + ("+" if pct > 0 else "") + format_percent_bp(pct)
            cells.append(shown or "–")
        rows.append(cells)
    return _grid(header, rows, [25, 18, 18, 21, 18], right=[1, 2, 3, 4])


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
    return _grid(header, rows, [27, 11, 14, 16, 12, 10, 10], right=[1, 2, 3, 4, 5])


def _perspectives(
    d: ApplicationDetail, measured: Mapping[str, CompanyEffects] | None = None
) -> list[Flowable]:
    story: list[Flowable] = []
    for number, (key, (title, hint)) in enumerate(PERSPECTIVES.items(), start=3):
        story += _section(number, title)
        story.append(para(hint, "hint"))
        story.append(Spacer(1, 2 * mm))
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
                        Spacer(1, 1.5 * mm),
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
                            Spacer(1, 1.5 * mm),
                            table,
                        ]
                    )
                )
    return story


def _budget(d: ApplicationDetail, number: int) -> list[Flowable]:
    b = d.budget
    story = _section(number, "Konsulent og budget")
    story.append(
        _kv(
            [
                ("Konsulent", _consultant_text(d)),
                ("Konsulenttimer", "" if b.hours is None else str(Msg.UI_HOURS(n=b.hours))),
                ("Timepris", "" if b.hourly_rate_ore is None else format_kr(b.hourly_rate_ore)),
                (
                    "Forløb",
                    "" if d.draft.period_months is None else str(Msg.UI_MONTHS(n=d.draft.period_months)),
                ),
                ("Samlet konsulentbudget", "" if b.total_ore is None else format_kr(b.total_ore)),
                (
                    f"Virksomhedernes andel ({COMPANY_SHARE_PERCENT} %)",
                    "" if b.company_share_ore is None else format_kr(b.company_share_ore),
                ),
                (
                    "Programmets andel",
                    "" if b.programme_share_ore is None else format_kr(b.programme_share_ore),
                ),
                (
                    "Fordelingsnøgle",
                    "Ligelig fordeling" if d.draft.split_mode == SplitMode.EQUAL else "Tilpasset fordeling",
                ),
            ]
        )
    )
    rows: list[list[Any]] = [
        [
            s.name,
            format_cvr(s.cvr),
            format_percent_bp(s.basis_points),
            "" if s.amount_ore is None else format_kr(s.amount_ore),
        ]
        for s in b.shares
    ]
    total_amount = sum(s.amount_ore for s in b.shares if s.amount_ore is not None)
    rows.append(
        ["I alt", "", format_percent_bp(b.split_total_bp), format_kr(total_amount) if b.shares else ""]
    )
    story += [
        para("Virksomhedernes egenbetaling fordelt efter fordelingsnøglen", "h2"),
        KeepTogether(
            _grid(
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
    story.append(_kv(rows))
    return story


@in_danish  # --- english: documents stay Danish
def render_application_pdf(
    detail: ApplicationDetail,
    path: str | Path,
    *,
    broker: str,
    printed_on: dt.date | None = None,
    measured: Mapping[str, CompanyEffects] | None = None,
) -> Path:
    """Write the application to ``path`` and return it; ``measured``: company id → its measured
    growth (``domain.effects``), shown beside the expected growth once there are figures."""
    printed_on = printed_on or dt.date.today()
    title = f"Ansøgning om handlingsplan – {detail.network.name}"
    doc = ReportDocument(
        path,
        title,
        header_right=f"Ansøgning om handlingsplan, version {detail.revision}",
        broker=broker,
        subject="Midtjysk Klyngeprogram: ansøgning om handlingsplan",
        printed_on=printed_on,
    )
    story: list[Flowable] = []
    story += _cover(detail, broker, printed_on)
    story += _network_section(detail)
    story += _perspectives(detail, measured)
    budget_number = 3 + len(PERSPECTIVES)
    story += _budget(detail, budget_number)
    story += _decision(detail, budget_number + 1)
    return doc.build(story)


def default_filename(detail: ApplicationDetail, day: dt.date | None = None) -> str:
    """The one naming scheme (reports/names.py): ``ansøgning-<netværk>-<dato>-v<revision>.pdf``."""
    return document_name(
        "ansøgning", detail.network.name, day or dt.date.today(), suffix=f"v{detail.revision}"
    )


@in_danish  # --- english: documents stay Danish
def export_application(store: Store, application_id: str, path: str | Path | None = None) -> Path:
    """Render the application to ``path`` (default: the profile's ``rapporter`` folder). Runs in a worker."""
    detail = get_application(store, application_id)
    target = Path(path) if path is not None else store.profile / "rapporter" / default_filename(detail)
    measured = {m.company_id: m.effects for m in network_effects(store, detail.network.network_id)}
    # on a caseworker's profile (the Indbakke), the broker who owns it, not the caseworker
    broker = application_broker(store, application_id)
    return render_application_pdf(detail, target, broker=broker, measured=measured)
