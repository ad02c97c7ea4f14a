"""Loading a whole programme's figures off the GUI thread, for Programmet and Mæglere.

The job first asks the server's ``/stats?moves=true`` for the brokers' names (a caseworker's only
source of them) and the server's own stage moves (so each year counts as ``/stats`` counts it),
both kept in the profile for offline use, then counts this laptop's synced records with
``domain.figures`` (store/services/programme.py). Without a server, or offline, the names are
the last ones heard.
"""

from __future__ import annotations

from collections.abc import Callable

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
            # the brokers' names, and the server's own stage moves (an older server leaves them out)
            remember_brokers(store, api.request("GET", "/stats", params={"moves": "true"}).json())
        except (SyncError, ValueError):
            pass  # the names heard last time; the figures are this laptop's either way
        finally:
            api.close()
    return programme_data(store)


class ProgrammeLoader(QObject):
    """``load()`` starts the job (once at a time; a request while it runs reloads after it).

    One per app context (``loader_for``): Programmet and Mæglere show the same count, so the
    second view opened shows the first one's at once while nothing changed since (``fresh``).
    """

    loaded = Signal(object)  # ProgrammeData
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self._again = False
        self.data: ProgrammeData | None = None
        self.fresh = False  # data counted after the last change the bus announced
        ctx.bus.changed.connect(self._on_changed)

    def _on_changed(self, _changes: object) -> None:
        self.fresh = False

    def _api(self) -> Api | None:
        controller = controller_for(self.ctx)
        if controller.account() is None or not controller.has_token():
            return None
        try:
            return api_for(self.ctx.store, controller.token(), retries=0, timeout=(3.0, 30.0))
        except SyncError:
            return None

    def load(self) -> None:
        if self.worker is not None:
            self._again = True
            return
        self.fresh = True  # until the bus says otherwise while it counts
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
        self.fresh = False
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.load()


def loader_for(ctx: AppContext) -> ProgrammeLoader:
    """The one programme loader of this app context (Programmet and Mæglere share it)."""
    if ctx.programme_loader is None:
        ctx.programme_loader = ProgrammeLoader(ctx)
    return ctx.programme_loader


def show_or_load(loader: ProgrammeLoader, show: Callable[[ProgrammeData], None]) -> None:
    """Show the loader's count now if nothing changed since it was made, else count again (the
    views show the new count when ``loaded`` comes)."""
    if loader.fresh and loader.data is not None and not loader.busy:
        show(loader.data)
    else:
        loader.load()
