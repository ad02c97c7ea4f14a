"""The server answers in English when asked (issue 24): ``Accept-Language: en`` renders refusals and
errors from the English half of the catalogue; without it, or asking for Danish, they are Danish.
A push answer's codes and parameters are the same either way. Over real HTTP."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import requests

from mægler_app.domain.language import from_accept_language
from mægler_app.domain.messages import Msg, render_all
from mægler_app.domain.stages import NetworkFacts, Stage, missing_for
from mægler_app.domain.sync_contract import PROTOCOL_HEADER, PROTOCOL_VERSION

from .conftest import HEADERS, ServerProcess, build_network, change, run_cli, start_server


def test_the_header_is_read_by_its_weights() -> None:
    assert from_accept_language(None) == "da"
    assert from_accept_language("") == "da"
    assert from_accept_language("en") == "en"
    assert from_accept_language("en-GB,en;q=0.9") == "en"
    assert from_accept_language("da, en;q=0.8") == "da"
    assert from_accept_language("de-DE, en;q=0.5, da;q=0.7") == "da"
    assert from_accept_language("fr") == "da"
    assert from_accept_language("en;q=0, da") == "da"


def test_an_error_is_english_when_asked(server: ServerProcess) -> None:
    url = f"{server.base}/api/v1/sync/pull?since=0"
    danish = requests.get(url, headers=HEADERS, timeout=30)
    english = requests.get(url, headers={**HEADERS, "Accept-Language": "en-GB,en;q=0.9"}, timeout=30)
    assert danish.status_code == english.status_code == 401
    assert danish.json()["detail"] == Msg.AUTH_LOG_IN_FIRST().render("da")
    assert english.json()["detail"] == Msg.AUTH_LOG_IN_FIRST().render("en")
    assert english.json()["detail"] != danish.json()["detail"]
    # the guard before everything else (the protocol version) answers in English too
    old = requests.get(url, headers={PROTOCOL_HEADER: "0", "Accept-Language": "en"}, timeout=30)
    assert old.status_code == 426
    assert old.json()["detail"] == Msg.HTTP_PROTOCOL_MISMATCH(server=PROTOCOL_VERSION, given="0").render("en")


def test_a_refused_push_is_english_when_asked(make_user: Any) -> None:
    a = make_user()
    small = build_network(a, independent=2, knowledge=3)
    laptop = missing_for(
        Stage.CANDIDATE, Stage.SCREENED, NetworkFacts(independent_companies=2, knowledge_institutions=3)
    )
    a.http.headers["Accept-Language"] = "en"
    try:
        results = a.push(change("network", {"stage": "screened"}, id=small["network"], base=1))
    finally:
        del a.http.headers["Accept-Language"]
    (r,) = results
    assert r["status"] == "rejected"
    assert r["error"] == render_all(laptop, "en")
    assert r["error"].startswith("The network has 2 independent companies")
    assert r["messages"] == [m.as_json() for m in laptop]  # the codes do not depend on the language


def test_an_unexpected_error_is_english_when_asked(tmp_path: Path) -> None:
    """Starlette answers an unexpected error (500) outside the guard that sets the language: the
    handler reads Accept-Language itself. A server whose token table is gone fails on every
    logged-in request."""
    db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert run_cli("init", db=db_url).returncode == 0
    srv = start_server(db_url, tmp_path / "server.log")
    try:
        with contextlib.closing(sqlite3.connect(tmp_path / "server.sqlite3")) as conn, conn:
            conn.execute("ALTER TABLE token RENAME TO token_gone")
        url = f"{srv.base}/api/v1/sync/pull?since=0"
        auth = {**HEADERS, "Authorization": "Bearer ikke-et-rigtigt-login"}
        danish = requests.get(url, headers=auth, timeout=30)
        english = requests.get(url, headers={**auth, "Accept-Language": "en-GB,en;q=0.9"}, timeout=30)
        assert danish.status_code == english.status_code == 500
        assert danish.json()["detail"] == Msg.HTTP_UNEXPECTED().render("da")
        assert english.json()["detail"] == Msg.HTTP_UNEXPECTED().render("en")
        assert english.json()["detail"] != danish.json()["detail"]
    finally:
        srv.stop()
    assert "uventet fejl" in srv.log()
