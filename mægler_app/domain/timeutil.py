"""Time: timezone-aware UTC in storage. Dates on screen: ``domain.numbers``."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ensure_utc(value: dt.datetime) -> dt.datetime:
    """A naive datetime is taken as UTC (SQLite gives them back naive)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def parse_stored_time(value: object) -> dt.datetime | None:
    """A time stored as ISO-8601 text (UTC), or None for anything else (never raises)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return ensure_utc(dt.datetime.fromisoformat(value))
    except ValueError:
        return None
