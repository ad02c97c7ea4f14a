"""What the caseworker's Indbakke lists to follow up on (store.services.desk.attention, domain.desk)."""

from __future__ import annotations

import datetime as dt

from mægler_app.domain.desk import FOLLOW_UP_AFTER_DAYS, needs_follow_up, plan_overdue, recently_finished
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.models import ActionPlan, Network
from mægler_app.store.services import desk as svc

from .forms_fixtures import make_network
from .test_screening_service import fill_and_finalize


def test_recent_screening_inactive_network_and_overdue_plan(store) -> None:
    screened, _, _ = make_network(store, name="Screenet netværk")
    fill_and_finalize(store, screened)
    idle, _, _ = make_network(store, name="Stille netværk")
    planned, _, _ = make_network(store, name="Planlagt netværk")
    today = utcnow().date()
    with store.session() as s:
        s.get(Network, planned).stage = "stage_2"
        s.add(
            ActionPlan(
                network_id=planned,
                elements={"participants": True, "purpose": True},
                end_date=today + dt.timedelta(days=30),
            )
        )
    now = utcnow()
    kinds = {(r.kind, r.network) for r in svc.attention(store, now)}
    assert kinds == {("screening", "Screenet netværk")}
    # two months on: nobody has done anything, and the plan's end date has passed
    later = now + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS + 1)
    rows = svc.attention(store, later)
    assert {(r.kind, r.network) for r in rows} == {
        ("inactive", "Screenet netværk"),
        ("inactive", "Stille netværk"),
        ("inactive", "Planlagt netværk"),
        ("plan", "Planlagt netværk"),
    }
    (plan,) = [r for r in rows if r.kind == "plan"]
    assert plan.text.startswith("Opstartsfase, ") and "Deltagere" not in plan.text
    assert idle in {r.network_id for r in rows}


def test_the_rules_edges() -> None:
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    assert needs_follow_up("stage_1", now - dt.timedelta(days=60), now)
    assert not needs_follow_up("stage_1", now - dt.timedelta(days=59), now)
    assert not needs_follow_up("closed", now - dt.timedelta(days=400), now)
    assert recently_finished(now - dt.timedelta(days=7), now)
    assert not recently_finished(now - dt.timedelta(days=8), now)
    assert not recently_finished(None, now)
    assert plan_overdue(dt.date(2026, 5, 31), "stage_2", now.date())
    assert not plan_overdue(dt.date(2026, 6, 1), "stage_2", now.date())
    assert not plan_overdue(dt.date(2026, 1, 1), "stage_3", now.date())
