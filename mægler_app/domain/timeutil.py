"""Time: timezone-aware UTC in storage, Danish dates on screen."""

from __future__ import annotations

import datetime as dt

MONTHS_DA = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip


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


def format_date_da(value: dt.date | dt.datetime | None) -> str:
    """``7. marts 2025``"""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = ensure_utc(value).astimezone().date()
    return f"{value.day}. {MONTHS_DA[value.month - 1]} {value.year}"


def format_datetime_da(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = ensure_utc(value).astimezone()
    return f"{format_date_da(local.date())} kl. {local:%H.%M}"


def parse_date_da(text: str) -> dt.date:
    """Accept ``7.3.2025``, ``07-03-2025`` and ``2025-03-07``."""
    from .errors import DomainError

    s = (text or "").strip()
    try:
        if len(s) == 10 and s[4] == "-":
            return dt.date.fromisoformat(s)
        parts = s.replace("-", ".").replace("/", ".").split(".")
        if len(parts) == 3:
            d, m, y = (int(p) for p in parts)
            if y < 100:
                y += 2000
            return dt.date(y, m, d)
    except ValueError:
        pass
    raise DomainError(f"»{text}« er ikke en dato. Skriv fx 7.3.2025.")
