"""Marks on list rows for records the server has not accepted yet (DESIGN §5, issue 8 §6).

A small dot before the first column: blue-grey for a change waiting to be sent, amber for a
conflict, red for a change Væksthus' server refused; the tooltip says which, in Danish, and where
to act. Views load the marks with their rows (``store.services.overview.sync_marks``) and hand
them to their model's ``set_sync_marks``.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..store.services.overview import MARK_CONFLICT, MARK_PENDING, MARK_REJECTED


def _tr(text: str) -> str:
    return QCoreApplication.translate("sync_marks", text)


_COLOURS = {MARK_PENDING: "#5b7083", MARK_CONFLICT: "#c77700", MARK_REJECTED: "#c62828"}


def mark_text(mark: str) -> str:
    if mark == MARK_CONFLICT:
        return _tr("Konflikt med Væksthus' udgave – vælg hvilken der gælder under Synkronisering.")
    if mark == MARK_REJECTED:
        return _tr("Afvist af Væksthus' server – se begrundelsen under Synkronisering.")
    return _tr("Ikke sendt til Væksthus endnu – sendes ved næste synkronisering.")


@cache
def mark_icon(mark: str) -> QIcon:
    icon = QIcon()
    for size in (12, 16, 24):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(_COLOURS.get(mark, _COLOURS[MARK_PENDING]))
        pen = QPen(colour.darker(120))
        pen.setWidthF(max(1.5, size / 8))
        painter.setPen(pen)
        # a ring for "not sent yet" (nothing wrong), a filled dot where the broker must act
        painter.setBrush(Qt.BrushStyle.NoBrush if mark == MARK_PENDING else colour)
        inset = size * 0.22
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def blank_icon() -> QIcon:
    """Keeps unmarked rows' text in line with marked ones."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def decoration(marks: dict[str, str], record_id: str) -> QIcon:
    mark = marks.get(record_id)
    return blank_icon() if mark is None else mark_icon(mark)
