"""Finds text that does not fit its space: a label wider than its contents rect, a header section
narrower than its title, a widget reaching past the right edge of the area that shows it.

A text that is elided ("…") with the full text as its tooltip counts as fitting, as does a label
that wraps (only a word wider than the label is then a problem).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)

from mægler_app.ui.fit import ELLIPSIS, ElidedLabel

# QHeaderView::section { padding: 6px } in ui/style.py, on both sides
HEADER_PADDING = 12
# room Qt keeps for the sort arrow in the sorted section
SORT_INDICATOR = 14
# a group box's title starts a little in from its frame, and ends before the frame's right edge
GROUP_TITLE_PADDING = 16


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _elided_with_tooltip(text: str, tooltip: str) -> bool:
    return ELLIPSIS in text and bool(tooltip) and text.replace(ELLIPSIS, "").strip()[:3] in tooltip


def _name(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None and len(chain) < 4:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(chain))


def label_problems(label: QLabel) -> list[str]:
    # a label that elides itself paints less than its text(): judge what it paints
    text = label.shown_text() if isinstance(label, ElidedLabel) else label.text()
    if not text or not _shown(label) or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        return []  # laid out as a document: Qt wraps it itself
    fm = QFontMetrics(label.font())
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() * (label.indent() > 0)
    if label.wordWrap():
        widest = max((fm.horizontalAdvance(word) for word in text.split()), default=0)
        if widest > room:
            return [f"{_name(label)}: a word of {text!r} is {widest}px in {room}px"]
        tall = label.heightForWidth(label.width())
        if tall > label.height() + 1:
            return [f"{_name(label)}: {text!r} needs {tall}px of height, has {label.height()}px"]
        return []
    widest = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room and not _elided_with_tooltip(text, label.toolTip()):
        return [f"{_name(label)}: {text!r} needs {widest}px, has {room}px"]
    return []


def header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not _shown(header) or header.orientation() != Qt.Orientation.Horizontal:
        return []
    fm = QFontMetrics(header.font())
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        # a header of several lines needs the width of its widest line
        need = max(fm.horizontalAdvance(line) for line in text.split("\n")) + HEADER_PADDING
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += SORT_INDICATOR
        has = header.sectionSize(section)
        if need > has:
            tooltip = str(
                model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
            )
            if not tooltip:
                problems.append(f"{_name(header)}: header {text!r} needs {need}px, has {has}px")
    return problems


def tab_problems(bar: QTabBar) -> list[str]:
    if not _shown(bar):
        return []
    problems = []
    for i in range(bar.count()):
        rect = bar.tabRect(i)
        if rect.right() > bar.width() and not bar.usesScrollButtons():
            problems.append(f"{_name(bar)}: tab {bar.tabText(i)!r} is cut off")
    return problems


def item_problems(view: QListView) -> list[str]:
    """Rows of a list that wraps its texts: each row as tall as its text needs at the row's width
    (a row laid out at another width shows its text cut, "…", and a blank line)."""
    if not _shown(view) or not view.wordWrap() or view.model() is None:
        return []
    model = view.model()
    fm = QFontMetrics(view.font())
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    problems = []
    for row in range(model.rowCount(view.rootIndex())):
        index = model.index(row, view.modelColumn(), view.rootIndex())
        rect = view.visualRect(index)
        if view.isRowHidden(row) or not rect.isValid() or not rect.intersects(view.viewport().rect()):
            continue
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # a row is as wide as the list's inside (a row laid out while the list was wider is cut)
        width = min(rect.width(), view.viewport().width() - 2 * view.spacing())
        room = QRect(0, 0, width - 2 * margin, 100_000)
        need = fm.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
        if need > rect.height() and not index.data(Qt.ItemDataRole.ToolTipRole):
            problems.append(f"{_name(view)}: row {row} {text[:40]!r}… needs {need}px, has {rect.height()}px")
    return problems


def scroll_problems(area: QScrollArea) -> list[str]:
    """A page in a scroll area that sizes it (a form) scrolls up and down, never sideways: what is
    wider than the area is to be wrapped or elided."""
    inner = area.widget()
    if not _shown(area) or inner is None or not area.widgetResizable():
        return []
    need, has = inner.minimumSizeHint().width(), area.viewport().width()
    if need > has + 1:
        return [f"{_name(area)}: its page needs {need}px, has {has}px (it scrolls sideways)"]
    return []


# --- followup
FITS_WIDTH = "fitsWidth"  # a table's property: its columns fit its width (ui/programme/brokers.py)


def table_problems(view: QTableView) -> list[str]:
    """A table made to fit its width (``FITS_WIDTH``) that scrolls sideways all the same."""
    if not _shown(view) or not view.property(FITS_WIDTH):
        return []
    bar = view.horizontalScrollBar()
    if bar.maximum() > 0:
        header = view.horizontalHeader()
        need = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
        return [
            f"{_name(view)}: its columns need {need}px, has {view.viewport().width()}px (it scrolls sideways)"
        ]
    return []


def groupbox_problems(box: QGroupBox) -> list[str]:
    title = box.title()
    if not title or not _shown(box):
        return []
    fm = QFontMetrics(box.font())
    need = fm.horizontalAdvance(title) + GROUP_TITLE_PADDING
    if need > box.width() and not _elided_with_tooltip(title, box.toolTip()):
        return [f"{_name(box)}: title {title!r} needs {need}px, has {box.width()}px"]
    return []


def _clip_right(widget: QWidget, window: QWidget) -> int:
    """The x (in window coordinates) where what shows the widget ends on the right."""
    edge = window.width()
    w = widget.parentWidget()
    while w is not None and w is not window:
        if isinstance(w.parentWidget(), QAbstractScrollArea) and w is w.parentWidget().viewport():
            # a scroll area that can scroll sideways shows all of it; one that cannot cuts it off
            area = w.parentWidget()
            if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                edge = min(edge, w.mapTo(window, QPoint(w.width(), 0)).x())
        w = w.parentWidget()
    return edge


def overflow_problems(window: QWidget) -> list[str]:
    """Inputs, buttons and labels whose right edge is past what shows them (pushed off the edge)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QLineEdit | QAbstractButton) or not _shown(widget):
            continue
        if not widget.isVisibleTo(window):
            continue
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        edge = _clip_right(widget, window)
        if right > edge + 1:
            problems.append(f"{_name(widget)}: reaches {right - edge}px past the edge")
    return problems


def clipped(window: QWidget) -> list[str]:
    """Every text in the window's visible widgets that does not fit its space."""
    problems: list[str] = []
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window):
            problems += label_problems(label)
    for header in window.findChildren(QHeaderView):
        if header.isVisibleTo(window):
            problems += header_problems(header)
    for view in window.findChildren(QListView):
        if view.isVisibleTo(window):
            problems += item_problems(view)
    for area in window.findChildren(QScrollArea):
        if area.isVisibleTo(window):
            problems += scroll_problems(area)
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window):
            problems += groupbox_problems(box)
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            problems += tab_problems(bar)
    for table in window.findChildren(QTableView):
        if table.isVisibleTo(window):
            problems += table_problems(table)
    return problems + overflow_problems(window)
