"""Shared fixtures. Qt runs offscreen; the keyring is in memory; every path is under tmp_path."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
# The app in Danish, its source language, whatever the machine's own (tests/test_i18n.py starts it
# in English).
os.environ.setdefault("MAEGLER_LANGUAGE", "da")
# Cheap password hashes (argon2id at its lowest cost) so hundreds of test users stay quick; the
# standard cost is tested on its own (tests/server/test_logins.py). Server processes inherit it.
os.environ.setdefault("MAEGLER_PASSWORD_COST", "test")
# The suite logs in from 127.0.0.1 all day, wrong passwords included; the per-address limit gets
# its own servers with the real number.
os.environ.setdefault("MAEGLER_LOGIN_FAILURES_PER_ADDRESS", "100000")
# A refused login waits a second before its answer; the suite refuses many on purpose.
os.environ.setdefault("MAEGLER_LOGIN_REFUSAL_DELAY", "0")
# …and logs in hundreds of users a minute, where a server allows one password check a second.
os.environ.setdefault("MAEGLER_LOGIN_HASH_RATE", "10000")
# The app's log file goes to a folder of the test run's, not the machine's log folder.
os.environ.setdefault(
    "MAEGLER_LOG_DIR", os.path.join(__import__("tempfile").gettempdir(), f"maegler-test-logs-{os.getpid()}")
)

from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory for the length of a test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def unanswered_questions_discard(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal question nobody answers would hang an offscreen run: pytest-qt closes the windows
    at teardown, and closing asks about unsaved typing. Tests that care answer for themselves.

    A question with buttons of its own (``ui.ask.confirm``) returns at once with no button
    clicked, which counts as no; a test answers it by replacing ``QMessageBox.exec``."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        box = widgets.QMessageBox
        monkeypatch.setattr(box, "question", lambda *_a, **_k: box.StandardButton.Discard)
        monkeypatch.setattr(box, "exec", lambda *_a, **_k: 0)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("MAEGLER_HOME", str(home / "profil"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profil"


@pytest.fixture
def store(profile: Path):
    from mægler_app.store.db import open_store

    st = open_store(profile)
    yield st
    st.close()


# --- broker
@pytest.fixture(autouse=True)
def save_dialogs_take_the_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    """A save dialog nobody answers takes the path it suggests (the broker pressed »Gem«), and no
    viewer is started (``QDesktopServices.openUrl`` answers False, as on a machine without one).
    Tests that care answer for themselves."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        monkeypatch.setattr(
            widgets.QFileDialog,
            "getSaveFileName",
            staticmethod(lambda _parent=None, _title="", path="", filters="", *_a, **_k: (path, filters)),
        )
    gui = sys.modules.get("PySide6.QtGui")
    if gui is not None:
        monkeypatch.setattr(gui.QDesktopServices, "openUrl", staticmethod(lambda _url: False))
