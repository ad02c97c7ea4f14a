"""domain.programme: the funnel counts how far each network got (by its history, as figures does),
the ledgers count bonuses and open applications per broker, the focus areas count each company once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mægler_app.domain.figures import RecordView, programme_figures
from mægler_app.domain.programme import broker_ledgers, by_focus_area, funnel, target_rows
from mægler_app.domain.rules import BROKER_BONUS_ORE

T = dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC)


def rec(entity: str, id: str, data: dict[str, Any], owner: str = "b1") -> RecordView:
    return RecordView(entity, id, owner, False, data, T)


def net(id: str, stage: str, *path: str, owner: str = "b1") -> RecordView:
    history = [{"stage": s, "at": (T + dt.timedelta(days=i)).isoformat()} for i, s in enumerate(path)]
    return rec("network", id, {"stage": stage, "stage_history": history}, owner)


def test_a_closed_network_counts_up_to_where_it_got_and_a_rejection_keeps_the_application() -> None:
    records = [
        net("n1", "closed", "candidate", "screened", "stage_1", "closed"),
        net("n2", "stage_1", "candidate", "screened", "stage_1", "application", "stage_1"),
        net("n3", "candidate", "candidate"),
    ]
    assert funnel(records) == {
        "candidate": 3,
        "screened": 2,
        "stage_1": 2,
        "application": 1,
        "stage_2": 0,
        "stage_3": 0,
    }


def test_ledgers_earned_expected_and_open_per_broker() -> None:
    records = [
        net("n1", "stage_2", "candidate", "screened", "stage_1", "application", "stage_2"),
        net("n2", "application", "candidate", "screened", "stage_1", "application"),
        rec("application", "a1", {"status": "approved", "bonus_ore": BROKER_BONUS_ORE}),
        rec("application", "a2", {"status": "submitted"}),
        rec("application", "a3", {"status": "rejected", "bonus_ore": 0}),
        rec("application", "a4", {"status": "draft"}),
    ]
    ledgers = broker_ledgers(records, brokers=["b1", "b2"])
    b1, b2 = ledgers["b1"], ledgers["b2"]
    assert (b1.bonus_earned_ore, b1.bonus_expected_ore, b1.open_applications) == (
        BROKER_BONUS_ORE,
        BROKER_BONUS_ORE,
        1,
    )
    assert b1.established == 2 and b1.networks_by_stage["stage_2"] == 1 and b1.networks == 2
    assert not b1.target_met and (b1.target_low, b1.target_high) == (12, 19)
    assert b2.networks == 0 and b2.bonus_earned_ore == 0  # listed with nothing yet


def test_a_company_counts_once_per_focus_area_by_its_cvr() -> None:
    records = [
        net("n1", "stage_1", "candidate", "screened", "stage_1"),
        net("n2", "candidate", "candidate", owner="b2"),
        rec("company", "c1", {"cvr": "12345678", "focus_area": "food"}),
        rec("company", "c2", {"cvr": "12345678", "focus_area": "food"}, owner="b2"),
        rec("company", "c3", {"cvr": "87654321", "focus_area": "nonsense"}),
        rec("membership", "m1", {"network_id": "n1", "company_id": "c1"}),
        rec("membership", "m2", {"network_id": "n2", "company_id": "c2"}, owner="b2"),
        rec("membership", "m3", {"network_id": "n1", "company_id": "c3"}),
    ]
    areas = by_focus_area(records)
    assert (areas["food"].companies, areas["food"].established) == (1, 1)
    assert areas["other"].companies == 1  # an unknown area counts as "andet"
    assert areas["health_industry"].companies == 0


def test_target_rows_of_the_period_and_of_a_year() -> None:
    records = [net(f"n{i}", "stage_1", "candidate", "screened", "stage_1") for i in range(3)]
    records.append(rec("satisfaction", "s1", {"score": 5}))
    figures = programme_figures(records)
    rows = {r.key: r for r in target_rows(figures["total"], figures["brokers"])}
    assert rows["networks"].value == 3 and (rows["networks"].low, rows["networks"].high) == (250, 375)
    assert rows["satisfied"].value == 10_000 and rows["satisfied"].met
    assert rows["networks_per_broker"].value == 0 and rows["networks_per_broker"].low == 1
    year = {r.key: r for r in target_rows(figures["total"]["by_year"]["2025"])}
    assert year["networks"].value == 3 and (year["networks"].low, year["networks"].high) == (100, 145)
    assert "networks_per_broker" not in year and "companies_screened" not in year
