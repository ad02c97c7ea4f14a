"""Erasure (GDPR art. 17, DESIGN §5a): which fields of a record are personal data, and what an
erased record holds in their place. The one place that says so: the laptop's "Anonymisér", the
caseworker's erasure, ``maegler-server erase-contact``, the server's tombstones and the laptops'
scrubbing of their outbox all use these functions.

An erased record keeps its id and its links (a meeting's participants keep pointing at
"Kontaktperson (anonymiseret)"); its personal fields get the values of ``ERASED`` and can never
get a person's values again. A deleted record of such an entity (a tombstone) carries the erased
values too: a tombstone carries no personal data at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .messages import Message, Msg

ANONYMIZED_NAME = "Kontaktperson (anonymiseret)"

# entity → personal field → the value it has once erased. ``anonymized`` is the erasure's mark.
ERASED: dict[str, dict[str, Any]] = {
    "contact": {
        "name": ANONYMIZED_NAME,
        "role": "",
        "email": "",
        "phone": "",
        "consent_date": None,
    },
}
MARK = "anonymized"


def personal_fields(entity: str) -> frozenset[str]:
    return frozenset(ERASED.get(entity, ()))


def has_personal_data(entity: str) -> bool:
    return entity in ERASED


def erased_values(entity: str) -> dict[str, Any]:
    """Every personal field's erased value, and the mark (empty for an entity without any)."""
    if entity not in ERASED:
        return {}
    return {**ERASED[entity], MARK: True}


def is_erased(entity: str, data: Mapping[str, Any]) -> bool:
    return entity in ERASED and data.get(MARK) is True


def must_be_erased(entity: str, deleted: bool, data: Mapping[str, Any]) -> bool:
    """An erased record, and a tombstone of an entity with personal data, hold no personal data."""
    return entity in ERASED and (deleted or is_erased(entity, data))


def scrubbed(entity: str, data: Mapping[str, Any], *, complete: bool = True) -> dict[str, Any]:
    """``data`` with the erased values in place of the personal ones. ``complete``: every personal
    field and the mark are set (a record); otherwise only the fields ``data`` has (a change)."""
    values = erased_values(entity)
    if not values:
        return dict(data)
    if complete:
        return {**data, **values}
    return {**data, **{k: v for k, v in values.items() if k in data}}


def personal_values(entity: str, data: Mapping[str, Any]) -> set[str]:
    """The person's texts in ``data`` that are not erased values (to look for in stored copies)."""
    erased = ERASED.get(entity, {})
    return {
        v.strip()
        for k, v in data.items()
        if k in erased and isinstance(v, str) and v.strip() and v != erased[k]
    }


def erased_change_problems(entity: str, current: Mapping[str, Any], data: Mapping[str, Any]) -> list[Message]:
    """A change that would give an erased record a person's values again, or lift the mark."""
    if not is_erased(entity, current):
        return []
    erased = ERASED[entity]
    if any(k in erased and v != erased[k] for k, v in data.items()) or data.get(MARK, True) is not True:
        return [Msg.CONTACT_ANONYMIZED()]
    return []


def is_erased_payload(entity: str, data: Mapping[str, Any]) -> bool:
    """A change's data whose personal fields all hold erased values (an outbox entry scrubbed)."""
    erased = ERASED.get(entity)
    return erased is not None and all(data[k] == v for k, v in erased.items() if k in data)


def replace_texts(value: Any, texts: Iterable[str]) -> Any:
    """``value`` (JSON) with every occurrence of each text replaced by the anonymised name."""
    found = sorted({t for t in texts if t}, key=len, reverse=True)
    if not found:
        return value

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            for t in found:
                if t in v:
                    v = v.replace(t, ANONYMIZED_NAME)
            return v
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        return v

    return walk(value)


def scrub_answer(
    entity: str, answer: Mapping[str, Any], texts: Iterable[str], *, same_record: bool
) -> dict[str, Any]:
    """A stored push answer without the person: the server copy's personal fields erased (when it
    is the copy of the record erased, ``same_record``) and the person's texts gone from the rest."""
    out: dict[str, Any] = replace_texts(dict(answer), texts)
    server = out.get("server")
    if same_record and isinstance(server, dict) and isinstance(server.get("data"), dict):
        out["server"] = {**server, "data": scrubbed(entity, server["data"])}
    return out
