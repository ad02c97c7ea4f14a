"""A form filled in as a broker fills it: every relevant question answered, the engine's verdict.

Used by demo data (the laptop's ``demo-data`` and ``maegler-server demo``), so a generated
screening is one the app itself could have finalized: its verdict is the engine's, from its answers.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .definition import FormDefinition
from .engine import Evaluation, FormContext, evaluate_form, get_answer, prefill, set_answer
from .screening import FROZEN_CONTEXT_KEY

__all__ = ["FROZEN_CONTEXT_KEY", "frozen_context", "screening_answers"]


def _positive(question: Any, rng: random.Random) -> Any:
    """An ordinary answer a broker gives a network that fits the programme."""
    kind = question.kind
    if kind == "yes_partly_no":
        return {"value": "yes", "comment": ""}
    if kind == "text":
        return rng.choice(
            [
                "Drøftet med virksomhederne ved besøgene.",
                "Beskrevet af mægleren efter første møde.",
                "Aftalt med tovholdervirksomheden.",
            ]
        )
    if kind == "number":
        return max(question.minimum or 0, 1)
    if kind == "amount":
        return 100_00
    if kind == "date":
        return dt.date(2026, 3, 7).isoformat()
    if kind == "single":
        return question.options[0].value
    if kind == "multi":
        return [question.options[0].value]
    return None


def screening_answers(
    defn: FormDefinition, ctx: FormContext, rng: random.Random, *, fail: bool = False
) -> tuple[dict[str, Any], Evaluation]:
    """A complete screening as a broker fills it in: prefilled from the network, every relevant
    question answered, and the forms engine's evaluation of it (whose verdict is the screening's).
    ``fail``: the cooperation is not long-term, which the checklist's rules do not pass."""
    answers = prefill(defn, ctx)
    if fail:
        answers["long_term"] = {"value": "no", "comment": "Virksomhederne ser det som en enkelt ordre."}
    for _round in range(5):
        evaluation = evaluate_form(defn, answers, ctx)
        todo = [slot for slot in evaluation.relevant if get_answer(answers, slot) in (None, "", [])]
        if not todo:
            break
        for slot in todo:
            answers = set_answer(answers, slot, _positive(slot.question, rng))
    evaluation = evaluate_form(defn, answers, ctx)
    return answers, evaluation


def frozen_context(ctx: FormContext) -> dict[str, Any]:
    """What a final screening keeps of the members and facts it was made with (as the app freezes it)."""
    return {"members": [m.__dict__.copy() for m in ctx.members], "facts": dict(ctx.facts)}
