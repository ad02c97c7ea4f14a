"""Small shared facts about the store: outbox counts, local state, live record counts."""

from __future__ import annotations

from sqlalchemy import func, select

from ..db import Store
from ..models import SYNCED, LocalState, OutboxEntry


def pending_counts(store: Store) -> tuple[int, int, int]:
    """(pending, conflicts, rejected) outbox entries."""
    with store.session() as s:
        rows = dict(
            s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all()  # type: ignore[arg-type]
        )
    return rows.get("pending", 0), rows.get("conflict", 0), rows.get("rejected", 0)


def get_state(store: Store, key: str, default: object = None) -> object:
    with store.session() as s:
        row = s.get(LocalState, key)
        return default if row is None else row.value


def set_state(store: Store, key: str, value: object) -> None:
    with store.session() as s:
        row = s.get(LocalState, key)
        if row is None:
            s.add(LocalState(key=key, value=value))
        else:
            row.value = value


def live_counts(store: Store) -> dict[str, int]:
    """Live (not deleted) records per entity, for ``maegler status``."""
    out: dict[str, int] = {}
    with store.session() as s:
        for name, cls in SYNCED.items():
            out[name] = int(
                s.scalar(select(func.count()).select_from(cls).where(cls.deleted.is_(False)))  # type: ignore[attr-defined]
                or 0
            )
    return out
