"""Form definitions published by Væksthus reach the laptops at sync (issue 18, part 6).

Each test has its own real server on 127.0.0.1 (a published form is the whole server's, and
other tests start screenings on the shared one). A caseworker publishes over HTTP; a broker's
profile syncs; what a new and an old screening use is asked of the store and shown by the widget.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mægler_app.forms.registry import BUNDLED_DIR
from mægler_app.store.db import Store, open_store
from mægler_app.store.services import screening as svc
from mægler_app.store.services.overview import get_state, profile_role, set_role
from mægler_app.sync.api import Api, RefusedError
from mægler_app.sync.forms import FORMS_ETAG_KEY, list_parked_forms
from mægler_app.sync.service import api_for, login, run_sync
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import ScreeningWidget
from tests.server.conftest import PASSWORD, ServerProcess, run_cli, start_server

from .conftest import run_to_end
from .test_engine import add_network

NEW_QUESTION = {"id": "advisory_board_check", "kind": "text", "label": "Har følgegruppen set netværket?"}


def screening_v1() -> dict[str, Any]:
    return dict(json.loads((BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8")))


def screening_v2() -> dict[str, Any]:
    body = copy.deepcopy(screening_v1())
    body["version"] = 2
    body["sections"][0]["questions"].append(NEW_QUESTION)
    return body


def fresh_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server of its own (``init`` publishes the bundled screening v1), stopped at the end."""
    db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    init = run_cli("init", db=db_url)
    assert init.returncode == 0, init.stderr
    srv = start_server(db_url, tmp_path / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


@pytest.fixture
def forms_server(tmp_path: Path) -> Iterator[ServerProcess]:
    yield from fresh_server(tmp_path)


def add_user(srv: ServerProcess, role: str) -> str:
    from mægler_app.server.accounts import add_user as add
    from mægler_app.server.db import Database

    db = Database(srv.db_url)
    try:
        name = f"{role}-{uuid.uuid4().hex[:8]}"
        add(db, name, role, PASSWORD)
        return name
    finally:
        db.dispose()


def api_as(srv: ServerProcess, role: str) -> Api:
    api = Api(srv.base, backoff=0.01)
    api.login(add_user(srv, role), PASSWORD)
    return api


def publish_behind_the_servers_back(srv: ServerProcess, body: dict[str, Any]) -> None:
    """As an older server (or an operator's tool) that checked less than the forms engine does."""
    from mægler_app.domain.timeutil import utcnow
    from mægler_app.server.db import Database
    from mægler_app.server.models import FormDefinition

    db = Database(srv.db_url)
    try:
        with db.write() as s:
            s.add(FormDefinition(id=body["id"], version=body["version"], body=body, published_at=utcnow()))
    finally:
        db.dispose()


def broker_profile(srv: ServerProcess, tmp_path: Path, name: str = "anna") -> Store:
    store = open_store(tmp_path / f"laptop-{name}")
    login(store, srv.base, add_user(srv, "broker"), PASSWORD)
    return store


def sync(store: Store) -> Any:
    api = api_for(store, backoff=0.01)
    try:
        return run_to_end(run_sync(store, api))
    finally:
        api.close()


def questions(definition: Any) -> set[str]:
    return {q.id for sec in definition.sections for q in sec.questions}


def test_v2_reaches_a_broker_new_screening_takes_it_a_started_one_keeps_v1(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path
) -> None:
    store = broker_profile(forms_server, tmp_path)
    try:
        assert profile_role(store) == "broker"
        old = add_network(store, name="Gammelt netværk")
        first = sync(store)
        assert first.complete and first.forms_added == [] and first.forms_parked == 0  # v1 is bundled
        started = svc.start_screening(store, old["network"])
        assert started.form_version == 1

        caseworker = api_as(forms_server, "caseworker")
        try:
            assert caseworker.publish_form(screening_v2())["version"] == 2
        finally:
            caseworker.close()
        report = sync(store)
        assert report.complete and report.forms_added == ["Screening af netværk (tjek-/analyseskema) v2"], (
            report
        )
        assert any("Hentet fra Væksthus" in m for m in report.messages)
        assert (store.profile / svc.PROFILE_FORMS_DIR / "screening_v2.json").is_file()

        # The started screening keeps v1, a new network's screening takes v2 with the new question.
        assert svc.start_screening(store, old["network"]).form_version == 1
        new = add_network(store, name="Nyt netværk")
        fresh = svc.start_screening(store, new["network"])
        assert fresh.form_version == 2
        registry = svc.registry_for(store)
        assert NEW_QUESTION["id"] in questions(svc.definition_of(fresh, registry))
        assert NEW_QUESTION["id"] not in questions(svc.definition_of(started, registry))

        # And on screen: the new network's screening asks it, the old one does not.
        ctx = AppContext(store=store)
        for network, shown in ((new["network"], True), (old["network"], False)):
            w = ScreeningWidget(ctx, network, open_pdf=False)
            qtbot.addWidget(w)
            assert w.renderer is not None
            ids = {row.slot.question.id for row in w.renderer.rows.values()}
            assert (NEW_QUESTION["id"] in ids) is shown
            assert f"skema version {2 if shown else 1}" in w.status.text()

        # Nothing new the next time: the server answers 304 to the listing's ETag.
        assert get_state(store, FORMS_ETAG_KEY)
        again = sync(store)
        assert again.forms_added == [] and not any("Hentet" in m for m in again.messages)
    finally:
        store.close()


def test_a_bad_definition_does_not_break_the_sync_and_is_shown_until_a_good_one_comes(
    qtbot: Any, forms_server: ServerProcess, tmp_path: Path
) -> None:
    bad = screening_v2()
    bad["sections"][0]["questions"][-1] = {**NEW_QUESTION, "kind": "signature"}  # unknown to this engine
    publish_behind_the_servers_back(forms_server, bad)
    store = broker_profile(forms_server, tmp_path)
    try:
        net = add_network(store)
        report = sync(store)
        # The sync went through: records pushed and pulled, the bad form parked with its reason.
        assert report.pushed > 0 and report.pull_complete and report.pending_left == 0
        assert report.forms_added == [] and report.forms_parked == 1
        assert "1 skema fra Væksthus kunne ikke bruges: se Synkronisering." in report.messages
        parked = list_parked_forms(store)
        assert [(p.form_id, p.version) for p in parked] == [("screening", 2)]
        assert "signature" in parked[0].reason and "kan ikke bruge skemaet" in parked[0].reason
        assert not (store.profile / svc.PROFILE_FORMS_DIR / "screening_v2.json").exists()
        assert svc.start_screening(store, net["network"]).form_version == 1

        # The sync page lists it beside the parked records.
        from mægler_app.ui.main_window import MainWindow
        from mægler_app.ui.sync.view import SyncView

        window = MainWindow(AppContext(store=store))
        qtbot.addWidget(window)
        window.show()
        view = window.show_view("synkronisering")
        assert isinstance(view, SyncView)
        view.reload()
        assert view.parked_box.isVisible()
        cells = [view.parked.index(0, c).data() for c in range(view.parked.columnCount())]
        assert cells[0] == "Skema" and "version 2" in cells[1] and "signature" in cells[2]

        # A corrected version 3 is taken, and the parked one is no longer shown.
        caseworker = api_as(forms_server, "caseworker")
        try:
            fixed = {**screening_v2(), "version": 3}
            caseworker.publish_form(fixed)
        finally:
            caseworker.close()
        later = sync(store)
        assert later.forms_added == ["Screening af netværk (tjek-/analyseskema) v3"]
        assert later.forms_parked == 1  # v2 is still published and still unusable here
        other = add_network(store, name="Tredje netværk")
        assert svc.start_screening(store, other["network"]).form_version == 3
    finally:
        store.close()


def test_a_broker_cannot_publish(forms_server: ServerProcess) -> None:
    broker = api_as(forms_server, "broker")
    try:
        with pytest.raises(RefusedError) as refused:
            broker.publish_form(screening_v2())
        assert refused.value.status == 403
        assert [f["version"] for f in broker.forms()] == [1]
    finally:
        broker.close()


def test_the_profile_knows_its_role_from_login_and_from_me_at_each_sync(
    forms_server: ServerProcess, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "laptop-cw")
    try:
        login(store, forms_server.base, add_user(forms_server, "caseworker"), PASSWORD)
        assert profile_role(store) == "caseworker"
        set_role(store, "broker")  # as stored before the operator changed the account
        sync(store)
        assert profile_role(store) == "caseworker"  # /me's word at the sync
    finally:
        store.close()


def test_the_listing_comes_again_only_when_a_version_is_published(forms_server: ServerProcess) -> None:
    broker = api_as(forms_server, "broker")
    caseworker = api_as(forms_server, "caseworker")
    try:
        listed, tag = broker.forms_if_changed()
        assert [f["version"] for f in listed or []] == [1] and tag
        before = broker.bytes_received
        assert broker.forms_if_changed(tag) == (None, tag)
        assert broker.bytes_received == before  # 304: no bodies
        caseworker.publish_form(screening_v2())
        again, new_tag = broker.forms_if_changed(tag)
        assert [f["version"] for f in again or []] == [1, 2] and new_tag != tag
        newest_only = broker.forms(all_versions=False)
        assert [(f["id"], f["version"]) for f in newest_only] == [("screening", 2)]
    finally:
        broker.close()
        caseworker.close()
