"""Key figures from CSV with a preview, as the company import: each bad line named with its number
and why; all lines or none (store/services/effects_csv.py; the dialog's flow is ui/csv_import.py's)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from ...domain.cvr import format_cvr
from ...domain.numbers import format_int, format_kr
from ...store.db import Store
from ...store.services import effects_csv
from ..csv_import import CsvImportDialog
from ..table import Column, RowsTableModel


def _kr(value: int | None) -> str:
    return "" if value is None else format_kr(value)


class KeyFiguresImportDialog(CsvImportDialog):
    imported = Signal(int)  # years written
    OBJECT_NAME = "keyFiguresImportDialog"
    model: RowsTableModel[effects_csv.PlannedFigures]

    def title(self) -> str:
        return self.tr("Importér nøgletal fra CSV")

    def make_model(self) -> RowsTableModel[effects_csv.PlannedFigures]:
        columns: list[Column[effects_csv.PlannedFigures]] = [
            Column(self.tr("Linje"), lambda r: str(r.line), align_right=True),
            Column(self.tr("CVR"), lambda r: format_cvr(r.cvr)),
            Column(self.tr("År"), lambda r: str(r.figures.year)),
            Column(self.tr("Omsætning"), lambda r: _kr(r.figures.turnover_ore), align_right=True),
            Column(self.tr("Værditilvækst"), lambda r: _kr(r.figures.value_added_ore), align_right=True),
            Column(self.tr("Eksport"), lambda r: _kr(r.figures.export_ore), align_right=True),
            Column(
                self.tr("Ansatte"),
                lambda r: "" if r.figures.employees is None else format_int(r.figures.employees),
                align_right=True,
            ),
            Column(self.tr("Status"), lambda r: self.tr("opdateres") if r.existing_id else self.tr("ny")),
        ]
        return RowsTableModel(columns, lambda r: f"{r.line}", self)

    def show_plan(self, plan: effects_csv.FiguresPlan, preview: object = None) -> None:
        self.model.set_rows(plan.rows)

    def read_plan(self, store: Store, raw: bytes) -> effects_csv.FiguresPlan:
        return effects_csv.read_plan(store, raw)

    def apply_plan(self, store: Store, plan: effects_csv.FiguresPlan) -> effects_csv.FiguresResult:
        return effects_csv.apply_plan(store, plan)

    def done_text(self, result: effects_csv.FiguresResult) -> str:
        return str(result.message())

    def announce(self, result: effects_csv.FiguresResult) -> None:
        self.imported.emit(result.created + result.updated)
