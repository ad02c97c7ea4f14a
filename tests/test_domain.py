"""The programme's rules in the pure domain: money arithmetic, CVR, stage gates, validation.
(Reading and showing numbers, money and dates: tests/test_numbers.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from mægler_app.domain import rules
from mægler_app.domain.cvr import CvrError, format_cvr, make_valid_cvr, normalize_cvr
from mægler_app.domain.messages import Msg
from mægler_app.domain.money import split_by_basis_points
from mægler_app.domain.numbers import parse_kr
from mægler_app.domain.stages import (
    NetworkFacts,
    Stage,
    StageError,
    furthest_reachable,
    missing_for,
    transition,
)
from mægler_app.domain.timeutil import parse_stored_time
from mægler_app.domain.validation import (
    BudgetCheck,
    check_employees,
    check_hours,
    check_months,
    check_network_members,
    check_split,
)


def test_split_adds_up_exactly() -> None:
    shares = [3334, 3333, 3333]
    parts = split_by_basis_points(100_001, shares)
    assert sum(parts) == 100_001
    for part, share in zip(parts, shares, strict=True):
        assert abs(part - 100_001 * share / 10_000) < 1


def test_cvr_normalised_and_checked() -> None:
    assert normalize_cvr("DK 13 58 56 28") == "13585628"
    assert normalize_cvr("13585628") == "13585628"
    assert normalize_cvr("dk13-58-56-28") == "13585628"
    assert format_cvr("13585628") == "13 58 56 28"
    with pytest.raises(CvrError, match="kontrolcifferet"):
        normalize_cvr("13585627")
    with pytest.raises(CvrError, match="8 cifre"):
        normalize_cvr("1358562")
    with pytest.raises(CvrError, match="cifre"):
        normalize_cvr("1358562X")
    with pytest.raises(CvrError, match="mangler"):
        normalize_cvr("  ")


def test_generated_cvrs_are_valid() -> None:
    numbers = {make_valid_cvr(i) for i in range(500)}
    assert len(numbers) == 500
    assert all(normalize_cvr(n) == n for n in numbers)


def test_sme_limit_is_one_named_value() -> None:
    assert rules.is_sme(rules.SME_MAX_EMPLOYEES) is True
    assert rules.is_sme(rules.SME_MAX_EMPLOYEES + 1) is False
    assert rules.is_sme(None) is None
    assert check_employees(251).warnings and not check_employees(251).errors
    assert "250" in str(check_employees(251).warnings[0])
    assert check_employees(-1).errors
    assert check_employees(250).ok and not check_employees(250).warnings


def test_network_composition() -> None:
    assert check_network_members(2, 0).errors
    assert check_network_members(3, 0).ok
    assert check_network_members(3, 2).ok and not check_network_members(3, 2).warnings
    assert check_network_members(4, 2).ok and check_network_members(4, 2).warnings  # 6 members
    assert check_network_members(3, 3).errors
    assert check_network_members(5, 0).ok and not check_network_members(5, 0).warnings
    assert "erfa-gruppe" in str(check_network_members(12, 0).warnings[0])


def test_application_ranges_at_their_edges() -> None:
    assert check_hours(199) and not check_hours(200) and not check_hours(450) and check_hours(451)
    assert check_months(2) and not check_months(3) and not check_months(12) and check_months(13)
    assert check_split([3300, 3300, 3300]) and not check_split([3400, 3300, 3300])
    assert "99 %" in str(check_split([3300, 3300, 3300])[0])


def test_budget_check() -> None:
    over = BudgetCheck(spent_ore=parse_kr("23.400,00"), new_ore=parse_kr("2.800,00"))
    assert over.exceeds and "over rammen" in str(over.message())
    inside = BudgetCheck(spent_ore=parse_kr("19.000"), new_ore=parse_kr("1.000"))
    assert not inside.exceeds and inside.warn
    assert not BudgetCheck(0, 100).warn


def test_stage_gates_say_what_is_missing() -> None:
    empty = NetworkFacts()
    missing = missing_for(Stage.CANDIDATE, Stage.SCREENED, empty)
    assert any("mindst 3" in str(m) for m in missing)
    assert any("screening" in str(m) for m in missing)
    with pytest.raises(StageError):
        transition(Stage.CANDIDATE, Stage.STAGE_1, empty)
    passed = NetworkFacts(independent_companies=3, screening_final=True, screening_passed=True)
    assert furthest_reachable(Stage.CANDIDATE, passed) == Stage.STAGE_1
    assert [str(m) for m in missing_for(Stage.STAGE_1, Stage.APPLICATION, passed)] == [
        "Ansøgningen om handlingsplan er ikke indsendt."
    ]
    approved = NetworkFacts(
        independent_companies=3,
        screening_final=True,
        screening_passed=True,
        application_submitted=True,
        application_approved=True,
    )
    assert furthest_reachable(Stage.STAGE_1, approved) == Stage.STAGE_2
    assert missing_for(Stage.STAGE_2, Stage.STAGE_3, approved)
    assert (
        transition(
            Stage.STAGE_2,
            Stage.STAGE_3,
            NetworkFacts(application_approved=True, stage_3_evidence="Fælles salgsselskab stiftet"),
        )
        == Stage.STAGE_3
    )
    assert [str(m) for m in missing_for(Stage.STAGE_1, Stage.CLOSED, empty)] == [
        "Angiv hvorfor netværket afsluttes."
    ]
    assert transition(Stage.STAGE_1, Stage.CLOSED, empty, close_reason="no_potential") == Stage.CLOSED
    assert missing_for(Stage.CLOSED, Stage.STAGE_1, passed) == [Msg.STAGE_NETWORK_CLOSED()]
    rejected = NetworkFacts(screening_passed=True, application_submitted=True, application_rejected=True)
    assert transition(Stage.APPLICATION, Stage.STAGE_1, rejected) == Stage.STAGE_1
    assert missing_for(Stage.STAGE_1, Stage.STAGE_3, approved)


def test_stage_history_adds_moves_as_a_new_list() -> None:
    import datetime as dt

    from mægler_app.domain.stages import MAX_HISTORY, Stage, moves, with_move

    at = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    first = with_move(None, Stage.CANDIDATE, at)
    assert first == [{"stage": "candidate", "at": "2026-03-01T09:30:00+00:00"}]
    second = with_move(first, "stage_1", at + dt.timedelta(days=3))
    assert [m["stage"] for m in second] == ["candidate", "stage_1"] and len(first) == 1
    assert with_move(second, Stage.STAGE_1, at + dt.timedelta(days=9)) == second  # no move, nothing added
    # Times are kept in UTC whatever zone they come in.
    cet = dt.timezone(dt.timedelta(hours=1))
    assert with_move([], Stage.STAGE_2, dt.datetime(2026, 3, 1, 10, 30, tzinfo=cet))[0]["at"].startswith(
        "2026-03-01T09:30:00"
    )
    # What is not a move (from a broken or newer client) is dropped, and the list stays bounded.
    junk = [{"stage": 3}, "stage_1", {"stage": "stage_1"}, *second]
    assert with_move(junk, Stage.STAGE_2, at) == [
        *second,
        {"stage": "stage_2", "at": "2026-03-01T09:30:00+00:00"},
    ]
    long = [
        {"stage": "candidate" if k % 2 else "screened", "at": "2026-01-01T00:00:00+00:00"}
        for k in range(MAX_HISTORY + 10)
    ]
    assert len(with_move(long, Stage.STAGE_1, at)) == MAX_HISTORY
    # A time that does not read, or has no zone, is no move either.
    odd = [{"stage": "stage_1", "at": "i går"}, {"stage": "stage_1", "at": "2026-01-01T00:00:00"}]
    assert moves(odd) == [] and moves("stage_1") == []


def test_a_network_counts_in_the_year_it_was_established() -> None:
    import datetime as dt

    from mægler_app.domain.figures import RecordView, programme_figures

    made = dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    history = [
        {"stage": "candidate", "at": "2025-11-20T10:00:00+00:00"},
        {"stage": "screened", "at": "2025-12-15T10:00:00+00:00"},
        {"stage": "stage_1", "at": "2026-01-08T10:00:00+00:00"},
        {"stage": "application", "at": "2026-03-01T10:00:00+00:00"},
    ]
    records = [
        RecordView("network", "n1", "b1", False, {"stage": "application", "stage_history": history}, made),
        RecordView("network", "n2", "b1", False, {"stage": "stage_1"}, made),  # no history: stored year
        RecordView("network", "n3", "b1", False, {"stage": "candidate", "stage_history": history[:1]}, made),
    ]
    years = programme_figures(records)["total"]["by_year"]
    assert years["2026"]["figures"]["networks"] == 1
    assert years["2025"]["figures"]["networks"] == 1
    # Stages are still counted in the year the network was made, as before.
    assert years["2025"]["figures"]["networks_by_stage"]["application"] == 1


def test_skip_ranges_fold_and_read_back() -> None:
    from mægler_app.domain.sync_contract import MAX_SKIP_LENGTH, format_skip, parse_skip, seq_ranges

    assert seq_ranges({7, 3, 4, 5, 9, 10}) == [(3, 5), (7, 7), (9, 10)]
    assert seq_ranges([]) == []
    text = format_skip(seq_ranges({7, 3, 4, 5, 9, 10}))
    assert text == "3-5,7-7,9-10"
    assert parse_skip(text, 100) == [(3, 5), (7, 7), (9, 10)]
    assert parse_skip("", 100) == []
    # as many as fit go out, the lowest first (the next pages need them first)
    many = seq_ranges(set(range(10**6, 10**6 + 2000, 2)))
    text = format_skip(many)
    assert MAX_SKIP_LENGTH - 16 < len(text) <= MAX_SKIP_LENGTH
    kept = parse_skip(text, 10**9)
    assert kept is not None and kept == many[: len(kept)]
    for bad in [
        "5-3",
        "1-2,",
        "-3",
        "3",
        "a-b",
        "1-2;3-4",
        "1-101",
        "٣-٤",
        ",".join(["1-1"] * (MAX_SKIP_LENGTH // 4 + 1)),
    ]:
        assert parse_skip(bad, 100) is None, bad


def test_parse_stored_time() -> None:
    utc = dt.datetime(2026, 11, 29, 13, 5, tzinfo=dt.UTC)
    assert parse_stored_time("2026-11-29T13:05:00+00:00") == utc
    assert parse_stored_time("2026-11-29T14:05:00+01:00") == utc
    assert parse_stored_time("2026-11-29T13:05:00") == utc  # naive is UTC, as stored
    for bad in (None, "", "ikke en dato", 42, b"2026-11-29"):
        assert parse_stored_time(bad) is None
