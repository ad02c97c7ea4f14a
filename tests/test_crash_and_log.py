"""The desktop app's log file and its crash dialog (issue 23 item 4).

An exception nobody catches, in a slot on the GUI thread, in a worker of ui/worker.py or in a plain
thread, shows the Danish dialog with "Kopiér fejlsøgningsinfo"; the copied text has the traceback
and no secret; the app runs on. The log file is written, redacted and rotates.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from mægler_app import applog
from mægler_app.store.db import open_store
from mægler_app.ui import crash
from mægler_app.ui.worker import Worker, start

SECRET = "Hemmelig-Kode-42"
log = logging.getLogger("mægler_app.tests")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[crash.CrashDialog]]:
    """The crash hooks installed for a profile; each dialog "shown" is pressed Kopiér and recorded."""
    store = open_store(tmp_path / "profil")
    store.close()
    dialogs: list[crash.CrashDialog] = []

    def fake_exec(self: crash.CrashDialog) -> int:
        dialogs.append(self)
        self.copy_button.click()
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    previous = crash.saved_hooks()
    applog.setup(tmp_path / "log")
    crash.install(tmp_path / "profil", interactive=True)
    yield dialogs
    crash.uninstall(previous)
    applog.setup()


def _check_copied(dialog: crash.CrashDialog, *expected: str) -> str:
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.info
    assert "Traceback (most recent call last)" in copied
    for text in expected:
        assert text in copied
    assert SECRET not in copied
    assert "anna@example.dk" not in copied
    assert "Mægler 0." in copied and "Qt: 6." in copied and "OS: " in copied
    assert "Profilens skemaversion: 0" in copied  # the profile's Alembic revision
    assert "Sidste linjer i loggen:" in copied
    return copied


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_the_app_runs_on(qtbot, shown) -> None:
    log.info("login for user 7 with password=%s", SECRET)  # redacted in the log and the report
    button = QPushButton("Klik")
    qtbot.addWidget(button)
    clicks: list[int] = []

    def slot() -> None:
        clicks.append(1)
        raise RuntimeError(f"boom in the slot (token: {SECRET}, anna@example.dk)")

    button.clicked.connect(slot)
    button.click()
    qtbot.waitUntil(lambda: len(shown) == 1)
    dialog = shown[0]
    assert dialog.windowTitle() == "Uventet fejl"
    assert dialog.copy_button.text() == "Kopiér fejlsøgningsinfo"
    copied = _check_copied(dialog, "RuntimeError: boom in the slot", "in slot", "login for user 7")
    assert "password=***" in copied
    # the app is still there: the next click runs the slot again and reports again
    button.click()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert clicks == [1, 1]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_shows_the_dialog(qtbot, shown) -> None:
    def job() -> None:
        raise KeyError(f"missing key, secret={SECRET}")

    worker = Worker(job)
    failed: list[str] = []
    worker.signals.failed.connect(failed.append)
    start(worker)
    qtbot.waitUntil(lambda: len(shown) == 1 and len(failed) == 1, timeout=10_000)
    copied = _check_copied(shown[0], "KeyError", "in job", "baggrundsarbejdet")
    assert "Tråd: " in copied


def test_an_expected_error_in_a_worker_is_the_callers_to_show(qtbot, shown) -> None:
    def job() -> None:
        raise ValueError("CVR-nummeret skal have 8 cifre")

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed) as signal:
        start(worker)
    assert signal.args == ["CVR-nummeret skal have 8 cifre"]
    qtbot.wait(100)
    assert shown == []


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_plain_thread_shows_the_dialog(qtbot, shown) -> None:
    def run() -> None:
        raise ZeroDivisionError(f"api_key={SECRET}")

    thread = threading.Thread(target=run, name="eksport")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    _check_copied(shown[0], "ZeroDivisionError", "tråden eksport")


def test_the_log_file_is_written_redacted_and_rotates(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    try:
        path = applog.setup(folder, max_bytes=4_000, backups=2)
        assert path == folder / "maegler.log"
        log.info("sync of network 1f0c started, Authorization: Bearer %s", SECRET)
        log.debug("not at INFO")
        text = path.read_text(encoding="utf-8")
        assert "sync of network 1f0c started" in text and "Authorization: ***" in text
        assert SECRET not in text and "not at INFO" not in text
        assert text.startswith("20") and "INFO mægler_app.tests" in text  # a UTC time first
        for i in range(200):
            log.info("line %d of a long session", i)
        assert (folder / "maegler.log.1").exists() and (folder / "maegler.log.2").exists()
        assert not (folder / "maegler.log.3").exists()
        assert path.stat().st_size <= 4_000
        assert "line 199 of a long session" in path.read_text(encoding="utf-8")
        assert applog.recent_lines(1)[0].endswith("line 199 of a long session")
    finally:
        applog.setup()


def test_an_unwritable_log_folder_leaves_the_app_running(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert applog.setup(blocker / "log") is None
        log.info("still logged in memory")
        assert applog.recent_lines(1)[0].endswith("still logged in memory")
    finally:
        applog.setup()


def test_the_named_imports_all_load() -> None:
    from mægler_app.ui.app import check_named_imports

    assert check_named_imports() == []


def test_screenshots_exit_non_zero_when_a_named_import_is_missing(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a bundle that lacks a module does: `--screenshots` says which and exits 1."""
    from mægler_app.ui import network_tabs
    from mægler_app.ui.app import GuiOptions, run_gui

    def gone() -> type[QWidget]:
        from mægler_app.ui.gone import Tab  # type: ignore[import-not-found]

        return Tab  # type: ignore[no-any-return]

    monkeypatch.setattr(network_tabs, "NETWORK_TABS", [*network_tabs.NETWORK_TABS, ("Mangler", gone)])
    code = run_gui(GuiOptions(profile=tmp_path / "p", demo=True, screenshots=tmp_path / "shots"))
    assert code == 1
    err = capsys.readouterr().err
    assert "kan ikke indlæse tests.test_crash_and_log" in err and "gone: ModuleNotFoundError" in err
    assert len(list((tmp_path / "shots").glob("*.png"))) >= 6


def test_a_log_file_opened_later_writes_first_what_waited(tmp_path: Path) -> None:
    """The app opens its file at its first paint (``setup(later=True)``, ``open_file``): every line
    logged before is written first, in order, as it was when logged, redacted; the last lines in
    memory have them all along."""
    folder = tmp_path / "log"
    named = ["network 1f0c"]
    try:
        assert applog.setup(folder, later=True) is None
        log.info("start of %s, token=%s", named, SECRET)
        named[0] = "changed after it was logged"
        log.warning("second line")
        assert not (folder / "maegler.log").exists() and applog.log_file() is None
        assert applog.recent_lines(2)[0].endswith("start of ['network 1f0c'], token=***")
        path = applog.open_file()
        assert path == folder / "maegler.log" and applog.log_file() == path
        log.info("after the paint")
        assert applog.open_file() == path  # once: a second call writes nothing again
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [line.split(" ", 1)[1] for line in lines] == [
            "INFO mægler_app.tests [MainThread] start of ['network 1f0c'], token=***",
            "WARNING mægler_app.tests [MainThread] second line",
            "INFO mægler_app.tests [MainThread] after the paint",
        ]
        assert SECRET not in "".join(lines)
    finally:
        applog.setup()


def test_a_crash_before_the_log_file_opened_writes_it(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    try:
        applog.setup(folder, later=True)
        log.info("before the crash")
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError as exc:
            crash._Reporter(None, interactive=False).report((type(exc), exc, exc.__traceback__), "test")
        text = (folder / "maegler.log").read_text(encoding="utf-8")
        assert text.index("before the crash") < text.index("uncaught exception (test)")
        assert "ZeroDivisionError" in text
    finally:
        applog.setup()


def test_what_waits_for_the_log_file_leaves_the_record_to_other_handlers(tmp_path: Path) -> None:
    """The lines kept until the file opens (and the last lines in memory) are copies with their
    message and traceback made: another handler sees the record as logged, and no kept traceback
    holds its frames."""
    seen: list[logging.LogRecord] = []

    class Seen(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    other = Seen()
    logging.getLogger().addHandler(other)
    try:
        applog.setup(tmp_path / "log", later=True)
        try:
            raise ValueError("what failed")
        except ValueError:
            log.exception("failed for network %s", "1f0c")
        assert seen[-1].msg == "failed for network %s" and seen[-1].args == ("1f0c",)
        assert seen[-1].exc_info is not None
        assert applog._recent is not None and applog._recent.records[-1].exc_info is None
        text = applog.open_file().read_text(encoding="utf-8")  # type: ignore[union-attr]
        assert "failed for network 1f0c" in text and "ValueError: what failed" in text
    finally:
        logging.getLogger().removeHandler(other)
        applog.setup()
