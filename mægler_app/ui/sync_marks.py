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
from .style import SYNC_CONFLICT, SYNC_PENDING, SYNC_REJECTED


def _tr(text: str) -> str:
    return QCoreApplication.translate("sync_marks", text)


_COLOURS = {MARK_PENDING: SYNC_PENDING, MARK_CONFLICT: SYNC_CONFLICT, MARK_REJECTED: SYNC_REJECTED}


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


_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
NOT_A_MARK = object()  # sync_mark_data's answer for a role it does not serve


class SyncMarked:
    """For table models (mixed in before QAbstractTableModel): marks before the first column.

    The model calls ``sync_mark_data(record_id, role)`` for column 0 in its ``data()``.
    """

    _marks: dict[str, str] = {}  # replaced, never changed in place

    def set_sync_marks(self, marks: dict[str, str]) -> None:
        """Record id → its OutboxStatus."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        rows = self.rowCount()  # type: ignore[attr-defined]
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0), [_DECORATION])  # type: ignore[attr-defined]

    def sync_mark(self, record_id: str) -> str | None:
        return self._marks.get(record_id)

    def sync_mark_data(self, record_id: str, role: int) -> object:
        if not self._marks:
            return NOT_A_MARK
        if role == _DECORATION:
            mark = self._marks.get(record_id)
            return blank_icon() if mark is None else mark_icon(mark)  # blank: text stays in line
        if role == _TOOLTIP and record_id in self._marks:
            return mark_text(self._marks[record_id])
        return NOT_A_MARK
