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
from ...domain.money import format_kr, format_kr_input, parse_kr
from ...store.services.applications import (
    GROWTH_MEASURES,
    MONEY_MEASURES,
    Budget,
    MemberInfo,
    format_percent_bp,
    growth_key,
    parse_percent_bp,
)

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApplicationModels", text)


class GrowthModel(QAbstractTableModel):
    """One row per company; a column per measure, in kr. (persons for employment) and in %."""

    COL_COMPANY = 0
    # the figure columns follow: (measure, "abs" | "pct") for each measure in GROWTH_MEASURES
    FIGURES: list[tuple[str, str]] = [(m, k) for m in GROWTH_MEASURES for k in ("abs", "pct")]

    input_rejected = Signal(str)
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[MemberInfo] = []
        self._values: dict[str, dict[str, int | None]] = {}
        self._editable = True

    def set_data(
        self, members: list[MemberInfo], values: dict[str, dict[str, int | None]], editable: bool
    ) -> None:
        self.beginResetModel()
        self._members = list(members)
        self._values = {m.company_id: dict(values.get(m.company_id, {})) for m in members}
        self._editable = editable
        self.endResetModel()

    def values(self) -> dict[str, dict[str, int | None]]:
        return {cid: dict(v) for cid, v in self._values.items()}

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or index.row() >= len(self._members):
            return None
        return self._members[index.row()].company_id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.FIGURES)

    def _figure(self, column: int) -> tuple[str, str]:
        return self.FIGURES[column - 1]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_COMPANY:
            return _tr("Virksomhed")
        if not 0 < section <= len(self.FIGURES):
            return None
        measure, kind = self._figure(section)
        unit = "%" if kind == "pct" else ("kr." if measure in MONEY_MEASURES else _tr("personer"))
        # Two short lines, so nine columns fit the editor's width.
        name = _tr("Eksport") if measure == "export" else _tr(GROWTH_MEASURES[measure])
        return f"{name}\n{unit}"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() != self.COL_COMPANY:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _text(self, measure: str, kind: str, value: int | None, *, for_edit: bool) -> str:
        if value is None:
            return ""
        # The unit is in the column header, so the cells show the bare figure.
        if kind == "pct":
            return format_percent_bp(value, suffix=False)
        if measure in MONEY_MEASURES:
            return format_kr_input(value)
        return str(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._members)):
            return None
        member = self._members[index.row()]
        if index.column() == self.COL_COMPANY:
            if role == Qt.ItemDataRole.DisplayRole:
                return member.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"CVR {format_cvr(member.cvr)}"
            return None
        measure, kind = self._figure(index.column())
        value = self._values[member.company_id].get(growth_key(measure, kind))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(measure, kind, value, for_edit=False)
        if role == Qt.ItemDataRole.EditRole:
            return self._text(measure, kind, value, for_edit=True)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == self.COL_COMPANY:
            return False
        if not self._editable:
            return False
        measure, kind = self._figure(index.column())
        text = "" if value is None else str(value).strip()
        try:
            if not text:
                parsed: int | None = None
            elif kind == "pct":
                parsed = parse_percent_bp(text, allow_negative=True)
            elif measure in MONEY_MEASURES:
                parsed = parse_kr(text, allow_negative=True)
            else:
                parsed = int(text.replace(".", "").replace(" ", ""))
        except (DomainError, ValueError) as exc:
            msg = str(exc) if isinstance(exc, DomainError) else _tr("Beskæftigelse angives i hele personer.")
            self.input_rejected.emit(msg)
            return False
        cid = self._members[index.row()].company_id
        self._values[cid][growth_key(measure, kind)] = parsed
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True


class SplitModel(QAbstractTableModel):
    """The allocation key: each company's share (editable in custom mode) and its amount in kr."""

    COL_COMPANY = 0
    COL_CVR = 1
    COL_SHARE = 2
    COL_AMOUNT = 3
    HEADERS = ("Virksomhed", "CVR-nr.", "Andel (%)", "Beløb")

    input_rejected = Signal(str)
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[MemberInfo] = []
        self._bp: dict[str, int] = {}
        self._amounts: dict[str, int | None] = {}
        self._custom = False
        self._editable = True

    def set_data(self, members: list[MemberInfo], bp: dict[str, int], custom: bool, editable: bool) -> None:
        self.beginResetModel()
        self._members = list(members)
        self._bp = {m.company_id: int(bp.get(m.company_id, 0) or 0) for m in members}
        self._amounts = {}
        self._custom = custom
        self._editable = editable
        self.endResetModel()

    def set_custom(self, custom: bool) -> None:
        self._custom = custom
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

    def row_id(self, index: _Index) -> str | None:
        if not index.isValid() or index.row() >= len(self._members):
            return None
        return self._members[index.row()].company_id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return _tr(self.HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and self._custom and index.column() == self.COL_SHARE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._members)):
            return None
        m = self._members[index.row()]
        col = index.column()
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
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.COL_SHARE:
            return False
        if not (self._editable and self._custom):
            return False
        try:
            bp = parse_percent_bp("" if value is None else str(value))
        except DomainError as exc:
            self.input_rejected.emit(str(exc))
            return False
        self._bp[self._members[index.row()].company_id] = bp
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True
