"""The one template of every Mægler report: A4, the programme's header, "Side X af Y", the title
block, paragraph styles, tables and boxes; money and dates through ``domain.numbers``.

The text is set in DejaVu Sans, embedded from ``resources/fonts`` (its licence beside it), so every
letter a name may carry (æ, ø, å, ś, č, ő, €, “ ”, –, −) is printed as it is, never approximated.
A report builds a list of flowables with the helpers here and calls ``ReportDocument.build``; it
takes only its plain data (``domain.report_data``), never the store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.numbers import format_date, format_kr
from ..paths import resources_dir

HEADER_TEXT = "Væksthus Midtjylland · Midtjysk Klyngeprogram"

# --- fonts ------------------------------------------------------------------------------------------
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register the embedded fonts with ReportLab once (a family, so ``<b>`` and ``<i>`` work)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


register_fonts()

# --- page -------------------------------------------------------------------------------------------
PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_PADDING = 6  # ReportLab's default frame padding, in points
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
# Header and footer line up with the text, which starts inside the frame's padding.
LEFT = MARGIN_X + FRAME_PADDING
RIGHT = PAGE_SIZE[0] - MARGIN_X - FRAME_PADDING

# --- colours ----------------------------------------------------------------------------------------
ACCENT = colors.HexColor("#1f5f4a")
GOLD = colors.HexColor("#f2b134")
MUTED = colors.HexColor("#5b6770")
RULE = colors.HexColor("#c9d3d0")
ZEBRA = colors.HexColor("#f3f6f5")
PASSED_BG = colors.HexColor("#e3f1e8")
FAILED_BG = colors.HexColor("#f8e4e1")
NEUTRAL_BG = colors.HexColor("#eef1f3")
WARN_BG = colors.HexColor("#fff4d6")
WARN_BORDER = colors.HexColor("#f2d38a")
WARN_TEXT = colors.HexColor("#8a5a00")


# --- paragraph styles -------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD)
    h1 = ParagraphStyle(
        "h1",
        parent=base,
        fontName=FONT_BOLD,
        fontSize=13,
        leading=16,
        textColor=ACCENT,
        spaceBefore=10,
        spaceAfter=4,
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, textColor=MUTED, spaceAfter=8),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=10, textColor=ACCENT, spaceAfter=2),
        "cover_kicker": ParagraphStyle(
            "cover_kicker", parent=base, fontName=FONT_BOLD, fontSize=11, textColor=GOLD
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=base, fontName=FONT_BOLD, fontSize=22, leading=27, textColor=ACCENT
        ),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=11.5, leading=16, textColor=MUTED),
        "h1": h1,
        # a sub-heading: the heading's font and colour, smaller
        "h2": ParagraphStyle("h2", parent=h1, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=3),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=MUTED),
        "hint": ParagraphStyle(
            "hint", parent=base, fontName=FONT_ITALIC, fontSize=8, leading=10.5, textColor=MUTED
        ),
        "empty": ParagraphStyle("empty", parent=base, fontName=FONT_ITALIC, textColor=MUTED),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_bold": cell_bold,
        "cell_bold_right": ParagraphStyle("cell_bold_right", parent=cell_bold, alignment=TA_RIGHT),
        "cell_muted": ParagraphStyle("cell_muted", parent=cell, fontName=FONT_ITALIC, textColor=MUTED),
        # a table of many narrow columns (grid_table(small=True))
        "small_cell": ParagraphStyle("small_cell", parent=cell, fontSize=7.5, leading=9.5),
        "small_cell_right": ParagraphStyle(
            "small_cell_right", parent=cell, fontSize=7.5, leading=9.5, alignment=TA_RIGHT
        ),
        "small_cell_bold": ParagraphStyle("small_cell_bold", parent=cell_bold, fontSize=7.5, leading=9.5),
        "small_cell_bold_right": ParagraphStyle(
            "small_cell_bold_right", parent=cell_bold, fontSize=7.5, leading=9.5, alignment=TA_RIGHT
        ),
        "path": ParagraphStyle("path", parent=cell_bold, fontSize=7, leading=9.5),
        "verdict": ParagraphStyle("verdict", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16),
        "warning": ParagraphStyle(
            "warning",
            parent=base,
            backColor=WARN_BG,
            borderColor=WARN_BORDER,
            borderWidth=0.5,
            borderPadding=4,
            spaceBefore=6,
            spaceAfter=6,
            textColor=WARN_TEXT,
        ),  # fmt: skip
    }


STYLES = _styles()


# --- text -------------------------------------------------------------------------------------------
def markup(text: Any) -> str:
    """Plain text made safe for a Paragraph, every letter kept; line breaks kept."""
    return re.sub(r"\r?\n", "<br/>", escape("" if text is None else str(text)))


def para(text: Any, style: str = "body") -> Paragraph:
    return Paragraph(markup(text), STYLES[style])


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, "h1" if level == 1 else "h2")


def section(title: str, keep: float = 40) -> list[Flowable]:
    """A heading that is never left alone at the foot of a page (``keep`` mm must be free)."""
    return [CondPageBreak(keep * mm), heading(title)]


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def title_block(title: str, *, kicker: str = "", subtitle: str = "") -> list[Flowable]:
    """The report's title: a small line above it (``kicker``), the title, a grey line below it."""
    story: list[Flowable] = [para(kicker, "kicker")] if kicker else []
    story.append(para(title, "title"))
    if subtitle:
        story.append(para(subtitle, "subtitle"))
    return story


def kr(ore: int | None) -> str:
    """``25.000,00 kr.``, or nothing for an amount not given."""
    return "" if ore is None else format_kr(ore)


# --- tables -----------------------------------------------------------------------------------------
def _cell(value: Any, style: str) -> Any:
    return value if isinstance(value, Flowable) else para(value, style)


def key_value_table(
    rows: Sequence[tuple[str, Any]],
    key_width: float = 42 * mm,
    *,
    width: float = CONTENT_WIDTH,
    right: bool = False,
    total_row: bool = False,
    bold_keys: bool = True,
) -> Table:
    """Label and value per row, no header (``right``: values right-aligned, as amounts;
    ``total_row``: the last row bold under a rule; ``bold_keys``: the labels in bold)."""
    data = []
    for i, (k, v) in enumerate(rows):
        last = total_row and i == len(rows) - 1
        key_style = "cell_bold" if bold_keys or last else "cell"
        value_style = ("cell_bold" if last else "cell") + ("_right" if right else "")
        data.append([_cell(k, key_style), _cell(v, value_style)])
    table = Table(data, colWidths=[key_width, width - key_width], hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # ReportLab's default is a standard font
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]
    if total_row:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT))
    table.setStyle(TableStyle(style))
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    width: float = CONTENT_WIDTH,
    right: Sequence[int] = (),
    total_row: bool = False,
    wide_rows: Sequence[int] = (),
    small: bool = False,
) -> Table:
    """A table with a header row that repeats on every page and light zebra rows.

    ``widths`` are the columns' shares of ``width``. A cell may be a string or a ready Flowable.
    Columns in ``right`` are right-aligned (amounts). With ``total_row`` the last row is a bold sum
    under a rule. In the rows listed in ``wide_rows`` (0 = first data row) the second cell spans to
    the right edge, for long free-text answers. ``small``: a smaller type, for many narrow columns.
    """
    prefix = "small_" if small else ""
    total = sum(widths)
    col_widths = [width * w / total for w in widths]
    data: list[list[Any]] = [
        [_cell(h, prefix + ("cell_bold_right" if i in right else "cell_bold")) for i, h in enumerate(header)]
    ]
    for r, row in enumerate(rows):
        last = total_row and r == len(rows) - 1
        data.append(
            [
                _cell(c, prefix + ("cell_bold" if last else "cell") + ("_right" if i in right else ""))
                for i, c in enumerate(row)
            ]
        )
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # ReportLab's default is a standard font
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    last_zebra = len(data) - (1 if total_row else 0)
    for i in range(2, last_zebra, 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    for r in wide_rows:
        style.append(("SPAN", (1, r + 1), (-1, r + 1)))
    if total_row:
        style += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("BACKGROUND", (0, -1), (-1, -1), NEUTRAL_BG),
        ]
    table.setStyle(TableStyle(style))
    return table


def boxed(flowables: Sequence[Flowable], background: Any = NEUTRAL_BG, border: Any = None) -> Table:
    """Flowables in a tinted box across the page (a verdict, a warning), a bar on the left if ``border``."""
    table = Table([[list(flowables)]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    if border is not None:
        style.append(("LINEBEFORE", (0, 0), (0, -1), 3, border))
    table.setStyle(TableStyle(style))
    return table


# --- the page frame ---------------------------------------------------------------------------------
def fit(text: str, font: str, size: float, room: float) -> str:
    """``text``, cut with "…" so that it fits in ``room`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds each page back until the end, so every footer can say how many pages there are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT  # no standard font in the file at all
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
        self.drawRightString(RIGHT, 12 * mm, page_number_text(self._pageNumber, total))
        self.restoreState()


def page_number_text(page: int, total: int) -> str:
    return f"Side {page} af {total}"


# what the footer's right part ("Side 10 af 12") takes, with a gap
_PAGE_NUMBER_ROOM = 22 * mm


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
        self.title = title
        self.header_right = header_right or title
        self.broker = broker.strip()
        self.author = author or self.broker or "Mægler"
        self.subject = subject
        self.printed_on = printed_on or dt.date.today()

    def _decorate(self, canv: rl_canvas.Canvas, _doc: Any) -> None:
        height = PAGE_SIZE[1]
        canv.saveState()
        top = height - 14 * mm
        canv.setFillColor(ACCENT)
        canv.setFont(FONT_BOLD, 9)
        canv.drawString(LEFT, top, HEADER_TEXT)
        room = RIGHT - LEFT - pdfmetrics.stringWidth(HEADER_TEXT, FONT_BOLD, 9) - 5 * mm
        canv.setFillColor(MUTED)
        canv.setFont(FONT, 8)
        canv.drawRightString(RIGHT, top, fit(self.header_right, FONT, 8, room))
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.8)
        canv.line(LEFT, top - 3 * mm, RIGHT, top - 3 * mm)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(LEFT, 16 * mm, RIGHT, 16 * mm)
        canv.setFont(FONT, 8)
        # the broker's name on every page, whole; the title gives way (issue 20, item 2)
        tail = f" · udskrevet {format_date(self.printed_on)}"
        if self.broker:
            tail += f" · Netværksmægler: {self.broker}"
        room = RIGHT - LEFT - _PAGE_NUMBER_ROOM - pdfmetrics.stringWidth(tail, FONT, 8)
        canv.drawString(LEFT, 12 * mm, fit(self.title, FONT, 8, max(room, 30 * mm)) + tail)
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
