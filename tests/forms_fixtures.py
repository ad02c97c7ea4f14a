"""Helpers for the form and screening tests: small networks in a store, and completely filled answers."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.forms import FormContext, FormDefinition, evaluate_form, get_answer, set_answer

_seq = iter(range(5000, 100000, 7))


def make_network(
    store: Any,
    name: str = "Testnetværk Vest",
    members: list[tuple[str, int | None, bool]] | None = None,
    network_type: str = "vertical",
) -> tuple[str, list[str], list[str]]:
    """A network with member companies (name, employees, knowledge institution). Returns
    (network id, company ids, CVR numbers)."""
    from mægler_app.store.models import Company, Membership, Network

    members = members or [
        ("Alfa Metal ApS", 12, False),
        ("Beta Styring A/S", 40, False),
        ("Gamma Ingeniører", 8, False),
    ]
    with store.session() as s:
        network = Network(name=name, network_type=network_type, core_task="Fælles leverancer")
        s.add(network)
        ids, cvrs = [], []
        for i, (cname, employees, ki) in enumerate(members):
            cvr = make_valid_cvr(next(_seq))
            c = Company(
                cvr=cvr,
                name=cname,
                employees=employees,
                is_knowledge_institution=ki,
                focus_area="energy_environment",
            )
            s.add(c)
            s.add(
                Membership(
                    network_id=network.id,
                    company_id=c.id,
                    role="lead" if i == 0 else ("knowledge" if ki else "member"),
                )
            )
            ids.append(c.id)
            cvrs.append(cvr)
        return network.id, ids, cvrs


def good_value(question: Any) -> Any:
    kind = question.kind
    if kind == "yes_partly_no":
        return {"value": "yes", "comment": ""}
    if kind == "text":
        return "Beskrevet af mægleren."
    if kind == "number":
        return max(question.minimum or 0, 1)
    if kind == "amount":
        return 100_00
    if kind == "date":
        return "2026-03-07"
    if kind == "single":
        return question.options[0].value
    if kind == "multi":
        return [question.options[0].value]
    raise AssertionError(kind)


def complete_answers(defn: FormDefinition, ctx: FormContext, answers: dict[str, Any]) -> dict[str, Any]:
    """Fill every relevant unanswered question with an ordinary positive answer, keeping given ones."""
    out = dict(answers)
    for _round in range(5):
        ev = evaluate_form(defn, out, ctx)
        todo = [s for s in ev.relevant if get_answer(out, s) in (None, "", [])]
        if not todo:
            return out
        for slot in todo:
            out = set_answer(out, slot, good_value(slot.question))
    return out


def passed_screening_fields(
    companies: dict[str, str], knowledge: frozenset[str] | set[str] = frozenset(), *, passed: bool = True
) -> dict[str, Any]:
    """A final screening's fields whose answers pass the bundled screening form for these member
    companies (id → name; ``knowledge`` the knowledge institutions), with the engine's verdict:
    what a broker's finalized screening holds, and what the server computes again."""
    from mægler_app.forms import bundled_registry, prefill
    from mægler_app.forms.screening import screening_context

    members = [{"company_id": c, "role": "member"} for c in companies]
    records = {
        c: {"id": c, "name": name, "is_knowledge_institution": c in knowledge}
        for c, name in companies.items()
    }
    ctx = screening_context({}, members, records)
    defn = bundled_registry().latest("screening")
    answers = complete_answers(defn, ctx, prefill(defn, ctx))
    if not passed:  # no business relations between the companies: a complete, not passed screening
        answers["business_relations"] = {"value": "no", "comment": "Ingen handel endnu."}
    result = evaluate_form(defn, answers, ctx)
    assert not result.issues, result.issues
    assert (result.verdict == "passed") == passed, result.reasons
    return {
        "form_id": defn.id,
        "form_version": defn.version,
        "answers": answers,
        "status": "final",
        "verdict": result.verdict,
        "reasons": list(result.reasons),
    }
