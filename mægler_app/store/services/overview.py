"""Small shared facts about the store: outbox counts, local state, live record counts."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.vocab import OutboxStatus
from ..db import Store
from ..models import SYNCED, LocalState, OutboxEntry
from ..quick import role_of


def pending_counts(store: Store) -> tuple[int, int, int]:
    """(pending, conflicts, rejected) outbox entries."""
    with store.session() as s:
        rows = dict(s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
    return (
        rows.get(OutboxStatus.PENDING, 0),
        rows.get(OutboxStatus.CONFLICT, 0),
        rows.get(OutboxStatus.REJECTED, 0),
    )


# Pulled records the sync engine could not store yet, one ``local_state`` row each, keyed by this
# prefix and ``<entity>/<id>`` (written and read by sync/engine.py; counted here for ``maegler status``).
PARKED_PREFIX = "pull_parked:"


def parked_count(store: Store) -> int:
    """Pulled records parked: waiting for their parent, or not storable as they came."""
    with store.session() as s:
        return int(
            s.scalar(select(func.count()).where(LocalState.key.startswith(PARKED_PREFIX, autoescape=True)))
            or 0
        )


def get_state(store: Store, key: str, default: object = None) -> object:
    with store.session() as s:
        row = s.get(LocalState, key)
        return default if row is None else row.value


def get_states(store: Store, *keys: str) -> list[object]:
    """Several keys' values (None where unset), read in one session."""
    with store.session() as s:
        values: dict[str, object] = dict(
            s.execute(select(LocalState.key, LocalState.value).where(LocalState.key.in_(keys))).all()
        )
    return [values.get(key) for key in keys]


def set_state(store: Store, key: str, value: object) -> None:
    with store.session() as s:
        row = s.get(LocalState, key)
        if row is None:
            s.add(LocalState(key=key, value=value))
        else:
            row.value = value


# The person this profile belongs to: {"display_name": ...}, written by the sync service at login.
# (The sync account itself, server and user name, is the sync layer's key "account".)
USER_KEY = "user"


def display_name(store: Store) -> str:
    """The full name the server gave at login; "" for a profile that never logged in (or no name)."""
    value = get_state(store, USER_KEY)
    return str(value.get("display_name") or "").strip() if isinstance(value, dict) else ""


def set_display_name(store: Store, name: str) -> None:
    with store.session() as s:
        row = s.get(LocalState, USER_KEY)
        value = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
        value["display_name"] = name.strip()
        if row is None:
            s.add(LocalState(key=USER_KEY, value=value))
        else:
            row.value = value


def set_role(store: Store, role: str) -> None:
    """Keep the role the server gave (login, and ``/me`` at each sync) beside the display name."""
    with store.session() as s:
        row = s.get(LocalState, USER_KEY)
        value = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
        value["role"] = role.strip()
        if row is None:
            s.add(LocalState(key=USER_KEY, value=value))
        else:
            row.value = value


def server_user_value(
    user: object, account: object, role: object, name: object
) -> tuple[dict[str, Any], bool]:
    """What the ``user`` state becomes with the role and display name ``/me`` gave (``user`` and
    ``account``: the kept states' values, None where unset), and whether the role changed. Equal
    to ``user`` when there is nothing new."""
    current = dict(user) if isinstance(user, dict) else {}
    value = dict(current)
    role_changed = False
    if isinstance(role, str) and role and role != role_of(user, account):
        value["role"] = role.strip()
        role_changed = True
    if (
        isinstance(name, str)
        and name.strip()
        and name.strip() != str(current.get("display_name") or "").strip()
    ):
        value["display_name"] = name.strip()
    return value, role_changed


def remember_server_user(s: Session, role: object, name: object) -> bool:
    """The role and display name ``/me`` gave, kept as ``set_role`` / ``set_display_name`` keep them,
    in the caller's session and only where they differ (a sync with nothing new writes nothing).
    Returns whether the role changed."""
    row = s.get(LocalState, USER_KEY)
    account = s.get(LocalState, "account")
    current = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
    value, role_changed = server_user_value(
        row.value if row is not None else None, account.value if account is not None else None, role, name
    )
    if value != current:
        if row is None:
            s.add(LocalState(key=USER_KEY, value=value))
        else:
            row.value = value
    return role_changed


def profile_role(store: Store) -> str:
    """This profile's role (a ``Role`` value): the server's word at login or the last sync, else
    the sync account's, else "" (a local profile that never logged in)."""
    return role_of(get_state(store, USER_KEY), get_state(store, "account"))


def broker_name(store: Store) -> str:
    """The broker's name as the reports print it: the display name, else the user name the profile
    logs in with (a server that gave no name), else "" (never logged in)."""
    name = display_name(store)
    if name:
        return name
    account = get_state(store, "account")
    return str(account.get("username") or "").strip() if isinstance(account, dict) else ""


def live_counts(store: Store) -> dict[str, int]:
    """Live (not deleted) records per entity, for ``maegler status``."""
    out: dict[str, int] = {}
    with store.session() as s:
        for name, cls in SYNCED.items():
            out[name] = int(
                s.scalar(select(func.count()).select_from(cls).where(cls.deleted.is_(False))) or 0
            )
    return out


# How a record stands with the server, for marking list rows; the worst state of its changes wins.
MARK_PENDING, MARK_CONFLICT, MARK_REJECTED = (
    OutboxStatus.PENDING,
    OutboxStatus.CONFLICT,
    OutboxStatus.REJECTED,
)
_MARK_RANK: dict[str, int] = {MARK_PENDING: 0, MARK_CONFLICT: 1, MARK_REJECTED: 2}


def sync_marks(store: Store, entity: str, record_ids: Collection[str] | None = None) -> dict[str, str]:
    """Record id → an OutboxStatus (its changes' worst) for every ``entity`` record with a change
    the server has not accepted yet (records not in the map are in step with the server).

    ``record_ids``: only these records (a network's meetings): a profile never synced has an outbox
    entry for each of its 38.000 meetings, and reading them all took a second on the GUI thread."""
    query = select(OutboxEntry.record_id, OutboxEntry.status).where(OutboxEntry.entity == entity)
    if record_ids is not None:
        if not record_ids:
            return {}
        query = query.where(OutboxEntry.record_id.in_(list(record_ids)))
    with store.session() as s:
        rows = s.execute(query).all()
    marks: dict[str, str] = {}
    for record_id, status in rows:
        state = status if status in _MARK_RANK else MARK_PENDING
        if _MARK_RANK[state] >= _MARK_RANK.get(marks.get(record_id, ""), -1):
            marks[record_id] = state
    return marks
