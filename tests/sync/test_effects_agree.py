"""Effects (issue 19) against a real server on 127.0.0.1: a broker records key figures and a
baseline year and syncs; the server's ``/stats?effects=true`` over HTTP equals the caseworker
desk's figures from its synced records, the desk's export equals ``maegler-server export-effects``
byte for byte, and the Programmet card shows the same figures."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mægler_app.domain.effects import growth_text
from mægler_app.domain.timeutil import utcnow
from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database
from mægler_app.store.db import Store, open_store
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Membership, Satisfaction
from mægler_app.store.services import companies as companies_svc
from mægler_app.store.services import effects as effects_svc
from mægler_app.store.services.programme import programme_data
from mægler_app.sync.api import Api
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.programme.loader import load_job
from mægler_app.ui.programme.view import ProgrammeView
from mægler_app.ui.sync.controller import controller_for
from tests.server.conftest import PASSWORD, ServerProcess, run_cli, start_server

from .test_forms_sync import sync

MIO = 1_000_000 * 100


def _user(srv: ServerProcess, name: str, role: str) -> str:
    db = Database(srv.db_url)
    try:
        add_user(db, name, role, PASSWORD, name.title())
    finally:
        db.dispose()
    return name


class Setup:
    def __init__(self, srv: ServerProcess, caseworker: Store, api: Api, tmp: Path) -> None:
        self.srv, self.caseworker, self.api, self.tmp = srv, caseworker, api, tmp


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    from mægler_app.sync.service import login

    tmp = tmp_path_factory.mktemp("effects")
    db_url = f"sqlite:///{tmp / 'server.sqlite3'}"
    assert run_cli("init", db=db_url).returncode == 0
    srv = start_server(db_url, tmp / "server.log")
    stores: list[Store] = []
    api = Api(srv.base, backoff=0.01)
    try:
        api.login(_user(srv, "sagsbehandler", "caseworker"), PASSWORD)
        year = utcnow().year
        for key in ("anna", "bo"):
            store = open_store(tmp / f"laptop-{key}")
            stores.append(store)
            login(store, srv.base, _user(srv, key, "broker"), PASSWORD)
            ids = fill_demo(store)
            grow = {"brande": 110, "panel": 125, "randers": 104, "skive": 100}  # percent over a year
            for k, (company, pct) in enumerate(grow.items()):
                base = (20 + 7 * k) * MIO
                companies_svc.save_key_figures(
                    store,
                    ids[company],
                    [
                        companies_svc.KeyFigures(year - 1, base, base // 3, base // 5 * k, 10 + k),
                        companies_svc.KeyFigures(year, base * pct // 100, base // 3, base // 5 * k, 11 + k),
                    ],
                )
            # one company whose broker set its baseline two years back, with a year missing between
            companies_svc.save_key_figures(
                store,
                ids["viborg"],
                [
                    companies_svc.KeyFigures(year - 3, 40 * MIO, None, None, 30),
                    companies_svc.KeyFigures(year - 1, 49 * MIO, None, None, 33),
                ],
            )
            effects_svc.set_baseline_year(store, ids["viborg"], year - 3)
            with store.session() as s:  # five answers, four satisfied: exactly 80 %
                # each by a member of its network (domain.satisfaction), at an occasion, on a day
                answer = {"occasion": "stage_2", "answered_on": utcnow().date()}
                members = {m.company_id: m.network_id for m in s.scalars(select(Membership))}
                for company, score in (
                    ("brande", 5),
                    ("panel", 4),
                    ("ingenioer", 4),
                    ("randers", 5),
                    ("skive", 2),
                ):
                    network = members[ids[company]]
                    s.add(Satisfaction(company_id=ids[company], network_id=network, score=score, **answer))
            report = sync(store)
            assert report.complete and report.rejected == 0, report.messages
        caseworker = open_store(tmp / "laptop-caseworker")
        stores.append(caseworker)
        login(caseworker, srv.base, "sagsbehandler", PASSWORD)
        assert sync(caseworker).complete
        yield Setup(srv, caseworker, api, tmp)
    finally:
        api.close()
        for store in stores:
            store.close()
        assert srv.stop() == 0, srv.log()


def _server_effects(setup: Setup) -> dict[str, Any]:
    answer = setup.api.request("GET", "/stats", params={"effects": "true"}).json()
    return dict(answer["effects"])


def test_stats_effects_equal_the_desks_figures(setup: Setup) -> None:
    there = _server_effects(setup)
    # the desk as Programmet loads it: /stats?moves=true heard first, then this laptop's records
    api = Api(setup.srv.base, backoff=0.01)
    api.token = setup.api.token
    here = load_job(setup.caseworker, api).effects
    assert here == there
    total = there["total"]
    assert total["companies"] == 14  # seven companies of two trin-1 networks, for each broker
    turnover = total["metrics"]["turnover_ore"]
    assert turnover["companies"] == 10 and turnover["without_figures"] == 4
    # brande (exactly 10 %), panel (25 %) and viborg (40 → 49 over two years, the missing year
    # between costs nothing: 10,68 % a year) meet the target, for each broker
    assert turnover["met"] == 6
    assert there["satisfaction"]["responses"] == 10 and there["satisfaction"]["share_bp"] == 8000
    assert there["satisfaction"]["met"] is True
    # /stats without the parameter leaves the section out (an older client asks for nothing new)
    assert "effects" not in setup.api.request("GET", "/stats").json()
    assert programme_data(setup.caseworker).effects["total"] == total


def test_desk_export_equals_the_servers(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "server.csv"
    result = run_cli("export-effects", str(out), db=setup.srv.db_url)
    assert result.returncode == 0, result.stderr
    assert "14 virksomheder skrevet" in result.stdout
    main, cvrs, n = effects_svc.export_effects(setup.caseworker, _moves(setup))
    assert n == 14
    assert out.read_bytes() == main
    assert (tmp_path / "server-cvr.csv").read_bytes() == cvrs
    assert main.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(main.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 14 and all(len(r["CVR"]) == 8 for r in rows)
    year = utcnow().year
    assert {"CVR", "Netværk", "Tilmeldt", "Trin nået", "Basisår", f"Omsætning {year - 3}"} <= set(rows[0])
    # no personal data: no contact's name or e-mail anywhere
    text = main.decode("utf-8-sig")
    assert "@" not in text and "Kontakt" not in text


def _moves(setup: Setup) -> Any:
    from mægler_app.store.services.programme import remember_brokers, server_moves

    remember_brokers(setup.caseworker, setup.api.request("GET", "/stats", params={"moves": "true"}).json())
    return server_moves(setup.caseworker)


def test_programmet_card_shows_the_stats_figures_and_exports(
    qtbot: Any, setup: Setup, tmp_path: Path
) -> None:
    ctx = AppContext(store=setup.caseworker)
    controller_for(ctx).session_token = setup.api.token
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view("programmet")
    assert isinstance(view, ProgrammeView)
    with qtbot.waitSignal(view.shown, timeout=20_000):
        window.show_view("programmet")
    panel = view.effects_panel
    there = _server_effects(setup)
    median = there["total"]["metrics"]["turnover_ore"]["median_cagr_bp"]
    assert panel.value_labels["turnover_ore:3"].text() == growth_text(median)
    assert "80 %" in panel.satisfaction.text() and panel.satisfaction.text().startswith("✓")
    assert sum(panel.growth_chart.counts["turnover_ore"]) == 10
    assert panel.satisfaction_chart.shares  # one bar per year
    # the table's texts are made in the pool after the figures are shown
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(there["networks"]), timeout=10_000)
    target = tmp_path / "desk.csv"
    with qtbot.waitSignal(panel.exported, timeout=20_000):
        panel.export_to(target)
    assert (tmp_path / "desk-cvr.csv").exists()
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_programme_report_carries_the_effects(setup: Setup, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from mægler_app.reports.programme_pdf import write_programme_pdf

    data = programme_data(setup.caseworker)
    path = write_programme_pdf(data, tmp_path / "programrapport.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "Effekter: vækst og tilfredshed" in text
    total = data.effects["total"]
    assert f"{total['companies']} deltagende virksomheder" in text
    assert growth_text(total["metrics"]["turnover_ore"]["median_cagr_bp"]) in text  # "−" printed as it is
    assert "80 %" in text and "Pr. fokusområde" in text
