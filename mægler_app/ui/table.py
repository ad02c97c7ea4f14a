"""A table model over plain rows (dataclasses) with named columns, and a filter proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from .style import ERROR_BACKGROUND, ERROR_TEXT
from .sync_marks import NOT_A_MARK, SyncMarked

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex


def column_title(titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """What a table model's ``headerData`` gives: the column's title, for the top header's text only."""
    if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
        if 0 <= section < len(titles):
            return titles[section]
    return None


@dataclass(frozen=True)
class CellFault:
    """Text typed into a cell that could not be read, and why (Danish)."""

    text: str
    message: str

    ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
    )

    def data(self, role: int) -> Any:
        """What the cell shows for ``role`` (one of ``ROLES``): the text as typed, marked as wrong."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(ERROR_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.message
        return self.text


class CellFaults:
    """The unreadable text of an editable table, by (row, column).

    A cell whose text cannot be read keeps that text (shown and offered for editing again) instead
    of falling back to its old value: nothing the broker typed is dropped while it is corrected.
    """

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], CellFault] = {}

    def put(self, row: int, column: int, text: str, message: str) -> None:
        self._cells[(row, column)] = CellFault(text, message)

    def drop(self, row: int, column: int) -> None:
        self._cells.pop((row, column), None)

    def clear(self) -> None:
        self._cells.clear()

    def get(self, row: int, column: int) -> CellFault | None:
        return self._cells.get((row, column))

    def remove_row(self, row: int) -> None:
        """The row is gone: its faults go, and those below move up with their rows."""
        self._cells = {
            (r - 1 if r > row else r, c): fault for (r, c), fault in self._cells.items() if r != row
        }

    def cells(self) -> list[tuple[int, int, CellFault]]:
        return [(r, c, fault) for (r, c), fault in sorted(self._cells.items())]

    def __bool__(self) -> bool:
        return bool(self._cells)


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


class RowsTableModel(SyncMarked, QAbstractTableModel, Generic[R]):
    """Rows are plain values; ``row_id(index)`` gives the record id behind a row."""

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, columns: Sequence[Column[R]], id_of: Callable[[R], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._id_of = id_of
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

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
        if index.column() == 0:
            value = self.sync_mark_data(self._id_of(row), role)
            if value is not NOT_A_MARK:
                return value
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
        return column_title([c.header for c in self._columns], section, orientation, role)


class TextsOnceModel(RowsTableModel[R]):
    """A ``RowsTableModel`` whose cells' values, per role, are made once per ``set_rows``: babel's
    number and date formatting is slow enough that a table asking every cell again on every
    repaint, resize and column fit stalls the event loop (benchmarks/caseworker_views.py: Mæglere,
    Indbakke). For tables without sync marks (a mark set later would not be seen)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._cells: dict[tuple[int, int, int], Any] = {}

    def set_rows(self, rows: Sequence[R], texts: dict[tuple[int, int, int], Any] | None = None) -> None:
        """``texts``: the cells' display texts made beforehand (``display_texts``, in a worker)."""
        self._cells = dict(texts or {})
        super().set_rows(rows)

    def display_texts(self, rows: Sequence[R]) -> dict[tuple[int, int, int], Any]:
        """Every cell's display text of ``rows``: plain formatting, safe to run in a worker, so a
        large table's numbers are not formatted on the event loop's clock."""
        role = int(Qt.ItemDataRole.DisplayRole)
        return {
            (r, c, role): col.text(row) for r, row in enumerate(rows) for c, col in enumerate(self._columns)
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = (index.row(), index.column(), int(role))
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = super().data(index, role)
            return value


# A header section's padding (QHeaderView::section in ui/style.py), the sort arrow's room in the
# sorted section, and a cell's padding.
HEADER_ROOM = 12
SORT_ARROW = 14
CELL_ROOM = 14


def text_widths(view: QTableView) -> list[tuple[int, int]]:
    """Per column of the view's model: (the width its title needs, without the sort arrow; the
    width its widest value needs). Measured from the texts with the fonts they are drawn in, which
    costs far less than ``resizeColumnsToContents`` (that asks every cell for every role and lays
    each out). A title may have several lines."""
    model = view.model()
    if model is None:
        return []
    cell_metrics = view.fontMetrics()
    header = view.horizontalHeader()
    title_font = QFont(header.font())
    title_font.setWeight(QFont.Weight.DemiBold)  # the style sheet draws titles semibold
    title_metrics = QFontMetrics(title_font)
    rows = model.rowCount()
    out = []
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        need = max(title_metrics.horizontalAdvance(line) for line in title.split("\n")) + HEADER_ROOM
        texts = (str(model.index(row, column).data() or "") for row in range(rows))
        cells = max((cell_metrics.horizontalAdvance(t) + CELL_ROOM for t in texts), default=0)
        out.append((need, cells))
    return out


def fit_to_texts(view: QTableView, skip: tuple[int, ...] = ()) -> None:
    """Each column (but ``skip``: a stretching one) as wide as its title and widest value."""
    header = view.horizontalHeader()
    sorted_by = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
    for column, (title, cells) in enumerate(text_widths(view)):
        if column not in skip:
            header.resizeSection(column, max(title + (SORT_ARROW if column == sorted_by else 0), cells))


class FilterProxy(QSortFilterProxyModel):
    """Filter-as-you-type over every column, case-insensitive; sorts by the model's sort keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(RowsTableModel.SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
