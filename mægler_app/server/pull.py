"""Pull: every record the user may see whose last change has a sequence number above ``since``."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Select, Table, Text, bindparam, column, select, text, union_all
from sqlalchemy import cast as sql_cast

from .. import fastjson
from ..domain.vocab import Role
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
_AFTER = RECORD.c.seq > bindparam("since")
_OWN = RECORD.c.owner_id == bindparam("owner_id")
# --- followup: records of others a broker reads (Væksthus' follow-ups on its networks, s0006_followup)
_READ = RECORD.c.reader_id == bindparam("owner_id")


def _first_page(*columns: Any, where: Any) -> Select[Any]:
    return select(*columns).where(_AFTER, where).order_by(RECORD.c.seq).limit(bindparam("limit"))


def _mine(*columns: Any) -> Select[Any]:
    """A broker's page: its own records and those it reads, each the first ``limit`` after ``since``
    by its own index range (``ix_record_owner_seq``, the partial ``ix_record_reader_seq``), merged
    by seq. One ``OR`` over both columns would make the database read the broker's records after
    ``since`` whole (or both indexes as bitmaps) and sort them, for a page of ``limit``."""
    both = union_all(
        select(_first_page(*columns, where=_OWN).subquery()),
        select(_first_page(*columns, where=_READ).subquery()),
    ).subquery("mine")
    return select(*both.c).order_by(both.c.seq).limit(bindparam("limit"))


PULL_ALL = select(*PULL_COLUMNS).where(_AFTER).order_by(RECORD.c.seq).limit(bindparam("limit"))
PULL_OWN = _mine(*PULL_COLUMNS)
# With ``skip``: the page's sequence numbers first (from the index alone), then the rows not held.
SEQS_ALL = select(RECORD.c.seq).where(_AFTER).order_by(RECORD.c.seq).limit(bindparam("limit"))
SEQS_OWN = _mine(RECORD.c.seq)
# The rows of chosen seqs: one parameter however many (a JSON array on SQLite, an array on
# PostgreSQL), so the statement's text, and PostgreSQL's prepared statement, never changes.
_ROWS_OF_SEQS = (
    "SELECT r.seq, r.entity, r.id, r.version, r.deleted, r.owner_id, r.updated_at, "
    "CAST(r.data AS TEXT) AS data FROM record AS r WHERE r.seq {} ORDER BY r.seq"
)
_TYPED = (*PULL_COLUMNS[:-1], column("data", Text))
ROWS_BY_SEQ = {
    "sqlite": text(_ROWS_OF_SEQS.format("IN (SELECT value FROM json_each(:seqs))")).columns(*_TYPED),
    "postgresql": text(_ROWS_OF_SEQS.format("= ANY(CAST(:seqs AS bigint[]))")).columns(*_TYPED),
}


def pull(
    db: Database, user: User, since: int, limit: int, skip: Sequence[tuple[int, int]] = ()
) -> dict[str, Any]:
    """A page of changes after ``since``, leaving out those whose seq is in a ``skip`` range."""
    params: dict[str, Any] = {"since": since, "limit": limit + 1}
    everyone = user.role == Role.CASEWORKER
    if not everyone:
        params["owner_id"] = user.id
    held = _Ranges(skip)
    with db.read() as conn:
        if not skip:
            rows = conn.execute(PULL_ALL if everyone else PULL_OWN, params).all()
            has_more = len(rows) > limit
            rows = rows[:limit]
            last = rows[-1][0] if rows else since
        else:
            # A client's first sync holds nearly every record at the server's version already: its
            # stored JSON is not read only to be left out. (A record changed between the two
            # statements has a new, higher seq, so it comes on a later page.)
            seqs = conn.scalars(SEQS_ALL if everyone else SEQS_OWN, params).all()
            has_more = len(seqs) > limit
            seqs = seqs[:limit]
            last = seqs[-1] if seqs else since
            wanted = [seq for seq in seqs if not held.holds(seq)]
            if wanted:
                dialect = conn.dialect.name
                seqs_param = wanted if dialect == "postgresql" else fastjson.dumps_str(wanted)
                rows = conn.execute(ROWS_BY_SEQ[dialect], {"seqs": seqs_param}).all()
            else:
                rows = []
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
    ]
    return {"changes": changes, "next_since": last, "has_more": has_more}


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
