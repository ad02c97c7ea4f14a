"""What changed between a published form definition and a new one, as sentences a caseworker reads.

Not a JSON diff: questions and sections are matched by id, and each difference is one ``Message``
(new, removed or moved questions, a new wording, another kind of answer, required or not, other
options, help text, condition or limits; sections added, removed or renamed; verdict rules).
"""

from __future__ import annotations

from ..domain.messages import Message, Msg
from .definition import FormDefinition, Question, Section

# How each kind of question is answered, as the caseworker reads it.
KIND_LABELS: dict[str, str] = {
    "yes_partly_no": "ja/delvist/nej",
    "text": "tekst",
    "number": "tal",
    "amount": "beløb",
    "date": "dato",
    "single": "ét valg",
    "multi": "flere valg",
}


def question_count(defn: FormDefinition) -> int:
    return sum(len(sec.questions) for sec in defn.sections)


def _questions(defn: FormDefinition) -> dict[str, tuple[Section, Question]]:
    return {q.id: (sec, q) for sec in defn.sections for q in sec.questions}


def _source(expr: object) -> str:
    return str(getattr(expr, "source", "")) if expr is not None else ""


def _question_changes(old_sec: Section, old: Question, new_sec: Section, new: Question) -> list[Message]:
    out: list[Message] = []
    label = new.label
    if old_sec.id != new_sec.id:
        out.append(Msg.FORM_DIFF_QUESTION_MOVED(label=label, old=old_sec.title, new=new_sec.title))
    if old.label != new.label:
        out.append(Msg.FORM_DIFF_QUESTION_TEXT(old=old.label, new=new.label))
    if old.kind != new.kind:
        out.append(
            Msg.FORM_DIFF_QUESTION_KIND(
                label=label, old=KIND_LABELS.get(old.kind, old.kind), new=KIND_LABELS.get(new.kind, new.kind)
            )
        )
    if old.required != new.required:
        out.append(
            Msg.FORM_DIFF_QUESTION_REQUIRED(label=label)
            if new.required
            else Msg.FORM_DIFF_QUESTION_OPTIONAL(label=label)
        )
    if old.kind == new.kind and old.options != new.options:
        old_values = {o.value for o in old.options}
        new_values = {o.value for o in new.options}
        added = [o.label for o in new.options if o.value not in old_values]
        removed = [o.label for o in old.options if o.value not in new_values]
        relabelled = [
            o.label for o in new.options if o.value in old_values and o.label != old.option_label(o.value)
        ]
        out.append(
            Msg.FORM_DIFF_QUESTION_OPTIONS(
                label=label,
                added=", ".join([*added, *relabelled]) or "–",
                removed=", ".join(removed) or "–",
            )
        )
    if old.help != new.help:
        out.append(Msg.FORM_DIFF_QUESTION_HELP(label=label))
    if _source(old.relevant_if) != _source(new.relevant_if):
        out.append(Msg.FORM_DIFF_QUESTION_CONDITION(label=label, new=_source(new.relevant_if) or "–"))
    if (old.minimum, old.maximum, old.pattern) != (new.minimum, new.maximum, new.pattern):
        out.append(Msg.FORM_DIFF_QUESTION_LIMITS(label=label))
    return out


def diff_definitions(published: FormDefinition | None, new: FormDefinition) -> list[Message]:
    """The differences from ``published`` (None: the form was never published) to ``new``."""
    if published is None:
        return [Msg.FORM_DIFF_NEW_FORM(form=new.title, n=question_count(new))]
    out: list[Message] = []
    if published.title != new.title:
        out.append(Msg.FORM_DIFF_TITLE(old=published.title, new=new.title))
    old_sections = {sec.id: sec for sec in published.sections}
    new_sections = {sec.id: sec for sec in new.sections}
    for sec in new.sections:
        before = old_sections.get(sec.id)
        if before is None:
            out.append(Msg.FORM_DIFF_SECTION_ADDED(section=sec.title, n=len(sec.questions)))
        elif before.title != sec.title:
            out.append(Msg.FORM_DIFF_SECTION_RENAMED(old=before.title, new=sec.title))
    for sec in published.sections:
        if sec.id not in new_sections:
            out.append(Msg.FORM_DIFF_SECTION_REMOVED(section=sec.title, n=len(sec.questions)))
    old_questions, new_questions = _questions(published), _questions(new)
    for qid, (sec, q) in new_questions.items():
        if qid not in old_questions:
            if sec.id in old_sections:  # a new section's questions are told with the section
                out.append(Msg.FORM_DIFF_QUESTION_ADDED(section=sec.title, label=q.label))
            continue
        old_sec, old_q = old_questions[qid]
        out.extend(_question_changes(old_sec, old_q, sec, q))
    for qid, (sec, q) in old_questions.items():
        if qid not in new_questions and sec.id in new_sections:
            out.append(Msg.FORM_DIFF_QUESTION_REMOVED(section=sec.title, label=q.label))
    old_rules = {r.id: r for r in published.verdict_rules}
    new_rules = {r.id: r for r in new.verdict_rules}
    for rule in new.verdict_rules:
        before_rule = old_rules.get(rule.id)
        if before_rule is None:
            out.append(Msg.FORM_DIFF_RULE_ADDED(reason=rule.reason.text))
        elif (before_rule.when.source, before_rule.reason.text, before_rule.effect) != (
            rule.when.source,
            rule.reason.text,
            rule.effect,
        ):
            out.append(Msg.FORM_DIFF_RULE_CHANGED(reason=rule.reason.text))
    for rule in published.verdict_rules:
        if rule.id not in new_rules:
            out.append(Msg.FORM_DIFF_RULE_REMOVED(reason=rule.reason.text))
    if not out:
        out.append(Msg.FORM_DIFF_NOTHING(version=published.version))
    return out
