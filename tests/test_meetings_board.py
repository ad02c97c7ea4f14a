"""Meetings and the board (issue 20, item 6): a new meeting starts at the last quarter hour and a
meeting logged after it was held is not planned; the timeline keeps time order within a day; a
card dragged to another column asks to move the network there, and the stage rules decide."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from mægler_app.domain.meetings import default_start, shown_as_planned, suggest_planned
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Expense, Meeting, Network
from mægler_app.store.services import meetings as meeting_svc
from mægler_app.store.services import networks as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.meetings.meeting_editor import MeetingEditor, from_qdatetime, to_qdatetime
from mægler_app.ui.networks.view import NetworksView
from tests.meetings_support import make_network


def test_the_rules_of_a_new_meetings_time_and_status() -> None:
    now = dt.datetime(2026, 12, 7, 14, 37, 22, 500, tzinfo=dt.UTC)
    assert default_start(now) == dt.datetime(2026, 12, 7, 14, 30, tzinfo=dt.UTC)
    assert default_start(now.replace(minute=15, second=0, microsecond=0)).minute == 15
    assert not suggest_planned(default_start(now), now)
    assert suggest_planned(now + dt.timedelta(hours=2), now)
    assert shown_as_planned(False, now + dt.timedelta(minutes=1), now)
    assert not shown_as_planned(False, now - dt.timedelta(minutes=1), now)
    assert shown_as_planned(True, now - dt.timedelta(days=1), now)


def test_a_meeting_logged_after_it_was_held_is_not_planned(qtbot, store) -> None:
    net = make_network(store)
    editor = MeetingEditor(AppContext(store=store), net.network_id)
    qtbot.addWidget(editor)
    when = from_qdatetime(editor.when.dateTime())
    now = utcnow()
    assert when <= now and now - when < dt.timedelta(minutes=15) and when.minute % 15 == 0
    assert not editor.planned.isChecked()
    qtbot.keyClicks(editor.place, "Hos Brande Stål")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        (meeting,) = s.scalars(select(Meeting)).all()
        assert meeting.planned is False
    kinds = [e.kind for e in svc.timeline(store, net.network_id) if e.kind in ("meeting", "planned")]
    assert kinds == ["meeting"]

    # a new meeting set for next week is planned, unless the broker unticks it
    ahead = MeetingEditor(AppContext(store=store), net.network_id)
    qtbot.addWidget(ahead)
    ahead.when.setDateTime(to_qdatetime(now + dt.timedelta(days=7)))
    assert ahead.planned.isChecked()
    qtbot.mouseClick(ahead.planned, Qt.MouseButton.LeftButton, pos=QPoint(8, ahead.planned.height() // 2))
    ahead.when.setDateTime(to_qdatetime(now + dt.timedelta(days=8)))
    assert not ahead.planned.isChecked()  # the broker's choice stands


def test_the_timeline_keeps_time_order_within_a_day(store) -> None:
    net = make_network(store)
    day = utcnow().astimezone().date() - dt.timedelta(days=3)
    morning = dt.datetime.combine(day, dt.time(9, 0)).astimezone().astimezone(dt.UTC)
    meeting_id = meeting_svc.save_meeting(
        store, meeting_svc.MeetingInput(network_id=net.network_id, starts_at=morning, agenda="Morgenmøde")
    )
    with store.session() as s:
        s.add(Expense(network_id=net.network_id, meeting_id=meeting_id, spent_on=day, amount_ore=12_000,
                      description="Kaffe til mødet"))  # fmt: skip
    entries = svc.timeline(store, net.network_id)
    texts = [e.text for e in entries]
    # newest first: the expense of that day comes after the morning's meeting, so it is above it
    assert texts.index("120,00 kr. – Kaffe til mødet") < texts.index("Morgenmøde")
    expense = next(e for e in entries if e.kind == "expense")
    assert expense.when.astimezone().date() == day  # still shown on its own day
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)


def _answer(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox, *_a: object) -> int:
        asked.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == answer]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _drop(view: NetworksView, network_id: str, source: str, target: str) -> None:
    """A card of column ``source`` dropped on column ``target`` (as Qt's drag delivers it)."""
    src = view.columns[source].list  # type: ignore[index]
    item = next(
        src.item(i) for i in range(src.count()) if src.item(i).data(Qt.ItemDataRole.UserRole) == network_id
    )
    mime = src.mimeData([item])
    dst = view.columns[target].list  # type: ignore[index]
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    dst.dropEvent(event)


def _view(qtbot, store) -> NetworksView:  # type: ignore[no-untyped-def]
    view = NetworksView(AppContext(store=store))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    view.reload()
    return view


def test_a_dragged_card_asks_and_the_stage_rules_decide(qtbot, store, monkeypatch) -> None:
    from mægler_app.domain.stages import Stage

    ids = fill_demo(store)
    candidate = ids["network:3"]
    view = _view(qtbot, store)
    assert view.columns[Stage.CANDIDATE].list.dragEnabled()

    # »Annullér«: nothing moves
    asked = _answer(monkeypatch, "Annullér")
    _drop(view, candidate, Stage.CANDIDATE, Stage.SCREENED)
    assert len(asked) == 1 and "til »Screenet«" in asked[0]
    with store.session() as s:
        assert s.get(Network, candidate).stage == "candidate"

    # »Flyt« on a candidate without a finished screening: refused, with the rule's reason
    asked = _answer(monkeypatch, "Flyt")
    _drop(view, candidate, Stage.CANDIDATE, Stage.SCREENED)
    assert view.board_message.isVisible()
    assert "kan ikke flyttes til »Screenet«" in view.board_message.text()
    assert "screening" in view.board_message.text().lower()
    with store.session() as s:
        assert s.get(Network, candidate).stage == "candidate"

    # a move the rules allow (a screened network whose screening did not pass, back to candidate)
    net = make_network(store, name="Tilbage til kandidat", seed=3)
    with store.session() as s:
        s.get(Network, net.network_id).stage = "screened"
    view.reload()
    _drop(view, net.network_id, Stage.SCREENED, Stage.CANDIDATE)
    assert not view.board_message.isVisible()
    with store.session() as s:
        assert s.get(Network, net.network_id).stage == "candidate"
    view.reload()
    assert net.network_id in view.columns[Stage.CANDIDATE].ids()
