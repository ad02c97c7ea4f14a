"""The Danish values of protocol version 1 and their English replacements in version 2.

Until protocol version 2 the store, the server and the payloads held some enumerated values in
Danish (``"trin1"``, ``"energi_miljoe"``). One table here says what each became, and the
functions below rewrite a record, a form body or a screening's answers with it. The store's
migration 0003 and the server's s0003 both use them, so the laptops and the server translate the
same way; the server also uses ``to_v1`` to recognise the replay of a change it took before the
translation (its payload hash was computed over the Danish values).

The tables are history: they are written out here, not taken from ``domain.vocab``, so that a
later rename cannot change what an old migration does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ValueMap = Mapping[str, str]

STAGE: ValueMap = {
    "kandidat": "candidate",
    "screenet": "screened",
    "trin1": "stage_1",
    "ansoegning": "application",
    "trin2": "stage_2",
    "trin3": "stage_3",
    "afsluttet": "closed",
}
NETWORK_TYPE: ValueMap = {
    "horisontalt": "horizontal",
    "vertikalt": "vertical",
    "komplementaert": "complementary",
    "kongruent": "congruent",
}
FOCUS_AREA: ValueMap = {
    "energi_miljoe": "energy_environment",
    "foedevarer": "food",
    "erhverv_sundhed": "health_industry",
    "andet": "other",
}
EXPENSE_CATEGORY: ValueMap = {
    "moedelokale": "meeting_room",
    "forplejning": "catering",
    "transport": "transport",
    "materialer": "materials",
    "oplaegsholder": "speaker",
    "andet": "other",
}
LEAD_SOURCE: ValueMap = {
    "lokal_erhvervsservice": "local_business_service",
    "erhvervsorganisation": "business_organisation",
    "innovationsmiljoe": "innovation_environment",
    "privat_raadgiver": "private_adviser",
    "eget_netvaerk": "own_network",
    "andet": "other",
}
GUSTAVSSON_DIMENSION: ValueMap = {
    "parter": "parties",
    "vision": "vision",
    "struktur": "structure",
    "processer": "processes",
}
# The options of the screening form v1's risk and trust questions.
LEVEL: ValueMap = {"lav": "low", "middel": "medium", "hoej": "high"}

# Fields renamed, per entity.
RENAMED_FIELDS: Mapping[str, ValueMap] = {
    "network": {"trin3_on": "stage_3_on", "trin3_evidence": "stage_3_evidence"},
}
# Fields holding one value, per entity.
VALUE_FIELDS: Mapping[str, Mapping[str, ValueMap]] = {
    "network": {"stage": STAGE, "network_type": NETWORK_TYPE, "lead_source": LEAD_SOURCE},
    "company": {"focus_area": FOCUS_AREA},
    "expense": {"category": EXPENSE_CATEGORY},
}
# Fields holding a list of values, per entity.
LIST_FIELDS: Mapping[str, Mapping[str, ValueMap]] = {
    "meeting": {"dimensions": GUSTAVSSON_DIMENSION},
}
# A form's option lists taken from the rules (``options_from``): every form's answers follow them.
OPTION_LISTS: Mapping[str, ValueMap] = {
    "NETWORK_TYPES": NETWORK_TYPE,
    "FOCUS_AREAS": FOCUS_AREA,
    "GUSTAVSSON_DIMENSIONS": GUSTAVSSON_DIMENSION,
}
SCREENING_V1 = ("screening", 1)
_EXPRESSION_KEYS = frozenset({"relevant_if", "when", "expr"})


@dataclass(frozen=True)
class AnswerMaps:
    """Which answers of a form hold enumerated values: question id → value map, for the form's own
    questions (``own``) and per section asked once per member company (``repeated``)."""

    own: Mapping[str, ValueMap] = field(default_factory=dict)
    repeated: Mapping[str, Mapping[str, ValueMap]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.own or self.repeated)


SCREENING_V1_ANSWERS = AnswerMaps(
    own={
        "network_type": NETWORK_TYPE,
        "risk_time_use": LEVEL,
        "risk_conflicts": LEVEL,
        "risk_one_sided_knowledge": LEVEL,
        "risk_hostile_takeover": LEVEL,
        "trust": LEVEL,
    },
    repeated={"virksomheder": {"focus_area": FOCUS_AREA}},
)
KNOWN_FORMS: Mapping[tuple[str, int], AnswerMaps] = {SCREENING_V1: SCREENING_V1_ANSWERS}


def inverse(values: ValueMap) -> dict[str, str]:
    return {new: old for old, new in values.items()}


def _map_value(value: Any, values: ValueMap) -> Any:
    return values.get(value, value) if isinstance(value, str) else value


def _map_list(value: Any, values: ValueMap) -> Any:
    return [_map_value(v, values) for v in value] if isinstance(value, list) else value


def _map_answer(value: Any, values: ValueMap) -> Any:
    return _map_list(value, values) if isinstance(value, list) else _map_value(value, values)


def form_key(data: Mapping[str, Any]) -> tuple[str, int] | None:
    form_id, version = data.get("form_id"), data.get("form_version")
    if isinstance(form_id, str) and isinstance(version, int) and not isinstance(version, bool):
        return form_id, version
    return None


def answer_maps(body: Mapping[str, Any]) -> AnswerMaps:
    """The enumerated answers of a form, read from its body: the questions whose options come from
    the rules' lists (for the screening form v1 also its risk and trust questions)."""
    own: dict[str, ValueMap] = {}
    repeated: dict[str, dict[str, ValueMap]] = {}
    for section in body.get("sections") or []:
        if not isinstance(section, dict):
            continue
        found = {
            q["id"]: OPTION_LISTS[q["options_from"]]
            for q in section.get("questions") or []
            if isinstance(q, dict)
            and isinstance(q.get("id"), str)
            and isinstance(q.get("options_from"), str)
            and q["options_from"] in OPTION_LISTS
        }
        if not found:
            continue
        if section.get("repeat") and isinstance(section.get("id"), str):
            repeated.setdefault(section["id"], {}).update(found)
        else:
            own.update(found)
    if (body.get("id"), body.get("version")) == SCREENING_V1:
        own.update(SCREENING_V1_ANSWERS.own)
        for sid, qs in SCREENING_V1_ANSWERS.repeated.items():
            repeated.setdefault(sid, {}).update(qs)
    return AnswerMaps(own, repeated)


def translate_answers(answers: Any, maps: AnswerMaps, *, back: bool = False) -> Any:
    """A screening's answers with the enumerated values of ``maps`` replaced (``back``: the other way)."""
    if not isinstance(answers, dict) or not maps:
        return answers

    def table(values: ValueMap) -> ValueMap:
        return inverse(values) if back else values

    out = dict(answers)
    for qid, values in maps.own.items():
        if qid in out:
            out[qid] = _map_answer(out[qid], table(values))
    for sid, questions in maps.repeated.items():
        per_company = out.get(sid)
        if not isinstance(per_company, dict):
            continue
        new_section: dict[str, Any] = {}
        for company_id, company_answers in per_company.items():
            if isinstance(company_answers, dict):
                company_answers = dict(company_answers)
                for qid, values in questions.items():
                    if qid in company_answers:
                        company_answers[qid] = _map_answer(company_answers[qid], table(values))
            new_section[company_id] = company_answers
        out[sid] = new_section
    return out


def _stage_history(history: Any, values: ValueMap) -> Any:
    if not isinstance(history, list):
        return history
    return [
        {**m, "stage": _map_value(m.get("stage"), values)} if isinstance(m, dict) and "stage" in m else m
        for m in history
    ]


def translate_record(
    entity: str,
    data: Any,
    forms: Mapping[tuple[str, int], AnswerMaps] = KNOWN_FORMS,
    *,
    form: tuple[str, int] | None = None,
    back: bool = False,
) -> Any:
    """A record's ``data`` (whole, or only the fields a change touches) in the new vocabulary.

    ``forms`` tells which answers of each form hold enumerated values; a screening's form is read
    from its data, or given as ``form`` when the data holds only some fields. ``back`` translates
    from the new vocabulary to the old one (the replay check of a push). Anything unknown is kept
    as it is. Returns a new dict; ``data`` is not changed.
    """
    if not isinstance(data, dict):
        return data

    def table(values: ValueMap) -> ValueMap:
        return inverse(values) if back else values

    renamed = table(RENAMED_FIELDS.get(entity, {}))
    out = {renamed.get(k, k): v for k, v in data.items()}
    for name, values in VALUE_FIELDS.get(entity, {}).items():
        if name in out:
            out[name] = _map_value(out[name], table(values))
    for name, values in LIST_FIELDS.get(entity, {}).items():
        if name in out:
            out[name] = _map_list(out[name], table(values))
    if entity == "network" and "stage_history" in out:
        out["stage_history"] = _stage_history(out["stage_history"], table(STAGE))
    if entity == "screening" and "answers" in out:
        key = form_key(out) or form
        maps = forms.get(key) if key is not None else None
        if maps:
            out["answers"] = translate_answers(out["answers"], maps, back=back)
    return out


def translate_field_versions(entity: str, field_versions: Any, *, back: bool = False) -> Any:
    """The server's per-field markers with the renamed fields' keys renamed."""
    renamed = RENAMED_FIELDS.get(entity, {})
    if not isinstance(field_versions, dict) or not renamed:
        return field_versions
    names = inverse(renamed) if back else renamed
    return {names.get(k, k): v for k, v in field_versions.items()}


# Fields that only one entity has, among those translated: a server copy of a record kept without
# its entity's name (a stored push answer) is known by them.
ENTITY_BY_FIELD: Mapping[str, str] = {
    "answers": "screening",
    "stage_history": "network",
    **{name: entity for entity, fields in VALUE_FIELDS.items() for name in fields},
    **{name: entity for entity, fields in LIST_FIELDS.items() for name in fields},
    **{name: entity for entity, names in RENAMED_FIELDS.items() for pair in names.items() for name in pair},
}


def entity_of(data: Mapping[str, Any]) -> str | None:
    """The entity of a record's data by a field only it has, or None if it has none of them."""
    return next((ENTITY_BY_FIELD[name] for name in data if name in ENTITY_BY_FIELD), None)


_LITERAL = re.compile(r"""(["'])([a-z_]+)\1""")


def _expression(text: str, values: ValueMap) -> str:
    return _LITERAL.sub(lambda m: m.group(1) + values.get(m.group(2), m.group(2)) + m.group(1), text)


def translate_form_body(body: Any, *, back: bool = False) -> Any:
    """A form definition with the old values in its options and conditions replaced.

    Every form's conditions may compare answers with the rules' lists (``options_from``), whose
    values changed; the screening form v1 also had its own Danish risk and trust options.
    """
    if not isinstance(body, dict):
        return body
    literals: dict[str, str] = {}
    for values in OPTION_LISTS.values():
        literals.update(values)
    screening_v1 = (body.get("id"), body.get("version")) == SCREENING_V1
    levels = inverse(LEVEL) if back else LEVEL
    if screening_v1:
        literals.update(LEVEL)
    if back:
        literals = inverse(literals)

    def walk(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            out = {k: walk(v, k) for k, v in node.items()}
            if screening_v1 and isinstance(out.get("options"), list):
                out["options"] = [
                    {**o, "value": levels.get(o["value"], o["value"])}
                    if isinstance(o, dict) and isinstance(o.get("value"), str)
                    else o
                    for o in out["options"]
                ]
            return out
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and key in _EXPRESSION_KEYS:
            return _expression(node, literals)
        return node

    return walk(body)


def old_values() -> frozenset[str]:
    """Every value the old vocabulary had that the new one does not (for checks that none is left)."""
    tables = (STAGE, NETWORK_TYPE, FOCUS_AREA, EXPENSE_CATEGORY, LEAD_SOURCE, GUSTAVSSON_DIMENSION, LEVEL)
    new = {v for t in tables for v in t.values()}
    return frozenset(k for t in tables for k in t if k not in new)
