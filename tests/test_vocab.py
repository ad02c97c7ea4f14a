"""The vocabulary: English values with Danish labels, and the table from protocol version 1's values."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest

from mægler_app.domain import legacy_vocab as legacy
from mægler_app.domain import rules, vocab
from mægler_app.domain.stages import STAGE_LABELS, Stage
from mægler_app.forms.registry import BUNDLED_DIR

from .vocab_support import protocol_1_screening_form


def _enums() -> list[type[StrEnum]]:
    found = [
        v for v in vars(vocab).values() if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum
    ]
    return [Stage, *found]


@pytest.mark.parametrize("enum", _enums(), ids=lambda e: e.__name__)
def test_every_value_is_english_snake_case(enum: type[StrEnum]) -> None:
    for member in enum:
        assert member.value == member.name.lower(), member
        assert member.value.isascii() and member.value.replace("_", "").isalnum()


@pytest.mark.parametrize(
    ("labels", "enum"),
    [
        (rules.NETWORK_TYPES, vocab.NetworkType),
        (rules.FOCUS_AREAS, vocab.FocusArea),
        (rules.RISKS, vocab.Risk),
        (rules.GUSTAVSSON_DIMENSIONS, vocab.GustavssonDimension),
        (rules.LEAD_SOURCES, vocab.LeadSource),
        (rules.MEMBER_ROLES, vocab.MemberRole),
        (rules.MEETING_KINDS, vocab.MeetingKind),
        (rules.EXPENSE_CATEGORIES, vocab.ExpenseCategory),
        (rules.CLOSE_REASONS, vocab.CloseReason),
        (rules.ACTION_PLAN_ELEMENTS, vocab.ActionPlanElement),
        (STAGE_LABELS, Stage),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_each_value_has_one_label_and_a_stored_string_finds_it(
    labels: dict[Any, Any], enum: type[StrEnum]
) -> None:
    assert list(labels) == list(enum)
    assert all(isinstance(key, enum) for key in labels)
    for member in enum:
        assert labels[str(member.value)] == labels[member]  # a value read from the database


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (legacy.STAGE, Stage),
        (legacy.NETWORK_TYPE, vocab.NetworkType),
        (legacy.FOCUS_AREA, vocab.FocusArea),
        (legacy.EXPENSE_CATEGORY, vocab.ExpenseCategory),
        (legacy.LEAD_SOURCE, vocab.LeadSource),
        (legacy.GUSTAVSSON_DIMENSION, vocab.GustavssonDimension),
    ],
)
def test_the_old_values_map_one_to_one_onto_the_enums(table: dict[str, str], enum: type[StrEnum]) -> None:
    assert sorted(table.values()) == sorted(enum)
    assert len(set(table)) == len(table)


def test_the_screening_form_v1_as_published_in_protocol_1_translates_to_the_bundled_one() -> None:
    old = protocol_1_screening_form()
    new = json.loads((BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8"))
    assert legacy.translate_form_body(old) == new
    assert legacy.translate_form_body(new, back=True) == old
    levels = {o["value"] for s in new["sections"] for q in s["questions"] for o in q.get("options", [])}
    assert levels == {"low", "medium", "high"}
    # Prose is prose: the reason's Danish "lav" stays.
    assert any("vurderet som lav" in r["reason"] for r in new["verdict"]["rules"])


def test_a_record_translates_and_back() -> None:
    old = {
        "stage": "trin3",
        "trin3_on": "2026-05-01",
        "trin3_evidence": "Fælles salgsselskab",
        "network_type": "komplementaert",
        "lead_source": "eget_netvaerk",
        "closed_reason": "other",
        "stage_history": [{"stage": "kandidat", "at": "x"}, {"stage": "trin3", "at": "y"}, "skrald"],
        "name": "andet",  # free text is never a value
    }
    new = legacy.translate_record("network", old)
    assert new == {
        "stage": "stage_3",
        "stage_3_on": "2026-05-01",
        "stage_3_evidence": "Fælles salgsselskab",
        "network_type": "complementary",
        "lead_source": "own_network",
        "closed_reason": "other",
        "stage_history": [{"stage": "candidate", "at": "x"}, {"stage": "stage_3", "at": "y"}, "skrald"],
        "name": "andet",
    }
    assert legacy.translate_record("network", new, back=True) == old
    assert old["stage"] == "trin3"  # the input is not changed
    assert legacy.translate_record("meeting", {"dimensions": ["parter", "vision", "ukendt"]}) == {
        "dimensions": ["parties", "vision", "ukendt"]
    }
    # A value this table does not know is kept as it is (a newer client's, say).
    assert legacy.translate_record("expense", {"category": "gaver"}) == {"category": "gaver"}


def test_screening_answers_follow_their_form() -> None:
    answers = {
        "network_type": "vertikalt",
        "trust": "hoej",
        "risk_handling": "lav",  # a text answer: kept
        "virksomheder": {"c1": {"focus_area": "foedevarer", "management": {"value": "yes", "comment": ""}}},
    }
    expected = {
        "network_type": "vertical",
        "trust": "high",
        "risk_handling": "lav",
        "virksomheder": {"c1": {"focus_area": "food", "management": {"value": "yes", "comment": ""}}},
    }
    v1 = {"form_id": "screening", "form_version": 1, "answers": answers}
    assert legacy.translate_record("screening", v1)["answers"] == expected
    # Only the answers changed: the form comes from the stored record.
    assert legacy.translate_record("screening", {"answers": answers}, form=("screening", 1)) == {
        "answers": expected
    }
    # A form this table does not know: nothing is guessed.
    other = {"form_id": "andet-skema", "form_version": 3, "answers": answers}
    assert legacy.translate_record("screening", other) == other


def test_answer_maps_read_from_a_published_form() -> None:
    body = {
        "id": "opfoelgning",
        "version": 2,
        "sections": [
            {"id": "a", "questions": [{"id": "type", "kind": "single", "options_from": "NETWORK_TYPES"}]},
            {
                "id": "firmaer",
                "repeat": "members",
                "questions": [{"id": "omraader", "kind": "multi", "options_from": "FOCUS_AREAS"}],
            },
        ],
        "verdict": {"rules": [{"id": "r", "when": "type == 'horisontalt'", "effect": "note", "reason": "x"}]},
    }
    maps = legacy.answer_maps(body)
    answers = {"type": "kongruent", "firmaer": {"c": {"omraader": ["andet", "foedevarer"]}}}
    assert legacy.translate_answers(answers, maps) == {
        "type": "congruent",
        "firmaer": {"c": {"omraader": ["other", "food"]}},
    }
    assert legacy.translate_form_body(body)["verdict"]["rules"][0]["when"] == "type == 'horizontal'"


def test_a_stored_server_copy_is_known_by_its_fields() -> None:
    assert legacy.entity_of({"name": "x", "focus_area": "andet"}) == "company"
    assert legacy.entity_of({"stage_3_evidence": ""}) == "network"
    assert legacy.entity_of({"answers": {}, "form_id": "screening"}) == "screening"
    assert legacy.entity_of({"name": "Kontakt"}) is None
