"""The app's one table framework: a model over plain rows (dataclasses) with named columns
(``RowsTableModel``), the one proxy that filters and sorts it (``FilterProxy``), and the one way
a table view is set up (``make_table_view``). Editable tables keep their own models (they hold
typed text, see ``CellFaults``) and are set up by ``make_table_view`` too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .style import ERROR_BACKGROUND, ERROR_TEXT
from .sync_marks import NOT_A_MARK, SyncMarked
from .worker import LET_GO_AT, let_go, settle_rows

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


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value) + 2
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
FOREGROUND_AND_TOOLTIP = frozenset({_FOREGROUND, _TOOLTIP})
FOREGROUND_ONLY = frozenset({_FOREGROUND})
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


def sort_text(text: str) -> str:
    """A text's sort key: any case, and æ, ø, å after z in that order (the Danish alphabet)."""
    return text.casefold().translate(_DANISH_ORDER)


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


# A sort of more keys than this is done a run at a time (``sorted_in_runs``).
SORT_RUN = 4096


def sorted_in_runs(keys: list[Any], descending: bool = False) -> list[int]:
    """The positions of ``keys`` in their order (as ``sorted(range(len(keys)), key=keys.__getitem__,
    reverse=descending)``, equal keys in their first order), sorted ``SORT_RUN`` at a time and the
    sorted runs then merged. A sort is one call into C that keeps the interpreter until it ends:
    30.000 companies by CVR number held it 15–22 ms in a list's worker, and the window with it
    (benchmarks/gui_stall_bench.py); a run at a time it is let go between runs, the longest hold
    3–4 ms (the merge), the whole about as long as before."""
    order = list(range(len(keys)))
    get = keys.__getitem__
    if len(order) > SORT_RUN:
        for start in range(0, len(order), SORT_RUN):
            order[start : start + SORT_RUN] = sorted(
                order[start : start + SORT_RUN], key=get, reverse=descending
            )
    order.sort(key=get, reverse=descending)  # the runs found and merged (Python's sort does)
    return order


@dataclass(frozen=True)
class Prepared:
    """What ``set_rows`` would otherwise work out on the GUI thread, made beforehand in a worker
    (``RowsTableModel.prepare``): the rows' search texts and their order by the column the list is
    sorted by, so a long list's reload is a model reset and no Python work per row."""

    hay: list[str] | None = None
    orders: dict[tuple[int, bool], list[int]] | None = None
    ids: dict[str, int] | None = None  # record id → row


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its title, a row's text, and optionally its sort key (else the text, the Danish
    way), right alignment, tooltip, and whether the search box looks in it (``searched``)."""

    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    searched: bool = True


class RowsTableModel(SyncMarked, QAbstractTableModel, Generic[R]):
    """Read-only rows of plain values with named columns; ``row_id(index)`` gives the record id.

    Either made with its columns and id function, or subclassed (columns set in ``__init__``, and
    ``extra_data`` for the ``extra_roles``: a colour or a tooltip per cell). It does not filter or
    sort: ``FilterProxy`` does, from ``search_texts()`` and ``sorted_rows()``, which cost one
    Python call per row instead of one per row per comparison or per cell.
    """

    ID_ROLE = Qt.ItemDataRole.UserRole + 2
    # roles ``extra_data`` answers; data() runs for every painted cell and role, so every other
    # role returns at once (int constants, not enum comparisons)
    extra_roles: frozenset[int] = frozenset()
    # a long list searched as it is typed: its search texts are made as the rows arrive, not on the
    # first keystroke (benchmarks/companies_bench.py); else when first searched
    search_at_load = False

    def __init__(
        self,
        columns: Sequence[Column[R]] = (),
        id_of: Callable[[R], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column[R]] = list(columns)
        self._id_of = id_of
        self._rows: list[R] = []
        self._hay: list[str] | None = None
        self._orders: dict[tuple[int, bool], list[int]] = {}  # (column, descending) → rows in order
        self._ids: dict[str, int] | None = None  # record id → row, made when first asked

    def id_of(self, row: R) -> str:
        return self._id_of(row) if self._id_of is not None else str(row.id)  # type: ignore[attr-defined]

    def search_text(self, row: R) -> str:
        """What the search box looks in: the searched columns' texts (and what a subclass adds)."""
        return "\t".join([c.text(row) for c in self.columns if c.searched])

    def search_texts(self) -> list[str]:
        """Every row's search text, case-folded, made once per ``set_rows``."""
        if self._hay is None:
            self._hay = [self.search_text(r).casefold() for r in self._rows]
        return self._hay

    def sorted_rows(self, column: int, descending: bool) -> list[int]:
        """The rows' numbers in the order of ``column`` (empty values last), made once per
        ``set_rows`` (or beforehand, by ``prepare``)."""
        order = self._orders.get((column, descending))
        if order is None:
            order = self._orders[(column, descending)] = self._order_of(self._rows, column, descending)
        return order

    def _order_of(self, rows: Sequence[R], column: int, descending: bool) -> list[int]:
        col = self.columns[column]
        key = col.sort_key or (lambda r: sort_text(col.text(r)))
        keys = [key(r) for r in rows]
        if None in keys:  # empty values last; else the values themselves, compared 3× faster
            keys = [_none_last(k) for k in keys]
        return sorted_in_runs(keys, descending)

    def prepare(self, rows: Sequence[R], sort: tuple[int, bool] | None = None) -> Prepared:
        """``set_rows``' per-row work for ``rows``, to be done in a worker: the search texts (of a
        ``search_at_load`` model) and the order by ``sort`` (column, descending: the proxy's
        ``sorting()`` when the load started). Plain Python over the rows and columns, no Qt."""
        hay = [self.search_text(r).casefold() for r in rows] if self.search_at_load else None
        orders = {}
        if sort is not None and 0 <= sort[0] < len(self.columns):
            orders[sort] = self._order_of(rows, *sort)
        return Prepared(hay, orders, self._ids_of(rows))

    def _ids_of(self, rows: Sequence[R]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for i, r in enumerate(rows):
            ids.setdefault(self.id_of(r), i)  # the first row of an id, as a search from the top finds
        return ids

    def set_rows(self, rows: Sequence[R], *, prepared: Prepared | None = None) -> None:
        """Show ``rows``; ``prepared``: their ``prepare`` (made in a worker), else it is made here.
        The rows shown before are freed in the thread pool when there are many (``let_go``)."""
        old_rows, old_rest = self._rows, [self._hay, self._ids, self._orders]
        self.beginResetModel()
        self._rows = list(rows)
        self._hay = prepared.hay if prepared is not None else None
        self._orders = dict(prepared.orders or {}) if prepared is not None else {}
        self._ids = prepared.ids if prepared is not None else None
        if self.search_at_load:
            self.search_texts()
        self.endResetModel()
        let_go(old_rows, old_rest)
        if len(self._rows) >= LET_GO_AT:
            settle_rows()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.id_of(self._rows[index.row()])

    def row_of_id(self, record_id: str) -> int:
        if self._ids is None:
            self._ids = self._ids_of(self._rows)
        return self._ids.get(record_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), int(role))

    def cell(self, r: int, c: int, role: int) -> Any:
        """``data()`` of the cell in row ``r``, column ``c``."""
        if not (0 <= r < len(self._rows)):
            return None
        row = self._rows[r]
        col = self.columns[c]
        if role == _DISPLAY:
            return col.text(row)
        if role == _ALIGN:
            return _RIGHT if col.align_right else None
        if c == 0 and self._marks and (role == _DECORATION or role == _TOOLTIP):
            value = self.sync_mark_data(self.id_of(row), role)
            if value is not NOT_A_MARK:
                if role == _TOOLTIP:
                    # the cell's own tooltip (a name elided in a narrow table) comes first
                    own = self._tooltip(row, col, c)
                    return f"{own}\n{value}" if own else value
                return value
        if role == _TOOLTIP:
            return self._tooltip(row, col, c)
        if role == _ID:
            return self.id_of(row)
        if role in self.extra_roles:
            return self.extra_data(row, c, role)
        return None

    def _tooltip(self, row: R, col: Column[R], c: int) -> Any:
        if col.tooltip is not None:
            return col.tooltip(row)
        return self.extra_data(row, c, _TOOLTIP) if _TOOLTIP in self.extra_roles else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title([c.header for c in self.columns], section, orientation, role)


class TextsOnceModel(RowsTableModel[R]):
    """A ``RowsTableModel`` whose cells' values, per role, are made once per ``set_rows``: babel's
    number and date formatting is slow enough that a table asking every cell again on every
    repaint, resize and column fit stalls the event loop (benchmarks/caseworker_views.py: Mæglere,
    Indbakke). For tables without sync marks (a mark set later would not be seen)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._cells: dict[tuple[int, int, int], Any] = {}

    def set_rows(
        self,
        rows: Sequence[R],
        texts: dict[tuple[int, int, int], Any] | None = None,
        *,
        prepared: Prepared | None = None,
    ) -> None:
        """``texts``: the cells' display texts made beforehand (``display_texts``, in a worker)."""
        self._cells = dict(texts or {})
        super().set_rows(rows, prepared=prepared)

    def display_texts(self, rows: Sequence[R]) -> dict[tuple[int, int, int], Any]:
        """Every cell's display text of ``rows``: plain formatting, safe to run in a worker, so a
        large table's numbers are not formatted on the event loop's clock."""
        return {
            (r, c, _DISPLAY): col.text(row)
            for r, row in enumerate(rows)
            for c, col in enumerate(self.columns)
        }

    def cell(self, r: int, c: int, role: int) -> Any:
        key = (r, c, role)
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = super().cell(r, c, role)
            return value


class FilterProxy(QAbstractProxyModel):
    """The one proxy between a ``RowsTableModel`` and its view: filter-as-you-type and sorting.

    ``set_text``: the rows whose search text (the searched columns' texts) holds every word typed,
    in any case (æ/Æ, ø/Ø, å/Å alike); ``set_row_filter``: a further test a row must pass (a
    caseworker's broker filter, ui/desk/brokers.py). The proxy keeps the list of the model's rows
    it shows, in order: a keystroke is one substring test per row, a sort one key per row. A
    QSortFilterProxyModel asks Python once per row (``filterAcceptsRow``) or per comparison
    (``lessThan``/``data()``), which stalls a keystroke over 10.000 companies
    (benchmarks/companies_bench.py measures both ways).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: RowsTableModel[Any] | None = None
        self._words: list[str] = []
        self._row_filter: Callable[[Any], bool] | None = None
        self._sort_column = -1
        self._descending = False
        self._order: list[int] | None = None  # the model's rows in sort order (None: the model's)
        self._map: list[int] = []  # proxy row → model row
        self._back: list[int] | None = None  # model row → proxy row (-1: hidden), made when asked

    # the model ----------------------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, RowsTableModel), model
        old = self._model
        if old is not None:
            for signal, slot in self._wiring(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model
        for signal, slot in self._wiring(model):
            signal.connect(slot)
        self._resort()
        self._remap()
        self.endResetModel()

    def _wiring(self, model: RowsTableModel[Any]) -> list[tuple[Any, Any]]:
        # the model only resets (set_rows): anything else that reshapes it is taken as a reset too
        return [
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._source_reset),
            (model.layoutAboutToBeChanged, self.beginResetModel),
            (model.layoutChanged, self._source_reset),
            (model.rowsAboutToBeInserted, self.beginResetModel),
            (model.rowsInserted, self._source_reset),
            (model.rowsAboutToBeRemoved, self.beginResetModel),
            (model.rowsRemoved, self._source_reset),
            (model.dataChanged, self._source_data_changed),
            (model.headerDataChanged, self.headerDataChanged),
        ]

    def _source_reset(self, *_args: Any) -> None:
        self._resort()
        self._remap()
        self.endResetModel()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        if self._map:
            self.dataChanged.emit(
                self.index(0, top_left.column()), self.index(len(self._map) - 1, bottom_right.column()), roles
            )

    def table_model(self) -> RowsTableModel[Any]:
        assert self._model is not None
        return self._model

    # filtering and sorting ----------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show the rows whose search text holds every word of ``text`` (any case)."""
        words = text.casefold().split()
        if words != self._words:
            self._words = words
            self.refilter()

    def set_row_filter(self, keep: Callable[[Any], bool] | None) -> None:
        """A further test a row must pass (None: every row); ``refilter()`` applies it."""
        self._row_filter = keep

    def sorting(self) -> tuple[int, bool] | None:
        """The column the rows are sorted by and whether descending (None: the model's order):
        what a worker preparing the next rows sorts them by (``RowsTableModel.prepare``)."""
        return (self._sort_column, self._descending) if self._sort_column >= 0 else None

    def refilter(self) -> None:
        self.beginResetModel()
        self._remap()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        shown = [self._map[i.row()] if 0 <= i.row() < len(self._map) else -1 for i in persistent]
        self._resort()
        self._remap()
        if persistent:
            back = self._back_map()
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(back[s], i.column()) if s >= 0 and back[s] >= 0 else QModelIndex()
                    for s, i in zip(shown, persistent, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def _resort(self) -> None:
        model = self._model
        if model is None or not (0 <= self._sort_column < model.columnCount()) or not model.rowCount():
            self._order = None
        else:
            self._order = model.sorted_rows(self._sort_column, self._descending)

    def _remap(self) -> None:
        model = self._model
        self._back = None
        if model is None:
            self._map = []
            return
        rows: Sequence[int] = self._order if self._order is not None else range(model.rowCount())
        words = self._words
        if words:
            hay = model.search_texts()
            if len(words) == 1:
                word = words[0]
                rows = [i for i in rows if word in hay[i]]
            else:
                rows = [i for i in rows if all(w in hay[i] for w in words)]
        keep = self._row_filter
        if keep is not None:
            values = model._rows
            rows = [i for i in rows if keep(values[i])]
        self._map = list(rows)

    def _back_map(self) -> list[int]:
        if self._back is None:
            back = [-1] * (self._model.rowCount() if self._model is not None else 0)
            for proxy_row, model_row in enumerate(self._map):
                back[model_row] = proxy_row
            self._back = back
        return self._back

    # what the views and the views' code ask ----------------------------------------------------
    def rows(self) -> list[Any]:
        """The rows shown, in the order shown."""
        model = self._model
        return [] if model is None else [model._rows[i] for i in self._map]

    def row_at(self, row: int) -> Any:
        return self.table_model().row_at(self._map[row])

    def source_row_id(self, index: _Index) -> str | None:
        """The record id behind a row of this proxy."""
        if not index.isValid() or not (0 <= index.row() < len(self._map)) or self._model is None:
            return None
        return self._model.id_of(self._model._rows[self._map[index.row()]])

    def index_of_id(self, record_id: str, column: int = 0) -> QModelIndex:
        """This proxy's index of the record's row (invalid when it is not shown)."""
        model = self._model
        if model is None:
            return QModelIndex()
        return self.mapFromSource(model.index(model.row_of_id(record_id), column))

    # QAbstractProxyModel ----------------------------------------------------------------------
    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        if self._model is None or not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._map)):
            return QModelIndex()
        return self._model.index(self._map[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        back = self._back_map()
        row = source_index.row()
        if not (0 <= row < len(back)) or back[row] < 0:
            return QModelIndex()
        return self.index(back[row], source_index.column())

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._map)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: _Index | None = None) -> Any:
        if child is None:
            return QObject.parent(self)  # the object's parent, as for any QObject
        return QModelIndex()

    def sibling(self, row: int, column: int, index: _Index) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._map)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._model is None else len(self._model.columns)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._map) and self.columnCount() > 0

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        r = index.row()
        if self._model is None or not index.isValid() or not (0 <= r < len(self._map)):
            return None
        return self._model.cell(self._map[r], index.column(), int(role))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._model is None or orientation != Qt.Orientation.Horizontal:
            return None
        return self._model.headerData(section, orientation, role)


# How an editable table's cell is edited: a double click, F2, or typing over it (Qt's own default).
_EDIT_CELLS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


def make_table_view(
    model: QAbstractItemModel | None,
    name: str,
    accessible_name: str = "",
    *,
    sort: tuple[int, Qt.SortOrder] | None = None,
    stretch: Sequence[int] = (),
    fit: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Interactive,
    stretch_last: bool = False,
    alternating: bool = False,
    word_wrap: bool = False,
    edit: bool = False,
    precision: int | None = None,
    row_height: int | None = None,
    parent: QWidget | None = None,
) -> QTableView:
    """The one set-up of a table view: no row numbers, whole rows chosen one at a time, not edited
    (``edit``: cells typed in), one line per row (a long text cut with "…", whole in its tooltip).

    ``sort``: sorted by clicking a title, first by (column, order) (a ``FilterProxy`` sorts);
    ``stretch``: the columns that share the width left over, the others sized by ``fit``;
    ``precision``: how many rows Qt measures when it fits a column to its contents (a long
    list's every row would stall the GUI); ``row_height``: from ui/style.py.
    """
    view = QTableView(parent)
    view.setObjectName(name)
    if accessible_name:
        view.setAccessibleName(accessible_name)
    if model is not None:  # else set later (a model per record shown)
        view.setModel(model)
    view.verticalHeader().setVisible(False)
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    if edit:  # cells are typed in: chosen one or more at a time, edited as Qt's default has it
        view.setEditTriggers(_EDIT_CELLS)
    else:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.setWordWrap(word_wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    if fit != QHeaderView.ResizeMode.Interactive:
        header.setSectionResizeMode(fit)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if precision is not None:
        header.setResizeContentsPrecision(precision)
    if sort is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(*sort)
    return view


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
