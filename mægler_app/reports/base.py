"""The frame every Mægler report shares: A4, the programme's header, "Side X af Y", Danish text.

ReportLab's standard Helvetica uses WinAnsi encoding, which has æ, ø, å, », « and the middle dot,
so no font file has to ship. Reports build a list of flowables with the helpers here and call
``ReportDocument.build``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.numbers import format_date
from .names import safe_filename as safe_filename  # one slug for every document name

HEADER_TEXT = "Væksthus Midtjylland · Midtjysk Klyngeprogram"
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"
PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_PADDING = 6  # ReportLab's default frame padding, in points
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
# Header and footer line up with the text, which starts inside the frame's padding.
LEFT = MARGIN_X + FRAME_PADDING
RIGHT = PAGE_SIZE[0] - MARGIN_X - FRAME_PADDING

ACCENT = colors.HexColor("#1f5f4a")
MUTED = colors.HexColor("#5b6770")
RULE = colors.HexColor("#c9d3d0")
ZEBRA = colors.HexColor("#f3f6f5")
PASSED_BG = colors.HexColor("#e3f1e8")
FAILED_BG = colors.HexColor("#f8e4e1")
NEUTRAL_BG = colors.HexColor("#eef1f3")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=2
        ),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=10, textColor=ACCENT, spaceAfter=2),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=3
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.8, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.8, leading=11),
        "cell_muted": ParagraphStyle(
            "cell_muted", parent=base, fontName=FONT_ITALIC, fontSize=8.8, leading=11, textColor=MUTED
        ),
        "verdict": ParagraphStyle("verdict", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16),
    }


STYLES = _styles()

# Characters outside WinAnsi would print as black boxes in Helvetica; map the usual suspects.
_REPLACE = {
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2192": "->",
}


# Latin letters with a stroke have no Unicode decomposition; these are the ones met in names.
_NO_DECOMPOSITION = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i", "ŧ": "t"}


def clean(text: Any) -> str:
    """Text the standard fonts can draw (WinAnsi): ``ś`` → ``s``, anything else unknown → ``?``."""
    s = "" if text is None else str(text)
    for a, b in _REPLACE.items():
        s = s.replace(a, b)
    try:
        s.encode("cp1252")
    except UnicodeEncodeError:
        s = "".join(ch if _in_cp1252(ch) else _nearest(ch) for ch in s)
    return s


def _nearest(ch: str) -> str:
    base = _NO_DECOMPOSITION.get(ch) or "".join(
        c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
    )
    return base if base and all(_in_cp1252(c) for c in base) else "?"


def _in_cp1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def markup(text: Any) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return re.sub(r"\r?\n", "<br/>", escape(clean(text)))


def para(text: Any, style: str = "body") -> Paragraph:
    return Paragraph(markup(text), STYLES[style])


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, "h1" if level == 1 else "h2")


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def key_value_table(rows: Sequence[tuple[str, Any]], key_width: float = 42 * mm) -> Table:
    data = [[para(k, "cell_bold"), para(v, "cell")] for k, v in rows]
    table = Table(data, colWidths=[key_width, CONTENT_WIDTH - key_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    wide_rows: Sequence[int] = (),
) -> Table:
    """A table with a header row that repeats on every page and light zebra rows.

    A cell may be a string or a ready Flowable (for example a muted "ikke besvaret"). In the rows
    listed in ``wide_rows`` (0 = first data row) the second cell spans to the right edge, for
    long free-text answers.
    """
    total = sum(widths)
    col_widths = [CONTENT_WIDTH * w / total for w in widths]
    data: list[list[Any]] = [[para(h, "cell_bold") for h in header]]
    for row in rows:
        data.append([c if isinstance(c, Flowable) else para(c, "cell") for c in row])
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    for r in wide_rows:
        style.append(("SPAN", (1, r + 1), (-1, r + 1)))
    table.setStyle(TableStyle(style))
    return table


def boxed(flowables: Sequence[Flowable], background: Any = NEUTRAL_BG, border: Any = None) -> Table:
    """Flowables in a tinted box across the page (a verdict, a warning)."""
    table = Table([[list(flowables)]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    if border is not None:
        style.append(("LINEBEFORE", (0, 0), (0, -1), 3, border))
    table.setStyle(TableStyle(style))
    return table


# What the footer's left part holds beside "Side X af Y" (8 pt on A4)
FOOTER_CHARS = 105


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds each page back until the end, so every footer can say how many pages there are."""

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
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawRightString(RIGHT, 12 * mm, f"Side {self._pageNumber} af {total}")
        self.restoreState()


class ReportDocument:
    """An A4 report with the programme header on every page and "Side X af Y" in the footer."""

    def __init__(
        self,
        path: str | Path,
        title: str,
        *,
        header_right: str = "",
        author: str = "",
        subject: str = "",
        printed_on: dt.date | None = None,
        broker: str = "",
    ) -> None:
        """``broker``: the broker's name, on every page's foot ("Netværksmægler: …") and as the author."""
        self.path = Path(path)
        self.title = clean(title)
        self.header_right = clean(header_right or title)
        self.broker = clean(broker.strip())
        self.author = clean(author) or self.broker or "Mægler"
        self.subject = clean(subject)
        self.printed_on = printed_on or dt.date.today()

    def _decorate(self, canv: rl_canvas.Canvas, _doc: Any) -> None:
        height = PAGE_SIZE[1]
        canv.saveState()
        top = height - 14 * mm
        canv.setFillColor(ACCENT)
        canv.setFont(FONT_BOLD, 9)
        canv.drawString(LEFT, top, HEADER_TEXT)
        canv.setFillColor(MUTED)
        canv.setFont(FONT, 8.5)
        right = self.header_right if len(self.header_right) <= 60 else self.header_right[:57] + "..."
        canv.drawRightString(RIGHT, top, right)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.8)
        canv.line(LEFT, top - 3 * mm, RIGHT, top - 3 * mm)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(LEFT, 16 * mm, RIGHT, 16 * mm)
        canv.setFont(FONT, 8)
        # --- broker: the broker's name on every page, whole; the title gives way (issue 20, item 2)
        tail = f" · udskrevet {format_date(self.printed_on)}"
        if self.broker:
            tail += f" · Netværksmægler: {self.broker}"
        room = max(20, FOOTER_CHARS - len(tail))
        title = self.title if len(self.title) <= room else self.title[: room - 3] + "..."
        canv.drawString(LEFT, 12 * mm, title + tail)
        canv.restoreState()

    def build(self, story: list[Flowable]) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a viewer never opens a half-written file.
        tmp = self.path.with_name(self.path.name + ".tmp")
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=self.title,
            author=self.author,
            subject=self.subject,
            creator="Mægler",
            lang="da-DK",
        )
        doc.build(story, onFirstPage=self._decorate, onLaterPages=self._decorate, canvasmaker=_NumberedCanvas)
        tmp.replace(self.path)
        return self.path
