"""JSON with orjson (Rust), falling back to the standard library; for the server and the client.

Sync spends a large part of its time turning JSON into Python and back: request bodies,
responses, the JSON columns, the hash of every change. orjson does the same work several times
faster. Where it refuses what the standard library accepts (an integer beyond 64
bits in a client's free-form data), the standard library takes over, so no input gives a 500.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

JSONDecodeError = orjson.JSONDecodeError  # a subclass of json.JSONDecodeError
# JSON text that ``dumps`` puts in as it is (text read from a JSON column, say). Only orjson knows
# it: use it in bodies whose other values orjson always takes (no integer beyond 64 bits).
Raw = orjson.Fragment


def loads(data: bytes | str) -> Any:
    if not isinstance(data, str | bytes | bytearray | memoryview):
        # As the standard library does: SQLAlchemy's SQLite JSON type counts on a TypeError for a
        # bare number, which SQLite may hand back as a number rather than text.
        raise TypeError(f"JSON must be str or bytes, not {type(data).__name__}")
    return orjson.loads(data)


def dumps(value: Any, *, sort_keys: bool = False) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, say
        return json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys, allow_nan=False
        ).encode("utf-8")


def dumps_str(value: Any) -> str:
    """For the JSON columns (SQLAlchemy's ``json_serializer``)."""
    return dumps(value).decode("utf-8")
