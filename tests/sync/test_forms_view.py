"""Skemaer, the caseworker's view, driven with qtbot against a real server: it lists what is
published, checks a definition file with the forms engine, says what changed, publishes it (in a
worker), and says why it cannot publish without the server. Brokers do not see it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mægler_app.domain.changes import Changes
from mægler_app.store.db import Store, open_store
from mægler_app.store.services.overview import set_role
from mægler_app.sync.service import login
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms import publish_view
from mægler_app.ui.forms.publish_view import FormsView
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.sync.view import SyncView
from tests.server.conftest import PASSWORD, ServerProcess

from .test_forms_sync import (
    NEW_QUESTION,
    add_user,
    api_as,
    broker_profile,
    fresh_server,
    screening_v1,
    screening_v2,
)


@pytest.fixture
def forms_server(tmp_path: Path) -> Iterator[ServerProcess]:
    yield from fresh_server(tmp_path)


def profile(srv: ServerProcess, tmp_path: Path, role: str) -> Store:
    store = open_store(tmp_path / f"laptop-{role}")
    login(store, srv.base, add_user(srv, role), PASSWORD)
    return store


def window_for(qtbot: Any, store: Store) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def open_through_the_dialog(qtbot: Any, view: FormsView, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)


def write(tmp_path: Path, name: str, body: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def changes(view: FormsView) -> list[str]:
    return [view.changes.item(i).text() for i in range(view.changes.count())]


def test_caseworker_checks_compares_and_publishes_and_a_broker_gets_it(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = profile(forms_server, tmp_path, "caseworker")
    try:
        window = window_for(qtbot, store)
        assert nav_titles(window)[-2:] == ["Skemaer", "Synkronisering"]
        view = window.show_view("skemaer")
        assert isinstance(view, FormsView)
        qtbot.waitUntil(lambda: view.online is True, timeout=15_000)
        assert view.published.rowCount() == 1
        assert [view.published.index(0, c).data() for c in range(4)] == [
            "Screening af netværk (tjek-/analyseskema)",
            "screening",
            "1",
            "33",
        ]
        assert " kl. " in view.published.index(0, 4).data()  # when the server published it
        assert not view.publish_button.isEnabled()
        assert "Åbn en skemafil" in view.publish_reason.text()

        # A definition the engine refuses: the fault in Danish, nothing to publish.
        bad = screening_v2()
        bad["sections"][0]["questions"][-1] = {**NEW_QUESTION, "kind": "signature"}
        open_through_the_dialog(qtbot, view, monkeypatch, write(tmp_path, "forkert.json", bad))
        assert view.validation.objectName() == "error"
        assert "ukendt spørgsmålstype »signature«" in view.validation.text()
        assert not view.publish_button.isEnabled() and "fejlen" in view.publish_reason.text()

        # The published version itself: nothing changed, and its number is taken.
        open_through_the_dialog(qtbot, view, monkeypatch, write(tmp_path, "v1.json", screening_v1()))
        assert changes(view) == ["Spørgsmålene og reglerne er de samme som i den udgivne version 1."]
        assert not view.publish_button.isEnabled()
        assert "højere versionsnummer" in view.publish_reason.text()

        # Version 2: valid, the new question named, published in a worker after a confirmation.
        open_through_the_dialog(qtbot, view, monkeypatch, write(tmp_path, "v2.json", screening_v2()))
        assert view.validation.objectName() == "formsValid"
        assert "version 2 er gyldigt: 34 spørgsmål i 6 sektioner" in view.validation.text()
        assert changes(view) == [
            "Nyt spørgsmål i »Netværkets sammensætning«: »Har følgegruppen set netværket?«."
        ]
        assert "den udgivne version 1" in view.changes_title.text()
        assert view.publish_button.isEnabled() and view.publish_button.text() == "Udgiv version 2"
        asked: list[str] = []

        def yes(_parent: Any, _title: str, text: str, accept: str, reject: str) -> bool:
            asked.append(text)
            assert (accept, reject) == ("Udgiv", "Annullér")  # the button names the irreversible act
            return True

        monkeypatch.setattr(publish_view, "confirm", yes)
        qtbot.mouseClick(view.publish_button, Qt.MouseButton.LeftButton)
        assert asked and "version 2" in asked[0]
        qtbot.waitUntil(lambda: "er udgivet" in view.result.text(), timeout=15_000)
        qtbot.waitUntil(lambda: view.published.index(0, 2).data() == "2", timeout=15_000)
        assert not view.publish_button.isEnabled()  # version 2 is published now
        qtbot.waitUntil(lambda: view.list_worker is None, timeout=15_000)

        # On the server, for every broker, and on a broker's laptop after its sync.
        broker = api_as(forms_server, "broker")
        try:
            listed = {f["version"]: f["body"] for f in broker.forms()}
        finally:
            broker.close()
        assert listed[2] == screening_v2()
        laptop = broker_profile(forms_server, tmp_path, "bo")
        try:
            # The broker's sync page: "Synkronisér nu" runs in a worker and names the new form.
            sync_view = window_for(qtbot, laptop).show_view("synkronisering")
            assert isinstance(sync_view, SyncView)
            qtbot.mouseClick(sync_view.sync_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not sync_view.controller.running, timeout=30_000)
            assert "Nye skemaer fra Væksthus: Screening af netværk (tjek-/analyseskema) v2." in (
                sync_view.result.text()
            )
            report = sync_view.controller.last_report
            assert report is not None
            assert report.forms_added == ["Screening af netværk (tjek-/analyseskema) v2"]
        finally:
            laptop.close()
    finally:
        store.close()


def test_without_the_server_the_publish_button_says_why(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = profile(forms_server, tmp_path, "caseworker")
    try:
        assert forms_server.stop() == 0
        window = window_for(qtbot, store)
        view = window.show_view("skemaer")
        assert isinstance(view, FormsView)
        qtbot.waitUntil(lambda: view.online is False, timeout=30_000)
        assert "svarer ikke" in view.server_state.text()
        assert view.published.rowCount() == 1  # the forms on this computer
        assert view.published.index(0, 4).data() == "–"  # when it was published is the server's to say
        open_through_the_dialog(qtbot, view, monkeypatch, write(tmp_path, "v2.json", screening_v2()))
        assert "version 1 på denne computer" in view.changes_title.text()
        assert changes(view) == [
            "Nyt spørgsmål i »Netværkets sammensætning«: »Har følgegruppen set netværket?«."
        ]
        assert not view.publish_button.isEnabled()
        assert "kræver forbindelse til Væksthus' server" in view.publish_reason.text()
    finally:
        store.close()


def test_brokers_and_local_profiles_have_no_skemaer(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path
) -> None:
    broker = profile(forms_server, tmp_path, "broker")
    local = open_store(tmp_path / "local")
    try:
        windows = {}
        for store in (broker, local):
            windows[store] = window_for(qtbot, store)
            titles = nav_titles(windows[store])
            assert "Skemaer" not in titles and titles[-1] == "Synkronisering"
        # The local profile logs in as a caseworker: after the sync (bus "*") Skemaer is listed,
        # and the page shown stays.
        window = windows[local]
        window.show_view("netvaerk")
        login(local, forms_server.base, add_user(forms_server, "caseworker"), PASSWORD)
        window.ctx.bus.changed.emit(Changes.ALL)
        assert nav_titles(window)[-2:] == ["Skemaer", "Synkronisering"]
        assert window.current_view().key == "netvaerk"
        forms_view = window.show_view("skemaer")
        assert isinstance(forms_view, FormsView)
        assert [a.text() for a in window.view_menu.actions()][-2:] == ["Skemaer", "Synkronisering"]
        qtbot.waitUntil(lambda: forms_view.list_worker is None, timeout=15_000)
    finally:
        broker.close()
        local.close()


def test_a_broker_account_is_refused_by_the_server_and_the_view_says_so(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A profile that still believes it is a caseworker's (the operator has made the account a
    # broker's since): the view is listed, and the server has the last word.
    store = profile(forms_server, tmp_path, "broker")
    try:
        set_role(store, "caseworker")
        window = window_for(qtbot, store)
        view = window.show_view("skemaer")
        assert isinstance(view, FormsView)
        qtbot.waitUntil(lambda: view.online is True, timeout=15_000)
        open_through_the_dialog(qtbot, view, monkeypatch, write(tmp_path, "v2.json", screening_v2()))
        monkeypatch.setattr(publish_view, "confirm", lambda *a, **k: True)
        qtbot.mouseClick(view.publish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "ikke udgivet" in view.result.text(), timeout=15_000)
        assert "Kun Væksthus' sagsbehandlere" in view.result.text()
        assert view.result.objectName() == "error"
        qtbot.waitUntil(lambda: view.list_worker is None, timeout=15_000)
        assert [view.published.index(r, 2).data() for r in range(view.published.rowCount())] == ["1"]
    finally:
        store.close()
