"""English values for every enumerated field (protocol version 2)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-14 09:00:00

The stored records, the changes waiting in the outbox (their data and any conflicting server copy)
and the pulled records parked in local_state are rewritten from the Danish values of protocol
version 1 to the English ones, with the one table of ``domain.legacy_vocab`` that the server's
s0003 uses too; the network's trin3_* columns become stage_3_*. Queued changes then go out in the
new vocabulary. Only rows that change are written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

from mægler_app.domain.legacy_vocab import KNOWN_FORMS, RENAMED_FIELDS, form_key, translate_record

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 1000
PARKED_PREFIX = "pull_parked:"


def _load(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rewrite(
    conn: sa.Connection,
    select_sql: str,
    key: str,
    update_sql: str,
    change: Callable[[dict[str, Any]], dict[str, Any] | None],
) -> None:
    """Read rows in pages of BATCH by ``key``, and write back those ``change`` returns values for."""
    last: Any = None
    while True:
        where = "" if last is None else f" WHERE {key} > :last"
        rows = (
            conn.execute(sa.text(f"{select_sql}{where} ORDER BY {key} LIMIT {BATCH}"), {"last": last})
            .mappings()
            .all()
        )
        if not rows:
            return
        updates = [u for u in (change(dict(r)) for r in rows) if u is not None]
        if updates:
            conn.execute(sa.text(update_sql), updates)
        last = rows[-1][key]


def _changed_columns(
    row: dict[str, Any], new: dict[str, Any], columns: Iterable[str]
) -> dict[str, Any] | None:
    if all(row[c] == new[c] for c in columns):
        return None
    return {**new, "id": row["id"]}


def upgrade() -> None:
    for old, new in RENAMED_FIELDS["network"].items():
        op.execute(f"ALTER TABLE network RENAME COLUMN {old} TO {new}")
    _translate(op.get_bind(), back=False)


def downgrade() -> None:
    _translate(op.get_bind(), back=True)
    for old, new in RENAMED_FIELDS["network"].items():
        op.execute(f"ALTER TABLE network RENAME COLUMN {new} TO {old}")


def _translate(conn: sa.Connection, *, back: bool) -> None:
    """Every stored value into the new vocabulary (``back``: into the old one)."""

    def translate(entity: str, data: Any, form: tuple[str, int] | None = None) -> Any:
        return translate_record(entity, data, KNOWN_FORMS, form=form, back=back)

    def network(row: dict[str, Any]) -> dict[str, Any] | None:
        history = _load(row["stage_history"])
        data = translate(
            "network",
            {
                "stage": row["stage"],
                "network_type": row["network_type"],
                "lead_source": row["lead_source"],
                "stage_history": history,
            },
        )
        if data["stage_history"] == history and all(
            data[c] == row[c] for c in ("stage", "network_type", "lead_source")
        ):
            return None
        return {**data, "stage_history": _dump(data["stage_history"]), "id": row["id"]}

    _rewrite(
        conn,
        "SELECT id, stage, network_type, lead_source, stage_history FROM network",
        "id",
        "UPDATE network SET stage = :stage, network_type = :network_type, lead_source = :lead_source,"
        " stage_history = :stage_history WHERE id = :id",
        network,
    )
    _rewrite(
        conn,
        "SELECT id, focus_area FROM company",
        "id",
        "UPDATE company SET focus_area = :focus_area WHERE id = :id",
        lambda r: _changed_columns(r, translate("company", {"focus_area": r["focus_area"]}), ["focus_area"]),
    )
    _rewrite(
        conn,
        "SELECT id, category FROM expense",
        "id",
        "UPDATE expense SET category = :category WHERE id = :id",
        lambda r: _changed_columns(r, translate("expense", {"category": r["category"]}), ["category"]),
    )

    def meeting(row: dict[str, Any]) -> dict[str, Any] | None:
        dimensions = _load(row["dimensions"])
        new = translate("meeting", {"dimensions": dimensions})["dimensions"]
        return None if new == dimensions else {"dimensions": _dump(new), "id": row["id"]}

    _rewrite(
        conn,
        "SELECT id, dimensions FROM meeting",
        "id",
        "UPDATE meeting SET dimensions = :dimensions WHERE id = :id",
        meeting,
    )

    forms: dict[str, tuple[str, int]] = {}

    def screening(row: dict[str, Any]) -> dict[str, Any] | None:
        forms[row["id"]] = (row["form_id"], row["form_version"])
        answers = _load(row["answers"])
        data = translate("screening", {"answers": answers}, form=forms[row["id"]])
        return None if data["answers"] == answers else {"answers": _dump(data["answers"]), "id": row["id"]}

    _rewrite(
        conn,
        "SELECT id, form_id, form_version, answers FROM screening",
        "id",
        "UPDATE screening SET answers = :answers WHERE id = :id",
        screening,
    )

    def outbox(row: dict[str, Any]) -> dict[str, Any] | None:
        entity = row["entity"]
        form = forms.get(row["record_id"])
        data, server = _load(row["data"]), _load(row["server_data"])
        new_data = translate(entity, data, form=form)
        if form is None and isinstance(new_data, dict):
            form = form_key(new_data)
        new_server = server
        if isinstance(server, dict) and isinstance(server.get("data"), dict):
            new_server = {**server, "data": translate(entity, server["data"], form=form)}
        if new_data == data and new_server == server:
            return None
        return {
            "data": _dump(new_data),
            "server_data": None if new_server is None else _dump(new_server),
            "seq": row["seq"],
        }

    _rewrite(
        conn,
        "SELECT seq, entity, record_id, data, server_data FROM outbox",
        "seq",
        "UPDATE outbox SET data = :data, server_data = :server_data WHERE seq = :seq",
        outbox,
    )

    def parked_change(change: Any) -> Any:
        if not isinstance(change, dict) or not isinstance(change.get("entity"), str):
            return change
        return {**change, "data": translate(change["entity"], change.get("data"))}

    def local_state(row: dict[str, Any]) -> dict[str, Any] | None:
        value = _load(row["value"])
        if row["key"] == "pull_parked" and isinstance(value, dict):
            # An older version's single list of parked records, by "entity/id".
            new: Any = {tag: parked_change(ch) for tag, ch in value.items()}
        elif row["key"].startswith(PARKED_PREFIX) and isinstance(value, dict):
            new = {**value, "change": parked_change(value.get("change"))}
        else:
            return None
        return None if new == value else {"value": _dump(new), "key": row["key"]}

    _rewrite(
        conn,
        "SELECT key, value FROM local_state",
        "key",
        "UPDATE local_state SET value = :value WHERE key = :key",
        local_state,
    )
