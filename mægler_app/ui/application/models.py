"""Editable table models of the application editor: expected growth and the allocation key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...domain.cvr import format_cvr
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.numbers import (
    format_int,
    format_kr,
    format_kr_input,
    format_percent_bp,
    parse_int,
    parse_kr,
    parse_percent_bp,
)
from ...store.services.applications import (
    GROWTH_MEASURES,
    MONEY_MEASURES,
    Budget,
    MemberInfo,
    growth_key,
)
from ..noop import QT_TR_NOOP
from ..table import CellFault, CellFaults, column_title

_Index = QModelIndex | QPersistentModelIndex


# GROWTH_MEASURES' names, for lupdate (the service's dict is the list; these are its words)
_MEASURES = {
    "turnover": QT_TR_NOOP("Omsætning"),
    "value_added": QT_TR_NOOP("Værditilvækst"),
    "export": QT_TR_NOOP("Eksportomsætning"),
    "employment": QT_TR_NOOP("Beskæftigelse"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class _MemberTableModel(QAbstractTableModel):
    """A table over the network's member companies with fixed headers; ``row_id`` is a company id.

    Subclasses say which cells take edits (``_cell_editable``) and which company a row shows
    (``_member``); an accepted edit is reported by ``_accept_edit``.
    """

    HEADERS: tuple[str, ...] = ()

    input_rejected = Signal(str)
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[MemberInfo] = []
        self._editable = True
        self._faults = CellFaults()

    def _member(self, row: int) -> MemberInfo:
        return self._members[row]

    def _fault(self, index: _Index, role: int) -> CellFault | None:
        """The unreadable text in the cell, when it decides what the cell shows for ``role``."""
        if role not in CellFault.ROLES:
            return None
        return self._faults.get(index.row(), index.column())

    def _reject_edit(self, index: _Index, text: str, message: str) -> bool:
        """Text that cannot be read: the cell keeps it as typed and says why; the figure counts as
        missing until it is corrected (so nothing is saved as if it were the old one)."""
        self._faults.put(index.row(), index.column(), text, message)
        self.input_rejected.emit(message)
        return self._accept_edit(index)

    def fault_messages(self) -> list[str]:
        """One Danish line per cell whose text cannot be read (each names its company and figure)."""
        return [fault.message for _r, _c, fault in self._faults.cells()]

    def _cell_editable(self, column: int) -> bool:
        """Whether the column takes edits when the table is editable at all."""
        raise NotImplementedError

    def _can_edit(self, index: _Index, role: int) -> bool:
        return (
            role == Qt.ItemDataRole.EditRole
            and index.isValid()
            and self._editable
            and self._cell_editable(index.column())
        )

    def _accept_edit(self, index: _Index) -> bool:
        """A cell took a new value: repaint it and tell the editor."""
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        return self._member(index.row()).company_id

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title([_tr(h) for h in self.HEADERS], section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and self._cell_editable(index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base


class GrowthModel(_MemberTableModel):
    """Expected growth: a row per company and measure, with the figure in kr. (persons) and in %.

    Four narrow columns rather than one wide row per company, so the table fits the editor.
    """

    COL_COMPANY = 0
    COL_MEASURE = 1
    COL_ABS = 2
    COL_PCT = 3
    HEADERS = (
        QT_TR_NOOP("Virksomhed"),
        QT_TR_NOOP("Nøgletal"),
        QT_TR_NOOP("Forventet stigning"),
        QT_TR_NOOP("Stigning i %"),
    )
    MEASURES = list(GROWTH_MEASURES)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._values: dict[str, dict[str, int | None]] = {}

    def set_data(
        self, members: list[MemberInfo], values: dict[str, dict[str, int | None]], editable: bool
    ) -> None:
        self.beginResetModel()
        self._members = list(members)
        self._values = {m.company_id: dict(values.get(m.company_id, {})) for m in members}
        self._editable = editable
        self._faults.clear()
        self.endResetModel()

    def values(self) -> dict[str, dict[str, int | None]]:
        return {cid: dict(v) for cid, v in self._values.items()}

    def index_for(self, member_row: int, measure: str, kind: str) -> QModelIndex:
        """The cell of one company's figure (kind "abs" or "pct")."""
        row = member_row * len(self.MEASURES) + self.MEASURES.index(measure)
        return self.index(row, self.COL_PCT if kind == "pct" else self.COL_ABS)

    def _locate(self, row: int) -> tuple[MemberInfo, str]:
        member_row, measure_row = divmod(row, len(self.MEASURES))
        return self._members[member_row], self.MEASURES[measure_row]

    def _member(self, row: int) -> MemberInfo:
        return self._locate(row)[0]

    def _cell_editable(self, column: int) -> bool:
        return column in (self.COL_ABS, self.COL_PCT)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members) * len(self.MEASURES)

    @staticmethod
    def _text(measure: str, kind: str, value: int | None, *, for_edit: bool) -> str:
        if value is None:
            return ""
        if kind == "pct":
            return format_percent_bp(value, suffix=not for_edit)
        if measure in MONEY_MEASURES:
            return format_kr_input(value) if for_edit else format_kr(value)
        if for_edit:
            return format_int(value)
        return str(Msg.UI_PERSONS(n=value))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        member, measure = self._locate(index.row())
        col = index.column()
        if col == self.COL_COMPANY:
            if role == Qt.ItemDataRole.DisplayRole:
                # The name once per company keeps the table calm to read.
                return member.name if self.MEASURES.index(measure) == 0 else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{member.name}, CVR {format_cvr(member.cvr)}"
            return None
        if col == self.COL_MEASURE:
            if role == Qt.ItemDataRole.DisplayRole:
                unit = "kr." if measure in MONEY_MEASURES else _tr("personer")
                return f"{_tr(_MEASURES[measure])} ({unit})"
            return None
        fault = self._fault(index, role)
        if fault is not None:
            return fault.data(role)
        kind = "pct" if col == self.COL_PCT else "abs"
        value = self._values[member.company_id].get(growth_key(measure, kind))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(measure, kind, value, for_edit=False)
        if role == Qt.ItemDataRole.EditRole:
            return self._text(measure, kind, value, for_edit=True)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._can_edit(index, role):
            return False
        member, measure = self._locate(index.row())
        kind = "pct" if index.column() == self.COL_PCT else "abs"
        text = "" if value is None else str(value).strip()
        # The message names the company too: it is shown beside the table, not only in the cell.
        label = f"{member.name}, {_tr(_MEASURES[measure]).lower()}"
        try:
            if not text:
                parsed: int | None = None
            elif kind == "pct":
                parsed = parse_percent_bp(text, field=f"{label} (%)", allow_negative=True)
            elif measure in MONEY_MEASURES:
                parsed = parse_kr(text, field=label, allow_negative=True)
            else:
                parsed = parse_int(text, field=label, allow_negative=True)
        except DomainError as exc:
            self._values[member.company_id][growth_key(measure, kind)] = None
            return self._reject_edit(index, text, str(exc))
        self._faults.drop(index.row(), index.column())
        self._values[member.company_id][growth_key(measure, kind)] = parsed
        return self._accept_edit(index)


class SplitModel(_MemberTableModel):
    """The allocation key: each company's share (editable in custom mode) and its amount in kr."""

    COL_COMPANY = 0
    COL_CVR = 1
    COL_SHARE = 2
    COL_AMOUNT = 3
    HEADERS = (QT_TR_NOOP("Virksomhed"), QT_TR_NOOP("CVR-nr."), QT_TR_NOOP("Andel (%)"), QT_TR_NOOP("Beløb"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bp: dict[str, int] = {}
        self._amounts: dict[str, int | None] = {}
        self._custom = False

    def set_data(self, members: list[MemberInfo], bp: dict[str, int], custom: bool, editable: bool) -> None:
        self.beginResetModel()
        self._members = list(members)
        self._bp = {m.company_id: int(bp.get(m.company_id, 0) or 0) for m in members}
        self._amounts = {}
        self._custom = custom
        self._editable = editable
        self._faults.clear()
        self.endResetModel()

    def set_custom(self, custom: bool) -> None:
        self._custom = custom
        if not custom:
            self._faults.clear()  # the equal split replaces what was typed, readable or not
        if self._members:
            top = self.index(0, self.COL_SHARE)
            bottom = self.index(len(self._members) - 1, self.COL_SHARE)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def basis_points(self) -> dict[str, int]:
        return dict(self._bp)

    def show_budget(self, budget: Budget) -> None:
        """Shares and amounts as the budget computed them (equal shares are shown too)."""
        for share in budget.shares:
            if share.company_id in self._bp and not self._custom:
                self._bp[share.company_id] = share.basis_points
            self._amounts[share.company_id] = share.amount_ore
        if self._members:
            self.dataChanged.emit(
                self.index(0, self.COL_SHARE),
                self.index(len(self._members) - 1, self.COL_AMOUNT),
                [Qt.ItemDataRole.DisplayRole],
            )

    def _cell_editable(self, column: int) -> bool:
        # Shares are typed only in custom mode.
        return self._custom and column == self.COL_SHARE

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._members)):
            return None
        m = self._members[index.row()]
        col = index.column()
        fault = self._fault(index, role)
        if fault is not None:
            return fault.data(role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_COMPANY:
                return m.name
            if col == self.COL_CVR:
                return format_cvr(m.cvr)
            if col == self.COL_SHARE:
                return format_percent_bp(self._bp[m.company_id], suffix=role == Qt.ItemDataRole.DisplayRole)
            if col == self.COL_AMOUNT:
                amount = self._amounts.get(m.company_id)
                return "" if amount is None else format_kr(amount)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_SHARE, self.COL_AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._can_edit(index, role):
            return False
        text = "" if value is None else str(value)
        share = _tr("andel")  # outside the f-string, where lupdate finds it
        try:
            bp = parse_percent_bp(text, field=f"{self._members[index.row()].name}, {share}")
        except DomainError as exc:
            self._bp[self._members[index.row()].company_id] = 0
            return self._reject_edit(index, text.strip(), str(exc))
        self._faults.drop(index.row(), index.column())
        self._bp[self._members[index.row()].company_id] = bp
        return self._accept_edit(index)
