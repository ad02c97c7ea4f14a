"""A network's facilitation: the budget with its chart, the meeting log and the expenses."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Changes
from ...store.services import expenses as expense_svc
from ...store.services import meetings as meeting_svc
from ...store.services.overview import sync_marks
from ..context import AppContext
from ..files import ask_save_path
from ..table import FilterProxy, RowsTableModel, make_table_view
from .budget_panel import BudgetPanel
from .expense_editor import ExpenseEditor
from .exports import (
    Exporter,
    expense_file_name,
    export_expense_csv,
    export_expense_pdf,
    export_meeting_pdf,
    meeting_pdf_name,
    today,
)
from .meeting_editor import MeetingEditor
from .models import ExpensesModel, MeetingsModel
from .receipt_viewer import ReceiptViewer


def _table(
    name: str,
    accessible_name: str,
    model: RowsTableModel[Any],
    parent: QWidget,
    sort: tuple[int, Qt.SortOrder],
    *stretch: int,
) -> tuple[QTableView, FilterProxy]:
    proxy = FilterProxy(parent)
    proxy.setSourceModel(model)
    # The free texts share the spare width (elided, in full as tooltip), so the amount column stays in
    # view without scrolling and no free-text column is squeezed below its title.
    view = make_table_view(
        proxy,
        name,
        accessible_name,
        sort=sort,
        stretch=stretch,
        fit=QHeaderView.ResizeMode.ResizeToContents,
        alternating=True,
        precision=60,
    )
    return view, proxy


class NetworkActivityTab(QWidget):
    """``NetworkActivityTab(ctx, network_id)``: hosted on the network page and in Møder og udgifter."""

    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.setObjectName("networkActivityTab")
        self.exporter = Exporter(ctx, self)
        self.editor: MeetingEditor | ExpenseEditor | None = None
        self._stale = False

        self.budget = BudgetPanel()
        self.tabs = QTabWidget()

        meetings_page = QWidget()
        ml = QVBoxLayout(meetings_page)
        mbar = QHBoxLayout()
        self.new_meeting_button = QPushButton(self.tr("Nyt møde…"))
        self.new_meeting_button.setObjectName("newMeeting")
        self.new_meeting_button.clicked.connect(lambda: self.open_meeting(None))
        self.open_meeting_button = QPushButton(self.tr("Åbn"))
        self.open_meeting_button.clicked.connect(self._open_selected_meeting)
        self.meeting_pdf_button = QPushButton(self.tr("Referat som PDF"))
        self.meeting_pdf_button.setObjectName("meetingPdfFromList")
        self.meeting_pdf_button.clicked.connect(self.export_selected_meeting)
        for b in (self.new_meeting_button, self.open_meeting_button, self.meeting_pdf_button):
            mbar.addWidget(b)
        mbar.addStretch(1)
        ml.addLayout(mbar)
        self.meetings_model = MeetingsModel(self)
        self.meetings_view, self.meetings_proxy = _table(
            "meetingsTable",
            self.tr("Møder"),
            self.meetings_model,
            self,
            (MeetingsModel.COL_WHEN, Qt.SortOrder.DescendingOrder),
            MeetingsModel.COL_KIND,
            MeetingsModel.COL_PLACE,
        )
        self.meetings_view.doubleClicked.connect(self._meeting_activated)
        ml.addWidget(self.meetings_view)
        self.tabs.addTab(meetings_page, self.tr("Møder"))

        expenses_page = QWidget()
        el = QVBoxLayout(expenses_page)
        ebar = QHBoxLayout()
        self.new_expense_button = QPushButton(self.tr("Ny udgift…"))
        self.new_expense_button.setObjectName("newExpense")
        self.new_expense_button.clicked.connect(lambda: self.open_expense(None))
        self.open_expense_button = QPushButton(self.tr("Åbn"))
        self.open_expense_button.clicked.connect(self._open_selected_expense)
        self.receipt_button = QPushButton(self.tr("Vis kvittering"))
        self.receipt_button.setObjectName("showReceipt")
        self.receipt_button.clicked.connect(self.show_selected_receipt)
        self.pdf_button = QPushButton(self.tr("Udgiftsrapport (PDF)"))
        self.pdf_button.setObjectName("expensePdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = QPushButton(self.tr("Udgifter som CSV"))
        self.csv_button.setObjectName("expenseCsv")
        self.csv_button.clicked.connect(self.export_csv)
        for b in (self.new_expense_button, self.open_expense_button, self.receipt_button):
            ebar.addWidget(b)
        ebar.addStretch(1)
        ebar.addWidget(self.pdf_button)
        ebar.addWidget(self.csv_button)
        el.addLayout(ebar)
        self.expenses_model = ExpensesModel(self)
        self.expenses_view, self.expenses_proxy = _table(
            "expensesTable",
            self.tr("Udgifter"),
            self.expenses_model,
            self,
            (ExpensesModel.COL_DATE, Qt.SortOrder.DescendingOrder),
            ExpensesModel.COL_DESCRIPTION,
        )
        self.expenses_view.doubleClicked.connect(self._expense_activated)
        el.addWidget(self.expenses_view)
        self.tabs.addTab(expenses_page, self.tr("Udgifter"))

        self.info = QLabel()
        self.info.setObjectName("cardNote")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.budget, 0)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.info)
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("meeting", "expense", "network", "membership", "contact"):
            # A hidden tab (another view, another network's page) catches up when it is shown.
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._stale = False
        try:
            b = expense_svc.budget(self.ctx.store, self.network_id)
        except expense_svc.ExpenseError:
            self.info.setText(self.tr("Netværket findes ikke længere."))
            return
        self.budget.show_budget(b, expense_svc.burn_down(self.ctx.store, self.network_id, today()), today())
        meetings = meeting_svc.list_meetings(self.ctx.store, self.network_id)
        expenses = expense_svc.list_expenses(self.ctx.store, self.network_id)
        self.meetings_model.set_rows(meetings)
        self.expenses_model.set_rows(expenses)
        # this network's records only: all of a profile's marks took a second at 10× (never synced)
        self.meetings_model.set_sync_marks(sync_marks(self.ctx.store, "meeting", [m.id for m in meetings]))
        self.expenses_model.set_sync_marks(sync_marks(self.ctx.store, "expense", [e.id for e in expenses]))
        self.tabs.setTabText(0, self.tr("Møder (%1)").replace("%1", str(self.meetings_model.rowCount())))
        self.tabs.setTabText(1, self.tr("Udgifter (%1)").replace("%1", str(self.expenses_model.rowCount())))

    # ------------------------------------------------------------------------------------------
    def _selected(self, view: QTableView, proxy: FilterProxy, model: RowsTableModel[Any]) -> str | None:
        index = view.currentIndex()
        if not index.isValid():
            return None
        return model.row_id(proxy.mapToSource(index))

    def selected_meeting(self) -> str | None:
        return self._selected(self.meetings_view, self.meetings_proxy, self.meetings_model)

    def selected_expense(self) -> str | None:
        return self._selected(self.expenses_view, self.expenses_proxy, self.expenses_model)

    def _meeting_activated(self, index: QModelIndex) -> None:
        self.open_meeting(self.meetings_model.row_id(self.meetings_proxy.mapToSource(index)))

    def _expense_activated(self, index: QModelIndex) -> None:
        self.open_expense(self.expenses_model.row_id(self.expenses_proxy.mapToSource(index)))

    def _open_selected_meeting(self) -> None:
        mid = self.selected_meeting()
        if mid:
            self.open_meeting(mid)

    def _open_selected_expense(self) -> None:
        eid = self.selected_expense()
        if eid:
            self.open_expense(eid)

    def open_meeting(self, meeting_id: str | None) -> MeetingEditor:
        editor = MeetingEditor(self.ctx, self.network_id, meeting_id, self)
        self.editor = editor
        editor.open()
        return editor

    def open_expense(self, expense_id: str | None) -> ExpenseEditor:
        editor = ExpenseEditor(self.ctx, self.network_id, expense_id, self)
        self.editor = editor
        editor.open()
        return editor

    def show_selected_receipt(self) -> ReceiptViewer | None:
        eid = self.selected_expense()
        if not eid:
            return None
        row = expense_svc.get_expense(self.ctx.store, eid)
        if not row.receipt_sha256:
            self.ctx.bus.status_reported.emit(self.tr("Udgiften har ingen kvittering."))
            return None
        viewer = ReceiptViewer(self.ctx.store, row.receipt_sha256, row.receipt_name, self, ctx=self.ctx)
        viewer.open()
        return viewer

    def export_selected_meeting(self) -> None:
        mid = self.selected_meeting()
        if mid:
            name = meeting_pdf_name(self.ctx.store, mid)
            path = ask_save_path(self, self.ctx, name, title=self.tr("Gem referat"))
            if path is not None:
                self.exporter.run(export_meeting_pdf, mid, path)

    def export_pdf(self) -> None:
        name = expense_file_name(self.ctx.store, self.network_id)
        path = ask_save_path(self, self.ctx, name, title=self.tr("Gem udgiftsrapport"))
        if path is not None:
            self.exporter.run(export_expense_pdf, self.network_id, path)

    def export_csv(self) -> None:
        name = expense_file_name(self.ctx.store, self.network_id, csv=True)
        path = ask_save_path(self, self.ctx, name, title=self.tr("Gem udgifter som CSV"), csv=True)
        if path is not None:
            self.exporter.run(export_expense_csv, self.network_id, path)
