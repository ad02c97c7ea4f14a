"""Issue 17 item 8: an error is shown once, and it goes as soon as what it says is corrected.

A refused save says each problem in one place: at its field when the field has a message of its
own (the CVR number, an amount, a table), else in the editor's box, never in both. After that, every
edit asks again: a corrected problem leaves at once, the box hides when nothing is left.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from mægler_app.domain.numbers import parse_kr
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company, Contact
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import expenses as expense_svc
from mægler_app.ui.application.editor import ApplicationEditor
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import ScreeningWidget
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.meetings.expense_editor import ExpenseEditor
from mægler_app.ui.meetings.meeting_editor import MeetingEditor
from mægler_app.ui.meetings.models import NextStepsModel

from .forms_fixtures import complete_answers
from .forms_fixtures import make_network as make_screening_network
from .meetings_support import make_network


def _window(qtbot, store) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    qtbot.keyClicks(widget, text)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- the company editor ------------------------------------------------------------------------


def test_company_errors_leave_as_each_field_is_corrected(qtbot, store) -> None:
    ed = _window(qtbot, store).show_view("virksomheder").editor
    qtbot.keyClicks(ed.cvr, "13585628")
    qtbot.keyClicks(ed.employees, "femten")
    _click(qtbot, ed.save_button)
    assert ed.error.isVisible()
    assert "skal have et navn" in ed.error.text() and "femten" in ed.error.text()
    qtbot.keyClicks(ed.name, "Brande Stål ApS")
    # the name is there now: its message is gone at once, the employees' stays
    assert "skal have et navn" not in ed.error.text()
    assert ed.error.isVisible() and "femten" in ed.error.text()
    _retype(qtbot, ed.employees, "15")
    assert not ed.error.isVisible()
    _click(qtbot, ed.save_button)
    with store.session() as s:
        assert s.scalars(select(Company.employees).where(Company.name == "Brande Stål ApS")).one() == 15


def test_a_wrong_cvr_number_is_said_once_under_the_number(qtbot, store) -> None:
    ed = _window(qtbot, store).show_view("virksomheder").editor
    qtbot.keyClicks(ed.cvr, "13585629")
    qtbot.keyClicks(ed.name, "Fejl ApS")
    _click(qtbot, ed.save_button)
    assert ed.cvr_message.isVisible() and "kontrolcifferet" in ed.cvr_message.text()
    assert not ed.error.isVisible() and "kontrolcifferet" not in ed.error.text()
    _retype(qtbot, ed.cvr, "13585628")
    assert "kontrolcifferet" not in ed.cvr_message.text()


def test_an_empty_cvr_number_is_said_under_the_number(qtbot, store) -> None:
    ed = _window(qtbot, store).show_view("virksomheder").editor
    qtbot.keyClicks(ed.name, "Uden CVR ApS")
    _click(qtbot, ed.save_button)
    assert ed.cvr_message.isVisible() and ed.cvr_message.text()
    assert not ed.error.isVisible()


def test_a_contact_error_leaves_when_the_email_is_corrected(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _window(qtbot, store).show_view("virksomheder")
    view.select_company(ids["hammel"])
    ed = view.editor
    _click(qtbot, ed.new_contact)
    qtbot.keyClicks(ed.contact_name, "Ole")
    qtbot.keyClicks(ed.contact_email, "ole at firma")
    _click(qtbot, ed.save_contact_button)
    assert ed.contact_error.isVisible() and "ikke en e-mailadresse" in ed.contact_error.text()
    _retype(qtbot, ed.contact_email, "ole@firma.dk")
    assert not ed.contact_error.isVisible()
    _click(qtbot, ed.save_contact_button)
    with store.session() as s:
        assert s.scalars(select(Contact.email).where(Contact.name == "Ole")).one() == "ole@firma.dk"


# -- networks ----------------------------------------------------------------------------------


def test_network_name_error_leaves_when_a_name_is_typed(qtbot, store) -> None:
    page = _window(qtbot, store).show_view("netvaerk").new_network()
    _click(qtbot, page.form.save_button)
    assert page.form.error.isVisible() and "skal have et navn" in page.form.error.text()
    qtbot.keyClicks(page.form.name, "Vindkraft Vest")
    assert not page.form.error.isVisible()


def test_choose_a_company_first_leaves_when_the_broker_searches(qtbot, store) -> None:
    ids = fill_demo(store)
    panel = _window(qtbot, store).show_view("netvaerk").open_network(ids["network:3"]).members
    assert panel is not None
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Silkeborg Metal")
    _click(qtbot, panel.add_button)
    assert panel.error.isVisible()
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Hammel")
    assert not panel.error.isVisible()


# -- meetings and expenses ---------------------------------------------------------------------


def _meeting(qtbot, store) -> MeetingEditor:  # type: ignore[no-untyped-def]
    net = make_network(store)
    editor = MeetingEditor(AppContext(store=store), net.network_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_meeting_step_error_leaves_when_the_owner_is_given(qtbot, store) -> None:
    editor = _meeting(qtbot, store)
    _click(qtbot, editor.add_step_button)
    model = editor.steps_model
    model.setData(model.index(0, NextStepsModel.COL_TEXT), "Ringe til DTU")
    model.setData(model.index(0, NextStepsModel.COL_DUE), "1.5.2026")
    assert not editor.save()
    assert editor.error.isVisible() and "mangler en ansvarlig" in editor.error.text()
    model.setData(model.index(0, NextStepsModel.COL_OWNER), "Mette Lund")
    assert not editor.error.isVisible()
    assert editor.save()


def test_a_wrong_estimate_is_said_once_under_the_field(qtbot, store) -> None:
    editor = _meeting(qtbot, store)
    editor.planned.setChecked(True)
    qtbot.keyClicks(editor.estimate, "1.2oo")
    assert not editor.save()
    assert "»1.2oo«" in editor.estimate.message.text()
    assert not editor.error.isVisible() and "1.2oo" not in editor.error.text()
    _retype(qtbot, editor.estimate, "1.200")
    assert "»1.2oo«" not in editor.estimate.message.text()


def _expense(qtbot, store, network_id: str) -> ExpenseEditor:  # type: ignore[no-untyped-def]
    editor = ExpenseEditor(AppContext(store=store), network_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_a_wrong_amount_is_said_once_under_the_amount(qtbot, store) -> None:
    net = make_network(store)
    editor = _expense(qtbot, store, net.network_id)
    qtbot.keyClicks(editor.description, "Kaffe")
    qtbot.keyClicks(editor.amount, "abc")
    assert not editor.save()
    assert "»abc« er ikke et beløb" in editor.amount.message.text()
    assert not editor.error.isVisible() and "abc" not in editor.error.text()


def test_over_the_frame_message_leaves_when_a_reason_is_written(qtbot, store) -> None:
    net = make_network(store)
    expense_svc.save_expense(
        store,
        expense_svc.ExpenseInput(
            net.network_id, dt.date(2026, 3, 20), parse_kr("23.400,00"), "speaker", "Oplæg"
        ),
    )
    editor = _expense(qtbot, store, net.network_id)
    editor.date.setDate(dt.date(2026, 4, 2))
    qtbot.keyClicks(editor.description, "Lokale")
    qtbot.keyClicks(editor.amount, "2.800,00")
    assert editor.override_box.isVisible()
    assert not editor.save()
    assert editor.error.isVisible() and "begrundelse" in editor.error.text()
    qtbot.keyClicks(editor.override, "Aftalt med Væksthus")
    assert not editor.error.isVisible()


# -- the application and the screening ---------------------------------------------------------


def test_application_problems_are_said_once(qtbot, store) -> None:
    ids = fill_demo(store)
    editor = ApplicationEditor(AppContext(store=store), app_svc.create_application(store, ids["network:1"]))
    qtbot.addWidget(editor)
    editor.resize(1000, 800)
    editor.show()
    qtbot.keyClicks(editor.hours, "tre hundrede")
    reason = editor.hours_block.problem.text()
    assert "helt tal" in reason
    # the list of what stops submission names the block and does not repeat its reason
    assert "»Konsulenttimer«" in editor.blockers.text()
    assert reason not in editor.blockers.text()
    _click(qtbot, editor.save_button)
    assert "kunne ikke læses" in editor.message.text() and "tre hundrede" not in editor.message.text()
    _retype(qtbot, editor.hours, "300")
    assert not editor.hours_block.problem.isVisible()
    assert "»Konsulenttimer«" not in editor.blockers.text()


def test_screening_refusal_follows_the_answers(qtbot, store, monkeypatch) -> None:
    nid, _, _ = make_screening_network(store)
    widget = ScreeningWidget(store, nid, open_pdf=False)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    widget.start()
    renderer = widget.renderer
    answers = complete_answers(renderer.definition, renderer.context, renderer.answers())
    row = next(r for r in renderer.rows.values() if hasattr(r.editor, "buttons"))
    answers.pop(row.slot.question.id)
    renderer.set_answers(answers)
    _click(qtbot, widget.finalize_button)
    assert widget.message.isVisible() and "1 svar mangler" in widget.message.text()
    qtbot.keyClick(row.editor.buttons["yes"], Qt.Key.Key_J)
    assert not widget.message.isVisible()


def test_closing_message_follows_the_reason_and_text(qtbot, store) -> None:
    ids = fill_demo(store)
    page = _window(qtbot, store).show_view("netvaerk").open_network(ids["network:2"])
    _click(qtbot, page.close_toggle)
    _click(qtbot, page.close_button)
    assert "Vælg hvorfor" in page.close_error.text()
    page.close_reason.setCurrentIndex(page.close_reason.findData("companies_withdrew"))
    assert "Vælg hvorfor" not in page.close_error.text()  # the reason is chosen: that message is gone
    qtbot.keyClicks(page.close_text, "Viborg og Skive trak sig")
    assert not page.close_error.isVisible()


def test_login_message_leaves_when_the_fields_are_filled(qtbot, store) -> None:
    from mægler_app.ui.sync.login_dialog import LoginDialog

    dialog = LoginDialog(AppContext(store=store))
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.ok)
    assert dialog.error.isVisible() and "Udfyld" in dialog.error.text()
    qtbot.keyClicks(dialog.server, "https://maegler.example")
    qtbot.keyClicks(dialog.user, "karin")
    assert dialog.error.isVisible()  # the password is still missing
    qtbot.keyClicks(dialog.password, "hemmelig")
    assert not dialog.error.isVisible()
