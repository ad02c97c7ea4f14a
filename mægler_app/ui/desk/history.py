"""A network's history on the caseworker's desk: who changed which fields, and when (issue 22).

The history lives on Væksthus' server (``GET /history/network/{id}?children=true``), so the tab
fetches it in a worker when it is first shown and on "Opdatér"; offline it says so and keeps what
it showed. The words come from ``domain.record_history``, as ``maegler-server history`` says them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.record_history import describe, when, who
from ...store.db import Store
from ...sync.api import Api, SyncError
from ...sync.resolve import labels_of
from ...sync.service import api_for
from ..context import AppContext
from ..sync.controller import controller_for
from ..table import Column, RowsTableModel, make_table_view
from ..worker import Worker, start


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _fetch(store: Store, api: Api, network_id: str) -> list[dict[str, Any]]:
    """The server's history, each change with what its record is called on this laptop."""
    try:
        changes = api.history("network", network_id, children=True)
    finally:
        api.close()
    labels = labels_of(store, [(str(c["entity"]), str(c["id"])) for c in changes])
    return [{**c, "label": labels.get((str(c["entity"]), str(c["id"])), "")} for c in changes]


class HistoryModel(RowsTableModel[dict[str, Any]]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_tr("Tidspunkt"), lambda c: when(c["at"]), sort_key=lambda c: c["at"]),
                Column(_tr("Hvem"), lambda c: who(c.get("user") or {})),
                Column(
                    _tr("Post"), lambda c: str(c.get("label", "")), tooltip=lambda c: str(c.get("label", ""))
                ),
                Column(
                    _tr("Ændring"),
                    lambda c: describe(c["entity"], c["kind"], c["fields"], c["shown"]),
                    tooltip=lambda c: describe(c["entity"], c["kind"], c["fields"], c["shown"]),
                ),
            ],
            lambda c: f"{c['entity']}:{c['id']}:{c['version']}",
            parent,
        )


class HistoryPanel(QWidget):
    """The "Historik" tab of a network's page on a caseworker's profile."""

    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.worker: Worker | None = None
        self.loaded = False
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QLabel(_tr("Historikken hentes fra Væksthus' server, når fanen vises."))
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.refresh_button = QPushButton(_tr("Opdatér"))
        self.refresh_button.setObjectName("historyRefresh")
        top.addWidget(self.refresh_button)
        lay.addLayout(top)
        self.model = HistoryModel(self)
        self.table = make_table_view(
            self.model,
            "historyTable",
            _tr("Historik"),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        lay.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.load)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.load()

    def load(self) -> None:
        if self.worker is not None:
            return
        controller = controller_for(self.ctx)
        try:
            api = api_for(self.ctx.store, controller.token(), retries=1, backoff=0.2)
        except SyncError as exc:
            self.status.setText(_tr("Historikken ligger på Væksthus' server: %1").replace("%1", str(exc)))
            return
        self.loaded = True
        self.status.setText(_tr("Henter historikken …"))
        self.refresh_button.setEnabled(False)
        worker = Worker(_fetch, self.ctx.store, api, self.network_id)
        worker.signals.finished.connect(self._on_loaded)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        start(worker, self.ctx.pool)

    def _on_loaded(self, changes: list[dict[str, Any]]) -> None:
        self.worker = None
        self.refresh_button.setEnabled(True)
        self.model.set_rows(changes)
        self.status.setText(
            str(Msg.UI_HISTORY_COUNT(n=len(changes)) if changes else Msg.SERVER_HISTORY_EMPTY())
        )

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.loaded = False
        self.refresh_button.setEnabled(True)
        self.status.setText(_tr("Historikken kunne ikke hentes: %1").replace("%1", message))
