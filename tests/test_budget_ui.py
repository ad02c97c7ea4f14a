"""The budget: figures, the 80 % warning, the burn-down chart, and the broker's totals view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mægler_app.domain.changes import Changes
from mægler_app.domain.numbers import parse_kr
from mægler_app.domain.rules import BUDGET_WARNING_FRACTION_PERMILLE, FACILITATION_FRAME_ORE
from mægler_app.store.services import expenses as svc
from mægler_app.store.services import meetings
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.meetings.models import BudgetsModel
from mægler_app.ui.meetings.network_tab import NetworkActivityTab
from mægler_app.ui.views.meetings import MeetingsView

from .meetings_support import make_network

TODAY = dt.date.today()


def _spend(store, net, ore: int, day: dt.date, text: str = "Udgift", **kw) -> None:  # type: ignore[no-untyped-def]
    # Receipts are not the point here: amounts of at most the receipt limit stay final without one.
    svc.save_expense(store, svc.ExpenseInput(net.network_id, day, ore, "other", text, **kw))


def test_warning_starts_at_80_percent(qtbot, store) -> None:
    net = make_network(store, opened_on=TODAY - dt.timedelta(days=60))
    warn_at = FACILITATION_FRAME_ORE * BUDGET_WARNING_FRACTION_PERMILLE // 1000
    meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(9), dt.UTC),
            planned=True,
            estimated_cost_ore=warn_at - 1,
        ),
    )
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.budget.warning.isVisible()
    assert tab.budget.committed.value.text() == "19.999,99 kr."
    remaining = tab.budget.remaining.value
    assert remaining.styleSheet() == "font-size: 18px; font-weight: 600; color: #1f3b57;"
    _spend(store, net, 1, TODAY - dt.timedelta(days=1), "Frimærke")
    tab.ctx.bus.changed.emit(Changes.of("expense"))
    assert tab.budget.warning.isVisible()
    assert tab.budget.warning.text().startswith("80 % af rammen er brugt eller planlagt")
    assert tab.budget.bar.value() == 800
    assert remaining.styleSheet() == "font-size: 18px; font-weight: 600; color: #8a5a00;"  # amber


def test_burn_down_chart_shows_booked_and_planned(qtbot, store, tmp_path) -> None:
    net = make_network(store, opened_on=TODAY - dt.timedelta(days=40))
    _spend(store, net, parse_kr("450,00"), TODAY - dt.timedelta(days=30))
    _spend(store, net, parse_kr("300,00"), TODAY - dt.timedelta(days=30))
    _spend(store, net, parse_kr("250,00"), TODAY - dt.timedelta(days=10))
    meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime.combine(TODAY + dt.timedelta(days=14), dt.time(9), dt.UTC),
            planned=True,
            estimated_cost_ore=parse_kr("4.000,00"),
        ),
    )
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    chart = tab.budget.chart
    booked = [p.y() for p in chart.actual.points()]
    # A staircase from the frame down: 25.000 → 24.250 (two on one day) → 24.000, held until today.
    assert booked == [25_000.0, 25_000.0, 24_250.0, 24_250.0, 24_000.0, 24_000.0, 24_000.0]
    assert [p.y() for p in chart.planned.points()] == [24_000.0, 24_000.0, 20_000.0]
    assert chart.points.count() == 2
    axis_y = chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert (axis_y.min(), axis_y.max()) == (0.0, 25_000.0)
    assert [s.name() for s in chart.chart().series() if s.name()] == [
        "Advarsel ved 80 %",
        "Med planlagte møder",
        "Bogført",
    ]
    assert not tab.budget.grab().isNull()
    # Over the frame the axis reaches below zero so the overspend is seen.
    svc.save_expense(
        store,
        svc.ExpenseInput(net.network_id, TODAY, parse_kr("400,00"), "other", "Sidste", override_reason="ok"),
    )
    for _ in range(60):
        _spend(store, net, parse_kr("400,00"), TODAY, "Mange små", override_reason="Aftalt")
    tab.reload()
    assert chart.chart().axes(Qt.Orientation.Vertical)[0].min() < 0


def test_meetings_view_totals_and_network_switching(qtbot, store) -> None:
    a = make_network(store, name="Alfa-netværket")
    b = make_network(store, name="Beta-netværket", seed=1)
    make_network(store, name="Kandidaten", opened_on=None, seed=2)
    _spend(store, a, parse_kr("234,50"), a.opened_on)
    _spend(store, b, parse_kr("100,00"), b.opened_on)
    ctx = AppContext(store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.nav, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_view().key == "moeder", timeout=2000)
    view = window.current_view()
    assert isinstance(view, MeetingsView)
    assert view.card_spent.value.text() == "334,50 kr."
    assert "i 2 netværk med åben ramme (50.000,00 kr. i alt)" in view.card_spent.note.text()
    names = [view.model.row_at(r).network for r in range(view.model.rowCount())]
    assert names == ["Alfa-netværket", "Beta-netværket"]  # the candidate has no frame and no expenses
    assert view.tab is not None and view.tab.network_id == a.network_id
    view.table.selectRow(1)
    assert view.tab.network_id == b.network_id
    assert view.tab.budget.spent.value.text() == "100,00 kr."
    # A change elsewhere refreshes the totals and keeps the chosen network.
    _spend(store, b, parse_kr("50,00"), b.opened_on)
    ctx.bus.changed.emit(Changes.of("expense"))
    assert view.card_spent.value.text() == "384,50 kr."
    assert view.tab.network_id == b.network_id
    assert view.tab.budget.spent.value.text() == "150,00 kr."


def test_budgets_model_passes_qtmodeltester(qtmodeltester, store) -> None:
    a = make_network(store, name="A")
    make_network(store, name="B", seed=1)
    _spend(store, a, 12_345, a.opened_on)
    model = BudgetsModel()
    model.set_rows(svc.broker_totals(store).networks)
    qtmodeltester.check(model)
    assert model.data(model.index(0, BudgetsModel.COL_REMAINING)) == "24.876,55 kr."


def test_a_hidden_tab_catches_up_when_shown(qtbot, store) -> None:
    net = make_network(store)
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    assert tab.budget.spent.value.text() == "0,00 kr."
    _spend(store, net, parse_kr("75,25"), net.opened_on)
    tab.ctx.bus.changed.emit(Changes.of("expense"))
    assert tab.budget.spent.value.text() == "0,00 kr."  # not shown: no work yet
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.budget.spent.value.text() == "75,25 kr."
    assert tab.expenses_model.rowCount() == 1


def test_a_chart_day_is_local_noon_as_qt_counts_it() -> None:
    """The chart's x of a day (Python's local time, cheaper than a QDateTime per point) is the
    same number Qt gives for that day's noon, over several years with their summer-time shifts."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    from mægler_app.ui.meetings.budget_panel import _ms

    first = dt.date(2024, 1, 1)
    for day in (first + dt.timedelta(days=n) for n in range(0, 3 * 366, 3)):
        qt = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch()
        assert _ms(day) == float(qt), day
