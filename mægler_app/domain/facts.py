"""A network's facts for the stage machine, computed from its records, and the moves a push may make.

One function for both sides: the laptop's store and the server each pass the network's records as
plain sync payloads (``dict``s of JSON values, the record's ``deleted`` flag included where it has
one), so the app and the server decide a stage move on the same facts with the same code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from .messages import Message, Msg
from .stages import _NEXT as NEXT_STAGES
from .stages import STAGE_ORDER, NetworkFacts, Stage, missing_for
from .vocab import ApplicationStatus, MemberRole, ScreeningStatus, Verdict

Record = Mapping[str, Any]

# Moves only Væksthus' decision on an application makes (server/decisions.py); never a push's.
DECISION_ONLY_MOVES: frozenset[tuple[Stage, Stage]] = frozenset(
    {(Stage.APPLICATION, Stage.STAGE_2), (Stage.APPLICATION, Stage.STAGE_1)}
)
# The newest revision counts as submitted while it waits for a decision or once approved; a rejected
# one sent the network back to trin 1, and only a new revision, submitted, takes it on again.
SENT_STATUSES = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED})


def _live(record: Record | None) -> bool:
    return record is not None and not record.get("deleted")


def member_counts(members: Iterable[Record], companies: Mapping[str, Record]) -> tuple[int, int]:
    """(independent companies, knowledge institutions) among live ``members`` (memberships).

    A membership counts when it and its company (looked up in ``companies`` by ``company_id``)
    are live; a company counts once however many memberships name it. The company's own flag or
    the membership's role makes it a knowledge institution.
    """
    independent: set[str] = set()
    knowledge: set[str] = set()
    for membership in members:
        company_id = membership.get("company_id")
        if not _live(membership) or not isinstance(company_id, str):
            continue
        company = companies.get(company_id)
        if company is None or not _live(company):
            continue
        if company.get("is_knowledge_institution") or membership.get("role") == MemberRole.KNOWLEDGE:
            knowledge.add(company_id)
        else:
            independent.add(company_id)
    independent -= knowledge
    return len(independent), len(knowledge)


def _time(value: Any) -> dt.datetime:
    """A record's time for ordering: an aware ISO time or datetime; anything else sorts first."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return dt.datetime.min.replace(tzinfo=dt.UTC)


def latest_final_screening(screenings: Iterable[Record]) -> Record | None:
    """The newest live final screening (by ``finalized_at``, else ``updated_at``), or None."""
    final = [s for s in screenings if _live(s) and s.get("status") == ScreeningStatus.FINAL]
    return max(final, key=lambda s: _time(s.get("finalized_at") or s.get("updated_at")), default=None)


def _revision(application: Record) -> int:
    revision = application.get("revision")
    return revision if isinstance(revision, int) and not isinstance(revision, bool) else 1


def network_facts(
    network: Record,
    members: Iterable[Record],
    companies: Mapping[str, Record],
    screenings: Iterable[Record],
    applications: Iterable[Record],
) -> NetworkFacts:
    """What the stage machine knows about ``network`` from its records (each side passes its own).

    ``members``, ``screenings`` and ``applications`` are the network's; ``companies`` maps at least
    the members' company ids to their records. Deleted records count for nothing.
    """
    independent, knowledge = member_counts(members, companies)
    screening = latest_final_screening(screenings)
    apps = [a for a in applications if _live(a)]
    latest = max(apps, key=_revision, default=None)
    evidence = network.get("stage_3_evidence")
    return NetworkFacts(
        independent_companies=independent,
        knowledge_institutions=knowledge,
        screening_final=screening is not None,
        screening_passed=screening is not None and screening.get("verdict") == Verdict.PASSED,
        application_submitted=latest is not None and latest.get("status") in SENT_STATUSES,
        application_approved=any(a.get("status") == ApplicationStatus.APPROVED for a in apps),
        application_rejected=latest is not None and latest.get("status") == ApplicationStatus.REJECTED,
        action_plan_started=False,
        stage_3_evidence=evidence if isinstance(evidence, str) else "",
    )


def _decision_only(current: Stage, target: Stage) -> Message:
    return Msg.STAGE_DECISION_ONLY(current=str(current), target=str(target))


def _forward(current: Stage, target: Stage) -> list[Stage]:
    """The stages after ``current`` up to ``target`` on the normal path ([] if target is not ahead)."""
    if current not in STAGE_ORDER or target not in STAGE_ORDER or target == Stage.CLOSED:
        return []
    i, j = STAGE_ORDER.index(current), STAGE_ORDER.index(target)
    return STAGE_ORDER[i + 1 : j + 1] if j > i else []


def pushed_move_problems(
    current: Stage, target: Stage, facts: NetworkFacts, *, close_reason: str = ""
) -> list[Message | str]:
    """Why a broker's push may not move a network from ``current`` to ``target`` ([] if it may).

    The stage machine's own rule (``missing_for``), with two differences for a push. A move only
    Væksthus' decision makes is refused. And a push may carry several moves made offline as one
    (the outbox folds them: kandidat → trin 1 → ansøgning arrives as kandidat → ansøgning): such a
    move is taken when every step along the normal path is one the stage machine allows on these
    facts, and refused with the first step's reasons otherwise.
    """
    if (current, target) in DECISION_ONLY_MOVES:
        return [_decision_only(current, target)]
    direct: list[Message | str] = list(missing_for(current, target, facts, close_reason=close_reason))
    if not direct:
        return []
    path = _forward(current, target)
    if len(path) < 2:
        return direct
    here = current
    for step in path:
        if (here, step) in DECISION_ONLY_MOVES:
            return [_decision_only(here, step)]
        missing: list[Message | str] = list(missing_for(here, step, facts))
        if missing:
            # A move the stage machine knows (kandidat → trin 1) is refused with its own reasons.
            return direct if target in NEXT_STAGES.get(current, ()) else missing
        here = step
    return []
