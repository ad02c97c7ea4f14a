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


def test_an_expense_is_checked_by_pure_rules() -> None:
    from mægler_app.domain.expenses import expense_date_warnings, expense_errors

    assert expense_errors(
        amount_ore=0, category="bribes", description=" ", meeting_in_network=False, receipt_stored=False
    ) == [
        Msg.AMOUNT_NOT_POSITIVE(),
        Msg.EXPENSE_CATEGORY_UNKNOWN(category="bribes"),
        Msg.EXPENSE_DESCRIPTION_MISSING(),
        Msg.EXPENSE_MEETING_OTHER_NETWORK(),
        Msg.EXPENSE_RECEIPT_NOT_STORED(),
    ]
    today, opened = dt.date(2025, 6, 1), dt.date(2025, 3, 1)
    assert expense_date_warnings(dt.date(2025, 4, 1), opened, None, today) == []
    assert expense_date_warnings(dt.date(2025, 2, 1), opened, None, today) == [
        Msg.EXPENSE_BEFORE_SCREENING_PASSED(d=dt.date(2025, 2, 1), opened=opened)
    ]
    assert [m.code for m in expense_date_warnings(dt.date(2025, 6, 3), None, dt.date(2025, 5, 1), today)] == [
        Msg.EXPENSE_FRAME_NOT_OPENED,
        Msg.EXPENSE_AFTER_CLOSED,
        Msg.EXPENSE_IN_FUTURE,
    ]


def test_the_frame_decides_an_expense_status_and_the_budget_warning() -> None:
    from mægler_app.domain.expenses import budget_warning, expense_budget
    from mægler_app.domain.rules import FACILITATION_FRAME_ORE as FRAME
    from mægler_app.domain.vocab import ExpenseStatus

    no_receipt = expense_budget(600_00, has_receipt=False, spent_ore=0, committed_ore=0)
    assert no_receipt.status == ExpenseStatus.DRAFT and not no_receipt.exceeds_frame
    assert [m.code for m in no_receipt.warnings] == [Msg.RECEIPT_REQUIRED]
    over = expense_budget(2_000_00, has_receipt=True, spent_ore=FRAME - 1_000_00, committed_ore=0)
    assert over.exceeds_frame and over.budget_message is not None
    assert over.budget_message.code == Msg.BUDGET_OVER_FRAME
    planned = expense_budget(100_00, has_receipt=True, spent_ore=0, committed_ore=FRAME)
    assert planned.status == ExpenseStatus.FINAL and planned.budget_message is None
    assert [m.code for m in planned.warnings] == [Msg.BUDGET_PLANNED_OVER_FRAME]

    assert budget_warning(0, 0, FRAME) is None
    assert budget_warning(FRAME * 8 // 10 - 1, 0, FRAME) is None
    at_80 = budget_warning(FRAME * 8 // 10, 0, FRAME)
    assert at_80 == Msg.BUDGET_USED_OR_PLANNED(used=8_000, remaining=FRAME // 5)
    assert budget_warning(FRAME // 2, FRAME, FRAME) == Msg.BUDGET_USED_AND_PLANNED_OVER_FRAME(
        used=FRAME * 3 // 2, frame=FRAME, over=FRAME // 2
    )
    assert budget_warning(FRAME + 1, 0, FRAME) == Msg.BUDGET_SPENT_OVER_FRAME(
        spent=FRAME + 1, over=1, frame=FRAME
    )


def test_a_meeting_is_checked_by_a_pure_rule() -> None:
    from dataclasses import dataclass

    from mægler_app.domain.meetings import meeting_problems

    @dataclass
    class Step:
        text: str
        owner: str = ""
        due: dt.date | None = None

    when = dt.datetime(2025, 3, 7, 9, tzinfo=dt.UTC)
    ok = meeting_problems(
        starts_at=when, kind="other", dimensions=["vision"], estimated_cost_ore=0, next_steps=[]
    )
    assert ok == []
    bad = meeting_problems(
        starts_at=when.replace(tzinfo=None),
        kind="party",
        dimensions=["vision", "luck"],
        estimated_cost_ore=-1,
        next_steps=[Step("", owner="Anna"), Step("Ring", owner=""), Step("Skriv", owner="Bo")],
    )
    assert bad == [
        Msg.MEETING_NO_TIMEZONE(),
        Msg.MEETING_KIND_UNKNOWN(kind="party"),
        Msg.MEETING_DIMENSIONS_UNKNOWN(dimensions="luck"),
        Msg.MEETING_COST_NEGATIVE(),
        Msg.MEETING_STEP_TEXT_MISSING(n=1),
        Msg.MEETING_STEP_OWNER_MISSING(text="Ring"),
        Msg.MEETING_STEP_DUE_MISSING(text="Skriv"),
    ]
