"""Mæglere (caseworkers): per broker, by display name, the networks at each stage, the networks
established against 12-19, the bonuses earned and expected, and the applications awaiting a
decision. A double click lists that broker's networks.

The server does not say when a broker last synced (neither ``/stats`` nor any other endpoint), so
the page does not show it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.numbers import format_datetime, format_int, format_kr
from ...domain.rules import TARGET_NETWORKS_PER_BROKER
from ...domain.stages import STAGE_ORDER, Stage, stage_label
from ...store.services.programme import BrokerNetwork, BrokerRow, ProgrammeData, broker_networks
from ..context import AppContext
from ..table import (
    SORT_ARROW,
    Column,
    FilterProxy,
    RowsTableModel,
    TextsOnceModel,
    make_table_view,
    text_widths,
)
from ..views.base import View
from .loader import loader_for, show_or_load


def broker_columns(t: Callable[[str], str]) -> list[Column[BrokerRow]]:
    target = TARGET_NETWORKS_PER_BROKER
    # Long titles on two lines ("\n"), and no column for the networks in all (the stages' sum, told
    # in the broker's own list): the table fits a 1200 px window without scrolling sideways.
    columns: list[Column[BrokerRow]] = [
        Column(t("Netværksmægler"), lambda r: r.name, lambda r: r.name.casefold(), tooltip=lambda r: r.name),
    ]
    columns += [_stage_column(stage) for stage in STAGE_ORDER]
    columns += [
        Column(
            t("Etablerede\n%1–%2").replace("%1", str(target.low)).replace("%2", str(target.high)),
            lambda r: format_int(r.ledger.established),
            lambda r: r.ledger.established,
            True,
        ),
        Column(
            t("Bonus kr.\noptjent"),
            lambda r: format_kr(r.ledger.bonus_earned_ore, suffix=False),
            lambda r: r.ledger.bonus_earned_ore,
            True,
        ),
        Column(
            t("Bonus kr.\nforventet"),
            lambda r: format_kr(r.ledger.bonus_expected_ore, suffix=False),
            lambda r: r.ledger.bonus_expected_ore,
            True,
        ),
        Column(
            t("Venter\nafgørelse"),
            lambda r: format_int(r.ledger.open_applications),
            lambda r: r.ledger.open_applications,
            True,
        ),
    ]
    return columns


def _stage_column(stage: Stage) -> Column[BrokerRow]:
    def count(r: BrokerRow) -> int:
        return r.ledger.networks_by_stage.get(stage.value, 0)

    return Column(
        # "Trin 1", "Ansøgning": the full label as the tooltip
        stage_label(stage).split(":")[0].removesuffix(" indsendt"),
        lambda r: format_int(count(r)),
        count,
        True,
        lambda _r: stage_label(stage),
    )


# The narrowest the brokers' names get when the window is narrow.
MIN_NAME_WIDTH = 110


class _TextsOnce(TextsOnceModel[BrokerRow]):
    """Each cell's value per role made once per load (``TextsOnceModel``); the titles whole on one
    line as their tooltips."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            title = super().headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            return " ".join(str(title or "").split())  # the whole title on one line
        return super().headerData(section, orientation, role)


class BrokersView(View):
    key = "maeglere"
    title = "Mæglere"
    shortcut = "Ctrl+9"
    shown = Signal()
    networks_opened = Signal(str)  # the broker's owner id

    def __init__(self, ctx: AppContext) -> None:
        # the loader hears of a change before the view does (View connects to the bus in its
        # __init__), so a view refreshed by a change never shows the count from before it
        loader = loader_for(ctx)
        super().__init__(ctx)
        self.data: ProgrammeData | None = None
        # each column's width for its title, and for its values
        self._needs: list[tuple[int, int]] = []
        self.loader = loader
        self.loader.loaded.connect(self._on_loaded)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(
            self.heading(
                self.tr("Mæglere"),
                self.tr(
                    "Hver netværksmæglers netværk pr. fase, etablerede netværk mod målet, bonus og ansøgninger "
                    "der venter på afgørelse. Dobbeltklik for mæglerens netværk."
                ),
            )
        )
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("brokersSearch")
        self.search.setPlaceholderText(self.tr("Søg efter mægler…"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.state = QLabel(self.tr("Tæller…"))
        self.state.setObjectName("brokersState")
        bar.addWidget(self.state)
        lay.addLayout(bar)
        self.loader.failed.connect(self.state.setText)
        self.model: RowsTableModel[BrokerRow] = _TextsOnce(
            broker_columns(self.tr), lambda r: r.owner_id, self
        )
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        # a name too long is elided, the whole name its tooltip
        self.table = make_table_view(
            self.proxy,
            "brokersTable",
            self.tr("Mæglere"),
            sort=(0, Qt.SortOrder.AscendingOrder),
            stretch_last=True,
        )
        self.table.setProperty("fitsWidth", True)  # never scrolls sideways (tests/layout_check.py)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_a: self._fit_columns())
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(self.open_broker)
        lay.addWidget(self.table, 1)
        self.dialog: BrokerNetworksDialog | None = None

    def reload(self) -> None:
        show_or_load(self.loader, self._on_loaded)

    def _on_loaded(self, data: object) -> None:
        assert isinstance(data, ProgrammeData)
        self.data = data
        self.model.set_rows(data.brokers)
        # widths from the texts (resizeColumnToContents asks every cell for every role: slow)
        self._needs = text_widths(self.table)
        self._fit_columns()
        self.state.setText(
            str(Msg.UI_BROKERS_COUNTED(n=len(data.brokers), when=format_datetime(data.computed_at)))
        )
        self.shown.emit()

    def _fit_columns(self) -> None:
        """Each column as wide as its title and values; when that is wider than the table, the
        brokers' names give way (elided, the whole name as the tooltip), so the table never
        scrolls sideways."""
        if not self._needs:
            return
        header = self.table.horizontalHeader()
        sorted_by = header.sortIndicatorSection()
        needs = [
            max(title + (SORT_ARROW if column == sorted_by else 0), cells)
            for column, (title, cells) in enumerate(self._needs)
        ]
        room = self.table.viewport().width() - 6  # a little slack: no scroll bar for a pixel
        name = max(MIN_NAME_WIDTH, min(needs[0], room - sum(needs[1:])))
        for column, need in enumerate([name, *needs[1:]]):
            header.resizeSection(column, need)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the table's inside changes width with the window, and when its vertical scroll bar comes
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def row_of(self, owner_id: str) -> int:
        """The table row (as sorted now) of a broker; -1 if not listed."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), RowsTableModel.ID_ROLE) == owner_id:
                return row
        return -1

    def open_broker(self, index: QModelIndex | QPersistentModelIndex) -> None:
        owner_id = self.proxy.data(index, RowsTableModel.ID_ROLE)
        if not isinstance(owner_id, str):
            return
        row = next((r for r in self.model.rows() if r.owner_id == owner_id), None)
        name = row.name if row is not None else owner_id
        self.dialog = BrokerNetworksDialog(name, broker_networks(self.ctx.store, owner_id), self)
        self.dialog.show()
        self.networks_opened.emit(owner_id)


class BrokerNetworksDialog(QDialog):
    """One broker's networks: name, stage and when it got there."""

    def __init__(self, broker: str, networks: list[BrokerNetwork], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brokerNetworks")
        self.setWindowTitle(self.tr("Netværk: %1").replace("%1", broker))
        self.resize(640, 420)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                self.tr("%1 har %2 netværk.").replace("%1", broker).replace("%2", format_int(len(networks)))
            )
        )
        self.model: RowsTableModel[BrokerNetwork] = RowsTableModel(
            [
                Column(self.tr("Netværk"), lambda n: n.name, lambda n: n.name.casefold()),
                Column(self.tr("Fase"), lambda n: stage_label(n.stage), lambda n: n.stage),
                Column(
                    self.tr("Fase ændret"),
                    lambda n: format_datetime(n.stage_changed_at) if n.stage_changed_at else "",
                    lambda n: n.stage_changed_at.isoformat() if n.stage_changed_at else "",
                ),
            ],
            lambda n: n.id,
            self,
        )
        self.model.set_rows(networks)
        # a broker's networks are few: sized to their contents, the name takes the rest
        self.table = make_table_view(
            self.model,
            "brokerNetworksTable",
            stretch=(0,),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            word_wrap=True,
        )
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
