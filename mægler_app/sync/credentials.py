"""The login token lives in the OS keyring, never in a file or a log.

Which server and user a profile belongs to is not secret and is kept in the profile's LocalState;
the token is looked up in the keyring under that server and user. With no usable keyring the
token is kept in memory for this session only, and the user is asked for the password next time.
"""

from __future__ import annotations

from dataclasses import dataclass

import keyring
import keyring.errors

from ..domain.messages import Msg
from ..domain.vocab import Role
from ..store.db import Store
from ..store.services.overview import get_state, set_state

SERVICE = "Mægler"

NO_KEYRING_TEXT = str(Msg.SYNC_NO_KEYRING())


class KeyringUnavailableError(Exception):
    def __str__(self) -> str:
        return str(Msg.SYNC_NO_KEYRING())


@dataclass(frozen=True)
class Account:
    """Who this profile syncs as (from LocalState)."""

    server_url: str
    username: str
    user_id: str
    role: str

    @property
    def key(self) -> str:
        return f"{self.username}@{self.server_url}"


def keyring_usable() -> bool:
    backend = keyring.get_keyring()
    # keyring's own fail backend (and a chainer with nothing in it) has priority 0 or less
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend whose priority cannot be read is not one we trust
        return False


def save_token(account: Account, token: str) -> None:
    if not keyring_usable():
        raise KeyringUnavailableError()
    try:
        keyring.set_password(SERVICE, account.key, token)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError() from exc


def load_token(account: Account) -> str | None:
    if not keyring_usable():
        return None
    try:
        return keyring.get_password(SERVICE, account.key)
    except keyring.errors.KeyringError:
        return None


def delete_token(account: Account) -> None:
    if not keyring_usable():
        return
    try:
        keyring.delete_password(SERVICE, account.key)
    except keyring.errors.KeyringError:
        pass  # nothing stored (PasswordDeleteError) or no keyring: either way no token remains


def current_account(store: Store) -> Account | None:
    value = get_state(store, "account")
    if not isinstance(value, dict) or not value.get("server_url"):
        return None
    return Account(
        server_url=str(value["server_url"]),
        username=str(value.get("username", "")),
        user_id=str(value.get("user_id", "")),
        role=str(value.get("role", Role.BROKER.value)),
    )


def remember_account(store: Store, account: Account) -> None:
    set_state(
        store,
        "account",
        {
            "server_url": account.server_url,
            "username": account.username,
            "user_id": account.user_id,
            "role": account.role,
        },
    )
