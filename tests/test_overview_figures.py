"""The overview's established networks: the programme's figure from its history (issue 16, part 5).

A network closed after it reached trin 1 still counts, on the overview and on the broker page, and
both show what ``domain.figures.programme_figures`` counts for the same networks (as /stats does).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from mægler_app.domain.figures import danish_year, programme_figures
from mægler_app.domain.rules import TARGET_NETWORKS_PER_BROKER
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Network
from mægler_app.store.quick import network_view
from mægler_app.store.services.broker import broker_page
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow

REACHED_STAGE_1 = {"stage_1", "application", "stage_2", "stage_3"}


def _window(qtbot, store) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _stored_networks(store):  # type: ignore[no-untyped-def]
    with store.session() as s:
        return list(s.scalars(select(Network).where(Network.deleted.is_(False))))


def _expected(store) -> tuple[int, int, int]:
    """(networks that reached trin 1, of them this year, not closed), read from the stored histories."""
    year = danish_year(utcnow())
    ever = this_year = active = 0
    for n in _stored_networks(store):
        active += n.stage != "closed"
        firsts = [m["at"] for m in n.stage_history if m["stage"] in REACHED_STAGE_1]
        if firsts:
            ever += 1
            this_year += danish_year(dt.datetime.fromisoformat(firsts[0])) == year
    return ever, this_year, active


def test_a_network_closed_after_stage_1_still_counts_on_the_overview(qtbot, store) -> None:
    ids = fill_demo(store)
    window = _window(qtbot, store)
    before = _expected(store)
    assert before[0] == 2 and before[2] == 3  # the demo: two networks at trin 1, one candidate

    # Close a trin 1 network on its page, as the broker does.
    view = window.show_view("netvaerk")
    page = view.open_network(ids["network:2"])
    qtbot.mouseClick(page.close_toggle, Qt.MouseButton.LeftButton)
    page.close_reason.setCurrentIndex(page.close_reason.findData("companies_withdrew"))
    qtbot.keyClicks(page.close_text, "Virksomhederne trak sig")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    closed = {n.id: n for n in _stored_networks(store)}[ids["network:2"]]
    assert closed.stage == "closed" and closed.stage_history[-1]["stage"] == "closed"

    overview = window.show_view("overblik")
    overview.reload()
    ever, this_year, active = _expected(store)
    assert (ever, active) == (2, 2)
    assert overview.card_networks.value.text() == "2"  # one fewer active network
    assert overview.card_established.title.text() == "Etablerede netværk"
    assert overview.card_established.value.text() == "2"  # the closed one still counts
    target = TARGET_NETWORKS_PER_BROKER
    note = f"Mål: {target.low}–{target.high} netværk pr. mægler · {this_year} i år"
    assert overview.card_established.note.text() == note

    # The same figure the programme's function gives for these networks (what /stats would say),
    # and the broker page's count against the 12-19.
    views = [
        network_view(n.id, n.owner_id, n.deleted, n.stage, n.stage_history, n.stage_changed_at, n.updated_at)
        for n in _stored_networks(store)
    ]
    assert programme_figures(views)["total"]["figures"]["networks"] == ever
    page_figures = broker_page(store)
    assert page_figures.established == ever and page_figures.networks_by_stage["closed"] == 1
    window.ctx.pool.waitForDone()
    window.ctx.close()
