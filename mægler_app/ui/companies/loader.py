"""Loading a view's rows: at once when there are few, in a worker when a query could stall the GUI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..context import AppContext
from ..worker import Worker, start

# Below this many records the query takes a few milliseconds: a thread round-trip would only
# make the view blink (and every caller wait for a signal). Above it, the query runs in a worker.
SYNC_LIMIT = 1500


class RowsLoader(QObject):
    """Runs ``fetch(store)`` and hands the rows to ``apply``; a newer load makes older results void."""

    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        count: Callable[[Any], int],
        fetch: Callable[[Any], Any],
        apply: Callable[[Any], None],
        parent: QObject | None = None,
        sync_limit: int | None = None,
    ) -> None:
        """``sync_limit``: up to this many records (default ``SYNC_LIMIT``) the rows are fetched at once."""
        super().__init__(parent)
        self.sync_limit = sync_limit
        self.ctx = ctx
        self._count = count
        self._fetch = fetch
        self._apply = apply
        self._generation = 0
        self._workers: dict[int, Worker] = {}
        self.busy = False
        # Once the list was found long, it is loaded in the worker without counting first: the
        # count is a query on the GUI thread at every reload (benchmarks/gui_stall_bench.py).
        self._long = False

    def load(self) -> None:
        self._generation += 1
        limit = SYNC_LIMIT if self.sync_limit is None else self.sync_limit
        if not self._long:
            if self._count(self.ctx.store) <= limit:
                self._apply(self._fetch(self.ctx.store))
                self.busy = False
                self.loaded.emit()
                return
            self._long = True
        self.busy = True
        generation = self._generation
        worker = Worker(self._fetch, self.ctx.store)
        worker.signals.finished.connect(lambda rows: self._done(generation, rows))
        worker.signals.failed.connect(lambda message: self._failed(generation, message))
        # keep the worker (and its signals object) alive until it reports
        self._workers[generation] = worker
        start(worker, self.ctx.pool)

    def _done(self, generation: int, rows: Any) -> None:
        self._workers.pop(generation, None)
        if generation != self._generation:
            return
        self.busy = False
        self._apply(rows)
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        self._workers.pop(generation, None)
        if generation == self._generation:
            self.busy = False
            self.ctx.bus.status_reported.emit(message)
