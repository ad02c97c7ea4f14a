"""Versioned, declarative forms (DESIGN.md §3): definitions as data and the engine that checks answers.

Imports only the domain, so the server can validate published definitions with the same code.
"""

from .definition import (
    FormDefinition,
    FormDefinitionError,
    Question,
    Section,
    load_definition_file,
    parse_definition,
)
from .engine import (
    NOT_PASSED,
    PASSED,
    VERDICT_LABELS,
    Evaluation,
    FormContext,
    Issue,
    MemberInfo,
    Slot,
    coerce,
    display_value,
    evaluate_form,
    get_answer,
    prefill,
    set_answer,
    slots,
)
from .registry import FormRegistry, bundled_registry

SCREENING_FORM_ID = "screening"

__all__ = [
    "NOT_PASSED",
    "PASSED",
    "SCREENING_FORM_ID",
    "VERDICT_LABELS",
    "Evaluation",
    "FormContext",
    "FormDefinition",
    "FormDefinitionError",
    "FormRegistry",
    "Issue",
    "MemberInfo",
    "Question",
    "Section",
    "Slot",
    "bundled_registry",
    "coerce",
    "display_value",
    "evaluate_form",
    "get_answer",
    "load_definition_file",
    "parse_definition",
    "prefill",
    "set_answer",
    "slots",
]
