"""Background work: a plain generator yielding (done, total) runs in the QThreadPool.

The worker turns progress into signals and checks a cancel flag between steps. It never touches
widgets; the GUI connects to its signals (delivered on the GUI thread by queued connections).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..domain.errors import os_reason
from ..errors import UserError
from . import crash

log = logging.getLogger(__name__)

# What a worker's caller expects and shows in its own words: a mistake the user can fix, bad input,
# a file the system refused. Anything else is a bug: reported like an uncaught exception as well.
EXPECTED = (UserError, ValueError, OSError)


class WorkerSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Worker(QRunnable):
    """Run ``fn(*args)``; if it returns a generator of (done, total), report progress.

    The generator's return value (``StopIteration.value``) or the plain return value is emitted
    with ``finished``. An exception is emitted as a Danish-readable ``failed(str)``.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
            if isinstance(result, Generator):
                gen = result
                try:
                    while True:
                        if self._cancel.is_set():
                            gen.close()
                            self.signals.cancelled.emit()
                            return
                        done, total = next(gen)
                        self.signals.progressed.emit(int(done), int(total))
                except StopIteration as stop:
                    result = stop.value
            self.signals.finished.emit(result)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, which shows it
            if isinstance(exc, OSError):
                # the system's own text is English on most machines: say it in Danish
                where = f"{exc.filename}: " if exc.filename else ""
                message = where + str(os_reason(exc)).capitalize() + "."
            else:
                message = str(exc) or exc.__class__.__name__
            if isinstance(exc, EXPECTED):
                log.info("worker %s failed: %s", _name(self.fn), exc.__class__.__name__)
            else:
                exc_info = (type(exc), exc, exc.__traceback__)
                where = QCoreApplication.translate("", "baggrundsarbejdet %1").replace("%1", _name(self.fn))
                if not crash.report(exc_info, where):
                    log.error("worker %s failed", _name(self.fn), exc_info=exc_info)
            self.signals.failed.emit(message)


def _name(fn: Callable[..., Any]) -> str:
    return str(getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or fn.__class__.__name__)


def start(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


# A list this long is let go of in the thread pool rather than on the GUI thread (``let_go``).
LET_GO_AT = 1000
_CHUNK = 1000


def settle_rows() -> None:
    """A long list just shown lives until its next reload: left out of the garbage collector's
    full passes from now on (``gc.freeze``, as ``settle_heap`` does at start), which otherwise walk
    every row each time, holding the interpreter and so the window (benchmarks/gui_stall_bench.py).
    Rows are freed as usual when the list is replaced (reference counting); only reference cycles
    made before this moment and not yet collected are no longer looked for."""
    gc.freeze()


def let_go(owned: list[Any], shared: list[Any] | None = None, pool: QThreadPool | None = None) -> None:
    """Free a list a model no longer shows (``owned``: nobody else holds it) and drop what went
    with it (``shared``: texts, indexes, perhaps held elsewhere too) in the thread pool when the list
    is long: freeing 20.000 rows and their texts took 5–10 ms of the GUI thread at a list's reload
    (benchmarks/gui_stall_bench.py, the import). The list is emptied a chunk at a time, so the
    worker gives the interpreter back to the GUI thread in between."""
    if len(owned) < LET_GO_AT:
        return
    moved = list(shared or [])
    if shared:
        shared.clear()  # the caller's references go now, so the worker's are the last
    freeing = _Free(owned, moved)
    _freeing.add(freeing)  # kept until it has run
    (pool or QThreadPool.globalInstance()).start(freeing)


class _Free(QRunnable):
    def __init__(self, owned: list[Any], shared: list[Any]) -> None:
        super().__init__()
        self.owned: list[Any] | None = owned
        self.shared = shared

    def run(self) -> None:
        owned = self.owned
        self.owned = None
        while owned:
            del owned[-_CHUNK:]
        self.shared.clear()  # the last reference to each, if nobody else holds it
        _freeing.discard(self)


_freeing: set[_Free] = set()
