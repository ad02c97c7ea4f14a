"""The application's rules, freeze, decision, bonus, stage moves and revisions, through the store."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mægler_app.domain.errors import DomainError
from mægler_app.domain.numbers import format_kr, parse_kr
from mægler_app.domain.rules import (
    BROKER_BONUS_ORE,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
)
from mægler_app.domain.stages import Stage
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Application, Network, OutboxEntry
from mægler_app.store.services import applications as svc
from mægler_app.store.services.broker import broker_page


def _complete(draft: svc.ApplicationDraft) -> svc.ApplicationDraft:
    draft.market_perspective = "Nye kunder i offshore og forsvar; fælles eksport til Tyskland."
    draft.economic_perspective = "Vækst i omsætning og eksport for alle tre virksomheder."
    draft.technology_perspective = "Fælles udvikling af nye svejste moduler med indbygget styring."
    draft.strategy_perspective = "Ledelsesudvikling og fælles forsknings- og udviklingsprojekt."
    draft.consultant_name = "Karen Møller"
    draft.consultant_firm = "Møller Strategi ApS"
    draft.consultant_hours = 300
    draft.hourly_rate_ore = parse_kr("950,00")
    draft.period_months = 6
    return draft


@pytest.fixture
def demo(store):
    return fill_demo(store)


@pytest.fixture
def draft_id(store, demo) -> str:
    app_id = svc.create_application(store, demo["network:1"])
    detail = svc.get_application(store, app_id)
    svc.save_draft(store, app_id, _complete(detail.draft))
    return app_id


def _stage(store, network_id: str) -> str:
    with store.session() as s:
        n = s.get(Network, network_id)
        assert n is not None
        return n.stage


def test_prefill_from_the_network(store, demo) -> None:
    pre = svc.network_prefill(store, demo["network:1"])
    assert pre.name == "Vindkraftleverandørerne Brande-Herning-Ikast"
    assert pre.network_type_label == "Komplementært"
    assert "vindmølleindustrien" in pre.core_task
    assert [m.name for m in pre.members][0] == "Brande Stålteknik ApS"  # the lead company first
    assert all(len(m.cvr) == 8 for m in pre.members) and len(pre.members) == 3
    assert pre.screening_passed
    assert pre.tentative_plan is not None and pre.tentative_plan.agenda == "Tentativ plan for samarbejdet"


@pytest.mark.parametrize(
    ("hours", "ok"),
    [
        (CONSULTANT_HOURS_MIN - 1, False),
        (CONSULTANT_HOURS_MIN, True),
        (CONSULTANT_HOURS_MAX, True),
        (CONSULTANT_HOURS_MAX + 1, False),
    ],
)
def test_hours_at_the_edges(store, draft_id, hours, ok) -> None:
    d = svc.get_application(store, draft_id).draft
    d.consultant_hours = hours
    detail = svc.save_draft(store, draft_id, d)
    assert (detail.problems["hours"] == []) is ok
    assert detail.can_submit is ok


@pytest.mark.parametrize(
    ("months", "ok"),
    [
        (PERIOD_MONTHS_MIN - 1, False),
        (PERIOD_MONTHS_MIN, True),
        (PERIOD_MONTHS_MAX, True),
        (PERIOD_MONTHS_MAX + 1, False),
    ],
)
def test_months_at_the_edges(store, draft_id, months, ok) -> None:
    d = svc.get_application(store, draft_id).draft
    d.period_months = months
    detail = svc.save_draft(store, draft_id, d)
    assert (detail.problems["months"] == []) is ok
    assert detail.can_submit is ok


def test_budget_split_equal_and_custom(store, draft_id) -> None:
    detail = svc.get_application(store, draft_id)
    b = detail.budget
    assert b.total_ore == 300 * parse_kr("950,00")
    assert b.company_share_ore == b.total_ore // 2
    assert [s.basis_points for s in b.shares] == [3334, 3333, 3333]
    assert sum(s.amount_ore or 0 for s in b.shares) == b.company_share_ore

    d = detail.draft
    d.split_mode = "custom"
    ids = [s.company_id for s in b.shares]
    d.split_basis_points = {ids[0]: 5000, ids[1]: 3000, ids[2]: 1900}  # 99 %
    detail = svc.save_draft(store, draft_id, d)
    assert detail.problems["split"] == ["Fordelingsnøglen skal give 100 % i alt; den giver 99 %."]
    assert not detail.can_submit
    assert all(s.amount_ore is None for s in detail.budget.shares)

    d.split_basis_points[ids[2]] = 2000  # 100 %
    detail = svc.save_draft(store, draft_id, d)
    assert detail.problems["split"] == []
    assert [s.amount_ore for s in detail.budget.shares] == [
        detail.budget.company_share_ore * 50 // 100,
        detail.budget.company_share_ore * 30 // 100,
        detail.budget.company_share_ore * 20 // 100,
    ]
    assert detail.can_submit


def test_only_stage_1_with_passed_screening_can_submit(store, demo) -> None:
    app_id = svc.create_application(store, demo["network:3"])  # candidate, no screening
    d = _complete(svc.get_application(store, app_id).draft)
    detail = svc.save_draft(store, app_id, d)
    assert not detail.can_submit
    assert any("Trin 1" in b for b in detail.submit_blockers)
    assert any("screeningen" in b for b in detail.submit_blockers)
    with pytest.raises(DomainError, match="kan ikke indsendes"):
        svc.submit(store, app_id)
    assert svc.get_application(store, app_id).status == "draft"


def test_a_failed_screening_blocks_submission_at_stage_1(store, demo) -> None:
    from mægler_app.store.models import Screening

    with store.session() as s:
        for sc in s.scalars(select(Screening).where(Screening.network_id == demo["network:2"])):
            sc.verdict = "not_passed"
    app_id = svc.create_application(store, demo["network:2"])
    detail = svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    assert detail.submit_blockers == [
        "Netværket skal have bestået screeningen, før ansøgningen kan indsendes."
    ]
    with pytest.raises(DomainError):
        svc.submit(store, app_id)


def test_submission_freezes_and_waits_in_the_outbox(store, demo, draft_id) -> None:
    detail = svc.submit(store, draft_id)
    assert detail.status == "submitted" and detail.submitted_at is not None
    assert detail.pending_send and detail.status_label == "Indsendt – afventer afsendelse"
    assert _stage(store, demo["network:1"]) == Stage.APPLICATION
    with store.session() as s:
        entry = s.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == draft_id, OutboxEntry.status == "pending")
        ).one()
        assert entry.data["status"] == "submitted"
    # frozen: a save is refused and nothing changes
    d = detail.draft
    d.consultant_hours = 400
    with pytest.raises(DomainError, match="kan ikke ændres"):
        svc.save_draft(store, draft_id, d)
    assert svc.get_application(store, draft_id).draft.consultant_hours == 300
    # once the sync has sent it, the label says so
    with store.session() as s:
        for e in s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == draft_id)):
            e.status = "sent"
    assert svc.get_application(store, draft_id).status_label == "Indsendt"


def test_frozen_application_keeps_its_companies(store, demo, draft_id) -> None:
    from mægler_app.store.models import Membership

    svc.submit(store, draft_id)
    with store.session() as s:
        m = s.scalars(select(Membership).where(Membership.network_id == demo["network:1"])).first()
        assert m is not None
        m.deleted = True
    detail = svc.get_application(store, draft_id)
    assert len(detail.budget.shares) == 3
    assert len(detail.network.members) == 3


def test_approval_arrives_bonus_and_stage_2(store, demo, draft_id) -> None:
    svc.submit(store, draft_id)
    with store.session() as s:
        before = s.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))
    when = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    detail = svc.apply_decision(store, draft_id, "approved", "Flot ansøgning.", when)
    assert detail.status == "approved" and detail.status_label == "Bevilget"
    assert detail.bonus_ore == BROKER_BONUS_ORE
    assert detail.decision_comment == "Flot ansøgning." and detail.decided_at == when
    assert _stage(store, demo["network:1"]) == Stage.STAGE_2
    with store.session() as s:
        after = s.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))
    assert after == before  # a decision from the server is never pushed back
    page = broker_page(store)
    assert page.bonus_earned_ore == BROKER_BONUS_ORE and page.bonus_expected_ore == 0
    assert page.networks_by_stage["stage_2"] == 1
    # the same decision again changes nothing
    again = svc.apply_decision(store, draft_id, "approved", "Flot ansøgning.", when)
    assert again.bonus_ore == BROKER_BONUS_ORE
    assert broker_page(store).bonus_earned_ore == BROKER_BONUS_ORE
    with pytest.raises(DomainError):
        svc.start_revision(store, draft_id)


def test_rejection_then_new_revision(store, demo, draft_id) -> None:
    svc.submit(store, draft_id)
    assert broker_page(store).bonus_expected_ore == BROKER_BONUS_ORE
    when = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
    detail = svc.apply_decision(store, draft_id, "rejected", "Budgettet er for løst beskrevet.", when)
    assert detail.status == "rejected" and detail.bonus_ore == 0 and detail.can_start_revision
    assert _stage(store, demo["network:1"]) == Stage.STAGE_1
    assert broker_page(store).bonus_earned_ore == 0

    new_id = svc.start_revision(store, draft_id)
    new = svc.get_application(store, new_id)
    assert new.revision == 2 and new.previous_id == draft_id and new.status == "draft"
    assert new.draft.consultant_name == "Karen Møller" and new.draft.consultant_hours == 300
    assert new.can_submit
    old = svc.get_application(store, draft_id)
    assert not old.is_latest and not old.can_start_revision
    with pytest.raises(DomainError, match="nyere version"):
        svc.start_revision(store, draft_id)
    svc.submit(store, new_id)
    assert _stage(store, demo["network:1"]) == Stage.APPLICATION
    svc.apply_decision(store, new_id, "approved", "", when + dt.timedelta(days=30))
    assert _stage(store, demo["network:1"]) == Stage.STAGE_2
    rows = svc.revisions(store, demo["network:1"])
    assert [(r.revision, r.status, r.is_latest) for r in rows] == [
        (1, "rejected", False),
        (2, "approved", True),
    ]


def test_decision_only_on_a_submitted_application(store, draft_id) -> None:
    when = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    with pytest.raises(DomainError, match="indsendt"):
        svc.apply_decision(store, draft_id, "approved", "", when)
    with pytest.raises(DomainError):
        svc.apply_decision(store, draft_id, "maybe", "", when)
    with store.session() as s:
        app = s.get(Application, draft_id)
        assert app is not None and app.bonus_ore == 0


def test_one_application_per_network(store, demo, draft_id) -> None:
    with pytest.raises(DomainError, match="allerede en ansøgning"):
        svc.create_application(store, demo["network:1"])
    choices = {c.network_id: c for c in svc.networks_without_application(store)}
    assert demo["network:1"] not in choices
    assert choices[demo["network:2"]].ready_to_submit
    assert not choices[demo["network:3"]].ready_to_submit


def test_list_rows(store, demo, draft_id) -> None:
    rows = svc.list_applications(store)
    assert len(rows) == 1
    r = rows[0]
    assert r.status_label == "Kladde" and r.hours == 300
    assert format_kr(r.total_ore or 0) == "285.000,00 kr."
