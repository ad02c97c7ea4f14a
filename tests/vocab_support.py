"""Helpers for the vocabulary tests: the protocol-1 fixtures, and a search for Danish values left."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mægler_app.domain.legacy_vocab import RENAMED_FIELDS, old_values

FIXTURES = Path(__file__).with_name("fixtures")
OLD_VALUES = old_values()
OLD_FIELDS = frozenset(name for names in RENAMED_FIELDS.values() for name in names)


def protocol_1_screening_form() -> dict[str, Any]:
    """The screening form v1 as protocol version 1 published it (Danish risk and trust options)."""
    return dict(json.loads((FIXTURES / "screening_v1_protocol1.json").read_text(encoding="utf-8")))


def danish_left(value: Any, where: str = "") -> list[str]:
    """Every place in ``value`` (JSON text is looked into) that holds an old value or field name."""
    if isinstance(value, str):
        if value in OLD_VALUES:
            return [f"{where}: {value!r}"]
        if value.startswith(("[", "{")):
            try:
                return danish_left(json.loads(value), where)
            except ValueError:
                return []
        return []
    if isinstance(value, dict):
        found = [f"{where}: key {k!r}" for k in value if k in OLD_FIELDS]
        for k, v in value.items():
            found += danish_left(v, f"{where}.{k}")
        return found
    if isinstance(value, list | tuple):
        return [hit for i, v in enumerate(value) for hit in danish_left(v, f"{where}[{i}]")]
    return []
