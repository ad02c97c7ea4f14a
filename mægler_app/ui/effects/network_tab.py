"""A network page's »Effekter« tab: each member company's growth a year since its baseline year
and whether it meets the target, with the companies still without figures counted as such."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from ...domain.effects import METRIC_NAMES, METRICS, change_text, growth_text, median_bp
from ...domain.messages import Msg
from ...domain.numbers import format_int
from ...domain.rules import TARGET_GROWTH_PERCENT_PER_YEAR
from ...store.services.effects import MemberEffects, network_effects
from ...store.services.programme import server_moves
from ..context import AppContext
from ..table import Column, RowsTableModel, make_table_view


def _met(m: MemberEffects) -> str:
    met = m.effects.met
    return "–" if met is None else ("ja" if met else "nej")


def _cagr_of(metric: str) -> Callable[[MemberEffects], str]:
    return lambda m: growth_text(m.effects.metrics[metric].cagr_bp)


class NetworkEffectsTab(QWidget):
    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Årlig vækst siden hver virksomheds basisår (året før den kom med i sit første netværk). "
                "Målet er mindst %1 % om året i omsætning, værditilvækst og eksport. Nøgletallene "
                "skrives på virksomhedens side eller importeres fra en CSV-fil."
            ).replace("%1", str(TARGET_GROWTH_PERCENT_PER_YEAR))
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        columns: list[Column[MemberEffects]] = [
            Column(self.tr("Virksomhed"), lambda m: m.name),
            Column(
                self.tr("Basisår"),
                lambda m: "" if m.effects.baseline_year is None else str(m.effects.baseline_year),
                align_right=True,
            ),
        ]
        for metric in METRICS:
            columns.append(
                Column(
                    self.tr("%1 pr. år").replace("%1", str(METRIC_NAMES[metric])),
                    _cagr_of(metric),
                    align_right=True,
                )
            )
        columns.append(
            Column(self.tr("Ansatte"), lambda m: change_text(m.effects.employees_change), align_right=True)
        )
        columns.append(Column(self.tr("Mål nået"), _met, tooltip=lambda m: str(m.effects.summary())))
        self.model: RowsTableModel[MemberEffects] = RowsTableModel(columns, lambda m: m.company_id, self)
        self.table = make_table_view(
            self.model,
            "networkEffects",
            self.tr("Virksomhedernes vækst"),
            stretch=(0,),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            word_wrap=True,
        )
        lay.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("networkEffectsSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.reload()

    def reload(self) -> None:
        members = network_effects(self.ctx.store, self.network_id, server_moves(self.ctx.store))
        self.model.set_rows(members)
        judged = [m for m in members if m.effects.met is not None]
        met = sum(1 for m in judged if m.effects.met)
        turnover = [v for m in members if (v := m.effects.metrics["turnover_ore"].cagr_bp) is not None]
        parts = [
            self.tr("%1 af %2 virksomheder med tal når målet.")
            .replace("%1", format_int(met))
            .replace("%2", format_int(len(judged))),
        ]
        if turnover:
            parts.append(
                self.tr("Median for omsætningen: %1 om året.").replace("%1", growth_text(median_bp(turnover)))
            )
        without = len(members) - len(judged)
        if without:
            parts.append(str(Msg.EFFECTS_WITHOUT_FIGURES(n=without)) + ".")
        self.summary.setText(" ".join(parts))
