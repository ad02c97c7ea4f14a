"""Table models of the meeting log, the expenses, the budgets and a meeting's next steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ...domain.errors import DomainError
from ...domain.numbers import (
    format_date,
    format_date_input,
    format_datetime,
    format_kr,
    format_percent_bp,
    parse_date,
)
from ...domain.vocab import ExpenseStatus
from ...store.services.expenses import Budget, ExpenseRow
from ...store.services.meetings import MeetingRow, NextStep
from ..style import ERROR_TEXT, WARNING_TEXT
from ..table import FOREGROUND_ONLY, CellFault, CellFaults, Column, RowsTableModel, column_title

_Index = QModelIndex | QPersistentModelIndex
_ERROR = QColor(ERROR_TEXT)
_WARN = QColor(WARNING_TEXT)
_STATUS: dict[str, str] = {ExpenseStatus.FINAL: "Endelig", ExpenseStatus.DRAFT: "Kladde"}


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("meetings", text)


class MeetingsModel(RowsTableModel[MeetingRow]):
    COL_WHEN, COL_KIND, COL_PLACE, COL_PARTICIPANTS, COL_OPEN_STEPS, COL_COST = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    _tr("Tidspunkt"),
                    lambda r: format_datetime(r.starts_at),
                    lambda r: r.starts_at.timestamp(),
                ),
                Column(
                    _tr("Mødetype"),
                    lambda r: r.kind_label + (_tr(" (planlagt)") if r.planned else ""),
                    tooltip=lambda r: r.kind_label + (_tr(" (planlagt)") if r.planned else ""),
                ),
                Column(_tr("Sted"), lambda r: r.place, tooltip=lambda r: r.place),
                Column(_tr("Deltagere"), lambda r: str(r.participants), lambda r: r.participants, True),
                Column(_tr("Åbne skridt"), lambda r: str(r.open_steps), lambda r: r.open_steps, True),
                Column(
                    _tr("Udgift"),
                    lambda r: (
                        format_kr(r.spent_ore)
                        if r.spent_ore or not r.planned
                        else _tr("anslået %1").replace("%1", format_kr(r.estimated_cost_ore))
                    ),
                    lambda r: r.spent_ore or r.estimated_cost_ore,
                    True,
                ),
            ],
            lambda r: r.id,
            parent,
        )


class ExpensesModel(RowsTableModel[ExpenseRow]):
    COL_DATE, COL_CATEGORY, COL_DESCRIPTION, COL_RECEIPT, COL_STATUS, COL_AMOUNT = range(6)
    extra_roles = FOREGROUND_ONLY  # over the frame, or a receipt missing

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(_tr("Dato"), lambda r: format_date(r.spent_on), lambda r: r.spent_on.toordinal()),
                Column(_tr("Kategori"), lambda r: r.category_label),
                Column(
                    _tr("Beskrivelse"),
                    lambda r: r.description + (f" · {r.meeting}" if r.meeting else ""),
                    tooltip=lambda r: (
                        r.override_reason and _tr("Over rammen: %1").replace("%1", r.override_reason)
                    ),
                ),
                Column(
                    _tr("Kvittering"),
                    lambda r: r.receipt_name or (_tr("Mangler") if r.missing_receipt else "–"),
                ),
                Column(
                    _tr("Status"),
                    lambda r: _STATUS.get(r.status, r.status) + (_tr(" · over rammen") if r.flagged else ""),
                ),
                Column(_tr("Beløb"), lambda r: format_kr(r.amount_ore), lambda r: r.amount_ore, True),
            ],
            lambda r: r.id,
            parent,
        )

    def extra_data(self, row: ExpenseRow, column: int, role: int) -> Any:
        if row.flagged:
            return _ERROR
        return _WARN if row.missing_receipt else None


class BudgetsModel(RowsTableModel[Budget]):
    COL_NETWORK, COL_OPENED, COL_SPENT, COL_COMMITTED, COL_REMAINING, COL_USED = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(_tr("Netværk"), lambda b: b.network),
                Column(
                    _tr("Ramme åbnet"),
                    lambda b: format_date(b.opened_on) if b.opened_on else _tr("ikke åbnet"),
                    lambda b: b.opened_on.toordinal() if b.opened_on else 0,
                ),
                Column(_tr("Brugt"), lambda b: format_kr(b.spent_ore), lambda b: b.spent_ore, True),
                Column(
                    _tr("Planlagt"), lambda b: format_kr(b.committed_ore), lambda b: b.committed_ore, True
                ),
                Column(_tr("Tilbage"), lambda b: format_kr(b.remaining_ore), lambda b: b.remaining_ore, True),
                Column(
                    _tr("Brugt og planlagt"),
                    lambda b: format_percent_bp(b.used_permille // 10 * 100),
                    lambda b: b.used_permille,
                    True,
                    tooltip=lambda b: b.warning(),
                ),
            ],
            lambda b: b.network_id,
            parent,
        )


class NextStepsModel(QAbstractTableModel):
    """A meeting's next steps, edited in place: text, owner, due date (typed ``1.5.2026``), done."""

    COL_TEXT, COL_OWNER, COL_DUE, COL_DONE = range(4)
    HEADERS = ("Næste skridt", "Ansvarlig", "Frist", "Udført")
    input_rejected = Signal(str)  # a Danish reason, e.g. a date that is not a date

    def __init__(self, steps: list[NextStep] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[NextStep] = [NextStep(s.text, s.owner, s.due, s.done) for s in steps or []]
        # A deadline that is not a date stays as typed, with the reason, until it is corrected.
        self._faults = CellFaults()

    def steps(self) -> list[NextStep]:
        return [NextStep(s.text, s.owner, s.due, s.done) for s in self._steps]

    def fault_messages(self) -> list[str]:
        """One Danish line per deadline that cannot be read (each names its step)."""
        return [fault.message for _r, _c, fault in self._faults.cells()]

    def _set_due(self, row: int, text: str) -> None:
        """The deadline as typed: a date, nothing, or text kept with the reason it is not a date."""
        step = self._steps[row]
        name = step.text.strip()
        where = f"»{name}«" if name else _tr("skridt %1").replace("%1", str(row + 1))
        try:
            step.due = parse_date(text, field=_tr("Frist for %1").replace("%1", where)) if text else None
        except DomainError as exc:
            step.due = None
            self._faults.put(row, self.COL_DUE, text, str(exc))
            self.input_rejected.emit(str(exc))
            return
        self._faults.drop(row, self.COL_DUE)

    def row_id(self, index: _Index) -> str | None:
        """Steps have no id of their own; their position is their identity within the meeting."""
        return str(index.row()) if index.isValid() and index.row() < len(self._steps) else None

    def add_step(self, text: str = "", owner: str = "", due: dt.date | None = None) -> QModelIndex:
        row = len(self._steps)
        self.beginInsertRows(QModelIndex(), row, row)
        self._steps.append(NextStep(text, owner, due))
        self.endInsertRows()
        return self.index(row, self.COL_TEXT)

    def remove_step(self, row: int) -> None:
        if 0 <= row < len(self._steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._steps[row]
            self._faults.remove_row(row)
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._steps)):
            return None
        step = self._steps[index.row()]
        col = index.column()
        fault = self._faults.get(index.row(), col) if role in CellFault.ROLES else None
        if fault is not None:
            return fault.data(role)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COL_DONE:
            return Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TEXT:
                return step.text
            if col == self.COL_OWNER:
                return step.owner
            if col == self.COL_DUE:
                return format_date(step.due)
            return ""
        if role == Qt.ItemDataRole.EditRole:
            if col == self.COL_TEXT:
                return step.text
            if col == self.COL_OWNER:
                return step.owner
            if col == self.COL_DUE:
                return format_date_input(step.due)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_DUE:
            return _tr("Skriv datoen som 1.5.2026")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self._steps)):
            return False
        step = self._steps[index.row()]
        col = index.column()
        if col == self.COL_DONE and role == Qt.ItemDataRole.CheckStateRole:
            step.done = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif col == self.COL_TEXT:
            step.text = str(value or "")
            fault = self._faults.get(index.row(), self.COL_DUE)
            if fault is not None:
                self._set_due(index.row(), fault.text)  # its message names the step by its new text
        elif col == self.COL_OWNER:
            step.owner = str(value or "")
        elif col == self.COL_DUE:
            self._set_due(index.row(), str(value or "").strip())
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title([_tr(h) for h in self.HEADERS], section, orientation, role)
