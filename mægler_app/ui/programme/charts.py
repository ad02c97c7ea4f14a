"""The programme's charts (QtCharts): the funnel kandidat → trin 3, and the figures per year
against the low end of each year's target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from ...domain.stages import Stage, stage_label
from ..style import AMBER, GREY, NAVY, ON_NAVY

# The value axis reaches this far above the tallest bar, so the label standing on it fits.
LABEL_ROOM = 1.3


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class ChartPicture(QChartView):
    """A chart of the caseworker's desk: a picture, not a Tab stop (like the budget's burn-down
    chart); a screen reader reads its title."""

    def __init__(self, title: str, name: str, height: int = 220) -> None:
        super().__init__(_chart(title))
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(title)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(height)


class FunnelChart(ChartPicture):
    """How many networks reached each step, kandidat at the top."""

    def __init__(self, title: str) -> None:
        super().__init__(title, "programmeFunnel")
        self.values: dict[str, int] = {}

    def set_funnel(self, values: Mapping[str, int]) -> None:
        self.values = dict(values)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        stages: list[str] = list(
            reversed(list(values))
        )  # a horizontal bar chart draws its first category lowest
        bars = QBarSet("")
        bars.setColor(QColor(NAVY))
        bars.append([float(values[s]) for s in stages])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor(ON_NAVY))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([stage_label(s) if s in {x.value for x in Stage} else s for s in stages])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max([1, *values.values()]))
        axis.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        chart.legend().setVisible(False)


class YearsChart(ChartPicture):
    """One group of bars per year: each figure, beside the low end of that year's target."""

    def __init__(self, title: str) -> None:
        super().__init__(title, "programmeYears")

    def set_years(
        self, years: Sequence[str], series_values: Sequence[tuple[str, list[int], list[int]]]
    ) -> None:
        """``series_values``: (name, percent of the year's target per year, the figure per year)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        colours = [NAVY, AMBER, GREY]
        self.figures: dict[str, list[int]] = {}
        for i, (name, percents, figures) in enumerate(series_values):
            bars = QBarSet(name)
            bars.setColor(QColor(colours[i % len(colours)]))
            bars.append([float(v) for v in percents])
            series.append(bars)
            self.figures[name] = list(figures)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        # Above each bar, turned on its side: a year's three bars are narrower than "204 %", and
        # labels written across them ran into each other and into the next bar.
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsAngle(-90)
        for i in range(series.count()):
            series.barSets()[i].setLabelColor(QColor(NAVY))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(years))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        axis = QValueAxis()
        axis.setLabelFormat("%d %%")
        # room above the tallest bar for its label
        highest = max([100, *(v for _, vs, _ in series_values for v in vs)])
        axis.setRange(0, highest * LABEL_ROOM)
        axis.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
