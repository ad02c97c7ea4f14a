"""What the broker is typing survives the screening's autosave and a sync's change notification.

The screening sits on a network's page; its autosave announces the change, the networks view
refreshes the page, and the page reloads its tabs. None of that may reset the field being typed in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from sqlalchemy import select

from mægler_app.domain.changes import Changes
from mægler_app.store.models import Membership, Screening
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import ScreeningWidget
from mægler_app.ui.main_window import MainWindow

from .forms_fixtures import make_network


def _page(qtbot, store, network_id: str):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("netvaerk")
    return window, view.open_network(network_id)


def _stored_answer(store, screening_id: str, question: str):  # type: ignore[no-untyped-def]
    with store.session() as s:
        return (s.get(Screening, screening_id).answers or {}).get(question)


def _start_typing(qtbot, page):  # type: ignore[no-untyped-def]
    widget = page.show_feature("Screening")
    assert isinstance(widget, ScreeningWidget)
    widget.start()
    renderer = widget.renderer
    assert renderer is not None
    row = renderer.row("next_steps")  # »Næste skridt i faciliteringen«, near the end of the form
    renderer.focus_path(row.slot.path)
    box = row.editor.box
    assert box is not None
    qtbot.waitUntil(box.hasFocus)
    scroll = renderer.scroll_area.verticalScrollBar()
    assert scroll.value() > 0  # the field is far down: a rebuilt form would be back at the top
    return widget, renderer, box, scroll


def _assert_untouched(widget, renderer, box, scroll, text: str, scrolled: int) -> None:  # type: ignore[no-untyped-def]
    assert widget.renderer is renderer  # the form was not rebuilt
    assert renderer.row("next_steps").editor.box is box
    assert box.hasFocus()
    assert box.toPlainText() == text
    assert box.textCursor().position() == len(text)
    assert scroll.value() == scrolled


def test_autosave_keeps_the_field_being_typed_in(qtbot, store) -> None:
    network_id, _, _ = make_network(store)
    _window, page = _page(qtbot, store, network_id)
    widget, renderer, box, scroll = _start_typing(qtbot, page)
    scrolled = scroll.value()

    qtbot.keyClicks(box, "Gensidige besoeg")
    # The autosave timer fires, saves, and announces the change (which refreshes the whole page).
    with qtbot.waitSignal(widget.saved, timeout=5000):
        pass
    qtbot.wait(50)  # let a deferred rebuild or deletion happen, if one was queued
    _assert_untouched(widget, renderer, box, scroll, "Gensidige besoeg", scrolled)

    qtbot.keyClicks(box, " hos alle tre virksomheder")
    whole = "Gensidige besoeg hos alle tre virksomheder"
    _assert_untouched(widget, renderer, box, scroll, whole, scrolled)
    with qtbot.waitSignal(widget.saved, timeout=5000):
        pass
    qtbot.waitUntil(lambda: _stored_answer(store, widget.view.id, "next_steps") == whole)
    _assert_untouched(widget, renderer, box, scroll, whole, scrolled)


def test_a_sync_notification_while_typing_keeps_the_field(qtbot, store) -> None:
    network_id, _, _ = make_network(store)
    window, page = _page(qtbot, store, network_id)
    widget, renderer, box, scroll = _start_typing(qtbot, page)
    scrolled = scroll.value()

    qtbot.keyClicks(box, "Besoeg hos Alfa")
    # A sync ends (its notification is "*") before the autosave timer has fired.
    window.ctx.bus.changed.emit(Changes.ALL)
    qtbot.wait(50)
    _assert_untouched(widget, renderer, box, scroll, "Besoeg hos Alfa", scrolled)
    assert _stored_answer(store, widget.view.id, "next_steps") == "Besoeg hos Alfa"  # flushed first

    qtbot.keyClicks(box, " og Beta")
    _assert_untouched(widget, renderer, box, scroll, "Besoeg hos Alfa og Beta", scrolled)
    widget.flush()
    assert _stored_answer(store, widget.view.id, "next_steps") == "Besoeg hos Alfa og Beta"


def test_a_change_from_elsewhere_reaches_the_other_fields_only(qtbot, store) -> None:
    """A pulled change to another answer is shown; the field being typed in keeps its text."""
    from mægler_app.store.services import screening as svc

    network_id, _, _ = make_network(store)
    window, page = _page(qtbot, store, network_id)
    widget, renderer, box, scroll = _start_typing(qtbot, page)
    scrolled = scroll.value()
    qtbot.keyClicks(box, "Gensidige besoeg")
    widget.flush()
    answers = dict(widget.renderer.answers())
    answers["broker_assessment"] = "Skrevet paa den anden computer"
    svc.save_answers(store, widget.view.id, answers)  # as a pull would store it
    window.ctx.bus.changed.emit(Changes.ALL)
    qtbot.wait(50)
    _assert_untouched(widget, renderer, box, scroll, "Gensidige besoeg", scrolled)
    other = renderer.row("broker_assessment").editor.box
    assert other.toPlainText() == "Skrevet paa den anden computer"
    assert widget.renderer.answers()["broker_assessment"] == "Skrevet paa den anden computer"


def test_a_sync_notification_keeps_the_cursor_in_the_network_particulars(qtbot, store) -> None:
    network_id, _, _ = make_network(store)
    window, page = _page(qtbot, store, network_id)
    page.tabs.setCurrentIndex(0)  # Stamdata
    box = page.form.core_task
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, " og service")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, " ")  # a space is not yet a change worth saving
    window.ctx.bus.changed.emit(Changes.ALL)
    qtbot.keyClicks(box, "til kunder")
    assert box.toPlainText() == "Fælles leverancer og service til kunder"
    assert box.textCursor().position() == len(box.toPlainText())


def test_a_sync_notification_keeps_the_member_goals_being_typed(qtbot, store) -> None:
    network_id, company_ids, _ = make_network(store)
    window, page = _page(qtbot, store, network_id)
    panel = page.members
    assert panel is not None
    panel.select_member(company_ids[1])
    panel.member_role.setCurrentIndex(panel.member_role.findData("lead"))
    qtbot.keyClicks(panel.member_goals, "Flere ordrer")
    window.ctx.bus.changed.emit(Changes.ALL)
    assert panel._selected() is not None and panel._selected().company_id == company_ids[1]
    assert panel.member_goals.text() == "Flere ordrer"
    assert panel.member_role.currentData() == "lead"
    qtbot.keyClicks(panel.member_goals, " i Norge")
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        m = s.scalars(
            select(Membership).where(
                Membership.network_id == network_id, Membership.company_id == company_ids[1]
            )
        ).one()
    assert (m.role, m.goals) == ("lead", "Flere ordrer i Norge")


def test_typing_that_could_not_be_saved_is_not_overwritten_by_a_refresh(qtbot, store, monkeypatch) -> None:
    from mægler_app.domain.errors import DomainError
    from mægler_app.store.services import screening as svc

    network_id, _, _ = make_network(store)
    window, page = _page(qtbot, store, network_id)
    widget, renderer, box, scroll = _start_typing(qtbot, page)

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DomainError("Disken er fuld.")

    monkeypatch.setattr(svc, "save_answers", refuse)
    qtbot.keyClicks(box, "Gensidige besoeg")
    window.ctx.bus.changed.emit(Changes.ALL)  # flushes (which fails), then follows the store
    assert "Disken er fuld." in widget.message.text()
    assert box.toPlainText() == "Gensidige besoeg"
    assert renderer.answers()["next_steps"] == "Gensidige besoeg"
