"""Table models of the company register: companies, key figures per year, contact persons, import rows.

The companies model keeps one lower-case search text per row, computed once when the rows arrive,
so filtering 10.000 companies on a keystroke is one substring test per row and not a ``data()``
call per cell (see benchmarks/companies_bench.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.cvr import format_cvr
from ...domain.numbers import format_date, format_int, format_kr_input
from ...domain.rules import FOCUS_AREAS, is_sme
from ...store.services.companies import CompanyRow, ContactRow, KeyFigures
from ...store.services.csv_io import ImportPlan
from ..sync_marks import NOT_A_MARK, SyncMarked
from ..table import column_title

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_SORT = int(SORT_ROLE)
_ID = int(ID_ROLE)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND_AND_TOOLTIP = frozenset({_FOREGROUND, _TOOLTIP})
FOREGROUND_ONLY = frozenset({_FOREGROUND})
_BASE_ROLES = frozenset({_DISPLAY, _SORT, _ID, _ALIGN})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_WARN = QBrush(QColor("#8a5a00"))
_MUTED = QBrush(QColor("#7b8794"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("companies", text)


@dataclass(frozen=True)
class Col:
    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align_right: bool = False


class RecordTableModel(SyncMarked, QAbstractTableModel):
    """Read-only rows of plain records with named columns, ``row_id(index)`` and filter-as-you-type.

    The model filters and sorts its own rows: one substring test per row in a list comprehension and
    one Python sort key per row. A QSortFilterProxyModel that asks Python per row (filterAcceptsRow or
    data()) took 100–150 ms per keystroke over 10.000 companies, and seconds to re-sort after a cleared
    filter (benchmarks/companies_bench.py measures both ways).
    """

    columns: list[Col] = []
    # a further test a row must pass (a caseworker's broker filter, ui/desk/brokers.py); None: all
    row_filter: Callable[[Any], bool] | None = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._all_hay: list[str] = []
        self._rows: list[Any] = []
        self._words: list[str] = []

    # subclasses say what a row's id and search text are
    def id_of(self, row: Any) -> str:
        return str(row.id)

    def search_text(self, row: Any) -> str:
        return ""

    def set_rows(self, rows: Sequence[Any], hay: list[str] | None = None) -> None:
        """``hay``: each row's lower-case ``search_text``, made beforehand (in the loading worker)."""
        self.beginResetModel()
        self._all = list(rows)
        if hay is None or len(hay) != len(self._all):
            hay = [self.search_text(r).lower() for r in self._all]
        self._all_hay = hay
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[Any]:
        rows = self._matching()
        keep = self.row_filter
        return rows if keep is None else [r for r in rows if keep(r)]

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def _matching(self) -> list[Any]:
        words = self._words
        if not words:
            return list(self._all)
        # word by word, each a plain substring test over the rows left: all() with a generator
        # per row cost 90 ms over 20.000 companies (benchmarks/gui_stall_bench.py, filter)
        pairs = [p for p in zip(self._all, self._all_hay, strict=True) if words[0] in p[1]]
        for w in words[1:]:
            pairs = [p for p in pairs if w in p[1]]
        return [r for r, _h in pairs]

    def set_filter(self, text: str) -> None:
        """Show the rows whose search text holds every word of ``text`` (case-insensitive)."""
        words = text.lower().split()
        if words == self._words:
            return
        self._words = words
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def total_count(self) -> int:
        return len(self._all)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.id_of(self._rows[index.row()])

    def row_of_id(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if self.id_of(r) == record_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or not self._all:
            return
        col = self.columns[column]
        key = col.sort_key or (lambda r: col.text(r).lower())
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self.id_of(self._rows[i.row()]) for i in old_persistent]
        order_ = sorted(
            range(len(self._all)),
            key=lambda i: _none_last(key(self._all[i])),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._all = [self._all[i] for i in order_]
        self._all_hay = [self._all_hay[i] for i in order_]
        self._rows = self._visible()
        if old_persistent:
            where = {self.id_of(r): i for i, r in enumerate(self._rows)}
            self.changePersistentIndexList(
                old_persistent,
                [
                    self.index(where[rid], i.column()) if rid in where else QModelIndex()
                    for rid, i in zip(old_ids, old_persistent, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        return None

    # Roles this model answers; everything else returns at once. data() runs for every painted cell
    # and role, so it avoids enum comparisons (int constants) and work for roles nobody uses.
    extra_roles: frozenset[int] = frozenset()

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if self._marks and index.column() == 0 and role in (_DECORATION, _TOOLTIP):
            r = index.row()
            if 0 <= r < len(self._rows):
                value = self.sync_mark_data(self.id_of(self._rows[r]), role)
                if value is not NOT_A_MARK:
                    if role == _TOOLTIP and _TOOLTIP in self.extra_roles:
                        # the cell's own tooltip (a name elided in a narrow table) comes first
                        own = self.extra_data(self._rows[r], 0, role)
                        return f"{own}\n{value}" if own else value
                    return value
        if role != _DISPLAY and role not in _BASE_ROLES and role not in self.extra_roles:
            return None
        r = index.row()
        if not (0 <= r < len(self._rows)) or not index.isValid():
            return None
        col = self.columns[index.column()]
        row = self._rows[r]
        if role == _DISPLAY:
            return col.text(row)
        if role == _SORT:
            return col.sort_key(row) if col.sort_key else col.text(row).lower()
        if role == _ID:
            return self.id_of(row)
        if role == _ALIGN:
            return _RIGHT if col.align_right else None
        return self.extra_data(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title([c.header for c in self.columns], section, orientation, role)


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


class SearchProxy(QSortFilterProxyModel):
    """The views' proxy over a RecordTableModel: typing and sorting are passed to the model.

    It filters nothing itself on purpose (see RecordTableModel); views and other code keep one
    proxy-shaped seam (``mapToSource``, ``source_row_id``) should a column filter be added later.
    """

    def set_text(self, text: str) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.set_filter(text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def source_row_id(self, index: _Index) -> str | None:
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel) or not index.isValid():
            return None
        return model.row_id(self.mapToSource(index))


def employees_text(n: int | None) -> str:
    return "" if n is None else format_int(n)


def company_search_text(row: CompanyRow) -> str:
    """What the companies' filter searches in (plain work, made in the loading worker)."""
    return f"{row.name}\t{row.cvr}\t{format_cvr(row.cvr)}\t{row.city}\t{row.industry}"


class CompaniesModel(RecordTableModel):
    NAME, CVR, CITY, EMPLOYEES, INDUSTRY, FOCUS = range(6)
    extra_roles = FOREGROUND_AND_TOOLTIP

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Col(_tr("Navn"), lambda r: r.name),
            Col(_tr("CVR"), lambda r: format_cvr(r.cvr), lambda r: r.cvr),
            Col(_tr("By"), lambda r: r.city),
            Col(
                _tr("Ansatte"),
                lambda r: employees_text(r.employees),
                lambda r: -1 if r.employees is None else r.employees,
                True,
            ),
            Col(_tr("Branche"), lambda r: r.industry),
            Col(_tr("Fokusområde"), lambda r: FOCUS_AREAS.get(r.focus_area, "")),
        ]

    def search_text(self, row: CompanyRow) -> str:
        return company_search_text(row)

    def extra_data(self, row: CompanyRow, column: int, role: int) -> Any:
        if column == self.EMPLOYEES and is_sme(row.employees) is False:
            if role == Qt.ItemDataRole.ForegroundRole:
                return _WARN
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Uden for målgruppen af SMV'er")
        if column == self.NAME and role == Qt.ItemDataRole.ToolTipRole:
            # the name column is elided in a narrow table: the full name is always at hand
            return f"{row.name} · {_tr('Videninstitution')}" if row.is_knowledge_institution else row.name
        if column == self.INDUSTRY and role == Qt.ItemDataRole.ToolTipRole:
            return row.industry or None  # capped in width: the whole text on hover
        return None


class ContactsModel(RecordTableModel):
    NAME, ROLE, EMAIL, PHONE, CONSENT = range(5)
    extra_roles = FOREGROUND_ONLY

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Col(_tr("Navn"), lambda r: r.name),
            Col(_tr("Rolle"), lambda r: r.role),
            Col(_tr("E-mail"), lambda r: r.email),
            Col(_tr("Telefon"), lambda r: r.phone),
            Col(
                _tr("Samtykke"),
                lambda r: format_date(r.consent_date) if r.consent_date else "",
                lambda r: r.consent_date.isoformat() if r.consent_date else "",
            ),
        ]

    def extra_data(self, row: ContactRow, column: int, role: int) -> Any:
        if row.anonymized and role == Qt.ItemDataRole.ForegroundRole:
            return _MUTED
        return None


PreviewRow = tuple[int, str, str, str, str, bool]  # line, status, CVR, name, note, is an error


def preview_rows(plan: ImportPlan) -> list[PreviewRow]:
    """The import preview's rows, errors first; plain work, safe in a worker."""
    error, new, update = _tr("Fejl"), _tr("Ny"), _tr("Opdateres")
    rows: list[PreviewRow] = []
    for p in plan.problems:
        rows.append((p.line, error, p.cvr, p.name, " ".join(p.reasons), True))
    for r in plan.rows:
        status = new if r.existing_id is None else update
        rows.append((r.line, status, format_cvr(r.data.cvr), r.data.name, " ".join(r.warnings), False))
    rows.sort(key=lambda r: (not r[5], r[0]))
    return rows


class ImportRowsModel(RecordTableModel):
    """The preview of an import: one row per CSV line, good or bad, with what will happen or why not."""

    LINE, STATUS, CVR, NAME, NOTE = range(5)
    extra_roles = FOREGROUND_AND_TOOLTIP

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Col(_tr("Linje"), lambda r: str(r[0]), lambda r: r[0], True),
            Col(_tr("Status"), lambda r: r[1]),
            Col(_tr("CVR"), lambda r: r[2]),
            Col(_tr("Navn"), lambda r: r[3]),
            Col(_tr("Bemærkning"), lambda r: r[4]),
        ]

    def id_of(self, row: Any) -> str:
        return str(row[0])

    def set_plan(self, plan: ImportPlan, rows: list[PreviewRow] | None = None) -> None:
        """``rows``: ``preview_rows(plan)`` made beforehand (in the import's worker)."""
        self.set_rows(preview_rows(plan) if rows is None else rows)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row[5]:
                return QBrush(QColor("#8b1a1a"))
            if row[4]:
                return _WARN
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and row[4]:
            return row[4]
        return None


class KeyFiguresModel(QAbstractTableModel):
    """Key figures per year, edited in place as text (kroner typed the Danish way).

    Rows hold the typed text; ``figures()`` parses them (raising a Danish DomainError) when saving.
    """

    YEAR, TURNOVER, VALUE_ADDED, EXPORT, EMPLOYEES = range(5)
    HEADERS = ("År", "Omsætning", "Værditilv.", "Eksport", "Ansatte")
    TOOLTIPS = (
        "Regnskabsår",
        "Omsætning i kr.",
        "Værditilvækst i kr. (kan være negativ)",
        "Eksport i kr.",
        "Antal ansatte",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_figures(self, figures: Sequence[KeyFigures]) -> None:
        def money(v: int | None) -> str:
            return "" if v is None else format_kr_input(v)

        self.beginResetModel()
        self._rows = [
            [
                str(f.year),
                money(f.turnover_ore),
                money(f.value_added_ore),
                money(f.export_ore),
                "" if f.employees is None else str(f.employees),
            ]
            for f in figures
        ]
        self.endResetModel()

    def add_year(self, year: int) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([str(year), "", "", "", ""])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def texts(self) -> list[list[str]]:
        return [list(r) for r in self._rows]

    def years(self) -> list[str]:
        return [r[0] for r in self._rows]

    def row_id(self, index: _Index) -> str | None:
        return self._rows[index.row()][0] if index.isValid() and index.row() < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != self.YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._rows):
            return False
        self._rows[index.row()][index.column()] = str(value or "").strip()
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr(self.TOOLTIPS[section])
        return None
