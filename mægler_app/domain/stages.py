"""The network's stage machine: candidate → screened → stage 1 → application → stage 2 → stage 3.

Each transition knows what it requires and can say, in Danish, what is still missing.
``closed`` can be reached from any open stage, with a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError
from .messages import Msg
from .rules import MAX_KNOWLEDGE_INSTITUTIONS, MIN_INDEPENDENT_COMPANIES


class Stage(StrEnum):
    CANDIDATE = "candidate"
    SCREENED = "screened"
    STAGE_1 = "stage_1"
    APPLICATION = "application"
    STAGE_2 = "stage_2"
    STAGE_3 = "stage_3"
    CLOSED = "closed"


STAGE_LABELS: dict[Stage, str] = {
    Stage.CANDIDATE: "Kandidat",
    Stage.SCREENED: "Screenet",
    Stage.STAGE_1: "Trin 1: netværk etableret",
    Stage.APPLICATION: "Ansøgning indsendt",
    Stage.STAGE_2: "Trin 2: handlingsplan",
    Stage.STAGE_3: "Trin 3: forretningsnetværk",
    Stage.CLOSED: "Afsluttet",
}

STAGE_ORDER: list[Stage] = [
    Stage.CANDIDATE,
    Stage.SCREENED,
    Stage.STAGE_1,
    Stage.APPLICATION,
    Stage.STAGE_2,
    Stage.STAGE_3,
    Stage.CLOSED,
]


class StageError(DomainError):
    pass


@dataclass(frozen=True)
class NetworkFacts:
    """What the stage machine needs to know about a network; the store fills it in."""

    independent_companies: int = 0
    knowledge_institutions: int = 0
    screening_final: bool = False
    screening_passed: bool = False
    application_submitted: bool = False
    application_approved: bool = False
    application_rejected: bool = False
    action_plan_started: bool = False
    stage_3_evidence: str = ""


def composition_problems(independent: int, knowledge: int) -> list[str]:
    """Why a network of this composition cannot leave candidate (empty when it can)."""
    problems = []
    if independent < MIN_INDEPENDENT_COMPANIES:
        problems.append(str(Msg.TOO_FEW_COMPANIES(count=independent, minimum=MIN_INDEPENDENT_COMPANIES)))
    if knowledge > MAX_KNOWLEDGE_INSTITUTIONS:
        problems.append(
            str(Msg.TOO_MANY_KNOWLEDGE_INSTITUTIONS(count=knowledge, maximum=MAX_KNOWLEDGE_INSTITUTIONS))
        )
    return problems


def _requirements(target: Stage, f: NetworkFacts) -> list[str]:
    missing: list[str] = []
    if target == Stage.SCREENED:
        missing += composition_problems(f.independent_companies, f.knowledge_institutions)
        if not f.screening_final:
            missing.append("En afsluttet screening mangler.")
    elif target == Stage.STAGE_1:
        missing += composition_problems(f.independent_companies, f.knowledge_institutions)
        if not f.screening_passed:
            missing.append("Netværket skal have bestået screeningen.")
    elif target == Stage.APPLICATION:
        if not f.screening_passed:
            missing.append("Netværket skal have bestået screeningen.")
        if not f.application_submitted:
            missing.append("Ansøgningen om handlingsplan er ikke indsendt.")
    elif target == Stage.STAGE_2:
        if not f.application_approved:
            missing.append("Ansøgningen skal være bevilget af Væksthus.")
    elif target == Stage.STAGE_3:
        if not f.application_approved:
            missing.append("Ansøgningen skal være bevilget af Væksthus.")
        if not f.stage_3_evidence.strip():
            missing.append("Skriv hvad der viser, at netværket er blevet et forretningsnetværk.")
    return missing


# Which stages a network may move to from each stage (besides closed).
_NEXT: dict[Stage, tuple[Stage, ...]] = {
    Stage.CANDIDATE: (Stage.SCREENED, Stage.STAGE_1),
    Stage.SCREENED: (Stage.STAGE_1, Stage.CANDIDATE),
    Stage.STAGE_1: (Stage.APPLICATION,),
    Stage.APPLICATION: (Stage.STAGE_2, Stage.STAGE_1),
    Stage.STAGE_2: (Stage.STAGE_3,),
    Stage.STAGE_3: (),
    Stage.CLOSED: (),
}


def next_stage(current: Stage) -> Stage | None:
    """The stage a network normally goes to next."""
    order = STAGE_ORDER[:-1]
    if current not in order or current == order[-1]:
        return None
    return order[order.index(current) + 1]


def missing_for(current: Stage, target: Stage, facts: NetworkFacts, *, close_reason: str = "") -> list[str]:
    """Everything that stops ``current`` → ``target``; an empty list means the move is allowed."""
    if current == target:
        return [f"Netværket er allerede på »{STAGE_LABELS[target]}«."]
    if current == Stage.CLOSED:
        return ["Netværket er afsluttet."]
    if target == Stage.CLOSED:
        return [] if close_reason.strip() else ["Angiv hvorfor netværket afsluttes."]
    if target == Stage.STAGE_1 and current == Stage.APPLICATION:
        # Back to stage 1 after a rejected application, so a new revision can be written.
        return [] if f_rejected(facts) else ["Kun en afslået ansøgning sender netværket tilbage til trin 1."]
    if target == Stage.CANDIDATE and current == Stage.SCREENED:
        return (
            [] if not facts.screening_passed else ["Et netværk der har bestået screeningen er ikke kandidat."]
        )
    if target not in _NEXT[current]:
        return [f"Et netværk kan ikke gå fra »{STAGE_LABELS[current]}« til »{STAGE_LABELS[target]}«."]
    return _requirements(target, facts)


def f_rejected(facts: NetworkFacts) -> bool:
    return facts.application_rejected and not facts.application_approved


def transition(current: Stage, target: Stage, facts: NetworkFacts, *, close_reason: str = "") -> Stage:
    """Move to ``target`` or raise StageError naming every missing requirement."""
    missing = missing_for(current, target, facts, close_reason=close_reason)
    if missing:
        raise StageError(" ".join(missing))
    return target


def furthest_reachable(current: Stage, facts: NetworkFacts) -> Stage:
    """Follow the normal path as far as the facts allow (used after a screening or a decision)."""
    stage = current
    while True:
        nxt = next_stage(stage)
        if nxt is None or missing_for(stage, nxt, facts):
            return stage
        stage = nxt


# The network's way through the stages: a list of {"stage": ..., "at": ISO 8601 UTC}, oldest first,
# kept with the network (and synced with it) so the timeline can show every move, not just the last.
MAX_HISTORY = 100
STAGE_VALUES = frozenset(str(s) for s in Stage)


@dataclass(frozen=True)
class Move:
    stage: Stage
    at: dt.datetime


def moves(history: object) -> list[Move]:
    """The moves a stored history holds, oldest first. Anything else in it (a value from a newer or
    broken client: an unknown stage, a missing or naive time) is left out."""
    out: list[Move] = []
    for m in history if isinstance(history, list) else []:
        if not isinstance(m, dict) or m.get("stage") not in STAGE_VALUES or not isinstance(m.get("at"), str):
            continue
        try:
            at = dt.datetime.fromisoformat(m["at"])
        except ValueError:
            continue
        if at.tzinfo is not None:
            out.append(Move(Stage(m["stage"]), at))
    return out


def with_move(history: object, stage: Stage | str, at: dt.datetime) -> list[dict[str, str]]:
    """``history`` with a move to ``stage`` at ``at`` added, as it is stored (a new list).

    What ``moves`` leaves out is dropped; a move to the stage the network is already in adds
    nothing.
    """
    kept = moves(history)
    if not kept or kept[-1].stage != Stage(stage):
        kept.append(Move(Stage(stage), at))
    return [
        {"stage": str(m.stage), "at": m.at.astimezone(dt.UTC).isoformat(timespec="seconds")}
        for m in kept[-MAX_HISTORY:]
    ]
