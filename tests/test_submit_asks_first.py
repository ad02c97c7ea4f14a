"""»Indsend til Væksthus« asks first: submitting locks the application; »Annullér« keeps the draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Application
from mægler_app.store.services import applications as svc
from mægler_app.ui.application.editor import ApplicationEditor
from mægler_app.ui.context import AppContext

from .application_support import type_complete_draft


@pytest.fixture
def editor(qtbot, store) -> ApplicationEditor:  # type: ignore[no-untyped-def]
    ids = fill_demo(store)
    ed = ApplicationEditor(AppContext(store=store), svc.create_application(store, ids["network:1"]))
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    qtbot.waitExposed(ed)
    type_complete_draft(ed)
    assert ed.submit_button.isEnabled(), ed.blockers.text()
    return ed


class Asked:
    """What the question showed, and the button the test answers with."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.title = ""
        self.text = ""
        self.buttons: list[str] = []
        self.default = ""
        self.times = 0

    def exec(self, box: QMessageBox) -> int:
        self.times += 1
        self.title, self.text = box.windowTitle(), box.text()
        self.buttons = [b.text() for b in box.buttons()]
        self.default = box.defaultButton().text() if box.defaultButton() is not None else ""
        (button,) = [b for b in box.buttons() if b.text() == self.answer]
        button.click()
        return 0


def _answer(monkeypatch: pytest.MonkeyPatch, answer: str) -> Asked:
    asked = Asked(answer)
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *_a: asked.exec(box))
    return asked


def _status(store, application_id: str) -> str:  # type: ignore[no-untyped-def]
    with store.session() as s:
        app = s.get(Application, application_id)
        assert app is not None
        return app.status


def test_annuller_keeps_the_draft(qtbot, editor, store, monkeypatch) -> None:
    asked = _answer(monkeypatch, "Annullér")
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert asked.times == 1
    assert sorted(asked.buttons) == ["Annullér", "Indsend"]
    assert asked.default == "Annullér"
    assert "låst" in asked.text and "synkronisering" in asked.text and "Væksthus" in asked.text
    assert _status(store, editor.application_id) == "draft"
    assert editor.detail is not None and editor.detail.editable
    assert not editor.hours.isReadOnly() and editor.submit_button.isVisible()
    assert editor.hours.text() == "300"  # what was typed is still there, and still to be saved
    assert editor.dirty


def test_indsend_submits(qtbot, editor, store, monkeypatch) -> None:
    asked = _answer(monkeypatch, "Indsend")
    with qtbot.waitSignal(editor.submitted):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert asked.times == 1
    assert _status(store, editor.application_id) == "submitted"
    assert editor.hours.isReadOnly() and not editor.submit_button.isVisible()


def test_an_unanswered_question_submits_nothing(qtbot, editor, store) -> None:
    # The shared fixture leaves every question unanswered: that must never submit.
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert _status(store, editor.application_id) == "draft"


def test_enter_in_the_real_question_chooses_annuller(qtbot, editor, store, monkeypatch) -> None:
    """The real box, not a stand-in: Enter takes the default button, which must not submit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    monkeypatch.setattr(QMessageBox, "exec", QDialog.exec)  # undo the shared stand-in
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press_enter)
            return
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    editor.submit()
    assert seen == ["Annullér"]
    assert _status(store, editor.application_id) == "draft"
