"""The network's stage machine: candidate → screened → stage 1 → application → stage 2 → stage 3.

Each transition knows what it requires and can say what is still missing: a list of ``Message``s
(``domain.messages``), which the app and the server render from the one catalogue.
``closed`` can be reached from any open stage, with a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError
from .language import current as current_language
from .messages import Message, Msg
from .rules import CLOSE_REASONS, MAX_KNOWLEDGE_INSTITUTIONS, MIN_INDEPENDENT_COMPANIES


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

STAGE_LABELS_EN: dict[Stage, str] = {
    Stage.CANDIDATE: "Candidate",
    Stage.SCREENED: "Screened",
    Stage.STAGE_1: "Stage 1: network established",
    Stage.APPLICATION: "Application submitted",
    Stage.STAGE_2: "Stage 2: action plan",
    Stage.STAGE_3: "Stage 3: business network",
    Stage.CLOSED: "Closed",
}


# --- english: the stages' short names, where a column or a board has room for a word or two
STAGE_SHORT_LABELS: dict[str, dict[Stage, str]] = {
    "da": {
        Stage.CANDIDATE: "Kandidat",
        Stage.SCREENED: "Screenet",
        Stage.STAGE_1: "Trin 1",
        Stage.APPLICATION: "Ansøgning",
        Stage.STAGE_2: "Trin 2",
        Stage.STAGE_3: "Trin 3",
        Stage.CLOSED: "Afsluttet",
    },
    "en": {
        Stage.CANDIDATE: "Candidate",
        Stage.SCREENED: "Screened",
        Stage.STAGE_1: "Stage 1",
        Stage.APPLICATION: "Application",
        Stage.STAGE_2: "Stage 2",
        Stage.STAGE_3: "Stage 3",
        Stage.CLOSED: "Closed",
    },
}


def stage_short_label(value: str, language: str | None = None) -> str:
    """``Trin 1`` / ``Stage 1``: a stage's short name in ``language`` (the current one by default)."""
    labels = STAGE_SHORT_LABELS.get(language or current_language(), STAGE_SHORT_LABELS["da"])
    try:
        return labels[Stage(value)]
    except ValueError:
        return str(value)


# --- end english


def stage_label(value: str, language: str | None = None) -> str:
    """The label of a stage value in ``language`` (the current one by default); a value this
    version does not know, as it is."""
    labels = STAGE_LABELS_EN if (language or current_language()) == "en" else STAGE_LABELS
    try:
        return labels[Stage(value)]
    except ValueError:
        return str(value)


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


def parse_stage(value: object) -> Stage:
    """The stage a stored or sent value names; StageError (``stage_unknown``) for anything else."""
    if isinstance(value, str) and value in STAGE_VALUES:
        return Stage(value)
    raise StageError(Msg.STAGE_UNKNOWN(stage=str(value)))


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


def composition_problems(independent: int, knowledge: int) -> list[Message]:
    """Why a network of this composition cannot leave candidate (empty when it can)."""
    problems = []
    if independent < MIN_INDEPENDENT_COMPANIES:
        problems.append(Msg.TOO_FEW_COMPANIES(count=independent, minimum=MIN_INDEPENDENT_COMPANIES))
    if knowledge > MAX_KNOWLEDGE_INSTITUTIONS:
        problems.append(
            Msg.TOO_MANY_KNOWLEDGE_INSTITUTIONS(count=knowledge, maximum=MAX_KNOWLEDGE_INSTITUTIONS)
        )
    return problems


def _requirements(target: Stage, f: NetworkFacts) -> list[Message]:
    missing: list[Message] = []
    if target == Stage.SCREENED:
        missing += composition_problems(f.independent_companies, f.knowledge_institutions)
        if not f.screening_final:
            missing.append(Msg.STAGE_SCREENING_NOT_FINAL())
    elif target == Stage.STAGE_1:
        missing += composition_problems(f.independent_companies, f.knowledge_institutions)
        if not f.screening_passed:
            missing.append(Msg.STAGE_SCREENING_NOT_PASSED())
    elif target == Stage.APPLICATION:
        if not f.screening_passed:
            missing.append(Msg.STAGE_SCREENING_NOT_PASSED())
        if not f.application_submitted:
            missing.append(Msg.STAGE_APPLICATION_NOT_SUBMITTED())
    elif target == Stage.STAGE_2:
        if not f.application_approved:
            missing.append(Msg.STAGE_APPLICATION_NOT_APPROVED())
    elif target == Stage.STAGE_3:
        if not f.application_approved:
            missing.append(Msg.STAGE_APPLICATION_NOT_APPROVED())
        if not f.stage_3_evidence.strip():
            missing.append(Msg.STAGE_3_EVIDENCE_MISSING())
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


def stage_requirements(target: Stage) -> list[Message]:
    """What ``target`` requires, as the broker reads it before anything is filled in (the rules
    ``missing_for`` checks, said in general)."""
    composition = Msg.STAGE_REQUIRES_COMPOSITION(
        minimum=MIN_INDEPENDENT_COMPANIES, maximum=MAX_KNOWLEDGE_INSTITUTIONS
    )
    return {
        Stage.SCREENED: [composition, Msg.STAGE_REQUIRES_FINAL_SCREENING()],
        Stage.STAGE_1: [composition, Msg.STAGE_REQUIRES_PASSED_SCREENING()],
        Stage.APPLICATION: [
            Msg.STAGE_REQUIRES_PASSED_SCREENING(),
            Msg.STAGE_REQUIRES_SUBMITTED_APPLICATION(),
        ],
        Stage.STAGE_2: [Msg.STAGE_REQUIRES_APPROVAL()],
        Stage.STAGE_3: [Msg.STAGE_REQUIRES_APPROVAL(), Msg.STAGE_REQUIRES_EVIDENCE()],
    }.get(target, [])


def next_stage(current: Stage) -> Stage | None:
    """The stage a network normally goes to next."""
    order = STAGE_ORDER[:-1]
    if current not in order or current == order[-1]:
        return None
    return order[order.index(current) + 1]


def missing_for(
    current: Stage, target: Stage, facts: NetworkFacts, *, close_reason: str = ""
) -> list[Message]:
    """Everything that stops ``current`` → ``target``; an empty list means the move is allowed."""
    if current == target:
        return [Msg.STAGE_ALREADY(stage=target)]
    if current == Stage.CLOSED:
        return [Msg.STAGE_NETWORK_CLOSED()]
    if target == Stage.CLOSED:
        return [] if close_reason.strip() else [Msg.STAGE_CLOSE_REASON_MISSING()]
    if target == Stage.STAGE_1 and current == Stage.APPLICATION:
        # Back to stage 1 after a rejected application, so a new revision can be written.
        return [] if f_rejected(facts) else [Msg.STAGE_BACK_ONLY_AFTER_REJECTION()]
    if target == Stage.CANDIDATE and current == Stage.SCREENED:
        return [] if not facts.screening_passed else [Msg.STAGE_PASSED_IS_NOT_CANDIDATE()]
    if target not in _NEXT[current]:
        return [Msg.STAGE_MOVE_NOT_ALLOWED(current=current, target=target)]
    return _requirements(target, facts)


def close_problems(reason: str, text: str) -> list[Message]:
    """Why a network cannot be closed with this reason (one of CLOSE_REASONS) and these words."""
    problems: list[Message] = []
    if reason not in CLOSE_REASONS:
        problems.append(Msg.STAGE_CLOSE_REASON_UNKNOWN())
    if not text.strip():
        problems.append(Msg.STAGE_CLOSE_TEXT_MISSING())
    return problems


def f_rejected(facts: NetworkFacts) -> bool:
    return facts.application_rejected and not facts.application_approved


def transition(current: Stage, target: Stage, facts: NetworkFacts, *, close_reason: str = "") -> Stage:
    """Move to ``target`` or raise StageError naming every missing requirement (``err.messages``)."""
    missing = missing_for(current, target, facts, close_reason=close_reason)
    if missing:
        raise StageError(*missing)
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
