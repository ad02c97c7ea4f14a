"""English, complete (issue 24): lupdate finds every tr() text of the source translated in the
committed maegler_en.ts, and the app started in English shows English in its menus and views."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from mægler_app import i18n_build
from mægler_app.domain import language
from mægler_app.domain.messages import Msg

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_lupdate_finds_no_unfinished_english_text(tmp_path: Path) -> None:
    """lupdate over the tree, into a copy of the committed file: a text added to the source is
    "unfinished" there, a text gone from the source "vanished". Either means: `make i18n-update`,
    then translate."""
    ts = tmp_path / "maegler_en.ts"
    shutil.copy(I18N / "maegler_en.ts", ts)
    report = i18n_build.extract(ROOT, ts, "en", drop_obsolete=False)
    messages = _messages(ts)
    assert len(messages) > 800, report
    unfinished = [
        m.findtext("source") for m in messages if (m.find("translation").get("type") or "") == "unfinished"
    ]
    stale = [
        m.findtext("source")
        for m in messages
        if (m.find("translation").get("type") or "") in {"vanished", "obsolete"}
    ]
    assert not unfinished, f"{len(unfinished)} texts without English: {unfinished[:10]}"
    assert not stale, f"{len(stale)} texts in maegler_en.ts the source no longer has: {stale[:10]}"
    # the committed file is what lupdate makes of the source: nothing new, nothing gone
    assert sorted(m.findtext("source") or "" for m in messages) == sorted(
        m.findtext("source") or "" for m in _messages(I18N / "maegler_en.ts")
    )


def test_every_translation_keeps_its_placeholders_and_forms() -> None:
    for message in _messages(I18N / "maegler_en.ts"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), source
            assert sorted(re.findall(r"%\d|%n", text)) == sorted(re.findall(r"%\d|%n", source)), source
            assert text.count("\n") == source.count("\n"), source
    plural = [m for m in _messages(I18N / "maegler_da.ts") if m.get("numerus") == "yes"]
    assert plural and all(len(list(m.iter("numerusform"))) == 2 for m in plural)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app's translators installed as at a start in English; Danish again afterwards."""
    from mægler_app.ui.app import install_translations

    i18n_build.build(I18N)
    _lang, installed = install_translations(qapp, "en")
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        language.set_process_language("da")
        QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))


def test_the_app_in_english(qtbot, store, english: None) -> None:
    from mægler_app.store.demo import fill_demo
    from mægler_app.ui.context import AppContext
    from mægler_app.ui.main_window import MainWindow

    fill_demo(store)
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Overview", "Companies", "Networks", "Meetings and expenses", "Applications", "Sync"]
    view_actions = [a.text() for a in window.view_menu.actions() if a.text()]
    assert "Companies" in view_actions and "&Language" in view_actions
    languages = window.view_menu.findChild(type(window.view_menu), "languageMenu")
    assert [a.text() for a in languages.actions()] == ["Dansk", "English"]
    assert [a.isChecked() for a in languages.actions()] == [False, True]

    companies = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: companies.model.rowCount() > 0, timeout=10_000)
    assert companies.new_button.text() == "New company"
    headers = [
        companies.model.headerData(c, Qt.Orientation.Horizontal) for c in range(companies.model.columnCount())
    ]
    assert "Name" in headers and "Navn" not in headers
    # the message catalogue and the vocabulary follow the same setting
    assert str(Msg.TOO_FEW_COMPANIES(count=2, minimum=3)).startswith("The network has 2")


def test_f1_shows_the_english_guide(qtbot, store, english: None) -> None:
    """In English F1 opens the English guide, the programme's numbers filled in (issue 24)."""
    from mægler_app.domain.numbers import format_kr
    from mægler_app.domain.rules import BROKER_BONUS_ORE, FACILITATION_FRAME_ORE
    from tests.keyboard_support import key, main_window

    window = main_window(qtbot, store)
    key(qtbot, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Guide"
    shown = dialog.text.toPlainText()
    assert "Your day" in shown and "The programme's rules" in shown and "Din dag" not in shown
    assert f"{format_kr(FACILITATION_FRAME_ORE)} per network" in shown
    assert format_kr(BROKER_BONUS_ORE) in shown and "$" not in shown
    assert "| ---" not in shown  # the rules' table is a table
    dialog.close()


def test_the_language_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    """The first time the system's language decides (Danish → da, any other → en); then the choice
    made under Vis → Sprog; MAEGLER_LANGUAGE (or --language) over both."""
    from PySide6.QtCore import QSettings

    from mægler_app.ui.app import chosen_language, save_language

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv("MAEGLER_LANGUAGE", raising=False)
    system = "da" if QLocale.system().language() == QLocale.Language.Danish else "en"
    assert chosen_language() == system
    save_language("en")
    assert chosen_language() == "en"
    save_language("da")
    assert chosen_language() == "da"
    monkeypatch.setenv("MAEGLER_LANGUAGE", "en")
    assert chosen_language() == "en"
    assert (tmp_path / "VaeksthusMidtjylland" / "Maegler.ini").exists()
