"""Rules that moved from the store's services into ``domain``: pure functions returning message codes,
the same on the laptop and anywhere else they are called."""

from __future__ import annotations

import datetime as dt

from mægler_app.domain.messages import Msg
from mægler_app.domain.stages import Stage, stage_requirements
from mægler_app.domain.validation import action_plan_warnings, check_network_fields, months_between


def test_each_stage_says_what_it_requires() -> None:
    screened = stage_requirements(Stage.SCREENED)
    assert [m.code for m in screened] == [Msg.STAGE_REQUIRES_COMPOSITION, Msg.STAGE_REQUIRES_FINAL_SCREENING]
    assert str(screened[0]) == "Mindst 3 uafhængige virksomheder og højst 2 videninstitutioner."
    assert (
        screened[0].render("en") == "At least 3 independent companies and at most 2 knowledge institutions."
    )
    assert [m.code for m in stage_requirements(Stage.STAGE_3)] == [
        Msg.STAGE_REQUIRES_APPROVAL,
        Msg.STAGE_REQUIRES_EVIDENCE,
    ]
    assert stage_requirements(Stage.CANDIDATE) == [] == stage_requirements(Stage.CLOSED)


def test_a_network_fields_refuse_per_field() -> None:
    assert check_network_fields("Møbelnetværket", "horizontal", "own_network") == {}
    errors = check_network_fields(" ", "diagonal", "rygter")
    assert errors == {
        "name": Msg.NETWORK_NAME_MISSING(),
        "network_type": Msg.NETWORK_TYPE_UNKNOWN(value="diagonal"),
        "lead_source": Msg.NETWORK_LEAD_SOURCE_UNKNOWN(value="rygter"),
    }
    assert str(errors["network_type"]) == "Ukendt netværkstype »diagonal«."
    assert str(check_network_fields("x" * 201, "", "")["name"]) == "Navnet må højst være 200 tegn."


def test_an_action_plan_past_its_end_names_what_is_missing() -> None:
    start, end = dt.date(2025, 1, 15), dt.date(2025, 7, 15)
    assert months_between(start, end) == 7
    assert months_between(start, dt.date(2025, 7, 14)) == 6
    elements = {"participants": True, "purpose": False, "liability": False}
    before = action_plan_warnings(elements, start, end, 7, today=dt.date(2025, 7, 1))
    assert before == []
    after = action_plan_warnings(elements, start, end, 6, today=dt.date(2025, 8, 1))
    assert after == [
        Msg.UI_PERIOD_SPAN(span=7, months=6),
        Msg.ACTION_PLAN_ENDED_INCOMPLETE(missing="Formål og baggrund, Ansvar"),
    ]
    assert str(after[1]) == "Slutdatoen er passeret, men handlingsplanen mangler: Formål og baggrund, Ansvar."
