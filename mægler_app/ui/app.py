"""Starting the desktop app: QApplication, translations, the profile's store, the main window."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, applog
from ..domain.language import LANGUAGES, set_process_language
from ..paths import resources_dir
from ..store.quick import StoreError, precheck
from . import crash, keyboard
from .context import AppContext
from .main_window import MainWindow
from .style import STYLE

log = logging.getLogger(__name__)

RESOURCES = resources_dir()
I18N_DIR = RESOURCES / "i18n"


@dataclass
class GuiOptions:
    profile: Path
    demo: bool = False
    exit_after_start: bool = False
    screenshots: Path | None = None
    language: str | None = None  # "da" or "en"; None: the setting (Vis → Sprog) or the system's


# How long a thread running Python may keep the interpreter while another waits for it (Python's
# default: 5 ms). The GUI thread takes the interpreter again for every call Qt makes into Python
# (a slot, a model's data(), an event filter), and while a worker runs Python each of those may
# wait that long: 20 such calls beside a busy thread took 106 ms at 5 ms, 23 ms at 1 ms. In
# benchmarks/gui_stall_bench.py (b), same run, 3 rounds: longest stall 25–83 ms at 1 ms, 66–67 ms
# at 5 ms; the idle window's 2–6 ms against 9–30 ms. The workers' own time did not change
# measurably (the import took 2.5–2.9 s either way).
GIL_SWITCH_S = 0.001


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Væksthus Midtjylland")
    app.setApplicationName("Mægler")
    app.setApplicationDisplayName("Mægler")
    app.setStyleSheet(STYLE)
    keyboard.install()  # Tab in reading order in every window, dialogs included
    icon = RESOURCES / "icons" / "maegler.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("maegler")
    install_translations(app, language or chosen_language())
    return app


# --- english: the language setting (Vis → Sprog), kept for the user, not the profile (issue 24)
LANGUAGE_KEY = "sprog"


def user_settings() -> QSettings:
    """The user's own settings (the language), the same for every profile."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "VaeksthusMidtjylland", "Maegler")


def chosen_language() -> str:
    """``MAEGLER_LANGUAGE`` if set (da/en), else the language chosen under Vis → Sprog, else the
    system's (``language_of_system``)."""
    forced = os.environ.get("MAEGLER_LANGUAGE", "")
    if forced in LANGUAGES:
        return forced
    saved = user_settings().value(LANGUAGE_KEY)
    if saved in LANGUAGES:
        return str(saved)
    return language_of_system(QLocale.system().language())


def language_of_system(system: QLocale.Language) -> str:
    """Danish on a Danish system and on one that names no language (the C/POSIX locale of a
    server or a fresh machine: Danish is the app's own language); English on any other."""
    no_language = (QLocale.Language.C, QLocale.Language.AnyLanguage)
    return "da" if system == QLocale.Language.Danish or system in no_language else "en"


def save_language(language: str) -> None:
    settings = user_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def qm_dir() -> Path:
    """Where the app's .qm files are: built with the package, else compiled now into the cache
    (platformdirs, which names the cache, is imported only then: not before the first paint)."""
    from ..i18n_build import ensure_qm, has_qm

    if has_qm(I18N_DIR):
        return I18N_DIR
    import platformdirs

    from ..paths import APP_AUTHOR, APP_NAME

    cache = Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)) / "i18n" / __version__
    return ensure_qm(I18N_DIR, cache)


class _QtDanishGaps(QTranslator):
    """The few texts of Qt's file dialog that Qt's Danish translation (qtbase_da) lacks: Qt 6 added
    mnemonics to "Look in:" and "Files of type:", and the file type names are new. Asked only when
    qtbase_da has no text, so it answers for these and nothing else."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "&Kig i:",
        ("QFileDialog", "Files of &type:"): "Fil&type:",
        ("QAbstractFileIconProvider", "Drive"): "Drev",
        ("QAbstractFileIconProvider", "Folder"): "Mappe",
        ("QAbstractFileIconProvider", "File"): "Fil",
        ("QAbstractFileIconProvider", "%1 File"): "%1-fil",
        ("QAbstractFileIconProvider", "Shortcut"): "Genvej",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": Qt takes any non-null text as the translation, and "" would blank every
        # string of ours (Danish is the source, so ours are never in any catalogue)
        return self.TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication, language: str = "da") -> tuple[str, list[QTranslator]]:
    """Danish is the source language: in Danish, Mægler's own texts need only the Danish plural
    forms (maegler_da.qm), and Qt's own texts (Ja/Nej/Gem/Annuller, the file dialog) come from Qt's
    Danish translation, which PySide6 ships. In English, Mægler's texts come from maegler_en.qm and
    Qt's from its English one (its source texts, with English plural forms).

    The message catalogue, the vocabulary's labels and dates in words follow the same language
    (``domain.language``). Numbers and money are written the Danish way in both languages, and Qt's
    own widgets (a date field) follow: Danish, or CLDR's English for Denmark.

    Returns the language and the translators installed."""
    language = language if language in LANGUAGES else "da"
    set_process_language(language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    if language == "da":
        gaps = _QtDanishGaps(app)  # installed first, so asked only where Qt's own has no text
        app.installTranslator(gaps)
        installed.append(gaps)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"maegler_{language}", str(qm_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    country = QLocale.Country.Denmark
    danish, english = QLocale.Language.Danish, QLocale.Language.English
    QLocale.setDefault(QLocale(danish if language == "da" else english, country))
    return language, installed


def _settle(window: MainWindow, limit_s: float = 15.0) -> None:
    """Let a view finish what it loads in the background (Programmet's count, a list's rows) before
    its picture is taken: events are processed until the thread pool has been idle twice in a row."""
    import time

    app = QApplication.instance()
    assert app is not None
    pool = window.ctx.pool
    deadline = time.monotonic() + limit_s
    idle = 0
    while idle < 2 and time.monotonic() < deadline:
        app.processEvents()
        idle = idle + 1 if pool.activeThreadCount() == 0 else 0
        time.sleep(0.05)
    for _ in range(3):
        app.processEvents()


def save_screenshots(window: MainWindow, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    window.ctx.load_store()  # every view's data, the overview's next actions too, comes from it
    saved = []
    for key in list(window.specs):
        window.show_view(key)
        _settle(window)
        path = target / f"{key}.png"
        window.grab().save(str(path))
        saved.append(path)
    return saved


def _load_store_after_paint(ctx: AppContext, window: MainWindow) -> None:
    """Open the full store in a worker once the window shows, so the first navigation is instant."""
    from .worker import Worker, start

    worker = Worker(_open_store_and_token, ctx)
    worker.signals.failed.connect(lambda message: _store_failed(window, message))
    worker.signals.finished.connect(lambda token: _start_sync(ctx, window, token))
    window.store_loader = worker  # keep the signals alive
    start(worker, ctx.pool)


def _store_failed(window: MainWindow, message: str) -> None:
    """The store could not be opened after the first paint (a damaged database): said, and the app
    ends, as it would have before showing the window."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(window, "Mægler", message)
    app = QApplication.instance()
    if app is not None:
        app.exit(1)


def _print_first_paint() -> None:
    """``--exit-after-start``: when the first paint came, for benchmarks/startup.py (which also
    times the whole process): the process's CPU seconds and the system's monotonic clock."""
    import time

    print(f"first paint: cpu {time.process_time():.4f} monotonic {time.monotonic():.4f}", flush=True)


def _open_store_and_token(ctx: AppContext) -> object:
    """In the worker: the store, then the account's token from the keyring (importing keyring and
    finding its backend took 200 ms, a stall of the window when it ran on the GUI thread)."""
    ctx.load_store()
    from .sync.controller import read_token

    return read_token(ctx.store)


def _start_sync(ctx: AppContext, window: MainWindow, token: object = None) -> None:
    from .sync.controller import install_auto_sync

    settle_heap()
    install_auto_sync(ctx, window, token)


# Python's full garbage collection walks every object the process holds: with a caseworker's
# whole programme loaded (Qt's and SQLAlchemy's machinery, the models) one took 80–140 ms, and as it
# holds the interpreter it stalls the window wherever it starts (benchmarks/caseworker_views.py:
# Programmet). What exists once the window is up and the store is open lives as long as the app;
# frozen, later collections leave it out; and the youngest generation is collected less often.
GC_THRESHOLD = (10_000, 10, 10)


def settle_heap() -> None:
    """Once the store is loaded: leave what exists now out of future collections. No collection
    is run here (that would be the stall this avoids)."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def resume_gc() -> None:
    """At the first paint: the garbage collector that ``cli.main`` paused for the start-up runs
    again. What exists now (the modules, Qt's machinery, the window) lives as long as the app and
    is frozen first, as ``settle_heap`` does once the store has loaded: the collector's first pass
    would otherwise walk all of it at once (a full pass over ~60.000 objects). The start-up's own
    cyclic garbage, a few hundred objects, stays with them. Called where the collector was not
    paused (a test's process), or where the store was created or migrated first, it does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _log_start(demo: bool) -> None:
    """The log's line on the system, written once the window has painted. Not
    ``platform.platform()``: on Linux and macOS it asks ``uname -p`` in a child process for a
    processor name it then leaves out (5–6 ms of CPU, with the import of subprocess); the crash
    report still gives it in full."""
    import platform

    log.info(
        "start: Mægler %s, %s %s (%s, %s), Python %s, Qt %s%s",
        __version__,
        platform.system(),
        platform.release(),
        platform.version(),
        platform.machine(),
        platform.python_version(),
        qVersion(),
        " (demo)" if demo else "",
    )


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to the log (with console=False there is no stderr to read them on)."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def check_named_imports() -> list[str]:
    """Every view and network tab the app imports when first shown (of every role), imported now:
    what fails.

    ``--screenshots`` runs it, so a bundle that lacks one of them fails in CI, not on a laptop."""
    from .network_tabs import NETWORK_TABS
    from .views import VIEWS

    failed = []
    loaders = [spec.view_class for spec in VIEWS] + [tab_class for _title, tab_class in NETWORK_TABS]
    for load in dict.fromkeys(loaders):
        name = f"{load.__module__}.{load.__qualname__}"
        try:
            load()
        except Exception as exc:  # noqa: BLE001 - each is reported, and the command fails
            log.error("cannot import %s", name, exc_info=True)
            failed.append(f"{name}: {exc.__class__.__name__}: {exc}")
    return failed


def demo_pdf(ctx: AppContext, target: Path) -> Path:
    """The minutes of the demo's first meeting as a PDF in ``target``: `--demo --screenshots` makes
    one, so CI sees ReportLab and its fonts work in the bundle too."""
    from ..reports.meeting_pdf import write_meeting_pdf
    from ..store.services.meetings import list_meetings, meeting_report_data

    first = list_meetings(ctx.store)[0]
    return write_meeting_pdf(meeting_report_data(ctx.store, first.id, broker=""), target / "referat.pdf")


def run_gui(options: GuiOptions) -> int:
    app = make_application(language=options.language)
    headless = options.exit_after_start or options.screenshots is not None
    previous_handler = qInstallMessageHandler(_qt_message)
    previous_hooks = crash.saved_hooks()
    demo_dir: Path | None = None
    profile = options.profile
    if options.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="maegler-demo-"))
        profile = demo_dir / "profil"
    crash.install(profile, interactive=not headless)
    ctx: AppContext | None = None
    try:
        try:
            # the whole file is checked when the store opens: after the first paint, in a worker
            up_to_date = precheck(profile, integrity=False)
            ctx = AppContext(profile=profile, demo=options.demo)
            if not up_to_date or options.demo:
                # A migration, a new profile or the demo's data make garbage of their own (SQLAlchemy,
                # Alembic, thousands of rows): collected as usual from here, nothing frozen at paint.
                gc.enable()
                ctx.load_store()  # create or migrate first (with its backup), before any window
        except StoreError as exc:
            if not (options.exit_after_start or options.screenshots):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(None, "Mægler", str(exc))
            print(str(exc), file=sys.stderr)
            return 1
        if options.demo:
            from ..store.demo import fill_demo

            fill_demo(ctx.store)
        window = MainWindow(ctx)
        if options.screenshots is not None:
            window.show()
            app.processEvents()
            resume_gc()
            applog.open_file()
            _log_start(options.demo)
            for path in save_screenshots(window, options.screenshots):
                print(path)
            window.close()
            if options.demo:
                print(demo_pdf(ctx, options.screenshots))
            missing = check_named_imports()
            for line in missing:
                print(f"maegler: kan ikke indlæse {line}", file=sys.stderr)
            return 1 if missing or crash.failures() else 0
        if options.exit_after_start:
            window.painted.connect(_print_first_paint)  # first: the moment of the paint itself
        window.painted.connect(resume_gc)
        window.painted.connect(applog.open_file)  # the log file waited for the paint (applog.setup)
        window.painted.connect(lambda: _log_start(options.demo))
        if options.exit_after_start:
            window.painted.connect(app.quit)
            # Should no paint ever arrive (a platform without rendering), do not hang forever.
            QTimer.singleShot(30_000, lambda: app.exit(3))
        else:
            window.painted.connect(lambda: _load_store_after_paint(ctx, window))
        window.show()
        code = app.exec()
        ctx.pool.waitForDone(10_000)
        if headless and crash.failures() and code == 0:
            print(f"maegler: {crash.failures()} fejl under start, se ovenfor", file=sys.stderr)
            return 1
        log.info("exit %s", code)
        return int(code)
    finally:
        if ctx is not None:
            ctx.close()
        crash.uninstall(previous_hooks)
        qInstallMessageHandler(previous_handler)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
