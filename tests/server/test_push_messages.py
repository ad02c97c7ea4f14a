"""A push refused by a rule reads the same as on the laptop: the server renders the rule's message from
the one catalogue, and the answer carries its code and parameters (protocol version 2's ``message``)."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.application import PERSPECTIVES
from mægler_app.domain.messages import Msg, answer_messages, render_all
from mægler_app.domain.rules import CONSULTANT_HOURS_MAX, CONSULTANT_HOURS_MIN, FACILITATION_FRAME_ORE
from mægler_app.domain.stages import NetworkFacts, Stage, missing_for
from mægler_app.domain.validation import BudgetCheck, check_hours

from .conftest import build_network, change, company_data, network_at_stage_1


def one(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


def test_a_refused_stage_move_carries_the_same_message_the_laptop_shows(make_user: Any) -> None:
    a = make_user()
    small = build_network(a, independent=2, knowledge=3)
    r = one(a.push(change("network", {"stage": "screened"}, id=small["network"], base=1)))
    # What the app's stage machine says about the same network (facts computed by the same function).
    laptop = missing_for(
        Stage.CANDIDATE, Stage.SCREENED, NetworkFacts(independent_companies=2, knowledge_institutions=3)
    )
    assert r["status"] == "rejected"
    assert (
        r["error"]
        == render_all(laptop)
        == (
            "Netværket har 2 uafhængige virksomheder; der skal være mindst 3. "
            "Netværket har 3 videninstitutioner; der må højst være 2. "
            "En afsluttet screening mangler."
        )
    )
    assert r["message"] == {"code": "too_few_companies", "params": {"count": 2, "minimum": 3}}
    assert r["messages"] == [m.as_json() for m in laptop]
    assert answer_messages(r) == laptop


def test_cap_hours_cvr_and_stage_refusals_carry_their_codes(make_user: Any) -> None:
    a = make_user()
    net = build_network(a)["network"]
    hours = CONSULTANT_HOURS_MAX + 1
    results = a.push(
        change(
            "expense",
            {
                "description": "Forplejning",
                "network_id": net,
                "spent_on": "2026-12-01",
                "amount_ore": FACILITATION_FRAME_ORE + 1,
                "receipt_sha256": "ab" * 32,
            },
        ),
        change("application", {"network_id": net, "consultant_hours": hours}),
        change("company", company_data(cvr="12345678")),
        change("network", {"stage": "trin1"}, id=net, base=1),
        change("application", {"network_id": net, "consultant_hours": 250.5}),
    )
    assert [r["status"] for r in results] == ["rejected"] * 5
    cap, app, cvr, stage, whole = results
    over = BudgetCheck(spent_ore=0, new_ore=FACILITATION_FRAME_ORE + 1).message()
    assert over is not None and cap["message"] == over.as_json() and cap["error"] == str(over)
    assert app["message"] == {
        "code": "hours_out_of_range",
        "params": {"hours": hours, "minimum": CONSULTANT_HOURS_MIN, "maximum": CONSULTANT_HOURS_MAX},
    }
    assert (
        app["error"]
        == str(check_hours(hours)[0])
        == "Konsulenttimerne skal være mellem 200 og 450; der står 451."
    )
    assert cvr["message"] == {"code": "cvr_bad_checksum", "params": {"text": "12345678"}}
    assert cvr["error"] == "»12345678« er ikke et gyldigt CVR-nummer: kontrolcifferet passer ikke."
    # an unknown stage (version 1's value): refused by the network's schema before the stage rules
    assert stage["message"] == Msg.SCHEMA_UNKNOWN_VALUE(field="stage", label="Fase", value="trin1").as_json()
    assert stage["error"] == "Feltet »Fase« kan ikke have værdien »trin1«."
    # not a whole number: refused by the record's schema before the rules (domain/schema.py)
    assert whole["message"] == {
        "code": "schema_not_a_whole_number",
        "params": {"field": "consultant_hours", "label": "Konsulenttimer", "value": "250.5"},
    }
    assert "messages" not in cap  # one reason: ``message`` alone


def test_a_submit_without_figures_names_each_missing_figure(make_user: Any) -> None:
    a = make_user()
    net = network_at_stage_1(a)["network"]
    app = change(
        "application", {"network_id": net, "consultant_by_vaeksthus": True, "hourly_rate_ore": 95_000}
    )
    one(a.push(app))
    perspectives = {k: "Beskrevet." for k in PERSPECTIVES}
    r = one(a.push(change("application", {"status": "submitted", **perspectives}, id=app["id"], base=1)))
    assert [m["code"] for m in r["messages"]] == [
        "application_cannot_submit",
        "hours_missing",
        "months_missing",
    ]
    assert r["error"] == (
        "Ansøgningen kan ikke indsendes: Angiv antal konsulenttimer. Angiv forløbets længde i måneder."
    )


def test_the_push_own_refusals_carry_their_codes_too(make_user: Any) -> None:
    """Not rules of the programme, but every refusal of a push says why with a code."""
    a, other, caseworker = make_user(), make_user(), make_user("caseworker")
    unknown = one(a.push(change("screening_v9", {})))
    c = change("company", company_data(name="Første"))
    one(a.push(c))
    reused = one(a.push(dict(c, data={**c["data"], "name": "Anden"})))
    ahead = one(a.push(change("company", {"name": "Ny"}, id=c["id"], base=5)))
    missing = one(a.push(change("company", {"name": "Ny"}, base=3)))
    foreign = one(other.push(change("company", {"name": "Min"}, id=c["id"], base=1)))
    by_caseworker = one(caseworker.push(change("company", company_data(name="Sag"))))
    found = {
        "unknown": unknown,
        "reused": reused,
        "ahead": ahead,
        "missing": missing,
        "foreign": foreign,
        "caseworker": by_caseworker,
    }
    assert {k: r["status"] for k, r in found.items()} == dict.fromkeys(found, "rejected")
    assert unknown["message"] == {"code": "push_entity_unknown", "params": {"entity": "screening_v9"}}
    assert unknown["error"] == "Serveren kender ikke posttypen »screening_v9«."
    assert reused["message"]["code"] == "push_change_id_reused"
    assert ahead["message"] == {
        "code": "push_base_version_ahead",
        "params": {"base_version": 5, "version": 1},
    }
    assert ahead["error"] == "Ændringen bygger på version 5, men serveren har kun version 1."
    assert missing["message"] == foreign["message"] == {"code": "push_record_not_found", "params": {}}
    assert foreign["error"] == "Posten findes ikke, eller du har ikke adgang til den."
    assert by_caseworker["message"]["code"] == "push_by_caseworker"
    for r in found.values():
        assert r["error"] == render_all(answer_messages(r)), r


def test_a_refusal_carries_codes_only_when_every_reason_has_one() -> None:
    from mægler_app.server.push import PushStatus, RejectedError, result

    coded = RejectedError(Msg.HOURS_MISSING(), Msg.MONTHS_MISSING())
    answer = result("c1", PushStatus.REJECTED, error=str(coded), messages=coded.messages)
    assert answer["error"] == "Angiv antal konsulenttimer. Angiv forløbets længde i måneder."
    assert [m["code"] for m in answer["messages"]] == ["hours_missing", "months_missing"]
    mixed = RejectedError(Msg.HOURS_MISSING(), "En tekst uden kode.")
    answer = result("c2", PushStatus.REJECTED, error=str(mixed), messages=mixed.messages)
    assert answer["error"] == "Angiv antal konsulenttimer. En tekst uden kode."
    assert "message" not in answer and "messages" not in answer
