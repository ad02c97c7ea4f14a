"""Issue 17 item 7: the board's cards, the companies table, the company editor's save button, what
cannot be changed looking so, and the budget bar's colours."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mægler_app.domain.rules import FACILITATION_FRAME_ORE, BudgetLevel, budget_level
from mægler_app.forms import bundled_registry
from mægler_app.store.demo import fill_demo
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import meetings
from mægler_app.store.services import screening as screening_svc
from mægler_app.ui import style
from mægler_app.ui.application.editor import ApplicationEditor
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import ScreeningWidget
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.meetings.network_tab import NetworkActivityTab

from . import forms_fixtures, meetings_support
from .application_support import type_complete_draft

TODAY = dt.date.today()


@pytest.fixture
def styled():  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    before = app.styleSheet()  # type: ignore[union-attr]
    app.setStyleSheet(style.STYLE)  # type: ignore[union-attr]
    yield
    app.setStyleSheet(before)  # type: ignore[union-attr]


def _window(qtbot, store, width: int = 1200, height: int = 760) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def _settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.pool.waitForDone(5000)
    for _ in range(4):
        qtbot.wait(30)
        QApplication.processEvents()


def _background(widget: QWidget) -> str:
    """The colour of a field's empty inside, right of any text."""
    image = widget.grab().toImage()
    return image.pixelColor(widget.width() - 8, widget.height() // 2).name()


@pytest.mark.parametrize("width", [1200, 1920])
def test_board_cards_break_names_at_spaces_and_keep_them_whole(qtbot, store, styled, width: int) -> None:
    fill_demo(store)
    window = _window(qtbot, store, width, 760 if width == 1200 else 1080)
    view = window.show_view("netvaerk")
    _settle(qtbot, window)
    cards = 0
    for column in view.columns.values():  # type: ignore[attr-defined]
        metrics = QFontMetrics(column.list.font())
        for i in range(column.list.count()):
            item = column.list.item(i)
            name = item.toolTip().split(" · ")[0]
            room = column.text_width(item)
            lines = item.text().split("\n")
            cards += 1
            for line in lines:
                assert metrics.horizontalAdvance(line) <= room, (line, room)
            shown = " ".join(lines).split()
            words = name.split()
            for n, word in enumerate(shown):
                # every word shown is whole, or cut with "…" (and the whole name is the tooltip)
                assert word == words[n] or (word.endswith("…") and words[n].startswith(word[:-1])), word
    assert cards == 3


def test_companies_table_fits_without_scrolling_sideways(qtbot, store, styled) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    _settle(qtbot, window)
    table = view.table  # type: ignore[attr-defined]
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert len(shown) >= 4
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    # the name column is elided in a narrow table, so its full text is the tooltip
    index = view.proxy.index(0, 0)  # type: ignore[attr-defined]
    tooltip = view.proxy.data(index, Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]
    assert tooltip.split("\n")[0] == view.proxy.data(index)  # type: ignore[attr-defined]
    # wide enough, every column shows
    window.resize(1920, 1080)
    _settle(qtbot, window)
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert not table.horizontalScrollBar().isVisible()


def test_save_company_is_in_sight_without_scrolling(qtbot, store, styled) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    _settle(qtbot, window)
    button = view.editor.save_button  # type: ignore[attr-defined]
    assert button.isVisible()
    top_left = button.mapTo(window, QPoint(0, 0))
    bottom_right = button.mapTo(window, QPoint(button.width(), button.height()))
    assert window.rect().contains(top_left) and window.rect().contains(bottom_right)
    # nothing scrolls it away: it is not inside the editor's scroll area
    scroll = window.findChild(QWidget, "companyEditorScroll")
    assert scroll is not None and not scroll.isAncestorOf(button)


def test_a_finished_screening_looks_read_only(qtbot, store, styled) -> None:
    nid, _, _ = forms_fixtures.make_network(store)
    view = screening_svc.start_screening(store, nid)
    answers = forms_fixtures.complete_answers(
        bundled_registry().get("screening", 1), screening_svc.form_context(store, nid), view.answers
    )
    screening_svc.finalize_screening(store, screening_svc.save_answers(store, view.id, answers).id)
    w = ScreeningWidget(AppContext(store=store), nid, open_pdf=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.renderer is not None and w.renderer.is_read_only()
    box = w.renderer.row("next_steps").editor.box
    assert box.isReadOnly()
    assert _background(box.viewport()) == style.READ_ONLY_BACKGROUND
    assert _background(box.viewport()) != QColor("white").name()


def test_a_submitted_application_looks_read_only(qtbot, store, styled, monkeypatch) -> None:
    ids = fill_demo(store)
    application_id = app_svc.create_application(store, ids["network:1"])
    ed = ApplicationEditor(AppContext(store=store), application_id)
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    qtbot.waitExposed(ed)
    assert _background(ed.consultant_name) == QColor("white").name()  # a draft is typed in
    type_complete_draft(ed)

    def indsend(box: QMessageBox, *_a: object) -> int:
        (button,) = [b for b in box.buttons() if b.text() == "Indsend"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", indsend)
    qtbot.mouseClick(ed.submit_button, Qt.MouseButton.LeftButton)
    assert ed.consultant_name.isReadOnly()
    assert _background(ed.consultant_name) == style.READ_ONLY_BACKGROUND
    assert _background(ed.texts["market_perspective"].viewport()) == style.READ_ONLY_BACKGROUND


@pytest.mark.parametrize(
    ("used_permille", "level"),
    [(799, BudgetLevel.OK), (800, BudgetLevel.WARN), (1000, BudgetLevel.WARN), (1001, BudgetLevel.OVER)],
)
def test_the_budget_bar_is_amber_from_80_percent_and_red_over_the_frame(
    qtbot, store, styled, used_permille: int, level: BudgetLevel
) -> None:
    net = meetings_support.make_network(store, opened_on=TODAY - dt.timedelta(days=60))
    used = FACILITATION_FRAME_ORE * used_permille // 1000
    assert budget_level(used, FACILITATION_FRAME_ORE) == level
    meetings.save_meeting(  # a planned meeting's estimate counts as used
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(9), dt.UTC),
            planned=True,
            estimated_cost_ore=used,
        ),
    )
    tab = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    bar = tab.budget.bar
    fill = bar.grab().toImage().pixelColor(4, bar.height() // 2).name()
    assert fill == style.BUDGET_BAR_COLOURS[level.value], (fill, level)
