"""The overview tells a broker what to do next (issue 20, item 4): open next steps (overdue first),
planned meetings this week, quiet networks, applications waiting for a decision; each line opens its
record; an empty profile explains the three first steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import text, update

from mægler_app.domain.next_actions import (
    MEETINGS_AHEAD_DAYS,
    QUIET_AFTER_DAYS,
    ApplicationFact,
    MeetingFact,
    NetworkFact,
    StepFact,
    next_actions,
)
from mægler_app.domain.rules import INACTIVE_AFTER_DAYS
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Application, Network
from mægler_app.store.services.next_actions import load_next_actions
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.meetings.meeting_editor import MeetingEditor

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def _step(name: str, due: dt.date | None, done: bool = False) -> StepFact:
    return StepFact("n1", "Netværk", "m1", name, "Anne", due, done)


def test_the_rules_order_and_thresholds() -> None:
    assert QUIET_AFTER_DAYS == INACTIVE_AFTER_DAYS == 30  # one number for the list and the mark
    actions = next_actions(
        steps=[
            _step("senere", TODAY + dt.timedelta(days=3)),
            _step("for sent", TODAY - dt.timedelta(days=1)),
            _step("gjort", TODAY - dt.timedelta(days=9), done=True),
            _step("meget for sent", TODAY - dt.timedelta(days=5)),
            _step("i dag", TODAY),
        ],
        meetings=[
            MeetingFact("n1", "A", "m2", NOW + dt.timedelta(days=2), "other", True),
            MeetingFact("n1", "A", "m3", NOW + dt.timedelta(days=MEETINGS_AHEAD_DAYS), "other", True),
            MeetingFact("n1", "A", "m4", NOW + dt.timedelta(hours=1), "other", True),
            MeetingFact("n1", "A", "m5", NOW + dt.timedelta(hours=2), "other", False),  # held, logged
            MeetingFact("n1", "A", "m6", NOW - dt.timedelta(hours=1), "other", True),
        ],
        networks=[
            NetworkFact("q1", "Stille", "stage_1", NOW - dt.timedelta(days=QUIET_AFTER_DAYS)),
            NetworkFact("q2", "Lige nok", "candidate", NOW - dt.timedelta(days=QUIET_AFTER_DAYS - 1)),
            NetworkFact("q3", "Afsluttet", "closed", NOW - dt.timedelta(days=400)),
            NetworkFact("q4", "Forretningsnetværk", "stage_3", NOW - dt.timedelta(days=400)),
            NetworkFact("q5", "Længe stille", "screened", NOW - dt.timedelta(days=90)),
        ],
        applications=[
            ApplicationFact("n1", "A", "a1", "submitted", "", NOW - dt.timedelta(days=3)),
            ApplicationFact("n2", "B", "a2", "submitted", "approved", NOW - dt.timedelta(days=9)),
            ApplicationFact("n3", "C", "a3", "draft", "", None),
            ApplicationFact("n4", "D", "a4", "submitted", "", NOW - dt.timedelta(days=8)),
        ],
        now=NOW,
        today=TODAY,
    )
    assert [(a.text, a.overdue) for a in actions.steps] == [
        ("meget for sent", True),
        ("for sent", True),
        ("i dag", False),
        ("senere", False),
    ]
    assert [a.record_id for a in actions.meetings] == ["m4", "m2"]
    assert [a.network for a in actions.quiet] == ["Længe stille", "Stille"]
    assert [a.record_id for a in actions.decisions] == ["a4", "a1"]


def _window(qtbot, store) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _overview(qtbot, window):  # type: ignore[no-untyped-def]
    view = window.view("overblik")
    with qtbot.waitSignal(view.actions_shown, timeout=10_000):
        view.refresh()
    return view


def test_demo_overview_lists_next_actions_and_each_line_opens_its_record(qtbot, store) -> None:
    ids = fill_demo(store)
    # One network quiet for 40 days, one application sent and waiting for Væksthus.
    long_ago = (utcnow() - dt.timedelta(days=40)).replace(tzinfo=None)
    candidate = ids["network:3"]
    with store.engine.begin() as con:
        for table in ("network", "membership", "screening", "application"):
            column = "id" if table == "network" else "network_id"
            con.execute(
                text(f"UPDATE {table} SET updated_at = :t WHERE {column} = :n"),
                {"t": long_ago, "n": candidate},
            )
    with store.session() as s:
        app = Application(network_id=ids["network:1"], status="submitted", submitted_at=utcnow())
        s.add(app)
        app_id = app.id
        s.execute(update(Network).where(Network.id == ids["network:1"]).values(stage="application"))

    window = _window(qtbot, store)
    view = _overview(qtbot, window)
    panel = view.next_actions
    assert panel.isVisible() and not view.first_steps.isVisible()
    steps = panel.steps.lines()
    # the demo's open steps: two past their date (first, marked), two ahead
    assert len(steps) == 4
    assert [line.startswith("⚠") for line in steps] == [True, True, False, False]
    assert "2 overskredet" in panel.steps.title.text()
    assert "Sende udkast til tentativ plan til deltagerne" in steps[0]
    assert len(panel.meetings.lines()) == 1  # the demo's first planned meeting is in two days
    quiet = panel.quiet.lines()
    assert len(quiet) == 1 and "seneste aktivitet" in quiet[0]
    assert panel.quiet.title.text() == f"Netværk uden aktivitet i {QUIET_AFTER_DAYS} dage"
    assert len(panel.decisions.lines()) == 1 and "sendt" in panel.decisions.lines()[0]

    # A step opens its meeting, on its network's page.
    opened: list[MeetingEditor] = []
    from mægler_app.ui.meetings.network_tab import NetworkActivityTab

    original = NetworkActivityTab.open_meeting

    def spy(self, meeting_id):  # type: ignore[no-untyped-def]
        editor = original(self, meeting_id)
        opened.append(editor)
        return editor

    NetworkActivityTab.open_meeting = spy  # type: ignore[method-assign]
    try:
        item = panel.steps.list.item(0)
        panel.steps.list.itemActivated.emit(item)
    finally:
        NetworkActivityTab.open_meeting = original  # type: ignore[method-assign]
    action = item.data(Qt.ItemDataRole.UserRole)
    networks = window.current_view()
    assert networks.key == "netvaerk" and networks.page is not None
    assert networks.page.network_id == action.network_id
    assert len(opened) == 1 and opened[0].meeting_id == action.record_id
    assert opened[0].isVisible()
    opened[0].reject()

    # A quiet network opens its page; a waiting application opens the application tab.
    window.show_view("overblik")
    panel.quiet.list.itemActivated.emit(panel.quiet.list.item(0))
    assert window.current_view().page.network_id == candidate
    window.show_view("overblik")
    panel.decisions.list.itemActivated.emit(panel.decisions.list.item(0))
    page = window.current_view().page
    assert page.network_id == ids["network:1"]
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Ansøgning"
    assert panel.decisions.list.item(0).data(Qt.ItemDataRole.UserRole).record_id == app_id


def test_an_empty_profile_explains_the_three_first_steps(qtbot, store) -> None:
    window = _window(qtbot, store)
    view = _overview(qtbot, window)
    assert view.first_steps.isVisible() and not view.next_actions.isVisible()
    assert set(view.first_steps.buttons) == {"virksomheder", "netvaerk", "synkronisering"}
    qtbot.mouseClick(view.first_steps.buttons["netvaerk"], Qt.MouseButton.LeftButton)
    assert window.current_view().key == "netvaerk"
    # once there is a company, the next actions replace the welcome
    from tests.meetings_support import make_network

    make_network(store)
    window.show_view("overblik")
    view = _overview(qtbot, window)
    assert not view.first_steps.isVisible() and view.next_actions.isVisible()


def test_the_query_reads_from_the_store_with_a_given_clock(store) -> None:
    ids = fill_demo(store)
    later = utcnow() + dt.timedelta(days=QUIET_AFTER_DAYS + 60)
    overview = load_next_actions(store, later)
    # 90 days on, every open network is quiet and every open step overdue
    assert {a.network_id for a in overview.actions.quiet} == {ids[f"network:{n}"] for n in (1, 2, 3)}
    assert overview.actions.steps and all(a.overdue for a in overview.actions.steps)
    assert overview.actions.meetings == []
    assert not overview.first_start


def test_meetings_read_one_at_a_time_still_give_planned_meetings_ahead_and_every_open_step(store) -> None:
    """The store keeps only planned meetings as facts (the rows are read one at a time, so a big
    profile's 38.000 meetings are not held at once): the lists are what the rules make of them."""
    from mægler_app.store.services import meetings
    from mægler_app.store.services.meetings import NextStep

    from .meetings_support import make_network

    net = make_network(store)
    now = utcnow()
    ahead = meetings.save_meeting(
        store, meetings.MeetingInput(net.network_id, now + dt.timedelta(days=2), planned=True)
    )
    meetings.save_meeting(store, meetings.MeetingInput(net.network_id, now + dt.timedelta(days=3)))
    held = meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            now - dt.timedelta(days=5),
            next_steps=[
                NextStep("Send tilbud", "Lene", now.date() + dt.timedelta(days=7)),
                NextStep("Book lokale", "Lene", now.date(), done=True),
            ],
        ),
    )
    actions = load_next_actions(store, now).actions
    assert [a.record_id for a in actions.meetings] == [ahead]  # the one not planned is no meeting ahead
    assert [(a.record_id, a.text) for a in actions.steps] == [(held, "Send tilbud")]
