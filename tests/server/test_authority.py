"""The server is the programme's authority: a broker's raw push can do nothing the app refuses.

Every (from, to) stage pair is pushed over HTTP by a broker, from a network brought to its stage
the way the app brings it there (screening, application, Væksthus' decision), with the facts that
allow the move and with those that forbid it. Then the rules of DESIGN §2 that the server checks
on records (frozen screenings and their verdict, receipts, submissions, decisions, CVR numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from mægler_app.domain.cvr import format_cvr
from mægler_app.domain.rules import RECEIPT_REQUIRED_ABOVE_ORE
from mægler_app.domain.stages import STAGE_ORDER

from .conftest import Api, build_network, change, company_data, passed_screening, submitted_data

ALL = [str(s) for s in STAGE_ORDER]
CLOSE = {"closed_reason": "other", "closed_reason_text": "Virksomhederne stoppede."}


def one(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


@dataclass
class Net:
    """A broker's network on the server, with the version the broker holds of it."""

    api: Api
    ids: dict[str, Any]
    version: int = 1
    app: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.ids["network"])

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        return self.api.push(*changes)

    def must(self, *changes: dict[str, Any]) -> None:
        results = self.push(*changes)
        assert all(r["status"] == "applied" for r in results), results
        for ch, r in zip(changes, results, strict=True):
            if ch["entity"] == "network":
                self.version = r["version"]

    def move(self, stage: str, **extra: Any) -> dict[str, Any]:
        r = one(self.push(change("network", {"stage": stage, **extra}, id=self.id, base=self.version)))
        if r["status"] == "applied":
            self.version = r["version"]
        return r

    def screen(self, *, passed: bool = True) -> None:
        self.must(passed_screening(self.id, self.ids["companies"], passed=passed))

    def submit(self) -> None:
        self.app = change("application", submitted_data(self.id))
        self.must(self.app)


def at(api: Api, caseworker: Api, variant: str) -> Net:
    """A network brought to ``variant``'s stage through the pushes (and decisions) the app makes."""
    net = Net(api, build_network(api))
    if variant == "candidate":
        return net
    if variant == "candidate, screening passed":
        net.screen()
        return net
    if variant == "screened, screening not passed":
        net.screen(passed=False)
        assert net.move("screened")["status"] == "applied"
        return net
    if variant == "closed":
        assert net.move("closed", **CLOSE)["status"] == "applied"
        return net
    net.screen()
    assert net.move("stage_1")["status"] == "applied"
    if variant == "stage_1":
        return net
    net.submit()
    if variant == "stage_1, application submitted":
        return net
    assert net.move("application")["status"] == "applied"
    if variant == "application":
        return net
    r = caseworker.post(
        f"/applications/{net.app['id']}/decision", json={"decision": "approved", "comment": ""}
    )
    assert r.status_code == 200, r.text
    net.version += 1  # the decision moved the network to trin 2
    if variant == "stage_2":
        return net
    assert net.move("stage_3", stage_3_evidence="Fælles ordre fra Vestas")["status"] == "applied"
    assert variant == "stage_3", variant
    return net


# variant → {target: None (accepted) or a piece of the Danish reason}. Targets left out of a row are
# refused with the text of ``OTHERWISE``; the network's own stage is no move and is not pushed.
NOT_FINAL = "En afsluttet screening mangler"
NOT_PASSED = "Netværket skal have bestået screeningen"
NOT_SUBMITTED = "Ansøgningen om handlingsplan er ikke indsendt"
DECISION = "Kun Væksthus' afgørelse"
NO_MOVE = "Et netværk kan ikke gå fra"
MOVES: dict[str, tuple[str, dict[str, str | None]]] = {
    "candidate": (
        "candidate",
        {
            "screened": NOT_FINAL,
            "stage_1": NOT_PASSED,
            "application": NOT_FINAL,
            "stage_2": NOT_FINAL,
            "stage_3": NOT_FINAL,
            "closed": None,
        },
    ),
    "candidate, screening passed": (
        "candidate",
        {
            "screened": None,
            "stage_1": None,
            "application": NOT_SUBMITTED,
            "stage_2": NOT_SUBMITTED,
            "stage_3": NOT_SUBMITTED,
            "closed": None,
        },
    ),
    "screened, screening not passed": (
        "screened",
        {
            "candidate": None,
            "stage_1": NOT_PASSED,
            "application": NOT_PASSED,
            "stage_2": NOT_PASSED,
            "stage_3": NOT_PASSED,
            "closed": None,
        },
    ),
    "stage_1": (
        "stage_1",
        {
            "candidate": NO_MOVE,
            "screened": NO_MOVE,
            "application": NOT_SUBMITTED,
            "stage_2": NOT_SUBMITTED,
            "stage_3": NOT_SUBMITTED,
            "closed": None,
        },
    ),
    "stage_1, application submitted": (
        "stage_1",
        {
            "candidate": NO_MOVE,
            "screened": NO_MOVE,
            "application": None,
            "stage_2": DECISION,
            "stage_3": DECISION,
            "closed": None,
        },
    ),
    "application": (
        "application",
        {
            "candidate": NO_MOVE,
            "screened": NO_MOVE,
            "stage_1": DECISION,
            "stage_2": DECISION,
            "stage_3": DECISION,
            "closed": None,
        },
    ),
    "stage_2": (
        "stage_2",
        {
            "candidate": NO_MOVE,
            "screened": NO_MOVE,
            "stage_1": NO_MOVE,
            "application": NO_MOVE,
            "stage_3": "Skriv hvad der viser",
            "closed": None,
        },
    ),
    "stage_3": ("stage_3", {s: NO_MOVE for s in ALL if s not in ("stage_3", "closed")} | {"closed": None}),
    "closed": ("closed", {s: "Netværket er afsluttet" for s in ALL if s != "closed"}),
}


@pytest.mark.parametrize("variant", list(MOVES))
def test_every_stage_move_a_broker_pushes_is_the_stage_machines(
    variant: str, make_user: Any, caseworker: Api
) -> None:
    a = make_user()
    stage, expected = MOVES[variant]
    assert sorted(expected) == sorted(s for s in ALL if s != stage)  # every pair is in the table
    net = at(a, caseworker, variant)
    seen = {}
    for target, reason in expected.items():
        if reason is None:
            net = at(a, caseworker, variant)  # a fresh one, as the move changes it
        extra = CLOSE if target == "closed" else {}
        r = net.move(target, **extra)
        seen[target] = r
        if reason is None:
            assert r["status"] == "applied", (variant, target, r)
        else:
            assert r["status"] == "rejected", (variant, target, r)
            assert reason in r["error"], (variant, target, r["error"])
    # What was refused left the network where it was.
    if all(reason is not None for reason in expected.values()):
        assert a.pull_all()[("network", net.id)]["data"]["stage"] == stage


def test_moves_that_need_more_than_the_stage(make_user: Any, caseworker: Api) -> None:
    a = make_user()
    # Closing needs a reason.
    net = at(a, caseworker, "stage_1")
    r = net.move("closed")
    assert r["status"] == "rejected" and "Angiv hvorfor netværket afsluttes" in r["error"]
    # Trin 3 with its evidence in the same change.
    net = at(a, caseworker, "stage_2")
    assert net.move("stage_3", stage_3_evidence="Fælles ordre")["status"] == "applied"
    # Kandidat → trin 1 with a not passed screening; and with a passed one but too few members.
    net = at(a, caseworker, "candidate")
    net.screen(passed=False)
    r = net.move("stage_1")
    assert r["status"] == "rejected" and NOT_PASSED in r["error"]
    net = at(a, caseworker, "candidate, screening passed")
    net.must(change("membership", id=net.ids["members"][0], base=1, deleted=True))
    r = net.move("stage_1")
    assert r["status"] == "rejected" and "mindst 3" in r["error"]
    # Moves made offline arrive as one: kandidat → ansøgning with everything it needs in the push.
    net = at(a, caseworker, "candidate, screening passed")
    app = change("application", submitted_data(net.id))
    results = a.push(app, change("network", {"stage": "application"}, id=net.id, base=net.version))
    assert [r["status"] for r in results] == ["applied", "applied"], results


def test_a_decision_moves_the_network_back_and_only_it(make_user: Any, caseworker: Api) -> None:
    a = make_user()
    net = at(a, caseworker, "application")
    r = caseworker.post(
        f"/applications/{net.app['id']}/decision", json={"decision": "rejected", "comment": ""}
    )
    assert r.status_code == 422 and "begrundes" in r.json()["detail"]
    assert a.pull_all()[("application", net.app["id"])]["data"]["status"] == "submitted"
    r = caseworker.post(
        f"/applications/{net.app['id']}/decision",
        json={"decision": "rejected", "comment": "For tyndt budget"},
    )
    assert r.status_code == 200
    seen = a.pull_all()
    assert seen[("network", net.id)]["data"]["stage"] == "stage_1"
    # Back at trin 1 by the decision; on to ansøgning again only with a new submitted revision.
    net.version = seen[("network", net.id)]["version"]
    assert net.move("application")["status"] == "rejected"
    revision = change("application", submitted_data(net.id, revision=2, previous_id=net.app["id"]))
    net.must(revision)
    assert net.move("application")["status"] == "applied"


# -- DESIGN §2 on records -------------------------------------------------------------------------


def test_a_final_screening_is_frozen_and_its_verdict_is_the_servers(make_user: Any) -> None:
    a = make_user()
    ids = build_network(a)
    net, companies = ids["network"], ids["companies"]
    # Passed with nothing answered: refused, and so is a verdict the answers do not give.
    empty = change(
        "screening",
        {
            "network_id": net,
            "form_id": "screening",
            "form_version": 1,
            "status": "final",
            "verdict": "passed",
        },
    )
    r = one(a.push(empty))
    assert r["status"] == "rejected" and "Screeningen kan ikke afsluttes" in r["error"]
    failing = passed_screening(net, companies, passed=False)
    forged = change("screening", {**failing["data"], "verdict": "passed"})
    r = one(a.push(forged))
    assert r["status"] == "rejected" and "passer ikke til svarene" in r["error"]
    unknown = change("screening", {**failing["data"], "form_version": 99})
    r = one(a.push(unknown))
    assert r["status"] == "rejected" and "version 99" in r["error"]
    # A draft may say anything; the same screening made final is checked then.
    draft = change("screening", {**failing["data"], "status": "draft", "verdict": "passed"})
    assert one(a.push(draft))["status"] == "applied"
    r = one(a.push(change("screening", {"status": "final"}, id=draft["id"], base=1)))
    assert r["status"] == "rejected" and "passer ikke til svarene" in r["error"]
    assert (
        one(
            a.push(change("screening", {"status": "final", "verdict": "not_passed"}, id=draft["id"], base=1))
        )["status"]
        == "applied"
    )
    # Final: answers, verdict and status stay as they are.
    for attempt in (
        {"answers": {}},
        {"verdict": "passed"},
        {"status": "draft"},
        {"reasons": []},
    ):
        r = one(a.push(change("screening", attempt, id=draft["id"], base=2)))
        assert r["status"] == "rejected" and "afsluttet og kan ikke ændres" in r["error"], attempt
    # Sending the values it has changes nothing and is no breach.
    assert (
        one(a.push(change("screening", {"status": "final"}, id=draft["id"], base=2)))["status"] == "applied"
    )
    stored = a.pull_all()[("screening", draft["id"])]
    assert (stored["version"], stored["data"]["verdict"]) == (2, "not_passed")


def test_an_expense_says_what_it_paid_for(make_user: Any) -> None:
    """The editor's rule on the server too: no expense without a description, nor emptied later."""
    a = make_user()
    net = build_network(a)["network"]
    bare = {"network_id": net, "spent_on": "2026-12-01", "amount_ore": 100_00}
    for description in (None, "", "   "):
        data = bare if description is None else {**bare, "description": description}
        r = one(a.push(change("expense", data)))
        assert (r["status"], r["message"]["code"]) == ("rejected", "expense_description_missing")
        assert "Skriv hvad udgiften dækker" in r["error"]
    made = change("expense", {**bare, "description": "Kaffe og brød"})
    assert one(a.push(made))["status"] == "applied"
    r = one(a.push(change("expense", {"description": " "}, id=made["id"], base=1)))
    assert r["status"] == "rejected"
    assert (
        one(a.push(change("expense", {"amount_ore": 200_00}, id=made["id"], base=1)))["status"] == "applied"
    )


def test_an_expense_over_500_kr_is_final_only_with_its_receipt(make_user: Any) -> None:
    a = make_user()
    net = build_network(a)["network"]
    over = RECEIPT_REQUIRED_ABOVE_ORE + 1
    r = one(
        a.push(
            change(
                "expense",
                {
                    "description": "Forplejning",
                    "network_id": net,
                    "spent_on": "2026-12-01",
                    "amount_ore": over,
                    "status": "final",
                },
            )
        )
    )
    assert r["status"] == "rejected" and "kvittering" in r["error"]
    r = one(
        a.push(
            change(
                "expense",
                {
                    "description": "Forplejning",
                    "network_id": net,
                    "spent_on": "2026-12-01",
                    "amount_ore": over,
                },
            )
        )
    )  # final unless it says draft
    assert r["status"] == "rejected"
    draft = change(
        "expense",
        {
            "description": "Forplejning",
            "network_id": net,
            "spent_on": "2026-12-01",
            "amount_ore": over,
            "status": "draft",
        },
    )
    assert one(a.push(draft))["status"] == "applied"
    r = one(a.push(change("expense", {"status": "final"}, id=draft["id"], base=1)))
    assert r["status"] == "rejected" and "kvittering" in r["error"]
    receipt = {"status": "final", "receipt_sha256": "ab" * 32}
    assert one(a.push(change("expense", receipt, id=draft["id"], base=1)))["status"] == "applied"
    at_limit = {
        "description": "Mødelokale",
        "network_id": net,
        "spent_on": "2026-12-01",
        "amount_ore": RECEIPT_REQUIRED_ABOVE_ORE,
        "status": "final",
    }
    assert one(a.push(change("expense", at_limit)))["status"] == "applied"


def test_an_expense_cannot_name_a_meeting_of_another_network(make_user: Any) -> None:
    a = make_user()
    own, other = build_network(a)["network"], build_network(a)["network"]
    meeting = change(
        "meeting", {"network_id": other, "starts_at": "2026-12-01T09:00:00+00:00", "kind": "other"}
    )
    assert one(a.push(meeting))["status"] == "applied"
    spent = {
        "spent_on": "2026-12-01",
        "amount_ore": 100_00,
        "meeting_id": meeting["id"],
        "description": "Kaffe",
    }
    r = one(a.push(change("expense", {"description": "Forplejning", "network_id": own, **spent})))
    assert r["status"] == "rejected" and "møde" in r["error"].lower()
    assert (
        one(a.push(change("expense", {"description": "Forplejning", "network_id": other, **spent})))["status"]
        == "applied"
    )


def test_a_meetings_next_step_needs_its_owner_and_due_date(make_user: Any) -> None:
    """The app's rules of a meeting's next steps, again on the server."""
    a = make_user()
    own = build_network(a)["network"]
    meeting = {"network_id": own, "starts_at": "2026-12-01T09:00:00+00:00", "kind": "other"}
    step = {"text": "Send tilbud", "owner": "", "due": "2026-12-15"}
    r = one(a.push(change("meeting", {**meeting, "next_steps": [step]})))
    assert r["status"] == "rejected" and "Send tilbud" in r["error"]
    r = one(a.push(change("meeting", {**meeting, "next_steps": [{**step, "owner": "Karen", "due": None}]})))
    assert r["status"] == "rejected" and "Send tilbud" in r["error"]
    ok = change("meeting", {**meeting, "next_steps": [{**step, "owner": "Karen"}]})
    assert one(a.push(ok))["status"] == "applied"


def test_an_application_is_submitted_only_at_stage_1_with_its_composition(
    make_user: Any, caseworker: Api
) -> None:
    a = make_user()
    net = at(a, caseworker, "candidate")
    r = one(a.push(change("application", submitted_data(net.id))))
    assert r["status"] == "rejected" and "Kun et netværk på »Trin 1" in r["error"]
    net = at(a, caseworker, "stage_1")
    net.must(change("membership", id=net.ids["members"][0], base=1, deleted=True))
    r = one(a.push(change("application", submitted_data(net.id))))
    assert r["status"] == "rejected" and "mindst 3" in r["error"]
    # A draft is fine anywhere; an incomplete one is not submitted.
    net = at(a, caseworker, "stage_1")
    draft = change("application", {"network_id": net.id, "status": "draft"})
    assert one(a.push(draft))["status"] == "applied"
    r = one(a.push(change("application", {"status": "submitted"}, id=draft["id"], base=1)))
    assert r["status"] == "rejected" and "Angiv konsulentens timepris" in r["error"]


def test_a_cvr_number_is_registered_once_in_a_brokers_register(make_user: Any) -> None:
    a, b = make_user(), make_user()
    first = change("company", company_data())
    assert one(a.push(first))["status"] == "applied"
    cvr = first["data"]["cvr"]
    spaced = " ".join(cvr[i : i + 2] for i in range(0, 8, 2))
    r = one(a.push(change("company", company_data(cvr=spaced))))
    assert r["status"] == "rejected" and f"CVR-nummer {format_cvr(cvr)} er allerede registreret" in r["error"]
    # Two of the same in one push: the second is the twin.
    fresh = company_data()
    results = a.push(change("company", fresh), change("company", {**fresh, "name": "Tvilling"}))
    assert [r["status"] for r in results] == ["applied", "rejected"]
    # Another broker's register is another register.
    assert one(b.push(change("company", company_data(cvr=cvr))))["status"] == "applied"
    # Changing a company to a taken number is refused; once the first is deleted the number is free.
    other = change("company", company_data())
    one(a.push(other))
    r = one(a.push(change("company", {"cvr": cvr}, id=other["id"], base=1)))
    assert r["status"] == "rejected"
    one(a.push(change("company", id=first["id"], base=1, deleted=True)))
    assert one(a.push(change("company", {"cvr": cvr}, id=other["id"], base=1)))["status"] == "applied"


def test_stats_are_the_same_after_a_batch_of_refused_pushes(make_user: Any, caseworker: Api) -> None:
    a = make_user()
    candidate = at(a, caseworker, "candidate")
    stage_1 = at(a, caseworker, "stage_1")
    application = at(a, caseworker, "application")
    before = caseworker.get("/stats").json()
    pull_before = a.pull_all()
    refused = a.push(
        # "applied": a network of three companies straight to trin 3 with nothing behind it
        change("network", {"stage": "stage_3", "stage_3_evidence": "Påstået"}, id=candidate.id, base=1),
        change("network", {"stage": "stage_1"}, id=candidate.id, base=1),
        change("network", {"stage": "stage_2"}, id=application.id, base=application.version),
        change("network", {"stage": "stage_2"}, id=stage_1.id, base=stage_1.version),
        change(
            "screening",
            {
                "network_id": candidate.id,
                "form_id": "screening",
                "form_version": 1,
                "status": "final",
                "verdict": "passed",
            },
        ),  # fmt: skip
        change("application", submitted_data(candidate.id)),
        change(
            "expense",
            {
                "description": "Forplejning",
                "network_id": stage_1.id,
                "spent_on": "2026-12-01",
                "amount_ore": 900_000,
                "status": "final",
            },
        ),
        change(
            "company",
            company_data(cvr=pull_before[("company", candidate.ids["companies"][0])]["data"]["cvr"]),
        ),
        change("application", {"status": "approved"}, id=application.app["id"], base=1),
    )
    assert all(r["status"] == "rejected" and r["error"] for r in refused), refused
    assert caseworker.get("/stats").json() == before
    after = a.pull_all()
    assert {k: v["version"] for k, v in after.items()} == {k: v["version"] for k, v in pull_before.items()}


@pytest.fixture
def caseworker(make_user: Any) -> Api:
    return make_user("caseworker")  # type: ignore[no-any-return]
