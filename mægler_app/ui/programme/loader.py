"""Loading a whole programme's figures off the GUI thread, for Programmet and Mæglere.

The job first asks the server's ``/stats`` for the brokers' names (a caseworker's only source of
them; kept in the profile for offline use), then counts this laptop's synced records with
``domain.figures`` (store/services/programme.py). Without a server, or offline, the names are
the last ones heard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...store.db import Store
from ...store.services.programme import ProgrammeData, programme_data, remember_brokers
from ...sync.api import Api, SyncError
from ...sync.service import api_for
from ..context import AppContext
from ..sync.controller import controller_for
from ..worker import Worker, start


def load_job(store: Store, api: Api | None) -> ProgrammeData:
    if api is not None:
        try:
            remember_brokers(store, api.request("GET", "/stats").json())
        except (SyncError, ValueError):
            pass  # the names heard last time; the figures are this laptop's either way
        finally:
            api.close()
    return programme_data(store)


class ProgrammeLoader(QObject):
    """``load()`` starts the job (once at a time; a request while it runs reloads after it)."""

    loaded = Signal(object)  # ProgrammeData
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self._again = False
        self.data: ProgrammeData | None = None

    def _api(self) -> Api | None:
        controller = controller_for(self.ctx)
        if controller.account() is None or not controller.has_token():
            return None
        try:
            return api_for(self.ctx.store, controller.session_token, retries=0, timeout=(3.0, 30.0))
        except SyncError:
            return None

    def load(self) -> None:
        if self.worker is not None:
            self._again = True
            return
        worker = Worker(load_job, self.ctx.store, self._api())
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        start(worker, self.ctx.pool)

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def _on_finished(self, data: object) -> None:
        self.worker = None
        if isinstance(data, ProgrammeData):
            self.data = data
            self.loaded.emit(data)
        self._next()

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.load()
