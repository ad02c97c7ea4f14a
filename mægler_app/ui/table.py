"""A table model over plain rows (dataclasses) with named columns, and a filter proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from .sync_marks import decoration, mark_text

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Rows are plain values; ``row_id(index)`` gives the record id behind a row."""

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, columns: Sequence[Column[R]], id_of: Callable[[R], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._id_of = id_of
        self._rows: list[R] = []
        self._marks: dict[str, str] = {}

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def set_sync_marks(self, marks: dict[str, str]) -> None:
        """Record id → "pending" / "conflict" / "rejected": shown before the first column."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.DecorationRole]
            )

    def sync_mark(self, record_id: str) -> str | None:
        return self._marks.get(record_id)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._id_of(self._rows[index.row()])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        col = self._columns[index.column()]
        row = self._rows[index.row()]
        if self._marks and index.column() == 0:
            if role == _DECORATION:
                return decoration(self._marks, self._id_of(row))
            if role == _TOOLTIP and self._id_of(row) in self._marks:
                return mark_text(self._marks[self._id_of(row)])
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == self.SORT_ROLE:
            return col.sort_key(row) if col.sort_key else col.text(row)
        if role == self.ID_ROLE:
            return self._id_of(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].header
        return None


class FilterProxy(QSortFilterProxyModel):
    """Filter-as-you-type over every column, case-insensitive; sorts by the model's sort keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(RowsTableModel.SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
