"""Programme figures from a network's history, not from the stage it is at now (issue 16, part 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mægler_app.domain.figures import (
    Milestones,
    RecordView,
    danish_year,
    milestones,
    network_path,
    programme_figures,
)
from mægler_app.domain.rules import TARGET_NETWORKS_PER_BROKER
from mægler_app.domain.stages import Move, Stage

MADE = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def at(day: str) -> str:
    return f"{day}T10:00:00+00:00"


def network(id: str, owner: str, path: list[tuple[str, str]], **data: Any) -> RecordView:
    """A network record whose history is ``path`` [(stage, day)], at the path's last stage."""
    history = [{"stage": stage, "at": at(day)} for stage, day in path]
    return RecordView(
        "network", id, owner, False, {"stage": path[-1][0], "stage_history": history, **data}, MADE
    )


def figures(records: list[RecordView], **kw: Any) -> dict[str, Any]:
    return programme_figures(records, **kw)


def year_figures(out: dict[str, Any], year: int) -> dict[str, Any]:
    return out["total"]["by_year"].get(str(year), {}).get("figures", {})


def test_a_network_closed_after_stage_1_still_counts_in_its_year() -> None:
    closed = network(
        "n1",
        "b1",
        [
            ("candidate", "2025-03-01"),
            ("screened", "2025-04-01"),
            ("stage_1", "2025-05-01"),
            ("closed", "2026-02-01"),
        ],
    )
    out = figures([closed])
    assert out["total"]["figures"]["networks"] == 1
    assert year_figures(out, 2025)["networks"] == 1
    assert year_figures(out, 2026).get("networks", 0) == 0
    # Its current stage is still closed where stages are counted.
    assert out["total"]["figures"]["networks_by_stage"]["closed"] == 1
    assert out["total"]["figures"]["action_plans"] == 0
    # And it counts for its broker's 12-19.
    broker = out["brokers"]["b1"]
    assert broker["figures"]["networks"] == 1
    assert broker["targets"]["networks_per_broker"]["value"] == 1
    assert broker["targets"]["networks_per_broker"]["low"] == TARGET_NETWORKS_PER_BROKER.low


def test_a_network_closed_before_stage_1_does_not_count() -> None:
    out = figures(
        [
            network(
                "n1",
                "b1",
                [("candidate", "2025-03-01"), ("screened", "2025-04-01"), ("closed", "2025-05-01")],
            )
        ]
    )
    assert out["total"]["figures"]["networks"] == 0


def test_reached_stage_2_then_closed_counts_established_and_action_plan_in_their_years() -> None:
    path = [
        ("candidate", "2025-03-01"),
        ("stage_1", "2025-06-01"),
        ("application", "2025-11-01"),
        ("stage_2", "2026-01-15"),
        ("closed", "2026-09-01"),
    ]
    out = figures([network("n1", "b1", path)])
    assert out["total"]["figures"]["networks"] == 1 and out["total"]["figures"]["action_plans"] == 1
    assert out["total"]["figures"]["business_networks"] == 0
    assert year_figures(out, 2025)["networks"] == 1 and year_figures(out, 2025)["action_plans"] == 0
    assert year_figures(out, 2026)["action_plans"] == 1 and year_figures(out, 2026)["networks"] == 0


def test_a_business_network_closed_later_counts_all_three() -> None:
    path = [("stage_1", "2025-06-01"), ("application", "2025-07-01"), ("stage_2", "2025-08-01"),
            ("stage_3", "2026-05-01"), ("closed", "2027-01-10")]  # fmt: skip
    out = figures([network("n1", "b1", path)])
    total = out["total"]["figures"]
    assert (total["networks"], total["action_plans"], total["business_networks"]) == (1, 1, 1)
    assert year_figures(out, 2026)["business_networks"] == 1
    assert year_figures(out, 2027).get("business_networks", 0) == 0


def test_a_rejection_back_to_stage_1_is_no_action_plan() -> None:
    """Decided: the network was at ansøgning, not at trin 2; established stays in its first year."""
    path = [("candidate", "2025-03-01"), ("stage_1", "2025-06-01"), ("application", "2025-12-01"),
            ("stage_1", "2026-01-20")]  # fmt: skip
    out = figures([network("n1", "b1", path)])
    assert out["total"]["figures"]["networks"] == 1
    assert out["total"]["figures"]["action_plans"] == 0
    assert year_figures(out, 2025)["networks"] == 1
    assert year_figures(out, 2026).get("networks", 0) == 0
    # A new application approved later is the action plan, in the year of its approval.
    path += [("application", "2026-03-01"), ("stage_2", "2026-04-01")]
    out = figures([network("n1", "b1", path)])
    assert out["total"]["figures"]["networks"] == 1 and year_figures(out, 2026)["action_plans"] == 1


def test_figures_per_broker() -> None:
    records = [
        network("a1", "anna", [("stage_1", "2025-05-01"), ("closed", "2025-06-01")]),
        network(
            "a2",
            "anna",
            [("stage_1", "2026-05-01"), ("application", "2026-06-01"), ("stage_2", "2026-07-01")],
        ),
        network("b1", "bo", [("candidate", "2025-05-01"), ("closed", "2025-06-01")]),
        network("b2", "bo", [("stage_1", "2026-02-01")]),
    ]
    out = figures(records)
    anna, bo = out["brokers"]["anna"], out["brokers"]["bo"]
    assert (anna["figures"]["networks"], anna["figures"]["action_plans"]) == (2, 1)
    assert (bo["figures"]["networks"], bo["figures"]["action_plans"]) == (1, 0)
    assert anna["by_year"]["2025"]["figures"]["networks"] == 1
    assert anna["by_year"]["2026"]["figures"]["networks"] == 1
    assert bo["by_year"]["2026"]["figures"]["networks"] == 1
    assert out["total"]["figures"]["networks"] == 3
    assert year_figures(out, 2025)["networks"] == 1 and year_figures(out, 2026)["networks"] == 2


def test_figures_per_year_on_a_danish_calendar() -> None:
    """23:30 UTC on New Year's Eve is already the new year in Denmark."""
    assert danish_year(dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)) == 2026
    assert danish_year(dt.datetime(2025, 12, 31, 22, 59, tzinfo=dt.UTC)) == 2025
    assert danish_year(dt.datetime(2026, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))) == 2025
    late = RecordView(
        "network",
        "n1",
        "b1",
        False,
        {"stage": "stage_1", "stage_history": [{"stage": "stage_1", "at": "2025-12-31T23:30:00+00:00"}]},
        MADE,
    )
    out = figures([late])
    assert year_figures(out, 2026)["networks"] == 1 and year_figures(out, 2025).get("networks", 0) == 0
    # The per-year targets are there for the year, against its figure.
    assert out["total"]["by_year"]["2026"]["targets"]["networks"]["value"] == 1


def test_the_callers_history_wins_over_the_records_own() -> None:
    """The server passes the moves it accepted; what a client wrote in stage_history is not used."""
    claimed = network(
        "n1", "b1", [("stage_1", "2020-01-01"), ("application", "2020-02-01"), ("stage_2", "2020-03-01")]
    )
    kept = {"n1": [Move(Stage.CANDIDATE, dt.datetime(2026, 2, 1, tzinfo=dt.UTC)),
                   Move(Stage.STAGE_1, dt.datetime(2026, 3, 1, tzinfo=dt.UTC))]}  # fmt: skip
    out = figures([claimed], history=kept)
    assert year_figures(out, 2020) == {}
    assert year_figures(out, 2026)["networks"] == 1
    # The record says stage_2 now, which the kept moves do not end at: it counts from stage_changed_at.
    assert out["total"]["figures"]["action_plans"] == 1
    # A network the history does not mention: its current stage as of when it was stored.
    out = figures([claimed], history={})
    assert year_figures(out, MADE.year)["networks"] == 1 and year_figures(out, 2020) == {}


def test_a_network_without_history_counts_its_current_stage() -> None:
    changed = {"stage": "stage_2", "stage_changed_at": "2026-04-01T08:00:00+00:00"}
    out = figures([RecordView("network", "n1", "b1", False, changed, MADE)])
    assert year_figures(out, 2026)["networks"] == 1 and year_figures(out, 2026)["action_plans"] == 1
    closed = figures([RecordView("network", "n2", "b1", False, {"stage": "closed"}, MADE)])
    assert closed["total"]["figures"]["networks"] == 0


def test_deleted_networks_and_odd_moves_are_left_out() -> None:
    gone = RecordView("network", "n1", "b1", True, {"stage": "stage_1"}, MADE)
    odd = RecordView(
        "network",
        "n2",
        "b1",
        False,
        {
            "stage": "candidate",
            "stage_history": [{"stage": "trin9", "at": at("2025-01-01")}, {"stage": "stage_1"}],
        },
        MADE,
    )
    assert figures([gone, odd])["total"]["figures"]["networks"] == 0


def test_milestones_of_a_path() -> None:
    t = [dt.datetime(2026, m, 1, tzinfo=dt.UTC) for m in range(1, 8)]
    path = network_path(
        [
            {"stage": s, "at": t[i].isoformat()}
            for i, s in enumerate(["candidate", "screened", "stage_1", "application", "stage_1"])
        ],
        "stage_1",
        t[6],
    )
    assert milestones(path) == Milestones(established=t[2])
    assert milestones(network_path([], "stage_3", t[6])) == Milestones(t[6], t[6], t[6])
    assert milestones([]) == Milestones()
