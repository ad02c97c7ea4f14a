"""A form definition's texts in another language (issue 24), without touching the definition.

A definition is Danish, versioned and published: its id, version and body are its identity (the
registry and a laptop's sync compare bodies), and its answers are stored by question id and option
value. A translation is therefore a separate file, ``translations/<id>_v<version>.<language>.json``,
keyed by section, question, derived and verdict-rule ids (FORMAT.md, »Translations«).
``translated(defn, language)`` gives a copy of the definition whose texts are replaced where the
file has them; its id, version, body, ids, values, conditions and rules are the definition's own,
so answers typed in one language read back identical in the other. A text the file lacks, or a
definition without a file (a version published after this app was built), stays Danish. Lists
taken from the programme's rules (``options_from``) are shown in the language from
``domain.vocab`` whether or not there is a file.

The documents (the screening PDF) stay Danish: they are written from the untranslated definition.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..domain.language import DEFAULT
from ..domain.language import current as current_language
from ..domain.vocab import labels as vocab_labels
from .definition import (
    _RULE_REF,
    Derived,
    FormDefinition,
    FormDefinitionError,
    Option,
    Question,
    Section,
    VerdictRule,
    _Reader,
)
from .expressions import ExpressionError, rule_value

TRANSLATIONS_DIR = Path(__file__).with_name("translations")

# ``options_from`` lists and the vocabulary (domain.vocab.LABELS) that has their labels by language
OPTION_VOCABULARIES = {
    "NETWORK_TYPES": "network_type",
    "FOCUS_AREAS": "focus_area",
    "RISKS": "risk",
    "GUSTAVSSON_DIMENSIONS": "gustavsson_dimension",
    "MEMBER_ROLES": "member_role",
}
_TOP_KEYS = frozenset(
    {
        "form",
        "version",
        "language",
        "title",
        "description",
        "sources",
        "sections",
        "questions",
        "derived",
        "verdict",
    }
)
_SECTION_KEYS = frozenset({"title", "intro", "source"})
_QUESTION_KEYS = frozenset({"label", "help", "source", "comment_label", "pattern_message", "options"})


def translation_path(form_id: str, version: int, language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"{form_id}_v{version}.{language}.json"


@cache
def _read(path: Path) -> Mapping[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormDefinitionError(f"Oversættelsen »{path.name}« kan ikke læses: {exc}.") from None
    if not isinstance(data, Mapping):
        raise FormDefinitionError(f"Oversættelsen »{path.name}« skal være et JSON-objekt.")
    return data


def translated(
    defn: FormDefinition, language: str | None = None, *, folder: Path = TRANSLATIONS_DIR
) -> FormDefinition:
    """``defn`` with its texts in ``language`` (by default the current one); ``defn`` itself in
    Danish. A translation file that does not fit the definition raises FormDefinitionError."""
    language = language or current_language()
    if language == DEFAULT:
        return defn
    path = translation_path(defn.id, defn.version, language, folder)
    data = _read(path) or {}
    return _Translator(defn, data, language, path.name).definition()


class _Translator:
    def __init__(self, defn: FormDefinition, data: Mapping[str, Any], language: str, name: str) -> None:
        self.defn = defn
        self.data = data
        self.language = language
        self.reader = _Reader(f"»{name}«")
        self.sources = self._map(data.get("sources", {}), "sources")

    # checks ---------------------------------------------------------------------------------
    def _map(self, value: Any, place: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.reader.fail(place, "der skal stå et objekt ({...}).")
        return value

    def _check(self) -> None:
        """Every key of the file names something of the definition (a typo is not lost silently)."""
        data = self.data
        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise self.reader.fail("", f"ukendte felter {sorted(unknown)}.")
        if data and (data.get("form"), data.get("version")) != (self.defn.id, self.defn.version):
            raise self.reader.fail(
                "", f"filen hører ikke til skemaet »{self.defn.id}« version {self.defn.version}."
            )
        sections = {s.id for s in self.defn.sections}
        questions = {q.id: q for s in self.defn.sections for q in s.questions}
        for sid, texts in self._map(data.get("sections", {}), "sections").items():
            if sid not in sections:
                raise self.reader.fail(f"sektion »{sid}«", "findes ikke i skemaet.")
            self._keys(texts, _SECTION_KEYS, f"sektion »{sid}«")
        for qid, texts in self._map(data.get("questions", {}), "questions").items():
            if qid not in questions:
                raise self.reader.fail(f"spørgsmål »{qid}«", "findes ikke i skemaet.")
            self._keys(texts, _QUESTION_KEYS, f"spørgsmål »{qid}«")
            options = self._map(texts.get("options", {}), f"spørgsmål »{qid}«, options")
            values = {o.value for o in questions[qid].options}
            if set(options) - values:
                raise self.reader.fail(
                    f"spørgsmål »{qid}«", f"ukendte valgmuligheder {sorted(set(options) - values)}."
                )
        derived = {d.id for d in self.defn.derived}
        for did in self._map(data.get("derived", {}), "derived"):
            if did not in derived:
                raise self.reader.fail(f"afledt værdi »{did}«", "findes ikke i skemaet.")
        verdict = self._map(data.get("verdict", {}), "verdict")
        rules = {r.id for r in self.defn.verdict_rules}
        for rid in self._map(verdict.get("rules", {}), "verdict.rules"):
            if rid not in rules:
                raise self.reader.fail(f"afgørelsesregel »{rid}«", "findes ikke i skemaet.")

    def _keys(self, texts: Any, allowed: frozenset[str], place: str) -> None:
        unknown = set(self._map(texts, place)) - allowed
        if unknown:
            raise self.reader.fail(place, f"ukendte felter {sorted(unknown)}.")

    # texts ----------------------------------------------------------------------------------
    def _prose(self, texts: Mapping[str, Any], key: str, danish: str, place: str) -> str:
        """The translated text (``{rules.NAME}`` filled in as in the definition), else the Danish."""
        value = texts.get(key)
        if value is None:
            return danish
        if not isinstance(value, str) or not value.strip():
            raise self.reader.fail(place, f"»{key}« skal være en tekst der ikke er tom.")

        def fill(m: re.Match[str]) -> str:
            try:
                return str(rule_value(m.group(1)))
            except ExpressionError as exc:
                raise self.reader.fail(place, str(exc)) from None

        return _RULE_REF.sub(fill, value)

    def _source(self, texts: Mapping[str, Any], danish: str, place: str) -> str:
        by_text = self.sources.get(danish)
        return self._prose(texts, "source", by_text if isinstance(by_text, str) else danish, place)

    def _options_from(self) -> dict[str, str]:
        """Question id → its ``options_from`` list name, read from the definition's body."""
        found: dict[str, str] = {}
        for sec in self.defn.body.get("sections", []) or []:
            for q in (sec.get("questions", []) if isinstance(sec, Mapping) else []) or []:
                if isinstance(q, Mapping) and isinstance(q.get("options_from"), str):
                    found[str(q.get("id"))] = q["options_from"]
        return found

    def _question(self, q: Question, options_from: str | None) -> Question:
        place = f"spørgsmål »{q.id}«"
        texts = self._map(self.data.get("questions", {}), "questions").get(q.id, {})
        if options_from in OPTION_VOCABULARIES:
            listed = vocab_labels(OPTION_VOCABULARIES[options_from], self.language)
            options = tuple(Option(o.value, listed.get(o.value, o.label)) for o in q.options)
        else:
            given = self._map(texts.get("options", {}), place)
            options = tuple(Option(o.value, self._prose(given, o.value, o.label, place)) for o in q.options)
        return dataclasses.replace(
            q,
            label=self._prose(texts, "label", q.label, place),
            help=self._prose(texts, "help", q.help, place),
            source=self._source(texts, q.source, place),
            comment_label=self._prose(texts, "comment_label", q.comment_label, place),
            pattern_message=self._prose(texts, "pattern_message", q.pattern_message, place),
            options=options,
        )

    def _section(self, sec: Section, options_from: Mapping[str, str]) -> Section:
        place = f"sektion »{sec.id}«"
        texts = self._map(self.data.get("sections", {}), "sections").get(sec.id, {})
        return dataclasses.replace(
            sec,
            title=self._prose(texts, "title", sec.title, place),
            intro=self._prose(texts, "intro", sec.intro, place),
            source=self._source(texts, sec.source, place),
            questions=tuple(self._question(q, options_from.get(q.id)) for q in sec.questions),
        )

    def _rule(self, rule: VerdictRule, reasons: Mapping[str, Any]) -> VerdictRule:
        text = reasons.get(rule.id)
        if text is None:
            return rule
        place = f"afgørelsesregel »{rule.id}«"
        reason = self.reader.template(text, place)
        known = {p.source for p in rule.reason.parts}
        for part in reason.parts:  # the same facts as the Danish sentence, in other words
            if part.source not in known:
                raise self.reader.fail(place, f"»{{{part.source}}}« står ikke i den danske begrundelse.")
        return dataclasses.replace(rule, reason=reason)

    def definition(self) -> FormDefinition:
        self._check()
        defn, data = self.defn, self.data
        options_from = self._options_from()
        derived_texts = self._map(data.get("derived", {}), "derived")
        verdict = self._map(data.get("verdict", {}), "verdict")
        reasons = self._map(verdict.get("rules", {}), "verdict.rules")
        return dataclasses.replace(
            defn,
            title=self._prose(data, "title", defn.title, ""),
            description=self._prose(data, "description", defn.description, ""),
            sections=tuple(self._section(s, options_from) for s in defn.sections),
            derived=tuple(
                Derived(d.id, self._prose(derived_texts, d.id, d.label, f"afledt værdi »{d.id}«"), d.expr)
                for d in defn.derived
            ),
            verdict_rules=tuple(self._rule(r, reasons) for r in defn.verdict_rules),
            passed_reason=self._prose(verdict, "passed_reason", defn.passed_reason, "verdict"),
            body=defn.body,  # the identity: the published definition, untouched
        )
