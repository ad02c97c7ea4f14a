"""Refusing what a database cannot store, at the edge: NUL, lone surrogates, NaN, deep nesting."""

from __future__ import annotations

import math
from typing import Any

from ..domain.errors import DomainError  # a ValueError: pydantic reports it as the field's error
from ..domain.messages import Msg

MAX_DEPTH = 20


def clean_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded: both become a
    # validation error here instead of a database error later.
    if "\x00" in value:
        raise DomainError(Msg.DATA_TEXT_HAS_NUL())
    if not value.isascii():  # ASCII (most text) holds no surrogates: no need to encode it
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise DomainError(Msg.DATA_TEXT_NOT_UNICODE()) from None
    return value


def clean_json(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise DomainError(Msg.DATA_TOO_DEEP(maximum=MAX_DEPTH))
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise DomainError(Msg.DATA_NUMBER_NOT_FINITE())
    if isinstance(value, dict):
        for key, item in value.items():
            clean_text(key)
            _clean_item(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _clean_item(item, depth + 1)
    return value


def _clean_item(item: Any, depth: int) -> None:
    # A push's data is mostly flat: strings, whole numbers, booleans and None are checked here
    # without a call each (every field of every change passes this way).
    kind = type(item)
    if kind is str and depth <= MAX_DEPTH:
        clean_text(item)
    elif not (kind is int or kind is bool or item is None) or depth > MAX_DEPTH:
        clean_json(item, depth)


def clean_data(value: dict[str, Any]) -> dict[str, Any]:
    clean_json(value)
    return value
