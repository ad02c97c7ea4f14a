"""Text that fits its space: wrapped at word boundaries, never cut in the middle of a word.

Qt's own word wrap breaks a word that is wider than the space anywhere ("Fødevareudsty" on one line,
the rest hidden); here such a word is elided with "…", and so is the last line when the text needs
more lines than it may have. Whoever shows the result keeps the full text as its tooltip.

``ElidedLabel`` is a one-line label that never makes its layout (and so the window) wider than
there is room for: it asks only for the room of a few letters, shows as much of its text as fits
with "…" at the end, and then has the whole text as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ELLIPSIS = "…"


def wrap_words(text: str, metrics: QFontMetrics, width: int, max_lines: int = 3) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, broken at spaces, at most ``max_lines``."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate  # a line's first word always goes in; elided below if too wide
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        # the last line shown runs on with the rest, which is wider than the space: elided with "…"
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def is_cut(lines: list[str], text: str) -> bool:
    """Whether the lines show less than the whole text."""
    return " ".join(lines).split() != text.split()


class ElidedLabel(QLabel):
    """A label of one line that elides its text to its width (``text()`` is always the whole text).

    Its minimum width is that of a few letters, so a long text (a status, a date and a version
    beside a title) gives way to the buttons in its row instead of widening the window. Cut, the
    whole text is its tooltip. ``shown_text()`` is what is painted."""

    MIN_CHARS = 8

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(text, parent)
        self.mode = mode  # ElideMiddle for a file's path: its folder and its name both show
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def shown_text(self) -> str:
        room = max(0, self.contentsRect().width() - 2 * self.margin())
        return self.fontMetrics().elidedText(self.text(), self.mode, room)

    def is_cut(self) -> bool:
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        least = self.fontMetrics().horizontalAdvance("x" * self.MIN_CHARS + ELLIPSIS)
        margins = self.contentsMargins()
        return QSize(min(hint.width(), least + margins.left() + margins.right()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # the tooltip says the whole text only while it is cut (a tooltip repeating it adds nothing)
        self.setToolTip(self.text() if self.is_cut() else "")


class WrappedRows(QStyledItemDelegate):
    """Rows of a list that wraps its texts, each as tall as its text needs at the list's width.

    Qt's own wrapping list measures a row with a text layout that may let a line run a few pixels
    wider than the row paints it: the row is laid out a line short, painted with "…" and the rest
    of the row blank. Here every row is measured as wide as the list's inside, the width it is
    painted at, laid out again when the list's width changes, and its text starts at its top."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self.view.viewport().width() - 2 * self.view.spacing()
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = QRect(0, 0, max(1, width - 2 * margin), 100_000)
        height = QFontMetrics(self.view.font()).boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
        return QSize(max(1, width), height + 2)

    def initStyleOption(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class ElidedGroupBox(QGroupBox):
    """A group box whose title (a member's name and CVR number, a form's section) never makes it
    wider than its contents: a title wider than the box is elided, the whole title its tooltip
    and its accessible name. ``full_title()`` is the whole title."""

    TITLE_PADDING = 16  # px: the title starts a little in from the frame and ends before its edge

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._full = title
        self.setAccessibleName(title)

    def full_title(self) -> str:
        return self._full

    def setTitle(self, title: str) -> None:  # noqa: N802 (Qt's name)
        self._full = title
        self.setAccessibleName(title)
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        lay = self.layout()
        margins = self.contentsMargins()
        inner = lay.minimumSize().width() if lay is not None else 0
        least = max(
            inner + margins.left() + margins.right(),
            self.fontMetrics().horizontalAdvance("x" * ElidedLabel.MIN_CHARS + ELLIPSIS) + self.TITLE_PADDING,
        )
        return QSize(min(hint.width(), least), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(0, self.width() - self.TITLE_PADDING)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != super().title():
            super().setTitle(shown)
        self.setToolTip(self._full if shown != self._full else "")
