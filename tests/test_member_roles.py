"""A member's role follows the company: a knowledge institution's own flag decides, never a stale hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.rules import KNOWLEDGE_ROLE, MEMBER_ROLE, member_role
from mægler_app.store.models import Company, Membership
from mægler_app.store.services import networks as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow

from .forms_fixtures import make_network

LEAD_ROLE = "lead"


def _companies(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {}
    with store.session() as s:
        for i, (name, knowledge) in enumerate((("Aarhus Universitet", True), ("Skive Staal ApS", False))):
            c = Company(cvr=make_valid_cvr(71000 + i * 13), name=name, is_knowledge_institution=knowledge)
            s.add(c)
            ids[name] = c.id
    return ids


def _role(store, network_id: str, company_id: str) -> str:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return s.scalars(
            select(Membership.role).where(
                Membership.network_id == network_id,
                Membership.company_id == company_id,
                Membership.deleted.is_(False),
            )
        ).one()


def _panel(qtbot, store, network_id: str):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_view("netvaerk").open_network(network_id).members
    assert panel is not None
    return panel


def test_the_role_follows_the_hit_that_is_left(qtbot, store) -> None:
    network_id, _, _ = make_network(store)
    ids = _companies(store)
    panel = _panel(qtbot, store, network_id)
    qtbot.keyClicks(panel.search, "S")
    assert panel.hits.currentItem().data(Qt.ItemDataRole.UserRole) == ids["Aarhus Universitet"]
    assert panel.add_role.currentData() == KNOWLEDGE_ROLE
    qtbot.keyClicks(panel.search, "kive")  # only the ApS is left
    assert panel.hits.count() == 1
    assert panel.hits.currentItem().data(Qt.ItemDataRole.UserRole) == ids["Skive Staal ApS"]
    assert panel.add_role.currentData() == MEMBER_ROLE
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert _role(store, network_id, ids["Skive Staal ApS"]) == MEMBER_ROLE
    composition = svc.composition(store, network_id)
    assert (composition.independent, composition.knowledge) == (4, 0)


def test_the_role_box_offers_only_what_the_company_can_be(qtbot, store) -> None:
    network_id, _, _ = make_network(store)
    ids = _companies(store)
    panel = _panel(qtbot, store, network_id)
    knowledge_index = panel.add_role.findData(KNOWLEDGE_ROLE)
    qtbot.keyClicks(panel.search, "Skive")
    # Not a knowledge institution: the broker cannot pick the knowledge role for it.
    assert not panel.add_role.model().item(knowledge_index).isEnabled()
    panel.add_role.setCurrentIndex(panel.add_role.findData(LEAD_ROLE))
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Aarhus")
    assert panel.add_role.currentData() == KNOWLEDGE_ROLE and not panel.add_role.isEnabled()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert _role(store, network_id, ids["Aarhus Universitet"]) == KNOWLEDGE_ROLE


def test_the_service_decides_the_role_from_the_company(store) -> None:
    network_id, _, _ = make_network(store)
    ids = _companies(store)
    # Whatever the caller says, the company's own flag decides knowledge or not.
    svc.add_member(store, network_id, ids["Skive Staal ApS"], KNOWLEDGE_ROLE)
    assert _role(store, network_id, ids["Skive Staal ApS"]) == MEMBER_ROLE
    svc.add_member(store, network_id, ids["Aarhus Universitet"], MEMBER_ROLE)
    assert _role(store, network_id, ids["Aarhus Universitet"]) == KNOWLEDGE_ROLE
    # The broker still chooses between lead and member for a company.
    members = {m.company_id: m for m in svc.members(store, network_id)}
    svc.update_member(store, members[ids["Skive Staal ApS"]].id, LEAD_ROLE, "")
    assert _role(store, network_id, ids["Skive Staal ApS"]) == LEAD_ROLE
    svc.update_member(store, members[ids["Skive Staal ApS"]].id, KNOWLEDGE_ROLE, "")
    assert _role(store, network_id, ids["Skive Staal ApS"]) == MEMBER_ROLE
    svc.update_member(store, members[ids["Aarhus Universitet"]].id, LEAD_ROLE, "")
    assert _role(store, network_id, ids["Aarhus Universitet"]) == KNOWLEDGE_ROLE


@pytest.mark.parametrize(
    ("requested", "knowledge", "expected"),
    [
        (MEMBER_ROLE, False, MEMBER_ROLE),
        (LEAD_ROLE, False, LEAD_ROLE),
        (KNOWLEDGE_ROLE, False, MEMBER_ROLE),
        (MEMBER_ROLE, True, KNOWLEDGE_ROLE),
        (LEAD_ROLE, True, KNOWLEDGE_ROLE),
        (KNOWLEDGE_ROLE, True, KNOWLEDGE_ROLE),
    ],
)
def test_member_role_rule(requested: str, knowledge: bool, expected: str) -> None:
    assert member_role(requested, is_knowledge_institution=knowledge) == expected
