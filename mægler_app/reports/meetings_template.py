"""A small page template for the meeting and expense reports: header, footer, "Side x af y".

Stand-in until the shared ``reports.base`` exists: both reports only use ``styles()``, ``para()``,
``table()`` and ``build()``, so switching means re-pointing these four names.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from ..domain.timeutil import format_date_da

NAVY = colors.HexColor("#1f3b57")
GREY = colors.HexColor("#5b6b7b")
LINE = colors.HexColor("#dde3ea")
HEAD_BG = colors.HexColor("#eef1f4")
WARN_BG = colors.HexColor("#fff4d6")
MARGIN = 18 * mm


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


# Latin letters with a stroke have no Unicode decomposition; these are the ones met in names.
_NO_DECOMPOSITION = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i", "ŧ": "t"}


def _fits(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def clean(text: str | None) -> str:
    """Text the standard fonts can draw (WinAnsi): ``ś`` → ``s``, anything else unknown → ``?``.

    Helvetica without an embedded font has no glyph outside cp1252 and would draw a black box.
    """
    s = text or ""
    if all(_fits(ch) for ch in s):
        return s
    out = []
    for ch in s:
        if _fits(ch):
            out.append(ch)
            continue
        base = _NO_DECOMPOSITION.get(ch) or "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        out.append(base if base and all(_fits(c) for c in base) else "?")
    return "".join(out)


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
            cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f8f9fb")))
    if total_row:
        cmds += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
            ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
        ]
    t.setStyle(TableStyle(cmds))
    return t


class _NumberedCanvas(Canvas):
    """Draws the header and footer after the last page, so the footer knows the page count."""

    header_text = ""
    footer_text = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = A4
        self.saveState()
        self.setStrokeColor(NAVY)
        self.setLineWidth(1.2)
        self.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
        self.setFont("Helvetica-Bold", 8.5)
        self.setFillColor(NAVY)
        self.drawString(MARGIN, height - 11 * mm, "Midtjysk Klyngeprogram · Væksthus Midtjylland")
        self.setFont("Helvetica", 8.5)
        self.setFillColor(GREY)
        self.drawRightString(width - MARGIN, height - 11 * mm, self.header_text)
        self.setStrokeColor(LINE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.drawString(MARGIN, 10 * mm, self.footer_text)
        self.drawRightString(width - MARGIN, 10 * mm, f"Side {self._pageNumber} af {total}")
        self.restoreState()


def build(path: Path | str, story: list[Flowable], *, title: str, header: str, footer: str = "") -> Path:
    """Write ``story`` to ``path`` as an A4 PDF with the programme's header and page numbers."""
    target = Path(path)
    made = f"Udskrevet {format_date_da(dt.date.today())}"
    canvas_cls = type(
        "ReportCanvas",
        (_NumberedCanvas,),
        {"header_text": clean(header), "footer_text": clean(f"{footer} · {made}" if footer else made)},
    )
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="Mægler",
        subject=header,
        lang="da-DK",
    )
    doc.build(story, canvasmaker=canvas_cls)
    return target


CONTENT_WIDTH = A4[0] - 2 * MARGIN
