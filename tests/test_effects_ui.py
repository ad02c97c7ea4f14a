"""Effects on screen (issue 19), driven as a broker would: the company page's growth and baseline
year, the network page's Effekter tab, the key-figure import with its bad lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from mægler_app.domain.timeutil import utcnow
from mægler_app.store.db import Store
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company
from mægler_app.store.services import companies as companies_svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow

MIO = 1_000_000 * 100


def _window(qtbot: Any, store: Store) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _figures(store: Store, company_id: str) -> None:
    year = utcnow().year
    companies_svc.save_key_figures(
        store,
        company_id,
        [
            companies_svc.KeyFigures(year - 3, 100 * MIO, 30 * MIO, 10 * MIO, 20),
            companies_svc.KeyFigures(year - 2, 110 * MIO, 33 * MIO, 11 * MIO, 22),
            companies_svc.KeyFigures(year - 1, 121 * MIO, 363 * MIO // 10, 121 * MIO // 10, 25),
        ],
    )


def test_company_page_shows_growth_and_takes_a_baseline_year(qtbot: Any, store: Store) -> None:
    ids = fill_demo(store)
    _figures(store, ids["brande"])
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    view.select_company(ids["brande"])
    box = view.editor.effects_box
    year = utcnow().year
    # joined this year: the automatic baseline is last year, the latest with figures: uden tal
    assert box.baseline.text() == "" and box.baseline.placeholderText() == f"automatisk: {year - 1}"
    assert "Uden tal" in box.summary.text()
    # the broker sets the baseline three years back: exactly 10 % a year, the target met
    box.baseline.setText(str(year - 3))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert not view.editor.error.isVisible(), view.editor.error.text()
    with store.session() as s:
        company = s.get(Company, ids["brande"])
        assert company is not None and company.baseline_year == year - 3
    assert box.baseline.text() == str(year - 3)
    assert f"automatisk ville det være {year - 1}" in box.note.text()
    rows = {r.key: r for r in box.model.rows()}
    assert rows["since"].growth["turnover_ore"] == "+10 %"
    assert rows[str(year - 2)].growth["turnover_ore"] == "+10 %"
    assert rows["since"].employees == "+5"
    assert box.summary.text().startswith("✓ Målet er nået")
    # a baseline that is not a year is refused, in Danish, and nothing is saved
    box.baseline.setText("sidste år")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert "Basisår" in view.editor.error.text()
    with store.session() as s:
        assert s.get(Company, ids["brande"]).baseline_year == year - 3  # type: ignore[union-attr]
    # emptied: automatic again
    box.baseline.setText("")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert s.get(Company, ids["brande"]).baseline_year is None  # type: ignore[union-attr]


def test_network_page_effects_tab(qtbot: Any, store: Store) -> None:
    ids = fill_demo(store)
    _figures(store, ids["brande"])
    companies_svc.save_key_figures(
        store, ids["panel"], [companies_svc.KeyFigures(utcnow().year - 3, 50 * MIO, None, None, 5)]
    )
    with store.session() as s:
        for key in ("brande", "panel"):
            s.get(Company, ids[key]).baseline_year = utcnow().year - 3  # type: ignore[union-attr]
    window = _window(qtbot, store)
    page = window.show_view("netvaerk").open_network(ids["network:1"])
    tab = page.show_feature("Effekter")
    assert tab is not None
    met = [r for r in tab.model.rows() if r.effects.met]
    assert len(met) == 1
    assert "1 af 1 virksomheder med tal når målet" in tab.summary.text()
    assert "uden tal" in tab.summary.text()


def test_key_figure_import_names_bad_lines_and_imports_nothing(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    fill_demo(store)
    with store.session() as s:
        cvrs = [c for (c,) in s.query(Company.cvr).limit(2)]
    path = tmp_path / "tal.csv"
    path.write_text(
        f"CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte\n{cvrs[0]};2024;12.500.000;;;\n{cvrs[1]};2024;12,5,0;;;\n",
        encoding="cp1252",
    )
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    dialog = view.import_key_figures(path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert "Linje 3:" in dialog.problems.toPlainText()
    assert not dialog.import_button.isEnabled()
    assert "Intet er importeret" in dialog.summary.text()
    path.write_text(f"CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte\n{cvrs[0]};2024;12.500.000;;;7\n")
    dialog2 = view.import_key_figures(path)
    qtbot.addWidget(dialog2)
    qtbot.waitUntil(lambda: dialog2.plan is not None, timeout=10_000)
    assert dialog2.import_button.isEnabled()
    with qtbot.waitSignal(dialog2.imported, timeout=10_000):
        qtbot.mouseClick(dialog2.import_button, Qt.MouseButton.LeftButton)
    assert "1 år nøgletal importeret for 1 virksomhed" in dialog2.summary.text()
