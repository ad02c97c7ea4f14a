"""One CSV import dialog for every kind of row (companies, key figures): the file read in a worker,
a preview with each bad line named by its number and why, and the plan applied in a worker, all
lines or none. A subclass says what it imports: its service's ``read_plan``/``apply_plan``, its
preview model, and its words; the flow, the look and the failure handling are here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import os_reason
from ..store.db import Store
from . import ops
from .context import AppContext
from .fit import ElidedLabel
from .table import make_table_view
from .worker import Worker, start


@dataclass(frozen=True)
class _Prepared:
    """A read plan with what the dialog shows of it, made in the worker."""

    plan: Any
    preview: Any
    summary: str
    problems: str


class CsvImportDialog(QDialog):
    """Reads the file in a worker, shows the plan, and applies it in a worker (with progress when
    the service reports it). A plan has ``rows``, ``problems`` (each with ``message()``), ``ok``,
    ``encoding``, ``ignored_columns`` and ``summary()``."""

    planned = Signal()
    OBJECT_NAME = "importDialog"

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.plan: Any = None
        self.outcome: Any = None  # what applying the plan returned
        self._worker: Worker | None = None
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.title())
        self.resize(900, 520)
        self._layout = lay = QVBoxLayout(self)
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
        self.problems.setMaximumHeight(130)
        self.problems.hide()
        lay.addWidget(self.problems)
        self.model = self.make_model()
        self.table = make_table_view(self.model, "importRows", stretch_last=True)
        # a column sized to its contents measures the first rows only: 10.000 would stall the window
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        # the scroll bar is there before the rows: when it came with them, the last column was
        # stretched again a moment later, and the preview repainted once the import's worker ran
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.size_columns(self.table.horizontalHeader())
        lay.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        # its place is kept while hidden: shown and hidden again, it moves nothing (see ``apply``)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
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

    # what a subclass says --------------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def make_model(self) -> QAbstractItemModel:
        raise NotImplementedError

    def size_columns(self, header: QHeaderView) -> None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_plan(self, plan: Any, preview: Any = None) -> None:
        """Put the plan's rows into the preview model (``preview``: what ``prepare`` made of them)."""
        raise NotImplementedError

    def prepare(self, plan: Any) -> Any:
        """The preview's rows made from ``plan`` in the worker, for ``show_plan`` (None: none)."""
        return None

    def read_plan(self, store: Store, raw: bytes) -> Any:
        raise NotImplementedError

    def apply_plan(self, store: Store, plan: Any) -> Any:
        raise NotImplementedError

    def plan_notes(self, plan: Any) -> list[str]:
        """More to say about a plan after its summary (the base says the encoding and the ignored columns)."""
        notes = [self.tr("Tegnsæt: %1.").replace("%1", plan.encoding)]
        if plan.ignored_columns:
            notes.append(
                self.tr("Kolonner der ikke importeres: %1.").replace("%1", ", ".join(plan.ignored_columns))
            )
        return notes

    def done_text(self, result: Any) -> str:
        raise NotImplementedError

    def announce(self, result: Any) -> None:
        """Emit the subclass's own ``imported`` signal."""

    # the flow ---------------------------------------------------------------------------------
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
        self._worker = Worker(self._read_and_prepare, self.ctx.store, raw)
        self._worker.signals.finished.connect(self._on_prepared)
        self._worker.signals.failed.connect(self._on_read_failed)
        start(self._worker, self.ctx.pool)

    def _on_read_failed(self, message: str) -> None:
        self._worker = None
        self._set_summary(message + " " + self.tr("Intet er importeret."), "error")
        self.planned.emit()

    def _read_and_prepare(self, store: Store, raw: bytes) -> _Prepared:
        """In the worker: the plan, and what the dialog shows of it, so that 10.000 lines do not
        stall the window when they arrive (benchmarks/gui_stall_bench.py, import)."""
        plan = self.read_plan(store, raw)
        return _Prepared(
            plan,
            self.prepare(plan),
            plan.summary() + " " + " ".join(self.plan_notes(plan)),
            "\n".join(p.message() for p in plan.problems),
        )

    def _on_prepared(self, prepared: _Prepared) -> None:
        self._on_plan(prepared.plan, prepared)

    def _on_plan(self, plan: Any, prepared: _Prepared | None = None) -> None:
        self._worker = None
        self.plan = plan
        if prepared is None:
            prepared = _Prepared(
                plan,
                self.prepare(plan),
                plan.summary() + " " + " ".join(self.plan_notes(plan)),
                "\n".join(p.message() for p in plan.problems),
            )
        self.show_plan(plan, prepared.preview)
        self._fit_widths()
        if plan.problems:
            # every bad line in full, in words that can be copied into a mail or the spreadsheet
            self.problems.setPlainText(prepared.problems)
            self.problems.show()
        self._set_summary(prepared.summary, "error" if plan.problems else "")
        self.import_button.setEnabled(plan.ok)
        self.planned.emit()

    def problem_lines(self) -> list[int]:
        return [p.line for p in self.plan.problems] if self.plan else []

    def apply(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self._layout.activate()  # the plan's summary laid out, if it just came
        # the summary keeps its height, the progress bar has its place already: the preview stays put
        self.summary.setMinimumHeight(self.summary.height())
        self.progress.setRange(0, max(1, len(self.plan.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self._set_summary(self.tr("Importerer …"))
        self._paint_now()
        self._worker = ops.start(
            self.ctx,
            self.apply_plan,
            self.ctx.store,
            self.plan,
            on_done=self._on_imported,
            error=self._on_apply_failed,
            progressed=self._on_progress,
        )

    def _paint_now(self) -> None:
        """Lay out and paint now what waits to be: the preview's rows just shown, the table that
        lost the focus to the button, the new summary.
        Each cell the preview paints is a call into Python, and once the import's worker runs each
        waits for the interpreter it holds (a repaint of the preview took 50–100 ms under load,
        benchmarks/gui_stall_bench.py (b)); before it starts, a few milliseconds."""
        self.table.doItemsLayout()
        self._layout.activate()
        self.repaint()

    def _fit_widths(self) -> None:
        """The columns fitted to their contents are fitted once, to the plan's rows, and keep that
        width: the preview does not change until the dialog closes, and a column left to fit
        itself measured the rows again at every relayout (the progress bar shown, the summary's new
        text), each cell a call into Python that waited for the interpreter the import's worker
        held (benchmarks/gui_stall_bench.py (b)). Done as the plan arrives, when no worker runs;
        switched later, the header repainted once the worker had started."""
        header = self.table.horizontalHeader()
        for column in range(header.count()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.resizeColumnToContents(column)

    def _on_progress(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _on_apply_failed(self, message: str) -> None:
        self._worker = None
        self._focus_close()
        self.progress.hide()
        self._set_summary(message + " " + self.tr("Intet er importeret."), "error")

    def _focus_close(self) -> None:
        """The import has ended: Luk/Færdig is the one thing left to press, and Enter presses it
        wherever the focus is (the disabled Importér passed it on to the preview, which keeps it:
        taking it away would repaint the preview while the list behind reloads)."""
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def _on_imported(self, result: Any) -> None:
        self._worker = None
        self.outcome = result
        self.progress.hide()
        self._focus_close()
        self.close_button.setText(self.tr("Færdig"))
        self._set_summary(self.done_text(result))
        self.ctx.bus.status_reported.emit(self.summary.text())
        self.announce(result)
