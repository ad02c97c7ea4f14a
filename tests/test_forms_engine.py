"""The form engine: required answers, constraints, relevance, per-member repeats, derived values, verdict."""

from __future__ import annotations

from typing import Any

import pytest

from mægler_app.domain import rules
from mægler_app.forms import (
    NOT_PASSED,
    PASSED,
    FormContext,
    MemberInfo,
    coerce,
    display_value,
    evaluate_form,
    parse_definition,
    prefill,
)
from mægler_app.forms.expressions import ExpressionError, Scope, evaluate, parse_expression


def small_definition() -> dict[str, Any]:
    return {
        "id": "proeve",
        "version": 1,
        "title": "Prøveskema",
        "sections": [
            {
                "id": "a",
                "title": "Generelt",
                "questions": [
                    {
                        "id": "count",
                        "kind": "number",
                        "label": "Antal",
                        "required": True,
                        "constraints": [{"range": {"min": 0, "max": "rules.USUAL_MAX_MEMBERS"}}],
                        "prefill": "network.members_total",
                    },
                    {
                        "id": "budget",
                        "kind": "amount",
                        "label": "Budget",
                        "constraints": [{"range": {"max": 10000}}],
                    },
                    {"id": "start", "kind": "date", "label": "Startdato"},
                    {
                        "id": "postcode",
                        "kind": "text",
                        "label": "Postnummer",
                        "constraints": [{"pattern": "\\d{4}", "message": "skal være fire cifre."}],
                    },
                    {
                        "id": "kind",
                        "kind": "single",
                        "label": "Type",
                        "required": True,
                        "options_from": "NETWORK_TYPES",
                    },
                    {
                        "id": "why",
                        "kind": "text",
                        "label": "Hvorfor vertikalt",
                        "required": True,
                        "relevant_if": 'kind == "vertical"',
                    },
                    {"id": "areas", "kind": "multi", "label": "Områder", "options_from": "FOCUS_AREAS"},
                ],
            },
            {
                "id": "krit",
                "title": "Kriterier",
                "constraints": [{"min_yes": 2, "questions": ["k1", "k2", "k3"]}],
                "questions": [
                    {"id": "k1", "kind": "yes_partly_no", "label": "Kriterie 1", "required": True},
                    {"id": "k2", "kind": "yes_partly_no", "label": "Kriterie 2", "required": True},
                    {"id": "k3", "kind": "yes_partly_no", "label": "Kriterie 3"},
                ],
            },
            {
                "id": "pr",
                "title": "Pr. virksomhed",
                "repeat": "members",
                "questions": [
                    {
                        "id": "emp",
                        "kind": "number",
                        "label": "Ansatte",
                        "required": True,
                        "prefill": "member.employees",
                        "relevant_if": "not member.is_knowledge_institution",
                    },
                    {"id": "ok", "kind": "yes_partly_no", "label": "Økonomisk velfunderet", "required": True},
                ],
            },
        ],
        "derived": [
            {"id": "small", "label": "Små virksomheder", "expr": "count(pr, sme(emp))"},
            {"id": "yes_total", "label": "Ja i alt", "expr": "yes_count(k1, k2, k3)"},
        ],
        "verdict": {
            "passed_reason": "Bestået.",
            "rules": [
                {
                    "id": "few",
                    "when": "small < rules.MIN_INDEPENDENT_COMPANIES",
                    "reason": "Kun {small} små virksomheder; mindst {rules.MIN_INDEPENDENT_COMPANIES}.",
                },
                {
                    "id": "big",
                    "effect": "note",
                    "when": "count(pr, emp != null and not sme(emp)) > 0",
                    "reason": "For store: {names(pr, emp != null and not sme(emp))}.",
                },
                {"id": "k1no", "when": 'k1 == "no"', "reason": "Kriterie 1 er ikke opfyldt."},
            ],
        },
    }


MEMBERS = (
    MemberInfo("c1", "Alfa ApS", "11111111", 10),
    MemberInfo("c2", "Beta A/S", "22222222", 300),
    MemberInfo("c3", "Gamma ApS", "33333333", 20),
    MemberInfo("c4", "Aarhus Universitet", "44444444", None, is_knowledge_institution=True),
)
CTX = FormContext(members=MEMBERS, facts={"network.members_total": 4})


def defn():
    return parse_definition(small_definition(), source="proeve.json")


def messages(answers: dict[str, Any]) -> list[str]:
    return [i.message for i in evaluate_form(defn(), answers, CTX).issues]


def filled() -> dict[str, Any]:
    d = defn()
    a = prefill(d, CTX)
    a.update({"kind": "horizontal", "k1": {"value": "yes", "comment": "fint"}, "k2": "yes"})
    a["pr"] = {cid: dict(v, ok={"value": "yes", "comment": ""}) for cid, v in a["pr"].items()}
    a["pr"]["c4"] = {"ok": {"value": "partly", "comment": ""}}
    return a


def test_prefill_takes_network_and_member_facts() -> None:
    a = prefill(defn(), CTX)
    assert a["count"] == 4
    assert a["pr"]["c1"]["emp"] == 10 and a["pr"]["c2"]["emp"] == 300
    assert "c4" not in a["pr"]  # a knowledge institution has no employee count to take
    # A given answer is never overwritten by prefill.
    assert prefill(defn(), CTX, {"count": 3})["count"] == 3


def test_required_answers_are_listed_in_danish_naming_each_question() -> None:
    msgs = messages({})
    assert "»Antal« skal besvares." in msgs
    assert "»Type« skal besvares." in msgs
    assert "»Kriterie 1« skal besvares." in msgs
    assert "»Ansatte« (Alfa ApS) skal besvares." in msgs
    assert "»Økonomisk velfunderet« (Aarhus Universitet) skal besvares." in msgs
    # Not required, not relevant: not listed.
    assert not any("Startdato" in m or "Hvorfor vertikalt" in m for m in msgs)
    assert not any("Ansatte« (Aarhus" in m for m in msgs)


def test_complete_answers_have_no_issues_and_progress_counts_relevant_questions() -> None:
    ev = evaluate_form(defn(), filled(), CTX)
    assert ev.issues == []
    # 7 general minus the irrelevant "why" = 6, 3 criteria, 3 employee counts + 4 ok answers
    assert ev.total == 6 + 3 + 3 + 4
    assert ev.answered == 1 + 1 + 2 + 3 + 4  # count, kind, k1, k2, 3x emp, 4x ok
    assert ev.progress_text() == f"{ev.answered} af {ev.total} besvaret"


def test_range_constraints_read_rules_and_amounts_are_in_kroner() -> None:
    a = filled()
    a["count"] = rules.USUAL_MAX_MEMBERS + 1
    a["budget"] = "10.000,01"
    msgs = messages(a)
    assert f"»Antal« må ikke være større end {rules.USUAL_MAX_MEMBERS}." in msgs
    assert "»Budget« må ikke være større end 10.000,00 kr." in msgs
    a["count"] = -1
    a["budget"] = "10.000"
    msgs = messages(a)
    assert "»Antal« må ikke være mindre end 0." in msgs
    assert not any("Budget" in m for m in msgs)


def test_typed_input_that_does_not_parse_is_reported_not_lost() -> None:
    a = filled()
    a.update({"count": "tre", "budget": "12,345", "start": "31.2.2026", "postcode": "84a0"})
    msgs = messages(a)
    assert "»Antal«: »tre« er ikke et helt tal." in msgs
    assert any(m.startswith("»Budget«: ") and "to decimaler" in m for m in msgs)
    assert any(m.startswith("»Startdato«: ") and "ikke en dato" in m for m in msgs)
    assert "»Postnummer« skal være fire cifre." in msgs
    # Well-formed versions pass.
    a.update({"count": "3", "budget": "1.234,50", "start": "7.3.2026", "postcode": "8400"})
    assert messages(a) == []


def test_min_yes_on_a_section() -> None:
    a = filled()
    a["k2"] = {"value": "partly", "comment": ""}
    msgs = messages(a)
    assert any(
        "»Kriterier«: Mindst 2 af »Kriterie 1«, »Kriterie 2«, »Kriterie 3« skal besvares med ja." == m
        for m in msgs
    )
    a["k3"] = "yes"
    assert messages(a) == []


def test_relevance_follows_other_answers_and_ignores_irrelevant_answers() -> None:
    a = filled()
    a["kind"] = "vertical"
    assert "»Hvorfor vertikalt« skal besvares." in messages(a)
    a["why"] = "Kunde og leverandør"
    assert messages(a) == []
    # Back to another type: the answer is kept but no longer counts or is checked.
    a["kind"] = "congruent"
    a["why"] = 17  # even a wrong type is ignored when irrelevant
    ev = evaluate_form(defn(), a, CTX)
    assert ev.issues == [] and "why" not in {s.question.id for s in ev.relevant}


def test_repeat_asks_once_per_member_and_derived_values_count_over_members() -> None:
    ev = evaluate_form(defn(), filled(), CTX)
    per_member = [s for s in ev.relevant if s.section.id == "pr"]
    assert {s.member.company_id for s in per_member if s.member} == {"c1", "c2", "c3", "c4"}
    assert ev.derived == {"small": 2, "yes_total": 2}


def test_verdict_rules_with_reasons_and_notes() -> None:
    a = filled()
    ev = evaluate_form(defn(), a, CTX)
    # Two SMEs (Beta has 300 employees): fails, with the note naming Beta.
    assert ev.verdict == NOT_PASSED
    assert ev.reasons == [
        f"Kun 2 små virksomheder; mindst {rules.MIN_INDEPENDENT_COMPANIES}.",
        "For store: Beta A/S.",
    ]
    a["pr"]["c2"]["emp"] = rules.SME_MAX_EMPLOYEES
    ev = evaluate_form(defn(), a, CTX)
    assert (ev.verdict, ev.reasons) == (PASSED, ["Bestået."])
    a["k1"] = {"value": "no", "comment": "nej"}
    ev = evaluate_form(defn(), a, CTX)
    assert ev.verdict == NOT_PASSED and ev.reasons == ["Kriterie 1 er ikke opfyldt."]


def test_display_values_are_danish() -> None:
    d = defn()
    _, q = d.question("budget")
    assert display_value(q, 2_500_000) == "25.000,00 kr."
    assert display_value(d.question("start")[1], "2026-03-07") == "7. marts 2026"
    assert display_value(d.question("kind")[1], "complementary") == "Komplementært"
    assert display_value(d.question("k1")[1], {"value": "partly", "comment": "x"}) == "Delvist"
    assert display_value(d.question("areas")[1], ["food", "energy_environment"]) == "Energi/miljø, Fødevarer"
    assert display_value(d.question("count")[1], None) == ""


def test_coerce_keeps_the_definition_order_for_multiple_choice() -> None:
    q = defn().question("areas")[1]
    assert coerce(q, ["food", "energy_environment", "food"]) == (["energy_environment", "food"], "")
    assert coerce(q, ["fisk"])[1] == f"»{q.label}«: »fisk« er ikke en af valgmulighederne."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a == 1 and not b", True),
        ("a in [1, 2] or c >= 10", True),
        ("c < rules.MIN_INDEPENDENT_COMPANIES", False),
        ("missing > 1", False),  # an unanswered question never satisfies an order comparison
        ("missing == null", True),
        ("a + c - 1 == 5", True),
        ("\"x\" not in [s, 'y']", False),
        ("(a == 2 or b) and c == 5", False),
    ],
)
def test_condition_language(text: str, expected: bool) -> None:
    values = {"a": 1, "b": False, "c": 5, "s": "x", "missing": None}
    assert evaluate(parse_expression(text), Scope(values.get)) is expected


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("__import__('os')", "Ukendt funktion"),
        ("a ==", "slutter for tidligt"),
        ("a = 1", "Uforståeligt tegn"),
        ("rules.NOPE > 1", "rules.NOPE"),
        ("rules.NETWORK_TYPES > 1", "ikke et tal"),
        ("count(1, a)", "navnet på en gruppe"),
        ("(a == 1", "Forventede »)«"),
        ("a.b.__class__ == 1 2", "Uventet »2«"),
    ],
)
def test_condition_language_refuses_what_it_does_not_know(text: str, fault: str) -> None:
    with pytest.raises(ExpressionError, match=fault.replace("(", r"\(").replace(")", r"\)")):
        parse_expression(text)


def test_answers_of_the_wrong_shape_are_faults_not_crashes() -> None:
    a = filled()
    a.update({"k1": 7, "k2": ["yes"], "kind": 3, "areas": "fisk", "pr": {"c1": "nonsense", "c2": None}})
    msgs = messages(a)
    assert "»Kriterie 1«: svaret skal være ja, delvist eller nej." in msgs
    assert "»Type«: »3« er ikke en af valgmulighederne." in msgs
    assert "»Områder«: »fisk« er ikke en af valgmulighederne." in msgs
    assert "»Ansatte« (Alfa ApS) skal besvares." in msgs


def plural_definition(reason: str) -> dict[str, Any]:
    """A definition whose verdict sentence counts: the hole says the word for the number."""
    body = small_definition()
    body["version"] = 2
    body["verdict"]["rules"][0]["reason"] = reason
    return body


PLURAL_REASON = (
    "Kun {small} {small:plural:lille virksomhed|små virksomheder}; mindst "
    "{rules.MIN_INDEPENDENT_COMPANIES}. {yes_total:int} {yes_total:plural:ja|ja'er}."
)


@pytest.mark.parametrize(
    ("small_members", "expected"),
    [
        (1, "Kun 1 lille virksomhed; mindst 3. 2 ja'er."),
        (2, "Kun 2 små virksomheder; mindst 3. 2 ja'er."),
    ],
)
def test_a_reason_can_say_the_word_for_its_number(small_members: int, expected: str) -> None:
    """A new form version writes ``{n:plural:ental|flertal}`` (as domain.messages does): 1 is singular."""
    d = parse_definition(plural_definition(PLURAL_REASON), source="proeve_v2.json")
    a = filled()
    if small_members == 1:
        a["pr"]["c3"]["emp"] = rules.SME_MAX_EMPLOYEES + 1
    ev = evaluate_form(d, a, CTX)
    assert ev.verdict == NOT_PASSED and ev.reasons[0] == expected


@pytest.mark.parametrize(
    ("hole", "fault"),
    [
        ("{small:plural:virksomhed}", "ental og flertal"),
        ("{small:plural:|virksomheder}", "ental og flertal"),
        ("{small:kr}", "formatet »kr« findes ikke"),
        ("{small:int:x}", "int tager intet"),
    ],
)
def test_a_hole_with_a_format_that_does_not_exist_is_refused(hole: str, fault: str) -> None:
    from mægler_app.forms import FormDefinitionError

    with pytest.raises(FormDefinitionError, match=fault):
        parse_definition(plural_definition(f"Kun {hole}."), source="proeve_v2.json")


def test_a_string_with_a_colon_in_a_hole_is_still_an_expression() -> None:
    body = plural_definition('Type: {kind == "a:b"}.')
    d = parse_definition(body, source="proeve_v2.json")
    assert d.verdict_rules[0].reason.specs == ("",)


def test_the_released_screening_v1_keeps_its_words() -> None:
    """v1 is released: its stored text is not changed to use the plural (a new version may)."""
    from mægler_app.forms.registry import bundled_registry

    v1 = bundled_registry().get("screening", 1)
    few = next(r for r in v1.verdict_rules if "uafhængige virksomheder" in r.reason.text)
    assert few.reason.text.startswith("Netværket har {independent_companies} uafhængige virksomheder;")
    assert set(few.reason.specs) == {""}
