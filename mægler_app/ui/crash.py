"""An uncaught exception anywhere: logged with its traceback, then shown in a Danish dialog.

``install`` sets ``sys.excepthook`` (an exception in a slot or an event handler on the GUI thread
arrives there: PySide6 reports it and carries on) and ``threading.excepthook`` (a plain thread);
``ui/worker.py`` reports a worker's unexpected exception with ``report``. A report from another
thread is carried to the GUI thread by a queued signal. The dialog says what happened and offers
"Kopiér fejlsøgningsinfo": version, OS, Qt, the profile's schema version, the traceback and the
last log lines, redacted (``applog.redact``). The app runs on: the dialog closes and the event
loop continues.

Without a window to show (``--exit-after-start``, ``--screenshots``) nothing is shown: the report
goes to stderr and ``failures`` counts it, so the command exits non-zero.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, qVersion
from PySide6.QtWidgets import QApplication

from .. import __version__, applog

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from .crash_dialog import CrashDialog as CrashDialog


def __getattr__(name: str) -> Any:
    """``crash.CrashDialog``, imported when first asked for (crash_dialog.py): the dialog's module
    and its classes (QDialog, QDialogButtonBox, QPlainTextEdit) are not made before the window's
    first paint, which installs the hooks."""
    if name == "CrashDialog":
        from .crash_dialog import CrashDialog

        return CrashDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
# sys.excepthook and threading.excepthook, as saved_hooks() keeps them for uninstall()
Hooks = tuple[
    Callable[[type[BaseException], BaseException, TracebackType | None], Any],
    Callable[[threading.ExceptHookArgs], Any],
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def schema_version(profile: Path | None) -> str:
    if profile is None:
        return _tr("ingen profil")
    try:
        from ..store.quick import DB_NAME, schema_revision

        return schema_revision(profile / DB_NAME) or _tr("ingen database")
    except Exception as exc:  # noqa: BLE001 - the report is made whatever the profile's state
        return _tr("ukendt (%1)").replace("%1", exc.__class__.__name__)


def debug_info(exc_info: ExcInfo, profile: Path | None, *, log_lines: int = 40) -> str:
    """The text "Kopiér fejlsøgningsinfo" copies: no secret, no personal data beyond ids."""
    import platform  # here: not a module the first paint needs

    import PySide6

    trace = "".join(traceback.format_exception(*exc_info))
    lines = [
        f"Mægler {__version__}",
        f"OS: {platform.platform()} ({platform.machine()})",  # i18n: names, the same in every language
        f"Python: {platform.python_version()}",  # i18n: names
        f"Qt: {qVersion()} (PySide6 {PySide6.__version__})",  # i18n: names
        _tr("Profilens skemaversion: %1").replace("%1", schema_version(profile)),
        _tr("Tråd: %1").replace("%1", threading.current_thread().name),
        "",
        _tr("Fejl:"),
        trace.rstrip(),
        "",
        _tr("Sidste linjer i loggen:"),
        *applog.recent_lines(log_lines),
    ]
    log_file = applog.log_file()
    if log_file is not None:
        lines += ["", _tr("Loggen: %1 i programmets logmappe").replace("%1", log_file.name)]
    return applog.redact("\n".join(lines))


class _Reporter(QObject):
    """Lives on the GUI thread; ``report`` may be called from any thread."""

    arrived = Signal(str)

    def __init__(self, profile: Path | None, *, interactive: bool) -> None:
        super().__init__()
        self.profile = profile
        self.interactive = interactive
        self.failures = 0
        self.showing = False
        self.dialogs_shown = 0
        self.last_info = ""
        # emitted only from other threads (report): queued to this, the GUI thread's object
        self.arrived.connect(self._show)

    def report(self, exc_info: ExcInfo, where: str) -> None:
        self.failures += 1
        log.error("uncaught exception (%s)", where, exc_info=exc_info)
        applog.open_file()  # before the app's first paint it waits: a failure writes it at once
        try:
            info = debug_info(exc_info, self.profile)
        except Exception:  # noqa: BLE001 - never fail while reporting a failure
            info = applog.redact("".join(traceback.format_exception(*exc_info)))
        self.last_info = info
        if not self.interactive:
            print(info, file=sys.stderr)
            return
        if threading.current_thread() is threading.main_thread():
            self._show(info)
        else:
            self.arrived.emit(info)

    def _show(self, info: str) -> None:
        app = QApplication.instance()
        if self.showing or not isinstance(app, QApplication):
            return  # one dialog at a time: an exception in a repaint loop must not pile them up
        self.showing = True
        try:
            from .crash_dialog import CrashDialog

            dialog = CrashDialog(info, app.activeWindow())
            self.dialogs_shown += 1
            dialog.exec()
            dialog.deleteLater()
        except Exception:  # noqa: BLE001 - the report is in the log already
            log.exception("the crash dialog failed")
        finally:
            self.showing = False


_reporter: _Reporter | None = None


def install(profile: Path | None, *, interactive: bool = True) -> _Reporter:
    """Route every uncaught exception to the log and the dialog (a QApplication must exist)."""
    global _reporter
    reporter = _Reporter(profile, interactive=interactive)
    app = QApplication.instance()
    if app is not None:
        reporter.moveToThread(app.thread())
    _reporter = reporter

    def gui_hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        reporter.report((kind, exc, tb), _tr("hovedtråden"))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        reporter.report(
            (args.exc_type, args.exc_value, args.exc_traceback), _tr("tråden %1").replace("%1", name)
        )

    sys.excepthook = gui_hook
    threading.excepthook = thread_hook
    return reporter


def uninstall(previous: Hooks | None = None) -> None:
    """Put back the hooks ``install`` replaced (``saved_hooks()`` before it), else Python's own."""
    global _reporter
    hook, thread_hook = previous or (sys.__excepthook__, threading.__excepthook__)
    sys.excepthook = hook
    threading.excepthook = thread_hook
    _reporter = None


def saved_hooks() -> Hooks:
    return sys.excepthook, threading.excepthook


def report(exc_info: ExcInfo, where: str) -> bool:
    """Report an exception caught elsewhere (a worker's): False when no reporter is installed."""
    if _reporter is None:
        return False
    _reporter.report(exc_info, where)
    return True


def failures() -> int:
    return _reporter.failures if _reporter is not None else 0
