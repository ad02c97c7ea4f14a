"""Styles and tables of the meeting and expense reports, on the frame every report shares.

The page itself (A4, the programme's header, "Side X af Y", the footer, text the fonts can
draw) is ``reports.base``'s; these reports keep their own compact paragraph styles and tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from . import base
from .base import ACCENT, MUTED, NEUTRAL_BG, RULE, ZEBRA, ReportDocument, clean

CONTENT_WIDTH = base.CONTENT_WIDTH  # the width of the shared frame, which the tables fill

NAVY = ACCENT  # headings and rules in the shared report colours
GREY = MUTED
LINE = RULE
HEAD_BG = NEUTRAL_BG
WARN_BG = colors.HexColor("#fff4d6")


def styles() -> StyleSheet1:
    base = getSampleStyleSheet()
    sheet = StyleSheet1()
    sheet.add(ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=9.5, leading=13))
    sheet.add(ParagraphStyle("small", parent=sheet["body"], fontSize=8, leading=10, textColor=GREY))
    sheet.add(ParagraphStyle("cell", parent=sheet["body"], fontSize=8.5, leading=10.5, spaceBefore=0))
    sheet.add(ParagraphStyle("cell_right", parent=sheet["cell"], alignment=TA_RIGHT))
    sheet.add(ParagraphStyle("cell_head", parent=sheet["cell"], fontName="Helvetica-Bold"))
    sheet.add(ParagraphStyle("cell_head_right", parent=sheet["cell_head"], alignment=TA_RIGHT))
    sheet.add(
        ParagraphStyle(
            "title", parent=base["Title"], fontName="Helvetica-Bold", fontSize=17, leading=21, textColor=NAVY,
            alignment=0, spaceAfter=2,
        )
    )  # fmt: skip
    sheet.add(ParagraphStyle("subtitle", parent=sheet["body"], fontSize=10.5, textColor=GREY, spaceAfter=8))
    sheet.add(
        ParagraphStyle(
            "h2", parent=sheet["body"], fontName="Helvetica-Bold", fontSize=11.5, leading=15, textColor=NAVY,
            spaceBefore=10, spaceAfter=3,
        )
    )  # fmt: skip
    sheet.add(
        ParagraphStyle(
            "warning", parent=sheet["body"], backColor=WARN_BG, borderColor=colors.HexColor("#f2d38a"),
            borderWidth=0.5, borderPadding=4, spaceBefore=6, spaceAfter=6, textColor=colors.HexColor("#8a5a00"),
        )
    )  # fmt: skip
    return sheet


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters escaped, line breaks kept."""
    return Paragraph(escape(clean(text)).replace("\n", "<br/>"), style)


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    total_row: bool = False,
    zebra: bool = True,
) -> Table:
    t = Table(list(rows), colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY)]
    if zebra:
        first = 1 if header else 0
        last = len(rows) - (2 if total_row else 1)
        for r in range(first + 1, last + 1, 2):
            cmds.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    if total_row:
        cmds += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
            ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
        ]
    t.setStyle(TableStyle(cmds))
    return t


def build(
    path: Path | str, story: list[Flowable], *, title: str, header: str, footer: str = "", broker: str = ""
) -> Path:
    """Write ``story`` to ``path`` as an A4 PDF in the frame every report shares."""
    return ReportDocument(path, title, header_right=header, subject=footer, broker=broker).build(story)
