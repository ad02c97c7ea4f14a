"""Screening checklist v1 follows the programme: its numbers and lists come from domain.rules."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mægler_app.domain import rules
from mægler_app.forms import (
    NOT_PASSED,
    PASSED,
    FormContext,
    MemberInfo,
    bundled_registry,
    evaluate_form,
    prefill,
)
from mægler_app.forms.expressions import Node
from mægler_app.forms.registry import BUNDLED_DIR

from .forms_fixtures import complete_answers


def v1():
    return bundled_registry().get("screening", 1)


def members(n: int, employees: int = 20, knowledge: int = 0) -> tuple[MemberInfo, ...]:
    out = [MemberInfo(f"c{i}", f"Virksomhed {i}", employees=employees) for i in range(n)]
    out += [
        MemberInfo(f"k{i}", f"Videninstitution {i}", is_knowledge_institution=True) for i in range(knowledge)
    ]
    return tuple(out)


def context(ms: tuple[MemberInfo, ...]) -> FormContext:
    ki = sum(1 for m in ms if m.is_knowledge_institution)
    return FormContext(
        ms,
        {
            "network.independent_companies": len(ms) - ki,
            "network.knowledge_institutions": ki,
            "network.network_type": "vertical",
        },
    )


def run(ms: tuple[MemberInfo, ...], **changes: Any):
    d = v1()
    ctx = context(ms)
    answers = complete_answers(d, ctx, {**prefill(d, ctx), **changes})
    return evaluate_form(d, answers, ctx)


def test_lists_agree_with_the_rules() -> None:
    d = v1()
    risks = d.section("risici")
    assert {q.id: q.label for q in risks.questions if q.kind == "single"} == {
        f"risk_{k}": v for k, v in rules.RISKS.items()
    }
    # One question per dimension, in the model's order (their ids are the form's own keys).
    dims = [q.label for q in d.section("dannelse").questions if q.id.startswith("dim_")]
    assert len(dims) == len(rules.GUSTAVSSON_DIMENSIONS)
    for question_label, label in zip(dims, rules.GUSTAVSSON_DIMENSIONS.values(), strict=True):
        assert question_label.startswith(label + ":")
    assert [o.value for o in d.question("network_type")[1].options] == list(rules.NETWORK_TYPES)
    assert [o.value for o in d.question("focus_area")[1].options] == list(rules.FOCUS_AREAS)


def test_no_programme_number_is_written_into_the_checklist() -> None:
    raw = (BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8")
    for number in (
        rules.MIN_INDEPENDENT_COMPANIES,
        rules.MAX_KNOWLEDGE_INSTITUTIONS,
        rules.SME_MAX_EMPLOYEES,
        rules.USUAL_MAX_MEMBERS,
    ):
        if number > 9:
            assert str(number) not in raw
    d = v1()
    literals: list[Any] = []

    def walk(node: Node) -> None:
        if node.op == "lit" and isinstance(node.value, int) and not isinstance(node.value, bool):
            literals.append(node.value)
        for arg in node.args:
            walk(arg)

    for rule in d.verdict_rules:
        walk(rule.when.root)
    for der in d.derived:
        walk(der.expr.root)
    assert set(literals) <= {0}, "thresholds must be rules.NAME, not numbers"
    # The texts a person reads show the rules' numbers.
    assert f"op til {rules.SME_MAX_EMPLOYEES} ansatte" in d.section("virksomheder").intro
    assert f"mindst {rules.MIN_INDEPENDENT_COMPANIES} uafhængige" in d.section("netvaerk").intro
    json.loads(raw)


def test_a_good_network_passes() -> None:
    ev = run(members(rules.MIN_INDEPENDENT_COMPANIES, knowledge=1))
    assert ev.issues == []
    assert ev.verdict == PASSED
    assert ev.reasons[0].startswith("Netværket opfylder programmets kriterier")


def test_too_few_companies_and_too_many_knowledge_institutions_fail() -> None:
    ev = run(members(rules.MIN_INDEPENDENT_COMPANIES - 1, knowledge=rules.MAX_KNOWLEDGE_INSTITUTIONS + 1))
    assert ev.verdict == NOT_PASSED
    text = " ".join(ev.reasons)
    assert f"har {rules.MIN_INDEPENDENT_COMPANIES - 1} uafhængige virksomheder" in text
    assert f"har {rules.MAX_KNOWLEDGE_INSTITUTIONS + 1} videninstitutioner" in text


def test_sme_limit_comes_from_the_rules() -> None:
    ms = members(rules.MIN_INDEPENDENT_COMPANIES)
    at_limit = run(ms, virksomheder={"c0": {"employees": rules.SME_MAX_EMPLOYEES}})
    assert at_limit.verdict == PASSED
    over = run(ms, virksomheder={"c0": {"employees": rules.SME_MAX_EMPLOYEES + 1}})
    assert over.verdict == NOT_PASSED
    assert any("Virksomhed 0" in r and str(rules.SME_MAX_EMPLOYEES) in r for r in over.reasons)


def test_changing_the_rule_changes_the_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    ms = members(rules.MIN_INDEPENDENT_COMPANIES)
    assert run(ms).verdict == PASSED
    monkeypatch.setattr(rules, "MIN_INDEPENDENT_COMPANIES", rules.MIN_INDEPENDENT_COMPANIES + 1)
    assert run(ms).verdict == NOT_PASSED


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("business_relations", "ikke forretningsmæssige relationer"),
        ("long_term", "ikke af længerevarende karakter"),
        ("frame_hvad", "Hvad:"),
        ("frame_hvem", "Hvem:"),
        ("frame_hvorfor", "Hvorfor:"),
        ("frame_hvordan", "Hvordan:"),
        ("business_potential", "ikke et reelt forretningsmæssigt potentiale"),
        ("knowledge_openness", "ikke en åben indstilling"),
    ],
)
def test_each_network_criterion_answered_no_fails_with_its_reason(question: str, reason: str) -> None:
    ev = run(members(rules.MIN_INDEPENDENT_COMPANIES), **{question: {"value": "no", "comment": ""}})
    assert ev.verdict == NOT_PASSED
    assert any(reason in r for r in ev.reasons)


def test_target_group_no_answers_count_per_company() -> None:
    ms = members(rules.MIN_INDEPENDENT_COMPANIES + 1)
    one_no = run(ms, virksomheder={"c0": {"finances": {"value": "no", "comment": "underskud"}}})
    assert one_no.verdict == PASSED  # still enough companies in the target group
    assert one_no.derived["target_group_members"] == rules.MIN_INDEPENDENT_COMPANIES
    two_no = run(ms, virksomheder={"c0": {"finances": "no"}, "c1": {"strategy": "no"}})
    assert two_no.verdict == NOT_PASSED


def test_notes_for_partly_frame_high_risk_and_low_trust_do_not_fail() -> None:
    ev = run(
        members(rules.MIN_INDEPENDENT_COMPANIES),
        frame_hvordan={"value": "partly", "comment": ""},
        risk_conflicts="high",
        risk_handling="Klare aftaler om kunder",
        trust="low",
    )
    assert ev.verdict == PASSED
    assert len(ev.reasons) == 4
    assert any("delvist eksplicit" in r for r in ev.reasons)
    assert any("risiko er vurderet som høj" in r for r in ev.reasons)
    assert any("manglende tillid" in r for r in ev.reasons)


def test_high_risk_makes_its_handling_required() -> None:
    d = v1()
    ctx = context(members(rules.MIN_INDEPENDENT_COMPANIES))
    answers = complete_answers(d, ctx, prefill(d, ctx))
    assert "risk_handling" not in answers
    answers["risk_time_use"] = "high"
    msgs = [i.message for i in evaluate_form(d, answers, ctx).issues]
    assert msgs == ["»Hvordan håndteres de risici, der er vurderet som høje?« skal besvares."]


def test_knowledge_institutions_are_not_asked_the_target_group_questions() -> None:
    d = v1()
    ctx = context(members(rules.MIN_INDEPENDENT_COMPANIES, knowledge=1))
    ev = evaluate_form(d, prefill(d, ctx), ctx)
    asked = {s.question.id for s in ev.relevant if s.member is not None and s.member.is_knowledge_institution}
    assert asked == {"focus_area", "member_goals"}
