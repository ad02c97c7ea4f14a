"""Text typed into a table cell that cannot be read stays as typed, with the reason beside the table.

Nothing is saved silently wrong: the application names the unreadable figure when it saves (and it
blocks submission); a meeting is not saved until its deadline can be read.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableView

from mægler_app.domain.numbers import parse_kr
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Application, Meeting
from mægler_app.store.services import applications as app_svc
from mægler_app.ui.application.editor import ApplicationEditor
from mægler_app.ui.context import AppContext
from mægler_app.ui.meetings.meeting_editor import MeetingEditor
from mægler_app.ui.meetings.models import NextStepsModel

from . import meetings_support


def _type_cell(qtbot, table: QTableView, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the cell's editor as a person would, type, press Enter."""
    index = table.model().index(row, column)
    if table.state() != QAbstractItemView.State.EditingState or table.currentIndex() != index:
        table.setCurrentIndex(index)
        table.edit(index)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in table.viewport().findChildren(QLineEdit)))
    (line,) = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any(w.isVisible() for w in table.viewport().findChildren(QLineEdit)))
    QApplication.processEvents()


def _reopened_text(qtbot, table: QTableView, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    """What the cell's editor shows when the broker opens the cell again."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in table.viewport().findChildren(QLineEdit)))
    (line,) = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    text = line.text()
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    return text


@pytest.fixture
def editor(qtbot, store) -> ApplicationEditor:  # type: ignore[no-untyped-def]
    ids = fill_demo(store)
    ed = ApplicationEditor(AppContext(store=store), app_svc.create_application(store, ids["network:1"]))
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _stored_growth(store, application_id: str) -> dict:  # type: ignore[no-untyped-def]
    with store.session() as s:
        app = s.get(Application, application_id)
        assert app is not None
        return dict(app.expected_growth or {})


def test_an_unreadable_growth_figure_is_kept_and_explained_beside_the_table(qtbot, editor, store) -> None:
    m = editor.growth_model
    cell = m.index_for(0, "turnover", "abs")
    company_id = m.row_id(cell)
    company = m.index(cell.row(), m.COL_COMPANY).data()
    _type_cell(qtbot, editor.growth, cell.row(), cell.column(), "2.500.000")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert _stored_growth(store, editor.application_id)[company_id]["turnover_ore"] == parse_kr("2.500.000")

    _type_cell(qtbot, editor.growth, cell.row(), cell.column(), "mange penge")
    # The cell keeps what was typed, and says so beside the table, naming the company.
    assert m.index_for(0, "turnover", "abs").data() == "mange penge"
    assert _reopened_text(qtbot, editor.growth, cell.row(), cell.column()) == "mange penge"
    assert editor.growth_problem.isVisible()
    assert "mange penge" in editor.growth_problem.text() and company in editor.growth_problem.text()
    assert "ikke et beløb" in editor.growth_problem.text()
    # Typing elsewhere does not wipe the message.
    qtbot.keyClicks(editor.texts["market_perspective"], "Nye kunder")
    assert editor.growth_problem.isVisible() and "mange penge" in editor.growth_problem.text()
    # Said once: the list of what stops submission points at the block, it does not repeat the reason.
    assert not editor.submit_button.isEnabled() and "»Økonomiske perspektiver«" in editor.blockers.text()
    assert "mange penge" not in editor.blockers.text()

    # Saving names the figure it could not read and does not keep the old one as if nothing happened.
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "kunne ikke læses" in editor.message.text() and "mange penge" not in editor.message.text()
    assert "mange penge" in editor.growth_problem.text()
    assert _stored_growth(store, editor.application_id)[company_id].get("turnover_ore") is None
    assert m.index_for(0, "turnover", "abs").data() == "mange penge"  # still there after the save

    _type_cell(qtbot, editor.growth, cell.row(), cell.column(), "3.000.000")
    assert not editor.growth_problem.isVisible()
    assert m.index_for(0, "turnover", "abs").data() == "3.000.000,00 kr."
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert _stored_growth(store, editor.application_id)[company_id]["turnover_ore"] == parse_kr("3.000.000")


def test_an_unreadable_share_is_kept_and_explained(qtbot, editor) -> None:
    editor.split_custom.setChecked(True)
    _type_cell(qtbot, editor.split, 0, editor.split_model.COL_SHARE, "en tredjedel")
    assert editor.split_model.index(0, editor.split_model.COL_SHARE).data() == "en tredjedel"
    assert "ikke en procentsats" in editor.split_block.problem.text()
    qtbot.keyClicks(editor.texts["market_perspective"], "Nye kunder")  # a later check keeps it
    assert "en tredjedel" in editor.split_block.problem.text()
    assert not editor.submit_button.isEnabled()


def _meeting_editor(qtbot, store) -> tuple[MeetingEditor, str]:  # type: ignore[no-untyped-def]
    net = meetings_support.make_network(store)
    ed = MeetingEditor(AppContext(store=store), net.network_id)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed, net.network_id


def test_an_unreadable_deadline_is_kept_and_the_meeting_is_not_saved_with_it(qtbot, store) -> None:
    ed, _ = _meeting_editor(qtbot, store)
    qtbot.keyClicks(ed.agenda, "Strategi")
    qtbot.mouseClick(ed.add_step_button, Qt.MouseButton.LeftButton)
    _type_cell(qtbot, ed.steps, 0, NextStepsModel.COL_TEXT, "Ringe til DTU")
    _type_cell(qtbot, ed.steps, 0, NextStepsModel.COL_OWNER, "Mette Lund")
    _type_cell(qtbot, ed.steps, 0, NextStepsModel.COL_DUE, "32.13.2026")
    due = ed.steps_model.index(0, NextStepsModel.COL_DUE)
    assert due.data() == "32.13.2026"
    assert _reopened_text(qtbot, ed.steps, 0, NextStepsModel.COL_DUE) == "32.13.2026"
    # The reason stands right under the steps, in Danish.
    assert ed.steps_problem.isVisible() and "»32.13.2026« er ikke en dato" in ed.steps_problem.text()
    assert "Ringe til DTU" in ed.steps_problem.text()

    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.isVisible()  # refused: a deadline that cannot be read is not saved as no deadline
    # the reason stands under the steps, once: not again in the dialog's box
    assert "32.13.2026" in ed.steps_problem.text() and not ed.error.isVisible()
    assert ed.steps.hasFocus()
    assert ed.agenda.toPlainText() == "Strategi" and due.data() == "32.13.2026"
    with store.session() as s:
        assert s.query(Meeting).count() == 0

    _type_cell(qtbot, ed.steps, 0, NextStepsModel.COL_DUE, "1.5.2026")
    assert not ed.steps_problem.isVisible()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert not ed.isVisible()
    with store.session() as s:
        (meeting,) = s.query(Meeting).all()
        assert meeting.next_steps[0]["due"] == dt.date(2026, 5, 1).isoformat()


def test_removing_the_step_with_the_unreadable_deadline_lets_the_meeting_be_saved(qtbot, store) -> None:
    ed, _ = _meeting_editor(qtbot, store)
    ed.steps_model.add_step("Besoeg hos Alfa", "Jens Kragh", dt.date(2026, 5, 1))
    qtbot.mouseClick(ed.add_step_button, Qt.MouseButton.LeftButton)
    _type_cell(qtbot, ed.steps, 1, NextStepsModel.COL_TEXT, "Tilbud")
    _type_cell(qtbot, ed.steps, 1, NextStepsModel.COL_OWNER, "Mette Lund")
    _type_cell(qtbot, ed.steps, 1, NextStepsModel.COL_DUE, "snart")
    assert ed.steps_problem.isVisible()
    ed.steps.setCurrentIndex(ed.steps_model.index(1, NextStepsModel.COL_TEXT))
    qtbot.mouseClick(ed.remove_step_button, Qt.MouseButton.LeftButton)
    assert not ed.steps_problem.isVisible()
    assert ed.steps_model.index(0, NextStepsModel.COL_DUE).data() == "1. maj 2026"
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert not ed.isVisible()


def test_models_with_unreadable_cells_pass_qtmodeltester(qtmodeltester, qtbot, editor) -> None:
    growth = editor.growth_model
    cell = growth.index_for(1, "employment", "abs")
    assert growth.setData(cell, "tre")
    assert cell.data() == "tre" and "tre" in cell.data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(growth)
    steps = NextStepsModel()
    steps.add_step("Ringe til DTU", "Mette Lund")
    assert steps.setData(steps.index(0, NextStepsModel.COL_DUE), "i morgen")
    qtmodeltester.check(steps)
    steps.remove_step(0)
    assert steps.fault_messages() == []
    qtmodeltester.check(steps)
