"""Pull: every record the user may see whose last change has a sequence number above ``since``."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, Text, bindparam, select
from sqlalchemy import cast as sql_cast

from .. import fastjson
from .db import Database
from .models import Record, User

RECORD = cast(Table, Record.__table__)
PULL_COLUMNS = (
    RECORD.c.seq,
    RECORD.c.entity,
    RECORD.c.id,
    RECORD.c.version,
    RECORD.c.deleted,
    RECORD.c.owner_id,
    RECORD.c.updated_at,
    # As the JSON text stored: it goes out as it is, never decoded and encoded again.
    sql_cast(RECORD.c.data, Text).label("data"),
)


# Built once; bound per call.
PULL_ALL = (
    select(*PULL_COLUMNS)
    .where(RECORD.c.seq > bindparam("since"))
    .order_by(RECORD.c.seq)
    .limit(bindparam("limit"))
)
PULL_OWN = (
    select(*PULL_COLUMNS)
    .where(RECORD.c.seq > bindparam("since"), RECORD.c.owner_id == bindparam("owner_id"))
    .order_by(RECORD.c.seq)
    .limit(bindparam("limit"))
)


def pull(
    db: Database, user: User, since: int, limit: int, skip: Sequence[tuple[int, int]] = ()
) -> dict[str, Any]:
    """A page of changes after ``since``, leaving out those whose seq is in a ``skip`` range."""
    params: dict[str, Any] = {"since": since, "limit": limit + 1}
    if user.role == "caseworker":
        query = PULL_ALL
    else:
        query, params["owner_id"] = PULL_OWN, user.id
    with db.engine.connect() as conn:
        rows = conn.execute(query, params).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    held = _Ranges(skip)
    changes = [
        {
            "seq": seq,
            "entity": entity,
            "id": record_id,
            "version": version,
            "deleted": deleted,
            "owner_id": owner_id,
            "updated_at": updated_at.isoformat(),
            "data": fastjson.Raw(data),
        }
        for seq, entity, record_id, version, deleted, owner_id, updated_at, data in rows
        if not held.holds(seq)
    ]
    return {"changes": changes, "next_since": rows[-1][0] if rows else since, "has_more": has_more}


class _Ranges:
    """Sequence-number ranges, merged where they overlap, for a look-up by bisection."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        self.firsts = [first for first, _last in merged]
        self.lasts = [last for _first, last in merged]

    def holds(self, seq: int) -> bool:
        i = bisect.bisect_right(self.firsts, seq) - 1
        return i >= 0 and seq <= self.lasts[i]
