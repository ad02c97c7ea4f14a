"""Rules about single records that the app keeps as the broker works and the server checks on push.

DESIGN §2: a final screening is frozen; an expense over the receipt limit is final only with its
receipt; an application is submitted only by a network at trin 1 whose composition is met; a
rejection is written with its reason; a CVR number is registered once in a broker's register.
Each takes plain values (sync payloads) and returns the ``Message``s that stop the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .messages import Message, Msg
from .rules import RECEIPT_REQUIRED_ABOVE_ORE
from .stages import Stage, composition_problems
from .validation import receipt_required
from .vocab import Decision, ExpenseStatus, ScreeningStatus

# A final screening keeps these as they were when it was finalized.
FROZEN_SCREENING_FIELDS = ("answers", "verdict", "reasons", "status", "form_id", "form_version", "network_id")


def screening_frozen_problems(stored: Mapping[str, Any], changed: Mapping[str, Any]) -> list[Message]:
    """A change to a final screening that touches what finalizing froze (incl. going back to draft)."""
    if stored.get("status") != ScreeningStatus.FINAL:
        return []
    if any(k in changed and changed[k] != stored.get(k) for k in FROZEN_SCREENING_FIELDS):
        return [Msg.SCREENING_FROZEN()]
    return []


def becomes_final_screening(stored: Mapping[str, Any], merged: Mapping[str, Any]) -> bool:
    return merged.get("status") == ScreeningStatus.FINAL and stored.get("status") != ScreeningStatus.FINAL


def expense_receipt_problems(amount_ore: Any, status: Any, receipt_sha256: Any) -> list[Message]:
    """An expense over the receipt limit that is final without a receipt (it must stay a draft)."""
    if status == ExpenseStatus.DRAFT or not isinstance(amount_ore, int) or isinstance(amount_ore, bool):
        return []
    if receipt_required(amount_ore) and not (isinstance(receipt_sha256, str) and receipt_sha256.strip()):
        return [Msg.EXPENSE_RECEIPT_MISSING(amount=amount_ore, limit=RECEIPT_REQUIRED_ABOVE_ORE)]
    return []


def submission_stage_problems(stage: Any, independent: int, knowledge: int) -> list[Message | str]:
    """Why a network at ``stage`` with this composition cannot submit an application ([] if it can)."""
    problems: list[Message | str] = []
    if stage != Stage.STAGE_1:
        problems.append(Msg.APPLICATION_ONLY_FROM_STAGE_1(target=str(Stage.STAGE_1), stage=str(stage)))
    problems += composition_problems(independent, knowledge)
    return problems


def decision_problems(decision: str, comment: str) -> list[Message]:
    """A rejection needs its written reason (an approval may go without a comment)."""
    if decision == Decision.REJECTED and not comment.strip():
        return [Msg.DECISION_REASON_MISSING()]
    return []


def cvr_twin(cvr: str, company_id: str, companies: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Another live company of the same register with this CVR number (8 digits), if any.

    ``companies`` are records with ``id``, ``cvr`` and (optionally) ``deleted``.
    """
    for company in companies:
        if company.get("id") != company_id and company.get("cvr") == cvr and not company.get("deleted"):
            return company
    return None
