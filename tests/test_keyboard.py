"""Issue 17 item 5: every editor worked with the keyboard alone.

Tab follows the reading order and stays on the page (never the sidebar, never »← Alle netværk«),
a group of choices is one Tab stop that the keyboard can reach, Ctrl+S saves in every editor, Esc
leaves a dialog, each input has a name a screen reader reads, and each menu action shows its key.
Each editor is walked with key presses only and the result is read back from the database.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from sqlalchemy import select

from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Application, Company, Expense, Meeting, Membership, Network, Screening
from mægler_app.store.services import applications as app_svc
from mægler_app.ui import keyboard
from mægler_app.ui.context import AppContext
from mægler_app.ui.meetings.network_tab import NetworkActivityTab

from .keyboard_support import activate, focus, focused, key, main_window, tab, top_left, type_text, walk
from .meetings_support import make_network as make_meeting_network

CTRL = Qt.KeyboardModifier.ControlModifier


def _names(stops: list[QWidget]) -> list[str]:
    return [w.objectName() for w in stops]


def _assert_reading_order(stops: list[QWidget], root: QWidget) -> None:
    """Each stop is below the one before, or beside it to the right on the same line."""
    for a, b in zip(stops, stops[1:], strict=False):
        pa, pb = top_left(a, root), top_left(b, root)
        same_line = pb.y() < pa.y() + a.height() and pa.y() < pb.y() + b.height()
        assert (same_line and pb.x() > pa.x()) or (not same_line and pb.y() > pa.y()), (
            f"{a.objectName() or a} at {pa.toTuple()} comes before {b.objectName() or b} at {pb.toTuple()}"
        )


def _assert_named(stops: list[QWidget]) -> None:
    """What a screen reader says for each stop is not empty."""
    unnamed = [w.objectName() or repr(w) for w in stops if not keyboard.accessible_name(w).strip()]
    assert not unnamed


def _assert_not_navigation(window, stops: list[QWidget]) -> None:  # type: ignore[no-untyped-def]
    assert window.nav not in stops
    backs = [w for w in stops if isinstance(w, QAbstractButton) and w.text().startswith("←")]
    assert not backs


@pytest.fixture
def demo(store) -> dict[str, str]:
    return fill_demo(store)


# -- the company editor ------------------------------------------------------------------------


def test_company_editor_tab_order_follows_the_form(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("virksomheder")
    editor = view.editor
    stops = walk(qtbot, editor.cvr)
    in_editor = [w for w in stops if editor.isAncestorOf(w)]
    assert _names(in_editor) == [
        "cvr",
        "name",
        "address",
        "postcode",
        "city",
        "municipality",
        "employees",
        "focus_area",
        "industry",
        "is_knowledge_institution",
        "website",
        "notes",
        "addYear",
        "removeYear",
        "saveCompany",
        "revertCompany",
    ]
    _assert_reading_order(in_editor, editor)
    _assert_not_navigation(window, stops)
    assert all(view.isAncestorOf(w) for w in stops)  # the rest of the page: filter, buttons, table
    _assert_named(stops)
    # every form label is the buddy of its field
    for label in editor.findChildren(QLabel):
        if label.text() in ("Navn", "Adresse", "Kommune", "Ansatte", "Fokusområde", "CVR-nummer"):
            assert label.buddy() is not None, label.text()


def test_company_made_with_the_keyboard_alone(qtbot, store) -> None:
    window = main_window(qtbot, store)
    key(qtbot, Qt.Key.Key_2, CTRL)  # Virksomheder
    view = window.current_view()
    assert view.isAncestorOf(focused())  # the page has the focus, not the sidebar
    while focused() is not view.new_button:
        tab(qtbot)
    key(qtbot, Qt.Key.Key_Space)
    assert focused() is view.editor.cvr
    type_text(qtbot, "DK 13 58 56 28")
    tab(qtbot)
    type_text(qtbot, "Brande Stål ApS")
    tab(qtbot)
    type_text(qtbot, "Industrivej 4")
    tab(qtbot)
    type_text(qtbot, "7330")
    tab(qtbot)
    type_text(qtbot, "Brande")
    tab(qtbot, 2)
    assert focused() is view.editor.employees
    type_text(qtbot, "42")
    key(qtbot, Qt.Key.Key_S, CTRL)
    with store.session() as s:
        company = s.scalars(select(Company).where(Company.name == "Brande Stål ApS")).one()
        assert (company.cvr, company.address, company.postcode, company.city, company.employees) == (
            "13585628",
            "Industrivej 4",
            "7330",
            "Brande",
            42,
        )


# -- the network page --------------------------------------------------------------------------


def test_network_made_with_the_keyboard_alone(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    key(qtbot, Qt.Key.Key_3, CTRL)  # Netværk
    view = window.current_view()
    while focused() is not view.new_button:
        tab(qtbot)
    key(qtbot, Qt.Key.Key_Space)
    page = view.page
    assert page is not None and focused() is page.form.name
    type_text(qtbot, "Vindkraft Vest")
    tab(qtbot)
    assert focused() is page.form.network_type
    key(qtbot, Qt.Key.Key_Down)
    tab(qtbot)
    type_text(qtbot, "Fælles servicebåd")
    key(qtbot, Qt.Key.Key_S, CTRL)
    with store.session() as s:
        network = s.scalars(select(Network).where(Network.name == "Vindkraft Vest")).one()
        assert network.network_type != "" and network.core_task == "Fælles servicebåd"
    # saved: the members come next, and the keyboard is in their search
    assert focused() is page.members.search
    type_text(qtbot, "Brande")
    key(qtbot, Qt.Key.Key_Return)
    with store.session() as s:
        members = s.scalars(select(Membership).where(Membership.network_id == network.id)).all()
        assert [m.company_id for m in members] == [demo["brande"]]
    # no Tab stop on a button that has nothing to act on
    assert not page.members.update_button.isEnabled() or page.members.table.currentIndex().isValid()


def test_network_form_tab_order_stays_on_the_page(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    page = window.show_view("netvaerk").open_network(demo["network:1"])
    page.tabs.setCurrentIndex(0)
    stops = walk(qtbot, page.form.name)
    assert _names(stops)[:9] == [
        "networkName",
        "networkType",
        "coreTask",
        "participantsText",
        "networkGoals",
        "terms",
        "leadSource",
        "networkNotes",
        "saveNetwork",
    ]
    _assert_reading_order(stops[:9], page)
    _assert_not_navigation(window, stops)
    assert page.back_button not in stops
    assert all(page.isAncestorOf(w) for w in stops)
    _assert_named(stops)


def test_screening_choices_are_tab_stops_and_tab_never_leaves_the_screening(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    page = window.show_view("netvaerk").open_network(demo["network:1"])
    widget = page.show_feature("Screening")
    widget.start()
    renderer = widget.renderer
    rows = list(renderer.rows.values())
    choice_row = next(r for r in rows if hasattr(r.editor, "buttons"))
    start = rows[0].editor.focus_chain()[0]
    stops = walk(qtbot, start, 400)
    _assert_not_navigation(window, stops)
    assert page.back_button not in stops
    assert all(page.isAncestorOf(w) for w in stops)
    # Ja/Delvist/Nej: one stop per question, then its comment
    group = list(choice_row.editor.buttons.values())
    at = [i for i, w in enumerate(stops) if w in group]
    assert len(at) == 1 and stops[at[0] + 1] is choice_row.editor.comment
    body = [w for w in stops if renderer.scroll_area.widget().isAncestorOf(w)]
    _assert_reading_order(body, renderer.scroll_area.widget())
    _assert_named(stops)


def test_screening_answered_with_the_keyboard_alone(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    page = window.show_view("netvaerk").open_network(demo["network:1"])
    widget = page.show_feature("Screening")
    widget.start()  # puts the focus in the first question
    renderer = widget.renderer
    choice_row = next(r for r in renderer.rows.values() if hasattr(r.editor, "buttons"))
    while focused() not in choice_row.editor.buttons.values():
        tab(qtbot)
    key(qtbot, Qt.Key.Key_N)  # Nej
    tab(qtbot)
    assert focused() is choice_row.editor.comment
    type_text(qtbot, "Kun én ordre indtil nu")
    tab(qtbot)
    key(qtbot, Qt.Key.Key_Space)  # Space on the next question's choice: stays in the screening
    assert page.isVisible() and widget.isVisible()
    key(qtbot, Qt.Key.Key_S, CTRL)
    with store.session() as s:
        answers = s.get(Screening, widget.view.id).answers
    assert answers[choice_row.slot.question.id] == {"value": "no", "comment": "Kun én ordre indtil nu"}


# -- meetings and expenses ---------------------------------------------------------------------


def _activity_tab(qtbot, store):  # type: ignore[no-untyped-def]
    net = make_meeting_network(store)
    tab_widget = NetworkActivityTab(AppContext(store=store), net.network_id)
    qtbot.addWidget(tab_widget)
    tab_widget.resize(1100, 800)
    tab_widget.show()
    qtbot.waitExposed(tab_widget)
    activate(qtbot, tab_widget)
    return net, tab_widget


def _open_by_keyboard(qtbot, button) -> QDialog:  # type: ignore[no-untyped-def]
    activate(qtbot, button.window())
    focus(qtbot, button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog))
    dialog = QApplication.activeWindow()
    assert isinstance(dialog, QDialog)
    return dialog


def test_meeting_logged_with_the_keyboard_alone(qtbot, store) -> None:
    net, activity = _activity_tab(qtbot, store)
    editor = _open_by_keyboard(qtbot, activity.new_meeting_button)
    assert focused() is editor.when  # the dialog opens in its first field
    stops = walk(qtbot, editor.when)
    assert _names(stops)[:6] == [
        "meetingWhen",
        "meetingKind",
        "meetingPlace",
        "meetingPlanned",
        "meetingParticipants",
        "meetingOthers",
    ]
    _assert_reading_order(stops[: _names(stops).index("addStep") + 1], editor)
    assert all(editor.isAncestorOf(w) for w in stops)
    _assert_named(stops)
    focus(qtbot, editor.when)
    tab(qtbot, 2)
    type_text(qtbot, "Brande Stål, kantinen")
    tab(qtbot, 4)
    assert focused() is editor.agenda
    type_text(qtbot, "Rundvisning")
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with store.session() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.network_id == net.network_id)).one()
        assert (meeting.place, meeting.agenda) == ("Brande Stål, kantinen", "Rundvisning")


def test_expense_booked_with_the_keyboard_alone(qtbot, store) -> None:
    net, activity = _activity_tab(qtbot, store)
    activity.tabs.setCurrentIndex(1)
    editor = _open_by_keyboard(qtbot, activity.new_expense_button)
    assert focused() is editor.date  # the dialog opens in its first field
    stops = walk(qtbot, editor.date)
    assert _names(stops)[:6] == [
        "expenseDate",
        "expenseCategory",
        "expenseDescription",
        "expenseAmount",
        "expenseMeeting",
        "attachReceipt",
    ]
    _assert_reading_order(stops[:6], editor)
    assert all(editor.isAncestorOf(w) for w in stops)
    _assert_named(stops)
    focus(qtbot, editor.date)
    tab(qtbot, 2)
    type_text(qtbot, "Kaffe og rundstykker")
    tab(qtbot)
    type_text(qtbot, "450,00")
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with store.session() as s:
        expense = s.scalars(select(Expense).where(Expense.network_id == net.network_id)).one()
        assert (expense.description, expense.amount_ore) == ("Kaffe og rundstykker", 45000)


def test_escape_leaves_a_dialog_from_any_field(qtbot, store) -> None:
    _net, activity = _activity_tab(qtbot, store)
    for field in ("when", "kind", "place", "agenda", "steps", "participants"):
        editor = _open_by_keyboard(qtbot, activity.new_meeting_button)
        focus(qtbot, getattr(editor, field))
        key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda e=editor: not e.isVisible())


# -- the application ---------------------------------------------------------------------------


def test_application_tab_after_hours_goes_to_months(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("ansoegninger")
    app_id = app_svc.create_application(store, demo["network:1"])
    view.open_application(app_id)
    editor = view.editor
    focus(qtbot, editor.hours)
    scroll = editor.scroll_area.verticalScrollBar()
    at_hours = scroll.value()
    assert tab(qtbot) is editor.months
    assert scroll.value() >= at_hours  # no jump back up to the growth table
    assert tab(qtbot) is editor.rate
    stops = walk(qtbot, editor.save_button, 200)
    _assert_not_navigation(window, stops)
    in_form = [w for w in stops if editor.scroll_area.widget().isAncestorOf(w)]
    _assert_reading_order(in_form, editor.scroll_area.widget())
    _assert_named(stops)


def test_application_filled_in_with_the_keyboard_alone(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("ansoegninger")
    app_id = app_svc.create_application(store, demo["network:1"])
    view.open_application(app_id)
    editor = view.editor
    qtbot.waitUntil(lambda: focused() is editor.texts["market_perspective"])  # opens in its first text
    type_text(qtbot, "Nye kunder i Tyskland")
    while focused() is not editor.hours:
        tab(qtbot)
    type_text(qtbot, "300")
    tab(qtbot)
    type_text(qtbot, "6")
    tab(qtbot)
    type_text(qtbot, "950,00")
    key(qtbot, Qt.Key.Key_S, CTRL)
    with store.session() as s:
        row = s.get(Application, app_id)
        assert (row.market_perspective, row.consultant_hours, row.period_months, row.hourly_rate_ore) == (
            "Nye kunder i Tyskland",
            300,
            6,
            95000,
        )


# -- the menus ---------------------------------------------------------------------------------


def test_every_menu_action_shows_its_shortcut(qtbot, store) -> None:
    window = main_window(qtbot, store)
    actions = [
        a
        for menu_action in window.menuBar().actions()
        for a in menu_action.menu().actions()
        if not a.isSeparator() and a.menu() is None  # a submenu (Vis → Sprog) opens, it has no key
    ]
    assert actions
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert not missing
    texts = {a.text(): a.shortcut().toString() for a in actions}
    assert texts["&Gem"] == "Ctrl+S"
    assert texts["&Afslut"]


def test_ctrl_s_with_nothing_to_save_says_so(qtbot, store) -> None:
    window = main_window(qtbot, store)
    key(qtbot, Qt.Key.Key_1, CTRL)
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert window.statusBar().currentMessage() == "Her er intet at gemme."


def test_keyboard_support_types_any_character(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    activate(qtbot, line)
    focus(qtbot, line)
    type_text(qtbot, "Ø – é")
    assert line.text() == "Ø – é"


def test_tab_after_switching_tabs_goes_into_the_new_tab(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    page = window.show_view("netvaerk").open_network(demo["network:1"])
    widget = page.show_feature("Screening")
    focus(qtbot, widget.start_button)
    key(qtbot, Qt.Key.Key_Tab, CTRL)  # the next tab: Møder og udgifter
    activity = page.tabs.currentWidget()
    assert activity is not widget
    assert activity.isAncestorOf(tab(qtbot))  # not back to the top of the page
    # the burn-down chart is a picture, not a stop: Tab from the page's tab bar reaches the meetings' tabs
    focus(qtbot, page.tabs.tabBar())
    assert tab(qtbot) is activity.tabs.tabBar()


@pytest.mark.parametrize("answer", ["Cancel", "Save", "Discard"])
def test_escape_with_typing_asks_first(qtbot, store, monkeypatch, answer: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    net, activity = _activity_tab(qtbot, store)
    editor = _open_by_keyboard(qtbot, activity.new_meeting_button)
    tab(qtbot, 2)
    type_text(qtbot, "Kantinen")
    key(qtbot, Qt.Key.Key_Escape)
    assert asked and "Kantinen" in asked[0]
    assert editor.isVisible() == (answer == "Cancel")  # Annullér keeps the dialog and the typing
    if answer == "Cancel":
        assert editor.place.text() == "Kantinen"
    with store.session() as s:
        places = s.scalars(select(Meeting.place).where(Meeting.network_id == net.network_id)).all()
    assert places == (["Kantinen"] if answer == "Save" else [])


def test_escape_in_an_untouched_expense_asks_nothing(qtbot, store, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **_k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    _net, activity = _activity_tab(qtbot, store)
    activity.tabs.setCurrentIndex(1)
    editor = _open_by_keyboard(qtbot, activity.new_expense_button)
    key(qtbot, Qt.Key.Key_Escape)
    assert not asked and not editor.isVisible()
    editor = _open_by_keyboard(qtbot, activity.new_expense_button)
    tab(qtbot, 2)
    type_text(qtbot, "Kaffe")
    key(qtbot, Qt.Key.Key_Escape)
    assert asked and editor.isVisible() and editor.description.text() == "Kaffe"


def test_every_stop_in_every_main_view_has_a_name(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    for key_ in window.specs:
        view = window.show_view(key_)
        qtbot.wait(20)
        stops = keyboard.tab_chain(view)
        assert stops or key_ == "overblik"  # Overblik is cards to read, nothing to operate
        _assert_named(stops)


def test_alt_left_goes_back_from_a_network_and_the_keyboard_comes_along(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("netvaerk")
    page = view.open_network(demo["network:1"])
    assert "Alt+Left" in page.back_button.toolTip()
    focus(qtbot, page.tabs.tabBar())
    key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.stack.currentWidget() is view.overview_page
    assert focused() is view.filter


def test_alt_left_goes_back_from_an_application(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("ansoegninger")
    view.open_application(app_svc.create_application(store, demo["network:1"]))
    qtbot.waitUntil(lambda: focused() is view.editor.texts["market_perspective"])
    key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.pages.currentIndex() == 0
    assert view.isAncestorOf(focused())


def test_a_table_with_the_keyboard_shows_it(qtbot, store, demo) -> None:
    from mægler_app.ui.style import STYLE

    window = main_window(qtbot, store)
    window.setStyleSheet(STYLE)
    table = window.show_view("virksomheder").table
    qtbot.wait(20)

    def frame() -> object:
        return table.grab().toImage().pixelColor(0, table.height() // 2).name()

    without = frame()
    focus(qtbot, table)
    table.update()
    qtbot.wait(20)
    assert frame() != without


# -- a search box, then the list it searches ----------------------------------------------------
def test_tab_from_the_companies_search_goes_to_the_list_then_the_buttons(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    focus(qtbot, view.filter)
    type_text(qtbot, "a")
    assert tab(qtbot) is view.table  # not »Ny virksomhed« beside the box
    assert tab(qtbot) is view.new_button  # the buttons on the search box's line follow the list
    assert tab(qtbot, 2, back=True) is view.filter  # Shift+Tab: back the same way
    stops = walk(qtbot, view.filter)
    assert stops.count(view.table) == 1  # once, right after the box
    assert _names(stops)[:3] == ["filter_virksomheder", "table_virksomheder", "newCompany"]


def test_tab_from_the_networks_search_goes_to_the_board_and_list(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    view = window.show_view("netvaerk")
    focus(qtbot, view.filter)
    after = tab(qtbot)
    board_lists = [column.list for column in view.columns.values()]
    assert after in board_lists  # the first stage column with a network, not »Nyt netværk«
    stops = walk(qtbot, view.filter)
    assert stops.index(view.table) < stops.index(view.new_button)
    assert all(stops.index(w) < stops.index(view.new_button) for w in stops if w in board_lists)
    focus(qtbot, after)
    assert tab(qtbot, back=True) is view.filter


def test_tab_from_a_networks_member_search_goes_to_the_companies_found(qtbot, store, demo) -> None:
    window = main_window(qtbot, store)
    page = window.show_view("netvaerk").open_network(demo["network:1"])
    members = page.members
    focus(qtbot, members.search)
    type_text(qtbot, "a")
    qtbot.waitUntil(lambda: members.hits.count() > 0)
    assert tab(qtbot) is members.hits  # the companies found, then the role and »Tilføj«
    assert tab(qtbot) is members.add_role
    assert tab(qtbot, 2, back=True) is members.search


def test_in_every_main_view_the_stop_after_a_search_box_is_a_list(qtbot, store, demo) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    window = main_window(qtbot, store)
    checked = []
    for key_ in window.specs:
        view = window.show_view(key_)
        qtbot.wait(20)
        stops = keyboard.tab_chain(view)
        for box in (w for w in stops if isinstance(w, QLineEdit) and w.objectName().startswith("filter_")):
            lists = [w for w in stops if isinstance(w, QAbstractItemView)]
            if lists:
                after = stops[(stops.index(box) + 1) % len(stops)]
                assert isinstance(after, QAbstractItemView), (
                    f"{key_}: {box.objectName()} → {after.objectName()}"
                )
                checked.append(key_)
    assert {"virksomheder", "netvaerk"} <= set(checked)
