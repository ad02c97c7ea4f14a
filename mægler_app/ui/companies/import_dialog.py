"""Companies from CSV with a preview: each bad row is named with its line number and why; all rows or
none (store/services/csv_io.py; the dialog's flow is ui/csv_import.py's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView

from ...domain.messages import Msg
from ...store.db import Store
from ...store.services import csv_io
from ..csv_import import CsvImportDialog
from .models import ImportRowsModel, preview_rows


class ImportDialog(CsvImportDialog):
    imported = Signal(int, int)  # created, updated
    OBJECT_NAME = "importDialog"
    model: ImportRowsModel

    def title(self) -> str:
        return self.tr("Importér virksomheder fra CSV")

    def make_model(self) -> ImportRowsModel:
        return ImportRowsModel(self)

    def size_columns(self, header: QHeaderView) -> None:
        header.setSectionResizeMode(ImportRowsModel.LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportRowsModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(ImportRowsModel.CVR, 110)
        header.resizeSection(ImportRowsModel.NAME, 240)

    def show_plan(self, plan: csv_io.ImportPlan, preview: Any = None) -> None:
        self.model.set_plan(plan, preview)

    def prepare(self, plan: csv_io.ImportPlan) -> Any:
        return preview_rows(plan)

    def read_plan(self, store: Store, raw: bytes) -> csv_io.ImportPlan:
        return csv_io.read_plan(store, raw)

    def apply_plan(self, store: Store, plan: csv_io.ImportPlan) -> Any:
        return csv_io.apply_plan(store, plan)

    def plan_notes(self, plan: csv_io.ImportPlan) -> list[str]:
        notes = super().plan_notes(plan)
        warned = sum(1 for r in plan.rows if r.warnings)
        if warned and not plan.problems:
            notes.append(str(Msg.UI_IMPORT_ROWS_REMARKED(n=warned)))
        return notes

    def done_text(self, result: csv_io.ImportResult) -> str:
        return str(Msg.UI_COMPANIES_IMPORTED(created=result.created, updated=result.updated))

    def announce(self, result: csv_io.ImportResult) -> None:
        self.imported.emit(result.created, result.updated)
