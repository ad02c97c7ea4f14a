"""Programmet's »Effekter« card (issue 19): growth against the baseline (≥ 10 % a year) and
satisfaction (≥ 80 %), per network and per focus area, with two charts and the export for
Danmarks Statistik.

The figures are ``ProgrammeData.effects``, ``domain.effects.programme_effects`` counted in the
thread pool with the rest of the page (ui/programme/loader.py), the function ``/stats?effects=true``
calls; the export is written in the thread pool from the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.effects import METRIC_NAMES, METRICS, bin_text, change_text, cvr_file_name, growth_text
from ...domain.messages import Msg
from ...domain.numbers import format_int, format_percent_bp
from ...domain.rules import TARGET_GROWTH_PERCENT_PER_YEAR, TARGET_SATISFIED_PERCENT
from ...domain.timeutil import utcnow
from ...domain.vocab import label as vocab_label
from ...store.db import Store
from ..context import AppContext
from ..style import AMBER, GREY, NAVY, RED
from ..table import Column, TextsOnceModel, fit_to_texts, make_table_view
from ..worker import Worker, start
from .charts import ChartPicture

BY_NETWORK = "network"
BY_FOCUS = "focus"


@dataclass(frozen=True)
class GroupRow:
    key: str
    name: str
    figures: Mapping[str, Any]


def _share(bp: Any) -> str:
    return "–" if bp is None else format_percent_bp(int(bp))


def _median_of(metric: str) -> Callable[[GroupRow], str]:
    return lambda r: growth_text(r.figures["metrics"][metric]["median_cagr_bp"])


def _met_share_of(metric: str) -> Callable[[GroupRow], str]:
    return lambda r: _share(r.figures["metrics"][metric]["met_share_bp"])


class GrowthChart(ChartPicture):
    """How many participants' growth a year falls in each bin, per key figure (a histogram)."""

    def __init__(self, title: str) -> None:
        super().__init__(title, "effectsGrowthChart", 260)
        self.counts: dict[str, list[int]] = {}

    def set_distribution(self, distribution: Mapping[str, Any]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bins = distribution.get("bins") or []
        counts = distribution.get("counts") or {}
        self.counts = {m: list(counts.get(m, [])) for m in METRICS}
        series = QBarSeries()
        for metric, colour in zip(METRICS, (NAVY, AMBER, GREY), strict=True):
            bars = QBarSet(str(METRIC_NAMES[metric]))
            bars.setColor(QColor(colour))
            bars.append([float(v) for v in self.counts[metric]])
            series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        # a chart's labels are rich text: "<" must be written as an entity
        categories.append([bin_text(b.get("low_bp"), b.get("high_bp")).replace("<", "&lt;") for b in bins])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max([1, *(v for vs in self.counts.values() for v in vs)]))
        axis.applyNiceNumbers()
        axis.setTitleText("virksomheder")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)


class SatisfactionChart(ChartPicture):
    """The share of satisfied answers per year, against the 80 % line."""

    def __init__(self, title: str) -> None:
        super().__init__(title, "effectsSatisfactionChart", 260)
        self.shares: dict[str, float] = {}

    def set_years(self, by_year: Mapping[str, Mapping[str, Any]]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        years = sorted(by_year)
        self.shares = {y: (by_year[y].get("share_bp") or 0) / 100 for y in years}
        met = QBarSet(self.tr("Tilfredse (mål nået)"))
        met.setColor(QColor(NAVY))
        short = QBarSet(self.tr("Tilfredse (under målet)"))
        short.setColor(QColor(RED))
        for y in years:
            share = self.shares[y]
            reached = bool(by_year[y].get("met"))
            met.append(share if reached else 0.0)
            short.append(0.0 if reached else share)
        series = QBarSeries()
        series.append(met)
        series.append(short)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(
            [
                self.tr("%1 (%2 svar)")
                .replace("%1", y)
                .replace("%2", format_int(int(by_year[y].get("responses", 0))))
                for y in years
            ]
            or [""]
        )
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        axis = QValueAxis()
        axis.setRange(0, 100)
        axis.setLabelFormat("%d %%")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        # the target as a line across the chart, on a hidden x axis spanning the categories
        line = QLineSeries()
        line.setName(self.tr("Mål: %1 %").replace("%1", str(TARGET_SATISFIED_PERCENT)))
        pen = QPen(QColor(AMBER))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        n = max(1, len(years))
        line.append([QPointF(-0.5, TARGET_SATISFIED_PERCENT), QPointF(n - 0.5, TARGET_SATISFIED_PERCENT)])
        chart.addSeries(line)
        span = QValueAxis()
        span.setRange(-0.5, n - 0.5)
        span.setVisible(False)
        chart.addAxis(span, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(span)
        line.attachAxis(axis)


def _write_export(store: Store, path: Path) -> tuple[int, Path, Path]:
    from ...store.services.effects import export_effects
    from ...store.services.programme import server_moves

    main, cvrs, n = export_effects(store, server_moves(store))
    cvr_path = path.with_name(cvr_file_name(path.name))
    path.write_bytes(main)
    cvr_path.write_bytes(cvrs)
    return n, path, cvr_path


class EffectsPanel(QFrame):
    """The card; ``set_effects`` shows ``ProgrammeData.effects``."""

    exported = Signal(str)
    export_failed = Signal(str)
    groups_shown = Signal()  # the table per network / focus area has its rows (made in the pool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("card")
        self.effects: Mapping[str, Any] = {}
        self.export_worker: Worker | None = None
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Effekter: vækst og tilfredshed"))
        title.setObjectName("cardTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.export_button = QPushButton(self.tr("Eksportér til Danmarks Statistik (CSV) …"))
        self.export_button.setObjectName("effectsExport")
        self.export_button.setToolTip(
            self.tr(
                "Én linje pr. deltagende virksomhed (CVR, netværk, tilmelding, trin, basisår, nøgletal "
                "og vækst) og en fil med CVR-numrene alene. Ingen kontaktpersoner."
            )
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export_path)
        head.addWidget(self.export_button)
        lay.addLayout(head)
        self.intro = QLabel()
        self.intro.setObjectName("effectsIntro")
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.grid_host)
        self.satisfaction = QLabel()
        self.satisfaction.setObjectName("effectsSatisfaction")
        self.satisfaction.setWordWrap(True)
        lay.addWidget(self.satisfaction)
        charts = QHBoxLayout()
        self.growth_chart = GrowthChart(
            self.tr("Årlig vækst siden basisåret: antal virksomheder (mål: %1 % og mere)").replace(
                "%1", str(TARGET_GROWTH_PERCENT_PER_YEAR)
            )
        )
        self.satisfaction_chart = SatisfactionChart(
            self.tr("Tilfredse pr. år (mål: mindst %1 %)").replace("%1", str(TARGET_SATISFIED_PERCENT))
        )
        charts.addWidget(self.growth_chart, 3)
        charts.addWidget(self.satisfaction_chart, 2)
        lay.addLayout(charts)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Vis:")))
        self.group_box = QComboBox()
        self.group_box.setObjectName("effectsGroup")
        self.group_box.addItem(self.tr("Pr. netværk"), BY_NETWORK)
        self.group_box.addItem(self.tr("Pr. fokusområde"), BY_FOCUS)
        self.group_box.currentIndexChanged.connect(lambda _i: self._show_groups())
        pick.addWidget(self.group_box)
        pick.addStretch(1)
        lay.addLayout(pick)
        columns: list[Column[GroupRow]] = [
            Column(self.tr("Navn"), lambda r: r.name, tooltip=lambda r: r.name),
            Column(
                self.tr("Virksomheder"), lambda r: format_int(int(r.figures["companies"])), align_right=True
            ),
            Column(
                self.tr("Uden tal"), lambda r: format_int(int(r.figures["without_figures"])), align_right=True
            ),
        ]
        for metric in METRICS:
            name = str(METRIC_NAMES[metric])
            # two lines a header: the key figure, then what of it, so the table fits the page
            columns.append(
                Column(self.tr("%1\nmedian pr. år").replace("%1", name), _median_of(metric), align_right=True)
            )
            columns.append(
                Column(
                    self.tr("%1\n≥ %2 % om året")
                    .replace("%1", name)
                    .replace("%2", str(TARGET_GROWTH_PERCENT_PER_YEAR)),
                    _met_share_of(metric),
                    align_right=True,
                )
            )
        columns.append(
            Column(
                self.tr("Ansatte"),
                lambda r: change_text(int(r.figures["employees"]["change"])),
                align_right=True,
            )
        )
        # each cell's text made once per load: babel formats ~3.600 numbers for 200 networks, and a
        # table asks again on every paint (benchmarks/caseworker_views.py: Programmet 328 → see note)
        self.model: TextsOnceModel[GroupRow] = TextsOnceModel(columns, lambda r: r.key, self)
        # a long name is cut with "…" on one line (its tooltip has it all); widths from the texts
        # once per load (fit_to_texts), not Qt's ResizeToContents, which lays out every cell of
        # every row again on each change; rows one line high
        # named by the card's title: a table without rows is no Tab stop when the page names its
        # inputs (keyboard.label_inputs), and has nothing else to be named by once they come
        self.table = make_table_view(self.model, "effectsGroups", title.text(), stretch=(0,))
        self.table.setMinimumHeight(220)
        lay.addWidget(self.table)
        fit_to_texts(self.table, skip=(0,))  # the titles' widths, until the rows come
        self.state = QLabel()
        self.state.setObjectName("effectsState")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.value_labels: dict[str, QLabel] = {}

    def set_effects(self, effects: Mapping[str, Any]) -> None:
        self.effects = effects
        self.export_button.setEnabled(bool(effects))
        if not effects:
            self.intro.setText(self.tr("Ingen effekttal."))
            return
        total = effects["total"]
        self.intro.setText(
            self.tr(
                "%1 deltagende virksomheder (med i et netværk, der nåede trin 1); %2 har nøgletal for "
                "basisåret og et senere år. %3. Vækst pr. år siden basisåret (det sidste hele år før "
                "virksomheden kom med); målet er mindst %4 % om året."
            )
            .replace("%1", format_int(int(total["companies"])))
            .replace("%2", format_int(int(total["measured"])))
            .replace("%3", str(Msg.EFFECTS_WITHOUT_FIGURES(n=int(total["without_figures"]))).capitalize())
            .replace("%4", str(TARGET_GROWTH_PERCENT_PER_YEAR))
        )
        self._fill_grid(total)
        sat = effects["satisfaction"]
        if sat["responses"]:
            text = str(
                Msg.EFFECTS_SATISFIED_SHARE(
                    bp=sat["share_bp"], n=sat["responses"], target=sat["target_percent"]
                )
            )
            self.satisfaction.setText(("✓ " if sat["met"] else "✗ ") + text)
        else:
            self.satisfaction.setText(str(Msg.EFFECTS_NO_ANSWERS()))
        self.growth_chart.set_distribution(effects["distribution"])
        self.satisfaction_chart.set_years(sat["by_year"])
        self._show_groups()

    def _fill_grid(self, total: Mapping[str, Any]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.value_labels.clear()
        heads = (
            "",
            self.tr("Med tal"),
            self.tr("Uden tal"),
            self.tr("Median pr. år"),
            self.tr("Når målet"),
        )
        for col, text in enumerate(heads):
            label = QLabel(text)
            label.setObjectName("cardTitle")
            self.grid.addWidget(label, 0, col)
        for i, metric in enumerate(METRICS, start=1):
            m = total["metrics"][metric]
            self.grid.addWidget(QLabel(str(METRIC_NAMES[metric])), i, 0)
            cells = (
                format_int(int(m["companies"])),
                format_int(int(m["without_figures"])),
                growth_text(m["median_cagr_bp"]),
                self.tr("%1 (%2)")
                .replace("%1", _share(m["met_share_bp"]))
                .replace("%2", format_int(int(m["met"]))),
            )
            for col, text in enumerate(cells, start=1):
                label = QLabel(text)
                label.setObjectName(f"effects_{metric}_{col}")
                self.value_labels[f"{metric}:{col}"] = label
                self.grid.addWidget(label, i, col)
        row = len(METRICS) + 1
        self.grid.addWidget(QLabel(self.tr("Ansatte (personer)")), row, 0)
        employees = QLabel(
            self.tr("%1 i alt for %n virksomheder", "", int(total["employees"]["companies"])).replace(
                "%1", change_text(int(total["employees"]["change"]))
            )
        )
        employees.setObjectName("effectsEmployees")
        self.value_labels["employees"] = employees
        self.grid.addWidget(employees, row, 1, 1, 4)
        self.grid.setColumnStretch(5, 1)

    def _show_groups(self) -> None:
        if not self.effects:
            return
        if self.group_box.currentData() == BY_NETWORK:
            rows = [
                GroupRow(nid, str(fig.get("name") or nid[:8]), fig)
                for nid, fig in self.effects["networks"].items()
            ]
        else:
            rows = [
                GroupRow(area, vocab_label("focus_area", area), fig)
                for area, fig in self.effects["focus_areas"].items()
            ]
        # the texts are made in the pool (200 networks × 16 numbers); the newest request wins
        self._groups_asked = getattr(self, "_groups_asked", 0) + 1
        asked = self._groups_asked
        worker = Worker(self.model.display_texts, rows)
        worker.signals.finished.connect(lambda texts, r=rows, n=asked: self._groups_ready(n, r, texts))
        self._groups_worker = worker  # its signals live as long as the panel holds it
        start(worker, self.ctx.pool)

    def _groups_ready(self, asked: int, rows: list[GroupRow], texts: dict[tuple[int, int, int], Any]) -> None:
        if asked != self._groups_asked or not shiboken6.isValid(self.table):
            return
        self.model.set_rows(rows, texts)
        fit_to_texts(self.table, skip=(0,))
        self.groups_shown.emit()

    # the export -------------------------------------------------------------------------------
    def choose_export_path(self) -> None:
        suggested = Path.home() / f"effekter-{utcnow().date().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Eksportér effekter"), str(suggested), self.tr("CSV-filer (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self.export_worker is not None:
            return
        self.export_button.setEnabled(False)
        self.state.setText(self.tr("Skriver effekterne …"))
        worker = Worker(_write_export, self.ctx.store, path)
        worker.signals.finished.connect(self._on_exported)
        worker.signals.failed.connect(self._on_export_failed)
        self.export_worker = worker
        start(worker, self.ctx.pool)

    def _on_exported(self, result: object) -> None:
        self.export_worker = None
        self.export_button.setEnabled(True)
        assert isinstance(result, tuple)
        n, path, cvr_path = result
        self.state.setText(str(Msg.EFFECTS_EXPORTED(n=n, path=str(path), cvr_path=str(cvr_path))))
        self.exported.emit(str(path))

    def _on_export_failed(self, message: str) -> None:
        self.export_worker = None
        self.export_button.setEnabled(True)
        self.state.setText(self.tr("Effekterne kunne ikke gemmes: %1").replace("%1", message))
        self.export_failed.emit(message)
