"""The screening widget: start, autosave, finalize (refused, then frozen), PDF in a worker, versions."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mægler_app.domain.changes import Changes
from mægler_app.forms import FormRegistry, bundled_registry, parse_definition
from mægler_app.forms.registry import BUNDLED_DIR
from mægler_app.store.models import Network, Screening
from mægler_app.store.services import screening as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import ScreeningDialog, ScreeningWidget

from .forms_fixtures import complete_answers, make_network


@pytest.fixture
def yes_to_finalize(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def answer(_parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def widget(qtbot, ctx, nid, **kwargs) -> ScreeningWidget:
    w = ScreeningWidget(ctx, nid, open_pdf=False, **kwargs)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def db_answers(store, sid: str) -> dict:
    with store.session() as s:
        return dict(s.get(Screening, sid).answers)


def test_start_type_and_autosave(qtbot, store) -> None:
    nid, cids, _ = make_network(store)
    w = widget(qtbot, store, nid)
    assert w.status.text() == "Ingen screening endnu"
    assert w.stack.currentWidget() is w.empty
    qtbot.mouseClick(w.start_button, Qt.MouseButton.LeftButton)
    assert w.renderer is not None and w.view is not None
    assert "skema version 1" in w.status.text()
    r = w.renderer
    qtbot.mouseClick(r.row("business_relations").editor.buttons["partly"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(r.row("business_relations").editor.comment, "Faa ordrer endnu")
    employees = r.row("employees", cids[0]).editor.line
    employees.clear()
    qtbot.keyClicks(employees, "14")
    with qtbot.waitSignal(w.saved, timeout=3000):
        pass
    saved = db_answers(store, w.view.id)
    assert saved["business_relations"] == {"value": "partly", "comment": "Faa ordrer endnu"}
    assert saved["virksomheder"][cids[0]]["employees"] == 14
    assert w.status.text().startswith("Kladde · gemt")


def test_finalize_is_refused_while_answers_are_missing(qtbot, store, yes_to_finalize) -> None:
    nid, _, _ = make_network(store)
    w = widget(qtbot, store, nid)
    w.start()
    qtbot.mouseClick(w.finalize_button, Qt.MouseButton.LeftButton)
    assert not yes_to_finalize  # not even asked
    assert w.message.isVisible()
    missing = w.renderer.missing.count()
    assert f"{missing} svar mangler" in w.message.text()
    with store.session() as s:
        assert s.get(Screening, w.view.id).status == "draft"


def test_finalize_freezes_and_opens_stage_1(qtbot, store, yes_to_finalize) -> None:
    nid, _, _ = make_network(store, name="Netværk Øst")
    view = svc.start_screening(store, nid)
    defn = bundled_registry().get("screening", 1)
    answers = complete_answers(defn, svc.form_context(store, nid), view.answers)
    answers.pop("broker_assessment")
    svc.save_answers(store, view.id, answers)
    ctx = AppContext(store=store)
    changed: list[Changes] = []
    ctx.bus.changed.connect(changed.append)
    w = widget(qtbot, ctx, nid)
    assert w.view.id == view.id  # continues the draft
    box = w.renderer.row("broker_assessment").editor.box
    qtbot.keyClicks(box, "Anbefales til facilitering")
    with qtbot.waitSignal(w.finalized):
        qtbot.mouseClick(w.finalize_button, Qt.MouseButton.LeftButton)
    assert len(yes_to_finalize) == 1
    with store.session() as s:
        row = s.get(Screening, view.id)
        assert row.status == "final" and row.verdict == "passed"
        assert row.answers["broker_assessment"] == "Anbefales til facilitering"
        network = s.get(Network, nid)
        assert network.stage == "stage_1" and network.facilitation_opened_on is not None
    assert changed[-1].touches("network") and changed[-1].touches("screening")  # once, both
    assert w.result.isVisible() and "Bestået" in w.result.text()
    assert "Trin 1" in w.message.text() and "faciliteringsrammen" in w.message.text()
    assert w.renderer.is_read_only() and not w.finalize_button.isVisible()
    assert w.start_button.isVisible() and w.start_button.text() == "Start ny screening"
    assert "Afsluttet" in w.status.text() and "skema version 1" in w.status.text()
    # Typing into the frozen form changes nothing in the store.
    before = db_answers(store, view.id)
    qtbot.keyClicks(w.renderer.row("next_steps").editor.box, "mere")
    w.save_now()
    assert w.renderer.row("next_steps").editor.box.toPlainText() == before["next_steps"]
    assert db_answers(store, view.id) == before


def test_pdf_export_runs_in_a_worker_and_writes_the_report(qtbot, store) -> None:
    nid, _, cvrs = make_network(store, name="Vestjysk Kølenetværk")
    w = widget(qtbot, store, nid)
    w.start()
    with qtbot.waitSignal(w.pdf_exported, timeout=15000) as blocker:
        qtbot.mouseClick(w.pdf_button, Qt.MouseButton.LeftButton)
        assert not w.pdf_button.isEnabled()  # busy while the worker writes
    path = Path(blocker.args[0])
    assert path.parent == store.profile / "rapporter"
    assert path.name.endswith("-kladde.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Vestjysk Kølenetværk" in text
    assert all(c in text for c in cvrs)
    assert w.pdf_button.isEnabled()
    assert str(path) in w.message.text()


def test_old_screening_keeps_its_version_beside_a_newer_one(qtbot, store, yes_to_finalize) -> None:
    nid, _, _ = make_network(store)
    result = svc.finalize_screening(
        store,
        svc.save_answers(
            store,
            (v := svc.start_screening(store, nid)).id,
            complete_answers(bundled_registry().get("screening", 1), svc.form_context(store, nid), v.answers),
        ).id,
    )
    body = json.loads((BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8"))
    v2 = copy.deepcopy(body)
    v2["version"] = 2
    v2["sections"][0]["questions"].append(
        {"id": "new_question", "kind": "text", "label": "Nyt spørgsmål i version 2"}
    )
    reg = FormRegistry(bundled_registry().all())
    reg.add(parse_definition(v2, source="screening_v2.json"))

    w = widget(qtbot, store, nid, registry=reg)
    assert w.view.id == result.screening.id
    assert "skema version 1" in w.status.text()
    assert not any(row.slot.question.id == "new_question" for row in w.renderer.rows.values())
    w.start()
    assert w.view.form_version == 2
    assert "skema version 2" in w.status.text()
    assert any(row.slot.question.id == "new_question" for row in w.renderer.rows.values())
    # The history offers both, and choosing the old one shows it with its own version.
    assert w.history.isVisible() and w.history.count() == 2
    old_index = w.history.findData(result.screening.id)
    assert "version 1" in w.history.itemText(old_index)
    w.history.setCurrentIndex(old_index)
    w.history.activated.emit(old_index)
    assert w.view.id == result.screening.id and w.view.form_version == 1
    assert w.renderer.is_read_only()


def test_dialog_saves_on_close(qtbot, store) -> None:
    nid, _, _ = make_network(store)
    dialog = ScreeningDialog(store, nid, open_pdf=False)
    qtbot.addWidget(dialog)
    dialog.show()
    w = dialog.widget
    w.start()
    qtbot.keyClicks(w.renderer.row("next_steps").editor.box, "Gensidige besoeg")
    dialog.accept()  # before the autosave timer fires
    assert db_answers(store, w.view.id)["next_steps"] == "Gensidige besoeg"


def test_fits_the_network_page_extension_point(qtbot, store) -> None:
    from mægler_app.ui.network_tabs import make_tab

    nid, _, _ = make_network(store)
    tab = make_tab("mægler_app.ui.forms.screening:ScreeningWidget", AppContext(store=store), nid)
    qtbot.addWidget(tab)
    assert isinstance(tab, ScreeningWidget)
    tab.start()
    tab.reload()
    assert tab.view is not None and not tab.view.is_final
