"""PDF and CSV exports run in the thread pool; the result opens in the system's viewer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices

from ...domain.timeutil import utcnow
from ...store.db import Store
from ...store.services import expenses, meetings
from ..context import AppContext
from ..worker import Worker, start


def open_file(path: Path) -> bool:
    """Show a file in the system's default program (a PDF viewer, Excel)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def report_dir(store: Store) -> Path:
    folder = store.profile / "rapporter"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
    s = re.sub(r"[^A-Za-z0-9]+", "-", text.translate(table)).strip("-").lower()
    return s[:50] or "netvaerk"


def _stamp() -> str:
    return utcnow().astimezone().strftime("%Y-%m-%d-%H%M%S")


# The functions below run in a worker thread: each opens its own sessions through the services.


# ReportLab is imported inside each function: it stays off the start-up path (test_startup_imports).


def export_meeting_pdf(store: Store, meeting_id: str) -> Path:
    from ...reports.meeting_pdf import write_meeting_pdf

    detail = meetings.get_meeting(store, meeting_id)
    day = detail.data.starts_at.astimezone().date()
    name = f"referat-{_slug(detail.network)}-{day.isoformat()}-{_stamp()}.pdf"
    return write_meeting_pdf(detail, report_dir(store) / name)


def export_expense_pdf(store: Store, network_id: str) -> Path:
    from ...reports.expense_report import write_expense_pdf

    data = expenses.expense_report_data(store, network_id)
    name = f"udgifter-{_slug(data.budget.network)}-{_stamp()}.pdf"
    return write_expense_pdf(data, report_dir(store) / name)


def export_expense_csv(store: Store, network_id: str) -> Path:
    from ...reports.expense_report import write_expense_csv

    data = expenses.expense_report_data(store, network_id)
    name = f"udgifter-{_slug(data.budget.network)}-{_stamp()}.csv"
    return write_expense_csv(data, report_dir(store) / name)


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
        ex.ctx.bus.status_reported.emit(ex.tr("Gemt og åbnet: %1").replace("%1", str(path)))
        open_file(path)
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
