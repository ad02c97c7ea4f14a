"""The caseworker's app (issue 18 parts 1–2), driven with qtbot against a real server on 127.0.0.1:
the caseworker's navigation and broker column, and decisions from the Indbakke that reach the
broker's laptop at its next sync."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select

from mægler_app.domain.rules import BROKER_BONUS_ORE
from mægler_app.domain.stages import Stage
from mægler_app.forms import bundled_registry
from mægler_app.store.models import Application, Network, OutboxEntry
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import screening as screening_svc
from mægler_app.sync.api import Api
from mægler_app.ui import keyboard
from mægler_app.ui.context import AppContext
from mægler_app.ui.desk import inbox as inbox_module
from mægler_app.ui.desk.inbox import InboxView
from mægler_app.ui.main_window import MainWindow
from tests.server.conftest import ServerProcess

from ..forms_fixtures import complete_answers, make_network
from .test_forms_sync import fresh_server


@pytest.fixture
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own per test (replacing the session's): a caseworker sees every broker's
    records, so another test's brokers would be in its lists."""
    yield from fresh_server(tmp_path_factory.mktemp("desk-server"))


def submitted_application(store: Any, name: str) -> str:
    """A network screened and passed (trin 1) with a complete application submitted, as a broker makes it."""
    nid, _ids, _ = make_network(store, name=name)
    view = screening_svc.start_screening(store, nid)
    defn = bundled_registry().get(view.form_id, view.form_version)
    answers = complete_answers(defn, screening_svc.form_context(store, nid), dict(view.answers))
    screening_svc.save_answers(store, view.id, answers)
    assert screening_svc.finalize_screening(store, view.id).stage == "stage_1"
    app_id = app_svc.create_application(store, nid)
    draft = app_svc.get_application(store, app_id).draft
    for key in (
        "market_perspective",
        "economic_perspective",
        "technology_perspective",
        "strategy_perspective",
    ):
        setattr(draft, key, "Beskrevet af mægleren.")
    draft.consultant_name, draft.consultant_firm = "Karen Møller", "Møller Strategi ApS"
    draft.consultant_hours, draft.hourly_rate_ore, draft.period_months = 300, 95_000, 6
    app_svc.save_draft(store, app_id, draft)
    app_svc.submit(store, app_id)
    return app_id


class Answer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.asked: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        self.asked.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == self.text]
        button.click()
        return 0


def window_for(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_caseworker_decides_both_ways_and_the_broker_sees_it(
    qtbot: Any, new_user: Any, laptop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    first = submitted_application(broker.store, "Metalnetværket Vest")
    second = submitted_application(broker.store, "Fødevarenetværket Øst")
    assert broker.sync().complete
    case = laptop(new_user("caseworker", "Carl Sagsbehandler"), "case")
    assert case.sync().complete

    window = window_for(qtbot, case.store)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Indbakke",
        "Programmet",
        "Mæglere",
        "Netværk",
        "Virksomheder",
        "Skemaer",
        "Synkronisering",
    ]

    # every list has the broker by display name, and a filter by broker; no "Nyt netværk"
    networks = window.show_view("netvaerk")
    qtbot.waitUntil(lambda: networks.model.rowCount() >= 2, timeout=10_000)
    column = networks.brokers.column_index
    assert (
        networks.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Mægler"
    )
    assert {networks.model.index(r, column).data() for r in range(networks.model.rowCount())} == {"Birte Bæk"}
    assert networks.brokers.combo.isVisible() and networks.new_button.isHidden()
    assert [networks.brokers.combo.itemText(i) for i in range(networks.brokers.combo.count())] == [
        "Alle mæglere",
        "Birte Bæk",
    ]
    board = networks.columns[Stage.APPLICATION]
    assert all("Birte Bæk" in board.list.item(i).text() for i in range(board.count())) and board.count() == 2
    # a broker's network opens read-only, with the note instead of its buttons
    page = networks.open_network(networks.model.rows()[0].id)
    note = page.findChild(QLabel, "readOnlyNote")
    assert note is not None and note.isVisible() and "Kun til læsning" in note.text()
    assert page.form.save_button.isHidden() and page.advance_button.isHidden()
    assert page.form.name.isReadOnly() and page.back_button.isVisible()
    networks.show_overview()
    companies = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: companies.model.rowCount() >= 6, timeout=10_000)
    assert companies.model.index(0, companies.brokers.column_index).data() == "Birte Bæk"
    assert companies.new_button.isHidden() and companies.editor.save_button.isHidden()

    inbox = window.show_view("indbakke")
    assert isinstance(inbox, InboxView)
    qtbot.waitUntil(lambda: not inbox.loading, timeout=10_000)  # read in the thread pool
    assert [r.id for r in inbox.rows] == [first, second]  # oldest first
    assert inbox.model.index(0, 2).data() == "Birte Bæk"
    assert [inbox.model.index(0, c).data() for c in range(3, 7)] == [
        "300",
        "285.000,00 kr.",
        "142.500,00 kr. · 3 · lige",  # the companies' 50 %, how many, split evenly
        "Bestået",
    ]
    assert inbox.current is not None and inbox.current.id == first
    assert inbox.editor.texts["market_perspective"].isReadOnly()
    assert inbox.attention_models["screening"].rowCount() == 2  # both screened today

    answer = Answer("Bevilg")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer.exec(box))
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Bevilget" in inbox.result.text(), timeout=15_000)
    assert "Metalnetværket Vest" in answer.asked[0]
    with case.store.session() as s:  # the caseworker's own copy at once
        assert s.get(Application, first).status == "approved"
    qtbot.waitUntil(lambda: inbox.controller.worker is None, timeout=15_000)

    # a rejection needs its reason
    inbox.select(second)
    assert inbox.current is not None and inbox.current.id == second
    assert inbox.cannot_decide() == "Henter ansøgningen …"  # until the application is read in
    qtbot.waitUntil(lambda: not inbox.loading, timeout=10_000)
    assert not inbox.reject_button.isEnabled()
    assert inbox.decide("rejected") is False
    inbox.reason.setPlainText("Budgettet hænger ikke sammen med planen.")
    assert inbox.reject_button.isEnabled()
    reject = Answer("Afslå")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reject.exec(box))
    qtbot.mouseClick(inbox.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Afslået" in inbox.result.text(), timeout=15_000)
    qtbot.waitUntil(lambda: inbox.controller.worker is None, timeout=15_000)
    qtbot.waitUntil(lambda: not inbox.loading and inbox.rows == [], timeout=10_000)
    with case.store.session() as s:  # nothing of the caseworker's waits to be sent
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0

    # the broker's next sync
    assert broker.sync().complete
    with broker.store.session() as s:
        approved, rejected = s.get(Application, first), s.get(Application, second)
        assert (approved.status, approved.bonus_ore) == ("approved", BROKER_BONUS_ORE)
        assert s.get(Network, approved.network_id).stage == "stage_2"
        assert (rejected.status, rejected.bonus_ore) == ("rejected", 0)
        assert rejected.decision_comment == "Budgettet hænger ikke sammen med planen."
        assert s.get(Network, rejected.network_id).stage == "stage_1"


def test_offline_the_decision_buttons_say_why_and_nothing_is_sent(
    qtbot: Any, new_user: Any, laptop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    app_id = submitted_application(broker.store, "Metalnetværket Vest")
    assert broker.sync().complete
    case = laptop(new_user("caseworker"), "case")
    assert case.sync().complete
    window = window_for(qtbot, case.store)
    inbox = window.show_view("indbakke")
    assert isinstance(inbox, InboxView)
    qtbot.waitUntil(lambda: not inbox.loading, timeout=10_000)
    assert inbox.approve_button.isEnabled()
    inbox.controller._set_online(False)  # the last attempt found no server
    assert inbox.approve_button.text() == "Bevilg – kræver forbindelse"
    assert inbox.reject_button.text() == "Afslå – kræver forbindelse"
    assert not inbox.approve_button.isEnabled() and "Offline" in inbox.why_not.text()
    asked = Answer("Bevilg")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.exec(box))
    assert inbox.decide("approved") is False and asked.asked == []
    with case.store.session() as s:
        assert s.get(Application, app_id).status == "submitted"

    # the server seemed there but does not answer the decision: said, and nothing kept to send later
    inbox.controller._set_online(True)
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nobody listens there
    monkeypatch.setattr(inbox_module, "api_for", lambda *_a, **_k: Api(f"http://127.0.0.1:{port}", "t"))
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ikke sendt" in inbox.why_not.text(), timeout=15_000)
    assert asked.asked and inbox.approve_button.isEnabled() and inbox.rows[0].id == app_id
    with case.store.session() as s:
        assert s.get(Application, app_id).status == "submitted"
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_every_stop_in_every_caseworker_view_has_a_name(qtbot: Any, new_user: Any, laptop: Any) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    submitted_application(broker.store, "Metalnetværket Vest")
    assert broker.sync().complete
    case = laptop(new_user("caseworker"), "case")
    assert case.sync().complete
    window = window_for(qtbot, case.store)
    for key_ in window.specs:
        view = window.show_view(key_)
        # once what the view reads in the pool is shown: a table is a Tab stop once it has rows
        qtbot.waitUntil(lambda: window.ctx.pool.activeThreadCount() == 0, timeout=10_000)
        qtbot.wait(50)
        stops = keyboard.tab_chain(view)
        assert stops, key_
        unnamed = [w.objectName() or repr(w) for w in stops if not keyboard.accessible_name(w).strip()]
        assert not unnamed, (key_, unnamed)


def test_a_broker_profile_keeps_the_broker_views(qtbot: Any, new_user: Any, laptop: Any) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    window = window_for(qtbot, broker.store)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == "Overblik" and "Indbakke" not in titles
    networks = window.show_view("netvaerk")
    qtbot.wait(50)
    assert networks.brokers.column_index == -1 and networks.brokers.combo.isHidden()


def test_a_caseworker_reads_a_networks_history_from_the_server(
    qtbot: Any, new_user: Any, laptop: Any, sync_server: ServerProcess
) -> None:
    """Issue 22 item 2: the "Historik" tab of a network on the caseworker's desk, fetched in a worker."""
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    app_id = submitted_application(broker.store, "Metalnetværket Vest")
    assert broker.sync().complete
    with broker.store.session() as s:
        network_id = s.get(Application, app_id).network_id
    case = laptop(new_user("caseworker", "Carl Sagsbehandler"), "case")
    assert case.sync().complete
    window = window_for(qtbot, case.store)
    networks = window.show_view("netvaerk")
    qtbot.waitUntil(lambda: networks.model.rowCount() >= 1, timeout=10_000)
    page = networks.open_network(network_id)
    assert page.history is not None
    page.tabs.setCurrentWidget(page.history)
    panel = page.history
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15_000)
    texts = [panel.model.index(r, 3).data() for r in range(panel.model.rowCount())]
    posts = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert "Screening af Metalnetværket Vest" in posts and "Metalnetværket Vest" in posts
    assert any(p.endswith(" i Metalnetværket Vest") for p in posts)  # a member by its company's name
    people = {panel.model.index(r, 1).data() for r in range(panel.model.rowCount())}
    assert any(t.startswith("Netværk oprettet") for t in texts)
    assert any(t.startswith("Ansøgning") and "Status = Indsendt" in t for t in texts)
    assert any(t.startswith("Screening") for t in texts)
    assert people == {f"Birte Bæk ({broker.username})"}
    assert "ændringer, nyeste først" in panel.status.text()
    # usable on a read-only page: the refresh button is the caseworker's own
    assert panel.refresh_button.isVisible() and panel.refresh_button.isEnabled()
    # a broker's page has no history tab (the endpoint is the caseworkers')
    bwin = window_for(qtbot, broker.store)
    bpage = bwin.show_view("netvaerk").open_network(network_id)
    assert bpage.history is None
