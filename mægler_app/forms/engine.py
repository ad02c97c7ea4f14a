"""The engine: which questions are relevant, what is missing or wrong, derived values and the verdict.

Answers are plain JSON: ``answers[question_id]`` for the form's own questions, and
``answers[section_id][company_id][question_id]`` for a section asked once per member company.
A yes/partly/no answer is ``{"value": "yes" | "partly" | "no", "comment": "..."}``; an amount is
øre; a date is ``YYYY-MM-DD``. Answers to questions that are not relevant are kept (nothing typed
is lost) but count for nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import DomainError
from ..domain.language import quoted as quote_in_language
from ..domain.messages import Msg, plural_form
from ..domain.numbers import format_date, format_int, format_kr, parse_date, parse_int, parse_kr
from ..domain.rules import ORE_PER_KRONE
from ..domain.vocab import Verdict
from .definition import YES_PARTLY_NO, FormDefinition, Question, Section, Template
from .expressions import Scope, evaluate, is_answered

PASSED = Verdict.PASSED
NOT_PASSED = Verdict.NOT_PASSED
VERDICT_LABELS: dict[str, str] = {PASSED: "Bestået", NOT_PASSED: "Ikke bestået", "": "Ingen afgørelse"}


@dataclass(frozen=True)
class MemberInfo:
    """A company of the network as the form sees it."""

    company_id: str
    name: str
    cvr: str = ""
    employees: int | None = None
    is_knowledge_institution: bool = False
    role: str = "member"
    focus_area: str = ""
    goals: str = ""

    def fact(self, name: str) -> Any:
        return getattr(self, name, None)


@dataclass(frozen=True)
class FormContext:
    """What the form is filled in about: the member companies and prefill facts (``network.x``)."""

    members: tuple[MemberInfo, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Slot:
    """One place an answer goes: a question, and for a per-member section the company."""

    section: Section
    question: Question
    member: MemberInfo | None = None

    @property
    def path(self) -> str:
        if self.member is None:
            return self.question.id
        return f"{self.section.id}/{self.member.company_id}/{self.question.id}"

    @property
    def label(self) -> str:
        if self.member is None:
            return quoted(self.question.label)
        return f"{quoted(self.question.label)} ({self.member.name})"


def quoted(text: str) -> str:
    """A question's label inside a sentence: »…« in Danish, “…” in English (as ``{x:q}``)."""
    return quote_in_language(text)


@dataclass(frozen=True)
class Issue:
    path: str
    question_id: str
    message: str
    unanswered: bool = False  # a required question without an answer (said in the list, not inline)


@dataclass
class Evaluation:
    relevant: list[Slot]
    answered: int
    issues: list[Issue]
    derived: dict[str, Any]
    verdict: str
    reasons: list[str]

    @property
    def total(self) -> int:
        return len(self.relevant)

    @property
    def complete(self) -> bool:
        return not self.issues

    def progress_text(self) -> str:
        return str(Msg.FORM_PROGRESS(answered=self.answered, total=self.total))


def get_answer(answers: Mapping[str, Any], slot: Slot) -> Any:
    if slot.member is None:
        return answers.get(slot.question.id)
    group = answers.get(slot.section.id)
    if not isinstance(group, Mapping):
        return None
    inst = group.get(slot.member.company_id)
    if not isinstance(inst, Mapping):
        return None
    return inst.get(slot.question.id)


def set_answer(answers: dict[str, Any], slot: Slot, value: Any) -> dict[str, Any]:
    """A copy of ``answers`` with this slot set (``None`` removes it)."""
    out = dict(answers)
    if slot.member is None:
        if value is None:
            out.pop(slot.question.id, None)
        else:
            out[slot.question.id] = value
        return out
    group = dict(out.get(slot.section.id) or {})
    inst = dict(group.get(slot.member.company_id) or {})
    if value is None:
        inst.pop(slot.question.id, None)
    else:
        inst[slot.question.id] = value
    group[slot.member.company_id] = inst
    out[slot.section.id] = group
    return out


def slots(defn: FormDefinition, ctx: FormContext) -> Iterator[Slot]:
    for sec in defn.sections:
        if sec.repeat:
            for member in ctx.members:
                for q in sec.questions:
                    yield Slot(sec, q, member)
        else:
            for q in sec.questions:
                yield Slot(sec, q)


def prefill(
    defn: FormDefinition, ctx: FormContext, answers: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Answers with every unanswered prefilled question taken from the network's facts."""
    out: dict[str, Any] = dict(answers or {})
    for slot in slots(defn, ctx):
        q = slot.question
        if not q.prefill or is_answered(get_answer(out, slot)):
            continue
        if q.prefill.startswith("member.") and slot.member is not None:
            value = slot.member.fact(q.prefill.removeprefix("member."))
        else:
            value = ctx.facts.get(q.prefill)
        if value is None or value == "":
            continue
        if q.kind == "single" and value not in {o.value for o in q.options}:
            continue
        out = set_answer(out, slot, value)
    return out


def coerce(question: Question, raw: Any, label: str | None = None) -> tuple[Any, str]:
    """The stored form of an answer, and a Danish fault ('' when fine) that starts with ``label``
    (the question's label by default). Typed text is accepted."""
    who = label or quoted(question.label)
    try:
        value, fault = _coerce(question, raw, who)
    except DomainError as exc:  # from domain.numbers, whose message names the question itself
        return raw, str(exc)
    return value, (f"{who}: {fault}" if fault else "")


def _coerce(question: Question, raw: Any, who: str) -> tuple[Any, str]:
    kind = question.kind
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if kind == "yes_partly_no":
        if isinstance(raw, str):
            raw = {"value": raw, "comment": ""}
        if not isinstance(raw, Mapping):
            return raw, str(Msg.FORM_ANSWER_YES_PARTLY_NO())
        value, comment = raw.get("value"), raw.get("comment", "") or ""
        if value not in (None, "") and value not in YES_PARTLY_NO:
            return raw, str(Msg.FORM_ANSWER_YES_PARTLY_NO())
        if not isinstance(comment, str):
            return raw, str(Msg.FORM_COMMENT_NOT_TEXT())
        if value in (None, "") and not comment.strip():
            return None, ""
        return {"value": value or None, "comment": comment}, ""
    if kind == "text":
        return (raw, "") if isinstance(raw, str) else (raw, str(Msg.FORM_ANSWER_NOT_TEXT()))
    if kind == "number":
        if isinstance(raw, bool):
            return raw, str(Msg.FORM_ANSWER_NOT_WHOLE_NUMBER())
        if isinstance(raw, int):
            return raw, ""
        if isinstance(raw, str):
            return parse_int(raw, field=who, allow_negative=True), ""
        return raw, str(Msg.FORM_ANSWER_NOT_WHOLE_NUMBER())
    if kind == "amount":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw, ""
        if isinstance(raw, str):
            return parse_kr(raw, field=who), ""
        return raw, str(Msg.FORM_ANSWER_NOT_AMOUNT())
    if kind == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat(), ""
        if isinstance(raw, str):
            return parse_date(raw, field=who).isoformat(), ""
        return raw, str(Msg.FORM_ANSWER_NOT_DATE())
    if kind == "single":
        if isinstance(raw, str) and raw in {o.value for o in question.options}:
            return raw, ""
        return raw, str(Msg.FORM_ANSWER_NOT_AN_OPTION(value=raw))
    if kind == "multi":
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            return raw, str(Msg.FORM_ANSWER_NOT_OPTION_LIST())
        allowed = [o.value for o in question.options]
        bad = [v for v in raw if v not in allowed]
        if bad:
            return raw, str(Msg.FORM_ANSWER_NOT_AN_OPTION(value=bad[0]))
        chosen = [v for v in allowed if v in raw]  # the definition's order, no duplicates
        return (chosen or None), ""
    return raw, str(Msg.FORM_QUESTION_KIND_UNKNOWN(kind=kind))


def _check_constraints(q: Question, value: Any) -> str:
    if q.kind in ("number", "amount") and isinstance(value, int):
        scale = ORE_PER_KRONE if q.kind == "amount" else 1

        def show(n: int) -> str:
            return format_kr(n * scale) if q.kind == "amount" else format_int(n)

        def sentence(text: str) -> str:  # an amount ends in "kr.": no second full stop
            return text[:-1] if text.endswith("..") else text

        if q.minimum is not None and value < q.minimum * scale:
            return sentence(str(Msg.FORM_ANSWER_BELOW_MIN(minimum=show(q.minimum))))
        if q.maximum is not None and value > q.maximum * scale:
            return sentence(str(Msg.FORM_ANSWER_ABOVE_MAX(maximum=show(q.maximum))))
    if q.kind == "text" and q.pattern and isinstance(value, str):
        if not re.fullmatch(q.pattern, value.strip()):
            return q.pattern_message or str(Msg.FORM_ANSWER_WRONG_SHAPE())
    return ""


class _Evaluator:
    def __init__(self, defn: FormDefinition, answers: Mapping[str, Any], ctx: FormContext) -> None:
        self.defn = defn
        self.answers = answers
        self.ctx = ctx
        self.derived: dict[str, Any] = {}
        self.derived_ids = {d.id for d in defn.derived}
        self.relevant_paths: set[str] = set()
        self.repeat_ids = {s.id for s in defn.sections if s.repeat}
        self._values: dict[str, Any] = {}
        self._scopes: dict[tuple[str, bool], list[Scope]] = {}
        self._questions = {q.id: (sec, q) for sec in defn.sections for q in sec.questions}

    # Raw scopes: what relevance conditions read (answers as typed, relevant or not).
    def _lookup_top(self, name: str, effective: bool) -> Any:
        if name in self.derived_ids:
            return self.derived.get(name)
        found = self._questions.get(name)
        if found is None or found[0].repeat:
            return None
        slot = Slot(*found)
        if effective and slot.path not in self.relevant_paths:
            return None
        return self._value(slot)

    def scope(self, effective: bool) -> Scope:
        return Scope(lambda n: self._lookup_top(n, effective), lambda g: self._instances(g, effective))

    def member_scope(self, sec: Section, member: MemberInfo, effective: bool) -> Scope:
        local = {q.id: q for q in sec.questions}

        def lookup(name: str) -> Any:
            if name.startswith("member."):
                return member.fact(name.removeprefix("member."))
            q = local.get(name)
            if q is not None:
                slot = Slot(sec, q, member)
                if effective and slot.path not in self.relevant_paths:
                    return None
                return self._value(slot)
            return self._lookup_top(name, effective)

        return Scope(lookup, lambda g: self._instances(g, effective), lambda: member.name)

    def _value(self, slot: Slot) -> Any:
        """The slot's answer as stored, or None when it does not parse (cached: read many times)."""
        path = slot.path
        if path not in self._values:
            value, fault = coerce(slot.question, get_answer(self.answers, slot))
            self._values[path] = None if fault else value
        return self._values[path]

    def _instances(self, group: str, effective: bool) -> list[Scope]:
        key = (group, effective)
        if key not in self._scopes:
            sec = self.defn.section(group)
            self._scopes[key] = [self.member_scope(sec, m, effective) for m in self.ctx.members]
        return self._scopes[key]

    def run(self) -> Evaluation:
        # Derived values first on the raw answers, so that conditions may read them; then again
        # on the relevant answers only, for the verdict.
        self._compute_derived(self.scope(False))
        relevant: list[Slot] = []
        for sec in self.defn.sections:
            if sec.relevant_if is not None and not evaluate(sec.relevant_if, self.scope(False)):
                continue
            if sec.repeat:
                for member in self.ctx.members:
                    sc = self.member_scope(sec, member, False)
                    relevant += [
                        Slot(sec, q, member)
                        for q in sec.questions
                        if q.relevant_if is None or evaluate(q.relevant_if, sc)
                    ]
            else:
                sc = self.scope(False)
                relevant += [
                    Slot(sec, q)
                    for q in sec.questions
                    if q.relevant_if is None or evaluate(q.relevant_if, sc)
                ]
        self.relevant_paths = {s.path for s in relevant}
        self._compute_derived(self.scope(True))

        issues: list[Issue] = []
        answered = 0
        for slot in relevant:
            raw = get_answer(self.answers, slot)
            value, fault = coerce(slot.question, raw, slot.label)
            if fault:
                issues.append(Issue(slot.path, slot.question.id, fault))
                answered += 1
                continue
            done = is_answered(value)
            if done:
                answered += 1
                fault = _check_constraints(slot.question, value)
                if fault:
                    issues.append(Issue(slot.path, slot.question.id, f"{slot.label} {fault}"))
            elif slot.question.required:
                message = str(Msg.FORM_ANSWER_REQUIRED(question=slot.label))
                issues.append(Issue(slot.path, slot.question.id, message, unanswered=True))
        issues += self._min_yes(relevant)

        verdict, reasons = self._verdict()
        return Evaluation(relevant, answered, issues, dict(self.derived), verdict, reasons)

    def _compute_derived(self, scope: Scope) -> None:
        self.derived = {}
        for d in self.defn.derived:
            self.derived[d.id] = evaluate(d.expr, scope)

    def _min_yes(self, relevant: list[Slot]) -> list[Issue]:
        issues: list[Issue] = []
        by_path = {s.path: s for s in relevant}
        for sec in self.defn.sections:
            owners: list[MemberInfo | None] = list(self.ctx.members) if sec.repeat else [None]
            for rule in sec.min_yes:
                for member in owners:
                    slots_here = [
                        by_path[p]
                        for p in (
                            Slot(sec, self.defn.question(qid)[1], member).path for qid in rule.questions
                        )
                        if p in by_path
                    ]
                    if not slots_here:
                        continue
                    yes = sum(1 for s in slots_here if (self._value(s) or {}).get("value") == "yes")
                    if yes < rule.count:
                        names = ", ".join(quoted(s.question.label) for s in slots_here)
                        who = f" ({member.name})" if member is not None else ""
                        msg = rule.message or str(Msg.FORM_MIN_YES(count=rule.count, questions=names))
                        issues.append(
                            Issue(
                                slots_here[0].path,
                                slots_here[0].question.id,
                                f"{quoted(sec.title)}{who}: {msg}",
                            )
                        )
        return issues

    def _verdict(self) -> tuple[str, list[str]]:
        if not self.defn.has_verdict:
            return "", []
        scope = self.scope(True)
        fails: list[str] = []
        notes: list[str] = []
        for rule in self.defn.verdict_rules:
            if evaluate(rule.when, scope):
                (fails if rule.effect == "fail" else notes).append(render_template(rule.reason, scope))
        if fails:
            return NOT_PASSED, fails + notes
        return PASSED, [self.defn.passed_reason, *notes]


def render_template(template: Template, scope: Scope) -> str:
    parts = iter(zip(template.parts, template.specs or ("",) * len(template.parts), strict=True))

    def fill(_m: re.Match[str]) -> str:
        expr, spec = next(parts)
        value = evaluate(expr, scope)
        if spec:
            return _formatted(value, spec)
        if value is None:
            return "?"
        if isinstance(value, bool):
            return "ja" if value else "nej"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    return re.sub(r"\{([^{}]+)\}", fill, template.text)


def _formatted(value: Any, spec: str) -> str:
    """A hole's value in its format (definition.HOLE_FORMATS), as ``domain.messages`` writes it."""
    kind, _, rest = spec.partition(":")
    count = value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "plural":
        one, other = rest.split("|")
        return one if count is not None and plural_form(count) == 0 else other
    return "?" if count is None else format_int(count)


def evaluate_form(defn: FormDefinition, answers: Mapping[str, Any], ctx: FormContext) -> Evaluation:
    """Relevance, progress, every issue (Danish, naming its question), derived values and verdict."""
    return _Evaluator(defn, answers, ctx).run()


def display_value(question: Question, value: Any) -> str:
    """An answer as a person reads it (``Ja``, ``25.000,00 kr.``, ``7. marts 2025``); '' if unanswered."""
    stored, fault = coerce(question, value)
    if fault:
        return str(value)
    if stored is None:
        return ""
    kind = question.kind
    if kind == "yes_partly_no":
        return YES_PARTLY_NO.get(stored.get("value") or "", "")
    if kind == "amount":
        return format_kr(stored)
    if kind == "date":
        return format_date(dt.date.fromisoformat(stored))
    if kind == "single":
        return question.option_label(stored)
    if kind == "multi":
        return ", ".join(question.option_label(v) for v in stored)
    if kind == "number":
        return format_int(stored)
    return str(stored)


def comment_of(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("comment") or "")
    return ""
