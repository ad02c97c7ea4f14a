"""Table models of the company register: companies, key figures per year, contact persons, import rows.

The companies model is filtered by the search box through ui/table.py's ``FilterProxy``: one
search text per row, made once when the rows arrive (see benchmarks/companies_bench.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.cvr import format_cvr
from ...domain.numbers import format_date, format_int, format_kr_input
from ...domain.rules import is_sme
from ...domain.vocab import label as vocab_label
from ...store.services.companies import CompanyRow, ContactRow, KeyFigures
from ...store.services.csv_io import ImportPlan
from ..noop import QT_TR_NOOP
from ..style import ERROR_TEXT, MUTED_TEXT, WARNING_TEXT
from ..table import FOREGROUND_AND_TOOLTIP, FOREGROUND_ONLY, Column, RowsTableModel

_Index = QModelIndex | QPersistentModelIndex
_WARN = QBrush(QColor(WARNING_TEXT))
_MUTED = QBrush(QColor(MUTED_TEXT))
_ERROR = QBrush(QColor(ERROR_TEXT))


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def employees_text(n: int | None) -> str:
    return "" if n is None else format_int(n)


class CompaniesModel(RowsTableModel[CompanyRow]):
    NAME, CVR, CITY, EMPLOYEES, INDUSTRY, FOCUS = range(6)
    extra_roles = FOREGROUND_AND_TOOLTIP
    search_at_load = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = [
            Column(_tr("Navn"), lambda r: r.name),
            Column(_tr("CVR"), lambda r: format_cvr(r.cvr), lambda r: r.cvr),
            Column(_tr("By"), lambda r: r.city),
            Column(
                _tr("Ansatte"),
                lambda r: employees_text(r.employees),
                lambda r: -1 if r.employees is None else r.employees,
                True,
                searched=False,  # a head count is not searched for (and babel's format is slow)
            ),
            Column(_tr("Branche"), lambda r: r.industry),
            Column(_tr("Fokusområde"), lambda r: vocab_label("focus_area", r.focus_area)),
        ]

    def search_text(self, row: CompanyRow) -> str:
        # the CVR number also as typed without spaces
        return f"{super().search_text(row)}\t{row.cvr}"

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


class ContactsModel(RowsTableModel[ContactRow]):
    NAME, ROLE, EMAIL, PHONE, CONSENT = range(5)
    extra_roles = FOREGROUND_ONLY

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = [
            Column(_tr("Navn"), lambda r: r.name),
            Column(_tr("Rolle"), lambda r: r.role),
            Column(_tr("E-mail"), lambda r: r.email),
            Column(_tr("Telefon"), lambda r: r.phone),
            Column(
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


class ImportRowsModel(RowsTableModel[Any]):
    """The preview of an import: one row per CSV line, good or bad, with what will happen or why not."""

    LINE, STATUS, CVR, NAME, NOTE = range(5)
    extra_roles = FOREGROUND_AND_TOOLTIP

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = [
            Column(_tr("Linje"), lambda r: str(r[0]), lambda r: r[0], True),
            Column(_tr("Status"), lambda r: r[1]),
            Column(_tr("CVR"), lambda r: r[2]),
            Column(_tr("Navn"), lambda r: r[3]),
            Column(_tr("Bemærkning"), lambda r: r[4]),
        ]

    def id_of(self, row: Any) -> str:
        return str(row[0])

    def set_plan(self, plan: ImportPlan, preview: list[PreviewRow] | None = None) -> None:
        """Show the plan's rows; ``preview``: ``preview_rows(plan)`` made already (in the worker)."""
        self.set_rows(preview_rows(plan) if preview is None else preview)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row[5]:
                return _ERROR
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
    HEADERS = (
        QT_TR_NOOP("År"),
        QT_TR_NOOP("Omsætning"),
        QT_TR_NOOP("Værditilv."),
        QT_TR_NOOP("Eksport"),
        QT_TR_NOOP("Ansatte"),
    )
    TOOLTIPS = (
        QT_TR_NOOP("Regnskabsår"),
        QT_TR_NOOP("Omsætning i kr."),
        QT_TR_NOOP("Værditilvækst i kr. (kan være negativ)"),
        QT_TR_NOOP("Eksport i kr."),
        QT_TR_NOOP("Antal ansatte"),
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
