"""The sync page and the command line in words (issue 20, item 7): waiting records by name, never
an id; "Sendt N" agrees with the N waiting before; "ikke logget ind" is not "offline"; ``maegler
sync`` asks for the password on the terminal when no login is kept (and says so in ``--help``); a
wrong password is one Danish line; ``maegler --profile DIR status`` works."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from mægler_app.domain.messages import Msg
from mægler_app.store.db import open_store
from mægler_app.store.demo import fill_demo
from mægler_app.store.services.overview import pending_counts, set_state
from mægler_app.sync import resolve
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import NOT_LOGGED_IN, MainWindow
from mægler_app.ui.sync.controller import controller_for

from ..server.conftest import PASSWORD
from .test_auth_cli import _add_companies, _cli, _env

ID_LIKE = re.compile(r"\b[0-9a-f]{8}(-[0-9a-f]{4})?\b")


def test_sent_agrees_with_waiting_and_every_waiting_record_has_a_name(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user(display_name="Anne Holm"))
    fill_demo(a.store)
    waiting, _conflicts, _rejected = pending_counts(a.store)
    rows, records = resolve.list_pending(a.store, 1000)
    assert waiting == records == len(rows) > 0
    for row in rows:
        assert row.label and not ID_LIKE.search(row.label) and row.record_id[:8] not in row.label, row
    report = a.sync()
    assert report.complete
    # the demo's networks send their stage after the rest: still one change each
    assert report.pushed == report.applied == waiting
    assert pending_counts(a.store) == (0, 0, 0)


def test_a_record_without_a_name_is_called_by_its_type(store: Any) -> None:
    with store.session() as s:
        labels = resolve.record_labels(
            s,
            {
                ("membership", "0123abcd-0000-4000-8000-000000000000"): lambda attr: {
                    "network_id": "ikke-her",
                    "company_id": "heller-ikke-her",
                }.get(attr),
                ("expense", "89abcdef-0000-4000-8000-000000000000"): lambda _attr: None,
            },
        )
    assert set(labels.values()) == {"Medlemskab", "Udgift"}


def test_status_bar_tells_not_logged_in_from_offline(qtbot: Any, store: Any) -> None:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    assert "Lokal profil" in window.status_online.text()
    set_state(store, "account", {"server_url": "http://127.0.0.1:9", "username": "anne", "user_id": "u1"})
    controller = controller_for(window.ctx)
    controller.online_changed.connect(window.set_online)
    controller.start_auto()  # a server is set up, but no login is kept here
    assert controller.online == NOT_LOGGED_IN
    assert window.status_online.text() == "○ Ikke logget ind – ændringer gemmes lokalt"
    assert "Log ind" in window.status_online.toolTip()
    window.set_online(False)
    assert window.status_online.text() == "○ Offline – ændringer gemmes lokalt"
    # a login that ran out during a sync is "not logged in" again, not "offline"
    controller._on_failed("Du skal logge ind igen: Login er udløbet.")
    assert "Ikke logget ind" in window.status_online.text()
    # the same in English: the worker's sentence is told by the catalogue, in either language
    window.set_online(False)
    controller._on_failed(Msg.SYNC_LOG_IN_AGAIN(detail="Login expired.").render("en"))
    assert "Ikke logget ind" in window.status_online.text()
    controller._on_failed(Msg.SYNC_OFFLINE().render("en"))
    assert window.status_online.text() == "○ Offline – ændringer gemmes lokalt"


def test_profile_before_the_command_works(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MAEGLER_HOME", None)
    out = subprocess.run(
        [sys.executable, "-m", "mægler_app", "--profile", str(tmp_path / "p"), "status"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert f"Profil: {tmp_path / 'p'}" in out.stdout


def test_sync_help_says_the_password_is_asked_for(tmp_path: Path) -> None:
    out = _cli("sync", "--help", env=_env(tmp_path))
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "spørger kommandoen efter adgangskoden i terminalen" in text


def test_sync_asks_for_the_password_when_none_is_kept(
    sync_server: Any, new_user: Any, tmp_path: Path
) -> None:
    env = _env(tmp_path)
    user = new_user()
    ok = _cli("login", "--server", sync_server.base, "--user", user, stdin=PASSWORD + "\n", env=env)
    assert ok.returncode == 0, ok.stderr
    assert _cli("logout", env=env).returncode == 0  # the token is gone, the account stays
    store = open_store(tmp_path / "profil")
    _add_companies(store, 3)
    store.close()

    # a wrong password: one Danish line, exit 1, no traceback, nothing sent
    wrong = _cli("sync", stdin="forkert-forkert\n", env=env)
    assert wrong.returncode == 1
    assert "Traceback" not in wrong.stderr
    assert f"Intet gemt login for {user}" in wrong.stderr
    last = wrong.stderr.strip().splitlines()[-1]
    assert last.startswith("maegler: ") and "adgangskode" in last.lower(), last

    # on a terminal: asked without echo (getpass), then synced
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mægler_app", "sync", "--quiet"],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert proc.stderr is not None
        # getpass turns echo off with TCSAFLUSH, dropping what was typed before: wait for its prompt
        seen = b""
        deadline = time.monotonic() + 60
        while b"Adgangskode for" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stderr], [], [], 1)
            if ready:
                chunk = os.read(proc.stderr.fileno(), 4096)
                if not chunk:
                    break
                seen += chunk
        time.sleep(0.2)
        os.write(master, (PASSWORD + "\n").encode())
        out_b, err_b = proc.communicate(timeout=120)
    finally:
        os.close(master)
        os.close(slave)
    out, err = out_b.decode(), (seen + err_b).decode()
    assert proc.returncode == 0, err
    assert f"Adgangskode for {user}" in err and PASSWORD not in out + err
    assert "Sendt: 3" in out
