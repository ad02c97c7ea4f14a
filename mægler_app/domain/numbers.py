"""Danish numbers, money, percent and dates: the one place that reads and writes them.

Formatting is babel's, with its ``da_DK`` data (grouping ``.``, decimal ``,``, month names), so
``11.966``, ``25.000,00 kr.``, ``12,5 %``, ``7. marts 2025`` and ``7. marts 2025 kl. 14.05`` all
come from CLDR rather than from hand-made f-strings.

Parsing follows ONE rule for every kind of number (integers, kroner, percent):

- ``,`` is the decimal comma, and there is at most one.
- ``.`` (or a space) groups thousands, and only in groups of exactly three digits after a first
  group of one to three digits that does not start with 0: ``1.500`` and ``1 500`` are 1500,
  ``12.500.000`` is twelve and a half million.
- Anything else with a ``.`` in it is refused, not guessed: ``1.5``, ``12.34``, ``0.500`` and
  ``1.2345`` could be English decimals or mistyped thousands. The refusal says how to write it.
  This holds for percent as well: ``12.5`` is refused there too (``12,5`` is the Danish way), so
  that ``1.500`` never means 1500 in one field and 1,5 in the next.
- A sign is ``-``, ``+`` or the typographic minus ``−`` (U+2212); negative values only where the
  caller allows them.
- Integers take no decimals at all (``1.500,5`` and ``12,0`` are not whole numbers); kroner and
  percent take at most two, since they are stored as whole øre and whole basis points and are
  never rounded silently (``12,345`` is refused, not rounded).
- ``kr.``, ``kr`` or ``DKK`` may follow an amount and ``%`` a percent, so what we show can be
  typed back.

Why not babel's ``parse_decimal``: without ``strict`` it reads ``1.5`` as 15 without a word, which
is exactly the ambiguity we refuse; with ``strict`` it is close, but its rule is not this one at
the edges (it accepts ``5,`` yet refuses ``1.000,``, accepts Arabic-Indic digits, knows neither
``−`` nor space groups nor ``kr.``), and its errors are English sentences with no reason we could
turn into a Danish message. So the parsing grammar is the small regular expression below.

Dates are read as ``7.3.2025``, ``07-03-2025``, ``7/3/2025``, ``2025-03-07`` or as we show them
(``7. marts 2025``, ``7. mar. 2025``); a two-digit year means 20xx. A day or month that does not
exist (``32.13.2026``, ``29.2.2025``) is refused with the reason, never rolled over. babel's
``parse_date`` reads the numeric forms, but fails on the month names it prints itself (an
IndexError on ``7. marts 2025``) and says only "not a valid date" in English, so dates are read
here as well; babel's month names are used for the words.

Every refusal is a ``DomainError`` with a ``Msg`` code from the numbers section of
``domain.messages``; ``field`` names what was being typed (the caller's label, in the caller's
language), so the sentence reads ``Antal ansatte: »1.5« …``. A caller that does not say gets a
generic Danish noun (``Tal``, ``Beløb``, ``Procentsats``, ``Dato``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from .errors import DomainError
from .language import current as current_language
from .messages import Code, Msg
from .timeutil import ensure_utc

if TYPE_CHECKING:
    from decimal import Decimal

    from babel import Locale
    from babel.numbers import NumberPattern

# babel, and its CLDR data for da_DK, are loaded when a number or date is first written or read,
# not with this module: the desktop app imports it on its way to the first paint, which for a
# large profile writes no number at all (the overview's figures are counted after it). So are
# decimal (babel's own numbers, here for an amount) and calendar (a date's last day, when read).


@functools.cache
def _locale() -> Locale:
    """babel's da_DK, parsed once: given as the text "da_DK", babel parses the locale again on
    every call, and each format pattern too; a table of 200 networks formats thousands of numbers
    (benchmarks/numbers_bench.py, same run: format_int 9,0 → 5,1 µs a call, format_kr 21,5 → 14,7,
    format_percent_bp 12,5 → 7,7)."""
    from babel import Locale

    return Locale.parse("da_DK")


# --- english: dates in words follow the language (``7 March 2025``); digits, money and percent
# stay Danish in both languages (the amounts are Danish kroner, typed the Danish way), which is
# what CLDR's English for Denmark (en_DK) writes too.
@functools.cache
def _locale_en() -> Locale:
    """babel's en_DK, parsed once (dates in words in English)."""
    from babel import Locale

    return Locale.parse("en_DK")


@functools.cache
def _pattern(fmt: str | None) -> NumberPattern:
    """A number pattern, parsed once (None: the locale's own decimal pattern)."""
    from babel.numbers import parse_pattern

    return _locale().decimal_formats[None] if fmt is None else parse_pattern(fmt)


def _decimal(value: int | Decimal, fmt: str | None = None) -> str:
    """``babel.numbers.format_decimal(value, format=fmt, locale="da_DK")``, with the locale and the
    pattern parsed once."""
    text: str = _pattern(fmt).apply(value, _locale())
    return text


def _format_date(day: dt.date, pattern: str, locale: Locale | None = None) -> str:
    """``babel.dates.format_date`` in da_DK (or ``locale``)."""
    from babel.dates import format_date

    text: str = format_date(day, pattern, locale=locale or _locale())
    return text


# Largest magnitude we accept: what a signed 64-bit column (SQLite INTEGER, PostgreSQL BIGINT)
# holds, so a parsed value can always be stored.
MAX_MAGNITUDE = 2**63 - 1

P = ParamSpec("P")
T = TypeVar("T")


# -- formatting ------------------------------------------------------------------------------------


def format_int(n: int) -> str:
    """``11966`` → ``11.966``."""
    return _decimal(_whole(n))


def format_kr(ore: int, *, suffix: bool = True, grouping: bool = True) -> str:
    """``2500000`` → ``25.000,00 kr.``; without ``suffix`` ``25.000,00`` (as typed back into a
    field); without ``grouping`` ``25000,00`` (what Danish Excel reads as a number in a CSV)."""
    from decimal import Decimal

    kroner = Decimal(_whole(ore)).scaleb(-2)
    pattern = "#,##0.00" if grouping else "0.00"
    if not suffix:
        return _decimal(kroner, pattern)
    # The explicit pattern keeps an ordinary space before "kr." (CLDR's own has a no-break space,
    # which our texts, tests and PDFs do not expect) and skips babel's rounding to currency digits.
    text: str = _pattern(f"{pattern} ¤").apply(kroner, _locale(), currency="DKK", currency_digits=False)
    return text


def format_kr_input(ore: int) -> str:
    """The amount as a person types it into a field: ``1.234,50``."""
    return format_kr(ore, suffix=False)


def format_percent_bp(bp: int | None, *, suffix: bool = True) -> str:
    """Basis points as a percent: ``1250`` → ``12,5 %``, ``5000`` → ``50 %``; None → ``""``."""
    if bp is None:
        return ""
    from decimal import Decimal

    percent = Decimal(_whole(bp)).scaleb(-2)
    text = _decimal(percent, "#,##0.##")
    return f"{text} %" if suffix else text


def format_file_size(n_bytes: int) -> str:
    """``870 KB`` below a megabyte, else ``2,5 MB`` (1 KB = 1024 bytes)."""
    if _whole(n_bytes) < 1024 * 1024:
        return f"{format_int((n_bytes + 512) // 1024)} KB"
    from decimal import Decimal

    megabytes = Decimal(n_bytes) / (1024 * 1024)
    return f"{_decimal(megabytes, '#,##0.#')} MB"


def format_date(value: dt.date | dt.datetime | str | None) -> str:
    """``7. marts 2025``. A datetime shows its local date; ISO text is read first (text that is
    not a date is shown as it is, since a message from a peer may carry anything); None → ``""``."""
    day = _as_date(value)
    if day is None:
        return value if isinstance(value, str) else ""
    if current_language() == "en":
        return _format_date(day, "d MMMM y", _locale_en())
    return _format_date(day, "d. MMMM y")


def format_date_input(value: dt.date | None) -> str:
    """The date as a person types it into a field: ``7.3.2025``."""
    return "" if value is None else _format_date(value, "d.M.y")


def format_date_numeric(value: dt.date | dt.datetime) -> str:
    """``07-03-2025``: fixed width, for CSV files and short labels."""
    day = ensure_utc(value).astimezone().date() if isinstance(value, dt.datetime) else value
    return _format_date(day, "dd-MM-y")


def format_datetime(value: dt.datetime | None) -> str:
    """``7. marts 2025 kl. 14.05`` in local time; None → ``""``."""
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_format_datetime

    local = ensure_utc(value).astimezone()
    if current_language() == "en":
        text: str = babel_format_datetime(
            local, "d MMMM y 'at' HH.mm", tzinfo=local.tzinfo, locale=_locale_en()
        )
    else:
        text = babel_format_datetime(local, "d. MMMM y 'kl'. HH.mm", tzinfo=local.tzinfo, locale=_locale())
    return text


def _whole(n: int) -> int:
    # bool is an int, and a float here would be a unit mistake (kroner for øre): refuse both.
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"forventede et heltal, fik {type(n).__name__}")
    return n


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return ensure_utc(value).astimezone().date()
    return value


# -- parsing numbers ------------------------------------------------------------------------------

_SIGNS = {"-": -1, "−": -1, "+": 1}
_SPACES = re.compile(r"\s+")  # \s includes the no-break spaces (U+00A0, U+202F) of pasted numbers
# The whole part: plain digits, or groups of three after a first group without a leading zero,
# separated by "." or by spaces (normalised to " " first), one kind of separator per number.
_NUMBER = re.compile(
    r"""
    (?P<whole>[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?:\ [0-9]{3})+)?
    (?:,(?P<frac>[0-9]*))?
    """,
    re.VERBOSE,
)
# Digits with "." or " " where the rule does not allow them: a grouping mistake or a decimal point.
_MISGROUPED = re.compile(r"[0-9][0-9. ]*(,[0-9]*)?")


@dataclass(frozen=True)
class _Kind:
    decimals: int
    suffix: re.Pattern[str] | None
    not_a_number: Code
    too_many_decimals: Code


_INTEGER = _Kind(0, None, Msg.NUMBER_NOT_WHOLE, Msg.NUMBER_NOT_WHOLE)
_MONEY = _Kind(
    2, re.compile(r"\s*(kr\.?|dkk)$", re.IGNORECASE), Msg.NUMBER_NOT_AN_AMOUNT, Msg.NUMBER_AMOUNT_DECIMALS
)
_PERCENT = _Kind(2, re.compile(r"\s*%$"), Msg.NUMBER_NOT_A_PERCENT, Msg.NUMBER_PERCENT_DECIMALS)


def parse_int(text: str, *, field: str = "Tal", allow_negative: bool = False) -> int:
    """A whole number: ``1.500`` or ``1 500`` → 1500. Refuses ``1.5``, ``12,5`` and the empty text."""
    return _parse_fixed(text, field, allow_negative, _INTEGER)


def parse_kr(text: str, *, field: str = "Beløb", allow_negative: bool = False) -> int:
    """Kroner as typed (``1.234,50``, ``1234``, ``1.234,5 kr.``) → øre (123450). Never rounds."""
    return _parse_fixed(text, field, allow_negative, _MONEY)


def parse_percent_bp(text: str, *, field: str = "Procentsats", allow_negative: bool = False) -> int:
    """A percent (``33,33``, ``12,5 %``) → basis points, hundredths of a percent (3333, 1250)."""
    return _parse_fixed(text, field, allow_negative, _PERCENT)


def optional(
    parse: Callable[Concatenate[str, P], T], text: str | None, *a: P.args, **kw: P.kwargs
) -> T | None:
    """``parse(text, …)``, or None when nothing is typed: for fields that may stay empty."""
    if text is None or not text.strip():
        return None
    return parse(text, *a, **kw)


def _parse_fixed(text: str, field: str, allow_negative: bool, kind: _Kind) -> int:
    """``text`` as a fixed-point number with ``kind.decimals`` decimals, scaled to an integer."""
    shown = (text or "").strip()
    s = _SPACES.sub(" ", shown)
    if kind.suffix is not None:
        s = kind.suffix.sub("", s)
    sign = 1
    if s[:1] in _SIGNS:
        sign = _SIGNS[s[0]]
        s = s[1:].lstrip()
    if not s:
        raise DomainError(Msg.NUMBER_MISSING(field=field))
    match = _NUMBER.fullmatch(s)
    if match is None or not (match["whole"] or match["frac"]):
        if s.count(",") > 1:
            raise DomainError(Msg.NUMBER_TWO_COMMAS(field=field, text=shown))
        if _MISGROUPED.fullmatch(s) and ("." in s or " " in s):
            raise DomainError(Msg.NUMBER_BAD_GROUPING(field=field, text=shown))
        raise DomainError(kind.not_a_number(field=field, text=shown))
    whole = re.sub(r"[. ]", "", match["whole"] or "0")
    frac = match["frac"] or ""
    if (kind.decimals == 0 and match["frac"] is not None) or len(frac) > kind.decimals:
        raise DomainError(kind.too_many_decimals(field=field, text=shown))
    if len(whole.lstrip("0")) > 19:  # checked before int(), so a page of digits is refused cheaply
        raise DomainError(Msg.NUMBER_TOO_LARGE(field=field, text=shown))
    value: int = int(whole) * 10**kind.decimals + int(frac.ljust(kind.decimals, "0") or "0")
    if value > MAX_MAGNITUDE:
        raise DomainError(Msg.NUMBER_TOO_LARGE(field=field, text=shown))
    if sign < 0 and value and not allow_negative:
        raise DomainError(Msg.NUMBER_NEGATIVE(field=field, text=shown))
    return sign * value


# -- parsing dates --------------------------------------------------------------------------------

_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_DMY = re.compile(r"(?P<d>[0-9]{1,2})([.\-/])(?P<m>[0-9]{1,2})\2(?P<y>[0-9]{4}|[0-9]{2})")
_WORDS = re.compile(r"(?P<d>[0-9]{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?\s+(?P<y>[0-9]{4})")


@functools.cache
def _month_numbers() -> dict[str, int]:
    """babel's da_DK month names, wide and abbreviated, in lower case without a period → 1–12."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=_locale()).items():
            names[name.lower().rstrip(".")] = number
    return names


def parse_date(text: str, *, field: str = "Dato") -> dt.date:
    """``7.3.2025``, ``07-03-2025``, ``2025-03-07`` or ``7. marts 2025`` → the date."""
    shown = (text or "").strip()
    s = _SPACES.sub(" ", shown)
    if not s:
        raise DomainError(Msg.NUMBER_MISSING(field=field))
    match = _ISO.fullmatch(s) or _DMY.fullmatch(s)
    if match is not None:
        month = int(match["m"])
    else:
        match = _WORDS.fullmatch(s)
        month_number = _month_numbers().get(match["month"].lower()) if match else None
        if match is None or month_number is None:
            raise DomainError(Msg.DATE_NOT_A_DATE(field=field, text=shown))
        month = month_number
    day, year = int(match["d"]), int(match["y"])
    if len(match["y"]) == 2:
        year += 2000
    if not 1 <= month <= 12:
        raise DomainError(Msg.DATE_NO_SUCH_MONTH(field=field, text=shown, month=month))
    if year < 1:
        raise DomainError(Msg.DATE_NOT_A_DATE(field=field, text=shown))
    import calendar

    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DomainError(
            Msg.DATE_NO_SUCH_DAY(field=field, text=shown, day=day, month=month, year=year, days=days)
        )
    return dt.date(year, month, day)


__all__ = [
    "MAX_MAGNITUDE",
    "format_date",
    "format_date_input",
    "format_date_numeric",
    "format_datetime",
    "format_file_size",
    "format_int",
    "format_kr",
    "format_kr_input",
    "format_percent_bp",
    "optional",
    "parse_date",
    "parse_int",
    "parse_kr",
    "parse_percent_bp",
]
