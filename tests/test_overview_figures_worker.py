"""Overblik's figures of a large profile are read in a worker, not on the GUI thread."""

from __future__ import annotations

import threading

from mægler_app.store.demo import fill_demo
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.views import overview


def test_a_large_profiles_figures_come_from_a_worker(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fill_demo(store)
    monkeypatch.setattr(overview, "FIGURES_SYNC_LIMIT", 0)  # every profile counts as large
    read_on: list[object] = []
    real = overview.figures

    def watched(profile):  # type: ignore[no-untyped-def]
        read_on.append(threading.current_thread())
        return real(profile)

    monkeypatch.setattr(overview, "figures", watched)
    ctx = AppContext(profile=store.profile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    view = window.current_view()
    assert view.card_companies.value.text() == "–"
    # the stages' counts too: no 0 that is not true shown until they are counted
    assert {label.text() for label in view.stage_labels.values()} == {"–"}
    qtbot.wait(50)
    assert read_on == []  # counted after the first paint, not beside it (it shows "–" either way)
    window.show()
    qtbot.waitUntil(lambda: view.card_companies.value.text() == "10", timeout=10_000)
    assert "–" not in {label.text() for label in view.stage_labels.values()}
    assert read_on and threading.main_thread() not in read_on
    ctx.pool.waitForDone()
