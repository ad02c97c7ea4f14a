"""Pull: every record the user may see whose last change has a sequence number above ``since``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .db import Database
from .models import Record, User


def record_out(rec: Record) -> dict[str, Any]:
    return {
        "seq": rec.seq,
        "entity": rec.entity,
        "id": rec.id,
        "version": rec.version,
        "deleted": rec.deleted,
        "owner_id": rec.owner_id,
        "updated_at": rec.updated_at.isoformat(),
        "data": rec.data,
    }


def pull(db: Database, user: User, since: int, limit: int) -> dict[str, Any]:
    query = select(Record).where(Record.seq > since)
    if user.role != "caseworker":
        query = query.where(Record.owner_id == user.id)
    query = query.order_by(Record.seq).limit(limit + 1)
    with db.session() as s:
        rows = list(s.scalars(query))
    has_more = len(rows) > limit
    rows = rows[:limit]
    return {
        "changes": [record_out(r) for r in rows],
        "next_since": rows[-1].seq if rows else since,
        "has_more": has_more,
    }
