"""Synkronisering (Ctrl+6): account, "Synkronisér nu" with progress and cancel, conflicts, rejected
changes, records from the server that could not be stored, and the records still waiting to be sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import done as done_of
from ...domain.messages import Msg
from ...domain.numbers import format_datetime, format_int
from ...domain.timeutil import parse_stored_time
from ...store.db import Store
from ...store.services.overview import get_state, pending_counts
from ...sync import resolve
from ...sync.credentials import keyring_usable
from ...sync.engine import SyncReport
from ...sync.forms import list_parked_forms
from .. import ops
from ..context import AppContext
from ..noop import QT_TR_NOOP, QT_TRANSLATE_NOOP
from ..table import Column, RowsTableModel, make_table_view
from ..views.base import View
from .controller import controller_for, install_auto_sync
from .login_dialog import LoginDialog


def _table(name: str, model: RowsTableModel[Any]) -> QTableView:
    table = make_table_view(model, name, stretch_last=True, alternating=True, word_wrap=True)
    model.modelReset.connect(table.resizeColumnsToContents)
    model.modelReset.connect(table.resizeRowsToContents)
    return table


# Records edited on a feature tab of their network's page (its title in ``NETWORK_TABS``).
_FEATURE_TAB = {"screening": QT_TR_NOOP("Screening"), "action_plan": QT_TR_NOOP("Ansøgning")}


def _section(name: str, title: str, text: str) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled box with its explanation on top, hidden until it has something to show."""
    box = QGroupBox(title)
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.addWidget(QLabel(text))
    box.setVisible(False)
    return box, layout


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def conflicts_model(parent: QWidget | None = None) -> RowsTableModel[resolve.ConflictRow]:
    cols: list[Column[resolve.ConflictRow]] = [
        Column(_tr("Type"), lambda r: r.entity_label),
        Column(_tr("Post"), lambda r: r.label),
        Column(_tr("Felter"), lambda r: ", ".join(f.label for f in r.fields)),
    ]
    return RowsTableModel(cols, lambda r: str(r.seq), parent)


def diff_model(parent: QWidget | None = None) -> RowsTableModel[resolve.FieldDiff]:
    cols: list[Column[resolve.FieldDiff]] = [
        Column(_tr("Felt"), lambda r: r.label),
        Column(_tr("Din værdi"), lambda r: r.mine, tooltip=lambda r: r.mine),
        Column(_tr("Serverens værdi"), lambda r: r.server, tooltip=lambda r: r.server),
    ]
    return RowsTableModel(cols, lambda r: r.field, parent)


def pending_model(parent: QWidget | None = None) -> RowsTableModel[resolve.PendingRow]:
    cols: list[Column[resolve.PendingRow]] = [
        Column(_tr("Type"), lambda r: r.entity_label),
        Column(_tr("Post"), lambda r: r.label, tooltip=lambda r: r.label),
        Column(_tr("Netværk"), lambda r: r.network, tooltip=lambda r: r.network),
        Column(_tr("Ændring"), lambda r: r.what, tooltip=lambda r: r.what),
        Column(_tr("Ændret"), lambda r: format_datetime(r.changed_at) if r.changed_at else "–"),
    ]
    return RowsTableModel(cols, lambda r: f"{r.entity}:{r.record_id}", parent)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def parked_model(parent: QWidget | None = None) -> RowsTableModel[resolve.ParkedRow]:
    cols: list[Column[resolve.ParkedRow]] = [
        Column(_tr("Type"), lambda r: _tr(r.entity_label)),
        Column(_tr("Post"), lambda r: r.label, tooltip=lambda r: r.label),
        Column(_tr("Begrundelse"), lambda r: r.reason, tooltip=lambda r: r.reason),
    ]
    return RowsTableModel(cols, lambda r: r.tag, parent)


def parked_form_rows(store: Store) -> list[resolve.ParkedRow]:
    """Form definitions from Væksthus this computer cannot use, as rows of the parked table."""
    return [
        resolve.ParkedRow(
            f"form/{p.tag}",
            "form",
            "Skema",
            p.tag,
            _tr("%1, version %2").replace("%1", p.title).replace("%2", str(p.version)),
            p.reason,
        )
        for p in list_parked_forms(store)
    ]


def rejected_model(parent: QWidget | None = None) -> RowsTableModel[resolve.RejectedRow]:
    cols: list[Column[resolve.RejectedRow]] = [
        Column(_tr("Type"), lambda r: r.entity_label),
        Column(_tr("Post"), lambda r: r.label),
        Column(_tr("Felter"), lambda r: ", ".join(r.fields)),
        Column(_tr("Serverens begrundelse"), lambda r: r.reason, tooltip=lambda r: r.reason),
    ]
    return RowsTableModel(cols, lambda r: str(r.seq), parent)


class SyncView(View):
    key = "synkronisering"
    title = QT_TRANSLATE_NOOP("Views", "Synkronisering")
    shortcut = "Ctrl+6"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.controller = controller_for(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Synkronisering"),
                self.tr(
                    "Ændringer gemmes her på computeren og sendes til Væksthus Midtjylland, når der er forbindelse. "
                    "Afgørelser og ændringer fra dine andre computere hentes samtidig."
                ),
            )
        )
        # account
        acc = QHBoxLayout()
        self.account_label = QLabel()
        self.account_label.setObjectName("syncAccount")
        self.account_label.setWordWrap(True)
        acc.addWidget(self.account_label, 1)
        self.login_button = QPushButton(self.tr("Log ind…"))
        self.login_button.setObjectName("syncLogin")
        self.logout_button = QPushButton(self.tr("Log ud"))
        self.logout_button.setObjectName("syncLogout")
        acc.addWidget(self.login_button)
        acc.addWidget(self.logout_button)
        lay.addLayout(acc)
        self.keyring_note = QLabel(str(Msg.SYNC_NO_KEYRING()))
        self.keyring_note.setObjectName("warning")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not keyring_usable())
        lay.addWidget(self.keyring_note)
        # run
        run = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Synkronisér nu"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Annullér"))
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.setVisible(False)
        run.addWidget(self.sync_button)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        run.addStretch(0)
        lay.addLayout(run)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.result = QLabel()
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)

        # conflicts, side by side
        self.conflicts_box, cbox = _section(
            "conflictsBox",
            self.tr("Konflikter"),
            self.tr(
                "Posten er ændret både her og et andet sted. Se begge udgaver, og vælg hvilken der skal gælde."
            ),
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        self.conflicts = conflicts_model(self)
        self.conflicts_table = _table("conflictsTable", self.conflicts)
        self.diff = diff_model(self)
        self.diff_table = _table("conflictDiff", self.diff)
        split.addWidget(self.conflicts_table)
        split.addWidget(self.diff_table)
        split.setSizes([300, 500])
        cbox.addWidget(split, 1)
        self.keep_mine_button = _button("keepMine", self.tr("Behold min udgave"))
        self.take_server_button = _button("takeServer", self.tr("Brug serverens udgave"))
        cbox.addLayout(_button_row(self.keep_mine_button, self.take_server_button))
        lay.addWidget(self.conflicts_box, 1)

        # rejected
        self.rejected_box, rbox = _section(
            "rejectedBox",
            self.tr("Afviste ændringer"),
            self.tr(
                "Serveren har afvist disse ændringer. Ret posten og send den igen, eller kassér ændringen."
            ),
        )
        self.rejected = rejected_model(self)
        self.rejected_table = _table("rejectedTable", self.rejected)
        rbox.addWidget(self.rejected_table, 1)
        self.retry_button = _button("retryRejected", self.tr("Send igen"))
        self.discard_button = _button("discardRejected", self.tr("Kassér ændringen"))
        rbox.addLayout(_button_row(self.retry_button, self.discard_button))
        lay.addWidget(self.rejected_box, 1)

        # from the server, not stored here
        self.parked_box, kbox = _section(
            "parkedBox",
            self.tr("Poster fra serveren, der ikke kunne gemmes"),
            self.tr(
                "Serveren sendte disse poster i en form, som Mægler ikke kan gemme. Resten er hentet som "
                "normalt. Posterne gemmes, når serveren sender en rettet udgave; bliver de stående, så "
                "kontakt Væksthus."
            ),
        )
        self.parked = parked_model(self)
        self.parked_table = _table("parkedTable", self.parked)
        kbox.addWidget(self.parked_table, 1)
        lay.addWidget(self.parked_box, 1)

        # waiting to be sent
        self.pending_box, pbox = _section(
            "pendingBox",
            self.tr("Venter på at blive sendt"),
            self.tr(
                "Disse poster er gemt her på computeren og sendes til Væksthus ved næste synkronisering."
            ),
        )
        self.pending = pending_model(self)
        self.pending_table = _table("pendingTable", self.pending)
        # the names share what room there is; type, change and time are always shown whole
        header = self.pending_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.pending.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.pending_table.setWordWrap(False)
        pbox.addWidget(self.pending_table, 1)
        self.pending_more = QLabel()
        self.pending_more.setObjectName("pendingMore")
        pbox.addWidget(self.pending_more)
        lay.addWidget(self.pending_box, 1)
        lay.addStretch(0)

        self.sync_button.clicked.connect(lambda: self.controller.sync_now())
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.login_button.clicked.connect(lambda: self.open_login())
        self.logout_button.clicked.connect(self._logout)
        self.keep_mine_button.clicked.connect(lambda: self._resolve(resolve.keep_mine, self.conflicts_table))
        self.take_server_button.clicked.connect(
            lambda: self._resolve(resolve.take_server, self.conflicts_table)
        )
        self.retry_button.clicked.connect(lambda: self._resolve(resolve.retry_rejected, self.rejected_table))
        self.discard_button.clicked.connect(
            lambda: self._resolve(resolve.discard_rejected, self.rejected_table)
        )
        self.conflicts_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_diff())
        for table in (self.pending_table, self.rejected_table, self.conflicts_table):
            table.doubleClicked.connect(lambda index, table=table: self.open_record(table, index.row()))
        self.controller.started.connect(self._on_started)
        self.controller.progressed.connect(self._on_progress)
        self.controller.finished.connect(self._on_finished)
        self.controller.failed.connect(self._on_failed)
        self.controller.cancelled.connect(self._on_cancelled)
        self.controller.login_needed.connect(self.open_login)
        self.controller.account_changed.connect(self.refresh)
        self.controller.logged_out.connect(self._on_logged_out)
        self.login_dialog: LoginDialog | None = None
        # The main window adds this view to its stack after constructing it; attach then.
        QTimer.singleShot(0, self, self._attach_window)

    def _attach_window(self) -> None:
        window = self.window()
        if hasattr(window, "set_online"):
            install_auto_sync(self.ctx, window)

    # data -------------------------------------------------------------------------------------
    def reload(self) -> None:
        account = self.controller.account()
        if account is None:
            self.account_label.setText(self.tr("Ikke forbundet til Væksthus. Log ind for at synkronisere."))
        else:
            text = (
                self.tr("Logget ind som %1 på %2")
                .replace("%1", account.username)
                .replace("%2", account.server_url)
            )
            if not self.controller.has_token():
                text = self.tr("%1 (log ind igen for at synkronisere)").replace("%1", text)
            self.account_label.setText(text)
        self.logout_button.setVisible(account is not None)
        pending, conflicts, rejected = pending_counts(self.ctx.store)
        last = parse_stored_time(get_state(self.ctx.store, "last_sync"))
        last_text = format_datetime(last) if last is not None else self.tr("aldrig")
        self.state.setText(
            self.tr(
                "Ændringer der venter på at blive sendt: %1 · konflikter: %2 · afviste: %3 · sidst synkroniseret: %4"
            )
            .replace("%1", format_int(pending))
            .replace("%2", format_int(conflicts))
            .replace("%3", format_int(rejected))
            .replace("%4", last_text)
        )
        self.conflicts.set_rows(resolve.list_conflicts(self.ctx.store))
        self.rejected.set_rows(resolve.list_rejected(self.ctx.store))
        self.parked.set_rows([*resolve.list_parked(self.ctx.store), *parked_form_rows(self.ctx.store)])
        waiting, waiting_records = resolve.list_pending(self.ctx.store, resolve.PENDING_SHOWN)
        self.pending.set_rows(waiting)
        self.pending_more.setText(
            self.tr("Viser de %1 senest ændrede af %n poster.", "", waiting_records).replace(
                "%1", format_int(len(waiting))
            )
        )
        self.pending_more.setVisible(waiting_records > len(waiting))
        self.conflicts_box.setVisible(conflicts > 0)
        self.rejected_box.setVisible(rejected > 0)
        self.parked_box.setVisible(self.parked.rowCount() > 0)
        self.pending_box.setVisible(waiting_records > 0)
        if self.conflicts.rowCount():
            self.conflicts_table.selectRow(0)
        if self.rejected.rowCount():
            self.rejected_table.selectRow(0)
        self._show_diff()
        self.sync_button.setEnabled(not self.controller.running)

    def _show_diff(self) -> None:
        index = self.conflicts_table.currentIndex()
        if not index.isValid():
            self.diff.set_rows([])
            return
        row = self.conflicts.row_at(index.row())
        self.diff.set_rows(list(row.fields))

    def _resolve(self, action: Callable[[Store, int], object], table: QTableView) -> None:
        index = table.currentIndex()
        model = table.model()
        assert isinstance(model, RowsTableModel)
        seq = model.row_id(index)
        if seq is None:
            return
        # refused (resolved already, elsewhere): the reason, and the page as it stands now
        ops.run(self.ctx, lambda: done_of(action, self.ctx.store, int(seq)), error=self.result.setText)
        self.refresh()

    def open_record(self, table: QTableView, row: int) -> None:
        """Show the record of a row where the broker edits it."""
        model = table.model()
        assert isinstance(model, RowsTableModel)
        item = model.row_at(row)
        place = resolve.record_place(self.ctx.store, item.entity, item.record_id)
        window = self.window()
        if place is None or not hasattr(window, "show_view"):
            self.result.setText(self.tr("Posten findes ikke længere her på computeren."))
            return
        if place.entity in ("meeting", "expense") and place.network_id is not None:
            # its editor, over the network's meetings and expenses
            tab = window.show_view("moeder").select_network(place.network_id)
            if tab is not None:
                opener = tab.open_meeting if place.entity == "meeting" else tab.open_expense
                opener(place.record_id)
                return
        application_id = place.record_id if place.entity == "application" else place.application_id
        if application_id is not None:  # an application, or the action plan made with it
            window.show_view("ansoegninger").open_application(application_id)
        elif place.network_id is not None:
            page = window.show_view("netvaerk").open_network(place.network_id)
            if place.entity == "membership" and place.company_id is not None:
                page.tabs.setCurrentWidget(page.members)
                page.members.select_member(place.company_id)
            elif place.entity in _FEATURE_TAB:
                page.show_feature(_FEATURE_TAB[place.entity])
        elif place.company_id is not None:
            window.show_view("virksomheder").select_company(place.company_id)

    # login ------------------------------------------------------------------------------------
    def open_login(self, message: str = "") -> LoginDialog:
        dialog = LoginDialog(self.ctx, message, self)
        dialog.logged_in.connect(self.controller.logged_in)
        dialog.finished.connect(lambda _r: self.refresh())
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _logout(self) -> None:
        if self.controller.log_out():
            self.logout_button.setEnabled(False)
            self.result.setText(self.tr("Logger ud …"))

    def _on_logged_out(self, message: str) -> None:
        self.logout_button.setEnabled(True)
        self.result.setText(message)
        self.refresh()

    # progress ---------------------------------------------------------------------------------
    def _on_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.result.setText(self.tr("Synkroniserer…"))
        self.ctx.bus.status_reported.emit(self.tr("Synkroniserer med Væksthus…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _stopped(self) -> None:
        self.sync_button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _on_finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self._stopped()
        see_below = self.tr("(se nedenfor).")
        text = str(Msg.UI_SYNC_DONE(pushed=report.pushed, pulled=report.pulled))
        if report.attention:
            text += " " + str(Msg.UI_SYNC_ATTENTION(n=report.attention)) + " " + see_below
        if report.parked:
            text += " " + str(Msg.UI_SYNC_PARKED(n=report.parked)) + " " + see_below
        elif report.complete:
            text += " " + self.tr("Alt er synkroniseret.")
        if report.forms_added:
            text += " " + self.tr("Nye skemaer fra Væksthus: %1.").replace(
                "%1", ", ".join(report.forms_added)
            )
        if report.forms_parked:
            text += " " + str(Msg.UI_FORMS_NOT_USABLE(n=report.forms_parked))
        self.result.setText(text)
        self.ctx.bus.status_reported.emit(text)
        self.refresh()

    def _on_failed(self, message: str) -> None:
        self._stopped()
        self.result.setText(message)
        self.ctx.bus.status_reported.emit(message)
        self.refresh()

    def _on_cancelled(self) -> None:
        self._stopped()
        self.result.setText(
            self.tr("Synkroniseringen blev afbrudt. Det, der nåede frem, er gemt; resten sendes næste gang.")
        )
        self.refresh()
