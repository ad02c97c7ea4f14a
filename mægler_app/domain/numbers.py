"""Danish numbers, money, percent and dates: parsing and formatting in one place.

(Skeleton: the numbers issue replaces these delegations with one parser per kind.)
"""

from __future__ import annotations

import datetime as dt

from .money import format_int_da as format_int
from .money import format_kr
from .timeutil import format_date_da


def format_percent_bp(bp: int) -> str:
    whole, rest = divmod(abs(bp), 100)
    text = f"{whole},{rest:02d}".rstrip("0").rstrip(",")
    return f"{'-' if bp < 0 else ''}{text} %"


def format_date(value: dt.date | dt.datetime | str | None) -> str:
    if isinstance(value, str):
        try:
            return format_date_da(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return format_date_da(value)


__all__ = ["format_date", "format_int", "format_kr", "format_percent_bp"]
