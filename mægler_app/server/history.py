"""The server's own history of each network's stage: what ``/stats`` counts (issue 16, part 5).

A client's ``stage_history`` is the broker's account of the moves, with the laptop's times; the
programme's figures must not rest on it. So the server notes every stage change it accepts, at its
own time, in the table ``stage_move``: ``note_stage_move`` is called once by the push (any change
that leaves a network at another stage than before, its creation included) and once by a
decision. ``stage_moves`` reads it back for ``domain.figures.programme_figures``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Protocol, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from ..domain.stages import STAGE_VALUES, Move, Stage
from .models import StageMove

INSERT_MOVE = insert(cast(Table, StageMove.__table__))


class NetworkRow(Protocol):
    entity: str
    id: str
    owner_id: str
    deleted: bool

    @property
    def data(self) -> dict[str, Any]: ...


def note_stage_move(session: Session, row: NetworkRow, before: object, at: dt.datetime, by: str) -> None:
    """Note ``row``'s stage if ``row`` is a live network whose stage is no longer ``before``.

    Written at once, in the change's transaction (so with it, or not at all), by a plain insert:
    not left to the session's flush at commit, which on PostgreSQL comes while the push holds the
    sequence counter's lock (server/db.py), and lengthened every other broker's wait for it.
    """
    if row.entity != "network" or row.deleted:
        return
    stage = row.data.get("stage")
    if stage == before or stage not in STAGE_VALUES:
        return
    session.connection().execute(
        INSERT_MOVE,
        {"network_id": row.id, "owner_id": row.owner_id, "stage": str(stage), "at": at, "by_client": by},
    )


def stage_moves(session: Session) -> dict[str, list[Move]]:
    """Every network's moves as the server accepted them, oldest first."""
    out: dict[str, list[Move]] = defaultdict(list)
    rows = session.execute(
        select(StageMove.network_id, StageMove.stage, StageMove.at).order_by(StageMove.at, StageMove.id)
    )
    for network_id, stage, at in rows:
        if stage in STAGE_VALUES:
            out[network_id].append(Move(Stage(stage), at))
    return dict(out)
