"""Refusing what a database cannot store, at the edge: NUL, lone surrogates, NaN, deep nesting."""

from __future__ import annotations

import math
from typing import Any

MAX_DEPTH = 20


def clean_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded: both become a
    # validation error here instead of a database error later.
    if "\x00" in value:
        raise ValueError("Teksten indeholder et NUL-tegn.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Teksten er ikke gyldig Unicode.") from None
    return value


def clean_json(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError(f"Data er indlejret mere end {MAX_DEPTH} niveauer.")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("Tal skal være endelige.")
    if isinstance(value, dict):
        for key, item in value.items():
            clean_text(key)
            clean_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            clean_json(item, depth + 1)
    return value


def clean_data(value: dict[str, Any]) -> dict[str, Any]:
    clean_json(value)
    return value
