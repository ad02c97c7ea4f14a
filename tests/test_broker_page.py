"""The broker's own page: bonuses expected and earned, networks per stage against the target."""

from __future__ import annotations

from mægler_app.domain.rules import BROKER_BONUS_ORE, TARGET_NETWORKS_PER_BROKER
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Network
from mægler_app.store.services import applications as svc
from mægler_app.store.services.broker import broker_page

from .test_application_service import _complete


def _submitted(store, network_id: str) -> str:
    app_id = svc.create_application(store, network_id)
    svc.save_draft(store, app_id, _complete(svc.get_application(store, app_id).draft))
    svc.submit(store, app_id)
    return app_id


def test_bonus_expected_then_earned(store) -> None:
    ids = fill_demo(store)
    page = broker_page(store)
    assert page.bonus_earned_ore == 0 and page.bonus_expected_ore == 0
    assert page.established == 2 and page.networks_by_stage["candidate"] == 1
    a1 = _submitted(store, ids["network:1"])
    a2 = _submitted(store, ids["network:2"])
    page = broker_page(store)
    assert page.bonus_expected_ore == 2 * BROKER_BONUS_ORE and page.awaiting_decision == 2
    svc.apply_decision(store, a1, "approved", "", utcnow())
    svc.apply_decision(store, a2, "rejected", "", utcnow())
    page = broker_page(store)
    assert page.bonus_earned_ore == BROKER_BONUS_ORE and page.bonus_expected_ore == 0
    assert page.approved == 1
    assert [(b.network, b.earned) for b in page.bonuses] == [
        ("Vindkraftleverandørerne Brande-Herning-Ikast", True)
    ]
    assert page.networks_by_stage["stage_2"] == 1 and page.networks_by_stage["stage_1"] == 1


def test_networks_against_the_target(store) -> None:
    low, high = TARGET_NETWORKS_PER_BROKER.low, TARGET_NETWORKS_PER_BROKER.high
    with store.session() as s:
        for i in range(low - 1):
            s.add(Network(name=f"Netværk {i}", stage="stage_1"))
        s.add(Network(name="Kandidat", stage="candidate"))
        s.add(Network(name="Lukket", stage="closed"))
    page = broker_page(store)
    assert page.established == low - 1 and page.target_gap == 1
    assert f"{low}–{high}" in page.target_status and "mangler 1" in page.target_status
    with store.session() as s:
        s.add(Network(name="Et til", stage="stage_3"))
    page = broker_page(store)
    assert page.target_gap == 0 and "inden for målet" in page.target_status
    with store.session() as s:
        for i in range(high - low + 1):
            s.add(Network(name=f"Ekstra {i}", stage="stage_2"))
    assert "over målet" in broker_page(store).target_status
