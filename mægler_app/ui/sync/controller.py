"""Runs sync in the thread pool (never on the GUI thread), automatically every few minutes while the server answers.

Holds the token in memory when the computer has no keyring (it is asked for once per session). A
token in the keyring is read once, in a worker (after the store opens, or by the first sync), and
kept for the session: the GUI thread never waits on the keyring (importing keyring and finding its
backend took 200 ms, a D-Bus keyring may wait for its unlock prompt).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.changes import Changes
from ...domain.messages import CATALOGUE, Msg
from ...store.db import Store
from ...sync.credentials import Account, current_account, load_token
from ...sync.engine import SyncReport
from ...sync.receipts import fetch_receipts  # --- receipts
from ...sync.service import LoginResult, api_for, logout, no_token, revoke_token, run_sync
from .. import ops
from ..context import AppContext
from ..main_window import NOT_LOGGED_IN
from ..worker import Worker, start

AUTO_SYNC_MS = 5 * 60_000  # while the server answers


def _says(message: str, code: str) -> bool:
    """Whether ``message`` is the catalogue's sentence ``code`` (its opening words), in either
    language: the worker reports the rendered sentence only (--- english2: it was read in Danish
    only, so an English app took a lapsed login for another failure)."""
    return any(message.startswith(t.split("{")[0].split(".")[0]) for t in CATALOGUE[code].values())


OFFLINE_RETRY_MS = 60_000  # after a failed attempt: try again sooner, it is one cheap request


@dataclass(frozen=True)
class KeyringToken:
    """The account's token as read from the keyring: None when none is saved (or no keyring)."""

    value: str | None


@dataclass(frozen=True)
class LoginNeeded:
    """A sync that could not start: no token (the message says so)."""

    message: str
    token: KeyringToken


@dataclass(frozen=True)
class SyncDone:
    """A finished sync's report, and the token its worker read from the keyring (None: not read)."""

    report: SyncReport
    token: KeyringToken | None = None


def read_token(store: Store) -> KeyringToken | None:
    """In a worker: the profile's token from the keyring; None when no account is set up."""
    account = current_account(store)
    return None if account is None else KeyringToken(load_token(account))


def _sync_job(store: Store, token: str | None) -> Any:
    """The sync; with no token known yet, the keyring is read here, off the GUI thread. Returns
    SyncDone, or LoginNeeded."""
    read = None if token else read_token(store)
    token = token or (read.value if read is not None else None)
    if not token:
        return LoginNeeded(str(no_token(current_account(store))), read or KeyringToken(None))
    api = api_for(store, token)
    try:
        report = yield from run_sync(store, api)
    finally:
        api.close()
    return SyncDone(report, read)


def _receipts_job(store: Store, token: str | None) -> Any:
    """--- receipts: the phase after a sync: the receipts the pulled records name (sync/receipts.py).
    The account's Api is made here, not on the GUI thread: it may read the token from the keyring."""
    api = api_for(store, token)
    try:
        fetched = yield from fetch_receipts(store, api)
    finally:
        api.close()
    return fetched


class SyncController(QObject):
    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)  # SyncReport
    failed = Signal(str)
    cancelled = Signal()
    online_changed = Signal(object)  # None (no server set up) | True | False | NOT_LOGGED_IN
    login_needed = Signal(str)
    account_changed = Signal()
    logged_out = Signal(str)  # what to say, once the server has been told (or could not be)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.attached = False  # install_auto_sync has set it up for the window
        self.ctx = ctx
        self.session_token: str | None = None  # held only in memory (no keyring), ended at quit
        self.keyring_token: str | None = None  # read from the keyring once, kept for the session
        self.token_read = False  # the keyring has been read this session (keyring_token is its answer)
        self.automatic_run = False  # the running sync was started by the timer, not by the user
        self.worker: Worker | None = None
        self.receipts_worker: Worker | None = None  # --- receipts: fetching receipts after a sync
        self.logout_worker: Worker | None = None
        self.online: bool | str | None = None
        self.last_report: SyncReport | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.sync_now(automatic=True))

    # account ----------------------------------------------------------------------------------
    def account(self) -> Account | None:
        return current_account(self.ctx.store)

    def token(self) -> str | None:
        """The token this session knows (in memory, or read from the keyring), without reading the
        keyring: None when not known (yet)."""
        return self.session_token or self.keyring_token

    def remember_keyring_token(self, token: str | None) -> None:
        self.keyring_token = token
        self.token_read = True

    def forget_token(self) -> None:
        """No token for the rest of this session (logged out, or refused): log in again."""
        self.session_token = self.keyring_token = None
        self.token_read = True

    def has_token(self) -> bool:
        account = self.account()
        if account is None:
            return False
        if self.token():
            return True
        if not self.token_read:  # only before the worker that opened the store has read it
            self.remember_keyring_token(load_token(account))
        return bool(self.keyring_token)

    def logged_in(self, result: LoginResult) -> None:
        self.session_token = None if result.saved_in_keyring else result.token
        self.remember_keyring_token(result.token if result.saved_in_keyring else None)
        self.account_changed.emit()
        self.sync_now()

    def end_session(self) -> threading.Thread | None:
        """At quit: a token held only in memory (no keyring) is ended on the server, in a thread of
        its own so the closing window never waits; the process waits for it a few seconds at most."""
        token, account = self.session_token, self.account()
        self.session_token = None
        if not token or account is None:
            return None
        thread = threading.Thread(
            target=revoke_token, args=(account.server_url, token), name="maegler-end-session"
        )
        thread.start()
        return thread

    def log_out(self) -> bool:
        """Logged out at once here; the server is told and the keyring cleared in a worker (the GUI
        thread never waits on the network: offline, that took the connection's timeout), then
        ``logged_out`` says so. False if a log-out is under way already."""
        if self.logout_worker is not None:
            return False
        self.timer.stop()
        token = self.token()  # None when the keyring has not been read yet: the worker reads it
        self.forget_token()
        worker = Worker(logout, self.ctx.store, token)
        worker.signals.finished.connect(self._logged_out)
        worker.signals.failed.connect(self._logged_out)
        self.logout_worker = worker
        start(worker, self.ctx.pool)
        return True

    def _logged_out(self, message: object) -> None:
        self.logout_worker = None
        self._set_online(NOT_LOGGED_IN if self.account() is not None else None)
        self.account_changed.emit()
        self.logged_out.emit(str(message))

    def start_auto(self, first_delay_ms: int = 2000) -> None:
        """Called once the window is up: a first sync soon, then every few minutes."""
        if self.account() is None:
            self._set_online(None)
            return
        if not self.has_token():
            self._set_online(NOT_LOGGED_IN)  # set up for a server, but not logged in this session
            return
        self.timer.start(first_delay_ms)

    # running ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None

    def sync_now(self, automatic: bool = False) -> bool:
        if self.worker is not None:
            return False
        account = self.account()
        if account is None:
            if not automatic:
                self.login_needed.emit("")
            return False
        token = self.token()
        if token is None and self.token_read:  # the keyring has none: log in first
            if not automatic:
                self.login_needed.emit(str(no_token(account)))
            return False
        worker = Worker(_sync_job, self.ctx.store, token)
        self.automatic_run = automatic
        worker.signals.progressed.connect(self.progressed)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.worker = worker
        self.timer.stop()
        self.started.emit()
        start(worker, self.ctx.pool)
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _done(self, next_ms: int | None, changes: Changes = Changes.ALL) -> None:
        """``changes``: what the run pulled; a run cut short may have stored pages: all, then."""
        self.worker = None
        ops.announce(self.ctx, changes)
        if next_ms is not None and self.account() is not None:
            self.timer.start(next_ms)

    def _on_finished(self, result: object) -> None:
        if isinstance(result, LoginNeeded):
            self.remember_keyring_token(result.token.value)
            self.worker = None
            self._set_online(NOT_LOGGED_IN)
            self.failed.emit(result.message)  # the run ended without syncing: said, and idle again
            if not self.automatic_run:
                self.login_needed.emit(result.message)
            return
        assert isinstance(result, SyncDone)
        if result.token is not None:
            self.remember_keyring_token(result.token.value)
        report = result.report
        self.last_report = report
        self._set_online(True)
        self._done(AUTO_SYNC_MS, report.changes)
        self.finished.emit(report)
        if report.receipts_waiting:
            self.fetch_receipts()

    # --- receipts
    def fetch_receipts(self) -> bool:
        """The receipts the records name, fetched in the background after the sync has finished
        (the records are usable already); one such worker at a time. False if none was started."""
        if self.receipts_worker is not None:
            return False
        worker = Worker(_receipts_job, self.ctx.store, self.token())
        worker.signals.finished.connect(self._receipts_done)
        worker.signals.failed.connect(self._receipts_done)
        worker.signals.cancelled.connect(self._receipts_done)
        self.receipts_worker = worker
        start(worker, self.ctx.pool)
        return True

    def _receipts_done(self, *_args: object) -> None:
        self.receipts_worker = None  # what did not come is fetched after the next sync, or when opened

    # --- end receipts

    def _on_failed(self, message: str) -> None:
        # The worker reports a message only; tell offline from the rest by a fresh cheap probe.
        offline = _says(message, Msg.SYNC_OFFLINE)
        auth = _says(message, Msg.SYNC_LOG_IN_AGAIN)
        self._set_online(False if offline else NOT_LOGGED_IN if auth else self.online)
        if auth:
            self.forget_token()
        self._done(None if auth else (OFFLINE_RETRY_MS if offline else AUTO_SYNC_MS))
        self.failed.emit(message)
        if auth:
            self.login_needed.emit(message)

    def _on_cancelled(self) -> None:
        self._done(AUTO_SYNC_MS)
        self.cancelled.emit()

    def _set_online(self, online: bool | str | None) -> None:
        self.online = online
        self.online_changed.emit(online)


def controller_for(ctx: AppContext) -> SyncController:
    """The one sync controller of this app context (the view and the window share it)."""
    if ctx.sync_controller is None:
        ctx.sync_controller = SyncController(ctx)
    return ctx.sync_controller


def install_auto_sync(ctx: AppContext, window: QObject, token: object = None) -> SyncController:
    """Show online/offline in the window's status bar and start syncing every few minutes.

    Called once the store is loaded (ui/app.py, with the token its worker read from the keyring), or
    by the Synkronisering view when it is shown first.
    """
    controller = controller_for(ctx)
    if isinstance(token, KeyringToken) and not controller.token_read:
        controller.remember_keyring_token(token.value)
    if not controller.attached:
        controller.attached = True
        if controller.parent() is None:
            controller.setParent(window)
        set_online = getattr(window, "set_online", None)
        if set_online is not None:
            controller.online_changed.connect(set_online)
        controller.start_auto()
    return controller
