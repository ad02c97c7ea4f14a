"""The sync screens driven with qtbot against a real server: login, sync in a worker, conflicts, rejections."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from mægler_app.domain.rules import FACILITATION_FRAME_ORE
from mægler_app.store.models import (
    ActionPlan,
    Application,
    Company,
    Contact,
    EffectMeasurement,
    Expense,
    Meeting,
    Membership,
    Network,
    OutboxEntry,
    Screening,
)
from mægler_app.store.services.overview import get_state, pending_counts
from mægler_app.sync import resolve
from mægler_app.sync.api import Api, AuthError
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.sync.view import SyncView, conflicts_model, diff_model, pending_model, rejected_model

from .conftest import PASSWORD
from .test_engine import add_network, outbox


def _window(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _sync_view(window: MainWindow) -> SyncView:
    view = window.show_view("synkronisering")
    assert isinstance(view, SyncView)
    return view


def _wait_idle(qtbot: Any, view: SyncView, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not view.controller.running, timeout=timeout)


def _log_in_with_dialog(qtbot: Any, view: SyncView, server: str, user: str) -> None:
    qtbot.waitUntil(lambda: view.login_dialog is not None and view.login_dialog.isVisible(), timeout=5000)
    dialog = view.login_dialog
    assert dialog is not None
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, server)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)


def test_login_from_the_gui_then_sync_in_a_worker(
    qtbot: Any, store: Any, sync_server: Any, new_user: Any, laptop: Any
) -> None:
    user = new_user()
    ids = add_network(store)
    window = _window(qtbot, store)
    assert "Lokal profil" in window.status_online.text()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.nav, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_view().key == "synkronisering", timeout=2000)
    view = _sync_view(window)
    assert "Ikke forbundet" in view.account_label.text()
    # a bad password: the dialog stays open with a Danish message
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.login_dialog is not None and view.login_dialog.isVisible(), timeout=5000)
    dialog = view.login_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.server, sync_server.base)
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, "forkert-forkert")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.isVisible() and dialog.error.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    # logging in starts a sync in the thread pool
    qtbot.waitUntil(lambda: view.controller.last_report is not None, timeout=30_000)
    _wait_idle(qtbot, view)
    assert view.controller.last_report.complete
    assert "Online" in window.status_online.text()
    assert pending_counts(store) == (0, 0, 0)
    qtbot.waitUntil(lambda: window.status_pending.text().startswith("0 "), timeout=5000)
    assert get_state(store, "last_sync")
    assert "Alt er synkroniseret" in view.result.text()
    assert user in view.account_label.text()
    # the records reached the server: another laptop of the same broker gets them
    other = laptop(user, "other")
    assert other.sync().complete
    with other.store.session() as s:
        assert s.get(Network, ids["network"]).name == "Metalnetværket"
    assert view.controller.timer.isActive()  # the next automatic sync is scheduled


def test_records_not_yet_sent_are_marked_in_their_lists(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any
) -> None:
    lap = laptop(new_user())
    ids = add_network(lap.store)
    assert resolve.pending_record_ids(lap.store, "network") == {ids["network"]}
    assert resolve.pending_record_ids(lap.store, "company") == set(ids["companies"])
    window = _window(qtbot, lap.store)

    companies = window.show_view("virksomheder")
    cmodel = companies.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: cmodel.rowCount() == len(ids["companies"]), timeout=5000)

    def company_marks() -> list[tuple[bool, str]]:
        out = []
        for row in range(cmodel.rowCount()):
            index = cmodel.index(row, 0)
            out.append(
                (
                    isinstance(cmodel.data(index, Qt.ItemDataRole.DecorationRole), QIcon),
                    str(cmodel.data(index, Qt.ItemDataRole.ToolTipRole) or ""),
                )
            )
        return out

    assert all(icon and "Ikke sendt til Væksthus" in tip for icon, tip in company_marks())
    # other columns are left alone
    assert cmodel.data(cmodel.index(0, 1), Qt.ItemDataRole.DecorationRole) is None

    networks = window.show_view("netvaerk")
    board = networks.columns  # type: ignore[attr-defined]
    cards = [c.list.item(i) for c in board.values() for i in range(c.list.count())]
    assert len(cards) == 1 and not cards[0].icon().isNull()
    assert "Ikke sendt" in cards[0].toolTip()

    # a change the server refuses is marked red, pointing to where the reason is
    with lap.store.session() as s:
        s.add(
            Expense(
                network_id=ids["network"],
                spent_on=dt.date(2025, 1, 2),
                amount_ore=FACILITATION_FRAME_ORE + 100,
                description="Studietur",
            )
        )
    view = _sync_view(window)
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)

    window.show_view("virksomheder")
    # the tooltip is then the company's name alone (the table may elide it), without a mark's text
    qtbot.waitUntil(lambda: all("\n" not in tip for _icon, tip in company_marks()), timeout=5000)
    assert all("Væksthus" not in tip for _icon, tip in company_marks())
    assert cmodel.data(cmodel.index(0, 0), Qt.ItemDataRole.DecorationRole) is None  # no marks left
    page = window.show_view("netvaerk").open_network(ids["network"])  # type: ignore[attr-defined]
    tab = next(t for t in page.feature_tabs if hasattr(t, "expenses_model"))
    tab.reload()
    emodel = tab.expenses_model
    assert emodel.rowCount() == 1
    index = emodel.index(0, 0)
    assert isinstance(emodel.data(index, Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Afvist af Væksthus' server" in emodel.data(index, Qt.ItemDataRole.ToolTipRole)


def test_conflict_side_by_side_keep_mine_from_the_view(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).core_task = "Fælles indkøb af stål"
    with b.store.session() as s:
        s.get(Network, ids["network"]).core_task = "Fælles salg til Tyskland"
    assert a.sync().complete
    window = _window(qtbot, b.store)
    view = _sync_view(window)
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.conflicts.rowCount() == 1, timeout=5000)
    assert view.conflicts_box.isVisible()
    assert "kræver din stillingtagen" in view.result.text()
    assert [view.diff.data(view.diff.index(0, c)) for c in range(3)] == [
        "Kerneopgave (hvad)",
        "Fælles salg til Tyskland",
        "Fælles indkøb af stål",
    ]
    qtbot.mouseClick(view.keep_mine_button, Qt.MouseButton.LeftButton)
    assert view.conflicts.rowCount() == 0 and not view.conflicts_box.isVisible()
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.controller.last_report is not None and view.controller.last_report.complete,
        timeout=30_000,
    )
    assert a.sync().complete
    with a.store.session() as s:
        assert s.get(Network, ids["network"]).core_task == "Fælles salg til Tyskland"


def test_rejected_change_shown_with_reason_and_discarded(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any
) -> None:
    lap = laptop(new_user())
    ids = add_network(lap.store)
    with lap.store.session() as s:
        bad = Expense(
            network_id=ids["network"],
            spent_on=dt.date(2025, 1, 2),
            amount_ore=FACILITATION_FRAME_ORE + 100,
            description="Studietur",
            receipt_sha256="ab" * 32,  # over 500 kr.: final only with its receipt
        )
        s.add(bad)
    window = _window(qtbot, lap.store)
    view = _sync_view(window)
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.rejected.rowCount() == 1, timeout=5000)
    assert view.rejected.data(view.rejected.index(0, 1)) == "Studietur"
    assert "over rammen" in view.rejected.data(view.rejected.index(0, 3))
    qtbot.waitUntil(lambda: "kræver handling" in window.status_pending.text(), timeout=5000)
    view.open_record(view.rejected_table, 0)  # to mend it: the expense's own editor opens
    assert window.current_view().key == "moeder"
    editor = window.current_view().tab.editor  # type: ignore[attr-defined]
    assert editor.isVisible() and editor.expense_id == bad.id
    editor.reject()
    window.show_view("synkronisering")
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert view.rejected.rowCount() == 0
    with lap.store.session() as s:
        assert s.get(Expense, bad.id).deleted
        assert s.scalars(select(OutboxEntry)).all() == []


def test_a_laptop_of_the_old_protocol_is_told_to_update_and_keeps_its_changes(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, monkeypatch: Any
) -> None:
    from mægler_app.sync import api as sync_api

    def entries() -> list[tuple[Any, ...]]:
        with lap.store.session() as s:
            return [
                (e.seq, e.change_id, e.status, e.attempts, e.data, e.last_error)
                for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
            ]

    lap = laptop(new_user())
    add_network(lap.store)
    before = entries()
    assert before
    monkeypatch.setattr(sync_api, "PROTOCOL_VERSION", 1)  # a Mægler not yet updated
    window = _window(qtbot, lap.store)
    view = _sync_view(window)
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    assert "Opdatér Mægler" in view.result.text()
    assert entries() == before


def test_cancel_stops_between_batches_and_loses_nothing(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any
) -> None:
    from mægler_app.domain.cvr import make_valid_cvr

    lap = laptop(new_user())
    with lap.store.session() as s:
        s.add_all(Company(cvr=make_valid_cvr(400_000 + i), name=f"Firma {i}") for i in range(3000))
    window = _window(qtbot, lap.store)
    view = _sync_view(window)
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    assert view.progress.isVisible() and view.cancel_button.isVisible()
    qtbot.waitUntil(lambda: view.progress.value() > 0, timeout=30_000)
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    assert "afbrudt" in view.result.text()
    pending = pending_counts(lap.store)[0]
    assert 0 < pending < 3000
    assert lap.sync().complete
    with lap.store.session() as s:
        assert len(s.scalars(select(Company.id)).all()) == 3000


def test_without_keyring_the_gui_says_so_and_asks_each_session(
    qtbot: Any, store: Any, sync_server: Any, new_user: Any
) -> None:
    keyring.set_keyring(fail.Keyring())
    user = new_user()
    window = _window(qtbot, store)
    view = _sync_view(window)
    assert view.keyring_note.isVisible() and "ingen nøglering" in view.keyring_note.text()
    view.open_login()
    _log_in_with_dialog(qtbot, view, sync_server.base, user)
    qtbot.waitUntil(lambda: view.controller.last_report is not None, timeout=30_000)
    token = view.controller.session_token
    assert token  # in memory only
    assert Api(sync_server.base, token, retries=0).me()["username"] == user
    window.close()

    # Closing ends the session on the server too (in a thread of its own; the window did not wait).
    def ended() -> bool:
        try:
            Api(sync_server.base, token, retries=0).me()
        except AuthError:
            return True
        return False

    qtbot.waitUntil(ended, timeout=10_000)
    # next session: the account is known, the token is not
    again = _window(qtbot, store)
    view2 = _sync_view(again)
    assert not view2.controller.has_token()
    assert "log ind igen" in view2.account_label.text()
    qtbot.mouseClick(view2.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view2.login_dialog is not None and view2.login_dialog.isVisible(), timeout=5000)
    assert view2.login_dialog.user.text() == user


def test_models_pass_qtmodeltester(qtmodeltester: Any, sync_server: Any, new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).goals = "A"
    with b.store.session() as s:
        s.get(Network, ids["network"]).goals = "B"
        s.add(
            Expense(
                description="Forplejning",
                network_id=ids["network"],
                spent_on=dt.date(2025, 1, 2),
                amount_ore=FACILITATION_FRAME_ORE + 1,
            )
        )
    assert a.sync().complete
    b.sync()
    conflicts = resolve.list_conflicts(b.store)
    rejected = resolve.list_rejected(b.store)
    assert len(conflicts) == 1 and len(rejected) == 1
    with b.store.session() as s:
        s.get(Network, ids["network"]).name = "Stålnetværket"
    pending, _total = resolve.list_pending(b.store)
    assert len(pending) == 1
    for model, rows in (
        (pending_model(), pending),
        (conflicts_model(), conflicts),
        (diff_model(), list(conflicts[0].fields)),
        (rejected_model(), rejected),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)


def test_sync_page_lists_what_waits_to_be_sent(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, monkeypatch: Any
) -> None:
    lap = laptop(new_user())
    ids = add_network(lap.store)
    window = _window(qtbot, lap.store)
    view = _sync_view(window)
    view.refresh()
    # one row per record, newest first, however many changes it has
    assert view.pending_box.isVisible() and not view.pending_more.isVisible()
    rows = [view.pending.row_at(i) for i in range(view.pending.rowCount())]
    sent_order = [(entity, rid) for entity, rid, _status in outbox(lap.store)]
    assert [(r.entity, r.record_id) for r in rows] == list(reversed(sent_order))
    assert sorted(r.entity_label for r in rows) == ["Medlemskab"] * 3 + ["Netværk"] + ["Virksomhed"] * 3
    network_row = next(r for r in rows if r.entity == "network")
    assert network_row.label == "Metalnetværket" and network_row.what == "Ny post"
    # a membership names its network; a company (in any number of networks) names none
    assert {r.network for r in rows if r.entity == "membership"} == {"Metalnetværket"}
    assert {r.network for r in rows if r.entity in ("company", "network")} == {""}
    assert view.pending.data(view.pending.index(0, 4)) not in ("", "–")  # when it was changed

    # a double click opens the record where it is edited: a membership on its network's page,
    # a company in the company register
    def double_click(table: Any, row: int) -> None:
        index = table.model().index(row, 1)
        table.scrollTo(index)
        at = table.visualRect(index).center()
        # as a mouse does it: press and release, then the double click (Qt wants the press first)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)

    member_row = next(i for i, r in enumerate(rows) if r.entity == "membership")
    double_click(view.pending_table, member_row)
    assert window.current_view().key == "netvaerk"
    page = window.current_view().page  # type: ignore[attr-defined]
    assert page.network_id == ids["network"] and page.tabs.currentWidget() is page.members
    with lap.store.session() as s:
        member = s.get(Membership, rows[member_row].record_id)
        assert member is not None
        member_company = member.company_id
    members = page.members
    assert members.model.rows()[members.table.currentIndex().row()].company_id == member_company
    company_row = next(i for i, r in enumerate(rows) if r.entity == "company")
    window.show_view("synkronisering")
    double_click(view.pending_table, company_row)
    assert window.current_view().key == "virksomheder"
    assert window.current_view().editor.company_id == rows[company_row].record_id  # type: ignore[attr-defined]
    window.show_view("synkronisering")

    # only the newest are listed when there are many, and the page says how many in all
    monkeypatch.setattr(resolve, "PENDING_SHOWN", 2)
    view.refresh()
    assert view.pending.rowCount() == 2 and view.pending_more.isVisible()
    assert view.pending_more.text() == "Viser de 2 senest ændrede af 7 poster."

    # sent: nothing waits
    qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    assert view.pending.rowCount() == 0 and not view.pending_box.isVisible()

    # an edit names its fields; a deletion says so
    with lap.store.session() as s:
        company = s.get(Company, ids["companies"][0])
        assert company is not None
        company.city = "Herning"
        company.employees = 12
        gone = s.get(Company, ids["companies"][1])
        assert gone is not None
        gone.deleted = True
    with lap.store.session() as s:  # as if sent once and not answered: the next edit is a change of its own
        for entry in s.scalars(select(OutboxEntry)):
            entry.attempts = 1
    with lap.store.session() as s:
        company = s.get(Company, ids["companies"][0])
        assert company is not None
        company.notes = "Ringer tilbage i næste uge"
    assert [rid for _e, rid, _s in outbox(lap.store)].count(ids["companies"][0]) == 2
    monkeypatch.setattr(resolve, "PENDING_SHOWN", 200)
    view.refresh()
    assert view.pending.rowCount() == 2
    by_id = {view.pending.row_at(i).record_id: view.pending.row_at(i) for i in range(view.pending.rowCount())}
    assert by_id[ids["companies"][0]].what == "By, Ansatte, Noter"
    assert by_id[ids["companies"][1]].what == "Slettes"
    assert by_id[ids["companies"][0]].label == "Virksomhed 0 ApS"
    # an application opens in the application editor
    with lap.store.session() as s:
        application = Application(network_id=ids["network"])
        s.add(application)
    view.refresh()
    app_row = next(
        i for i in range(view.pending.rowCount()) if view.pending.row_at(i).entity == "application"
    )
    view.open_record(view.pending_table, app_row)
    applications = window.current_view()
    assert applications.key == "ansoegninger"
    assert applications.editor.application_id == application.id  # type: ignore[attr-defined]
    window.show_view("synkronisering")
    # a screening on its network's screening tab
    with lap.store.session() as s:
        screening = Screening(network_id=ids["network"], form_id="screening", form_version=1)
        s.add(screening)
    view.refresh()
    rows_now = [view.pending.row_at(i) for i in range(view.pending.rowCount())]
    view.open_record(view.pending_table, next(i for i, r in enumerate(rows_now) if r.entity == "screening"))
    page = window.current_view().page  # type: ignore[attr-defined]
    assert page.network_id == ids["network"]
    assert type(page.tabs.currentWidget()).__name__ == "ScreeningWidget"
    window.show_view("synkronisering")
    # an action plan in the application it was made with
    with lap.store.session() as s:
        plan = ActionPlan(network_id=ids["network"], application_id=application.id)
        s.add(plan)
    view.refresh()
    rows_now = [view.pending.row_at(i) for i in range(view.pending.rowCount())]
    view.open_record(view.pending_table, next(i for i, r in enumerate(rows_now) if r.entity == "action_plan"))
    assert window.current_view().key == "ansoegninger"
    assert window.current_view().editor.application_id == application.id  # type: ignore[attr-defined]
    window.show_view("synkronisering")
    # a record deleted here has no place to open; the page says so
    deleted_row = next(i for i in range(view.pending.rowCount()) if view.pending.row_at(i).what == "Slettes")
    view.open_record(view.pending_table, deleted_row)
    assert view.result.text() == "Posten findes ikke længere her på computeren."
    assert window.current_view().key == "synkronisering"


def test_the_sync_page_names_each_waiting_record_by_what_it_is_of(qtbot: Any, store: Any) -> None:
    """The "Post" column: a screening, a membership, a meeting … by its network and company, not
    its id; the names read with one query per kind however many records wait."""
    from sqlalchemy import event

    ids = add_network(store, companies=2)
    net, (first, second) = ids["network"], ids["companies"]
    with store.session() as s:
        s.add_all([
            Screening(network_id=net, form_id="screening", form_version=1),
            Meeting(network_id=net, starts_at=dt.datetime(2026, 12, 14, 9, 30, tzinfo=dt.UTC)),
            Expense(network_id=net, spent_on=dt.date(2026, 12, 15), amount_ore=125_000),
            Application(network_id=net),
            ActionPlan(network_id=net),
            EffectMeasurement(company_id=first, year=2025),
            Contact(company_id=second, name="Anne Hansen"),
        ])  # fmt: skip
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    window = _window(qtbot, store)
    view = _sync_view(window)
    engine = store.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        view.refresh()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    shown: dict[str, list[str]] = {}
    for i in range(view.pending.rowCount()):
        shown.setdefault(view.pending.row_at(i).entity, []).append(
            view.pending.data(view.pending.index(i, 1))
        )
        shown[view.pending.row_at(i).entity].sort()
    assert shown == {
        "network": ["Metalnetværket"],
        "company": ["Virksomhed 0 ApS", "Virksomhed 1 ApS"],
        "membership": ["Virksomhed 0 ApS i Metalnetværket", "Virksomhed 1 ApS i Metalnetværket"],
        "screening": ["Screening af Metalnetværket"],
        "meeting": ["Møde 14. december 2026 i Metalnetværket"],
        "expense": ["Udgift 15. december 2026 i Metalnetværket"],
        "application": ["Ansøgning fra Metalnetværket"],
        "action_plan": ["Handlingsplan for Metalnetværket"],
        "effect_measurement": ["Effektmåling 2025 for Virksomhed 0 ApS"],
        "contact": ["Anne Hansen, Virksomhed 1 ApS"],
    }, shown
    # the companies' names for the Post column: one query for all the rows
    names = [q for q in statements if re.match(r"SELECT company.id, company.name\s+FROM company\s", q)]
    assert len(names) == 1, names


def test_the_keyring_is_read_once_and_never_on_the_gui_thread(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, memory_keyring: Any, monkeypatch: Any
) -> None:
    """From the first paint through syncs and the views that ask whether a token is saved: the
    keyring (a D-Bus call, 200 ms to import and find) is read in a worker, once, and the token kept."""
    import threading

    from mægler_app.ui.app import _load_store_after_paint
    from mægler_app.ui.sync.controller import controller_for

    lap = laptop(new_user())
    reads: list[bool] = []  # one per read: on the GUI thread?
    stored = memory_keyring.get_password

    def get_password(service: str, username: str) -> str | None:
        reads.append(threading.current_thread() is threading.main_thread())
        return stored(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", get_password)
    ctx = AppContext(profile=lap.store.profile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _load_store_after_paint(ctx, window)
    qtbot.waitUntil(
        lambda: ctx.sync_controller is not None and ctx.sync_controller.token_read, timeout=10_000
    )
    controller = controller_for(ctx)
    assert controller.token() and reads == [False]
    assert controller.sync_now()
    qtbot.waitUntil(lambda: controller.last_report is not None and not controller.running, timeout=30_000)
    view = _sync_view(window)
    assert "log ind igen" not in view.account_label.text()
    assert controller.sync_now()
    qtbot.waitUntil(lambda: not controller.running, timeout=30_000)
    assert reads == [False]  # read once, in the worker that opened the store
    # logged out: no token at once; the server is told in a worker, then the view says so
    token = controller.token()
    assert token
    qtbot.mouseClick(view.logout_button, Qt.MouseButton.LeftButton)
    assert not controller.has_token() and not view.logout_button.isEnabled()
    qtbot.waitUntil(lambda: view.result.text().startswith("Logget ud"), timeout=10_000)
    assert view.logout_button.isEnabled() and "log ind igen" in view.account_label.text()
    with pytest.raises(AuthError):
        Api(sync_server.base, token, retries=0).me()  # ended on the server
    assert memory_keyring.items == {} and reads == [False]
    asked: list[str] = []
    controller.login_needed.connect(asked.append)
    assert not controller.sync_now() and asked  # the login is asked for at once, nothing read
    assert reads == [False]
    ctx.pool.waitForDone()


def test_a_sync_with_no_token_known_yet_reads_it_in_the_worker(
    qtbot: Any, sync_server: Any, new_user: Any, laptop: Any, memory_keyring: Any, monkeypatch: Any
) -> None:
    """A sync started before the start-up worker has read the keyring reads it itself, off the GUI
    thread; with none saved, it says so and asks for the login."""
    import threading

    from mægler_app.ui.main_window import NOT_LOGGED_IN
    from mægler_app.ui.sync.controller import SyncController

    lap = laptop(new_user())
    reads: list[bool] = []
    stored = memory_keyring.get_password

    def get_password(service: str, username: str) -> str | None:
        reads.append(threading.current_thread() is threading.main_thread())
        return stored(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", get_password)
    window = _window(qtbot, lap.store)
    controller = SyncController(window.ctx, window)
    assert not controller.token_read
    assert controller.sync_now()
    qtbot.waitUntil(lambda: controller.last_report is not None and not controller.running, timeout=30_000)
    assert reads == [False] and controller.token_read and controller.token()

    memory_keyring.items.clear()  # another session: nothing saved in the keyring
    other = SyncController(window.ctx, window)
    asked: list[str] = []
    other.login_needed.connect(asked.append)
    assert other.sync_now()  # started: only the worker can know there is no token
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert not other.running and other.online == NOT_LOGGED_IN
    assert reads == [False, False] and asked[0].startswith(f"Log ind igen som {lap.username}")
    assert not other.sync_now()  # known now: asked again at once, nothing started or read
    assert len(asked) == 2 and reads == [False, False]
