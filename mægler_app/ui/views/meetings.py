"""Møder og udgifter: the broker's facilitation over all networks, and one network at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.numbers import format_kr, format_percent_bp
from ...domain.rules import BUDGET_WARNING_FRACTION_PERMILLE
from ...store.services import expenses as expense_svc
from ..cards import NoteCard
from ..context import AppContext
from ..meetings.models import BudgetsModel
from ..table import FilterProxy, make_table_view
from .base import View

if TYPE_CHECKING:
    from ..meetings.network_tab import NetworkActivityTab


def _card(title: str, name: str) -> NoteCard:
    """A total over all networks, with a note below the figure."""
    return NoteCard(title, name, size_px=20, margins=(12, 8))


class MeetingsView(View):
    key = "moeder"
    title = "Møder og udgifter"
    shortcut = "Ctrl+4"
    watches = ("meeting", "expense", "network", "membership")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Møder og udgifter"),
                self.tr(
                    "Faciliteringsmøder og udgifter mod netværkenes ramme. Vælg et netværk for dets møder."
                ),
            )
        )
        cards = QGridLayout()
        cards.setSpacing(10)
        self.card_spent = _card(self.tr("Brugt i alt"), "totalSpent")
        self.card_committed = _card(self.tr("Planlagt"), "totalCommitted")
        self.card_attention = _card(self.tr("Kræver opmærksomhed"), "totalAttention")
        for i, card in enumerate((self.card_spent, self.card_committed, self.card_attention)):
            cards.addWidget(card, 0, i)
        lay.addLayout(cards)

        self.model = BudgetsModel(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(
            self.proxy,
            "budgetsTable",
            self.tr("Netværkenes rammer"),
            sort=(BudgetsModel.COL_NETWORK, Qt.SortOrder.AscendingOrder),
            stretch_last=True,
            alternating=True,
            word_wrap=True,
        )
        self.proxy.modelReset.connect(self.table.resizeColumnsToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = QStackedWidget()
        self.empty = QLabel(self.tr("Vælg et netværk i listen for at se og registrere møder og udgifter."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("viewSubtitle")
        self.detail.addWidget(self.empty)
        self.tab: NetworkActivityTab | None = None

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([140, 560])
        lay.addWidget(split, 1)

    def reload(self) -> None:
        current = self.tab.network_id if self.tab is not None else None
        totals = expense_svc.broker_totals(self.ctx.store)
        self.card_spent.value.setText(format_kr(totals.spent_ore))
        opened = sum(1 for b in totals.networks if b.opened_on is not None)
        self.card_spent.note.setText(
            self.tr("i %1 netværk med åben ramme (%2 i alt)")
            .replace("%1", str(opened))
            .replace("%2", format_kr(totals.frames_ore))
        )
        self.card_committed.value.setText(format_kr(totals.committed_ore))
        self.card_committed.note.setText(self.tr("anslået til planlagte møder"))
        warned = [b for b in totals.networks if b.warn]
        self.card_attention.value.setText(str(len(warned)))
        notes = [
            self.tr("netværk har brugt eller planlagt %1 eller mere").replace(
                "%1", format_percent_bp(BUDGET_WARNING_FRACTION_PERMILLE * 10)
            )
        ]
        if totals.flagged:
            notes.append(str(Msg.UI_EXPENSES_OVER_FRAME(n=totals.flagged)))
        self.card_attention.note.setText(" · ".join(notes))
        self.model.set_rows(totals.networks)
        if current is not None:
            self.select_network(current)
        elif self.model.rowCount():
            self.select_network(self.model.row_id(self.model.index(0, 0)) or "")

    def select_network(self, network_id: str) -> NetworkActivityTab | None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row_id(self.proxy.mapToSource(index)) == network_id:
                self.table.selectRow(row)
                return self.tab
        return None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        network_id = self.model.row_id(self.proxy.mapToSource(rows[0]))
        if not network_id or (self.tab is not None and self.tab.network_id == network_id):
            return
        # Imported on first use: the chart module (QtCharts) stays off the start-up path.
        from ..meetings.network_tab import NetworkActivityTab

        old = self.tab
        self.tab = NetworkActivityTab(self.ctx, network_id)
        self.detail.addWidget(self.tab)
        self.detail.setCurrentWidget(self.tab)
        if old is not None:
            self.detail.removeWidget(old)
            old.deleteLater()

    def current_tab(self) -> QWidget | None:
        return self.detail.currentWidget()
