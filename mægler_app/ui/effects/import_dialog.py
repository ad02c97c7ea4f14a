"""Key figures from CSV with a preview, as the company import: each bad line named with its number
and why; all lines or none (store/services/effects_csv.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.cvr import format_cvr
from ...domain.errors import os_reason
from ...domain.numbers import format_int, format_kr
from ...store.services import effects_csv
from ..context import AppContext
from ..fit import ElidedLabel
from ..table import Column, RowsTableModel
from ..worker import Worker, start


def _kr(value: int | None) -> str:
    return "" if value is None else format_kr(value)


class KeyFiguresImportDialog(QDialog):
    imported = Signal(int)  # years written
    planned = Signal()

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.plan: effects_csv.FiguresPlan | None = None
        self.result: effects_csv.FiguresResult | None = None
        self._worker: Worker | None = None
        self.setObjectName("keyFiguresImportDialog")
        self.setWindowTitle(self.tr("Importér nøgletal fra CSV"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        file_label = ElidedLabel(
            self.tr("Fil: %1").replace("%1", self.path.name), mode=Qt.TextElideMode.ElideMiddle
        )
        lay.addWidget(file_label)
        self.summary = QLabel(self.tr("Læser filen …"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(140)
        self.problems.hide()
        lay.addWidget(self.problems)
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
        self.model: RowsTableModel[effects_csv.PlannedFigures] = RowsTableModel(
            columns, lambda r: f"{r.line}", self
        )
        self.table = QTableView()
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Importér"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Luk"))
        self.close_button.setObjectName("closeButton")
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self._read()

    def _set_summary(self, text: str, kind: str = "") -> None:
        self.summary.setText(text)
        self.summary.setObjectName(kind or "importSummary")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def _read(self) -> None:
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            self._set_summary(
                self.tr("Filen kan ikke læses: %1.").replace("%1", str(os_reason(exc))), "error"
            )
            self.planned.emit()
            return
        self._worker = Worker(effects_csv.read_plan, self.ctx.store, raw)
        self._worker.signals.finished.connect(self._on_plan)
        self._worker.signals.failed.connect(self._on_failed)
        start(self._worker, self.ctx.pool)

    def _on_failed(self, message: str) -> None:
        self._worker = None
        self.close_button.setEnabled(True)
        self._set_summary(message + " " + self.tr("Intet er importeret."), "error")
        self.planned.emit()

    def _on_plan(self, plan: effects_csv.FiguresPlan) -> None:
        self._worker = None
        self.plan = plan
        self.model.set_rows(plan.rows)
        if plan.problems:
            self.problems.setPlainText("\n".join(p.message() for p in plan.problems))
            self.problems.show()
        extra = [self.tr("Tegnsæt: %1.").replace("%1", plan.encoding)]
        if plan.ignored_columns:
            extra.append(
                self.tr("Kolonner der ikke importeres: %1.").replace("%1", ", ".join(plan.ignored_columns))
            )
        self._set_summary(plan.summary() + " " + " ".join(extra), "error" if plan.problems else "")
        self.import_button.setEnabled(plan.ok)
        self.planned.emit()

    def apply(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self._set_summary(self.tr("Importerer …"))
        self._worker = Worker(effects_csv.apply_plan, self.ctx.store, self.plan)
        self._worker.signals.finished.connect(self._on_imported)
        self._worker.signals.failed.connect(self._on_failed)
        start(self._worker, self.ctx.pool)

    def _on_imported(self, result: effects_csv.FiguresResult) -> None:
        self._worker = None
        self.result = result
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Færdig"))
        self._set_summary(str(result.message()))
        self.ctx.bus.changed.emit("effect_measurement")
        self.ctx.bus.status_reported.emit(self.summary.text())
        self.imported.emit(result.created + result.updated)
