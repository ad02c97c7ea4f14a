"""The form renderer driven like a broker would: typing, clicking, keys; the answers read back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mægler_app.forms import bundled_registry, parse_definition, prefill, slots
from mægler_app.ui.forms.renderer import PATH_ROLE, FormRenderer

from .test_forms_engine import CTX, small_definition


def make(qtbot, answers=None, read_only=False) -> FormRenderer:
    d = parse_definition(small_definition())
    r = FormRenderer(d, CTX, answers if answers is not None else prefill(d, CTX), read_only=read_only)
    qtbot.addWidget(r)
    r.resize(1000, 700)
    r.show()
    qtbot.waitExposed(r)
    return r


def test_renders_every_question_and_each_member_group(qtbot) -> None:
    r = make(qtbot)
    d = r.definition
    assert set(r.rows) == {s.path for s in slots(d, CTX)}
    assert r.row("emp", "c1").editor.line.text() == "10"  # prefilled
    # The knowledge institution is not asked for employees.
    assert not r.row("emp", "c4").isVisibleTo(r)
    assert r.row("ok", "c4").isVisibleTo(r)


def test_typing_and_clicking_fill_the_answers_and_progress(qtbot) -> None:
    r = make(qtbot)
    with qtbot.waitSignal(r.answers_edited):
        qtbot.keyClicks(r.row("postcode").editor.line, "8000")
    r.row("kind").editor.combo.setCurrentIndex(1)  # Horisontalt
    qtbot.mouseClick(r.row("k1").editor.buttons["yes"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(r.row("k1").editor.comment, "Mange ordrer")
    qtbot.keyClicks(r.row("budget").editor.line, "1.234,50")
    qtbot.keyClicks(r.row("start").editor.line, "7.3.2026")
    qtbot.mouseClick(r.row("areas").editor.boxes["food"], Qt.MouseButton.LeftButton)
    a = r.answers()
    assert a["postcode"] == "8000"
    assert a["kind"] == "horizontal"
    assert a["k1"] == {"value": "yes", "comment": "Mange ordrer"}
    assert a["budget"] == 123450
    assert a["start"] == "2026-03-07"
    assert a["areas"] == ["food"]
    ev = r.evaluation()
    assert r.progress_label.text() == f"{ev.answered} af {ev.total} besvaret"
    assert r.progress_bar.value() == ev.answered


def test_relevance_shows_and_hides_questions(qtbot) -> None:
    r = make(qtbot)
    why = r.row("why")
    assert not why.isVisibleTo(r)
    r.row("kind").editor.combo.setCurrentIndex(r.row("kind").editor.combo.findData("vertical"))
    assert why.isVisibleTo(r)
    assert any("Hvorfor vertikalt" in r.missing.item(i).text() for i in range(r.missing.count()))
    r.row("kind").editor.combo.setCurrentIndex(r.row("kind").editor.combo.findData("congruent"))
    assert not why.isVisibleTo(r)


def test_missing_list_names_each_question_and_leads_to_it(qtbot) -> None:
    r = make(qtbot)
    texts = [r.missing.item(i).text() for i in range(r.missing.count())]
    assert "»Type« skal besvares." in texts
    assert "»Økonomisk velfunderet« (Beta A/S) skal besvares." in texts
    target = next(i for i in range(r.missing.count()) if "(Beta A/S)" in r.missing.item(i).text())
    item = r.missing.item(target)
    assert item.data(PATH_ROLE) == "pr/c2/ok"
    r.activateWindow()
    qtbot.mouseClick(
        r.missing.viewport(), Qt.MouseButton.LeftButton, pos=r.missing.visualItemRect(item).center()
    )
    qtbot.waitUntil(lambda: r.row("ok", "c2").editor.buttons["yes"].hasFocus())


def test_bad_typed_input_is_kept_and_shown_inline(qtbot) -> None:
    r = make(qtbot)
    line = r.row("count").editor.line
    line.clear()
    qtbot.keyClicks(line, "tre")
    assert r.answers()["count"] == "tre"  # kept as typed, nothing lost
    assert r.row("count").error.isVisibleTo(r)
    assert r.row("count").error.text() == "»Antal«: »tre« er ikke et helt tal."
    # said once: the list of what is missing names the question, the reason stands under the field
    texts = [r.missing.item(i).text() for i in range(r.missing.count())]
    assert "»Antal« skal rettes." in texts and not any("»tre«" in t for t in texts)
    line.clear()
    qtbot.keyClicks(line, "3")
    assert r.answers()["count"] == 3
    assert not r.row("count").error.isVisibleTo(r)


def test_yes_partly_no_from_the_keyboard(qtbot) -> None:
    r = make(qtbot)
    editor = r.row("k2").editor
    qtbot.keyClick(editor.buttons["yes"], Qt.Key.Key_D)
    assert r.answers()["k2"]["value"] == "partly"
    qtbot.keyClick(editor.buttons["partly"], Qt.Key.Key_N)
    assert r.answers()["k2"]["value"] == "no"
    qtbot.keyClick(editor.buttons["no"], Qt.Key.Key_J)
    assert r.answers()["k2"]["value"] == "yes"


def test_tab_order_follows_the_form(qtbot) -> None:
    r = make(qtbot)
    chain = [w for row in r.rows.values() for w in row.editor.focus_chain()]
    for a, b in zip(chain, chain[1:], strict=False):
        assert a.nextInFocusChain() is b or _next_focusable(a) is b


def _next_focusable(widget):
    w = widget.nextInFocusChain()
    while w is not widget and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
        w = w.nextInFocusChain()
    return w


def test_read_only_form_cannot_be_edited(qtbot) -> None:
    r = make(qtbot, read_only=True)
    assert r.row("count").editor.line.isReadOnly()
    assert not r.row("k1").editor.buttons["yes"].isEnabled()
    assert not r.row("kind").editor.combo.isEnabled()
    before = r.answers()
    qtbot.keyClicks(r.row("postcode").editor.line, "1234")
    assert r.answers() == before


def test_checklist_v1_renders_for_any_network(qtbot) -> None:
    d = bundled_registry().latest("screening")
    r = FormRenderer(d, CTX, prefill(d, CTX))
    qtbot.addWidget(r)
    assert set(r.rows) == {s.path for s in slots(d, CTX)}
    assert isinstance(r.row("employees", "c2").editor.line, QLineEdit)
    assert r.row("employees", "c2").editor.line.text() == "300"
    assert r.progress_label.text().endswith("besvaret")


def test_many_edits_do_not_exhaust_true_and_none(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to True per emit() and to None per void
    call, so a long session aborted (pyproject pins PySide6 below 6.12; ui/pyside_guard.py is the
    safety net). A thousand edits must leave both reference counts where they were."""
    import gc
    import sys

    from PySide6.QtCore import QCoreApplication, QEvent

    r = make(qtbot)
    editor = r.row("k1").editor

    def settled_counts() -> tuple[int, int]:
        # Widgets of earlier tests may be deleted (and their references to True/None dropped) while
        # we click; settle those first so only a leak that grows with the clicks is measured.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return sys.getrefcount(True), sys.getrefcount(None)

    def drop_after(clicks: int) -> tuple[int, int]:
        true_before, none_before = settled_counts()
        for i in range(clicks):
            editor.buttons["yes" if i % 2 else "no"].click()
        true_after, none_after = settled_counts()
        return true_before - true_after, none_before - none_after

    drop_after(10)  # warm-up: caches fill once
    small_true, small_none = drop_after(200)
    large_true, large_none = drop_after(1200)
    assert r.answers()["k1"]["value"] == "yes"
    # A leak of one reference per call would make the second drop about 1.000 larger than the first.
    assert large_true - small_true < 100
    assert large_none - small_none < 100
