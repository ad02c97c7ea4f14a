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


def test_the_screening_form_in_english(qtbot, store, english: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The screening tab shows the form's English texts (forms/translations); the answers typed in
    English are the definition's values, and read back identical in Danish. A finalized screening
    stores the Danish reasons (they go to Væksthus) and shows them in English."""
    from PySide6.QtWidgets import QMessageBox

    from mægler_app.forms import bundled_registry
    from mægler_app.store.models import Screening
    from mægler_app.store.services import screening as svc
    from mægler_app.ui.fit import ElidedGroupBox
    from mægler_app.ui.forms.screening import ScreeningWidget
    from tests.forms_fixtures import complete_answers, make_network

    nid, cids, _ = make_network(store)

    def widget() -> ScreeningWidget:
        w = ScreeningWidget(store, nid, open_pdf=False)
        qtbot.addWidget(w)
        w.resize(1200, 800)
        w.show()
        qtbot.waitExposed(w)
        return w

    w = widget()
    w.start()
    r = w.renderer
    assert r is not None
    sections = {b.objectName(): b.full_title() for b in r.findChildren(ElidedGroupBox) if b.objectName()}
    assert sections["section_netvaerk"] == "The network's composition"
    assert sections["section_risici"] == "Risks"
    relations = r.row("business_relations")
    assert relations.label.text().startswith("Are there business relations between the companies")
    assert relations.help.text().startswith("The network must be business-based")
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in r.findChildren(QLabel))
    assert "(Source: The application, 3. Content, item 1 (criteria for business networks))" in texts
    assert "Ansøgningen" not in texts and "Kilde" not in texts
    assert relations.editor.buttons["partly"].text() == "Partly"
    risk = r.row("risk_time_use").editor.combo
    assert [risk.itemText(i) for i in range(risk.count())][1:] == ["Low", "Medium", "High"]
    kind = r.row("network_type").editor.combo
    assert kind.currentText() == "Vertical"  # options_from: the vocabulary's English labels
    missing = [r.missing.item(i).text() for i in range(r.missing.count())]
    assert "“Describe the business potential” must be answered." not in missing  # not relevant yet
    assert "“Overall assessment and recommendation” must be answered." in missing
    assert not any("skal besvares" in m for m in missing)
    assert r.progress_label.text().endswith("answered")

    qtbot.mouseClick(relations.editor.buttons["partly"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(relations.editor.comment, "Few orders so far")
    risk.setCurrentIndex(risk.findText("High"))
    employees = r.row("employees", cids[0]).editor.line
    employees.clear()
    qtbot.keyClicks(employees, "14")
    with qtbot.waitSignal(w.saved, timeout=3000):
        pass
    assert w.view is not None
    sid = w.view.id
    with store.session() as s:
        saved = dict(s.get(Screening, sid).answers)
    assert saved["business_relations"] == {"value": "partly", "comment": "Few orders so far"}
    assert saved["risk_time_use"] == "high" and saved["virksomheder"][cids[0]]["employees"] == 14
    w.close()

    language.set_process_language("da")  # the same screening, read in Danish
    danish = widget()
    d = danish.renderer
    assert d is not None and danish.view is not None and danish.view.id == sid
    assert d.answers() == saved
    assert d.row("business_relations").label.text().startswith("Er der forretningsmæssige relationer")
    assert d.row("risk_time_use").editor.combo.currentText() == "Høj"
    assert d.row("business_relations").editor.comment.text() == "Few orders so far"
    danish.close()

    # finalized in English: the stored reasons are Danish, the ones shown English
    language.set_process_language("en")
    defn = bundled_registry().get("screening", 1)
    answers = complete_answers(defn, svc.form_context(store, nid), saved)
    answers["risk_handling"] = "Short meetings"
    svc.save_answers(store, sid, answers)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    done = widget()
    with qtbot.waitSignal(done.finalized):
        qtbot.mouseClick(done.finalize_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        stored = list(s.get(Screening, sid).reasons)
    assert stored[0].startswith("Netværket opfylder programmets kriterier")
    shown = done.result.text()
    assert "Passed" in shown and "The network meets the programme's criteria" in shown
    assert "At least one risk is assessed as high" in shown and "Netværket" not in shown


def test_the_language_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    """The first time the system's language decides (Danish or none, as the C locale → da, any other
    → en); then the choice made under Vis → Sprog; MAEGLER_LANGUAGE (or --language) over both."""
    from PySide6.QtCore import QSettings

    from mægler_app.ui.app import chosen_language, language_of_system, save_language

    assert language_of_system(QLocale.Language.Danish) == "da"
    assert language_of_system(QLocale.Language.C) == "da"  # LANG=C.UTF-8: a machine with no language
    assert language_of_system(QLocale.Language.English) == "en"
    assert language_of_system(QLocale.Language.German) == "en"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv("MAEGLER_LANGUAGE", raising=False)
    assert chosen_language() == language_of_system(QLocale.system().language())
    save_language("en")
    assert chosen_language() == "en"
    save_language("da")
    assert chosen_language() == "da"
    monkeypatch.setenv("MAEGLER_LANGUAGE", "en")
    assert chosen_language() == "en"
    assert (tmp_path / "VaeksthusMidtjylland" / "Maegler.ini").exists()


def test_every_bundled_form_has_its_whole_english_translation(tmp_path: Path) -> None:
    """Each bundled form version has an English file naming every text a person reads; the
    translated copy keeps the definition's identity (id, version, body) and its values; a file
    that names what the definition does not have is refused."""
    import json

    from mægler_app.forms import FormDefinitionError, bundled_registry, translation
    from mægler_app.forms.translation import translated, translation_path

    for defn in bundled_registry().all():
        assert translation_path(defn.id, defn.version, "en").is_file(), defn.key
        en = translated(defn, "en")
        assert (en.key, dict(en.body)) == (defn.key, dict(defn.body))
        assert en.title != defn.title and en.passed_reason != defn.passed_reason
        for sec, sec_en in zip(defn.sections, en.sections, strict=True):
            assert sec_en.id == sec.id and sec_en.title != sec.title
            assert (sec_en.intro != sec.intro) == bool(sec.intro)
            for q, q_en in zip(sec.questions, sec_en.questions, strict=True):
                assert (q_en.id, q_en.kind, q_en.relevant_if) == (q.id, q.kind, q.relevant_if)
                assert q_en.label != q.label and (q_en.help != q.help) == bool(q.help), q.id
                assert [o.value for o in q_en.options] == [o.value for o in q.options]
                assert all(a.label != b.label for a, b in zip(q_en.options, q.options, strict=True)), q.id
        assert all(a.label != b.label for a, b in zip(en.derived, defn.derived, strict=True))
        for rule, rule_en in zip(defn.verdict_rules, en.verdict_rules, strict=True):
            assert rule_en.reason.text != rule.reason.text and rule_en.when == rule.when
        assert translated(defn, "da") is defn

    defn = bundled_registry().get("screening", 1)
    folder = tmp_path / "translations"
    folder.mkdir()
    path = folder / "screening_v1.en.json"
    for bad in (
        {"form": "screening", "version": 1, "questions": {"no_such_question": {"label": "x"}}},
        {"form": "screening", "version": 1, "questions": {"trust": {"options": {"maybe": "Maybe"}}}},
        {"form": "screening", "version": 1, "verdict": {"rules": {"not_long_term": "{trust} no"}}},
        {"form": "screening", "version": 2, "title": "Another version's"},
    ):
        path.write_text(json.dumps(bad), encoding="utf-8")
        translation._read.cache_clear()
        with pytest.raises(FormDefinitionError):
            translated(defn, "en", folder=folder)
    translation._read.cache_clear()
    # a version without a file of its own: Danish
    assert translated(defn, "en", folder=tmp_path).title == defn.title


def test_every_text_of_both_command_lines_has_english() -> None:
    """Every help text, description, group title and placeholder of ``maegler`` and
    ``maegler-server`` (their sub-commands too) has an English text in cli_language.ENGLISH."""
    import argparse

    from mægler_app.cli_language import speaking, translate
    from mægler_app.commands import build_parser
    from mægler_app.server.cli import _parser

    texts: list[str] = []

    def walk(parser: argparse.ArgumentParser) -> None:
        texts.extend(t for t in (parser.description, parser.epilog) if t)
        texts.extend(g.title for g in parser._action_groups if g.title)
        for action in parser._actions:
            if action.help and action.help != argparse.SUPPRESS:
                texts.append(action.help)
            if isinstance(action.metavar, str):
                texts.append(action.metavar)
            if isinstance(action, argparse._SubParsersAction):
                texts.extend(c.help for c in action._choices_actions if c.help)
                for sub in dict.fromkeys(action.choices.values()):
                    walk(sub)

    with speaking(["--language", "da"]):
        walk(build_parser())
        walk(_parser())
    argparse_own = {"tilvalg", "argumenter", "vis denne hjælp og afslut"}  # argparse's own (argparse_da)
    same = {"URL", "TYPE", "ID"}  # the same in both languages
    missing = [t for t in dict.fromkeys(texts) if t not in argparse_own | same and translate(t, "en") == t]
    assert not missing
    assert language.current() == "da"  # the process's language is put back


def test_the_application_editor_in_english(qtbot, store, english: None) -> None:
    """What the sweep of the English app found Danish in the application editor (issue 24): the
    perspectives a draft lacks are named in English (and shown under their own block), the network
    type is English, the blocks to correct are quoted the English way."""
    from mægler_app.store.demo import fill_demo
    from mægler_app.store.services import applications as svc
    from mægler_app.ui.application.editor import ApplicationEditor
    from mægler_app.ui.context import AppContext

    demo = fill_demo(store)
    editor = ApplicationEditor(AppContext(store=store), svc.create_application(store, demo["network:1"]))
    qtbot.addWidget(editor)
    editor.resize(1000, 800)
    editor.show()
    qtbot.waitExposed(editor)
    blockers = editor.blockers.text()
    assert "Markedsmæssige" not in blockers and "»" not in blockers
    assert "“Consultant”" in blockers
    market = editor.perspective_blocks["market_perspective"]
    assert market.problem.text() == "The section “Market perspectives” is not filled in."
    network = editor.network_text.text()
    assert "Complementary" in network and "Komplementært" not in network


def test_files_for_others_stay_danish_in_english(store, english: None) -> None:
    """The companies' CSV export is the import's Danish format (it reads back in), and the effects
    file for Danmarks Statistik names the stages in Danish, whatever the app's language."""
    from mægler_app.store.demo import fill_demo
    from mægler_app.store.services.csv_io import export_bytes, import_file
    from mægler_app.store.services.effects import export_effects
    from mægler_app.store.services.programme import server_moves

    fill_demo(store)
    exported = export_bytes(store)
    text = exported.decode("utf-8-sig")
    assert "Fødevarer" in text or "Energi/miljø" in text or "Andet" in text
    assert "Food" not in text and "Other" not in text
    plan, result = import_file(store, exported)
    assert not plan.problems and result is not None
    main, _cvrs, n = export_effects(store, server_moves(store))
    rows = main.decode("utf-8-sig")
    assert n > 0 and "Trin 1" in rows and "Stage 1" not in rows


def test_a_company_fault_names_its_field_in_the_language() -> None:
    """The company editor's and key figures' faults name the field in the app's language (they
    named it in Danish in an English app)."""
    from mægler_app.domain.errors import DomainError
    from mægler_app.store.services.companies import parse_company, parse_key_figures

    fields = {"cvr": "", "name": "Test ApS", "employees": "mange"}
    with language.use("en"):
        english = parse_company(fields).errors["employees"]
        with pytest.raises(DomainError) as caught:
            parse_key_figures("2024", "mange", "", "", "")
        english_figure = str(caught.value)
    danish = parse_company(fields).errors["employees"]
    assert english.startswith("Employees") and danish.startswith("Ansatte")
    assert english_figure.startswith("Turnover 2024")


def test_the_screening_pdf_stays_danish_in_english(store, tmp_path: Path, english: None) -> None:
    """The screening goes to Væksthus in Danish: its PDF is written from the Danish definition
    whatever the app's language."""
    from pypdf import PdfReader

    from mægler_app.store.services import screening as svc
    from mægler_app.ui.forms.screening import export_screening_pdf
    from tests.forms_fixtures import make_network

    nid, _cids, _ = make_network(store)
    view = svc.start_screening(store, nid)
    path = Path(export_screening_pdf(store, view.id, tmp_path / "screening.pdf", None))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Netværkets sammensætning" in text and "Antal uafhængige virksomheder" in text
    assert "The network's composition" not in text and "Number of independent companies" not in text
    assert language.current() == "en"
