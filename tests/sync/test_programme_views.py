"""Programmet and Mæglere, the caseworker's views (issue 18, parts 3-4), against a real server on
127.0.0.1: two brokers build and send their networks the way the app does, a caseworker decides
one application and syncs; the figures on screen then equal the server's ``/stats``, the
programme report carries them, and Mæglere lists each broker by name with the right counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar

from mægler_app.domain.changes import Changes
from mægler_app.domain.numbers import format_int, format_kr, format_percent_bp
from mægler_app.domain.programme import TARGET_NAMES
from mægler_app.domain.rules import BROKER_BONUS_ORE
from mægler_app.domain.stages import STAGE_ORDER
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database
from mægler_app.store.db import Store, open_store
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Satisfaction
from mægler_app.store.services import applications as apps
from mægler_app.sync.api import Api
from mægler_app.sync.service import login
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.programme.brokers import BrokersView
from mægler_app.ui.programme.view import ProgrammeView
from mægler_app.ui.sync.controller import controller_for
from tests.server.conftest import PASSWORD, ServerProcess, run_cli, start_server
from tests.test_application_service import _complete

from .test_forms_sync import sync

BROKERS = {"anna": "Anna Bæk Jensen", "bo": "Bo Østergaard"}


class Programme:
    def __init__(self, srv: ServerProcess, caseworker: Store, api: Api, submitted: dict[str, str]) -> None:
        self.srv = srv
        self.caseworker = caseworker
        self.api = api
        self.submitted = submitted  # broker key → the id of its application still awaiting a decision

    def session_token(self) -> str:
        """A token of the window's own: the app ends a session token when its window closes."""
        api = Api(self.srv.base, backoff=0.01)
        try:
            return str(api.login("sagsbehandler", PASSWORD)["token"])
        finally:
            api.close()

    def stats(self) -> dict[str, Any]:
        return dict(self.api.request("GET", "/stats").json())


def _user(srv: ServerProcess, name: str, role: str, display_name: str = "") -> str:
    db = Database(srv.db_url)
    try:
        add_user(db, name, role, PASSWORD, display_name)
    finally:
        db.dispose()
    return name


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Programme]:
    tmp = tmp_path_factory.mktemp("programme")
    db_url = f"sqlite:///{tmp / 'server.sqlite3'}"
    init = run_cli("init", db=db_url)
    assert init.returncode == 0, init.stderr
    srv = start_server(db_url, tmp / "server.log")
    stores: list[Store] = []
    api = Api(srv.base, backoff=0.01)
    try:
        api.login(_user(srv, "sagsbehandler", "caseworker", "Sara Sagsbehandler"), PASSWORD)
        submitted: dict[str, str] = {}
        for key, display in BROKERS.items():
            store = open_store(tmp / f"laptop-{key}")
            stores.append(store)
            login(store, srv.base, _user(srv, key, "broker", display), PASSWORD)
            ids = fill_demo(store)
            # Both trin-1 networks apply; Væksthus approves the first (a bonus earned, an action plan).
            for n in ("network:1", "network:2"):
                app_id = apps.create_application(store, ids[n])
                apps.save_draft(store, app_id, _complete(apps.get_application(store, app_id).draft))
                apps.submit(store, app_id)
                submitted[f"{key}:{n}"] = app_id
            with store.session() as s:  # two satisfaction answers: one satisfied, one not
                answer = {
                    "network_id": ids["network:1"],
                    "occasion": "stage_2",
                    "answered_on": dt.date.today(),
                }
                s.add(Satisfaction(company_id=ids["brande"], score=5, **answer))
                s.add(Satisfaction(company_id=ids["panel"], score=3, **answer))
            report = sync(store)
            assert report.complete and report.rejected == 0, report.messages
        api.decide(submitted.pop("anna:network:1"), "approved", "Godt forarbejde")
        api.decide(submitted.pop("bo:network:1"), "approved", "Fint")
        caseworker = open_store(tmp / "laptop-caseworker")
        stores.append(caseworker)
        login(caseworker, srv.base, "sagsbehandler", PASSWORD)
        assert sync(caseworker).complete
        yield Programme(srv, caseworker, api, submitted)
    finally:
        api.close()
        for store in stores:
            store.close()
        assert srv.stop() == 0, srv.log()


def _window(qtbot: Any, store: Store, token: str | None = None) -> MainWindow:
    ctx = AppContext(store=store)
    # The keyring is each test's own (tests/conftest.py): this test's session holds the token.
    controller_for(ctx).session_token = token
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open(qtbot: Any, window: MainWindow, key: str) -> Any:
    view = window.view(key)
    with qtbot.waitSignal(view.shown, timeout=20_000):  # type: ignore[attr-defined]
        window.show_view(key)
    return view


def _figure(view: ProgrammeView, key: str) -> str:
    return view.value_labels[key].text()


def test_programmet_shows_the_figures_of_stats_for_the_period_and_each_year(
    qtbot: Any, programme: Programme
) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert "programmet" in keys and "maeglere" in keys
    view = _open(qtbot, window, "programmet")
    assert isinstance(view, ProgrammeView)
    total = programme.stats()["total"]
    # the seeding made something of every kind, so equal figures are not zeros agreeing
    assert total["figures"]["networks"] == 4 and total["figures"]["action_plans"] == 2
    for key in ("companies_screened", "networks", "action_plans", "business_networks"):
        assert _figure(view, key) == format_int(total["targets"][key]["value"]), key
        bar = view.findChild(QProgressBar, f"bar_{key}")
        assert bar is not None and bar.maximum() == total["targets"][key]["high"]
    satisfaction = total["figures"]["satisfaction"]
    assert satisfaction["percent"] == 50.0
    assert _figure(view, "satisfied") == format_percent_bp(round(satisfaction["percent"] * 100))
    # networks per broker: how many of the brokers reached 12 (none, with two networks each)
    assert _figure(view, "networks_per_broker") == "0 af 2"

    years = sorted(total["by_year"])
    assert years and [view.scope.itemData(i) for i in range(1, view.scope.count())] == years
    for i, year in enumerate(years, start=1):
        view.scope.setCurrentIndex(i)
        for key, target in total["by_year"][year]["targets"].items():
            assert _figure(view, key) == format_int(target["value"]), (year, key)
    # the funnel: every network was a candidate, two of each broker's reached trin 1, one trin 2
    assert view.funnel.values["candidate"] == 6
    assert view.funnel.values["stage_1"] == total["figures"]["networks"] == 4
    assert view.funnel.values["stage_2"] == 2 and view.funnel.values["stage_3"] == 0


def test_the_programme_report_carries_the_targets_and_figures(
    qtbot: Any, programme: Programme, tmp_path: Path
) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    view = _open(qtbot, window, "programmet")
    path = tmp_path / "programrapport.pdf"
    with qtbot.waitSignal(view.report_written, timeout=20_000) as written:
        view.write_report(path)
    assert written.args == [str(path)]
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    total = programme.stats()["total"]
    assert "Programrapport" in text and f"Side 1 af {len(reader.pages)}" in text
    for key in ("companies_screened", "networks", "action_plans", "business_networks"):
        target = total["targets"][key]
        # pypdf reads a table's cells one a line
        line = f"{TARGET_NAMES[key]}\n{format_int(target['value'])}\n{target['low']}–{target['high']}\n"
        assert line in text, line
    assert f"{TARGET_NAMES['satisfied']}\n{format_percent_bp(5000)}\nmindst 80 %" in text
    assert f"{TARGET_NAMES['networks_per_broker']}\n0 af 2\n12–19" in text
    for name in BROKERS.values():
        assert name in text
    assert "Energi/miljø" in text and "Tragten" in text


def test_maeglere_lists_each_broker_by_name_with_the_right_counts(qtbot: Any, programme: Programme) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    view = _open(qtbot, window, "maeglere")
    assert isinstance(view, BrokersView)
    stats = programme.stats()["brokers"]
    assert {b["user"]["display_name"] for b in stats} == set(BROKERS.values())
    assert view.proxy.rowCount() == len(BROKERS)
    assert view.state.text().startswith(f"{len(BROKERS)} mæglere · talt ")
    model = view.proxy
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for broker in stats:
        row = view.row_of(broker["user"]["id"])
        assert row >= 0
        cells = {headers[c]: model.index(row, c).data() for c in range(model.columnCount())}
        assert cells["Netværksmægler"] == broker["user"]["display_name"]
        for c, stage in enumerate(STAGE_ORDER, start=1):
            assert model.index(row, c).data() == format_int(
                broker["figures"]["networks_by_stage"][stage.value]
            )
        assert cells["Etablerede\n12–19"] == format_int(broker["figures"]["networks"]) == "2"
        assert cells["Bonus kr.\noptjent"] == format_kr(BROKER_BONUS_ORE, suffix=False)
        assert cells["Bonus kr.\nforventet"] == format_kr(BROKER_BONUS_ORE, suffix=False)
        assert cells["Venter\nafgørelse"] == "1"
        # the titles on two lines, whole on one in their tooltips
        assert model.headerData(len(headers) - 1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            "Venter afgørelse"
        )

    # double click: that broker's networks
    anna = next(b for b in stats if b["user"]["display_name"] == BROKERS["anna"])
    index = model.index(view.row_of(anna["user"]["id"]), 0)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.networks_opened) as opened:
        # QTest's double click alone is no double click to a view: a press/release must come first
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [anna["user"]["id"]]
    assert view.dialog is not None and view.dialog.isVisible()
    assert view.dialog.model.rowCount() == sum(anna["figures"]["networks_by_stage"].values()) == 3
    view.dialog.close()


def test_the_broker_models_pass_qtmodeltester(qtbot: Any, qtmodeltester: Any, programme: Programme) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    view = _open(qtbot, window, "maeglere")
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    view.open_broker(view.proxy.index(0, 0))
    assert view.dialog is not None
    qtmodeltester.check(view.dialog.model)
    view.dialog.close()


def test_maeglere_formats_each_cell_once_per_load(
    qtbot: Any, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    view = _open(qtbot, window, "maeglere")
    import mægler_app.ui.programme.brokers as brokers

    calls: list[int] = []
    monkeypatch.setattr(brokers, "format_int", lambda n: calls.append(n) or format_int(n))
    index = view.model.index(0, 1)
    first = index.data()
    assert index.data() == first and view.model.index(0, 1).data() == first
    assert len(calls) <= 1  # a repaint asks again; babel is not asked again


def test_a_broker_sees_neither_view(qtbot: Any, programme: Programme, tmp_path: Path) -> None:
    store = open_store(tmp_path / "laptop-broker")
    try:
        login(
            store,
            programme.srv.base,
            _user(programme.srv, f"carl-{dt.datetime.now().timestamp()}", "broker"),
            PASSWORD,
        )
        window = _window(qtbot, store)
        keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
        assert "programmet" not in keys and "maeglere" not in keys
        window.close()
    finally:
        store.close()


def test_the_two_views_share_one_count_until_something_changes(qtbot: Any, programme: Programme) -> None:
    window = _window(qtbot, programme.caseworker, programme.session_token())
    first = _open(qtbot, window, "programmet")
    brokers = _open(qtbot, window, "maeglere")  # shown from Programmet's count, not counted again
    before = first.data
    assert before is not None and brokers.data is before
    window.ctx.bus.changed.emit(Changes.ALL)  # as after a sync: Mæglere (shown) counts again
    qtbot.waitUntil(lambda: brokers.data is not before, timeout=20_000)
    assert brokers.data is not None and brokers.data.computed_at > before.computed_at
    assert first.data is brokers.data  # Programmet shows the new count too


def test_each_year_counts_by_the_servers_moves_not_the_pushed_history(qtbot: Any, tmp_path: Path) -> None:
    """A broker's laptop says its network reached trin 1 two years ago; the server counts it when
    the move reached it (docs/protocol.md, /stats). Programmet counts the year as /stats does."""
    from .test_forms_sync import fresh_server

    servers = fresh_server(tmp_path)
    srv = next(servers)
    stores: list[Store] = []
    api = Api(srv.base, backoff=0.01)
    try:
        api.login(_user(srv, "sagsbehandler", "caseworker"), PASSWORD)
        broker = open_store(tmp_path / "laptop-broker")
        stores.append(broker)
        login(broker, srv.base, _user(srv, "anna", "broker", "Anna"), PASSWORD)
        ids = fill_demo(broker)
        long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2 * 366)
        from mægler_app.store.models import Network

        with broker.session() as s:
            network = s.get(Network, ids["network:1"])
            assert network is not None
            network.stage_history = [
                {"stage": st, "at": (long_ago + dt.timedelta(days=i)).isoformat()}
                for i, st in enumerate(("candidate", "screened", "stage_1"))
            ]
            network.stage_changed_at = long_ago + dt.timedelta(days=2)
        assert sync(broker).complete
        caseworker = open_store(tmp_path / "laptop-caseworker")
        stores.append(caseworker)
        login(caseworker, srv.base, "sagsbehandler", PASSWORD)
        assert sync(caseworker).complete

        stats = api.request("GET", "/stats", params={"moves": "true"}).json()
        assert ids["network:1"] in stats["moves"]
        years = sorted(stats["total"]["by_year"])
        assert str(long_ago.year) not in years  # the server counts it this year

        window = _window(qtbot, caseworker, api.token)
        view = _open(qtbot, window, "programmet")
        assert [view.scope.itemData(i) for i in range(1, view.scope.count())] == years
        for i, year in enumerate(years, start=1):
            view.scope.setCurrentIndex(i)
            for key, target in stats["total"]["by_year"][year]["targets"].items():
                assert _figure(view, key) == format_int(target["value"]), (year, key)
        window.close()
    finally:
        api.close()
        for store in stores:
            store.close()
        next(servers, None)


def test_on_the_demo_programme_every_figure_on_screen_equals_stats(qtbot: Any, tmp_path: Path) -> None:
    """``maegler-server demo`` (three brokers: backdated histories, decisions both ways,
    satisfaction): after a caseworker's sync, Programmet and Mæglere show /stats' figures."""
    db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert run_cli("init", db=db_url).returncode == 0
    demo = run_cli("demo", "--brokers", "3", db=db_url, stdin=PASSWORD + "\n")
    assert demo.returncode == 0, demo.stderr
    srv = start_server(db_url, tmp_path / "server.log")
    api = Api(srv.base, backoff=0.01)
    caseworker = open_store(tmp_path / "laptop-caseworker")
    try:
        api.login("sagsbehandler", PASSWORD)
        login(caseworker, srv.base, "sagsbehandler", PASSWORD)
        assert sync(caseworker).complete
        stats = api.request("GET", "/stats").json()
        total = stats["total"]
        assert total["figures"]["action_plans"] > 0 and total["figures"]["satisfaction"]["responses"] > 0
        window = _window(qtbot, caseworker, api.token)
        view = _open(qtbot, window, "programmet")
        for key in ("companies_screened", "networks", "action_plans", "business_networks"):
            assert _figure(view, key) == format_int(total["targets"][key]["value"]), key
        percent = total["figures"]["satisfaction"]["percent"]
        assert _figure(view, "satisfied") == format_percent_bp(round(percent * 100))
        years = sorted(total["by_year"])
        assert [view.scope.itemData(i) for i in range(1, view.scope.count())] == years
        for i, year in enumerate(years, start=1):
            view.scope.setCurrentIndex(i)
            for key, target in total["by_year"][year]["targets"].items():
                assert _figure(view, key) == format_int(target["value"]), (year, key)
        brokers = _open(qtbot, window, "maeglere")
        assert brokers.proxy.rowCount() == len(stats["brokers"]) == 3
        for broker in stats["brokers"]:
            row = brokers.row_of(broker["user"]["id"])
            assert brokers.proxy.index(row, 0).data() == broker["user"]["display_name"]
            for c, stage in enumerate(STAGE_ORDER, start=1):
                expected = format_int(broker["figures"]["networks_by_stage"][stage.value])
                assert brokers.proxy.index(row, c).data() == expected
        window.close()
    finally:
        api.close()
        caseworker.close()
        assert srv.stop() == 0, srv.log()
