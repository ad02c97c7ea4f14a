"""Ansøgninger (Ctrl+5): the broker's own page, every application, and the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date, format_kr
from ...store.services import applications as svc
from ...store.services.overview import sync_marks
from .. import keyboard, ops
from ..table import Column, FilterProxy, RowsTableModel
from ..views.base import View
from .broker_panel import BrokerPanel
from .editor import ApplicationEditor


def application_columns() -> list[Column[svc.ApplicationRow]]:
    return [
        Column("Netværk", lambda r: r.network),
        Column("Version", lambda r: str(r.revision), lambda r: r.revision, True),
        Column("Status", lambda r: r.status_label),
        Column("Timer", lambda r: "" if r.hours is None else str(r.hours), lambda r: r.hours or 0, True),
        Column(
            "Budget",
            lambda r: "" if r.total_ore is None else format_kr(r.total_ore),
            lambda r: r.total_ore or 0,
            True,
        ),
        Column(
            "Indsendt",
            lambda r: format_date(r.submitted_at),
            lambda r: r.submitted_at.isoformat() if r.submitted_at else "",
        ),
        Column(
            "Afgjort",
            lambda r: format_date(r.decided_at),
            lambda r: r.decided_at.isoformat() if r.decided_at else "",
        ),
    ]


class ApplicationsView(View):
    key = "ansoegninger"
    title = "Ansøgninger"
    shortcut = "Ctrl+5"
    watches = ("application", "network", "membership", "action_plan")

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)

        # Page 0: the broker's own page and the list.
        overview = QWidget()
        ol = QVBoxLayout(overview)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(
            self.heading(
                self.tr("Ansøgninger"),
                self.tr(
                    "Ansøgninger om handlingsplan til Væksthus, din bonus og dine netværk mod målet. "
                    "Dobbeltklik på en ansøgning for at åbne den."
                ),
            )
        )
        self.broker = BrokerPanel(ctx)
        ol.addWidget(self.broker)
        new_row = QHBoxLayout()
        new_row.addWidget(QLabel(self.tr("Ny ansøgning for")))
        self.new_network = QComboBox()
        self.new_network.setObjectName("newApplicationNetwork")
        self.new_network.setMinimumWidth(320)
        new_row.addWidget(self.new_network)
        self.new_button = QPushButton(self.tr("Opret ansøgning"))
        self.new_button.setObjectName("newApplication")
        self.new_button.clicked.connect(self.create_for_selected)
        new_row.addWidget(self.new_button)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Søg…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setObjectName(f"filter_{self.key}")
        new_row.addStretch(1)
        new_row.addWidget(self.filter)
        ol.addLayout(new_row)
        self.new_message = QLabel()
        self.new_message.setObjectName("error")
        self.new_message.setVisible(False)
        ol.addWidget(self.new_message)

        self.model: RowsTableModel[svc.ApplicationRow] = RowsTableModel(
            application_columns(), lambda r: r.id, self
        )
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName(f"table_{self.key}")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the network's name takes what is left, so every column fits without scrolling sideways
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        ol.addWidget(self.table, 1)
        self.pages.addWidget(overview)

        # Page 1: the editor, full width.
        editor_page = QWidget()
        el = QVBoxLayout(editor_page)
        el.setContentsMargins(0, 0, 0, 0)
        back = QPushButton(self.tr("← Alle ansøgninger"))
        back.setObjectName("backToList")
        back.setFlat(True)
        back.clicked.connect(self.show_list)
        keyboard.back_button(back, editor_page)
        el.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        self.editor = ApplicationEditor(ctx)
        el.addWidget(self.editor, 1)
        self.pages.addWidget(editor_page)

    def reload(self) -> None:
        if self.pages.currentIndex() == 1:
            self.editor.refresh_if_changed()
        self.broker.reload()
        self.model.set_rows(svc.list_applications(self.ctx.store))
        self.model.set_sync_marks(sync_marks(self.ctx.store, "application"))
        current = self.new_network.currentData()
        self.new_network.clear()
        for choice in svc.networks_without_application(self.ctx.store):
            suffix = "" if choice.ready_to_submit else f" ({choice.stage_label})"
            self.new_network.addItem(choice.name + suffix, choice.network_id)
        if current is not None:
            i = self.new_network.findData(current)
            if i >= 0:
                self.new_network.setCurrentIndex(i)
        has_choices = self.new_network.count() > 0
        self.new_network.setEnabled(has_choices)
        self.new_button.setEnabled(has_choices)
        if not has_choices:
            self.new_network.addItem(self.tr("Alle netværk har en ansøgning"))

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        app_id = self.model.row_id(self.proxy.mapToSource(index))
        if app_id:
            self.open_application(app_id)

    def open_application(self, application_id: str) -> None:
        self.editor.load(application_id)
        self.pages.setCurrentIndex(1)
        # the keyboard goes along: to the first text of a draft, else to the editor's first button
        detail = self.editor.detail
        if detail is not None and detail.editable:
            self.editor.texts["market_perspective"].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            keyboard.focus_first(self.editor)

    def confirm_leave(self) -> bool:
        # The application editor saves as the broker goes; what is typed last is saved too.
        if self.editor.dirty:
            self.editor.save()
        return True

    def show_list(self) -> None:
        if self.editor.dirty:
            self.editor.save()
        self.pages.setCurrentIndex(0)
        self.refresh()
        keyboard.focus_first(self.pages.currentWidget())  # the keyboard comes back along

    def create_for_selected(self) -> None:
        network_id = self.new_network.currentData()
        if not network_id:
            return
        done = ops.run(
            self.ctx,
            lambda: svc.create_application.done(self.ctx.store, network_id),
            error=self.new_message,
            then=lambda _id: self.new_message.setVisible(False),
        )
        if done is None:
            return
        self.open_application(done.value)
