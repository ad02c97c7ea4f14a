"""The formats domain.numbers writes without babel (so that the first paint does not import it) are
babel's own, character for character: whole numbers, amounts, dates and times in words, in both
languages."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from mægler_app.domain.language import use
from mægler_app.domain.numbers import (
    MAX_MAGNITUDE,
    MONTH_NAMES,
    format_date,
    format_datetime,
    format_int,
    format_kr,
)

DA = Locale.parse("da_DK")
EN = Locale.parse("en_DK")


def _values() -> list[int]:
    rng = random.Random(25)
    edges = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 1001, 99_999, 100_000, 1_234_567, MAX_MAGNITUDE]
    values = edges + [rng.randrange(10**k) for k in range(1, 19) for _ in range(20)]
    return values + [-v for v in values]


def test_whole_numbers_are_babels() -> None:
    for n in _values():
        assert format_int(n) == babel_numbers.format_decimal(n, locale=DA), n


@pytest.mark.parametrize("grouping", [True, False])
def test_amounts_are_babels(grouping: bool) -> None:
    pattern = "#,##0.00" if grouping else "0.00"
    for ore in _values():
        kroner = Decimal(ore).scaleb(-2)
        plain = babel_numbers.parse_pattern(pattern).apply(kroner, DA)
        with_kr = babel_numbers.parse_pattern(f"{pattern} ¤").apply(
            kroner, DA, currency="DKK", currency_digits=False
        )
        assert format_kr(ore, suffix=False, grouping=grouping) == plain, ore
        assert format_kr(ore, grouping=grouping) == with_kr, ore
    assert format_kr(2_500_000) == "25.000,00 kr."
    assert format_kr(-5) == "-0,05 kr."


def test_month_names_are_cldrs() -> None:
    assert MONTH_NAMES["da"] == tuple(babel_dates.get_month_names("wide", locale=DA).values())
    assert MONTH_NAMES["en"] == tuple(babel_dates.get_month_names("wide", locale=EN).values())


@pytest.mark.parametrize(("language", "locale"), [("da", DA), ("en", EN)])
def test_dates_and_times_in_words_are_babels(language: str, locale: Locale) -> None:
    day_pattern = "d MMMM y" if language == "en" else "d. MMMM y"
    time_pattern = "d MMMM y 'at' HH.mm" if language == "en" else "d. MMMM y 'kl'. HH.mm"
    start = dt.datetime(2024, 12, 31, 22, 59, tzinfo=dt.UTC)
    moments = [start + dt.timedelta(days=d, minutes=7 * d) for d in range(0, 400, 3)]
    moments += [dt.datetime(5, 3, 7, 4, 5, tzinfo=dt.UTC), dt.datetime(2025, 3, 30, 0, 30, tzinfo=dt.UTC)]
    with use(language):
        for moment in moments:
            local = moment.astimezone()
            expected = babel_dates.format_datetime(local, time_pattern, tzinfo=local.tzinfo, locale=locale)
            assert format_datetime(moment) == expected, moment
            assert format_date(moment.date()) == babel_dates.format_date(
                moment.date(), day_pattern, locale=locale
            )
            assert format_date(moment) == babel_dates.format_date(local.date(), day_pattern, locale=locale)
    assert format_date(None) == "" and format_datetime(None) == ""
