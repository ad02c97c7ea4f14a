"""The satisfaction survey on screen (pytest-qt, offscreen): the network page's prompt after a pulled
decision, the dialog filled in by keyboard for three companies and saved to the store, the answers on
the members' tab and the company page, the prompt after closing, and the dialog at 1200×760."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from mægler_app.domain.changes import Changes
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Satisfaction
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import satisfaction as survey_svc
from mægler_app.ui import survey as survey_ui
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.networks.models import MembersModel
from mægler_app.ui.style import STYLE

from .layout_check import clipped
from .test_application_service import _complete


@pytest.fixture
def styled():  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    before = app.styleSheet()  # type: ignore[union-attr]
    app.setStyleSheet(STYLE)  # type: ignore[union-attr]
    yield
    app.setStyleSheet(before)  # type: ignore[union-attr]


def _approved(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = fill_demo(store)
    network_id = ids["network:1"]
    app_id = app_svc.create_application(store, network_id)
    app_svc.save_draft(store, app_id, _complete(app_svc.get_application(store, app_id).draft))
    app_svc.submit(store, app_id)
    app_svc.apply_decision(store, app_id, "approved", "", utcnow())  # as a pull brings it: trin 2
    return ids


def _window(qtbot, store):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def _page(qtbot, store, network_id: str):  # type: ignore[no-untyped-def]
    window = _window(qtbot, store)
    return window, window.show_view("netvaerk").open_network(network_id)


def test_the_dialog_records_three_companies_by_keyboard(qtbot, store) -> None:
    ids = _approved(store)
    window, page = _page(qtbot, store, ids["network:1"])
    assert page.survey_banner.isVisible()
    assert (
        page.survey_banner.text.text()
        == "Tilfredshedsmåling mangler for 3 virksomheder (trin 2: handlingsplan)."
    )
    qtbot.mouseClick(page.survey_banner.button, Qt.MouseButton.LeftButton)
    dialog = page.survey_dialog
    assert isinstance(dialog, survey_ui.SurveyDialog)
    qtbot.waitExposed(dialog)
    assert dialog.occasion.currentData() == "stage_2"
    assert [r.row.company for r in dialog.rows] == [
        "Brande Stålteknik ApS",
        "Herning Kontrolpaneler A/S",
        "Ikast Ingeniørhus ApS",
    ]
    # the first score has the focus; each row: score, who answered, date, comment, by Tab
    brande, panel, ingenioer = dialog.rows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is brande.score)
    qtbot.keyClicks(brande.score, "5")
    assert brande.score.currentData() == 5 and brande.score.currentText() == "5 – Meget tilfreds"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is brande.contact
    qtbot.keyClicks(brande.contact, "J")  # Jens Kragh
    assert brande.contact.currentData() == ids["contact:brande"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is brande.date
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is brande.comment
    qtbot.keyClicks(brande.comment, "Meget udbytterigt")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.score
    qtbot.keyClicks(panel.score, "4")
    ingenioer.score.setFocus()
    qtbot.keyClicks(ingenioer.score, "2")
    ingenioer.comment.setFocus()
    qtbot.keyClicks(ingenioer.comment, "For lidt tid")
    qtbot.keyClick(ingenioer.comment, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.session() as s:
        saved = {r.company_id: r for r in s.scalars(select(Satisfaction))}
    today = survey_svc.today()
    assert {k: (r.score, r.occasion, r.answered_on) for k, r in saved.items()} == {
        ids["brande"]: (5, "stage_2", today),
        ids["panel"]: (4, "stage_2", today),
        ids["ingenioer"]: (2, "stage_2", today),
    }
    assert saved[ids["brande"]].contact_id == ids["contact:brande"]
    assert saved[ids["brande"]].comment == "Meget udbytterigt" and saved[ids["panel"]].contact_id is None
    # the prompt is gone; the members' tab shows each one's latest answer
    assert not page.survey_banner.isVisible()
    members = page.members
    column = {
        members.model.row_at(r).company_id: members.model.index(r, MembersModel.SATISFACTION).data()
        for r in range(members.model.rowCount())
    }
    assert column[ids["brande"]] == "5/5 · trin 2"
    assert column[ids["ingenioer"]] == "2/5 · trin 2"
    tip = members.model.index(0, MembersModel.SATISFACTION).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("5 – Meget tilfreds · Trin 2: handlingsplan · ") and tip.endswith(" · Jens Kragh")
    # the company page: its answers across networks
    companies = window.show_view("virksomheder")
    companies.editor.load(ids["brande"])
    box = companies.editor.satisfaction_box
    assert len(box.lines) == 1 and box.lines[0].isVisibleTo(companies)
    shown = box.lines[0].text()
    assert "5 – Meget tilfreds · Trin 2: handlingsplan · " in shown and "Jens Kragh" in shown
    assert "Vindkraftleverandørerne Brande-Herning-Ikast – »Meget udbytterigt«" in shown
    assert box.summary.text() == "1 af 1 svar er tilfredse (4 eller 5)."


def test_a_refused_answer_is_marked_on_its_row_and_nothing_is_saved(qtbot, store) -> None:
    ids = _approved(store)
    _window_, page = _page(qtbot, store, ids["network:1"])
    dialog = page.open_survey(None)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    brande, panel, _ingenioer = dialog.rows
    brande.score.setCurrentIndex(brande.score.findData(4))
    panel.score.setCurrentIndex(panel.score.findData(3))
    panel.contact.addItem("Jens Kragh", ids["contact:brande"])  # someone else's contact, forced in
    panel.contact.setCurrentIndex(panel.contact.count() - 1)
    assert dialog.save() is None and dialog.isVisible()
    assert panel.error.isVisibleTo(dialog) and "kontaktperson i Herning Kontrolpaneler" in panel.error.text()
    assert not brande.error.isVisibleTo(dialog)
    assert "Intet er gemt" in dialog.error.text()
    with store.session() as s:
        assert s.scalars(select(Satisfaction)).all() == []
    # changing the occasion with typed answers is refused, nothing thrown away
    dialog.occasion.setCurrentIndex(dialog.occasion.findData("closed"))
    assert dialog.occasion.currentData() == "stage_2" and brande.score.currentData() == 4
    assert "før du skifter anledning" in dialog.error.text()


def test_closing_a_network_asks_for_the_closing_survey(qtbot, store) -> None:
    ids = fill_demo(store)
    _window_, page = _page(qtbot, store, ids["network:2"])
    assert not page.survey_banner.isVisible()  # trin 1: nothing due
    qtbot.mouseClick(page.close_toggle, Qt.MouseButton.LeftButton)
    page.close_reason.setCurrentIndex(page.close_reason.findData("companies_withdrew"))
    qtbot.keyClicks(page.close_text, "Viborg og Skive trak sig efter messen")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = page.survey_dialog
    assert isinstance(dialog, survey_ui.SurveyDialog) and dialog.isVisible()
    assert dialog.occasion.currentData() == "closed" and len(dialog.rows) == 4
    assert page.survey_banner.text.text() == "Tilfredshedsmåling mangler for 4 virksomheder (afslutning)."
    dialog.reject()  # later: the banner stays until they have answered
    qtbot.waitUntil(lambda: page.survey_dialog is None)
    assert page.survey_banner.isVisible()
    # any time from the members' tab, at the occasion due
    qtbot.mouseClick(page.members.survey_button, Qt.MouseButton.LeftButton)
    assert page.survey_dialog is not None and page.survey_dialog.occasion.currentData() == "closed"


def test_the_dialog_fits_1200_by_760_with_nothing_clipped(qtbot, store, styled) -> None:
    ids = _approved(store)
    _window_, page = _page(qtbot, store, ids["network:1"])
    dialog = survey_ui.SurveyDialog(page.ctx, ids["network:2"], "closed", page)  # four members
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(3):
        qtbot.wait(30)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1200 and hint.height() <= 760
    assert dialog.width() <= 1200 and dialog.height() <= 760
    assert clipped(dialog) == []
    dialog.reject()
    # the page with its prompt, and the members' tab with its new column and button
    page.members.reload()
    assert page.survey_banner.isVisible()
    assert clipped(page.window()) == []


def test_marking_trin_3_asks_for_the_trin_3_survey(qtbot, store) -> None:
    from mægler_app.store.services import action_plans

    ids = _approved(store)
    _window_, page = _page(qtbot, store, ids["network:1"])
    assert page.survey_dialog is None  # a pulled decision: the banner asks, no dialog pops up
    action_plans.mark_stage_3(store, ids["network:1"], "Fælles salgsselskab stiftet")
    page.ctx.bus.changed.emit(Changes.of("network"))  # as the action plan's tab says it
    qtbot.waitUntil(lambda: page.survey_dialog is not None)
    assert page.survey_dialog.occasion.currentData() == "stage_3"
    assert (
        page.survey_banner.text.text()
        == "Tilfredshedsmåling mangler for 3 virksomheder (trin 3: forretningsnetværk)."
    )


@pytest.mark.parametrize("answer", ["Cancel", "Save", "Discard"])
def test_escape_with_answers_typed_asks_first(qtbot, store, monkeypatch, answer: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    ids = _approved(store)
    _window_, page = _page(qtbot, store, ids["network:1"])
    dialog = page.open_survey(None)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rows[0].score)
    qtbot.keyClicks(dialog.rows[0].score, "4")
    qtbot.keyClick(dialog.rows[0].score, Qt.Key.Key_Escape)
    assert asked and "tilfredshedsmålingen" in asked[0]
    assert dialog.isVisible() == (answer == "Cancel")  # Annullér keeps the dialog and the answer
    with store.session() as s:
        scores = s.scalars(select(Satisfaction.score)).all()
    assert scores == ([4] if answer == "Save" else [])
