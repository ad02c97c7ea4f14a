"""The main window: sidebar navigation, the views, and a status bar with sync state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    # named only in annotations: PySide makes a class when it is first named (~0.25 ms each, and
    # the mouse events' bases with them), and the first paint needs none of these
    from PySide6.QtGui import QCloseEvent, QEnterEvent, QMouseEvent
    from PySide6.QtWidgets import QDialog

from .. import __version__
from ..domain.changes import SYNC_STATE
from ..domain.messages import Msg
from ..domain.numbers import format_datetime
from ..domain.timeutil import parse_stored_time
from ..domain.vocab import Role
from ..store.quick import local_state, outbox_counts, profile_role
from . import keyboard
from .context import AppContext
from .views import VIEWS, ViewSpec
from .views.base import View
from .worker import Worker, start

# --- english: what choosing a language under Vis → Sprog says, in that language
LANGUAGE_NEXT_START = {
    "da": "Mægler er på dansk, næste gang programmet startes.",
    "en": "Mægler will be in English the next time it starts.",
}

# --- broker: the status bar's state when a server is set up but nobody is logged in (issue 20)
NOT_LOGGED_IN = "not_logged_in"

# Where a navigation row keeps its view's key: Qt.ItemDataRole.UserRole (256), as a number, since
# naming Qt's enum makes PySide build the whole Qt namespace before the first paint (see
# _give_shortcut); tests/test_main_window.py checks the two agree.
NAV_KEY_ROLE = 256


class MainWindow(QMainWindow):
    status_updated = Signal()  # the status bar shows the outbox counts and last sync read last
    painted = Signal()  # once, in the event loop's turn after the window's first paint

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.store_loader: Worker | None = None  # the worker opening the store (app.py), kept alive
        self._status_reader: Worker | None = None  # the worker reading the status bar's counts
        self._status_again = False
        self.setObjectName("mainWindow")
        # Qt adds the application's display name ("Mægler") after the title itself: the title says
        # only what is not the name, and an empty title shows the name alone.
        self.setWindowTitle(self.tr("Demoprofil") if ctx.demo else "")
        self.resize(1200, 760)

        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        side = QWidget()
        side.setFixedWidth(230)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.setSpacing(0)
        brand = QLabel("Mægler")
        brand.setObjectName("brand")
        brand_sub = QLabel(self.tr("Midtjysk Klyngeprogram"))
        brand_sub.setObjectName("brandSub")
        side_lay.addWidget(brand)
        side_lay.addWidget(brand_sub)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        side_lay.addWidget(self.nav, 1)
        outer.addWidget(side)

        self.stack = QStackedWidget()
        page_holder = QWidget()
        page_lay = QVBoxLayout(page_holder)
        page_lay.setContentsMargins(20, 16, 20, 12)
        page_lay.addWidget(self.stack)
        outer.addWidget(page_holder, 1)
        self.setCentralWidget(central)
        # The window's first paint is its status bar's, painted with it: what waits for it (app.py)
        # hears it from there, and then the outbox counts and the last sync are first read.
        status_bar = _StatusBar()
        self.setStatusBar(status_bar)
        status_bar.painted.connect(self.painted)
        status_bar.painted.connect(self.update_status)

        # Views are made when first shown (see views/__init__.py), so start-up pays only for one.
        # A view for a role (Skemaer: caseworkers) is listed only for a profile of that role.
        self._help: QDialog | None = None
        self.role = profile_role(ctx.profile)
        self.specs: dict[str, ViewSpec] = {}
        self.views: dict[str, View] = {}
        self._build_menus()
        self._list_views()
        self.nav.currentRowChanged.connect(self._on_nav)
        # A login or a sync may give the profile another role (after every sync: SYNC_STATE).
        ctx.bus.changed.connect(lambda changes: self.apply_role() if changes.touches(SYNC_STATE) else None)

        self.status_online = QLabel()
        self.status_online.setObjectName("statusOnline")
        # the sync state opens the sync page, where what waits, conflicts and rejections are listed
        sync_page = self.specs["synkronisering"]
        tip = (
            self.tr("Åbn %1 (%2)")
            .replace("%1", QCoreApplication.translate("Views", sync_page.title))
            .replace("%2", sync_page.shortcut or "")
        )
        self.status_pending = _StatusLink(tip)
        self.status_pending.setObjectName("statusPending")
        self.status_last = _StatusLink(tip)
        self.status_last.setObjectName("statusLastSync")
        for link in (self.status_pending, self.status_last):
            link.clicked.connect(lambda: self.show_view(sync_page.key))
        # --- broker: after a document is saved, »Åbn mappe« opens its folder (issue 20, item 3)
        self.open_folder_button = QPushButton(self.tr("Åbn mappe"))
        self.open_folder_button.setObjectName("openFolder")
        self.open_folder_button.setFlat(True)
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self.open_saved_folder)
        self._saved_folder: Path | None = None
        ctx.bus.file_saved.connect(self._on_file_saved)
        self.statusBar().addWidget(self.open_folder_button)
        self.statusBar().addPermanentWidget(self.status_online)
        self.statusBar().addPermanentWidget(self.status_pending)
        self.statusBar().addPermanentWidget(self.status_last)
        self.statusBar().showMessage(
            self.tr("Mægler %1 · profil: %2").replace("%1", __version__).replace("%2", str(ctx.profile)), 8000
        )
        ctx.bus.changed.connect(lambda _e: self.update_status())
        ctx.bus.status_reported.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.set_online(None)

        self._restore_geometry()
        self.nav.setCurrentRow(0)
        # The pending count also changes from a sync worker; poll it cheaply.
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(15_000)
        self._status_timer.timeout.connect(self.update_status)
        self._status_timer.start()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Filer"))
        save_action = file_menu.addAction(self.tr("&Gem"))
        save_action.setObjectName("saveAction")
        _give_shortcut(save_action, QKeySequence(QKeySequence.StandardKey.Save))
        save_action.triggered.connect(self.save_current)
        # --- effects: key figures from a CSV (issue 19)
        figures_action = file_menu.addAction(self.tr("Importér &nøgletal (CSV) …"))
        figures_action.setObjectName("importKeyFiguresAction")
        _give_shortcut(figures_action, QKeySequence("Ctrl+Shift+I"))
        figures_action.triggered.connect(self.import_key_figures)
        # --- broker: the broker's name for the PDFs (issue 20, item 2)
        name_action = file_menu.addAction(self.tr("Dit &navn …"))
        name_action.setObjectName("brokerNameAction")
        _give_shortcut(name_action, QKeySequence("Ctrl+,"))  # where desktops keep a programme's settings
        name_action.triggered.connect(self.edit_broker_name)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Afslut"))
        # Quit has no key of its own in every desktop's scheme (none without a desktop): Ctrl+Q then
        _give_shortcut(quit_action, _standard_or(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.view_menu = bar.addMenu(self.tr("&Vis"))
        help_menu = bar.addMenu(self.tr("&Hjælp"))
        # --- broker: F1 opens the guide; »Om« says the version and the profile folder (issue 20)
        guide = help_menu.addAction(self.tr("&Vejledning"))
        guide.setObjectName("helpAction")
        _give_shortcut(guide, _standard_or(QKeySequence.StandardKey.HelpContents, "F1"))
        guide.triggered.connect(self.show_help)
        about = help_menu.addAction(self.tr("&Om Mægler"))
        about.setObjectName("aboutAction")
        _give_shortcut(about, QKeySequence("Ctrl+F1"))
        about.triggered.connect(self.show_about)

    def _list_views(self) -> None:
        """The navigation and the Vis menu: the views this profile's role sees."""
        shown = [spec for spec in VIEWS if spec.shown_to(self.role)]
        self.specs = {spec.key: spec for spec in shown}
        self.nav.blockSignals(True)
        self.nav.clear()
        for spec in shown:
            title = QCoreApplication.translate("Views", spec.title)
            item = QListWidgetItem(title)
            item.setData(NAV_KEY_ROLE, spec.key)
            if spec.shortcut:
                item.setToolTip(f"{title} ({spec.shortcut})")
            self.nav.addItem(item)
        self.nav.blockSignals(False)
        self.view_menu.clear()
        for key, spec in self.specs.items():
            action = self.view_menu.addAction(QCoreApplication.translate("Views", spec.title))
            if spec.shortcut:
                _give_shortcut(action, QKeySequence(spec.shortcut))
                action.setShortcutVisibleInContextMenu(True)
            action.triggered.connect(lambda _=False, k=key: self._go_to(k))
        self._add_language_menu()  # --- english

    # --- english: Vis → Sprog (issue 24)
    def _add_language_menu(self) -> None:
        from ..domain.language import current
        from .app import save_language

        self.view_menu.addSeparator()
        menu = self.view_menu.addMenu(self.tr("&Sprog"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        # each language by its own name, so a person who cannot read the other one finds theirs
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current())
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c, save_language))

    def _choose_language(self, code: str, save: Callable[[str], None]) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..domain.language import current

        save(code)
        if code != current():
            # said in the language chosen: the one the person reads
            QMessageBox.information(self, "Mægler", LANGUAGE_NEXT_START[code])

    # --- end english

    def apply_role(self) -> None:
        """List the views of the profile's role now, if it changed (the page shown stays if it may)."""
        role = profile_role(self.ctx.profile)
        if role == self.role:
            return
        self.role = role
        current = self.nav.currentItem()
        key = current.data(NAV_KEY_ROLE) if current is not None else None
        self._list_views()
        if key in self.specs:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(list(self.specs).index(key))
            self.nav.blockSignals(False)
        else:
            self.nav.setCurrentRow(0)

    def save_current(self) -> bool:
        """Filer → Gem (Ctrl+S): save the editor in view (the one with the focus, else the only one)."""
        if keyboard.save_in(self):
            return True
        self.statusBar().showMessage(self.tr("Her er intet at gemme."), 4000)
        return False

    def edit_broker_name(self) -> QDialog:
        """--- broker: Filer → Dit navn (issue 20, item 2)."""
        from .profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.ctx, self)
        dialog.open()
        return dialog

    def show_help(self) -> QDialog:
        """--- broker: the guide (F1), shipped with the app and read offline (issue 20, item 5)."""
        from .help.dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show()
        self._help.raise_()
        return self._help

    def show_about(self) -> QDialog:
        """Hjælp → Om: the version and the profile folder (not modal: the window stays usable)."""
        import html  # here: html.entities, its big table, is not for the first paint

        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("Om Mægler"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr(
                "<h3>Mægler %1</h3><p>Netværksmæglernes værktøj i Midtjysk Klyngeprogram, "
                "med Væksthus Midtjylland som central server.</p><p>Profilmappe (dine data): %2</p>"
                "<p>Vejledningen: Hjælp → Vejledning (F1).</p>"
            )
            .replace("%1", __version__)
            .replace("%2", html.escape(str(self.ctx.profile)))
        )
        box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Luk"))
        box.open()
        return box

    # --- broker: the folder of the last saved document (issue 20, item 3) ------------------------
    def _on_file_saved(self, path: str) -> None:
        self._saved_folder = Path(path).parent
        self.open_folder_button.setToolTip(str(self._saved_folder))
        self.open_folder_button.show()

    def open_saved_folder(self) -> bool:
        from .files import open_file

        folder = self._saved_folder
        if folder is None:
            return False
        opened = open_file(folder)
        if not opened:
            self.statusBar().showMessage(
                self.tr("Mappen kunne ikke åbnes her; den ligger i %1").replace("%1", str(folder)), 8000
            )
        return opened

    # navigation -------------------------------------------------------------------------------
    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(NAV_KEY_ROLE)
        view = self.view(key)
        self.stack.setCurrentWidget(view)
        view.ensure_loaded()

    def view(self, key: str) -> View:
        """The view with this key, made on first use."""
        if key not in self.views:
            view = self.specs[key].load()(self.ctx)
            self.views[key] = view
            self.stack.addWidget(view)
        return self.views[key]

    def _go_to(self, key: str) -> None:
        """A view chosen by its key (Ctrl+1 …): the keyboard goes along, to the page's first field."""
        view = self.show_view(key)
        focus = QApplication.focusWidget()
        if focus is None or not view.isAncestorOf(focus):
            keyboard.focus_first(view)

    def import_key_figures(self) -> None:
        """Filer → Importér nøgletal: the company register's import (issue 19); a caseworker's
        profile shows the brokers' companies, and changes none of them."""
        if self.role == Role.CASEWORKER:
            self.statusBar().showMessage(self.tr("Nøgletal importeres af netværksmæglerne."), 8000)
            return
        view = self.show_view("virksomheder")
        choose = getattr(view, "choose_key_figures_import", None)
        if callable(choose):
            choose()

    def show_view(self, key: str) -> View:
        self.nav.setCurrentRow(list(self.specs).index(key))
        return self.view(key)

    def current_view(self) -> View:
        widget = self.stack.currentWidget()
        assert isinstance(widget, View)
        return widget

    # status bar -------------------------------------------------------------------------------
    def set_online(self, online: bool | str | None) -> None:
        """None: no server set up (a local profile); True/False: the server answered or not;
        NOT_LOGGED_IN: set up for a server, but not logged in (no token, or it ran out)."""
        self.status_online.setToolTip("")
        if online is None:
            text = self.tr("Lokal profil – ikke forbundet til Væksthus")
        elif online == NOT_LOGGED_IN:  # --- broker: not the same as offline (issue 20, item 7)
            text = self.tr("○ Ikke logget ind – ændringer gemmes lokalt")
            self.status_online.setToolTip(self.tr("Log ind under Synkronisering (Ctrl+6)"))
        elif online:
            text = self.tr("● Online")
        else:
            text = self.tr("○ Offline – ændringer gemmes lokalt")
        self.status_online.setText(text)

    def update_status(self) -> None:
        """Read the outbox counts and the last sync anew, in a worker (counting a large outbox
        stalls the GUI thread, benchmarks/gui_stall_bench.py); ``status_updated`` when shown.
        Asked again while a read runs, one more read follows it (the newest state is shown)."""
        if self._status_reader is not None:
            self._status_again = True
            return
        self._status_again = False
        worker = Worker(read_status, self.ctx.profile)
        worker.signals.finished.connect(self._show_status)
        worker.signals.failed.connect(self._status_failed)
        self._status_reader = worker  # its signals live until it reports
        start(worker, self.ctx.pool)

    def _show_status(self, status: tuple[tuple[int, int, int], object]) -> None:
        self._status_reader = None
        if not shiboken6.isValid(self.status_pending):
            return  # the window is being torn down: its status bar has gone before the read came
        (pending, conflicts, rejected), last_sync = status
        text = str(Msg.UI_CHANGES_NOT_SENT(n=pending))
        if conflicts or rejected:
            text += " · " + str(Msg.UI_CHANGES_NEED_ACTION(n=conflicts + rejected))
        self.status_pending.setText(text)
        self.status_last.setText(last_sync_text(last_sync))
        if self._status_again:
            self.update_status()
        else:
            self.status_updated.emit()

    def _status_failed(self, _message: str) -> None:
        self._status_reader = None  # the texts stay as they were; the next change reads again
        if self._status_again:
            self.update_status()

    # geometry ---------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = self.ctx.settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        for key, view in self.views.items():
            if not view.confirm_leave():
                event.ignore()
                self.show_view(key)
                return
        settings = self.ctx.settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.sync()
        controller = self.ctx.sync_controller
        if controller is not None:
            controller.end_session()  # a token held only for this session ends with it
        super().closeEvent(event)


def _give_shortcut(action: QAction, sequence: QKeySequence) -> None:
    """``action.setShortcut(sequence)``, through its Qt property: to choose among setShortcut's
    overloads (a key sequence, a key, a text) PySide builds the whole Qt namespace, every one of its
    enums, which the window's first paint otherwise does without (benchmarks/startup.py)."""
    action.setProperty("shortcut", sequence)


def _standard_or(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    sequence = QKeySequence(key)
    return sequence if not sequence.isEmpty() else QKeySequence(fallback)


def read_status(profile: Path) -> tuple[tuple[int, int, int], object]:
    """What the status bar shows, read in a worker: the outbox counts and the last sync."""
    return outbox_counts(profile), local_state(profile, "last_sync")


def last_sync_text(stored: object) -> str:
    """The status bar's "last synchronised", on this computer's clock (stored as UTC ISO-8601)."""
    when = parse_stored_time(stored)
    if when is None:
        return ""
    return QCoreApplication.translate("MainWindow", "Sidst synkroniseret %1").replace(
        "%1", format_datetime(when)
    )


class _StatusBar(QStatusBar):
    """The main window's status bar: ``painted`` once, in the event loop's turn after its first
    paint, which is the window's (the whole window is painted at once, the status bar with it).

    Told by this one widget, not by a filter on the application: that saw the events of every
    object, Qt's own among them, and to hand an object of a class of Qt's own to Python, PySide
    made the Python class of every Qt class it has (benchmarks/startup.py). The window reads its
    counts after it: read in a worker beside the first paint, they took the interpreter from it,
    and the count they came back with (``12.119 ændringer ikke sendt``) was written before it,
    loading babel's data for it."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.painted.emit)


class _StatusLink(QLabel):
    """A status bar text that opens a page when clicked."""

    clicked = Signal()

    def __init__(self, tooltip: str) -> None:
        super().__init__()
        self.setToolTip(tooltip)
        self._hand = False

    def enterEvent(self, event: QEnterEvent) -> None:
        # the pointing hand, given when the mouse first comes (naming Qt's CursorShape in the
        # window's start-up would build the whole Qt namespace before the first paint)
        if not self._hand:
            self._hand = True
            self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == QtCore.Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
