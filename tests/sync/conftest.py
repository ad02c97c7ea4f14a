"""A real sync server on 127.0.0.1 (the server tests' fixture helpers), users, and laptops (profiles)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mægler_app.store.db import Store, open_store
from mægler_app.sync.api import Api
from mægler_app.sync.engine import SyncReport
from mægler_app.sync.service import api_for, login, run_sync
from tests.server.conftest import PASSWORD, ServerProcess, run_cli, start_server


@pytest.fixture(scope="session")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    tmp = tmp_path_factory.mktemp("sync-server")
    db_url = f"sqlite:///{tmp / 'server.sqlite3'}"
    init = run_cli("init", db=db_url)
    assert init.returncode == 0, init.stderr
    srv = start_server(db_url, tmp / "server.log")
    yield srv
    assert srv.stop() == 0, srv.log()


@pytest.fixture
def new_user(sync_server: ServerProcess) -> Iterator[Any]:
    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    db = Database(sync_server.db_url)

    def make(role: str = "broker", display_name: str = "") -> str:
        name = f"{role}-{uuid.uuid4().hex[:8]}"
        add_user(db, name, role, PASSWORD, display_name)
        return name

    yield make
    db.dispose()


def run_to_end(gen: Any) -> Any:
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value


@dataclass
class Laptop:
    store: Store
    server_url: str
    username: str

    def api(self, **kw: Any) -> Api:
        return api_for(self.store, **kw)

    def sync(self, url: str | None = None, **kw: Any) -> SyncReport:
        api = self.api(retries=kw.pop("retries", 4), backoff=0.01)
        if url:
            api.base_url = url
        try:
            return run_to_end(run_sync(self.store, api, **kw))  # type: ignore[no-any-return]
        finally:
            api.close()

    def receipts(self) -> int:
        """The phase after a sync: the receipts the records name, fetched (issue 25: lazily)."""
        from mægler_app.sync.receipts import fetch_receipts

        api = self.api(backoff=0.01)
        try:
            return run_to_end(fetch_receipts(self.store, api))  # type: ignore[no-any-return]
        finally:
            api.close()


@pytest.fixture
def laptop(sync_server: ServerProcess, tmp_path: Path) -> Iterator[Any]:
    """``laptop(username, name)``: a profile logged in as ``username``."""
    made: list[Store] = []

    def make(username: str, name: str = "a") -> Laptop:
        store = open_store(tmp_path / f"laptop-{name}")
        made.append(store)
        login(store, sync_server.base, username, PASSWORD)
        return Laptop(store, sync_server.base, username)

    yield make
    for store in made:
        store.close()


@pytest.fixture
def caseworker_api(sync_server: ServerProcess, new_user: Any) -> Iterator[Api]:
    name = new_user("caseworker")
    api = Api(sync_server.base)
    api.login(name, PASSWORD)
    yield api
    api.close()
