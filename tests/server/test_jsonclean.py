"""What the server refuses at its edge because a database could not store it."""

from __future__ import annotations

from typing import Any

import pytest

from mægler_app.server.jsonclean import MAX_DEPTH, clean_data, clean_json


def nested(depth: int, leaf: Any, *, kind: str = "dict") -> Any:
    value = leaf
    for _ in range(depth):
        value = {"x": value} if kind == "dict" else [value]
    return value


@pytest.mark.parametrize("kind", ["dict", "list"])
@pytest.mark.parametrize("leaf", ["tekst", 7, None, True, 1.5, {}, []])
def test_nesting_up_to_the_limit_is_taken_and_one_more_is_refused(kind: str, leaf: Any) -> None:
    assert clean_json(nested(MAX_DEPTH, leaf, kind=kind)) == nested(MAX_DEPTH, leaf, kind=kind)
    with pytest.raises(ValueError, match="indlejret"):
        clean_json(nested(MAX_DEPTH + 1, leaf, kind=kind))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("a\x00b", "NUL"),
        ("\ud800", "Unicode"),
        ("æøå \udfff", "Unicode"),
        (float("nan"), "endelige"),
        (float("inf"), "endelige"),
    ],
)
@pytest.mark.parametrize("where", ["value", "deep", "in a list", "key"])
def test_what_no_database_can_store_is_refused_wherever_it_is(bad: Any, message: str, where: str) -> None:
    if where == "key" and not isinstance(bad, str):
        return  # JSON keys are text
    data = {
        "value": {"felt": bad},
        "deep": {"a": {"b": [{"c": bad}]}},
        "in a list": {"liste": ["fint", 1, bad]},
        "key": {bad: 1} if isinstance(bad, str) else {},
    }[where]
    with pytest.raises(ValueError, match=message):
        clean_data(data)


def test_ordinary_danish_text_and_numbers_pass_unchanged() -> None:
    data = {"navn": "Ærø Bådebyggeri ApS", "beløb": 1_250_000, "ja": True, "intet": None, "liste": ["å", 2.5]}
    assert clean_data(data) is data
    assert data == {
        "navn": "Ærø Bådebyggeri ApS",
        "beløb": 1_250_000,
        "ja": True,
        "intet": None,
        "liste": ["å", 2.5],
    }
