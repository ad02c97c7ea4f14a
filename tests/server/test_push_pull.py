"""Push and pull over HTTP: idempotency, merge and conflict, every rejection, paging."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.rules import (
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    FACILITATION_FRAME_ORE,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
    SPLIT_TOTAL_BASIS_POINTS,
)

from .conftest import (
    build_network,
    change,
    company_data,
    network_at_stage_1,
    passed_screening,
    submitted_data,
)

NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."
SPENT_ON = "2026-12-01"  # an expense's date (required)


def one(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


def test_push_applies_and_pull_returns_whole_record(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data(cvr="DK 13 58 56 28", name="Danfoss"))
    r = one(a.push(c))
    assert (r["status"], r["version"], r["error"]) == ("applied", 1, None)
    edit = change("company", {"city": "Nordborg"}, id=c["id"], base=1)
    assert one(a.push(edit))["version"] == 2
    pulled = a.pull_all()[("company", c["id"])]
    assert pulled["version"] == 2
    assert pulled["data"] == {"cvr": "13585628", "name": "Danfoss", "city": "Nordborg"}
    assert pulled["owner_id"] == a.id


def test_replay_is_duplicate_and_changes_nothing(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data())
    first = one(a.push(c))
    before = a.pull_all()
    again = one(a.push(c))
    assert again["status"] == "duplicate"
    assert again["version"] == first["version"] == 1
    after = a.pull_all()
    assert after == before  # same seq, same version: nothing moved


def test_replay_of_a_change_hashed_by_an_older_server_is_still_a_duplicate(
    make_user: Any, server: Any
) -> None:
    """Changes stored before the server hashed with orjson carry the standard library's hash."""
    from sqlalchemy import update

    from mægler_app.server.db import Database
    from mægler_app.server.models import AppliedChange
    from mægler_app.server.push import legacy_payload_hash, payload_hash
    from mægler_app.server.schemas import Change

    a = make_user()
    # a float the two libraries write differently (orjson 1e-7, the standard library 1e-07)
    c = change("company", company_data(name="Ærø Æbleplantage ApS", share_of_export=1e-7))
    assert one(a.push(c))["status"] == "applied"
    parsed = Change(**c)
    db = Database(server.db_url)
    try:
        with db.write() as s:
            s.execute(
                update(AppliedChange)
                .where(AppliedChange.change_id == c["change_id"])
                .values(payload_hash=legacy_payload_hash(parsed))
            )
    finally:
        db.dispose()
    assert payload_hash(parsed) != legacy_payload_hash(parsed)
    assert one(a.push(c))["status"] == "duplicate"


def test_numbers_beyond_64_bits_give_an_answer_not_an_error(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data(notes_extra=2**70))
    r = one(a.push(c))
    assert (r["status"], r["ignored_fields"]) == ("applied", ["notes_extra"])
    assert "notes_extra" not in a.pull_all()[("company", c["id"])]["data"]
    # Beyond 64 bits the server reads a number as a float: no whole number.
    r = one(a.push(change("company", company_data(employees=2**70))))
    assert r["status"] == "rejected" and "»Ansatte« skal være et helt tal" in r["error"]


def test_same_change_id_with_other_payload_is_refused(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data(name="Første"))
    one(a.push(c))
    other = dict(c, data={**c["data"], "name": "Anden"})
    r = one(a.push(other))
    assert r["status"] == "rejected"
    assert "allerede brugt" in r["error"]
    assert a.pull_all()[("company", c["id"])]["data"]["name"] == "Første"


def test_change_id_of_another_user_is_refused_without_effect(make_user: Any) -> None:
    a, b = make_user(), make_user()
    c = change("company", company_data())
    one(a.push(c))
    r = one(b.push(c))
    assert r["status"] == "rejected"
    assert b.pull_all() == {}


def test_stale_change_to_other_fields_merges(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data(name="Navn", city="Aarhus"))
    one(a.push(c))
    laptop, tablet = "laptop", "tablet"
    assert (
        one(a.push(change("company", {"name": "Nyt navn"}, id=c["id"], base=1), client_id=laptop))["version"]
        == 2
    )
    r = one(a.push(change("company", {"city": "Herning"}, id=c["id"], base=1), client_id=tablet))
    assert (r["status"], r["version"]) == ("applied", 3)
    data = a.pull_all()[("company", c["id"])]["data"]
    assert (data["name"], data["city"]) == ("Nyt navn", "Herning")


def test_stale_change_to_same_field_conflicts_with_server_copy(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data(name="Navn"))
    one(a.push(c, client_id="laptop"))
    one(a.push(change("company", {"name": "Fra laptop"}, id=c["id"], base=1), client_id="laptop"))
    r = one(a.push(change("company", {"name": "Fra tablet"}, id=c["id"], base=1), client_id="tablet"))
    assert r["status"] == "conflict"
    assert r["server"]["version"] == 2
    assert r["server"]["data"]["name"] == "Fra laptop"
    assert a.pull_all()[("company", c["id"])]["data"]["name"] == "Fra laptop"
    # The same value as the server's is no conflict: both sides agree.
    agree = one(a.push(change("company", {"name": "Fra laptop"}, id=c["id"], base=1), client_id="tablet"))
    assert agree["status"] == "applied"


def test_own_later_changes_never_conflict(make_user: Any) -> None:
    """A client may send a second change before it has stored the answer to the first."""
    a = make_user()
    c = change("company", company_data(name="Et"))
    second = change("company", {"name": "To"}, id=c["id"], base=0)
    third = change("company", {"name": "Tre"}, id=c["id"], base=0)
    results = a.push(c, second, client_id="laptop")
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert one(a.push(third, client_id="laptop"))["status"] == "applied"
    assert a.pull_all()[("company", c["id"])]["data"]["name"] == "Tre"


def test_stale_delete_after_someone_else_edited_conflicts(make_user: Any) -> None:
    a = make_user()
    c = change("company", company_data())
    one(a.push(c, client_id="laptop"))
    one(a.push(change("company", {"name": "Ændret"}, id=c["id"], base=1), client_id="laptop"))
    r = one(a.push(change("company", id=c["id"], base=1, deleted=True), client_id="tablet"))
    assert r["status"] == "conflict"
    ok = one(a.push(change("company", id=c["id"], base=2, deleted=True), client_id="tablet"))
    assert ok["status"] == "applied"
    assert a.pull_all()[("company", c["id"])]["deleted"] is True


def test_owner_and_server_fields_from_a_client_are_ignored(make_user: Any) -> None:
    a, b = make_user(), make_user()
    ids = build_network(a)
    app = change(
        "application",
        {
            "network_id": ids["network"],
            "status": "draft",
            "owner_id": b.id,
            "decision": "approved",
            "bonus_ore": 99,
            "decided_at": "2020-01-01T00:00:00+00:00",
        },
    )
    assert one(a.push(app))["status"] == "applied"
    pulled = a.pull_all()[("application", app["id"])]
    assert pulled["owner_id"] == a.id
    assert not {"decision", "bonus_ore", "decided_at", "owner_id"} & set(pulled["data"])
    assert b.pull_all() == {}


def test_broker_cannot_touch_or_reference_another_brokers_records(make_user: Any) -> None:
    a, b = make_user(), make_user()
    ids = build_network(a)
    company_a = ids["companies"][0]
    # Editing A's record, deleting it, or creating with its id: the same text as an unknown id.
    for attempt in (
        change("company", {"name": "Kapret"}, id=company_a, base=1),
        change("company", id=company_a, base=1, deleted=True),
        change("company", company_data(), id=company_a, base=0),
        change("company", {"name": "x"}, base=1),  # unknown id
    ):
        r = one(b.push(attempt))
        assert (r["status"], r["error"]) == ("rejected", NOT_FOUND), attempt
    # Referencing A's network or company is rejected with the unknown-reference text.
    own_company = change("company", company_data())
    one(b.push(own_company))
    texts = set()
    for ref in (
        change("membership", {"network_id": ids["network"], "company_id": own_company["id"]}),
        change(
            "expense",
            {
                "description": "Forplejning",
                "network_id": ids["network"],
                "spent_on": SPENT_ON,
                "amount_ore": 100,
            },
        ),
        change("contact", {"company_id": company_a, "name": "Per"}),
        change(
            "expense",
            {
                "description": "Forplejning",
                "network_id": "findes-ikke",
                "spent_on": SPENT_ON,
                "amount_ore": 100,
            },
        ),
    ):
        r = one(b.push(ref))
        assert r["status"] == "rejected"
        texts.add(r["error"].split("«")[1])
    assert len(texts) == 1  # the same words for another's record and an unknown one
    assert a.pull_all()[("company", company_a)]["version"] == 1


def test_caseworker_pushes_are_rejected(make_user: Any) -> None:
    cw = make_user("caseworker")
    r = one(cw.push(change("company", company_data())))
    assert r["status"] == "rejected"
    assert cw.pull_all() == {} or all(v["owner_id"] != cw.id for v in cw.pull_all().values())


def test_unknown_entity_is_rejected_and_rest_applies(make_user: Any) -> None:
    a = make_user()
    results = a.push(change("spaceship", {"x": 1}), change("company", company_data()))
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert "posttypen" in results[0]["error"]


def test_invalid_cvr_rejected_in_danish_rest_of_batch_applies(make_user: Any) -> None:
    a = make_user()
    good = change("company", company_data())
    results = a.push(
        change("company", {"cvr": "12345678", "name": "Forkert"}),
        good,
        change("company", {"cvr": "1234", "name": "Kort"}),
        change("company", {"name": "Uden CVR"}),
    )
    assert [r["status"] for r in results] == ["rejected", "applied", "rejected", "rejected"]
    assert "kontrolcifferet" in results[0]["error"]
    assert "8 cifre" in results[2]["error"]
    assert "mangler" in results[3]["error"]


def test_budget_counts_earlier_changes_of_the_same_push(make_user: Any) -> None:
    a = make_user()
    ids = build_network(a)
    net = ids["network"]
    half = FACILITATION_FRAME_ORE // 2
    results = a.push(
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": half,
                "category": "catering",
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": half,
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": 1,
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": 1,
                "override_reason": "Aftalt med Væksthus",
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": 0,
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": -500,
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net,
                "spent_on": SPENT_ON,
                "amount_ore": 12.5,
            },
        ),
    )
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "rejected",
        "applied",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert "over rammen" in results[2]["error"]
    assert "større end 0" in results[4]["error"] and "større end 0" in results[5]["error"]
    assert "hele øre" in results[6]["error"]


def test_deleting_an_expense_frees_the_budget(make_user: Any) -> None:
    a = make_user()
    net = build_network(a)["network"]
    big = change(
        "expense",
        {
            "description": "Forplejning",
            "status": "draft",
            "network_id": net,
            "spent_on": SPENT_ON,
            "amount_ore": FACILITATION_FRAME_ORE,
        },
    )
    one(a.push(big))
    assert (
        one(
            a.push(
                change(
                    "expense",
                    {
                        "description": "Forplejning",
                        "status": "draft",
                        "network_id": net,
                        "spent_on": SPENT_ON,
                        "amount_ore": 100,
                    },
                )
            )
        )["status"]
        == "rejected"
    )
    one(a.push(change("expense", id=big["id"], base=1, deleted=True)))
    assert (
        one(
            a.push(
                change(
                    "expense",
                    {
                        "description": "Forplejning",
                        "status": "draft",
                        "network_id": net,
                        "spent_on": SPENT_ON,
                        "amount_ore": 100,
                    },
                )
            )
        )["status"]
        == "applied"
    )


def app_data(net: str, **extra: Any) -> dict[str, Any]:
    return {"network_id": net, "status": "draft", "split_mode": "equal", **extra}


def test_application_ranges(make_user: Any) -> None:
    a = make_user()
    ids = build_network(a)
    net = ids["network"]
    c1, c2, _c3 = ids["companies"]
    bad = [
        {"consultant_hours": CONSULTANT_HOURS_MIN - 1},
        {"consultant_hours": CONSULTANT_HOURS_MAX + 1},
        {"period_months": PERIOD_MONTHS_MIN - 1},
        {"period_months": PERIOD_MONTHS_MAX + 1},
        {"consultant_hours": "mange"},
        {"split_mode": "custom", "split_basis_points": {c1: 5000, c2: 4000}},
        {"split_mode": "custom", "split_basis_points": {c1: 11000, c2: -1000}},
        {"hourly_rate_ore": -100},
    ]
    for fields in bad:
        r = one(a.push(change("application", app_data(net, **fields))))
        assert r["status"] == "rejected", fields
        assert r["error"], fields
    good = {
        "consultant_hours": CONSULTANT_HOURS_MIN,
        "period_months": PERIOD_MONTHS_MAX,
        "split_mode": "custom",
        "split_basis_points": {c1: SPLIT_TOTAL_BASIS_POINTS - 2500, c2: 2500},
        "consultant_hours_note": None,
    }
    assert one(a.push(change("application", app_data(net, **good))))["status"] == "applied"
    # Absent or null values are allowed in a draft.
    assert one(a.push(change("application", app_data(net, consultant_hours=None))))["status"] == "applied"


def test_submit_requires_the_figures_then_freezes(make_user: Any) -> None:
    a = make_user()
    net = network_at_stage_1(a)["network"]
    app = change("application", app_data(net))
    one(a.push(app))
    r = one(a.push(change("application", {"status": "submitted"}, id=app["id"], base=1)))
    assert r["status"] == "rejected"
    assert "Angiv antal konsulenttimer" in r["error"] and "måneder" in r["error"]
    assert "Markedsmæssige perspektiver" in r["error"] and "timepris" in r["error"]
    submit = change("application", submitted_data(net), id=app["id"], base=1)
    assert one(a.push(submit))["status"] == "applied"
    for attempt in (
        change("application", {"market_perspective": "Ændret"}, id=app["id"], base=2),
        change("application", {"status": "draft"}, id=app["id"], base=2),
        change("application", id=app["id"], base=2, deleted=True),
    ):
        r = one(a.push(attempt))
        assert r["status"] == "rejected"
        assert "indsendt" in r["error"]


def test_client_cannot_set_status_other_than_submit(make_user: Any) -> None:
    a = make_user()
    net = build_network(a)["network"]
    for status in ("approved", "rejected"):
        r = one(a.push(change("application", app_data(net, status=status))))
        assert r["status"] == "rejected", status
        assert "kladde til indsendt" in r["error"]
    r = one(a.push(change("application", app_data(net, status="whatever"))))
    assert r["status"] == "rejected"
    assert r["error"] == "Feltet »Status« kan ikke have værdien »whatever«."


def test_network_stage_needs_composition(make_user: Any) -> None:
    a = make_user()
    small = build_network(a, independent=2)
    r = one(a.push(change("network", {"stage": "screened"}, id=small["network"], base=1)))
    assert r["status"] == "rejected"
    assert "mindst 3" in r["error"]
    heavy = build_network(a, independent=3, knowledge=3)
    r = one(a.push(change("network", {"stage": "stage_1"}, id=heavy["network"], base=1)))
    assert r["status"] == "rejected" and "højst være 2" in r["error"]
    ok = build_network(a, independent=3, knowledge=2)
    screening = passed_screening(ok["network"], ok["companies"][:3], ok["companies"][3:])
    assert [
        r["status"]
        for r in a.push(screening, change("network", {"stage": "stage_1"}, id=ok["network"], base=1))
    ] == ["applied", "applied"]
    # A deleted membership no longer counts.
    three = build_network(a, independent=3)
    one(a.push(change("membership", id=three["members"][0], base=1, deleted=True)))
    r = one(a.push(change("network", {"stage": "screened"}, id=three["network"], base=1)))
    assert r["status"] == "rejected"
    # Closing a candidate needs no members, only a reason.
    assert (
        one(
            a.push(
                change("network", {"stage": "closed", "closed_reason": "other"}, id=small["network"], base=1)
            )
        )["status"]
        == "applied"
    )


def test_stage_changes_of_several_networks_in_one_push_count_that_push_too(make_user: Any) -> None:
    """Members are read for every network of the push at once; the push's own changes still count."""
    a = make_user()
    short = build_network(a, independent=2)  # gains its third member in the same push
    losing = build_network(a, independent=3)  # loses one in the same push
    moving = build_network(a, independent=3)  # one member moves to ``short`` in the same push
    fine = build_network(a, independent=3)
    newcomer = change("company", company_data())
    # Each has a final screening of the members it has before this push (short's: not passed).
    finals = [
        passed_screening(n["network"], n["companies"], passed=len(n["companies"]) >= 3)
        for n in (short, losing, moving, fine)
    ]
    assert all(r["status"] == "applied" for r in a.push(*finals))
    results = a.push(
        newcomer,
        change("membership", {"network_id": short["network"], "company_id": newcomer["id"]}),
        change("membership", id=losing["members"][0], base=1, deleted=True),
        change("membership", {"network_id": short["network"]}, id=moving["members"][0], base=1),
        *(
            change("network", {"stage": "screened"}, id=n["network"], base=1)
            for n in (short, losing, moving, fine)
        ),
    )
    assert [r["status"] for r in results[:4]] == ["applied"] * 4
    stages = {n: r for n, r in zip(("short", "losing", "moving", "fine"), results[4:], strict=True)}
    # short: 2 + the new company + the moved one's company = 4
    assert stages["short"]["status"] == "applied"
    assert stages["fine"]["status"] == "applied"
    for name in ("losing", "moving"):
        assert stages[name]["status"] == "rejected" and "mindst 3" in stages[name]["error"]


def test_pull_pages_with_next_since(make_user: Any) -> None:
    a, b = make_user(), make_user()
    created = [change("company", company_data()) for _ in range(23)]
    a.push(*created)
    one(b.push(change("company", company_data())))
    seen: list[dict[str, Any]] = []
    since, pages = 0, 0
    while True:
        r = a.get("/sync/pull", params={"since": since, "limit": 5})
        body = r.json()
        seen += body["changes"]
        pages += 1
        assert body["next_since"] >= since
        since = body["next_since"]
        if not body["has_more"]:
            break
    assert pages == 5
    assert [c["id"] for c in seen] == [c["id"] for c in created]
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    # Nothing new: same checkpoint back, no more pages.
    r = a.get("/sync/pull", params={"since": since}).json()
    assert (r["changes"], r["next_since"], r["has_more"]) == ([], since, False)
    # A later edit moves the record past the checkpoint.
    one(a.push(change("company", {"name": "Nyt"}, id=created[0]["id"], base=1)))
    r = a.get("/sync/pull", params={"since": since}).json()
    assert [c["id"] for c in r["changes"]] == [created[0]["id"]]


def test_push_answers_carry_the_seq_and_pull_skips_what_the_client_names(make_user: Any) -> None:
    a = make_user()
    first = [change("company", company_data()) for _ in range(4)]
    answers = a.push(*first)
    seqs = [r["seq"] for r in answers]
    assert all(isinstance(n, int) for n in seqs) and len(set(seqs)) == 4
    # A replay tells the same seq; an edit in a later push gets a new one.
    assert [r["seq"] for r in a.push(*first)] == seqs
    edit = one(a.push(change("company", {"name": "Nyt navn"}, id=first[0]["id"], base=1)))
    assert edit["seq"] > max(seqs)
    later = change("company", company_data())
    one(a.push(later))
    everything = a.get("/sync/pull", params={"since": 0}).json()
    # Skipping the first push's seqs leaves out only the records still at them; the edited
    # record moved past them and still comes, and so does the later one.
    skip = f"{min(seqs)}-{max(seqs)}"
    body = a.get("/sync/pull", params={"since": 0, "skip": skip}).json()
    assert [c["id"] for c in body["changes"]] == [first[0]["id"], later["id"]]
    assert body["changes"] == [c for c in everything["changes"] if c["id"] in (first[0]["id"], later["id"])]
    assert (body["next_since"], body["has_more"]) == (everything["next_since"], everything["has_more"])
    # Pages are cut as without skip: a page wholly skipped is empty and says there is more.
    page = a.get("/sync/pull", params={"since": 0, "limit": 2, "skip": skip}).json()
    assert (page["changes"], page["has_more"]) == ([], True)
    assert page["next_since"] == everything["changes"][1]["seq"]
    # Overlapping and single ranges
    body = a.get("/sync/pull", params={"since": 0, "skip": f"{seqs[1]}-{seqs[1]},{seqs[0]}-{seqs[2]}"}).json()
    assert [c["id"] for c in body["changes"]] == [first[3]["id"], first[0]["id"], later["id"]]
    bad = a.get("/sync/pull", params={"skip": "5-1"})
    assert bad.status_code == 422 and "første ≤ sidste" in bad.json()["detail"]


def test_caseworker_pulls_everything(make_user: Any) -> None:
    a, b, cw = make_user(), make_user(), make_user("caseworker")
    ca, cb = change("company", company_data()), change("company", company_data())
    one(a.push(ca))
    one(b.push(cb))
    seen = cw.pull_all()
    assert ("company", ca["id"]) in seen and ("company", cb["id"]) in seen
    assert ("company", cb["id"]) not in a.pull_all()
    # skip works for the caseworker's pull of everyone's records too
    page = cw.get("/sync/pull", params={"since": 0, "limit": 1000}).json()
    seq_a = next(c["seq"] for c in page["changes"] if c["id"] == ca["id"])
    skipped = cw.get("/sync/pull", params={"since": 0, "limit": 1000, "skip": f"{seq_a}-{seq_a}"}).json()
    assert skipped["changes"] == [c for c in page["changes"] if c["id"] != ca["id"]]
    assert (skipped["next_since"], skipped["has_more"]) == (page["next_since"], page["has_more"])


def test_budget_follows_edits_and_moves_within_one_push(make_user: Any) -> None:
    a = make_user()
    net1, net2 = build_network(a)["network"], build_network(a)["network"]
    tenth = FACILITATION_FRAME_ORE // 10
    exp = change(
        "expense",
        {
            "description": "Forplejning",
            "status": "draft",
            "network_id": net1,
            "spent_on": SPENT_ON,
            "amount_ore": 6 * tenth,
        },
    )
    results = a.push(
        exp,
        # Raising the same expense counts it once, not twice.
        change("expense", {"amount_ore": 9 * tenth}, id=exp["id"], base=1),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net1,
                "spent_on": SPENT_ON,
                "amount_ore": 2 * tenth,
            },
        ),
        # Moving it to the other network frees the first one's frame.
        change(
            "expense",
            {"description": "Forplejning", "status": "draft", "network_id": net2},
            id=exp["id"],
            base=2,
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net1,
                "spent_on": SPENT_ON,
                "amount_ore": 2 * tenth,
            },
        ),
        change(
            "expense",
            {
                "description": "Forplejning",
                "status": "draft",
                "network_id": net2,
                "spent_on": SPENT_ON,
                "amount_ore": 2 * tenth,
            },
        ),
    )
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "rejected",
        "applied",
        "applied",
        "rejected",
    ]
