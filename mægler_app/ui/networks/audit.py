"""»Revisionsfil (ZIP) …« on a network's page (issue 22, item 3): the save dialog of every document
(``ui.files``: the folder used last, the one naming scheme), the ZIP written in a worker with its
progress on the status bar, and afterwards what was written, with »Åbn mappe«.

Usable by the broker and by a caseworker, on whose profile the broker's network is read-only: the
audit file changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ...domain.messages import Msg
from ...domain.timeutil import utcnow
from .. import files
from ..context import AppContext
from ..worker import Worker, start

if TYPE_CHECKING:
    from ...reports.audit_file import AuditResult, Progress
    from ...store.db import Store


def suggested_name(ctx: AppContext, network_id: str) -> str:
    """``revisionsfil-<netværk>-<dato>.zip``: one record read, quick enough for the GUI thread."""
    from ...reports.audit_file import audit_file_name
    from ...store.models import Network

    with ctx.store.session() as s:
        network = s.get(Network, network_id)
        name = network.name if network is not None else ""
    return audit_file_name(name, utcnow().astimezone().date())


def _write(store: Store, network_id: str, target: Path) -> Progress:
    """The worker's job (its own sessions, off the GUI thread): a generator of (done, total)."""
    from ...reports.audit_file import write_audit_file
    from ...store.services.audit import audit_file_data

    data = audit_file_data(store, network_id)  # read when the worker starts it
    return (yield from write_audit_file(data, target))


class AuditFileJob(QObject):
    """One network's audit file at a time: asks where, writes it in the pool, reports on the bus."""

    finished = Signal(object)  # the AuditResult
    failed = Signal(str)  # a Danish reason

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.last_result: AuditResult | None = None
        self.last_error = ""

    @property
    def running(self) -> bool:
        return self.worker is not None

    def ask_and_start(self, parent: QWidget | None, network_id: str) -> Worker | None:
        """The save dialog, then the worker; None when cancelled or one is already running."""
        if self.worker is not None:
            self.ctx.bus.status_reported.emit(self.tr("Revisionsfilen er ved at blive lavet …"))
            return None
        name = suggested_name(self.ctx, network_id)
        path = files.ask_save_path(parent, self.ctx, name, title=self.tr("Gem revisionsfil"), archive=True)
        if path is None:
            return None
        return self.start(network_id, path)

    def start(self, network_id: str, path: Path) -> Worker:
        worker = Worker(_write, self.ctx.store, network_id, path)
        worker.signals.progressed.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        self.ctx.bus.status_reported.emit(self.tr("Revisionsfilen laves …"))
        return start(worker, self.ctx.pool)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.ctx.bus.status_reported.emit(
            self.tr("Revisionsfilen laves … %1 af %2").replace("%1", str(done)).replace("%2", str(total))
        )

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        from ...reports.audit_file import AuditResult

        self.worker = None
        assert isinstance(result, AuditResult)
        self.last_result = result
        text = str(
            Msg.AUDIT_FILE_WRITTEN(network=result.network_name, path=str(result.path), n=len(result.entries))
        )
        if result.missing:
            text += " " + str(Msg.AUDIT_FILE_RECEIPTS_MISSING(n=len(result.missing)))
        # the status bar offers »Åbn mappe« for the folder it went into (a ZIP is not opened)
        self.ctx.bus.status_reported.emit(text)
        self.ctx.bus.file_saved.emit(str(result.path))
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.last_error = message
        self.ctx.bus.status_reported.emit(str(Msg.AUDIT_FILE_FAILED(reason=message)))
        self.failed.emit(message)
