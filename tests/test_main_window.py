"""The main window: navigation, views from the store, status bar, remembered geometry."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from mægler_app.domain.changes import Changes
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company
from mægler_app.store.services.overview import set_state
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import NAV_KEY_ROLE, MainWindow
from mægler_app.ui.views import VIEWS


def _window(qtbot, store) -> MainWindow:
    ctx = AppContext(store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_navigation_shows_every_view(qtbot, store) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Overblik",
        "Virksomheder",
        "Netværk",
        "Møder og udgifter",
        "Ansøgninger",
        "Synkronisering",
    ]
    assert len(titles) == len([spec for spec in VIEWS if spec.shown_to("")])  # no caseworker views
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        assert window.stack.currentWidget() is window.current_view()


def test_demo_networks_are_listed(qtbot, store) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    view = window.show_view("netvaerk")
    names = {view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())}
    assert names == {
        "Vindkraftleverandørerne Brande-Herning-Ikast",
        "Fødevareudstyr til Rusland (joint venture)",
        "Ukraine-sourcing med Horsens Maskinfabrik",
    }


def test_keyboard_shortcut_switches_view(qtbot, store) -> None:
    window = _window(qtbot, store)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_view().key == "netvaerk", timeout=2000)
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_view().key == "virksomheder", timeout=2000)


def test_filter_as_you_type(qtbot, store) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    assert view.proxy.rowCount() == 10
    qtbot.keyClicks(view.filter, "skive")
    assert view.proxy.rowCount() == 1
    assert view.proxy.data(view.proxy.index(0, 0)) == "Skive Køleteknik ApS"


def test_status_bar_counts_pending_changes_and_follows_the_bus(qtbot, store) -> None:
    window = _window(qtbot, store)
    qtbot.waitUntil(lambda: window.status_pending.text().startswith("0 "), timeout=5000)
    assert "Lokal profil" in window.status_online.text()
    with store.session() as s:
        s.add(Company(cvr="13585628", name="Ny ApS"))
    # the counts are read in a worker: the GUI thread does not wait on the outbox
    with qtbot.waitSignal(window.status_updated, timeout=5000):
        window.ctx.bus.changed.emit(Changes.of("company"))
    assert window.status_pending.text().startswith("1 ")
    # the visible companies view refreshed itself too
    view = window.show_view("virksomheder")
    assert view.model.rowCount() == 1


def test_the_status_bar_counts_the_outbox_off_the_gui_thread_and_shows_the_newest(
    qtbot, store, monkeypatch
) -> None:
    """Counting a large outbox stalled the window (benchmarks/gui_stall_bench.py): a worker counts;
    changes announced while it counts are followed by one more count, so the newest state shows."""
    import threading

    from mægler_app.ui import main_window

    threads: list[bool] = []
    real = main_window.outbox_counts

    def counting(profile):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(profile)

    monkeypatch.setattr(main_window, "outbox_counts", counting)
    window = _window(qtbot, store)
    qtbot.waitUntil(lambda: window.status_pending.text().startswith("0 "), timeout=5000)
    with qtbot.waitSignal(window.status_updated, timeout=5000):
        for i in range(3):  # three changes in a row: the last one's count is shown
            with store.session() as s:
                s.add(Company(cvr=["13585628", "29403473", "10150817"][i], name=f"Ny {i} ApS"))
            window.ctx.bus.changed.emit(Changes.of("company"))
    assert window.status_pending.text().startswith("3 ")
    assert threads and not any(threads)
    assert len(threads) <= 1 + 3  # no count asked for twice while one runs


def test_the_status_bar_reads_its_counts_once_it_has_painted(qtbot, store, monkeypatch) -> None:
    """Read beside the first paint, the counts took the interpreter from it, and the count they
    came back with was written (with babel's data loaded for it) before it."""
    from mægler_app.ui import main_window

    reads: list[int] = []
    real = main_window.read_status
    monkeypatch.setattr(main_window, "read_status", lambda profile: reads.append(1) or real(profile))
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    qtbot.wait(100)
    assert reads == [] and window.status_pending.text() == ""
    window.show()
    qtbot.waitUntil(lambda: window.status_pending.text().startswith("0 "), timeout=5000)
    assert reads == [1]


def test_status_bar_shows_the_last_sync_in_danish_and_opens_the_sync_page(qtbot, store, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    try:
        set_state(store, "last_sync", "2026-11-29T13:05:00+00:00")
        window = _window(qtbot, store)
        with qtbot.waitSignal(window.status_updated, timeout=5000):
            window.update_status()
        # stored in UTC, shown on the computer's clock (an hour ahead in Danish winter)
        assert window.status_last.text() == "Sidst synkroniseret 29. november 2026 kl. 14.05"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    # both texts open the sync page (clicked while they show something: an empty label, laid out,
    # has no width to click)
    assert window.current_view().key == "overblik"
    assert window.status_pending.toolTip() == "Åbn Synkronisering (Ctrl+6)"
    qtbot.mouseClick(window.status_pending, Qt.MouseButton.LeftButton)
    assert window.current_view().key == "synkronisering"
    window.show_view("overblik")
    qtbot.mouseClick(window.status_last, Qt.MouseButton.LeftButton)
    assert window.current_view().key == "synkronisering"
    set_state(store, "last_sync", "ikke en dato")
    with qtbot.waitSignal(window.status_updated, timeout=5000):
        window.update_status()
    assert window.status_last.text() == ""


def test_geometry_is_remembered(qtbot, store) -> None:
    window = _window(qtbot, store)
    # The offscreen screen is small (restoreGeometry clamps to it), so vary the height only.
    window.resize(window.width(), 520)
    qtbot.waitUntil(lambda: window.height() == 520)
    window.close()
    again = _window(qtbot, store)
    assert again.height() == 520  # not the default 760


def test_table_models_pass_qtmodeltester(qtmodeltester, qtbot, store) -> None:
    fill_demo(store)
    window = _window(qtbot, store)
    for key in ("virksomheder", "netvaerk", "moeder", "ansoegninger"):
        view = window.show_view(key)
        qtmodeltester.check(view.model)
        qtmodeltester.check(view.proxy)


def test_menus_reach_every_view_and_quit(qtbot, store) -> None:
    window = _window(qtbot, store)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert set(menus) == {"&Filer", "&Vis", "&Hjælp"}
    view_actions = menus["&Vis"].actions()
    shown = len(window.specs)
    assert [a.text() for a in view_actions[:shown]] == [spec.title for spec in window.specs.values()]
    # then, after a separator, the language (issue 24)
    assert [a.text() for a in view_actions[shown:]] == ["", "&Sprog"]
    view_actions[4].trigger()
    assert window.current_view().key == list(window.specs)[4]
    quit_action = next(a for a in menus["&Filer"].actions() if a.text() == "&Afslut")
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_shortcuts_given_through_the_property_are_the_actions_own(qtbot, store) -> None:
    """The menus' shortcuts (set through the "shortcut" property, see _give_shortcut) are what
    setShortcut would have given, and the navigation keeps its keys under Qt's UserRole."""
    window = _window(qtbot, store)
    actions = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}
    assert actions["importKeyFiguresAction"].shortcut().toString() == "Ctrl+Shift+I"
    assert actions["aboutAction"].shortcut().toString() == "Ctrl+F1"
    assert actions["saveAction"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Vis")
    assert view_menu.actions()[0].shortcut().toString() == "Ctrl+1"
    assert view_menu.actions()[0].isShortcutVisibleInContextMenu()
    assert NAV_KEY_ROLE == Qt.ItemDataRole.UserRole.value
    assert window.nav.item(0).data(Qt.ItemDataRole.UserRole) == "overblik"


def test_store_loads_in_a_worker_after_the_first_paint(qtbot, store) -> None:
    """Start-up paints from the stdlib reader; the full store then opens off the GUI thread."""
    from mægler_app.ui.app import _load_store_after_paint

    fill_demo(store)
    ctx = AppContext(profile=store.profile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert not ctx.store_loaded
    assert window.current_view().card_companies.value.text() == "10"
    _load_store_after_paint(ctx, window)
    qtbot.waitUntil(lambda: ctx.store_loaded, timeout=10_000)
    # and a view that needs the store works from then on
    view = window.show_view("netvaerk")
    assert view.model.rowCount() == 3
    ctx.pool.waitForDone()
    ctx.close()


def test_overview_cards_show_the_profile(qtbot, store) -> None:
    from sqlalchemy import func, select

    fill_demo(store)
    with store.session() as s:
        companies = s.scalar(select(func.count()).select_from(Company))
    window = _window(qtbot, store)
    view = window.show_view("overblik")
    cards = (view.card_networks, view.card_established, view.card_companies, view.card_budget, view.card_sync)
    assert [c.title.text() for c in cards] == [
        "Aktive netværk",
        "Etablerede netværk",
        "Virksomheder",
        "Faciliteringsudgifter",
        "Ikke sendt til Væksthus",
    ]
    assert all(c.value.objectName() == "cardValue" and c.note.objectName() == "cardNote" for c in cards)
    assert view.card_networks.value.text() == "3"
    assert view.card_networks.note.text() == "af 3 i alt"
    assert view.card_established.value.text() == "2"  # the demo's two networks at trin 1
    assert view.card_established.note.text().startswith("Mål: ")
    assert view.card_companies.value.text() == str(companies)
    assert view.card_budget.value.text().endswith(" kr.")
    assert int(view.card_sync.value.text()) > 0
    assert view.card_sync.note.text() == "Aldrig synkroniseret"


def test_the_window_says_once_that_it_has_painted(qtbot, store) -> None:
    """``painted`` (what start-up waits for: app.py) comes once, after the first paint, from the
    window's own status bar: no filter on the application sees every object's events."""
    from PySide6.QtWidgets import QApplication

    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    times: list[int] = []
    window.painted.connect(lambda: times.append(1))
    qtbot.wait(50)
    assert times == []  # not before it is shown
    with qtbot.waitSignal(window.painted, timeout=5000):
        window.show()
    window.resize(900, 600)
    window.repaint()
    QApplication.processEvents()
    qtbot.wait(50)
    assert times == [1]
