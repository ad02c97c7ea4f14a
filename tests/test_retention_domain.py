"""The keep-until rule (domain/retention.py) at its boundaries."""

from __future__ import annotations

import datetime as dt

from mægler_app.domain.retention import (
    DEFAULT_SETTINGS,
    RetentionSettings,
    financial_year_end,
    is_due,
    keep_until,
    settings_from_json,
    settings_problems,
)

D = dt.date
S = RetentionSettings(programme_end=D(2011, 12, 31))


def test_expense_of_31_december_and_1_january_fall_in_different_financial_years():
    assert keep_until("expense", {"spent_on": "2010-12-31"}, S) == D(2015, 12, 31)
    assert keep_until("expense", {"spent_on": "2011-01-01"}, S) == D(2016, 12, 31)


def test_financial_year_that_is_not_the_calendar_year():
    july = RetentionSettings(financial_year_start_month=7)
    assert financial_year_end(D(2011, 6, 30), 7) == D(2011, 6, 30)
    assert financial_year_end(D(2011, 7, 1), 7) == D(2012, 6, 30)
    assert keep_until("expense", {"spent_on": "2011-06-30"}, july) == D(2016, 6, 30)
    assert keep_until("expense", {"spent_on": "2011-07-01"}, july) == D(2017, 6, 30)
    # A financial year ending with February keeps its last day in a leap year and after
    march = RetentionSettings(financial_year_start_month=3)
    assert financial_year_end(D(2012, 2, 29), 3) == D(2012, 2, 29)
    assert keep_until("expense", {"spent_on": "2012-02-29"}, march) == D(2017, 2, 28)


def test_documentation_period_is_the_programme_end_plus_five_years():
    for entity, field in (
        ("meeting", "starts_at"),
        ("screening", "finalized_at"),
        ("application", "submitted_at"),
    ):
        assert keep_until(entity, {field: "2009-03-01T09:00:00+00:00"}, S) == D(2016, 12, 31)
        assert keep_until(entity, {field: "2011-12-31T22:59:00+00:00"}, S) == D(2016, 12, 31)
        assert keep_until(entity, {field: None}, S) is None  # a draft: no document yet, never purged
        # After the configured end (an extended programme): from the end of its own year
        assert keep_until(entity, {field: "2012-01-01T08:00:00+00:00"}, S) == D(2017, 12, 31)


def test_both_periods_the_later_date_wins():
    approved = {
        "submitted_at": "2011-10-01T10:00:00+00:00",
        "decision": "approved",
        "bonus_ore": 1_500_000,
    }
    # Decided inside the programme: the documentation date (2016) is the later one
    assert keep_until("application", {**approved, "decided_at": "2011-11-01T10:00:00+00:00"}, S) == D(
        2016, 12, 31
    )
    # The bonus booked in a later financial year than the programme's end: bookkeeping's date wins
    assert keep_until("application", {**approved, "decided_at": "2012-01-02T10:00:00+00:00"}, S) == D(
        2017, 12, 31
    )
    # A longer documentation period wins over bookkeeping
    long_doc = RetentionSettings(programme_end=D(2011, 12, 31), documentation_years=10)
    assert keep_until("application", {**approved, "decided_at": "2012-01-02T10:00:00+00:00"}, long_doc) == D(
        2021, 12, 31
    )
    # A rejected application is no posting
    rejected = {**approved, "decision": "rejected", "bonus_ore": 0, "decided_at": "2012-01-02T10:00:00+00:00"}
    assert keep_until("application", rejected, S) == D(2016, 12, 31)


def test_python_values_and_other_entities():
    assert keep_until("expense", {"spent_on": D(2010, 5, 1)}, S) == D(2015, 12, 31)
    assert keep_until("meeting", {"starts_at": dt.datetime(2010, 5, 1, 9, tzinfo=dt.UTC)}, S) == D(
        2016, 12, 31
    )
    assert keep_until("company", {}, S) is None
    assert keep_until("expense", {}, S) is None


def test_due_only_after_the_date():
    assert not is_due("2015-12-31", D(2015, 12, 31))
    assert is_due("2015-12-31", D(2016, 1, 1))
    assert not is_due(None, D(2100, 1, 1))


def test_settings_from_json_keeps_what_it_cannot_read():
    assert settings_from_json(None) == DEFAULT_SETTINGS
    got = settings_from_json({"programme_end": "2012-06-30", "bookkeeping_years": 7, "future": 1})
    assert got.programme_end == D(2012, 6, 30) and got.bookkeeping_years == 7
    assert settings_from_json({"bookkeeping_years": 0}) == DEFAULT_SETTINGS
    assert settings_from_json({"programme_end": "31.12.2011"}) == DEFAULT_SETTINGS
    assert settings_problems(RetentionSettings(financial_year_start_month=13))
    assert settings_from_json(S.as_json()) == S
