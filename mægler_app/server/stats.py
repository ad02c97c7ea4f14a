"""GET /stats: the programme's figures per broker and in total, from the stored records and the
server's own history of each network's stage (server/history.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..domain.effects import export_files, export_table, participants, programme_effects
from ..domain.figures import RecordView, programme_figures
from ..domain.stages import Move
from ..domain.vocab import Role
from .db import Database
from .history import stage_moves
from .models import Record, User

COUNTED = ("company", "membership", "network", "screening", "application", "satisfaction")
# --- effects: what domain.effects reads besides (issue 19)
EFFECTS_READ = ("company", "membership", "network", "effect_measurement", "satisfaction")


def effect_records(db: Database) -> tuple[list[RecordView], dict[str, list[Move]]]:
    """Every live record ``domain.effects`` reads, and the server's own stage history."""
    with db.session() as s:
        rows = s.execute(
            select(
                Record.entity, Record.id, Record.owner_id, Record.deleted, Record.data, Record.created_at
            ).where(Record.entity.in_(EFFECTS_READ), Record.deleted.is_(False))
        ).all()
        history = stage_moves(s)
    records = [
        RecordView(e, i, o, d, data if isinstance(data, dict) else {}, c) for e, i, o, d, data, c in rows
    ]
    return records, history


def effects(db: Database) -> dict[str, Any]:
    """``/stats``' ``effects`` section: ``domain.effects.programme_effects`` over the stored records."""
    records, history = effect_records(db)
    return programme_effects(records, history)


def export_effects(db: Database) -> tuple[bytes, bytes, int]:
    """``export-effects``: (the rows file, the CVR file, companies), both UTF-8 with BOM."""
    records, history = effect_records(db)
    table = export_table(participants(records, history))
    main, cvrs = export_files(table)
    return main, cvrs, len(table.rows)


def stats(db: Database, *, with_moves: bool = False, with_effects: bool = False) -> dict[str, Any]:
    """The figures; ``with_moves`` adds ``moves``: network id → the server's own moves it counted
    ([stage, time], oldest first), so a caseworker's laptop counts each year as this does;
    ``with_effects`` adds ``effects`` (growth and satisfaction, ``domain.effects``)."""
    with db.session() as s:
        users = {u.id: u for u in s.scalars(select(User))}
        rows = s.execute(
            select(
                Record.entity, Record.id, Record.owner_id, Record.deleted, Record.data, Record.created_at
            ).where(Record.entity.in_(COUNTED), Record.deleted.is_(False))
        ).all()
        history = stage_moves(s)
    figures = programme_figures(
        (
            RecordView(
                entity=e,
                id=i,
                owner_id=o,
                deleted=d,
                data=data if isinstance(data, dict) else {},
                created_at=c,
            )
            for e, i, o, d, data, c in rows
        ),
        history,
    )
    brokers = []
    for user in sorted(users.values(), key=lambda u: u.username):
        if user.role != Role.BROKER:
            continue
        report = figures["brokers"].get(user.id) or programme_figures([])["total"]
        who = {"id": user.id, "username": user.username, "display_name": user.display_name or ""}
        brokers.append({"user": who, **report})
    out: dict[str, Any] = {"total": figures["total"], "brokers": brokers}
    if with_moves:
        out["moves"] = {
            nid: [[str(m.stage), m.at.isoformat()] for m in path] for nid, path in history.items()
        }
    if with_effects:
        out["effects"] = effects(db)
    return out
