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


# How a record stands with the server, for marking list rows; the worst state of its changes wins.
MARK_PENDING, MARK_CONFLICT, MARK_REJECTED = "pending", "conflict", "rejected"
_MARK_RANK = {MARK_PENDING: 0, MARK_CONFLICT: 1, MARK_REJECTED: 2}


def sync_marks(store: Store, entity: str) -> dict[str, str]:
    """Record id → "pending", "conflict" or "rejected" for every ``entity`` record with a change
    the server has not accepted yet (records not in the map are in step with the server)."""
    with store.session() as s:
        rows = s.execute(
            select(OutboxEntry.record_id, OutboxEntry.status).where(OutboxEntry.entity == entity)
        ).all()
    marks: dict[str, str] = {}
    for record_id, status in rows:
        state = status if status in _MARK_RANK else MARK_PENDING
        if _MARK_RANK[state] >= _MARK_RANK.get(marks.get(record_id, ""), -1):
            marks[record_id] = state
    return marks
