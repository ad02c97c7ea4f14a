"""The application editor driven with qtbot: each rule at its edges, the freeze, decisions, PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTableView
from sqlalchemy import select

from mægler_app.domain.numbers import format_kr, parse_kr
from mægler_app.domain.rules import BROKER_BONUS_ORE, CONSULTANT_HOURS_MIN
from mægler_app.domain.stages import Stage
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import ActionPlan, Application, Network
from mægler_app.store.services import applications as svc
from mægler_app.ui.application import editor as editor_module
from mægler_app.ui.application.editor import ApplicationEditor
from mægler_app.ui.context import AppContext


@pytest.fixture
def demo(store) -> dict[str, str]:
    return fill_demo(store)


@pytest.fixture
def ctx(store) -> AppContext:
    return AppContext(store=store)


def _editor(qtbot, ctx, app_id: str) -> ApplicationEditor:
    ed = ApplicationEditor(ctx, app_id)
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


@pytest.fixture
def editor(qtbot, ctx, store, demo) -> ApplicationEditor:
    return _editor(qtbot, ctx, svc.create_application(store, demo["network:1"]))


@pytest.fixture
def yes_to_submit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer »Indsend« when the editor asks before submitting."""

    def exec_(box: QMessageBox, *_args: object) -> int:
        (button,) = [b for b in box.buttons() if b.text() == "Indsend"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def _type_cell(qtbot, table: QTableView, row: int, column: int, text: str) -> None:
    """Edit a cell as a person would: open its editor, type, press Enter."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    # an editor closed a moment ago may linger until deleted; the open one is the visible one
    open_editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(open_editors) == 1, "the cell did not open for editing"
    cell = open_editors[0]
    cell.selectAll()
    qtbot.keyClicks(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()


def _click(qtbot, editor: ApplicationEditor, widget, pos: QPoint | None = None) -> None:
    """Scroll the widget into view first: a click lands on whatever is shown at that spot."""
    editor.scroll_area.ensureWidgetVisible(widget)
    QApplication.processEvents()
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def _fill(qtbot, ed: ApplicationEditor, hours: str = "300", months: str = "6") -> None:
    for key, text in {
        "market_perspective": "Nye kunder i offshore og eksport til Tyskland.",
        "economic_perspective": "Omsætningen ventes at stige med 12 % om året.",
        "technology_perspective": "Fælles moduler med indbygget styring.",
        "strategy_perspective": "Ledelsesudvikling og et fælles udviklingsprojekt.",
    }.items():
        ed.texts[key].setFocus()
        qtbot.keyClicks(ed.texts[key], text)
    _type(qtbot, ed.consultant_name, "Karen Møller")
    _type(qtbot, ed.consultant_firm, "Møller Strategi ApS")
    _type(qtbot, ed.hours, hours)
    _type(qtbot, ed.months, months)
    _type(qtbot, ed.rate, "950,00")


@pytest.mark.parametrize(("hours", "ok"), [("199", False), ("200", True), ("450", True), ("451", False)])
def test_hours_are_checked_as_typed(qtbot, editor, hours, ok) -> None:
    _fill(qtbot, editor, hours=hours)
    assert editor.hours_block.problem.isVisible() is not ok
    if not ok:
        assert "mellem 200 og 450" in editor.hours_block.problem.text()
        assert hours in editor.hours_block.problem.text()
    assert editor.submit_button.isEnabled() is ok


@pytest.mark.parametrize(("months", "ok"), [("2", False), ("3", True), ("12", True), ("13", False)])
def test_months_are_checked_as_typed(qtbot, editor, months, ok) -> None:
    _fill(qtbot, editor, months=months)
    assert editor.months_block.problem.isVisible() is not ok
    if not ok:
        assert "mellem 3 og 12 måneder" in editor.months_block.problem.text()
    assert editor.submit_button.isEnabled() is ok


def test_budget_and_custom_split_99_and_100_percent(qtbot, editor, store) -> None:
    _fill(qtbot, editor)
    assert editor.total.text() == "285.000,00 kr."
    assert editor.company_share.text() == "142.500,00 kr."
    amounts = [editor.split_model.index(r, editor.split_model.COL_AMOUNT).data() for r in range(3)]
    assert sum(parse_kr(a) for a in amounts) == parse_kr("142.500,00")

    _click(qtbot, editor, editor.split_custom)
    assert editor.split_custom.isChecked()
    col = editor.split_model.COL_SHARE
    _type_cell(qtbot, editor.split, 0, col, "50")
    _type_cell(qtbot, editor.split, 1, col, "30")
    _type_cell(qtbot, editor.split, 2, col, "19")
    assert editor.split_block.problem.isVisible()
    assert "den giver 99 %" in editor.split_block.problem.text()
    assert not editor.submit_button.isEnabled()
    assert editor.split_model.index(0, editor.split_model.COL_AMOUNT).data() == ""

    _type_cell(qtbot, editor.split, 2, col, "20")
    assert not editor.split_block.problem.isVisible()
    assert editor.submit_button.isEnabled()
    shown = [editor.split_model.index(r, editor.split_model.COL_AMOUNT).data() for r in range(3)]
    assert shown == [
        format_kr(parse_kr("71.250,00")),
        format_kr(parse_kr("42.750,00")),
        format_kr(parse_kr("28.500,00")),
    ]

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        app = s.get(Application, editor.application_id)
        assert app is not None
        assert app.split_mode == "custom" and sorted(app.split_basis_points.values()) == [2000, 3000, 5000]
        assert app.consultant_hours == 300 and app.hourly_rate_ore == parse_kr("950,00")
        assert app.consultant_name == "Karen Møller"


def test_a_bad_share_is_explained_and_nothing_is_lost(qtbot, editor) -> None:
    _fill(qtbot, editor)
    _click(qtbot, editor, editor.split_custom)
    _type_cell(qtbot, editor.split, 0, editor.split_model.COL_SHARE, "abc")
    assert "ikke en procentsats" in editor.split_block.problem.text()
    assert editor.split_model.index(0, editor.split_model.COL_SHARE).data() == "abc"  # kept as typed


def test_unreadable_hours_are_named_and_the_rest_is_saved(qtbot, editor, store) -> None:
    _fill(qtbot, editor, hours="tre hundrede")
    assert "helt tal" in editor.hours_block.problem.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.hours.text() == "tre hundrede"  # what the broker typed stays in the field
    assert "kunne ikke læses" in editor.message.text()
    with store.session() as s:
        app = s.get(Application, editor.application_id)
        assert app is not None and app.consultant_hours is None and app.period_months == 6


def test_expected_growth_per_company(qtbot, editor, store) -> None:
    _fill(qtbot, editor)
    m = editor.growth_model
    for member, measure, kind, text in [
        (0, "turnover", "abs", "2.500.000"),
        (0, "turnover", "pct", "12,5"),
        (1, "employment", "abs", "3"),
    ]:
        cell = m.index_for(member, measure, kind)
        _click(qtbot, editor, editor.growth)
        _type_cell(qtbot, editor.growth, cell.row(), cell.column(), text)
    assert m.index_for(0, "turnover", "abs").data() == "2.500.000,00 kr."
    assert m.index_for(0, "turnover", "pct").data() == "12,5 %"
    assert m.index_for(1, "employment", "abs").data() == "3 personer"
    _type_cell(qtbot, editor.growth, m.index_for(2, "export", "pct").row(), m.COL_PCT, "mange")
    assert "ikke en procentsats" in editor.growth_problem.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        app = s.get(Application, editor.application_id)
        assert app is not None
        first = m.row_id(m.index_for(0, "turnover", "abs"))
        second = m.row_id(m.index_for(1, "turnover", "abs"))
        assert app.expected_growth[first] == {"turnover_ore": parse_kr("2.500.000"), "turnover_pct_bp": 1250}
        assert app.expected_growth[second] == {"employment": 3}


def test_submission_freezes_the_editor(qtbot, editor, store, demo, yes_to_submit) -> None:
    _fill(qtbot, editor)
    with qtbot.waitSignal(editor.submitted):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert editor.status.text() == "Indsendt – afventer afsendelse"
    assert "afventer afsendelse" in editor.message.text()
    assert editor.hours.isReadOnly() and editor.texts["market_perspective"].isReadOnly()
    assert not editor.save_button.isVisible() and not editor.submit_button.isVisible()
    assert not editor.split_custom.isEnabled()
    flags = editor.growth_model.flags(editor.growth_model.index(0, editor.growth_model.COL_ABS))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    qtbot.keyClicks(editor.hours, "9")
    assert editor.hours.text() == "300"
    with store.session() as s:
        app = s.get(Application, editor.application_id)
        network = s.get(Network, demo["network:1"])
        assert app is not None and app.status == "submitted" and app.submitted_at is not None
        assert network is not None and network.stage == Stage.APPLICATION


def test_submit_is_refused_for_a_candidate_network(qtbot, ctx, store, demo) -> None:
    ed = _editor(qtbot, ctx, svc.create_application(store, demo["network:3"]))
    _fill(qtbot, ed)
    assert not ed.submit_button.isEnabled()
    assert "Trin 1" in ed.blockers.text() and "screeningen" in ed.blockers.text()


def _submitted(qtbot, editor) -> str:
    _fill(qtbot, editor)
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert editor.application_id is not None
    return editor.application_id


def test_approval_arrives_then_checklist_and_stage_3(qtbot, editor, store, demo, yes_to_submit) -> None:
    app_id = _submitted(qtbot, editor)
    svc.apply_decision(store, app_id, "approved", "Velbegrundet.", utcnow())
    editor.load(app_id)
    assert editor.status.text() == "Bevilget"
    assert "Velbegrundet." in editor.decision.text() and format_kr(BROKER_BONUS_ORE) in editor.decision.text()
    panel = editor.action_plan
    assert panel.isVisible()
    assert panel.progress.text().startswith("0 af 14")
    for key in ("participants", "confidentiality"):
        box = panel.checks[key]
        # click on the box itself: a stretched check box only reacts on its indicator and label
        _click(qtbot, editor, box, QPoint(8, box.height() // 2))
    assert panel.progress.text().startswith("2 af 14")
    year = utcnow().year + 1
    _type(qtbot, panel.start, f"1.2.{year}")
    _type(qtbot, panel.end, f"31.7.{year}")
    _click(qtbot, editor, panel.save_button)
    with store.session() as s:
        plan = s.scalars(select(ActionPlan)).one()
        assert plan.elements["participants"] and plan.elements["confidentiality"]
        assert not plan.elements["liability"]
        assert plan.start_date == dt.date(year, 2, 1) and plan.end_date == dt.date(year, 7, 31)
        network = s.get(Network, demo["network:1"])
        assert network is not None and network.stage == Stage.STAGE_2

    _click(qtbot, editor, panel.stage_3_button)
    assert "forretningsnetværk" in panel.stage_3_problem.text()
    panel.stage_3_evidence.setFocus()
    qtbot.keyClicks(panel.stage_3_evidence, "Fælles ordre på 40 nacelle-rammer leveret i marts")
    with qtbot.waitSignal(panel.stage_3_marked):
        _click(qtbot, editor, panel.stage_3_button)
    assert "trin 3" in panel.stage_3_state.text()
    with store.session() as s:
        network = s.get(Network, demo["network:1"])
        assert network is not None and network.stage == Stage.STAGE_3
        assert network.stage_3_on == utcnow().date() and network.stage_3_evidence.startswith("Fælles ordre")


def test_rejection_then_a_new_revision(qtbot, editor, store, demo, yes_to_submit) -> None:
    app_id = _submitted(qtbot, editor)
    svc.apply_decision(store, app_id, "rejected", "Uddyb de økonomiske perspektiver.", utcnow())
    editor.load(app_id)
    assert editor.status.text() == "Afslået"
    assert editor.revision_button.isVisible() and not editor.action_plan.isVisible()
    with qtbot.waitSignal(editor.revision_started) as blocker:
        qtbot.mouseClick(editor.revision_button, Qt.MouseButton.LeftButton)
    new_id = blocker.args[0]
    assert editor.application_id == new_id and editor.status.text() == "Kladde"
    assert "(version 2)" in editor.title.text()
    assert not editor.hours.isReadOnly() and editor.hours.text() == "300"
    assert editor.submit_button.isEnabled()
    with store.session() as s:
        new = s.get(Application, new_id)
        assert new is not None and new.revision == 2 and new.previous_id == app_id
        network = s.get(Network, demo["network:1"])
        assert network is not None and network.stage == Stage.STAGE_1


def test_pdf_export_runs_in_a_worker_and_opens(qtbot, editor, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(editor_module, "open_document", opened.append)
    _fill(qtbot, editor)
    with qtbot.waitSignal(editor.pdf_exported, timeout=20000) as blocker:
        qtbot.mouseClick(editor.pdf_button, Qt.MouseButton.LeftButton)
    path = blocker.args[0]
    assert opened == [path]
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Karen Møller" in text and "300 timer" in text and "Brande Stålteknik ApS" in text
    assert editor.pdf_button.isEnabled()


def test_editor_models_pass_qtmodeltester(qtmodeltester, qtbot, editor) -> None:
    _fill(qtbot, editor)
    qtmodeltester.check(editor.growth_model)
    qtmodeltester.check(editor.split_model)
    _click(qtbot, editor, editor.split_custom)
    qtmodeltester.check(editor.split_model)


def test_minimum_hours_come_from_the_rules(qtbot, editor) -> None:
    assert str(CONSULTANT_HOURS_MIN) in editor.hours_block.explain.text()
