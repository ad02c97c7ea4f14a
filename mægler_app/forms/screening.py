"""A screening's context and its verdict, from plain records: one code for the app and the server.

The app fills a screening in about the network's live members; when the broker finalizes it, the
verdict is the engine's. The server computes the same verdict again from the form version the
screening names, its answers and the members it holds itself, and refuses a final screening whose
answers are incomplete or whose verdict is not the engine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..domain.facts import member_counts
from ..domain.messages import Message, Msg
from ..domain.vocab import MemberRole
from .definition import FormDefinition
from .engine import VERDICT_LABELS, FormContext, MemberInfo, evaluate_form

# Key in a final screening's answers holding the members and facts it was made with.
FROZEN_CONTEXT_KEY = "_frozen_context"
_ROLE_ORDER: dict[Any, int] = {MemberRole.LEAD: 0, MemberRole.MEMBER: 1, MemberRole.KNOWLEDGE: 2}

Record = Mapping[str, Any]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def screening_context(
    network: Record, members: Iterable[Record], companies: Mapping[str, Record]
) -> FormContext:
    """What a screening of ``network`` is filled in about: its live member companies and facts.

    ``members`` are the network's memberships, ``companies`` their companies by id (sync payloads,
    ``deleted`` included where known).
    """
    live = [m for m in members if not m.get("deleted")]
    pairs = []
    for m in live:
        company = companies.get(m.get("company_id") or "")
        if company is not None and not company.get("deleted"):
            pairs.append((m, company))
    pairs.sort(key=lambda mc: (_ROLE_ORDER.get(mc[0].get("role"), 1), _text(mc[1].get("name")).lower()))
    infos = tuple(
        MemberInfo(
            company_id=str(c.get("id") or m.get("company_id")),
            name=_text(c.get("name")),
            cvr=_text(c.get("cvr")),
            employees=c.get("employees") if isinstance(c.get("employees"), int) else None,
            is_knowledge_institution=bool(
                c.get("is_knowledge_institution") or m.get("role") == MemberRole.KNOWLEDGE
            ),
            role=_text(m.get("role")) or MemberRole.MEMBER,
            focus_area=_text(c.get("focus_area")),
            goals=_text(m.get("goals")),
        )
        for m, c in pairs
    )
    independent, knowledge = member_counts(live, companies)
    facts = {
        "network.independent_companies": independent,
        "network.knowledge_institutions": knowledge,
        "network.members_total": independent + knowledge,
        "network.network_type": network.get("network_type") or None,
        "network.core_task": _text(network.get("core_task")),
        "network.participants_text": _text(network.get("participants_text")),
        "network.goals": _text(network.get("goals")),
        "network.terms": _text(network.get("terms")),
    }
    return FormContext(members=infos, facts=facts)


def final_screening_problems(
    defn: FormDefinition, answers: Any, ctx: FormContext, verdict: Any
) -> list[Message]:
    """Why a screening with these answers cannot be final with ``verdict`` ([] if it can).

    Every relevant question must be answered and valid, and the verdict must be the one the form's
    rules give (a "passed" screening with nothing answered is refused).
    """
    if not isinstance(answers, Mapping):
        answers = {}
    answers = {k: v for k, v in answers.items() if k != FROZEN_CONTEXT_KEY}
    result = evaluate_form(defn, answers, ctx)
    if result.issues:
        return [Msg.SCREENING_INCOMPLETE(n=len(result.issues), first=result.issues[0].message)]
    if verdict != result.verdict:
        sent = VERDICT_LABELS.get(verdict, str(verdict)) if isinstance(verdict, str) else str(verdict)
        return [
            Msg.SCREENING_VERDICT_MISMATCH(
                sent=sent, computed=VERDICT_LABELS.get(result.verdict, result.verdict)
            )
        ]
    return []
