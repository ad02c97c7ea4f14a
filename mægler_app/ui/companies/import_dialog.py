"""CSV import with a preview: each bad row is named with its line number and why; all rows or none."""

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
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import os_reason
from ...domain.messages import Msg
from ...store.services import csv_io
from ..context import AppContext
from ..fit import ElidedLabel
from ..worker import Worker, start
from .models import ImportRowsModel


class ImportDialog(QDialog):
    """Reads the file in a worker, shows the plan, and applies it in a worker with progress."""

    imported = Signal(int, int)  # created, updated
    planned = Signal()

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.plan: csv_io.ImportPlan | None = None
        self.result: csv_io.ImportResult | None = None
        self._worker: Worker | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Importér virksomheder fra CSV"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        self.file_label = ElidedLabel(
            self.tr("Fil: %1").replace("%1", self.path.name), mode=Qt.TextElideMode.ElideMiddle
        )
        self.file_label.setObjectName("importFile")
        lay.addWidget(self.file_label)
        self.summary = QLabel(self.tr("Læser filen …"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(120)
        self.problems.hide()
        lay.addWidget(self.problems)
        self.model = ImportRowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(ImportRowsModel.LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportRowsModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(ImportRowsModel.CVR, 110)
        header.resizeSection(ImportRowsModel.NAME, 240)
        lay.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        lay.addWidget(self.progress)
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
        # the style sheet keys on the object name: re-polish so the new look applies
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
        # connect before starting: a quick worker may finish before a later connect
        self._worker = Worker(csv_io.read_plan, self.ctx.store, raw)
        self._worker.signals.finished.connect(self._on_plan)
        self._worker.signals.failed.connect(self._on_read_failed)
        start(self._worker, self.ctx.pool)

    def _on_read_failed(self, message: str) -> None:
        self._set_summary(message + " " + self.tr("Intet er importeret."), "error")
        self.planned.emit()

    def _on_plan(self, plan: csv_io.ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        if plan.problems:
            # every bad row in full, in words that can be copied into a mail or the spreadsheet
            self.problems.setPlainText("\n".join(p.message() for p in plan.problems))
            self.problems.show()
        text = plan.summary()
        extra = [self.tr("Tegnsæt: %1.").replace("%1", plan.encoding)]
        if plan.ignored_columns:
            extra.append(
                self.tr("Kolonner der ikke importeres: %1.").replace("%1", ", ".join(plan.ignored_columns))
            )
        warned = sum(1 for r in plan.rows if r.warnings)
        if warned and not plan.problems:
            extra.append(str(Msg.UI_IMPORT_ROWS_REMARKED(n=warned)))
        self._set_summary(text + " " + " ".join(extra), "error" if plan.problems else "")
        self.import_button.setEnabled(plan.ok)
        self.planned.emit()

    def problem_lines(self) -> list[int]:
        return [p.line for p in self.plan.problems] if self.plan else []

    def apply(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.setRange(0, len(self.plan.rows))
        self.progress.setValue(0)
        self.progress.show()
        self._set_summary(self.tr("Importerer …"))
        self._worker = Worker(csv_io.apply_plan, self.ctx.store, self.plan)
        self._worker.signals.progressed.connect(self._on_progress)
        self._worker.signals.finished.connect(self._on_imported)
        self._worker.signals.failed.connect(self._on_apply_failed)
        start(self._worker, self.ctx.pool)

    def _on_progress(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _on_apply_failed(self, message: str) -> None:
        self.close_button.setEnabled(True)
        self.progress.hide()
        self._set_summary(message + " " + self.tr("Intet er importeret."), "error")

    def _on_imported(self, result: csv_io.ImportResult) -> None:
        self.result = result
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Færdig"))
        self._set_summary(str(Msg.UI_COMPANIES_IMPORTED(created=result.created, updated=result.updated)))
        self.ctx.bus.changed.emit("company")
        self.ctx.bus.status_reported.emit(self.summary.text())
        self.imported.emit(result.created, result.updated)
