"""What a login says when it gets no answer (issue 23 item 6), against a real server on 127.0.0.1
that speaks plain HTTP (uvicorn, as `maegler-server serve` runs it) and a port where nobody listens:
an address without a scheme is tried with https, and a server on this computer or the local
network that answers with http is named as such; a login that gets no answer says "Kunne ikke logge
ind", never the sync's "Ændringerne er gemt her". On the command line and in the login dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mægler_app.domain.messages import Msg
from mægler_app.sync import service
from mægler_app.sync.api import Api, OfflineError
from mægler_app.sync.service import is_local_address
from mægler_app.ui.context import AppContext
from mægler_app.ui.sync.login_dialog import LoginDialog

from ..server.conftest import free_port
from .conftest import PASSWORD
from .test_auth_cli import _cli, _env

SPEAKS_HTTP = "Serveren svarer med http, ikke https"
SYNC_OFFLINE = str(Msg.SYNC_OFFLINE()).split(".")[0]  # "Serveren svarer ikke"


def _hostport(base: str) -> str:
    return base.removeprefix("http://")


def test_the_command_line_names_a_plain_http_server_and_a_login_without_answer(
    sync_server: Any, new_user: Any, tmp_path: Path
) -> None:
    env = _env(tmp_path)
    user = new_user()
    address = _hostport(sync_server.base)
    for given in (address, f"https://{address}"):
        said = _cli("login", "--server", given, "--user", user, stdin=PASSWORD + "\n", env=env)
        assert said.returncode == 1, said.stdout
        assert SPEAKS_HTTP in said.stderr and f"http://{address}" in said.stderr, said.stderr
        assert SYNC_OFFLINE not in said.stderr and "gemt her" not in said.stderr
    # as the message says: with http:// it logs in
    ok = _cli("login", "--server", f"http://{address}", "--user", user, stdin=PASSWORD + "\n", env=env)
    assert ok.returncode == 0, ok.stderr

    nobody = f"http://127.0.0.1:{free_port()}"
    dead = _cli("login", "--server", nobody, "--user", user, stdin=PASSWORD + "\n", env=_env(tmp_path / "b"))
    assert dead.returncode == 1
    assert "Kunne ikke logge ind: serveren" in dead.stderr and nobody in dead.stderr, dead.stderr
    assert "gemt her" not in dead.stderr and SPEAKS_HTTP not in dead.stderr


def test_the_login_dialog_says_the_same(qtbot: Any, store: Any, sync_server: Any, new_user: Any) -> None:
    user = new_user()

    def attempt(server: str) -> str:
        dialog = LoginDialog(AppContext(store=store))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.server, server)
        qtbot.keyClicks(dialog.user, user)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.worker is None and dialog.error.isVisible(), timeout=30_000)
        assert dialog.isVisible() and dialog.ok.isEnabled()
        return dialog.error.text()

    address = _hostport(sync_server.base)
    text = attempt(address)
    assert SPEAKS_HTTP in text and f"http://{address}" in text and SYNC_OFFLINE not in text
    text = attempt(f"127.0.0.1:{free_port()}")
    assert text.startswith("Kunne ikke logge ind: serveren https://127.0.0.1:"), text
    assert "gemt her" not in text


def test_a_public_address_is_not_told_to_use_http(
    sync_server: Any, new_user: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a server on this computer or the local network is named; elsewhere plain http is not
    suggested, whatever answers there."""
    monkeypatch.setattr(service, "is_local_address", lambda _host: False)
    with pytest.raises(service.SyncError) as caught:
        service.login(store, _hostport(sync_server.base), new_user(), PASSWORD)
    assert str(caught.value).startswith("Kunne ikke logge ind: serveren https://127.0.0.1:")
    assert SPEAKS_HTTP not in str(caught.value)


def test_tls_met_by_plain_http_is_not_retried(sync_server: Any) -> None:
    slept: list[float] = []
    api = Api(f"https://{_hostport(sync_server.base)}", retries=4, sleep=slept.append)
    with pytest.raises(OfflineError) as caught:
        api.request("GET", "/healthz")  # a request that is retried: waiting does not mend this
    api.close()
    assert slept == [] and api.requests_made == 0
    assert "SSLError" in str(caught.value)


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("[::1]", True),
        ("10.2.3.4", True),
        ("172.20.0.5", True),
        ("192.168.1.20", True),
        ("fd12:3456::1", True),
        ("8.8.8.8", False),
        ("2001:4860:4860::8888", False),
        ("193.163.102.24", False),
    ],
)
def test_local_addresses(host: str, local: bool) -> None:
    assert is_local_address(host) is local
