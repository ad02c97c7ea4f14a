"""Form definitions: versioned JSON read into frozen dataclasses, checked completely on load.

A definition is data (it may come from a file in the package or from the server), so every fault
is reported as ``FormDefinitionError`` naming the file and the place, never as a crash later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import rules as _rules
from ..domain.errors import DomainError, os_reason
from .expressions import (
    MEMBER_FIELDS,
    Expression,
    ExpressionError,
    Node,
    parse_expression,
    rule_value,
)

KINDS = frozenset({"yes_partly_no", "text", "number", "amount", "date", "single", "multi"})
YES_PARTLY_NO: dict[str, str] = {"yes": "Ja", "partly": "Delvist", "no": "Nej"}

# Option lists a definition may take from the programme's rules instead of repeating them.
# Keys are the enums' plain values: an answer is stored and compared as JSON text.
RULE_OPTION_LISTS: dict[str, dict[str, str]] = {
    "NETWORK_TYPES": {str(key): label for key, (label, _desc) in _rules.NETWORK_TYPES.items()},
    "FOCUS_AREAS": {str(key): label for key, label in _rules.FOCUS_AREAS.items()},
    "RISKS": {str(key): label for key, label in _rules.RISKS.items()},
    "GUSTAVSSON_DIMENSIONS": {str(key): label for key, label in _rules.GUSTAVSSON_DIMENSIONS.items()},
    "MEMBER_ROLES": {str(key): label for key, label in _rules.MEMBER_ROLES.items()},
}
# Where a question may take its first answer from (the store fills these in).
PREFILL_SOURCES = frozenset(
    {
        "network.independent_companies",
        "network.knowledge_institutions",
        "network.members_total",
        "network.network_type",
        "network.core_task",
        "network.participants_text",
        "network.goals",
        "network.terms",
        "member.employees",
        "member.focus_area",
        "member.goals",
    }
)
REPEAT_SOURCES = frozenset({"members"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_RULE_REF = re.compile(r"\{rules\.([A-Za-z0-9_]+)\}")
# a hole's format: after the expression's first ":" (an expression has no ":" outside a string)
_HOLE_FORMAT = re.compile(r"^(?P<expr>[^:'\"]+):(?P<spec>(?P<kind>[a-z]+)(?::(?P<rest>.*))?)$", re.S)
HOLE_FORMATS = ("int", "plural")


class FormDefinitionError(DomainError):
    """An invalid form definition; the message names the file (or source) and the fault."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    label: str
    required: bool = False
    help: str = ""
    source: str = ""  # where in the programme text the question comes from
    options: tuple[Option, ...] = ()
    multiline: bool = False
    minimum: int | None = None
    maximum: int | None = None
    pattern: str = ""
    pattern_message: str = ""
    relevant_if: Expression | None = None
    prefill: str = ""
    comment_label: str = ""

    def option_label(self, value: str) -> str:
        for opt in self.options:
            if opt.value == value:
                return opt.label
        return value


@dataclass(frozen=True)
class MinYes:
    """At least ``count`` of ``questions`` (yes/partly/no) answered yes."""

    count: int
    questions: tuple[str, ...]
    message: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    source: str = ""
    repeat: str = ""  # "members": the section is asked once per company of the network
    relevant_if: Expression | None = None
    min_yes: tuple[MinYes, ...] = ()


@dataclass(frozen=True)
class Derived:
    id: str
    label: str
    expr: Expression


@dataclass(frozen=True)
class Template:
    """A Danish sentence with ``{expression}`` holes filled from the answers.

    A hole may end in a format, as in ``domain.messages``: ``{n:int}`` (Danish thousands) or
    ``{n:plural:virksomhed|virksomheder}`` (the word for the number, without it). ``specs`` holds
    each hole's format ("" for none)."""

    text: str
    parts: tuple[Expression, ...]
    specs: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerdictRule:
    id: str
    when: Expression
    reason: Template
    effect: str = "fail"  # fail: not passed | note: recorded with the verdict


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: str
    sections: tuple[Section, ...]
    description: str = ""
    derived: tuple[Derived, ...] = ()
    verdict_rules: tuple[VerdictRule, ...] = ()
    passed_reason: str = ""
    body: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    @property
    def label(self) -> str:
        return f"{self.title}, version {self.version}"

    def section(self, section_id: str) -> Section:
        for sec in self.sections:
            if sec.id == section_id:
                return sec
        raise KeyError(section_id)

    def question(self, question_id: str) -> tuple[Section, Question]:
        for sec in self.sections:
            for q in sec.questions:
                if q.id == question_id:
                    return sec, q
        raise KeyError(question_id)

    @property
    def has_verdict(self) -> bool:
        return bool(self.verdict_rules)


class _Reader:
    """Reads one definition, keeping the place it is at for the error messages."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, place: str, fault: str) -> FormDefinitionError:
        prefix = f"Skemaet {self.where} er ugyldigt"
        return FormDefinitionError(f"{prefix} ({place}): {fault}" if place else f"{prefix}: {fault}")

    def obj(self, value: Any, place: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(place, "der skal stå et objekt ({...}).")
        return value

    def text(self, data: Mapping[str, Any], key: str, place: str, *, required: bool = True) -> str:
        value = data.get(key, None)
        if value is None:
            if required:
                raise self.fail(place, f"feltet »{key}« mangler.")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(place, f"feltet »{key}« skal være en tekst der ikke er tom.")
        return value

    def prose(self, data: Mapping[str, Any], key: str, place: str, *, required: bool = True) -> str:
        """A text a person reads; ``{rules.NAME}`` is replaced by the programme's number."""
        value = self.text(data, key, place, required=required)

        def fill(m: re.Match[str]) -> str:
            try:
                return str(rule_value(m.group(1)))
            except ExpressionError as exc:
                raise self.fail(place, str(exc)) from None

        return _RULE_REF.sub(fill, value)

    def ident(self, data: Mapping[str, Any], place: str) -> str:
        value = self.text(data, "id", place)
        if not _ID.match(value):
            raise self.fail(
                place,
                f"id »{value}« må kun have små bogstaver a-z, cifre og _ og skal starte med et bogstav.",
            )
        return value

    def number(self, value: Any, place: str, what: str) -> int:
        if isinstance(value, str) and value.startswith("rules."):
            try:
                return rule_value(value.removeprefix("rules."))
            except ExpressionError as exc:
                raise self.fail(place, f"{what}: {exc}") from None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(place, f"{what} skal være et helt tal eller »rules.NAVN«.")
        return value

    def expression(self, value: Any, place: str) -> Expression:
        try:
            return parse_expression(value)
        except ExpressionError as exc:
            raise self.fail(place, f"betingelsen »{value}« kan ikke læses: {exc}") from None

    def template(self, value: Any, place: str) -> Template:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(place, "begrundelsen skal være en tekst der ikke er tom.")
        parts: list[Expression] = []
        specs: list[str] = []
        for m in _TEMPLATE.finditer(value):
            expr, spec = self.hole(m.group(1).strip(), place)
            parts.append(self.expression(expr, place))
            specs.append(spec)
        return Template(value, tuple(parts), tuple(specs))

    def hole(self, hole: str, place: str) -> tuple[str, str]:
        """A hole's expression and its format (``n:plural:virksomhed|virksomheder``), checked."""
        m = _HOLE_FORMAT.match(hole)
        if m is None:
            return hole, ""
        kind, rest = m.group("kind"), m.group("rest")
        if kind not in HOLE_FORMATS:
            raise self.fail(place, f"»{{{hole}}}«: formatet »{kind}« findes ikke (kun int og plural).")
        if kind == "plural":
            forms = (rest or "").split("|")
            if len(forms) != 2 or not all(f.strip() for f in forms):
                raise self.fail(
                    place, f"»{{{hole}}}«: skriv ental og flertal som plural:virksomhed|virksomheder."
                )
        elif rest is not None:
            raise self.fail(place, f"»{{{hole}}}«: int tager intet efter sig.")
        return m.group("expr").strip(), m.group("spec")

    def options(self, data: Mapping[str, Any], place: str) -> tuple[Option, ...]:
        if "options_from" in data:
            name = data["options_from"]
            if name not in RULE_OPTION_LISTS:
                known = ", ".join(sorted(RULE_OPTION_LISTS))
                raise self.fail(place, f"»options_from« skal være en af {known}, ikke »{name}«.")
            return tuple(Option(k, v) for k, v in RULE_OPTION_LISTS[name].items())
        raw = data.get("options")
        if not isinstance(raw, list) or not raw:
            raise self.fail(place, "et valgspørgsmål skal have »options« (en liste) eller »options_from«.")
        opts = []
        for i, item in enumerate(raw):
            o = self.obj(item, f"{place}, valgmulighed {i + 1}")
            opts.append(Option(self.text(o, "value", place), self.prose(o, "label", place)))
        values = [o.value for o in opts]
        if len(set(values)) != len(values):
            raise self.fail(place, "to valgmuligheder har samme værdi.")
        return tuple(opts)

    def question(self, raw: Any, place: str, in_repeat: bool) -> Question:
        data = self.obj(raw, place)
        qid = self.ident(data, place)
        place = f"{place} »{qid}«"
        kind = self.text(data, "kind", place)
        if kind not in KINDS:
            raise self.fail(place, f"ukendt spørgsmålstype »{kind}«; brug en af {', '.join(sorted(KINDS))}.")
        required = data.get("required", False)
        if not isinstance(required, bool):
            raise self.fail(place, "»required« skal være true eller false.")
        options: tuple[Option, ...] = ()
        if kind in ("single", "multi"):
            options = self.options(data, place)
        elif "options" in data or "options_from" in data:
            raise self.fail(place, f"et spørgsmål af typen »{kind}« har ikke valgmuligheder.")
        minimum = maximum = None
        pattern = pattern_message = ""
        for i, con in enumerate(data.get("constraints", []) or []):
            c = self.obj(con, f"{place}, betingelse {i + 1}")
            if "range" in c:
                if kind not in ("number", "amount"):
                    raise self.fail(place, "»range« kan kun bruges på tal og beløb.")
                rng = self.obj(c["range"], place)
                if "min" in rng:
                    minimum = self.number(rng["min"], place, "»min«")
                if "max" in rng:
                    maximum = self.number(rng["max"], place, "»max«")
                if minimum is not None and maximum is not None and minimum > maximum:
                    raise self.fail(place, f"»min« ({minimum}) er større end »max« ({maximum}).")
            elif "pattern" in c:
                if kind != "text":
                    raise self.fail(place, "»pattern« kan kun bruges på tekstspørgsmål.")
                pattern = self.text(c, "pattern", place)
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise self.fail(
                        place, f"mønsteret »{pattern}« er ikke et gyldigt regulært udtryk ({exc})."
                    ) from None
                pattern_message = self.text(c, "message", place, required=False)
            else:
                raise self.fail(place, f"ukendt betingelse {sorted(c)}; brug »range« eller »pattern«.")
        prefill = self.text(data, "prefill", place, required=False)
        if prefill and prefill not in PREFILL_SOURCES:
            raise self.fail(place, f"ukendt »prefill« »{prefill}«.")
        if prefill.startswith("member.") and not in_repeat:
            raise self.fail(place, f"»{prefill}« kan kun bruges i en sektion der gentages pr. virksomhed.")
        multiline = data.get("multiline", False)
        if not isinstance(multiline, bool):
            raise self.fail(place, "»multiline« skal være true eller false.")
        relevant = data.get("relevant_if")
        return Question(
            id=qid,
            kind=kind,
            label=self.prose(data, "label", place),
            required=required,
            help=self.prose(data, "help", place, required=False),
            source=self.text(data, "source", place, required=False),
            options=options,
            multiline=multiline,
            minimum=minimum,
            maximum=maximum,
            pattern=pattern,
            pattern_message=pattern_message,
            relevant_if=self.expression(relevant, f"{place}, relevant_if") if relevant is not None else None,
            prefill=prefill,
            comment_label=self.prose(data, "comment_label", place, required=False),
        )

    def section(self, raw: Any, index: int) -> Section:
        place = f"sektion {index + 1}"
        data = self.obj(raw, place)
        sid = self.ident(data, place)
        place = f"sektion »{sid}«"
        repeat = self.text(data, "repeat", place, required=False)
        if repeat and repeat not in REPEAT_SOURCES:
            raise self.fail(place, f"»repeat« kan kun være »members«, ikke »{repeat}«.")
        raw_questions = data.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            raise self.fail(place, "sektionen skal have en liste »questions« med mindst ét spørgsmål.")
        questions = tuple(
            self.question(q, f"{place}, spørgsmål {i + 1}", bool(repeat)) for i, q in enumerate(raw_questions)
        )
        ids = {q.id for q in questions}
        min_yes = []
        for i, con in enumerate(data.get("constraints", []) or []):
            c = self.obj(con, f"{place}, betingelse {i + 1}")
            if "min_yes" not in c:
                raise self.fail(place, f"ukendt sektionsbetingelse {sorted(c)}; brug »min_yes«.")
            count = self.number(c["min_yes"], place, "»min_yes«")
            names = c.get("questions") or [q.id for q in questions if q.kind == "yes_partly_no"]
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise self.fail(place, "»questions« i »min_yes« skal være en liste af spørgsmåls-id'er.")
            for n in names:
                if n not in ids:
                    raise self.fail(place, f"»min_yes« nævner »{n}«, som ikke er et spørgsmål i sektionen.")
                if next(q for q in questions if q.id == n).kind != "yes_partly_no":
                    raise self.fail(
                        place, f"»min_yes« nævner »{n}«, som ikke er et ja/delvist/nej-spørgsmål."
                    )
            if count > len(names):
                raise self.fail(place, f"»min_yes« kræver {count} ja, men der er kun {len(names)} spørgsmål.")
            min_yes.append(MinYes(count, tuple(names), self.text(c, "message", place, required=False)))
        relevant = data.get("relevant_if")
        return Section(
            id=sid,
            title=self.text(data, "title", place),
            questions=questions,
            intro=self.prose(data, "intro", place, required=False),
            source=self.text(data, "source", place, required=False),
            repeat=repeat,
            relevant_if=self.expression(relevant, f"{place}, relevant_if") if relevant is not None else None,
            min_yes=tuple(min_yes),
        )

    def definition(self, raw: Any) -> FormDefinition:
        data = self.obj(raw, "")
        fid = self.ident(data, "")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("", "»version« skal være et helt tal på mindst 1.")
        raw_sections = data.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            raise self.fail("", "skemaet skal have en liste »sections« med mindst én sektion.")
        sections = tuple(self.section(s, i) for i, s in enumerate(raw_sections))
        seen: dict[str, str] = {}
        for sec in sections:
            if sec.id in seen:
                raise self.fail(f"sektion »{sec.id}«", "to sektioner har samme id.")
            seen[sec.id] = "section"
            for q in sec.questions:
                if q.id in seen:
                    raise self.fail(f"spørgsmål »{q.id}«", "id'et er brugt mere end én gang.")
                seen[q.id] = sec.id
        derived = []
        for i, raw_d in enumerate(data.get("derived", []) or []):
            place = f"afledt værdi {i + 1}"
            d = self.obj(raw_d, place)
            did = self.ident(d, place)
            if did in seen:
                raise self.fail(f"afledt værdi »{did}«", "id'et er brugt mere end én gang.")
            seen[did] = "derived"
            derived.append(Derived(did, self.text(d, "label", place), self.expression(d.get("expr"), place)))
        verdict = self.obj(data.get("verdict", {}), "verdict")
        verdict_rules = []
        for i, raw_r in enumerate(verdict.get("rules", []) or []):
            place = f"afgørelsesregel {i + 1}"
            r = self.obj(raw_r, place)
            rid = self.ident(r, place)
            effect = r.get("effect", "fail")
            if effect not in ("fail", "note"):
                raise self.fail(f"afgørelsesregel »{rid}«", "»effect« skal være »fail« eller »note«.")
            verdict_rules.append(
                VerdictRule(
                    rid,
                    self.expression(r.get("when"), f"afgørelsesregel »{rid}«"),
                    self.template(r.get("reason"), f"afgørelsesregel »{rid}«"),
                    effect,
                )
            )
        passed_reason = self.prose(verdict, "passed_reason", "verdict", required=bool(verdict_rules))
        defn = FormDefinition(
            id=fid,
            version=version,
            title=self.text(data, "title", ""),
            sections=sections,
            description=self.prose(data, "description", "", required=False),
            derived=tuple(derived),
            verdict_rules=tuple(verdict_rules),
            passed_reason=passed_reason,
            body=dict(data),
        )
        self._check_names(defn, seen)
        return defn

    def _check_names(self, defn: FormDefinition, seen: dict[str, str]) -> None:
        """Every name a condition reads must exist where it is read."""
        repeat_ids = {s.id for s in defn.sections if s.repeat}

        def check_node(node: Node, place: str, section: Section | None) -> None:
            if node.op == "call" and node.value in ("count", "names"):
                group = node.args[0].value
                if group not in repeat_ids:
                    raise self.fail(
                        place, f"»{node.value}({group}, …)« kræver en sektion der gentages pr. virksomhed."
                    )
                check_node(node.args[1], place, defn.section(group))
                return
            if node.op == "call" and node.value == "answered":
                check_name(node.args[0].value, place, section)
                return
            if node.op == "name":
                check_name(node.value, place, section)
            for arg in node.args:
                check_node(arg, place, section)

        def check_name(name: str, place: str, section: Section | None) -> None:
            in_repeat = section is not None and bool(section.repeat)
            if name.startswith("rules."):
                return
            if name.startswith("member."):
                if name.removeprefix("member.") not in MEMBER_FIELDS:
                    raise self.fail(place, f"»{name}« er ikke en oplysning om en virksomhed.")
                if not in_repeat:
                    raise self.fail(place, f"»{name}« kan kun bruges pr. virksomhed.")
                return
            if in_repeat and section is not None and any(q.id == name for q in section.questions):
                return
            owner = seen.get(name)
            if owner is None or owner == "section":
                raise self.fail(place, f"betingelsen nævner »{name}«, som ikke er et spørgsmål i skemaet.")
            if owner in repeat_ids:
                raise self.fail(place, f"»{name}« besvares pr. virksomhed; brug count({owner}, …).")

        def check(expr: Expression, place: str, section: Section | None) -> None:
            check_node(expr.root, place, section)

        for sec in defn.sections:
            if sec.relevant_if is not None:
                check(sec.relevant_if, f"sektion »{sec.id}«, relevant_if", None)
            for q in sec.questions:
                if q.relevant_if is not None:
                    check(q.relevant_if, f"spørgsmål »{q.id}«, relevant_if", sec)
        for d in defn.derived:
            check(d.expr, f"afledt værdi »{d.id}«", None)
        for r in defn.verdict_rules:
            check(r.when, f"afgørelsesregel »{r.id}«", None)
            for part in r.reason.parts:
                check(part, f"afgørelsesregel »{r.id}«", None)


def parse_definition(data: Any, *, source: str = "") -> FormDefinition:
    """Read a definition from its JSON value; FormDefinitionError names ``source`` and the fault."""
    where = (
        f"»{source}«"
        if source
        else "»" + str(data.get("id", "?")) + "«"
        if isinstance(data, Mapping)
        else "(uden navn)"
    )
    return _Reader(where).definition(data)


def load_definition_file(path: str | Path) -> FormDefinition:
    """Read a definition file; FormDefinitionError names the file and what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormDefinitionError(f"Skemaet »{path.name}« kan ikke læses: {os_reason(exc)}.") from None
    except UnicodeDecodeError:
        raise FormDefinitionError(f"Skemaet »{path.name}« er ikke gemt som UTF-8.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormDefinitionError(
            f"Skemaet »{path.name}« er ikke gyldig JSON (linje {exc.lineno}, kolonne {exc.colno}: {exc.msg})."
        ) from None
    return parse_definition(data, source=path.name)
