"""Programmet (caseworkers): the programme's results against the seed's targets, for the whole
period and per year, each as figure, target range and bar; the funnel kandidat → trin 3; the
figures per year in a chart; and "Programrapport (PDF)" for the region.

The figures are ``domain.figures.programme_figures`` over this laptop's synced records (a
caseworker pulls every broker's), the function the server's ``/stats`` calls; they are counted in
the thread pool (ui/programme/loader.py), and the PDF is written there too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.names import document_name
from ...domain.numbers import format_datetime, format_int, format_percent_bp
from ...domain.programme import TargetRow, target_rows
from ...domain.rules import TARGETS_PER_YEAR
from ...store.services.programme import ProgrammeData
from ..context import AppContext
from ..files import ask_save_path, open_file, report_saved
from ..style import AMBER, NAVY
from ..views.base import View
from ..worker import Worker, start
from .charts import FunnelChart, YearsChart
from .effects import EffectsPanel
from .loader import loader_for, show_or_load

WHOLE_PERIOD = ""  # the scope box's data for the whole period (else the year as text)
_BAR_MET = f"QProgressBar::chunk {{ background: {NAVY}; }}"
_BAR_SHORT = f"QProgressBar::chunk {{ background: {AMBER}; }}"
# The figures each year's chart shows, with the year's target (rules.TARGETS_PER_YEAR).
YEAR_CHART_KEYS = ("networks", "action_plans", "business_networks")


def value_text(row: TargetRow) -> str:
    if row.value is None:
        return "–"
    if row.key == "networks_per_broker":  # the brokers that reached 12, of all brokers
        return (
            QCoreApplication.translate("ProgrammeView", "%1 af %2")
            .replace("%1", format_int(row.value))
            .replace("%2", format_int(row.low))
        )
    return format_percent_bp(row.value) if row.key == "satisfied" else format_int(row.value)


def _write_report(data: ProgrammeData, path: Path) -> Path:
    # ReportLab takes a good half second to import: only when a report is asked for, off the GUI thread
    from ...reports.programme_pdf import write_programme_pdf

    return write_programme_pdf(data, path)


class ProgrammeView(View):
    key = "programmet"
    title = "Programmet"
    shortcut = "Ctrl+8"
    # figures shown (the tests and the benchmark wait for it), and a report written (its path)
    shown = Signal()
    report_written = Signal(str)
    report_failed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        # the loader hears of a change before the view does (View connects to the bus in its
        # __init__), so a view refreshed by a change never shows the count from before it
        loader = loader_for(ctx)
        super().__init__(ctx)
        self.data: ProgrammeData | None = None
        self.rows: list[TargetRow] = []
        self.report_worker: Worker | None = None
        self.loader = loader
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(
            self.heading(
                self.tr("Programmet"),
                self.tr(
                    "Programmets resultater mod målene, talt fra alle mægleres synkroniserede poster "
                    "på denne computer (som Væksthus' statistik tæller dem)."
                ),
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Periode:")))
        self.scope = QComboBox()
        self.scope.setObjectName("programmeScope")
        self.scope.addItem(self.tr("Hele perioden"), WHOLE_PERIOD)
        self.scope.currentIndexChanged.connect(lambda _i: self._show_scope())
        bar.addWidget(self.scope)
        bar.addStretch(1)
        self.state = QLabel(self.tr("Tæller programmets tal…"))
        self.state.setObjectName("programmeState")
        bar.addWidget(self.state)
        self.report_button = QPushButton(self.tr("Programrapport (PDF)"))
        self.report_button.setObjectName("programmeReport")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.choose_report_path)
        bar.addWidget(self.report_button)
        outer.addLayout(bar)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        card = QFrame()
        card.setObjectName("card")
        card_lay = QVBoxLayout(card)
        self.targets_title = QLabel(self.tr("Mål og resultater"))
        self.targets_title.setObjectName("cardTitle")
        card_lay.addWidget(self.targets_title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(3, 1)
        card_lay.addWidget(self.grid_host)
        lay.addWidget(card)
        charts = QHBoxLayout()
        self.funnel = FunnelChart(self.tr("Tragten: kandidat → trin 3 (netværk der nåede trinnet)"))
        self.years_chart = YearsChart(self.tr("Pr. år: procent af årets mål (nedre grænse = 100 %)"))
        charts.addWidget(self.funnel, 1)
        charts.addWidget(self.years_chart, 1)
        lay.addLayout(charts)
        # --- effects: growth and satisfaction (issue 19)
        self.effects_panel = EffectsPanel(ctx)
        lay.addWidget(self.effects_panel)
        lay.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.value_labels: dict[str, QLabel] = {}
        self.bars: dict[str, QProgressBar] = {}

    # loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        show_or_load(self.loader, self._on_loaded)

    def _on_loaded(self, data: object) -> None:
        assert isinstance(data, ProgrammeData)
        self.data = data
        chosen = self.scope.currentData()
        self.scope.blockSignals(True)
        while self.scope.count() > 1:
            self.scope.removeItem(1)
        for year in data.years:
            self.scope.addItem(year, year)
        index = self.scope.findData(chosen)
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)
        self.state.setText(self.tr("Talt %1").replace("%1", format_datetime(data.computed_at)))
        self.report_button.setEnabled(True)
        self.funnel.set_funnel(data.funnel)
        years = data.years
        by_year = data.total["by_year"]
        names = {
            "networks": self.tr("Netværk"),
            "action_plans": self.tr("Handlingsplaner"),
            "business_networks": self.tr("Forretningsnetværk"),
        }
        # each figure as a share of its year's target (the low end = 100 %), so the three compare
        self.years_chart.set_years(
            years,
            [
                (
                    names[k],
                    [round(100 * int(by_year[y]["figures"][k]) / TARGETS_PER_YEAR[k].low) for y in years],
                    [int(by_year[y]["figures"][k]) for y in years],
                )
                for k in YEAR_CHART_KEYS
            ],
        )
        self._show_scope()
        self.effects_panel.set_effects(data.effects)
        self.shown.emit()

    def _on_failed(self, message: str) -> None:
        self.state.setText(self.tr("Tallene kunne ikke tælles: %1").replace("%1", message))

    def scope_report(self) -> tuple[dict[str, object], bool]:
        """The shown scope's report (``programme_figures`` total or one year) and whether it is
        the whole period."""
        assert self.data is not None
        year = self.scope.currentData()
        if not year:
            return self.data.total, True
        return self.data.total["by_year"].get(year, {"figures": {}, "targets": {}}), False

    def _show_scope(self) -> None:
        if self.data is None:
            return
        report, whole = self.scope_report()
        self.rows = target_rows(report, self.data.figures["brokers"] if whole else None)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.value_labels.clear()
        self.bars.clear()
        for col, text in enumerate((self.tr("Mål"), self.tr("Resultat"), self.tr("Målinterval"), "")):
            header = QLabel(text)
            header.setObjectName("cardTitle")
            self.grid.addWidget(header, 0, col)
        for i, row in enumerate(self.rows, start=1):
            self.grid.addWidget(QLabel(str(row.name)), i, 0)
            value = QLabel(value_text(row))
            value.setObjectName(f"figure_{row.key}")
            self.value_labels[row.key] = value
            self.grid.addWidget(value, i, 1)
            self.grid.addWidget(QLabel(str(row.range_text)), i, 2)
            gauge = QProgressBar()
            gauge.setObjectName(f"bar_{row.key}")
            top = max(row.high or row.low, 1)
            gauge.setRange(0, top)
            gauge.setValue(min(row.value or 0, top))
            gauge.setFormat(str(row.note) if row.note is not None else value_text(row))
            gauge.setStyleSheet(_BAR_MET if row.met else _BAR_SHORT)
            self.bars[row.key] = gauge
            self.grid.addWidget(gauge, i, 3)

    # the report -------------------------------------------------------------------------------
    def choose_report_path(self) -> None:
        if self.data is None:
            return
        # the one naming scheme and the folder used last (issue 20, item 3)
        name = document_name("programrapport", "Midtjysk Klyngeprogram", self.data.computed_at.date())
        path = ask_save_path(self, self.ctx, name, title=self.tr("Gem programrapport"))
        if path is not None:
            self.write_report(path)

    def write_report(self, path: Path) -> None:
        """Write the report in the thread pool; ``report_written`` says where."""
        if self.data is None or self.report_worker is not None:
            return
        self.report_button.setEnabled(False)
        self.state.setText(self.tr("Skriver programrapporten…"))
        worker = Worker(_write_report, self.data, path)
        worker.signals.finished.connect(self._on_report)
        worker.signals.failed.connect(self._on_report_failed)
        self.report_worker = worker
        start(worker, self.ctx.pool)

    def _on_report(self, path: object) -> None:
        self.report_worker = None
        self.report_button.setEnabled(True)
        self.state.setText(self.tr("Programrapporten er gemt: %1").replace("%1", str(path)))
        report_saved(self.ctx, Path(str(path)), open_file(Path(str(path))))
        self.report_written.emit(str(path))

    def _on_report_failed(self, message: str) -> None:
        self.report_worker = None
        self.report_button.setEnabled(True)
        self.state.setText(self.tr("Programrapporten kunne ikke gemmes: %1").replace("%1", message))
        self.report_failed.emit(message)
