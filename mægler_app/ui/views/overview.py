"""Overblik: the broker's pipeline, budget and sync state at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.messages import Msg
from ...domain.numbers import format_datetime, format_int, format_kr
from ...domain.rules import FACILITATION_FRAME_ORE, TARGET_NETWORKS_PER_BROKER
from ...domain.stages import STAGE_LABELS, STAGE_ORDER, Stage
from ...domain.timeutil import parse_stored_time
from ...store.quick import figures
from ..cards import NoteCard
from .base import View


def _card(title: str) -> NoteCard:
    return NoteCard(title, "cardValue", stretch=True)


class OverviewView(View):
    key = "overblik"
    title = "Overblik"
    shortcut = "Ctrl+1"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Overblik"),
                self.tr("Dine netværk, din facilitering og hvad der venter på at blive sendt til Væksthus."),
            )
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        self.card_networks = _card(self.tr("Aktive netværk"))
        # Networks that reached trin 1, closed ones included: the figure /stats counts (domain.figures).
        self.card_established = _card(self.tr("Etablerede netværk"))
        self.card_companies = _card(self.tr("Virksomheder"))
        self.card_budget = _card(self.tr("Faciliteringsudgifter"))
        self.card_sync = _card(self.tr("Ikke sendt til Væksthus"))
        cards = (
            self.card_networks,
            self.card_established,
            self.card_companies,
            self.card_budget,
            self.card_sync,
        )
        for i, card in enumerate(cards):
            grid.addWidget(card, 0, i)
        lay.addLayout(grid)
        stages = QFrame()
        stages.setObjectName("card")
        sl = QGridLayout(stages)
        header = QLabel(self.tr("Netværk pr. fase"))
        header.setObjectName("cardTitle")
        sl.addWidget(header, 0, 0, 1, 2)
        self.stage_labels: dict[Stage, QLabel] = {}
        for row, stage in enumerate(STAGE_ORDER, start=1):
            sl.addWidget(QLabel(STAGE_LABELS[stage]), row, 0)
            value = QLabel("0")
            value.setObjectName(f"stage_{stage.value}")
            self.stage_labels[stage] = value
            sl.addWidget(value, row, 1)
        lay.addWidget(stages)
        lay.addStretch(1)
        self._root: QWidget = self

    def reload(self) -> None:
        # Read with the standard library: this view paints before the store has loaded.
        o = figures(self.ctx.profile)
        frames_ore = o.frames_opened * FACILITATION_FRAME_ORE
        active = sum(n for st, n in o.networks_by_stage.items() if st != Stage.CLOSED)
        self.card_networks.value.setText(format_int(active))
        self.card_networks.note.setText(
            self.tr("af %1 i alt").replace("%1", format_int(sum(o.networks_by_stage.values())))
        )
        target = TARGET_NETWORKS_PER_BROKER
        self.card_established.value.setText(format_int(o.established))
        self.card_established.note.setText(
            self.tr("Mål: %1–%2 netværk pr. mægler · %3 i år")
            .replace("%1", str(target.low))
            .replace("%2", str(target.high))
            .replace("%3", format_int(o.established_this_year))
        )
        self.card_companies.value.setText(format_int(o.companies))
        self.card_companies.note.setText("")
        self.card_budget.value.setText(format_kr(o.expenses_ore))
        self.card_budget.note.setText(
            self.tr("af %1 i åbne rammer").replace("%1", format_kr(frames_ore))
            if frames_ore
            else self.tr("Ingen åbne rammer endnu")
        )
        self.card_sync.value.setText(format_int(o.pending))
        notes = []
        if o.conflicts:
            notes.append(str(Msg.UI_CONFLICTS(n=o.conflicts)))
        if o.rejected:
            notes.append(str(Msg.UI_REJECTED(n=o.rejected)))
        last = parse_stored_time(o.last_sync)
        notes.append(
            self.tr("Sidst synkroniseret %1").replace("%1", format_datetime(last))
            if last is not None
            else self.tr("Aldrig synkroniseret")
        )
        self.card_sync.note.setText(" · ".join(notes))
        for stage, label in self.stage_labels.items():
            label.setText(str(o.networks_by_stage.get(stage.value, 0)))
