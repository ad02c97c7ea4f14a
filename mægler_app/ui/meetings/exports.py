"""PDF and CSV exports run in the thread pool; the result opens in the system's viewer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ...domain.names import document_name
from ...domain.timeutil import utcnow
from ...store.db import Store
from ...store.models import Network
from ...store.services import expenses, meetings
from .. import files
from ..context import AppContext
from ..worker import Worker, start


def open_file(path: Path) -> bool:
    """Show a file in the system's default program (a PDF viewer, Excel); False if none started."""
    return files.open_file(path)


def report_dir(store: Store) -> Path:
    folder = store.profile / files.DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# The names the save dialog suggests (domain/names.py: one scheme, Danish letters kept). Each
# reads one record: quick enough for the GUI thread, before the worker writes the file.


def meeting_pdf_name(store: Store, meeting_id: str) -> str:
    detail = meetings.get_meeting(store, meeting_id)
    return document_name("referat", detail.network, detail.data.starts_at.astimezone().date())


def expense_file_name(store: Store, network_id: str, *, csv: bool = False) -> str:
    return document_name("udgifter", network_name(store, network_id), today(), ext="csv" if csv else "pdf")


# The functions below run in a worker thread: each opens its own sessions through the services.


# ReportLab is imported inside each function: it stays off the start-up path (test_startup_imports).


def export_meeting_pdf(store: Store, meeting_id: str, target: Path | None = None) -> Path:
    from ...reports.meeting_pdf import write_meeting_pdf

    report = meetings.meeting_report_data(store, meeting_id)
    path = target or report_dir(store) / meeting_pdf_name(store, meeting_id)
    return write_meeting_pdf(report, path)


def export_expense_pdf(store: Store, network_id: str, target: Path | None = None) -> Path:
    from ...reports.expense_report import write_expense_pdf

    data = expenses.expense_report_data(store, network_id)
    return write_expense_pdf(data, target or report_dir(store) / expense_file_name(store, network_id))


def export_expense_csv(store: Store, network_id: str, target: Path | None = None) -> Path:
    from ...reports.expense_report import write_expense_csv

    data = expenses.expense_report_data(store, network_id)
    path = target or report_dir(store) / expense_file_name(store, network_id, csv=True)
    return write_expense_csv(data, path)


class _Job(QObject):
    """Receives one worker's signals on the GUI thread (a QObject living there gets them queued)."""

    def __init__(
        self, exporter: Exporter, done: Callable[[Path], None] | None, failed: Callable[[str], None] | None
    ):
        super().__init__(exporter)
        self.exporter = exporter
        self.done = done
        self.failed = failed

    @Slot(object)
    def on_finished(self, path: object) -> None:
        assert isinstance(path, Path)
        ex = self.exporter
        ex.last_path = path
        ex.running = None
        # "åbnet" only when a viewer started (issue 20, item 3); the status bar offers »Åbn mappe«
        files.report_saved(ex.ctx, path, open_file(path))
        if self.done is not None:
            self.done(path)
        ex.finished.emit(str(path))
        self.deleteLater()

    @Slot(str)
    def on_failed(self, message: str) -> None:
        ex = self.exporter
        ex.last_error = message
        ex.running = None
        ex.ctx.bus.status_reported.emit(ex.tr("Eksporten mislykkedes: %1").replace("%1", message))
        if self.failed is not None:
            self.failed(message)
        ex.failed.emit(message)
        self.deleteLater()


class Exporter(QObject):
    """Starts an export in the pool, reports on the bus and opens the file when done."""

    finished = Signal(str)  # the file's path
    failed = Signal(str)  # a Danish reason

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_path: Path | None = None
        self.last_error = ""
        self.running: Worker | None = None

    def run(
        self,
        fn: Callable[..., Path],
        *args: Any,
        done: Callable[[Path], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> Worker:
        worker = Worker(fn, self.ctx.store, *args)
        job = _Job(self, done, failed)
        worker.signals.finished.connect(job.on_finished)
        worker.signals.failed.connect(job.on_failed)
        self.running = worker
        return start(worker, self.ctx.pool)


def today() -> dt.date:
    return utcnow().astimezone().date()


def network_name(store: Store, network_id: str) -> str:
    with store.session() as s:
        network = s.get(Network, network_id)
        return network.name if network is not None else ""
