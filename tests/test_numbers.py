"""domain.numbers: one rule for Danish numbers, money, percent and dates, and babel's formats.

The rule (see the module's docstring): "," is the decimal comma; "." or a space groups thousands
in groups of exactly three; anything else with a "." is refused, in every parser alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mægler_app.domain.errors import DomainError
from mægler_app.domain.messages import Msg
from mægler_app.domain.numbers import (
    MAX_MAGNITUDE,
    format_date,
    format_date_input,
    format_date_numeric,
    format_datetime,
    format_file_size,
    format_int,
    format_kr,
    format_kr_input,
    format_percent_bp,
    optional,
    parse_date,
    parse_int,
    parse_kr,
    parse_percent_bp,
)

Parser = Callable[..., int]
PARSERS: dict[str, Parser] = {"int": parse_int, "kr": parse_kr, "pct": parse_percent_bp}


def refusal(parse: Callable[..., object], text: str, **kw: object) -> DomainError:
    with pytest.raises(DomainError) as err:
        parse(text, **kw)
    assert err.value.message is not None, "a refusal carries a message code"
    return err.value


# -- the cases where the four old parsers disagreed -------------------------------------------------

# text → what each parser makes of it: a value, or the message code it refuses with.
DISAGREEING: dict[str, dict[str, int | str]] = {
    # Neither 1,5 nor 15: a lone "." without three digits after it is refused everywhere.
    "1.5": {"int": Msg.NUMBER_BAD_GROUPING, "kr": Msg.NUMBER_BAD_GROUPING, "pct": Msg.NUMBER_BAD_GROUPING},
    "12.5": {"int": Msg.NUMBER_BAD_GROUPING, "kr": Msg.NUMBER_BAD_GROUPING, "pct": Msg.NUMBER_BAD_GROUPING},
    "1.500": {"int": 1500, "kr": 150_000, "pct": 150_000},
    "1.500,5": {"int": Msg.NUMBER_NOT_WHOLE, "kr": 150_050, "pct": 150_050},
    "12,345": {
        "int": Msg.NUMBER_NOT_WHOLE,
        "kr": Msg.NUMBER_AMOUNT_DECIMALS,
        "pct": Msg.NUMBER_PERCENT_DECIMALS,
    },
    " 1 234 ": {"int": 1234, "kr": 123_400, "pct": 123_400},
    "−5": {"int": Msg.NUMBER_NEGATIVE, "kr": Msg.NUMBER_NEGATIVE, "pct": Msg.NUMBER_NEGATIVE},
    "0.500": {"int": Msg.NUMBER_BAD_GROUPING, "kr": Msg.NUMBER_BAD_GROUPING, "pct": Msg.NUMBER_BAD_GROUPING},
    "1 23": {"int": Msg.NUMBER_BAD_GROUPING, "kr": Msg.NUMBER_BAD_GROUPING, "pct": Msg.NUMBER_BAD_GROUPING},
    "1.234 567": {
        "int": Msg.NUMBER_BAD_GROUPING,
        "kr": Msg.NUMBER_BAD_GROUPING,
        "pct": Msg.NUMBER_BAD_GROUPING,
    },
    "1,2,3": {"int": Msg.NUMBER_TWO_COMMAS, "kr": Msg.NUMBER_TWO_COMMAS, "pct": Msg.NUMBER_TWO_COMMAS},
}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [(text, kind, want) for text, row in DISAGREEING.items() for kind, want in row.items()],
)
def test_one_rule_for_every_parser(text: str, kind: str, expected: int | str) -> None:
    parse = PARSERS[kind]
    if isinstance(expected, int):
        assert parse(text) == expected
    else:
        err = refusal(parse, text, field="Felt")
        assert err.message is not None and err.message.code == expected
        assert str(err).startswith("Felt"), "the message names the field it was told about"


def test_negative_only_where_allowed_and_with_either_minus() -> None:
    for minus in ("-", "−"):
        assert parse_int(f"{minus}5", allow_negative=True) == -5
        assert parse_kr(f"{minus}1.234,50 kr.", allow_negative=True) == -123_450
        assert parse_percent_bp(f"{minus}12,5 %", allow_negative=True) == -1250
    assert parse_int("+7") == 7
    assert parse_int("-0") == 0  # minus zero is zero, not a negative number


def test_the_refusals_say_what_to_write_in_danish_and_in_english() -> None:
    err = refusal(parse_int, "1.5", field="Antal ansatte")
    assert str(err) == (
        "Antal ansatte: »1.5« kan ikke læses sikkert. Punktum (eller mellemrum) står mellem tusinder og "
        "følges af præcis tre cifre, fx 1.500; decimaler skrives efter komma, fx 1,5."
    )
    assert err.render("en").startswith("Antal ansatte: “1.5” cannot be read safely.")
    assert (
        str(refusal(parse_kr, "abc", field="Timepris"))
        == "Timepris: »abc« er ikke et beløb. Skriv fx 1.234,50."
    )
    assert str(refusal(parse_kr, "", field="Timepris")) == "Timepris mangler."
    assert str(refusal(parse_kr, " kr. ")) == "Beløb mangler."
    assert "negativt" in str(refusal(parse_int, "-3", field="Ansatte"))
    assert (
        str(refusal(parse_percent_bp, "mange"))
        == "Procentsats: »mange« er ikke en procentsats. Skriv fx 33,33."
    )


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("1.234,50", 123450),
        ("1.234,5", 123450),
        ("1234", 123400),
        ("1234,00 kr.", 123400),
        ("25.000,00 kr.", 2_500_000),
        ("25.000,00 KR", 2_500_000),
        ("25.000 DKK", 2_500_000),
        ("0,01", 1),
        (" 2.800 ", 280000),
        (",50", 50),
        ("5,", 500),
        ("1.000.000", 100_000_000),
        ("1\u00a0000\u00a0000,5", 100_000_050),
    ],
)
def test_amounts_the_danish_way(text: str, ore: int) -> None:
    assert parse_kr(text) == ore


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("abc", Msg.NUMBER_NOT_AN_AMOUNT),
        ("-5", Msg.NUMBER_NEGATIVE),
        ("25.000,001", Msg.NUMBER_AMOUNT_DECIMALS),
        ("", Msg.NUMBER_MISSING),
        ("12.34", Msg.NUMBER_BAD_GROUPING),
        ("1.2345", Msg.NUMBER_BAD_GROUPING),
        ("1,5a", Msg.NUMBER_NOT_AN_AMOUNT),
        ("٣", Msg.NUMBER_NOT_AN_AMOUNT),  # Arabic-Indic digits: int() would take them, we do not
        ("1e3", Msg.NUMBER_NOT_AN_AMOUNT),
        ("12,5 %", Msg.NUMBER_NOT_AN_AMOUNT),
        ("9" * 18, Msg.NUMBER_TOO_LARGE),  # in kroner: too many øre for a 64-bit column
        ("9" * 5000, Msg.NUMBER_TOO_LARGE),  # refused before int() would choke on it
    ],
)
def test_amounts_refused_with_a_reason(text: str, code: str) -> None:
    err = refusal(parse_kr, text)
    assert err.message is not None and err.message.code == code


@pytest.mark.parametrize(
    ("text", "bp"), [("33,33", 3333), ("50", 5000), ("12,5 %", 1250), ("100 %", 10000), ("0,5", 50)]
)
def test_percent_to_basis_points(text: str, bp: int) -> None:
    assert parse_percent_bp(text) == bp


def test_integers() -> None:
    assert parse_int("25") == 25
    assert parse_int("1.200") == 1200
    assert parse_int("12.500.000") == 12_500_000
    assert parse_int("007") == 7
    for bad in ("12,5", "12,0", "mange", "1.2", "25 kr."):
        refusal(parse_int, bad)


def test_optional_fields_may_stay_empty() -> None:
    assert optional(parse_int, "") is None
    assert optional(parse_int, "   ") is None
    assert optional(parse_int, None) is None
    assert optional(parse_kr, "1.234,50", field="Omsætning") == 123_450
    with pytest.raises(DomainError, match="^Omsætning: "):
        optional(parse_kr, "1.5", field="Omsætning")


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "7.3.2025",
        "07.03.2025",
        "07-03-2025",
        "7/3/2025",
        "2025-03-07",
        "7.3.25",
        "7. marts 2025",
        "7. mar. 2025",
        " 7. Marts 2025 ",
    ],
)
def test_dates_the_danish_way(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 3, 7)


@pytest.mark.parametrize(
    ("text", "code", "sentence"),
    [
        ("32.13.2026", Msg.DATE_NO_SUCH_MONTH, "Dato: »32.13.2026« er ikke en dato; der er ingen måned 13."),
        ("29.2.2025", Msg.DATE_NO_SUCH_DAY, "Dato: »29.2.2025« er ikke en dato; måned 2 i 2025 har 28 dage."),
        ("0.1.2025", Msg.DATE_NO_SUCH_DAY, "Dato: »0.1.2025« er ikke en dato; måned 1 i 2025 har 31 dage."),
        ("i morgen", Msg.DATE_NOT_A_DATE, "Dato: »i morgen« er ikke en dato. Skriv fx 7.3.2025."),
        ("7.3-2025", Msg.DATE_NOT_A_DATE, "Dato: »7.3-2025« er ikke en dato. Skriv fx 7.3.2025."),
        ("7. marsk 2025", Msg.DATE_NOT_A_DATE, "Dato: »7. marsk 2025« er ikke en dato. Skriv fx 7.3.2025."),
        ("", Msg.NUMBER_MISSING, "Dato mangler."),
    ],
)
def test_dates_refused_with_a_reason(text: str, code: str, sentence: str) -> None:
    err = refusal(parse_date, text)
    assert err.message is not None and err.message.code == code
    assert str(err) == sentence


def test_29_february_in_a_leap_year() -> None:
    assert parse_date("29.2.2024") == dt.date(2024, 2, 29)


# -- formatting ------------------------------------------------------------------------------------


def test_format_int() -> None:
    assert [format_int(n) for n in (0, 999, 1000, 11966, 1_234_567, -4500)] == [
        "0", "999", "1.000", "11.966", "1.234.567", "-4.500"
    ]  # fmt: skip


def test_format_kr() -> None:
    assert format_kr(2_500_000) == "25.000,00 kr."
    assert format_kr(123450) == "1.234,50 kr."
    assert format_kr(5) == "0,05 kr."
    assert format_kr(-100) == "-1,00 kr."
    assert format_kr(100, suffix=False) == "1,00"
    assert format_kr_input(123450) == "1.234,50"
    assert format_kr(-123450, suffix=False, grouping=False) == "-1234,50"
    with pytest.raises(TypeError):
        format_kr(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_kr(True)


def test_format_percent() -> None:
    assert format_percent_bp(1250) == "12,5 %"
    assert format_percent_bp(5000) == "50 %"
    assert format_percent_bp(3333) == "33,33 %"
    assert format_percent_bp(-5) == "-0,05 %"
    assert format_percent_bp(1250, suffix=False) == "12,5"
    assert format_percent_bp(None) == ""


def test_format_dates() -> None:
    assert format_date(dt.date(2025, 3, 7)) == "7. marts 2025"
    assert format_date("2025-03-07") == "7. marts 2025"
    assert format_date("2025-03-07T10:00:00+00:00") == "7. marts 2025"
    assert format_date("ikke en dato") == "ikke en dato"
    assert format_date(None) == ""
    assert format_date_input(dt.date(2025, 3, 7)) == "7.3.2025"
    assert format_date_input(None) == ""
    assert format_date_numeric(dt.date(2025, 3, 7)) == "07-03-2025"
    local = dt.datetime(2025, 3, 7, 14, 5).astimezone()  # 14.05 on this machine's clock
    assert format_datetime(local) == "7. marts 2025 kl. 14.05"
    assert format_datetime(local.astimezone(dt.UTC)) == "7. marts 2025 kl. 14.05"
    assert format_date(local.astimezone(dt.UTC)) == "7. marts 2025"
    assert format_datetime(None) == ""


def test_format_file_size() -> None:
    assert format_file_size(870 * 1024) == "870 KB"
    assert format_file_size(5 * 1024 * 1024 // 2) == "2,5 MB"
    assert format_file_size(20 * 1024 * 1024) == "20 MB"


def test_message_format_specs_are_these_functions() -> None:
    from mægler_app.domain.messages import _Formatter

    text = _Formatter("da").format(
        "{a:kr} · {p:pct} · {d:date} · {n:int}", a=2_500_000, p=1250, d="2025-03-07", n=11966
    )
    assert text == "25.000,00 kr. · 12,5 % · 7. marts 2025 · 11.966"


# -- round trips -----------------------------------------------------------------------------------

AMOUNTS = st.integers(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE)


@given(AMOUNTS)
def test_int_round_trip(n: int) -> None:
    assert parse_int(format_int(n), allow_negative=True) == n


@given(AMOUNTS)
def test_ore_round_trip_every_way_we_show_an_amount(ore: int) -> None:
    for text in (format_kr(ore), format_kr_input(ore), format_kr(ore, suffix=False, grouping=False)):
        assert parse_kr(text, allow_negative=True) == ore


@given(st.integers(min_value=0, max_value=MAX_MAGNITUDE))
def test_positive_amounts_need_no_permission(ore: int) -> None:
    assert parse_kr(format_kr(ore)) == ore


@given(AMOUNTS)
def test_basis_points_round_trip(bp: int) -> None:
    for text in (format_percent_bp(bp), format_percent_bp(bp, suffix=False)):
        assert parse_percent_bp(text, allow_negative=True) == bp


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_date_round_trip_every_way_we_show_a_date(day: dt.date) -> None:
    for text in (format_date(day), format_date_input(day), format_date_numeric(day), day.isoformat()):
        assert parse_date(text) == day


@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=99)
    .filter(lambda n: n != 3)
    .flatmap(lambda width: st.text("0123456789", min_size=width, max_size=width)),
)
@settings(max_examples=200)
def test_a_point_without_three_digits_after_it_is_never_guessed(whole: int, after: str) -> None:
    text = f"{whole}.{after}"
    for kind, parse in PARSERS.items():
        err = refusal(parse, text)
        assert err.message is not None and err.message.code == Msg.NUMBER_BAD_GROUPING, kind


@given(st.text(alphabet="0123456789.,- −+%krDK\u00a0", max_size=14))
@settings(max_examples=500)
def test_any_text_is_either_refused_with_a_message_or_read_consistently(text: str) -> None:
    # Never an unexplained error (ValueError from int(), IndexError ...), and what is accepted shows
    # and reads back as the same value.
    for kind, parse in PARSERS.items():
        try:
            value = parse(text, allow_negative=True)
        except DomainError as err:
            assert err.message is not None, (kind, text)
            continue
        shown = {"int": format_int, "kr": format_kr, "pct": format_percent_bp}[kind](value)
        assert parse(shown, allow_negative=True) == value, (kind, text, shown)
