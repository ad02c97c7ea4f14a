"""Caseworkers decide on submitted applications; the broker pulls the decision; stats count it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mægler_app.domain.rules import BROKER_BONUS_ORE, TARGETS_PROGRAMME

from .conftest import build_network, change, network_at_stage_1, submitted_data


def submitted_application(api: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    ids = network_at_stage_1(api)
    app = change("application", submitted_data(ids["network"], consultant_hours=250, period_months=9))
    assert api.push(app)[0]["status"] == "applied"
    return ids, app


def test_approval_reaches_the_broker_by_pull(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids, app = submitted_application(a)
    checkpoint = a.get("/sync/pull", params={"since": 0}).json()["next_since"]
    r = cw.post(
        f"/applications/{app['id']}/decision", json={"decision": "approved", "comment": "Fint arbejde"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2
    pulled = a.get("/sync/pull", params={"since": checkpoint}).json()["changes"]
    by_key = {(c["entity"], c["id"]): c for c in pulled}
    decided = by_key[("application", app["id"])]["data"]
    assert decided["status"] == "approved"
    assert decided["decision"] == "approved"
    assert decided["decision_comment"] == "Fint arbejde"
    assert decided["bonus_ore"] == BROKER_BONUS_ORE
    assert dt.datetime.fromisoformat(decided["decided_at"]).tzinfo is not None
    network = by_key[("network", ids["network"])]
    assert network["data"]["stage"] == "stage_2"
    # The move is added to the network's history, at the decision's time.
    last_move = network["data"]["stage_history"][-1]
    assert last_move["stage"] == "stage_2"
    assert dt.datetime.fromisoformat(last_move["at"]) == dt.datetime.fromisoformat(
        decided["decided_at"]
    ).replace(microsecond=0)
    assert network["version"] == 3
    # A second decision on the same application: 409.
    again = cw.post(f"/applications/{app['id']}/decision", json={"decision": "rejected", "comment": "Nej"})
    assert again.status_code == 409
    assert again.json()["error"] == "conflict"
    # A stale broker edit of the stage now conflicts with the server's change.
    r2 = a.push(change("network", {"stage": "application"}, id=ids["network"], base=2))
    assert r2[0]["status"] == "conflict"
    assert r2[0]["server"]["data"]["stage"] == "stage_2"


def test_rejection_sends_the_network_back_to_stage_1(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids, app = submitted_application(a)
    r = cw.post(
        f"/applications/{app['id']}/decision", json={"decision": "rejected", "comment": "Mangler budget"}
    )
    assert r.status_code == 200
    seen = a.pull_all()
    assert seen[("application", app["id"])]["data"]["bonus_ore"] == 0
    assert seen[("application", app["id"])]["data"]["status"] == "rejected"
    assert seen[("network", ids["network"])]["data"]["stage"] == "stage_1"


def test_decision_on_a_draft_is_409_and_bad_bodies_422(make_user: Any) -> None:
    a, cw = make_user(), make_user("caseworker")
    ids = build_network(a)
    draft = change("application", {"network_id": ids["network"], "status": "draft"})
    a.push(draft)
    r = cw.post(f"/applications/{draft['id']}/decision", json={"decision": "approved", "comment": ""})
    assert r.status_code == 409
    assert "indsendt" in r.json()["detail"]
    assert cw.post(f"/applications/{draft['id']}/decision", json={"decision": "maybe"}).status_code == 422
    assert a.pull_all()[("application", draft["id"])]["version"] == 1


def test_stats_per_broker_and_total(make_user: Any) -> None:
    a, b, cw = make_user(), make_user(), make_user("caseworker")
    ids, app = submitted_application(a)
    satisfaction = [
        change(
            "satisfaction",
            {
                "company_id": ids["companies"][i],
                "network_id": ids["network"],
                "score": s,
                "occasion": "stage_2",
                "answered_on": "2025-06-01",
            },
        )  # fmt: skip
        for i, s in enumerate((5, 4, 2))
    ]
    assert all(r["status"] == "applied" for r in a.push(*satisfaction))
    build_network(b)  # a candidate network of B's
    cw.post(f"/applications/{app['id']}/decision", json={"decision": "approved", "comment": ""})
    r = cw.get("/stats")
    assert r.status_code == 200
    body = r.json()
    brokers = {entry["user"]["id"]: entry for entry in body["brokers"]}
    assert brokers[a.id]["user"] == {"id": a.id, "username": a.user["username"], "display_name": ""}
    fa = brokers[a.id]["figures"]
    assert fa["companies_screened"] == 3
    assert fa["networks"] == 1
    assert fa["networks_by_stage"]["stage_2"] == 1
    assert fa["action_plans"] == 1
    assert fa["satisfaction"]["responses"] == 3
    assert fa["satisfaction"]["percent"] == 66.7
    assert fa["satisfaction"]["met"] is False
    fb = brokers[b.id]["figures"]
    assert (fb["networks"], fb["networks_by_stage"]["candidate"], fb["action_plans"]) == (0, 1, 0)
    year = str(dt.datetime.now(dt.UTC).year)
    assert brokers[a.id]["by_year"][year]["figures"]["action_plans"] == 1
    total = body["total"]
    assert total["figures"]["action_plans"] >= 1
    assert total["targets"]["action_plans"]["low"] == TARGETS_PROGRAMME["action_plans"].low
    assert "networks_per_broker" in brokers[a.id]["targets"]
    assert (
        total["by_year"][year]["targets"]["networks"]["value"]
        == total["by_year"][year]["figures"]["networks"]
    )
