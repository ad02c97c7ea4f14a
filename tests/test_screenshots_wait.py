"""``--screenshots`` takes each view's picture only once the view has loaded its data (issue 20,
item 8): the companies list is full, the overview's next actions are read (in a worker)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPixmap

from mægler_app.store.demo import fill_demo
from mægler_app.ui.app import save_screenshots
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow


def test_each_picture_waits_for_its_views_data(qtbot, store, tmp_path: Path, monkeypatch) -> None:
    fill_demo(store)
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: dict[str, object] = {}
    grab = MainWindow.grab

    def grab_and_look(self: MainWindow, *args: object) -> QPixmap:
        view = self.current_view()
        if view.key == "virksomheder":
            seen[view.key] = view.model.rowCount()
        elif view.key == "overblik":
            seen[view.key] = (view.next_actions.isVisible(), len(view.next_actions.steps.lines()))
        elif view.key == "netvaerk":
            seen[view.key] = sum(view.board_counts().values())
        return grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", grab_and_look)
    saved = save_screenshots(window, tmp_path / "shots")
    assert {p.name for p in saved} >= {"overblik.png", "virksomheder.png", "netvaerk.png"}
    assert seen["virksomheder"] == 10  # the demo's companies, not an empty list
    assert seen["overblik"] == (True, 4)  # the next actions, read in a worker, are shown
    assert seen["netvaerk"] == 3
