"""After approval: the checklist of action-plan elements, its dates, and marking trin 3."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mægler_app.domain.errors import DomainError
from mægler_app.domain.rules import ACTION_PLAN_ELEMENTS
from mægler_app.domain.stages import Stage
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import ActionPlan, Network, OutboxEntry
from mægler_app.store.services import action_plans as ap
from mægler_app.store.services import applications as svc

from .test_application_service import _complete

YEAR = utcnow().year + 1  # dates ahead, so no "end date passed" warning


@pytest.fixture
def approved(store) -> tuple[str, str]:
    ids = fill_demo(store)
    network_id = ids["network:1"]
    app_id = svc.create_application(store, network_id)
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    svc.submit(store, app_id)
    svc.apply_decision(store, app_id, "approved", "", utcnow())
    return network_id, app_id


def test_no_action_plan_before_approval(store) -> None:
    ids = fill_demo(store)
    assert ap.get_action_plan(store, ids["network:1"]) is None
    with pytest.raises(DomainError, match="bevilget"):
        ap.save_action_plan(store, ids["network:1"], {}, None, None)


def test_checklist_and_dates_are_saved_and_synced(store, approved) -> None:
    network_id, app_id = approved
    info = ap.get_action_plan(store, network_id)
    assert info is not None and info.plan_id is None
    assert list(info.elements) == list(ACTION_PLAN_ELEMENTS) and info.done == 0
    info = ap.save_action_plan(
        store,
        network_id,
        {"participants": True, "purpose": True},
        dt.date(YEAR, 1, 5),
        dt.date(YEAR, 7, 4),
    )
    assert info.done == 2 and info.total == len(ACTION_PLAN_ELEMENTS)
    assert info.start_date == dt.date(YEAR, 1, 5) and info.application_id == app_id
    assert info.warnings == []  # six months, as applied for
    with store.session() as s:
        plan = s.scalars(select(ActionPlan)).one()
        assert plan.elements["participants"] is True and plan.elements["liability"] is False
        assert (
            s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == plan.id)).one().status == "pending"
        )
    info = ap.save_action_plan(store, network_id, dict.fromkeys(ACTION_PLAN_ELEMENTS, True), None, None)
    assert info.done == info.total


def test_dates_must_be_in_order_and_match_the_period(store, approved) -> None:
    network_id, _ = approved
    with pytest.raises(DomainError, match="før startdatoen"):
        ap.save_action_plan(store, network_id, {}, dt.date(2026, 5, 1), dt.date(2026, 4, 30))
    with pytest.raises(DomainError, match="Ukendt"):
        ap.save_action_plan(store, network_id, {"nonsense": True}, None, None)
    info = ap.save_action_plan(store, network_id, {}, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert info.warnings and "12 måneder" in info.warnings[0] and "6 måneder" in info.warnings[0]
    # an end date that has passed with elements still missing is pointed out
    last_year = utcnow().year - 1
    info = ap.save_action_plan(
        store, network_id, {"participants": True}, dt.date(last_year, 1, 5), dt.date(last_year, 7, 4)
    )
    assert len(info.warnings) == 1 and "Slutdatoen er passeret" in info.warnings[0]
    assert "Deltagere" not in info.warnings[0] and "Konfliktløsning" in info.warnings[0]


def test_stage_3_records_date_and_evidence(store, approved) -> None:
    network_id, _ = approved
    with pytest.raises(DomainError, match="forretningsnetværk"):
        ap.mark_stage_3(store, network_id, "   ")
    with pytest.raises(DomainError, match="fremtiden"):
        ap.mark_stage_3(
            store, network_id, "Fælles salgsselskab stiftet", utcnow().date() + dt.timedelta(days=2)
        )
    day = utcnow().date() - dt.timedelta(days=3)
    info = ap.mark_stage_3(
        store, network_id, "Fælles salgsselskab stiftet 1. marts; første ordre leveret.", day
    )
    assert info.is_stage_3 and info.stage_3_on == day
    with store.session() as s:
        n = s.get(Network, network_id)
        assert n is not None
        assert n.stage == Stage.STAGE_3 and n.stage_3_on == day
        assert n.stage_3_evidence.startswith("Fælles salgsselskab")
    with pytest.raises(DomainError, match="Trin 2"):
        ap.mark_stage_3(store, network_id, "igen")


def test_stage_3_needs_stage_2(store) -> None:
    ids = fill_demo(store)
    with pytest.raises(DomainError, match="Trin 2"):
        ap.mark_stage_3(store, ids["network:1"], "Et forretningsnetværk")
