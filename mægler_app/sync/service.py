"""Use cases of sync for the CLI and the GUI: log in, log out, run a sync. Plain values in and out."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import func, select

from ..domain.messages import Message, Msg
from ..store.db import Store
from ..store.models import SYNCED, LocalState
from ..store.services.overview import set_display_name, set_role
from .api import Api, AuthError, OfflineError, SyncError
from .credentials import (
    Account,
    KeyringUnavailableError,
    current_account,
    delete_token,
    load_token,
    remember_account,
    save_token,
)
from .engine import Progress, SyncEngine, forget_server_state


class NotLoggedInError(SyncError):
    def __init__(self, message: Message | None = None) -> None:
        super().__init__(message or Msg.SYNC_NOT_LOGGED_IN())


class OtherUserError(SyncError):
    pass


@dataclass(frozen=True)
class LoginResult:
    account: Account
    token: str
    saved_in_keyring: bool
    message: str


def normalize_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url:
        raise SyncError(Msg.SYNC_SERVER_URL_MISSING())
    if "://" not in url:
        url = "https://" + url
    if not url.startswith(("http://", "https://")):
        raise SyncError(Msg.SYNC_SERVER_URL_INVALID(url=url))
    return url


# --- ship: a server that does not answer a login (issue 23 item 6)
def is_local_address(host: str) -> bool:
    """Whether ``host`` is this computer or on a private network (loopback, 10/8, 192.168/16, fc00::/7 …):
    only there is a test server without https to be expected, and named."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        found = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    addresses = [ipaddress.ip_address(str(a).split("%")[0]) for a in found]
    return bool(addresses) and all(a.is_loopback or a.is_private or a.is_link_local for a in addresses)


def answers_plain_http(url: str) -> bool:
    """Whether a server answers at ``url`` (http://…) at all, whatever its answer."""
    api = Api(url, retries=0, timeout=(3.0, 5.0))
    try:
        api.healthz()
        return True
    except OfflineError:
        return False
    except SyncError:
        return True  # it answered, if only with a refusal
    finally:
        api.close()


def login_no_answer(url: str, exc: OfflineError) -> Message:
    """Why a login got no answer: a server on this computer or the local network that speaks plain
    http where https was tried is named as such; otherwise the server does not answer."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname and is_local_address(parts.hostname):
        plain = urlunsplit(("http", parts.netloc, parts.path, "", ""))
        if answers_plain_http(plain):
            return Msg.SYNC_SERVER_SPEAKS_HTTP(url=plain)
    params = exc.message.params if isinstance(exc.message, Message) else {}
    return Msg.SYNC_LOGIN_NO_ANSWER(server=url, cause=params.get("cause") or "ConnectionError")


def _has_synced_data(store: Store) -> bool:
    with store.session() as s:
        if s.get(LocalState, "pull_since") is not None:
            return True
        for cls in SYNCED.values():
            if s.scalar(select(func.count()).select_from(cls).where(cls.version > 0)):
                return True
    return False


def login(
    store: Store, server_url: str, username: str, password: str, *, api: Api | None = None
) -> LoginResult:
    url = normalize_url(server_url)
    username = username.strip()
    if not username or not password:
        raise SyncError(Msg.SYNC_LOGIN_FIELDS_MISSING())
    api = api or Api(url)
    try:
        body = api.login(username, password)
    except AuthError as exc:
        raise SyncError(exc.detail) from exc  # the server's reason (wrong name or password), as it says it
    except OfflineError as exc:  # --- ship: a login's own words, not the sync's "changes are kept here"
        raise SyncError(login_no_answer(url, exc)) from exc
    finally:
        if api is not None:
            api.close()
    user = body.get("user") or {}
    account = Account(
        url, str(user.get("username", username)), str(user.get("id", "")), str(user.get("role", ""))
    )
    previous = current_account(store)
    if previous is not None and previous.user_id and previous.user_id != account.user_id:
        if _has_synced_data(store):
            raise OtherUserError(
                Msg.SYNC_PROFILE_OTHER_USER(username=previous.username, server=previous.server_url)
            )
        forget_server_state(store)
        set_display_name(store, "")  # the previous user's name is not this one's
    if (
        previous is not None
        and previous.server_url != account.server_url
        and previous.user_id == account.user_id
    ):
        forget_server_state(store)
    remember_account(store, account)
    # An older server sends no display name: what the profile has stays (it prints the user name).
    display_name = user.get("display_name")
    if isinstance(display_name, str) and display_name.strip():
        set_display_name(store, display_name)
    set_role(store, account.role)
    token = str(body["token"])
    try:
        save_token(account, token)
        saved, message = True, str(Msg.SYNC_LOGGED_IN(username=account.username, role=account.role))
    except KeyringUnavailableError:
        saved, message = (
            False,
            str(Msg.SYNC_LOGGED_IN_NO_KEYRING(username=account.username, note=Msg.SYNC_NO_KEYRING())),
        )
    return LoginResult(account, token, saved, message)


def revoke_token(server_url: str, token: str, *, timeout: tuple[float, float] = (3.0, 5.0)) -> bool:
    """Ask the server to end a token this laptop will not keep (no keyring): otherwise it would stay
    valid on the server for hours with nobody holding it. True when the server confirmed it."""
    api = Api(server_url, token, retries=0, timeout=timeout)
    try:
        api.logout()
        return True
    except SyncError:
        return False  # offline: the server ends an unused token by itself after its idle time
    finally:
        api.close()


def logout(store: Store, token: str | None = None) -> str:
    account = current_account(store)
    if account is None:
        return str(Msg.SYNC_WAS_NOT_LOGGED_IN())
    token = token or load_token(account)
    # first the local token (a login made while the server is being told is not undone), then the server
    delete_token(account)
    if token:
        api = Api(account.server_url, token, retries=0)
        try:
            api.logout()
        except SyncError:
            pass  # offline or already expired: the local token is removed all the same
        finally:
            api.close()
    return str(Msg.SYNC_LOGGED_OUT(username=account.username))


def no_token(account: Account | None) -> NotLoggedInError:
    """What is said when there is no token to sync with: not logged in, or not kept here."""
    if account is None:
        return NotLoggedInError()
    return NotLoggedInError(Msg.SYNC_TOKEN_NOT_SAVED(username=account.username))


def api_for(store: Store, token: str | None = None, **kw: object) -> Api:
    """An Api for this profile's account with its token (given, or from the keyring)."""
    account = current_account(store)
    token = token or (load_token(account) if account is not None else None)
    if account is None or not token:
        raise no_token(account)
    return Api(account.server_url, token, **kw)  # type: ignore[arg-type]


def run_sync(store: Store, api: Api, **kw: Any) -> Progress:
    """A generator of (done, total) returning a SyncReport; see SyncEngine."""
    return SyncEngine(store, api, **kw).run()
