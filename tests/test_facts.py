"""A network's facts from its records (domain.facts), the moves a push may make, and the laptop using
the same function the server does."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mægler_app.domain.facts import member_counts, network_facts, pushed_move_problems
from mægler_app.domain.record_rules import (
    cvr_twin,
    decision_problems,
    expense_receipt_problems,
    screening_frozen_problems,
)
from mægler_app.domain.rules import RECEIPT_REQUIRED_ABOVE_ORE
from mægler_app.domain.stages import NetworkFacts, Stage
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Membership
from mægler_app.store.services import applications as svc
from mægler_app.store.services import stage as stage_service

from .test_application_service import _complete

COMPANIES = {
    "a": {"id": "a"},
    "b": {"id": "b"},
    "c": {"id": "c", "is_knowledge_institution": True},
    "d": {"id": "d", "deleted": True},
    "e": {"id": "e"},
}


def test_members_count_live_companies_once_and_knowledge_by_flag_or_role() -> None:
    members = [
        {"company_id": "a"},
        {"company_id": "a"},  # twice in the network: one company
        {"company_id": "b", "role": "knowledge"},
        {"company_id": "c"},
        {"company_id": "d"},  # its company is deleted
        {"company_id": "e", "deleted": True},
        {"company_id": "x"},  # no such company
    ]
    assert member_counts(members, COMPANIES) == (1, 2)


def test_facts_take_the_newest_final_screening_and_the_newest_revision() -> None:
    screenings = [
        {"status": "final", "verdict": "passed", "finalized_at": "2026-01-01T09:00:00+00:00"},
        {"status": "final", "verdict": "not_passed", "finalized_at": "2026-02-01T09:00:00+00:00"},
        {"status": "draft", "verdict": "passed"},
        {
            "status": "final",
            "verdict": "passed",
            "finalized_at": "2026-03-01T09:00:00+00:00",
            "deleted": True,
        },
    ]
    facts = network_facts({}, [], {}, screenings, [])
    assert (facts.screening_final, facts.screening_passed) == (True, False)
    rejected = [{"revision": 1, "status": "rejected"}]
    facts = network_facts({"stage_3_evidence": "Ordre"}, [], {}, [], rejected)
    assert (facts.application_submitted, facts.application_rejected) == (False, True)
    assert facts.stage_3_evidence == "Ordre"
    again = [*rejected, {"revision": 2, "status": "submitted"}]
    facts = network_facts({}, [], {}, [], again)
    assert (facts.application_submitted, facts.application_rejected) == (True, False)


PASSED = NetworkFacts(independent_companies=3, screening_final=True, screening_passed=True)


def test_a_push_may_carry_moves_made_offline_but_never_a_decisions() -> None:
    assert pushed_move_problems(Stage.CANDIDATE, Stage.STAGE_1, PASSED) == []
    submitted = NetworkFacts(**{**PASSED.__dict__, "application_submitted": True})
    assert pushed_move_problems(Stage.CANDIDATE, Stage.APPLICATION, submitted) == []
    [why] = pushed_move_problems(Stage.CANDIDATE, Stage.APPLICATION, PASSED)
    assert str(why) == "Ansøgningen om handlingsplan er ikke indsendt."
    approved = NetworkFacts(**{**submitted.__dict__, "application_approved": True})
    for target in (Stage.STAGE_2, Stage.STAGE_1):
        [why] = pushed_move_problems(Stage.APPLICATION, target, approved)
        assert str(why).startswith("Kun Væksthus' afgørelse")
    [why] = pushed_move_problems(Stage.STAGE_1, Stage.STAGE_3, approved)
    assert str(why).startswith("Kun Væksthus' afgørelse")
    # A move the stage machine knows keeps its own reasons.
    [why] = pushed_move_problems(Stage.CANDIDATE, Stage.STAGE_1, NetworkFacts(independent_companies=3))
    assert str(why) == "Netværket skal have bestået screeningen."


def test_record_rules() -> None:
    assert screening_frozen_problems({"status": "draft"}, {"answers": {}}) == []
    final = {"status": "final", "verdict": "passed", "answers": {"a": 1}}
    assert screening_frozen_problems(final, {"answers": {"a": 1}, "verdict": "passed"}) == []
    assert screening_frozen_problems(final, {"status": "draft"})
    over = RECEIPT_REQUIRED_ABOVE_ORE + 1
    assert expense_receipt_problems(over, "final", "")
    assert expense_receipt_problems(over, None, None)
    assert expense_receipt_problems(over, "draft", "") == []
    assert expense_receipt_problems(over, "final", "ab" * 32) == []
    assert expense_receipt_problems(RECEIPT_REQUIRED_ABOVE_ORE, "final", "") == []
    assert decision_problems("rejected", "  ") and decision_problems("approved", "") == []
    register = [{"id": "1", "cvr": "12345678"}, {"id": "2", "cvr": "87654321", "deleted": True}]
    assert cvr_twin("12345678", "3", register) == register[0]
    assert cvr_twin("12345678", "1", register) is None
    assert cvr_twin("87654321", "3", register) is None


@pytest.fixture
def demo(store):
    return fill_demo(store)


def test_the_laptops_facts_are_the_domains(store, demo) -> None:
    with store.session() as s:
        facts = stage_service.network_facts(s, demo["network:1"])
    assert facts.screening_passed and facts.independent_companies >= 3


def test_the_laptop_does_not_submit_for_a_network_that_lost_its_composition(store, demo) -> None:
    network = demo["network:1"]
    app_id = svc.create_application(store, network)
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    assert svc.get_application(store, app_id).can_submit
    with store.session() as s:
        members = s.scalars(select(Membership).where(Membership.network_id == network)).all()
        for m in members[: len(members) - 2]:
            m.deleted = True
    detail = svc.get_application(store, app_id)
    assert not detail.can_submit
    assert any("der skal være mindst 3" in b for b in detail.submit_blockers)
