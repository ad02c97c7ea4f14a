"""Operations: run a use case, show its error, announce what it changed once.

A use case (``store/services``) returns ``Done``: its value and its ``Changes`` (see
``domain/changes.py``). Widgets run it here, never emit entity names on the bus themselves:

    done = ops.run(self.ctx, lambda: svc.save_network.done(store, data, network_id), error=self.errors)
    if done is None:
        return  # the error is shown where the view shows its errors, nothing was saved

``run`` calls the use case on the GUI thread (quick ones: a save, a delete); ``start`` runs it in
the thread pool's worker (an import, anything that may take more than a frame). Either shows an
error in the view's error place (a ``LiveErrors`` box, a label, a function taking the text) or, when
the view has none, in a Danish dialog; then, on success, calls ``then(value)`` and announces the
``Changes`` on the bus, once. Views filter the announcement by the entities they list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..domain.changes import Changes, Done
from ..domain.errors import DomainError
from ..errors import UserError
from .context import AppContext
from .worker import Worker
from .worker import start as start_worker

T = TypeVar("T")

# What a use case raises for a mistake the person can correct: shown, never a crash.
EXPECTED: tuple[type[Exception], ...] = (DomainError, UserError)


class Says(Protocol):
    """An editor's message box (``live_errors.LiveErrors``)."""

    def say(self, text: str) -> None: ...


ErrorPlace = Says | QLabel | Callable[[str], object] | None


def language() -> str:
    """The language messages are rendered in: the source language, Danish, until the language
    setting (issue 24, item 1) chooses another."""
    return "da"


def error_text(exc: BaseException) -> str:
    """The person's sentence for an error: a domain message rendered through the catalogue."""
    render = getattr(exc, "render", None)
    if callable(render):
        return str(render(language()))
    return str(exc) or exc.__class__.__name__


def show_error(text: str, error: ErrorPlace = None, parent: QWidget | None = None) -> None:
    """Show ``text`` where the view shows its errors; with no such place, in a dialog."""
    if error is None:
        title = QCoreApplication.translate("ops", "Det lykkedes ikke")
        QMessageBox.warning(parent, title, text)
    elif isinstance(error, QLabel):
        error.setText(text)
        error.setVisible(bool(text))
    elif hasattr(error, "say"):
        error.say(text)
    else:
        error(text)


def announce(ctx: AppContext | object, changes: Changes | Done[Any]) -> None:
    """Tell every view what changed, once (nothing when nothing changed, or where there is no bus:
    a widget on a bare store, in a dialog or a test)."""
    if isinstance(changes, Done):
        changes = changes.changes
    bus = getattr(ctx, "bus", None)
    if changes and bus is not None:
        bus.changed.emit(changes)


def call(
    work: Callable[[], Done[T]],
    *,
    error: ErrorPlace = None,
    parent: QWidget | None = None,
    on_error: Callable[[Exception], bool] | None = None,
) -> Done[T] | None:
    """Run a quick use case and show its refusal, announcing nothing yet: for a view that must
    put its own state right first, then calls ``announce(ctx, done)`` itself. Prefer ``run``."""
    try:
        return work()
    except EXPECTED as exc:
        if on_error is None or not on_error(exc):
            show_error(error_text(exc), error, parent)
        return None


def run(
    ctx: AppContext,
    work: Callable[[], Done[T]],
    *,
    error: ErrorPlace = None,
    parent: QWidget | None = None,
    on_error: Callable[[Exception], bool] | None = None,
    then: Callable[[T], object] | None = None,
) -> Done[T] | None:
    """Run a quick use case on the GUI thread: its ``Done``, or None when it was refused.

    ``on_error`` sees a refusal first and returns True when it has shown it in its own way (a CVR
    number taken by another company opens that company). ``then(value)`` runs before the
    announcement, so the view's own state is up to date when the views refresh.
    """
    done = call(work, error=error, parent=parent, on_error=on_error)
    if done is None:
        return None
    if then is not None:
        then(done.value)
    announce(ctx, done.changes)
    return done


_running: set[Worker] = set()


def _as_done(result: object) -> Done[Any]:
    """A worker's result as ``Done``: a result object may carry its ``changes`` (an import's)."""
    if isinstance(result, Done):
        return result
    carried = getattr(result, "changes", None)
    return Done(result, carried if isinstance(carried, Changes) else Changes.NONE)


def start(
    ctx: AppContext,
    work: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], object] | None = None,
    error: ErrorPlace = None,
    parent: QWidget | None = None,
    on_failed: Callable[[str], object] | None = None,
    progressed: Callable[[int, int], object] | None = None,
) -> Worker:
    """Run a use case in the thread pool (``worker.Worker``): ``work(*args)`` returns ``Done`` or is
    a generator of (done, total) returning ``Done``. On the GUI thread afterwards: ``on_done(value)``
    and the announcement; or the error shown (``on_failed(text)`` after it, to re-enable buttons).
    A result that is not ``Done`` is announced by the ``changes`` it carries (an import's result)."""
    worker = Worker(work, *args)
    _running.add(worker)  # held until it ends, whether or not the caller keeps it

    def finished(result: object) -> None:
        _running.discard(worker)
        done = _as_done(result)
        if on_done is not None:
            on_done(done.value)
        announce(ctx, done.changes)

    def failed(text: str) -> None:
        _running.discard(worker)
        show_error(text, error, parent)
        if on_failed is not None:
            on_failed(text)

    worker.signals.finished.connect(finished)
    worker.signals.failed.connect(failed)
    worker.signals.cancelled.connect(lambda: _running.discard(worker))
    if progressed is not None:
        worker.signals.progressed.connect(progressed)
    return start_worker(worker, ctx.pool)
