"""A network's facilitation budget: spent, committed, remaining, a warning, and a burn-down chart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ...domain.messages import Msg
from ...domain.numbers import format_date, format_kr, format_percent_bp
from ...domain.rules import BUDGET_WARNING_FRACTION_PERMILLE, ORE_PER_KRONE, BudgetLevel, budget_level
from ...store.services.expenses import Budget, BurnDown
from .. import style
from ..cards import FigureCard

NAVY = QColor(style.NAVY)
AMBER = QColor(style.AMBER)
RED = QColor(style.RED)
GREY = QColor(style.GREY)


def _ms(day: dt.date) -> float:
    """A date as chart x (ms since the epoch, local noon so the point sits mid-day). Python's own
    local time gives what Qt's QDateTime did (the same for every day of 2020–2028, UTC and
    Copenhagen) in 0.3 µs instead of 27: a network's chart asked for 60 of them at every reload."""
    return dt.datetime.combine(day, _NOON).timestamp() * 1000


_NOON = dt.time(12, 0)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _kr(ore: int) -> float:
    # Only for drawing: the figures people read are formatted from integer øre.
    return ore / ORE_PER_KRONE


class BurnDownChart(QChartView):
    """Remaining budget over time: booked (solid), planned meetings ahead (dashed), the 80 % line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # Axis labels the Danish way (25.000), whatever the system's locale.
        chart.setLocale(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        chart.setLocalizeNumbers(True)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(210)
        self.actual = QLineSeries()
        self.planned = QLineSeries()
        self.threshold = QLineSeries()
        self.points = QScatterSeries()

    def show_burn_down(self, bd: BurnDown, today: dt.date) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.actual = QLineSeries()
        self.actual.setName(self.tr("Bogført"))
        pen = QPen(NAVY)
        pen.setWidth(3)
        self.actual.setPen(pen)
        self.points = QScatterSeries()
        self.points.setMarkerSize(7)
        self.points.setColor(NAVY)
        self.points.setBorderColor(NAVY)
        # A staircase: the remaining budget drops on the day of an expense and stays until the next.
        prev: int | None = None
        for p in bd.actual:
            if prev is not None:
                self.actual.append(_ms(p.day), _kr(prev))
            self.actual.append(_ms(p.day), _kr(p.remaining_ore))
            prev = p.remaining_ore
        for p in bd.actual[1:]:
            if not p.label:
                self.points.append(_ms(p.day), _kr(p.remaining_ore))
        self.planned = QLineSeries()
        self.planned.setName(self.tr("Med planlagte møder"))
        dash = QPen(AMBER)
        dash.setWidth(2)
        dash.setStyle(Qt.PenStyle.DashLine)
        self.planned.setPen(dash)
        prev = None
        for p in bd.planned:
            if prev is not None:
                self.planned.append(_ms(p.day), _kr(prev))
            self.planned.append(_ms(p.day), _kr(p.remaining_ore))
            prev = p.remaining_ore
        days = [p.day for p in bd.actual + bd.planned] or [today]
        first, last = min(days), max(days)
        if (last - first).days < 14:
            last = first + dt.timedelta(days=14)
        warn_at = bd.frame_ore * (1000 - BUDGET_WARNING_FRACTION_PERMILLE) // 1000
        self.threshold = QLineSeries()
        self.threshold.setName(
            self.tr("Advarsel ved %1").replace("%1", format_percent_bp(BUDGET_WARNING_FRACTION_PERMILLE * 10))
        )
        tpen = QPen(RED)
        tpen.setWidth(1)
        tpen.setStyle(Qt.PenStyle.DotLine)
        self.threshold.setPen(tpen)
        self.threshold.append(_ms(first), _kr(warn_at))
        self.threshold.append(_ms(last), _kr(warn_at))

        x = QDateTimeAxis()
        x.setFormat("d.M.yy")
        x.setRange(
            QDateTime(_qdate(first), QTime(0, 0)), QDateTime(_qdate(last + dt.timedelta(days=1)), QTime(0, 0))
        )
        x.setTickCount(6)
        y = QValueAxis()
        lowest = min([p.remaining_ore for p in bd.actual + bd.planned] + [0])
        y.setLabelFormat("%.0f")
        y.setTickCount(6)
        y.setRange(_kr(min(0, lowest)), _kr(bd.frame_ore))
        if lowest < 0:
            # Over the frame: let Qt pick round ticks that include the negative part.
            y.applyNiceNumbers()
        y.setTitleText(self.tr("Tilbage (kr.)"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        for axis in (x, y):
            axis.setLabelsFont(small)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.threshold, self.planned, self.actual, self.points):
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
        chart.legend().markers(self.points)[0].setVisible(False)
        if not bd.planned:
            chart.legend().markers(self.planned)[0].setVisible(False)


def _figure(title: str, object_name: str) -> FigureCard:
    # The panel's figures are smaller than the meetings view's totals.
    return FigureCard(title, object_name, size_px=18, margins=(10, 6))


class BudgetPanel(QWidget):
    """Figures on the left, the chart on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        grid = QGridLayout()
        grid.setSpacing(8)
        self.frame = _figure(self.tr("Ramme"), "budgetFrame")
        self.spent = _figure(self.tr("Brugt"), "budgetSpent")
        self.committed = _figure(self.tr("Planlagt"), "budgetCommitted")
        self.remaining = _figure(self.tr("Tilbage"), "budgetRemaining")
        for i, fig in enumerate((self.frame, self.spent, self.committed, self.remaining)):
            grid.addWidget(fig, i // 2, i % 2)
        left.addLayout(grid)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        left.addWidget(self.bar)
        self.note = QLabel()
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        left.addWidget(self.note)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        left.addWidget(self.warning)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(380)
        outer.addWidget(holder)
        self.chart = BurnDownChart()
        self.chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: no Tab stop without a focus mark
        outer.addWidget(self.chart, 1)
        self.setMaximumHeight(260)
        self.budget: Budget | None = None
        self.level = BudgetLevel.OK

    def show_budget(self, b: Budget, bd: BurnDown, today: dt.date) -> None:
        self.budget = b
        self.frame.value.setText(format_kr(b.frame_ore))
        self.spent.value.setText(format_kr(b.spent_ore))
        self.committed.value.setText(format_kr(b.committed_ore))
        self.remaining.value.setText(format_kr(b.remaining_ore))
        colour = style.RED if b.remaining_ore < 0 else (style.WARNING_TEXT if b.warn else style.NAVY)
        self.remaining.set_colour(colour)
        # the bar turns amber at the warning share and red over the frame (domain.rules)
        self.level = budget_level(b.spent_ore + b.committed_ore, b.frame_ore)
        self.bar.setStyleSheet(style.budget_bar_style(self.level))
        self.bar.setValue(max(0, min(1000, b.used_permille)))
        self.bar.setFormat(
            self.tr("%1 brugt eller planlagt").replace("%1", format_percent_bp(b.used_permille // 10 * 100))
        )
        notes = []
        if b.opened_on:
            notes.append(self.tr("Rammen åbnet %1").replace("%1", format_date(b.opened_on)))
        else:
            notes.append(self.tr("Screeningen er ikke bestået endnu; rammen er ikke åbnet."))
        if b.closed_on:
            notes.append(self.tr("netværket lukket %1").replace("%1", format_date(b.closed_on)))
        if b.draft_ore:
            notes.append(self.tr("%1 i kladder uden kvittering").replace("%1", format_kr(b.draft_ore)))
        if b.flagged:
            notes.append(str(Msg.UI_EXPENSES_OVER_FRAME_SENT(n=b.flagged)))
        self.note.setText(" · ".join(notes))
        text = b.warning()
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self.chart.show_burn_down(bd, today)
