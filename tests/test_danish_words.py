"""Issue 17 item 6: counts in correct Danish singular and plural, Qt's own buttons in Danish, OS
errors in a Danish sentence, and a window title that says its name once."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.errors import os_reason
from mægler_app.domain.messages import Msg
from mægler_app.store.models import Company
from mægler_app.store.services import networks as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow


def _window(qtbot, store, *, demo: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store, demo=demo))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _companies(store, names: list[str], *, knowledge: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    with store.session() as s:
        for i, name in enumerate(names):
            c = Company(
                cvr=make_valid_cvr(7100 + 13 * i + len(name)), name=name, is_knowledge_institution=knowledge
            )
            s.add(c)
            s.flush()
            ids.append(c.id)
    return ids


def test_one_company_is_one_virksomhed_and_one_change_is_one_aendring(qtbot, store) -> None:
    _companies(store, ["Eneste ApS"])
    window = _window(qtbot, store)
    view = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    assert view.count.text() == "1 virksomhed"
    with qtbot.waitSignal(window.status_updated, timeout=5000):
        window.update_status()
    assert window.status_pending.text() == "1 ændring ikke sendt"
    view.filter.setText("ingen sådan")
    assert view.count.text() == "0 af 1 virksomhed"


def test_network_composition_counts_agree_with_their_nouns(qtbot, store) -> None:
    lead, *others = _companies(store, ["Alfa Plast ApS", "Beta Plast ApS", "Gamma Plast ApS"])
    (uni,) = _companies(store, ["Uni Et"], knowledge=True)
    network_id = svc.save_network(store, svc.NetworkData(name="Plast"))
    svc.add_member(store, network_id, lead, "lead")
    window = _window(qtbot, store)
    page = window.show_view("netvaerk").open_network(network_id)  # type: ignore[attr-defined]
    panel = page.members
    assert "Netværket har 1 uafhængig virksomhed; der skal være mindst 3." in panel.rules_error.text()
    for company_id in others:
        svc.add_member(store, network_id, company_id, "member")
    svc.add_member(store, network_id, uni, "knowledge")
    panel.reload()
    assert "3 uafhængige virksomheder og 1 videninstitution:" in panel.rules_ok.text()


def test_the_board_tooltip_says_one_virksomhed(qtbot, store) -> None:
    (lead,) = _companies(store, ["Alfa Plast ApS"])
    network_id = svc.save_network(store, svc.NetworkData(name="Plast"))
    svc.add_member(store, network_id, lead, "lead")
    view = _window(qtbot, store).show_view("netvaerk")
    qtbot.waitUntil(lambda: sum(view.board_counts().values()) == 1, timeout=5000)  # type: ignore[attr-defined]
    column = next(c for c in view.columns.values() if c.count())  # type: ignore[attr-defined]
    assert column.list.item(0).toolTip().startswith("Plast · 1 virksomhed")


def test_catalogue_counts_in_both_numbers() -> None:
    assert str(Msg.UI_CHANGES_NOT_SENT(n=1)) == "1 ændring ikke sendt"
    assert str(Msg.UI_CHANGES_NOT_SENT(n=1200)) == "1.200 ændringer ikke sendt"
    assert str(Msg.UI_EXPENSES_OVER_FRAME(n=1)) == "1 udgift over rammen"
    assert str(Msg.UI_PERSONS(n=-1)) == "-1 person"
    assert str(Msg.UI_APPROVED_APPLICATIONS(n=1)) == "1 bevilget ansøgning"
    assert str(Msg.UI_REJECTED(n=2)) == "2 afviste"
    assert str(Msg.UI_MONTHS(n=1)) == "1 måned" and str(Msg.UI_HOURS(n=300)) == "300 timer"
    assert str(Msg.UI_COMPANIES_IMPORTED(created=1, updated=0)) == "Importeret: 1 ny virksomhed, 0 opdateret."
    assert str(Msg.UI_BROKERS_COUNTED(n=1, when="7.12.2026")) == "1 mægler · talt 7.12.2026"
    assert str(Msg.UI_BROKERS_COUNTED(n=2, when="7.12.2026")) == "2 mæglere · talt 7.12.2026"
    assert str(Msg.UI_FORMS_NOT_USABLE(n=1)).startswith("1 skema fra Væksthus kan ikke")
    assert str(Msg.UI_FORMS_NOT_USABLE(n=2)).startswith("2 skemaer fra Væksthus kan ikke")


def test_an_os_error_is_a_danish_sentence(qtbot, store, tmp_path: Path) -> None:
    assert "adgang nægtet" in str(os_reason(PermissionError(errno.EACCES, "Permission denied")))
    assert "Permission" not in str(os_reason(PermissionError(errno.EACCES, "Permission denied")))
    _companies(store, ["Eneste ApS"])
    view = _window(qtbot, store).show_view("virksomheder")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    folder = tmp_path / "en mappe"
    folder.mkdir()
    view.export_to(folder)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.export_status.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    text = view.export_status.text()  # type: ignore[attr-defined]
    assert "det er en mappe, ikke en fil" in text
    assert "Is a directory" not in text


def test_qt_buttons_speak_danish(qtbot) -> None:
    from mægler_app.ui.app import install_translations

    app = QApplication.instance()
    language, installed = install_translations(app)  # type: ignore[arg-type]
    assert language == "da"
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "Mægler", "?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Cancel
            | QMessageBox.StandardButton.Discard
        )
        qtbot.addWidget(box)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert {"Ja", "Nej", "Gem", "Annuller"} <= texts, texts
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Discard)
        qtbot.addWidget(buttons)
        assert "Discard" not in buttons.buttons()[0].text()
        assert QCoreApplication.translate("QFileDialog", "&Open") != "&Open"
        # texts of Qt 6's file dialog that Qt's Danish catalogue lacks
        dialog = QFileDialog(None, "Eksportér", "", "CSV-filer (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "&Kig i:"
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Fil&type:"
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Mappe"
        # and our own texts, Danish at the source, stay as written
        assert QCoreApplication.translate("MainWindow", "Midtjysk Klyngeprogram") == "Midtjysk Klyngeprogram"
    finally:
        for translator in installed:
            app.removeTranslator(translator)  # type: ignore[union-attr]


def test_qt_danish_translation_ships_with_pyside() -> None:
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert QTranslator().load("qtbase_da", path)


def test_window_title_says_maegler_once(qtbot, store) -> None:
    app = QApplication.instance()
    before = QApplication.applicationDisplayName()
    app.setApplicationDisplayName("Mægler")  # as make_application sets it  # type: ignore[union-attr]
    for demo in (False, True):
        window = _window(qtbot, store, demo=demo)
        # Qt shows "title — applicationDisplayName" unless the title is empty or the name itself
        # (QPlatformWindow::formatWindowTitle)
        display = QApplication.applicationDisplayName()
        title = window.windowTitle()
        shown = display if not title or title == display else f"{title} — {display}"
        assert shown.count("Mægler") == 1, shown
        if demo:
            assert "demoprofil" in shown.lower()
    app.setApplicationDisplayName(before)  # type: ignore[union-attr]
