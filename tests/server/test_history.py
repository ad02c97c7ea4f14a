"""Who changed which field of which record, and when (issue 22 item 2): over real HTTP on both
databases, and through ``maegler-server history``."""

from __future__ import annotations

from typing import Any

from .conftest import build_network, change, network_at_stage_1, run_cli, submitted_data


def history(api: Any, entity: str, record_id: str, **params: Any) -> list[dict[str, Any]]:
    r = api.get(f"/history/{entity}/{record_id}", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["entity"], body["id"]) == (entity, record_id)
    return list(body["changes"])


def test_each_change_names_its_fields_its_user_and_its_time(make_user: Any) -> None:
    broker, cw = make_user(), make_user("caseworker")
    ids = build_network(broker)
    net = ids["network"]
    assert (
        broker.push(change("network", {"name": "Metal & Mere", "goals": "Eksport"}, id=net, base=1))[0][
            "status"
        ]
        == "applied"
    )
    # refused and replayed changes leave no trace
    refused = broker.push(change("network", {"stage": "stage_3"}, id=net, base=2))
    assert refused[0]["status"] == "rejected"
    again = change("network", {"core_task": "Fælles indkøb"}, id=net, base=2)
    assert broker.push(again)[0]["status"] == "applied"
    assert broker.push(again)[0]["status"] == "duplicate"

    changes = history(cw, "network", net)
    assert [(c["version"], c["kind"]) for c in changes] == [(3, "changed"), (2, "changed"), (1, "created")]
    assert changes[0]["fields"] == ["core_task"]
    assert changes[1]["fields"] == ["goals", "name"]
    assert "stage" in changes[2]["fields"] and changes[2]["shown"] == {"stage": "candidate"}
    # names of fields only, never their values, unless the field is one the history shows
    assert "Metal & Mere" not in str(changes)
    assert {c["user"]["username"] for c in changes} == {broker.user["username"]}
    assert all(c["user"]["role"] == "broker" and c["at"].endswith("+00:00") for c in changes)
    times = [c["at"] for c in changes]
    assert times == sorted(times, reverse=True)

    # a network's records too, when asked
    both = history(cw, "network", net, children="true")
    assert {c["entity"] for c in both} == {"network", "membership"}
    assert len([c for c in both if c["entity"] == "membership"]) == len(ids["members"])


def test_a_decision_is_in_the_history_by_the_caseworker(make_user: Any) -> None:
    broker, cw = make_user(), make_user("caseworker")
    ids = network_at_stage_1(broker)
    app = change("application", submitted_data(ids["network"]))
    assert broker.push(app)[0]["status"] == "applied"
    r = cw.post(f"/applications/{app['id']}/decision", json={"decision": "approved", "comment": "Godt"})
    assert r.status_code == 200, r.text
    decided = history(cw, "application", app["id"])
    assert decided[0]["kind"] == "decided" and decided[0]["user"]["username"] == cw.user["username"]
    assert decided[0]["shown"]["status"] == "approved" and decided[0]["shown"]["bonus_ore"] == 15_000_00
    assert "decision_comment" in decided[0]["fields"] and "Godt" not in str(decided[0])
    assert decided[1]["kind"] == "created" and decided[1]["user"]["username"] == broker.user["username"]
    moves = [(c["kind"], c["shown"].get("stage")) for c in history(cw, "network", ids["network"])]
    assert moves[0] == ("decided", "stage_2")
    assert ("changed", "stage_1") in moves


def test_only_caseworkers_read_histories_and_unknown_records_are_404(make_user: Any) -> None:
    broker, cw = make_user(), make_user("caseworker")
    net = build_network(broker)["network"]
    assert broker.get(f"/history/network/{net}").status_code == 403
    assert cw.get("/history/network/findes-ikke").status_code == 404
    assert cw.get(f"/history/bogus/{net}").status_code == 404
    assert cw.get(f"/history/network/{net}", params={"limit": 0}).status_code == 422


def test_the_command_line_tells_the_history_in_danish(make_user: Any, server: Any) -> None:
    broker = make_user()
    net = build_network(broker)["network"]
    assert broker.push(change("network", {"name": "Nyt navn"}, id=net, base=1))[0]["status"] == "applied"
    done = run_cli("history", "network", net, db=server.db_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert "v1" in lines[1] and "Netværk oprettet" in lines[1] and broker.user["username"] in lines[1]
    assert "UTC" in lines[0] and "v2" in lines[0] and "Netværk ændret: Navn" in lines[0]
    children = run_cli("history", "network", net, "--children", db=server.db_url)
    assert "Medlemskab oprettet" in children.stdout
    missing = run_cli("history", "network", "findes-ikke", db=server.db_url)
    assert missing.returncode == 1 and "ingen" in missing.stderr
    unknown = run_cli("history", "hest", net, db=server.db_url)
    assert unknown.returncode == 1 and "Ukendt posttype" in unknown.stderr
