"""Mæglere (caseworkers, issue 18 part 4): per broker, the networks by stage, the networks
established against the 12–19 each broker should reach, bonuses earned and expected, and open
applications. A double click shows that broker's networks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout

from ...domain.numbers import format_date, format_int, format_kr
from ...domain.rules import TARGET_NETWORKS_PER_BROKER
from ...domain.stages import STAGE_ORDER, Stage
from ...store.services import desk as svc
from .. import style
from ..context import AppContext
from ..table import Column, RowsTableModel
from ..views.base import View

_SHORT = {
    Stage.CANDIDATE: "Kandidat",
    Stage.SCREENED: "Screenet",
    Stage.STAGE_1: "Trin 1",
    Stage.APPLICATION: "Ansøgning",
    Stage.STAGE_2: "Trin 2",
    Stage.STAGE_3: "Trin 3",
    Stage.CLOSED: "Afsluttet",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("BrokersView", text)


def _last_change(r: svc.BrokerRow) -> str:
    when = format_date(r.last_change) if r.last_change else "–"
    return _tr("%1 · seneste ændring %2").replace("%1", r.name).replace("%2", when)


def _stage_count(stage: Stage) -> Callable[[svc.BrokerRow], int]:
    return lambda r: r.by_stage.get(stage, 0)


def _stage_text(stage: Stage) -> Callable[[svc.BrokerRow], str]:
    return lambda r: format_int(r.by_stage.get(stage, 0))


class BrokersModel(RowsTableModel):  # type: ignore[type-arg]
    def __init__(self, parent: Any = None) -> None:
        target = TARGET_NETWORKS_PER_BROKER
        cols: list[Column[svc.BrokerRow]] = [Column(_tr("Mægler"), lambda r: r.name, tooltip=_last_change)]
        for stage in STAGE_ORDER:
            cols.append(Column(_tr(_SHORT[stage]), _stage_text(stage), _stage_count(stage), True))
        cols += [
            Column(
                _tr("Etableret\n(mål %1–%2)").replace("%1", str(target.low)).replace("%2", str(target.high)),
                lambda r: format_int(r.established),
                lambda r: r.established,
                True,
                tooltip=lambda r: _tr("Netværk der har nået trin 1, talt som Væksthus' statistik."),
            ),
            Column(
                _tr("Bonus\noptjent, kr."),
                lambda r: format_kr(r.bonus_earned_ore, suffix=False),
                lambda r: r.bonus_earned_ore,
                True,
            ),
            Column(
                _tr("Bonus\nforventet, kr."),
                lambda r: format_kr(r.bonus_expected_ore, suffix=False),
                lambda r: r.bonus_expected_ore,
                True,
            ),
            Column(
                _tr("Åbne\nansøgninger"),
                lambda r: format_int(r.open_applications),
                lambda r: r.open_applications,
                True,
            ),
        ]
        super().__init__(cols, lambda r: r.owner_id, parent)
        self.established_column = 1 + len(STAGE_ORDER)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.established_column:
            row = self.row_at(index.row())
            if not TARGET_NETWORKS_PER_BROKER.contains(row.established):
                return QBrush(QColor(style.WARNING_TEXT))
        return super().data(index, role)


class BrokersView(View):
    key = "maeglere"
    title = "Mæglere"
    shortcut = "Ctrl+8"
    watches = ("network", "application")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(
            self.heading(
                self.tr("Mæglere"),
                self.tr(
                    "Hver netværksmæglers netværk pr. fase, de etablerede netværk mod målet, bonus og åbne "
                    "ansøgninger. Dobbeltklik for at se mæglerens netværk."
                ),
            )
        )
        self.model = BrokersModel(self)
        self.table = QTableView()
        self.table.setObjectName("brokersTable")
        self.table.setAccessibleName(self.tr("Mæglere"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Ingen mæglere endnu: synkronisér for at hente mæglernes netværk."))
        self.empty.setObjectName("viewSubtitle")
        lay.addWidget(self.empty)

    def reload(self) -> None:
        rows = svc.broker_rows(self.ctx.store)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def _open(self, index: QModelIndex) -> None:
        owner = self.model.row_id(index)
        window = self.window()
        show_view = getattr(window, "show_view", None)
        if owner and callable(show_view):
            networks = show_view("netvaerk")
            networks.ensure_loaded()
            brokers = getattr(networks, "brokers", None)
            if brokers is not None:
                brokers.refresh()
                brokers.choose(owner)
