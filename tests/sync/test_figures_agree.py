"""The laptop's overview and the server's /stats give one figure for the same networks (issue 16,
part 5): both from ``domain.figures``, a network closed after trin 1 still counted on both sides."""

from __future__ import annotations

from typing import Any

from mægler_app.store.demo import fill_demo
from mægler_app.store.quick import figures
from mægler_app.store.services import networks as svc


def test_overview_and_stats_count_the_closed_network_alike(
    new_user: Any, laptop: Any, caseworker_api: Any
) -> None:
    a = laptop(new_user())
    ids = fill_demo(a.store)
    first = a.sync()
    assert first.complete and first.rejected == 0, first.messages
    svc.close_network(a.store, ids["network:2"], "companies_withdrew", "Virksomhederne trak sig")
    assert a.sync().complete

    here = figures(a.store.profile)
    assert here.networks_by_stage.get("closed") == 1
    stats = caseworker_api.request("GET", "/stats").json()
    there = next(b for b in stats["brokers"] if b["user"]["username"] == a.username)
    assert there["figures"]["networks_by_stage"]["closed"] == 1
    # Two networks reached trin 1 (one closed since): the same on both sides.
    assert here.established == there["figures"]["networks"] == 2
