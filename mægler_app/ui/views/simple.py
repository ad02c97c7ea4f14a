"""Simple list views (Virksomheder, Netværk, Møder og udgifter, Ansøgninger, Synkronisering).

Each is a real table over the store; the feature issues grow them into full editors.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout

from ...domain.timeutil import format_datetime_da
from ...store.services import overview as svc
from ..table import Column, FilterProxy, RowsTableModel
from .base import View


class TableView(View):
    """A heading, a filter field and a sortable table."""

    subtitle = ""

    def __init__(self, ctx, columns, id_of) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading(self.tr(self.title), self.tr(self.subtitle)))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Søg…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setObjectName(f"filter_{self.key}")
        lay.addWidget(self.filter)
        self.model: RowsTableModel = RowsTableModel(columns, id_of, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName(f"table_{self.key}")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Size columns from the first rows only: measuring 10.000 rows would stall the GUI.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.setWordWrap(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.model.modelReset.connect(self.table.resizeColumnsToContents)
        lay.addWidget(self.table)


_APP_STATUS = {"draft": "Kladde", "submitted": "Indsendt", "approved": "Bevilget", "rejected": "Afslået"}


class ApplicationsView(TableView):
    key = "ansoegninger"
    title = "Ansøgninger"
    subtitle = "Ansøgninger om handlingsplan til Væksthus."
    shortcut = "Ctrl+5"
    watches = ("application",)

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        cols = [
            Column("Netværk", lambda r: r.network),
            Column("Version", lambda r: str(r.revision), lambda r: r.revision, True),
            Column("Status", lambda r: _APP_STATUS.get(r.status, r.status)),
            Column("Timer", lambda r: "" if r.hours is None else str(r.hours), lambda r: r.hours or 0, True),
            Column(
                "Indsendt",
                lambda r: format_datetime_da(r.submitted_at),
                lambda r: r.submitted_at.isoformat() if r.submitted_at else "",
            ),
        ]
        super().__init__(ctx, cols, lambda r: r.id)

    def reload(self) -> None:
        self.model.set_rows(svc.list_applications(self.ctx.store))


class SyncView(View):
    key = "synkronisering"
    title = "Synkronisering"
    shortcut = "Ctrl+6"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        from PySide6.QtWidgets import QLabel

        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Synkronisering"),
                self.tr("Ændringer gemmes lokalt og sendes til Væksthus, når der er forbindelse."),
            )
        )
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        lay.addStretch(1)

    def reload(self) -> None:
        pending, conflicts, rejected = svc.pending_counts(self.ctx.store)
        last = svc.get_state(self.ctx.store, "last_sync")
        lines = [
            self.tr("Ændringer der venter på at blive sendt: %1").replace("%1", str(pending)),
            self.tr("Konflikter: %1").replace("%1", str(conflicts)),
            self.tr("Afviste ændringer: %1").replace("%1", str(rejected)),
            self.tr("Sidst synkroniseret: %1").replace("%1", str(last) if last else self.tr("aldrig")),
        ]
        self.state.setText("\n".join(lines))
