"""/stats?effects=true over real HTTP on SQLite and PostgreSQL (issue 19): a broker's key figures
and baseline year count for the network that reached trin 1; a baseline year out of range is
refused by the schema, like any field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .conftest import change, network_at_stage_1

MIO = 1_000_000 * 100


def test_stats_effects_count_figures_against_the_baseline(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids = network_at_stage_1(a)
    year = dt.datetime.now(dt.UTC).year
    first, second, third = ids["companies"][:3]
    figures = [
        change("effect_measurement", {"company_id": first, "year": year - 3, "turnover_ore": 100 * MIO}),
        change("effect_measurement", {"company_id": first, "year": year - 1, "turnover_ore": 121 * MIO}),
        change("effect_measurement", {"company_id": second, "year": year - 3, "turnover_ore": 100 * MIO}),
        change("effect_measurement", {"company_id": second, "year": year - 1, "turnover_ore": 120 * MIO}),
    ]
    baselines = [change("company", {"baseline_year": year - 3}, id=c, base=1) for c in (first, second)]
    results = a.push(*figures, *baselines)
    assert all(r["status"] == "applied" for r in results), results
    refused = a.push(change("company", {"baseline_year": 1850}, id=third, base=1))[0]
    assert refused["status"] == "rejected" and "Basisår" in str(refused["error"])
    assert a.get("/stats").status_code == 403  # a broker sees no programme figures
    body = cw.get("/stats", params={"effects": "true"}).json()
    effects = body["effects"]
    total = effects["total"]
    assert total["companies"] >= 3
    net = effects["networks"][ids["network"]]
    turnover = net["metrics"]["turnover_ore"]
    # first: exactly 10 % a year over two years, met; second: 9,54 % a year, not met; third: uden tal
    assert (turnover["companies"], turnover["without_figures"], turnover["met"]) == (2, 1, 1)
    assert turnover["met_share_bp"] == 5000
    assert turnover["median_cagr_bp"] == (1000 + 954) // 2
    assert "effects" not in cw.get("/stats").json()
