"""The Ansøgninger view (Ctrl+5): the broker's own page, the list, starting and opening applications."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mægler_app.domain.changes import Changes
from mægler_app.domain.numbers import format_kr
from mægler_app.domain.rules import BROKER_BONUS_ORE
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.services import applications as svc
from mægler_app.ui.application.network_tab import ApplicationTab
from mægler_app.ui.application.view import ApplicationsView
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.network_tabs import NETWORK_TABS, make_tab

from .test_application_service import _complete


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _approved(store, network_id: str) -> str:
    app_id = svc.create_application(store, network_id)
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    svc.submit(store, app_id)
    svc.apply_decision(store, app_id, "approved", "", utcnow())
    return app_id


def test_ctrl5_opens_the_view_with_the_brokers_page(qtbot, store) -> None:
    ids = fill_demo(store)
    _approved(store, ids["network:1"])
    window = _window(qtbot, store)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.nav, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_view().key == "ansoegninger", timeout=2000)
    view = window.current_view()
    assert isinstance(view, ApplicationsView)
    assert view.broker.earned.value.text() == format_kr(BROKER_BONUS_ORE)
    assert view.broker.expected.value.text() == format_kr(0)
    assert view.broker.target.value.text() == "2 / 12–19"
    assert view.broker.target.note.text() == "Mål: 12–19 pr. mægler; der mangler 10."
    assert view.broker.stage_values["stage_2"].text() == "1"
    assert view.model.rowCount() == 1
    assert view.model.index(0, 2).data() == "Bevilget"


def test_start_an_application_from_the_view_and_come_back(qtbot, store) -> None:
    ids = fill_demo(store)
    window = _window(qtbot, store)
    view = window.show_view("ansoegninger")
    assert isinstance(view, ApplicationsView)
    names = [view.new_network.itemText(i) for i in range(view.new_network.count())]
    assert "Fødevareudstyr til Rusland (joint venture)" in names
    assert "Ukraine-sourcing med Horsens Maskinfabrik (Kandidat)" in names
    view.new_network.setCurrentIndex(view.new_network.findData(ids["network:2"]))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 1
    assert "Fødevareudstyr" in view.editor.title.text()
    assert view.editor.split_model.rowCount() == 4  # the network's four companies, prefilled
    qtbot.keyClicks(view.editor.hours, "250")
    qtbot.mouseClick(
        view.pages.widget(1).findChild(type(view.new_button), "backToList"), Qt.MouseButton.LeftButton
    )
    assert view.pages.currentIndex() == 0
    assert view.model.rowCount() == 1
    assert view.model.index(0, 3).data() == "250"  # leaving the editor saved the draft
    assert view.new_network.findData(ids["network:2"]) == -1
    assert view.broker.expected.note.text().endswith("1 i kladde")


def test_double_click_opens_the_editor(qtbot, store) -> None:
    ids = fill_demo(store)
    app_id = svc.create_application(store, ids["network:1"])
    window = _window(qtbot, store)
    view = window.show_view("ansoegninger")
    assert isinstance(view, ApplicationsView)
    index = view.proxy.index(0, 0)
    rect = view.table.visualRect(index)
    # QTest's double click alone is no double click to a view: a press/release must come first
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.pages.currentIndex() == 1 and view.editor.application_id == app_id


def test_list_models_pass_qtmodeltester(qtmodeltester, qtbot, store) -> None:
    ids = fill_demo(store)
    _approved(store, ids["network:1"])
    svc.create_application(store, ids["network:2"])
    window = _window(qtbot, store)
    view = window.show_view("ansoegninger")
    assert isinstance(view, ApplicationsView)
    assert view.model.rowCount() == 2
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    qtbot.keyClicks(view.filter, "rusland")
    assert view.proxy.rowCount() == 1


def test_network_tab_starts_and_shows_the_application(qtbot, store) -> None:
    ids = fill_demo(store)
    ctx = AppContext(store=store)
    spec = dict(NETWORK_TABS)["Ansøgning"]
    tab = make_tab(spec, ctx, ids["network:3"])
    assert isinstance(tab, ApplicationTab)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.pages.currentIndex() == 0
    assert "trin 1 med en bestået screening" in tab.intro.text()
    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    assert tab.pages.currentIndex() == 1 and tab.editor.application_id is not None
    assert not tab.editor.submit_button.isEnabled()


def test_network_tab_after_a_rejection_shows_history(qtbot, store) -> None:
    ids = fill_demo(store)
    app_id = svc.create_application(store, ids["network:1"])
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    svc.submit(store, app_id)
    svc.apply_decision(store, app_id, "rejected", "For tyndt.", utcnow())
    tab = ApplicationTab(AppContext(store=store), ids["network:1"])
    qtbot.addWidget(tab)
    tab.show()
    assert tab.editor.status.text() == "Afslået"
    with qtbot.waitSignal(tab.editor.revision_started):
        qtbot.mouseClick(tab.editor.revision_button, Qt.MouseButton.LeftButton)
    assert "(version 2)" in tab.editor.title.text()
    assert tab.history.isVisible() and "version 1: afslået" in tab.history.text()


def test_a_decision_arriving_while_the_editor_is_open_shows(qtbot, store) -> None:
    ids = fill_demo(store)
    app_id = svc.create_application(store, ids["network:1"])
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    svc.submit(store, app_id)
    window = _window(qtbot, store)
    view = window.show_view("ansoegninger")
    assert isinstance(view, ApplicationsView)
    view.open_application(app_id)
    assert view.editor.status.text() == "Indsendt – afventer afsendelse"
    svc.apply_decision(store, app_id, "approved", "God plan.", utcnow())
    window.ctx.bus.changed.emit(Changes.of("application"))  # what the sync does after a pull
    assert view.editor.status.text() == "Bevilget"
    assert view.editor.action_plan.isVisible()
    assert view.broker.earned.value.text() == format_kr(BROKER_BONUS_ORE)
