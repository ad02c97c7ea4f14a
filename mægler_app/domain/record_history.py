"""A record's history in words: what the server's ``record_change`` rows say (issue 22).

Shared by the server's ``maegler-server history`` and the caseworker's desk, so both say the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .messages import Msg
from .numbers import format_kr
from .schema import label as field_label
from .stages import STAGE_VALUES, stage_label
from .vocab import ENTITY_LABELS as _ENTITY_LABELS
from .vocab import NETWORK_TYPES, label

# The kinds of record by their sync names, in Danish (``vocab.label("entity", …)`` in either language)
ENTITY_LABELS = _ENTITY_LABELS

# Fields a person does not need to read about in a history (bookkeeping the app keeps itself).
QUIET_FIELDS = frozenset({"stage_history", "stage_changed_at", "updated_at", "receipt_name"})


def value_text(entity: str, name: str, value: Any) -> str:
    if value is None:
        return "–"
    if name == "stage" and value in STAGE_VALUES:
        return stage_label(str(value))
    if name in {"status", "decision"} and entity == "application":
        return label("application_status", str(value))
    if name.endswith("_ore") and isinstance(value, int) and not isinstance(value, bool):
        return format_kr(value)
    if name == "category" and entity == "expense":
        return label("expense_category", str(value))
    if name == "network_type" and value in NETWORK_TYPES:
        return label("network_type", str(value))
    if name == "focus_area":
        return label("focus_area", str(value))
    if name == "role" and entity == "membership":
        return label("member_role", str(value))
    return str(value)


def describe(entity: str, kind: str, fields: list[str], shown: dict[str, Any]) -> str:
    """``"Netværk ændret: Fase = Trin 2, Navn"``: the record's kind, what happened, the fields (of a
    new record only those whose values the history keeps: every field is new then)."""
    head = f"{label('entity', entity)} {label('change_kind', kind)}"
    parts = []
    for name in fields:
        if name in QUIET_FIELDS or (kind == "created" and name not in shown):
            continue
        text = field_label(entity, name)
        if name in shown:
            text += f" = {value_text(entity, name, shown[name])}"
        parts.append(text)
    return f"{head}: {', '.join(parts)}" if parts and kind != "deleted" else head


def who(user: dict[str, Any]) -> str:
    name = str(user.get("display_name") or "")
    username = str(user.get("username") or "")
    if name and username:
        return f"{name} ({username})"
    return name or username or str(Msg.HISTORY_UNKNOWN_USER())


def when(at: str | dt.datetime) -> str:
    """The time as Danish local people read it is not the server's business: UTC, said so."""
    moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
    return moment.astimezone(dt.UTC).strftime("%d.%m.%Y %H:%M UTC")


def history_lines(changes: list[dict[str, Any]]) -> list[str]:
    """One line per change of the endpoint's answer (newest first, as it comes)."""
    return [
        f"{when(c['at'])}  v{c['version']}  {who(c.get('user') or {})}  {describe(c['entity'], c['kind'], c['fields'], c['shown'])}"
        for c in changes
    ]
