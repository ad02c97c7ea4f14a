"""How long a supporting document is kept (DESIGN.md §5a, issue 21 item 2): one rule, used by the
laptop when a record is saved and by the server when a change is pushed, decided or re-dated.

Two periods, both settings of the server (synced to the laptops, ``RetentionSettings``):

- **bookkeeping**: ``bookkeeping_years`` after the end of the financial year a posting belongs to
  (the financial year is the calendar year unless ``financial_year_start_month`` says otherwise);
- **documentation**: the programme's documents are kept ``documentation_years`` after the end of
  the programme period (``programme_end``). A document dated after the configured end belongs to
  an extended programme: its period counts from the end of its own financial year instead, so a
  stale setting never dates a fresh document in the past.

Which apply: an expense (with its receipt) is a posting; meeting minutes, screenings and
applications are the programme's documentation, and an application that was approved with a
bonus is also the posting of that bonus (the financial year of its decision). Where both apply,
the later date. A draft (a screening not finalised, an application not submitted) is no document
yet: it has no date, and is never purged, until it is finalised or submitted.

Purge deletes what has passed its date: ``keep_until < today``; on the date itself it is kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .messages import Message, Msg

# The seed's programme: Midtjysk Klyngeprogram, budget and action plan 2009-2011 (seed section 8).
DEFAULT_PROGRAMME_END = dt.date(2011, 12, 31)
DEFAULT_BOOKKEEPING_YEARS = 5  # bogføringsloven § 10: 5 years after the end of the financial year
DEFAULT_DOCUMENTATION_YEARS = 5
YEARS_MAX = 30

# The entities that carry a keep-until date (the field is ``KEEP_UNTIL``).
KEEP_UNTIL = "keep_until"
RETAINED_ENTITIES: tuple[str, ...] = ("screening", "meeting", "expense", "application")


@dataclass(frozen=True)
class RetentionSettings:
    bookkeeping_years: int = DEFAULT_BOOKKEEPING_YEARS
    documentation_years: int = DEFAULT_DOCUMENTATION_YEARS
    programme_end: dt.date = DEFAULT_PROGRAMME_END
    financial_year_start_month: int = 1  # 1: the calendar year

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["programme_end"] = self.programme_end.isoformat()
        return out


DEFAULT_SETTINGS = RetentionSettings()


class RetentionSettingsError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def settings_problems(s: RetentionSettings) -> list[Message]:
    out: list[Message] = []
    for name, years in (
        ("bookkeeping_years", s.bookkeeping_years),
        ("documentation_years", s.documentation_years),
    ):
        if not 1 <= years <= YEARS_MAX:
            out.append(Msg.RETENTION_YEARS_RANGE(field=name, value=years, low=1, high=YEARS_MAX))
    if not 1 <= s.financial_year_start_month <= 12:
        out.append(Msg.RETENTION_MONTH_RANGE(value=s.financial_year_start_month))
    return out


def settings_from_json(value: Any, fallback: RetentionSettings = DEFAULT_SETTINGS) -> RetentionSettings:
    """Settings as the server sends or stores them; a missing or unreadable part keeps ``fallback``'s
    (an older or newer server). Never raises."""
    if not isinstance(value, Mapping):
        return fallback
    fields: dict[str, Any] = {}
    for name in ("bookkeeping_years", "documentation_years", "financial_year_start_month"):
        v = value.get(name)
        if type(v) is int:
            fields[name] = v
    end = value.get("programme_end")
    if isinstance(end, str):
        try:
            fields["programme_end"] = dt.date.fromisoformat(end)
        except ValueError:
            pass
    candidate = RetentionSettings(**{**asdict(fallback), **fields})
    return fallback if settings_problems(candidate) else candidate


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def financial_year_end(day: dt.date, start_month: int = 1) -> dt.date:
    """The last day of the financial year ``day`` belongs to (a year starting on the 1st of
    ``start_month``; 1: the calendar year)."""
    if start_month == 1:
        return dt.date(day.year, 12, 31)
    year = day.year + 1 if day.month >= start_month else day.year
    return _end_of_month(year, start_month - 1)


def years_after(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` later; the last day of a month stays the last day (29 Feb → 28 Feb)."""
    if day == _end_of_month(day.year, day.month):
        return _end_of_month(day.year + years, day.month)
    return day.replace(year=day.year + years)


@functools.lru_cache(maxsize=4096)  # asked for every pushed document; few distinct days
def bookkeeping_until(posted_on: dt.date, s: RetentionSettings = DEFAULT_SETTINGS) -> dt.date:
    return years_after(financial_year_end(posted_on, s.financial_year_start_month), s.bookkeeping_years)


@functools.lru_cache(maxsize=4096)
def documentation_until(dated: dt.date | None, s: RetentionSettings = DEFAULT_SETTINGS) -> dt.date:
    end = s.programme_end
    if dated is not None and dated > end:  # an extended programme: from the end of its own year
        end = financial_year_end(dated, s.financial_year_start_month)
    return years_after(end, s.documentation_years)


def _date(value: Any) -> dt.date | None:
    """An ISO date or time (text or value) as a date; a time is taken at its UTC date."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).date() if value.tzinfo else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return _date_text(value)
    return None


@functools.lru_cache(maxsize=4096)
def _date_text(value: str) -> dt.date | None:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.astimezone(dt.UTC).date() if parsed.tzinfo else parsed.date()


# Each entity: the field that dates it as a document, and whether (and from which field) it is a posting.
_DOCUMENT_DATE = {"meeting": "starts_at", "screening": "finalized_at", "application": "submitted_at"}


def keep_until(
    entity: str, data: Mapping[str, Any], s: RetentionSettings = DEFAULT_SETTINGS
) -> dt.date | None:
    """The keep-until date of a record of ``entity`` with these fields (plain JSON values or Python
    values alike), or None for an entity that carries none, or a draft without its date."""
    if entity not in RETAINED_ENTITIES:
        return None
    dates: list[dt.date] = []
    if entity == "expense":
        spent = _date(data.get("spent_on"))
        if spent is not None:
            dates.append(bookkeeping_until(spent, s))
    else:
        dated = _date(data.get(_DOCUMENT_DATE[entity]))
        if dated is not None:  # a draft is no document yet: dated when finalised or submitted
            dates.append(documentation_until(dated, s))
    if entity == "application" and data.get("decision") == "approved" and (data.get("bonus_ore") or 0) > 0:
        decided = _date(data.get("decided_at"))
        if decided is not None:
            dates.append(bookkeeping_until(decided, s))
    return max(dates) if dates else None


def keep_until_text(
    entity: str, data: Mapping[str, Any], s: RetentionSettings = DEFAULT_SETTINGS
) -> str | None:
    """``keep_until`` as the ISO text a sync payload carries."""
    day = keep_until(entity, data, s)
    return day.isoformat() if day is not None else None


def consent_on_create(given: dt.date | str | None, today: dt.date) -> dt.date:
    """A new contact's consent date: the one given, or the day it is recorded (GDPR art. 7(1): the
    controller must be able to show when consent was given). Both sides, laptop and server."""
    return _date(given) or today


DOCUMENT_NAMES = {
    "meeting": Msg.RETENTION_DOC_MEETING,
    "expense": Msg.RETENTION_DOC_EXPENSE,
    "application": Msg.RETENTION_DOC_APPLICATION,
    "screening": Msg.RETENTION_DOC_SCREENING,
}


def is_due(until: dt.date | str | None, today: dt.date) -> bool:
    """Whether a record kept until ``until`` is to be purged ``today`` (the day after its date)."""
    day = _date(until)
    return day is not None and day < today
