"""``maegler demo-data``: what it makes is what a broker can make offline, so a fresh server takes all of it."""

from __future__ import annotations

from typing import Any

from mægler_app.store.demo import generate


def test_demo_data_syncs_to_a_fresh_server_with_nothing_rejected(new_user: Any, laptop: Any) -> None:
    broker = laptop(new_user("broker"))
    for _ in generate(broker.store, 0.02, seed=3):
        pass
    report = broker.sync()
    assert report.rejected == 0, report.messages[:5]
    assert report.conflicts == 0
    assert report.complete
    assert report.applied > 200
