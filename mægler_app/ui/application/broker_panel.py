"""The broker's own page: bonuses expected and earned, networks per stage against the target."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.messages import Msg
from ...domain.numbers import format_kr
from ...domain.stages import STAGE_LABELS, STAGE_ORDER
from ...store.services.broker import BrokerPage, broker_page
from .. import style
from ..cards import NoteCard
from ..context import AppContext


class _Card(NoteCard):
    def __init__(self, title: str, key: str) -> None:
        super().__init__(title, "cardValue", stretch=True)
        self.value.setAccessibleName(key)


class BrokerPanel(QWidget):
    """Three cards and a line of stage counts; ``reload()`` reads them from the store."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page: BrokerPage | None = None
        self.setStyleSheet(style.STAGE_COUNT_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.earned = _Card(self.tr("Bonus optjent"), "bonusEarned")
        self.expected = _Card(self.tr("Bonus forventet"), "bonusExpected")
        self.target = _Card(self.tr("Etablerede netværk"), "networksTarget")
        for c in (self.earned, self.expected, self.target):
            cards.addWidget(c, 1)
        lay.addLayout(cards)
        stages = QFrame()
        stages.setObjectName("card")
        grid = QGridLayout(stages)
        title = QLabel(self.tr("Dine netværk pr. fase"))
        title.setObjectName("cardTitle")
        grid.addWidget(title, 0, 0, 1, len(STAGE_ORDER))
        self.stage_values: dict[str, QLabel] = {}
        for i, stage in enumerate(STAGE_ORDER):
            name = QLabel(STAGE_LABELS[stage])
            name.setObjectName("cardNote")
            name.setWordWrap(True)
            value = QLabel("0")
            value.setObjectName("stageCount")
            self.stage_values[stage.value] = value
            grid.addWidget(value, 1, i)
            grid.addWidget(name, 2, i)
        lay.addWidget(stages)

    def reload(self) -> None:
        p = broker_page(self.ctx.store)
        self.page = p
        self.earned.value.setText(format_kr(p.bonus_earned_ore))
        self.earned.note.setText(
            str(Msg.UI_APPROVED_APPLICATIONS(n=p.approved))
            if p.approved != 1
            else self.tr("1 bevilget ansøgning")
        )
        self.expected.value.setText(format_kr(p.bonus_expected_ore))
        self.expected.note.setText(
            self.tr("%1 indsendt, venter på afgørelse · %2 i kladde")
            .replace("%1", str(p.awaiting_decision))
            .replace("%2", str(p.drafts))
        )
        self.target.value.setText(f"{p.established} / {p.target_low}–{p.target_high}")
        if p.target_gap:
            note = self.tr("Mål: %1–%2 pr. mægler; der mangler %3.").replace("%3", str(p.target_gap))
        elif p.established > p.target_high:
            note = self.tr("Over målet på %1–%2 pr. mægler.")
        else:
            note = self.tr("Inden for målet på %1–%2 pr. mægler.")
        self.target.note.setText(note.replace("%1", str(p.target_low)).replace("%2", str(p.target_high)))
        self.target.note.setToolTip(p.target_status)
        for key, label in self.stage_values.items():
            label.setText(str(p.networks_by_stage.get(key, 0)))
