"""Every pushed record is checked against its entity's schema (domain/schema.py) before any rule.

The bad values are generated from the schemas themselves: one per kind of check a field has (its
type, its enumeration, its range, its length, ``null`` where it may not be empty), each pushed
over real HTTP as the creation of an otherwise valid record, each refused naming the field by
its Danish label.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, Literal

import pytest

from mægler_app.domain.schema import (
    MAX_AMOUNT_ORE,
    SCHEMAS,
    _aware_time,
    _iso_date,
    label,
    required_fields,
)
from mægler_app.domain.sync_contract import CASEWORKER_ENTITIES

from .conftest import ServerProcess, change, company_data, make_db_url, run_cli, start_server

MEETING_TIME = "2026-12-14T09:30:00+00:00"


def valid_records(parents: dict[str, str]) -> dict[str, dict[str, Any]]:
    """A valid new record of every entity, pointing at ``parents`` (a company and a network)."""
    company, network = parents["company"], parents["network"]
    return {
        "company": company_data(),
        "contact": {"company_id": company, "name": "Per Hansen"},
        "network": {"name": "Fødevarenetværket"},
        "membership": {"network_id": network, "company_id": company},
        "screening": {"network_id": network, "form_id": "screening", "form_version": 1},
        "meeting": {"network_id": network, "starts_at": MEETING_TIME},
        "expense": {
            "network_id": network,
            "spent_on": "2026-12-01",
            "amount_ore": 10_000,
            "description": "Mødelokale",
        },
        "application": {"network_id": network},
        "action_plan": {"network_id": network},
        "effect_measurement": {"company_id": company, "year": 2025},
        "satisfaction": {
            "company_id": company,
            "network_id": network,
            "score": 4,
            "occasion": "stage_2",
            "answered_on": "2025-06-01",
        },  # fmt: skip
        # --- followup: pushed by a caseworker (ByRole)
        "follow_up": {"network_id": network, "held_on": "2026-12-01", "offered": "Sparring"},
    }


class ByRole:
    """Pushes each change as the role that may push its entity: the caseworkers' entities (a
    follow-up) as a caseworker, the others as the broker; the answers in the changes' order."""

    def __init__(self, broker: Any, caseworker: Any) -> None:
        self.broker, self.caseworker = broker, caseworker

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        theirs = [c["entity"] in CASEWORKER_ENTITIES for c in changes]
        answers = {}
        for role, api in ((False, self.broker), (True, self.caseworker)):
            mine = [c for c, t in zip(changes, theirs, strict=True) if t == role]
            answers[role] = iter(api.push(*mine) if mine else [])
        return [next(answers[t]) for t in theirs]

    def pull_all(self) -> Any:
        return self.broker.pull_all()  # the broker pulls the follow-ups on its networks too


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """(the bare type, whether null is allowed, the metadata of Annotated layers)."""
    nullable = False
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is Annotated:
            annotation, metadata = args[0], [*metadata, *args[1:]]
        elif type(None) in args:
            nullable = True
            annotation = next(a for a in args if a is not type(None))
        else:
            return annotation, nullable, metadata


def bad_values(info: Any) -> list[Any]:
    """One value per check the field has, each of which its schema must refuse."""
    bare, nullable, metadata = _unwrap(info.annotation)
    metadata = [*info.metadata, *metadata]
    for m in list(metadata):
        metadata.extend(getattr(m, "metadata", []))
    checks = {getattr(m, "func", None) for m in metadata}
    origin = typing.get_origin(bare)
    out: list[Any] = []
    if not nullable:
        out.append(None)
    if _iso_date in checks:
        out += ["ikke en dato", "2026-02-30", 20261201]
    elif _aware_time in checks:
        out += ["ikke en dato", "2026-12-14T09:30:00", 1765704600]
    elif origin is Literal:
        out += ["ukendt_værdi", 7]
    elif origin is list:
        out += ["ikke en liste", [12345]]
    elif origin is dict:
        out.append(["ikke et objekt"])
        if typing.get_args(bare)[1] is not Any:  # a screening's answers may hold anything
            out.append({"k": "ikke det rigtige"})
    elif bare is bool:
        out += ["ja", 1]
    elif bare is int:
        out += ["tolv", 12.5, True]
    elif bare is str:
        out += [12345, True]
    for m in metadata:
        for attr, step in (("ge", -1), ("gt", 0), ("le", 1)):
            bound = getattr(m, attr, None)
            if isinstance(bound, int) and abs(bound) <= MAX_AMOUNT_ORE:
                out.append(bound + step)
        if getattr(m, "max_length", None) is not None:
            out.append("x" * (m.max_length + 1))
        if getattr(m, "min_length", None):
            out.append("")
    return out


def bad_changes(parents: dict[str, str]) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """(entity, field, bad value, the change) for every field of every entity."""
    valid = valid_records(parents)
    out = []
    for entity, cls in SCHEMAS.items():
        for name, info in cls.model_fields.items():
            values = bad_values(info)
            assert values, (entity, name)  # every field has a check that can fail
            for value in values:
                out.append((entity, name, value, change(entity, {**valid[entity], name: value})))
    return out


@pytest.fixture
def broker_with_parents(make_user: Any) -> tuple[Any, dict[str, str]]:
    api = make_user()
    company = change("company", company_data())
    network = change("network", {"name": "Metalnetværket", "stage": "candidate"})
    assert [r["status"] for r in api.push(company, network)] == ["applied", "applied"]
    return ByRole(api, make_user("caseworker")), {"company": company["id"], "network": network["id"]}


def test_a_valid_record_of_every_entity_applies(broker_with_parents: Any) -> None:
    api, parents = broker_with_parents
    records = valid_records(parents)
    assert set(records) == set(SCHEMAS)
    results = api.push(*(change(entity, data) for entity, data in records.items()))
    assert [(r["status"], r["error"]) for r in results] == [("applied", None)] * len(records)
    assert all("ignored_fields" not in r for r in results)


def test_one_bad_value_per_check_of_every_field_is_refused_naming_the_field(
    broker_with_parents: Any,
) -> None:
    api, parents = broker_with_parents
    cases = bad_changes(parents)
    assert len({(e, f) for e, f, _, _ in cases}) == sum(len(c.model_fields) for c in SCHEMAS.values())
    before = api.pull_all()
    results = []
    for entity in SCHEMAS:  # a push per entity: the over-long texts would pass the body's limit
        results += api.push(*(c for e, *_, c in cases if e == entity))
    wrong = []
    for (entity, name, value, _), r in zip(cases, results, strict=True):
        # "»Elementer (k)«" for a bad key of an object: the field's label comes first
        if r["status"] != "rejected" or f"Feltet »{label(entity, name)}" not in (r["error"] or ""):
            wrong.append((entity, name, value, r["status"], r["error"]))
    assert wrong == []
    assert api.pull_all() == before  # nothing of them stored


def test_a_meeting_whose_time_is_not_a_date_is_refused(broker_with_parents: Any) -> None:
    api, parents = broker_with_parents
    meeting = change("meeting", {"network_id": parents["network"], "starts_at": "ikke en dato"})
    (r,) = api.push(meeting)
    assert r["status"] == "rejected"
    assert r["error"] == (
        "Feltet »Tidspunkt« skal være et tidspunkt som 2026-12-14T09:30:00+00:00, men der kom »ikke en dato«."
    )
    # code and parameters beside the text, so a client can say it in its own language
    assert r["message"] == {
        "code": "schema_not_a_time",
        "params": {"field": "starts_at", "label": "Tidspunkt", "value": "ikke en dato"},
    }
    assert ("meeting", meeting["id"]) not in api.pull_all()


def test_new_records_without_their_required_fields_are_refused(broker_with_parents: Any) -> None:
    api, parents = broker_with_parents
    valid = valid_records(parents)
    cases = [
        (entity, name) for entity in SCHEMAS for name in required_fields(entity) if name in valid[entity]
    ]
    # the brief's examples among them
    for needed in [
        ("membership", "network_id"),
        ("membership", "company_id"),
        ("application", "network_id"),
        ("meeting", "starts_at"),
        ("expense", "spent_on"),
        ("expense", "amount_ore"),
    ]:
        assert needed in cases
    changes = [
        change(entity, {k: v for k, v in valid[entity].items() if k != name}) for entity, name in cases
    ]
    results = api.push(*changes)
    for (entity, name), r in zip(cases, results, strict=True):
        assert r["status"] == "rejected", (entity, name)
        assert r["error"] == f"Feltet »{label(entity, name)}« mangler.", (entity, name)


def test_a_change_carries_only_what_changed_but_may_not_empty_a_required_field(
    broker_with_parents: Any,
) -> None:
    api, parents = broker_with_parents
    expense = change("expense", valid_records(parents)["expense"])
    assert api.push(expense)[0]["status"] == "applied"
    # Only the description: no required field is needed for an existing record.
    (r,) = api.push(change("expense", {"description": "Kaffe"}, id=expense["id"], base=1))
    assert (r["status"], r["version"]) == ("applied", 2)
    # A field that is sent is checked all the same, and null is no date.
    (r,) = api.push(change("expense", {"spent_on": None}, id=expense["id"], base=2))
    assert r["status"] == "rejected" and "»Dato«" in r["error"]
    (r,) = api.push(change("expense", {"category": "gaver"}, id=expense["id"], base=2))
    assert r["error"] == "Feltet »Kategori« kan ikke have værdien »gaver«."
    data = api.pull_all()[("expense", expense["id"])]["data"]
    assert (data["spent_on"], data["description"], data.get("category")) == ("2026-12-01", "Kaffe", None)
    # A tombstone takes no data and is not checked.
    (r,) = api.push(change("expense", {"amount_ore": "meget"}, id=expense["id"], base=2, deleted=True))
    assert (r["status"], r["version"]) == ("applied", 3)


def test_every_problem_of_a_change_is_named(broker_with_parents: Any) -> None:
    api, parents = broker_with_parents
    steps = [{"text": "Ring til Per", "due": "i morgen"}, {"owner": "Anna"}]
    (r,) = api.push(
        change(
            "meeting",
            {
                "network_id": parents["network"],
                "starts_at": MEETING_TIME,
                "next_steps": steps,
                "planned": "ja",
            },
        )
    )
    assert r["status"] == "rejected"
    assert r["error"] == (
        "Feltet »Næste skridt (0, due)« skal være en dato som 2025-03-07, men der kom »i morgen«. "
        "Feltet »Næste skridt (1, text)« mangler. "
        "Feltet »Planlagt« skal være ja eller nej (true eller false), men der kom »ja«."
    )
    assert [(m["code"], m["params"]["field"]) for m in r["messages"]] == [
        ("schema_not_a_date", "next_steps[0].due"),
        ("schema_field_missing", "next_steps[1].text"),
        ("schema_not_yes_or_no", "planned"),
    ]


def test_unknown_fields_are_not_stored_and_the_answer_names_them(broker_with_parents: Any) -> None:
    api, parents = broker_with_parents
    newer = change("company", company_data(name="Nyere klient ApS", linkedin="x", ai_score=0.9))
    (r,) = api.push(newer)
    assert (r["status"], r["version"], r["ignored_fields"]) == ("applied", 1, ["ai_score", "linkedin"])
    # The record's own and the server's fields are left out silently, as before.
    (r,) = api.push(change("company", {"city": "Vejle", "version": 9, "seq": 3}, id=newer["id"], base=1))
    assert (r["status"], r["version"]) == ("applied", 2) and "ignored_fields" not in r
    # A change of nothing the server knows changes nothing, and says so.
    (r,) = api.push(change("company", {"linkedin": "y"}, id=newer["id"], base=2))
    assert (r["status"], r["version"], r["ignored_fields"]) == ("applied", 2, ["linkedin"])
    data = api.pull_all()[("company", newer["id"])]["data"]
    assert "linkedin" not in data and "ai_score" not in data
    assert (data["name"], data["city"]) == ("Nyere klient ApS", "Vejle")
    # A replay answers as the first time.
    (again,) = api.push(newer)
    assert (again["status"], again["ignored_fields"]) == ("duplicate", ["ai_score", "linkedin"])


def test_validation_can_be_turned_off_for_measuring(
    backend: str, tmp_path: Any, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MAEGLER_SERVER_VALIDATION=off: the server as before the schema (benchmarks/server_bench.py)."""
    if backend != "sqlite":
        pytest.skip("the switch is the same on both databases")
    from mægler_app.server.accounts import add_user
    from mægler_app.server.db import Database

    from .conftest import PASSWORD, Api

    db_url = make_db_url(backend, tmp_path, request)
    assert run_cli("init", db=db_url).returncode == 0
    db = Database(db_url)
    add_user(db, "maegler", "broker", PASSWORD)
    db.dispose()
    monkeypatch.setenv("MAEGLER_SERVER_VALIDATION", "off")
    srv: ServerProcess = start_server(db_url, tmp_path / "server.log")
    try:
        login = Api(srv.base).post("/auth/login", json={"username": "maegler", "password": PASSWORD}).json()
        api = Api(srv.base, login["token"], login["user"])
        network = change("network", {"name": "Net", "extra": 1})
        meeting = change("meeting", {"network_id": network["id"], "starts_at": "ikke en dato"})
        results = api.push(network, meeting)
        assert [r["status"] for r in results] == ["applied", "applied"]
        assert "ignored_fields" not in results[0]
        assert api.pull_all()[("network", network["id"])]["data"]["extra"] == 1
    finally:
        assert srv.stop() == 0, srv.log()


def test_the_protocol_page_lists_the_schema_as_it_is() -> None:
    from pathlib import Path

    from mægler_app.domain.schema import with_table

    page = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
    doc = page.read_text(encoding="utf-8")
    assert doc == with_table(doc), "python -m mægler_app.domain.schema docs/protocol.md"
