"""Login, keyring, 426, retries, and the login/sync/logout/status commands as processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.sync_contract import PROTOCOL_VERSION
from mægler_app.store.db import open_store
from mægler_app.store.models import Company, OutboxEntry
from mægler_app.sync import service
from mægler_app.sync.api import Api, AuthError, OfflineError, UpgradeRequiredError, backoff_delay
from mægler_app.sync.credentials import NO_KEYRING_TEXT, SERVICE, current_account
from mægler_app.sync.engine import SyncEngine

from .conftest import PASSWORD, run_to_end
from .fakeserver import FakeServer

ROOT = Path(__file__).resolve().parents[2]


def _outbox_rows(store: Any) -> list[tuple[Any, ...]]:
    with store.session() as s:
        return [
            (e.seq, e.change_id, e.status, e.attempts, e.data, e.last_error)
            for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        ]


def _add_companies(store: Any, n: int = 3) -> None:
    with store.session() as s:
        s.add_all(Company(cvr=make_valid_cvr(600_000 + i), name=f"Firma {i}") for i in range(n))


def test_login_keeps_the_token_in_the_keyring_only(
    sync_server: Any, new_user: Any, store: Any, memory_keyring: Any
) -> None:
    user = new_user()
    result = service.login(store, sync_server.base, user, PASSWORD)
    assert result.saved_in_keyring
    account = current_account(store)
    assert account is not None and account.username == user and account.role == "broker"
    assert memory_keyring.items[(SERVICE, account.key)] == result.token
    # never in the profile's files
    for path in store.profile.rglob("*"):
        if path.is_file():
            assert result.token.encode() not in path.read_bytes(), path
            assert PASSWORD.encode() not in path.read_bytes(), path
    assert service.api_for(store).me()["username"] == user
    service.logout(store)
    assert memory_keyring.items == {}
    with pytest.raises(AuthError):  # the server forgot the token too
        Api(sync_server.base, result.token).me()


def test_login_keeps_the_display_name_that_reports_print(
    sync_server: Any, new_user: Any, store: Any, memory_keyring: Any
) -> None:
    from mægler_app.store.services.overview import broker_name, display_name

    assert broker_name(store) == ""  # a profile that never logged in has no name
    anna = new_user(display_name="Anna Jensen")
    service.login(store, sync_server.base, anna, PASSWORD)
    assert display_name(store) == broker_name(store) == "Anna Jensen"
    assert service.api_for(store).me()["display_name"] == "Anna Jensen"
    # Another user (on a profile with nothing synced yet) whom the server gives no name: the
    # reports print the user name, not Anna's.
    other = new_user()
    service.login(store, sync_server.base, other, PASSWORD)
    assert display_name(store) == ""
    assert broker_name(store) == other


def test_wrong_password_is_a_danish_message(sync_server: Any, new_user: Any, store: Any) -> None:
    user = new_user()
    with pytest.raises(service.SyncError) as err:
        service.login(store, sync_server.base, user, "forkert-forkert")
    assert "adgangskode" in str(err.value).lower() or "brugernavn" in str(err.value).lower()
    assert current_account(store) is None


def test_without_a_keyring_the_password_is_asked_each_session(
    sync_server: Any, new_user: Any, store: Any
) -> None:
    keyring.set_keyring(fail.Keyring())
    user = new_user()
    result = service.login(store, sync_server.base, user, PASSWORD)
    assert not result.saved_in_keyring and NO_KEYRING_TEXT in result.message
    with pytest.raises(service.NotLoggedInError):
        service.api_for(store)  # a new session has no token
    assert service.api_for(store, result.token).me()["username"] == user  # this session has it in memory


def test_profile_of_one_broker_refuses_another(sync_server: Any, new_user: Any, store: Any) -> None:
    first, second = new_user(), new_user()
    service.login(store, sync_server.base, first, PASSWORD)
    _add_companies(store, 1)
    run_to_end(service.run_sync(store, service.api_for(store)))
    with pytest.raises(service.OtherUserError):
        service.login(store, sync_server.base, second, PASSWORD)


def test_other_protocol_version_keeps_the_outbox_untouched(
    sync_server: Any, new_user: Any, store: Any
) -> None:
    service.login(store, sync_server.base, new_user(), PASSWORD)
    _add_companies(store)
    before = _outbox_rows(store)
    api = service.api_for(store)
    api.http.headers["X-Protocol-Version"] = "1"  # a laptop not yet updated to the English values
    with pytest.raises(UpgradeRequiredError) as err:
        run_to_end(SyncEngine(store, api).run())
    # The server's own words reach the broker, and nothing queued is lost or marked.
    assert "nyere udgave" in str(err.value) and "Opdatér Mægler" in str(err.value)
    assert _outbox_rows(store) == before


def test_426_on_push_gives_the_entries_back_untouched(store: Any) -> None:
    user = {"id": "u1", "username": "anna", "role": "broker"}
    fake = FakeServer(
        {
            "GET /api/v1/me": lambda _b: (200, {"user": user}),
            "POST /api/v1/sync/push": lambda _b: (
                426,
                {"error": "upgrade_required", "detail": "Opdatér Mægler."},
            ),
        }
    )
    try:
        _add_companies(store)
        before = _outbox_rows(store)
        with pytest.raises(UpgradeRequiredError):
            run_to_end(SyncEngine(store, Api(fake.url, "t")).run())
        assert _outbox_rows(store) == before
        assert any(p == "/api/v1/sync/push" for _m, p, _h in fake.seen)
        assert all(h.get("X-Protocol-Version") == str(PROTOCOL_VERSION) for _m, _p, h in fake.seen)
    finally:
        fake.close()


def test_retries_back_off_with_jitter_then_succeed(store: Any) -> None:
    calls = {"n": 0}

    def flaky(_body: Any) -> tuple[int, dict[str, Any]]:
        calls["n"] += 1
        if calls["n"] <= 3:
            return 503, {"error": "server_error", "detail": "Travlt."}
        return 200, {"user": {"id": "u", "username": "anna", "role": "broker"}}

    fake = FakeServer({"GET /api/v1/me": flaky})
    slept: list[float] = []
    try:
        api = Api(fake.url, "t", retries=4, backoff=0.5, backoff_cap=8, sleep=slept.append)
        assert api.me()["username"] == "anna"
    finally:
        fake.close()
    assert calls["n"] == 4 and len(slept) == 3
    assert all(0 <= d <= 0.5 * 2**i for i, d in enumerate(slept))
    # jitter: the same attempt gives different waits
    assert len({round(backoff_delay(3, 0.5, 8), 6) for _ in range(20)}) > 10


def test_no_server_is_offline_in_danish() -> None:
    api = Api("http://127.0.0.1:9", "t", retries=1, sleep=lambda _d: None)
    with pytest.raises(OfflineError) as err:
        api.me()
    assert "gemt her" in str(err.value)


def _cli(*args: str, stdin: str = "", env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mægler_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def _env(tmp_path: Path, backend: str = "tests.sync.filekeyring.FileKeyring") -> dict[str, str]:
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": backend,
        "MAEGLER_TEST_KEYRING": str(tmp_path / "keyring.json"),
        "MAEGLER_HOME": str(tmp_path / "profil"),
        "PYTHONPATH": str(ROOT),
    }


@pytest.mark.slow
def test_cli_login_sync_status_logout(sync_server: Any, new_user: Any, tmp_path: Path) -> None:
    env = _env(tmp_path)
    user = new_user()
    bad = _cli("login", "--server", sync_server.base, "--user", user, stdin="forkert-forkert\n", env=env)
    assert bad.returncode == 1 and "maegler:" in bad.stderr
    ok = _cli("login", "--server", sync_server.base, "--user", user, stdin=PASSWORD + "\n", env=env)
    assert ok.returncode == 0, ok.stderr
    assert user in ok.stdout and PASSWORD not in ok.stdout + ok.stderr
    store = open_store(tmp_path / "profil")
    _add_companies(store, 5)
    store.close()
    status = json.loads(_cli("status", "--json", env=env).stdout)
    assert status["pending"] == 5 and status["last_sync"] is None
    done = _cli("sync", env=env)
    assert done.returncode == 0, done.stderr
    status = json.loads(_cli("status", "--json", env=env).stdout)
    assert set(status) == {"counts", "pending", "conflicts", "rejected", "parked", "last_sync"}
    assert status["pending"] == 0 and status["counts"]["company"] == 5 and status["last_sync"]
    assert status["parked"] == 0
    keyring_file = (tmp_path / "keyring.json").read_text()
    assert user in keyring_file
    out = _cli("logout", env=env)
    assert out.returncode == 0 and "Logget ud" in out.stdout
    assert json.loads((tmp_path / "keyring.json").read_text()) == {}
    again = _cli("sync", env=env)
    assert again.returncode == 1 and "Log ind" in again.stderr


@pytest.mark.slow
def test_cli_sync_exit_1_while_a_change_is_rejected(sync_server: Any, new_user: Any, tmp_path: Path) -> None:
    env = _env(tmp_path)
    user = new_user()
    assert (
        _cli("login", "--server", sync_server.base, "--user", user, stdin=PASSWORD + "\n", env=env).returncode
        == 0
    )
    store = open_store(tmp_path / "profil")
    with store.session() as s:
        s.add(Company(cvr=make_valid_cvr(123), name="Nul\x00tegn"))
    store.close()
    done = _cli("sync", env=env)
    assert done.returncode == 1 and "kræver din stillingtagen" in done.stderr


@pytest.mark.slow
def test_cli_without_keyring_asks_for_the_password(sync_server: Any, new_user: Any, tmp_path: Path) -> None:
    env = _env(tmp_path, backend="keyring.backends.fail.Keyring")
    user = new_user()
    ok = _cli("login", "--server", sync_server.base, "--user", user, stdin=PASSWORD + "\n", env=env)
    assert ok.returncode == 0 and "ingen nøglering" in ok.stderr
    store = open_store(tmp_path / "profil")
    _add_companies(store, 2)
    store.close()
    no_password = _cli("sync", env=env)
    assert no_password.returncode == 1 and "ingen nøglering" in no_password.stderr
    done = _cli("sync", stdin=PASSWORD + "\n", env=env)
    assert done.returncode == 0, done.stderr
    assert "Sendt: 2" in done.stdout
    # Neither the login's token (nowhere to keep it) nor the sync's session token stays valid.
    assert _live_tokens(sync_server, user) == 0


def _live_tokens(server: Any, username: str) -> int:
    from sqlalchemy import func

    from mægler_app.server.db import Database
    from mægler_app.server.models import Token, User

    db = Database(server.db_url)
    try:
        with db.session() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(Token)
                    .join(User, User.id == Token.user_id)
                    .where(User.username == username, Token.revoked.is_(False))
                )
                or 0
            )
    finally:
        db.dispose()
