"""Background work: a plain generator yielding (done, total) runs in the QThreadPool.

The worker turns progress into signals and checks a cancel flag between steps. It never touches
widgets; the GUI connects to its signals (delivered on the GUI thread by queued connections).
"""

from __future__ import annotations

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
