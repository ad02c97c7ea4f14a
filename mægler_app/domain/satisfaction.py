"""The satisfaction survey (DESIGN.md §2): a score 1–5 per participating company per network and
occasion (trin 2, trin 3, closing); 4 and 5 count as satisfied.

Pure rules on plain values (a sync payload's fields), so the laptop (``store/services/satisfaction``)
and the server (``server/push.py``) refuse the same answers with the same messages:

- the score is a whole number from 1 to 5; the occasion one of ``SurveyOccasion``;
- one answer per company per network per occasion;
- the company is a member of the network, and who answered is one of that company's contacts;
- the answer is not dated in the future;
- an answer can be changed until it is synced: once the server has it (version > 0) it stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from .figures import ACTION_PLAN_STAGES, BUSINESS_NETWORK_STAGES, ESTABLISHED_STAGES, SATISFIED_MIN_SCORE
from .language import current as current_language
from .messages import Message, Msg
from .stages import STAGE_VALUES, Stage, moves
from .vocab import SurveyOccasion

SCORE_MIN = 1
SCORE_MAX = 5

# The scale's words, as the company is asked (1 worst, 5 best).
SCALE: dict[int, str] = {
    1: "Meget utilfreds",
    2: "Utilfreds",
    3: "Hverken tilfreds eller utilfreds",
    4: "Tilfreds",
    5: "Meget tilfreds",
}
SCALE_EN: dict[int, str] = {
    1: "Very dissatisfied",
    2: "Dissatisfied",
    3: "Neither satisfied nor dissatisfied",
    4: "Satisfied",
    5: "Very satisfied",
}
OCCASION_VALUES = frozenset(str(o) for o in SurveyOccasion)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_satisfied(score: object) -> bool:
    """4 and 5 count as satisfied; anything else (1–3, or not a score at all) does not."""
    return _is_int(score) and SATISFIED_MIN_SCORE <= int(score) <= SCORE_MAX  # type: ignore[call-overload]


def scale_label(score: object, language: str | None = None) -> str:
    """The scale's word for a score (``"4 – Tilfreds"`` without the number), in ``language`` (the
    current one by default); "" for no score."""
    words = SCALE_EN if (language or current_language()) == "en" else SCALE
    return words.get(score, "") if _is_int(score) else ""  # type: ignore[call-overload]


def score_problems(score: object) -> list[Message]:
    """A score must be a whole number from 1 to 5 (exactly; 0 and 6 are refused)."""
    if _is_int(score) and SCORE_MIN <= int(score) <= SCORE_MAX:  # type: ignore[call-overload]
        return []
    shown = "" if score is None else str(score)
    return [Msg.SURVEY_SCORE_OUT_OF_RANGE(score=shown, low=SCORE_MIN, high=SCORE_MAX)]


def occasion_problems(occasion: object) -> list[Message]:
    if isinstance(occasion, str) and occasion in OCCASION_VALUES:
        return []
    return [Msg.SURVEY_OCCASION_UNKNOWN(occasion="" if occasion is None else str(occasion))]


def answered_on_problems(answered_on: object, today: dt.date) -> list[Message]:
    """The date the company answered: there, a date (ISO text in a payload), not after today."""
    if answered_on is None or answered_on == "":
        return [Msg.SURVEY_DATE_MISSING()]
    day: dt.date | None = None
    if isinstance(answered_on, dt.datetime):
        day = answered_on.date()
    elif isinstance(answered_on, dt.date):
        day = answered_on
    elif isinstance(answered_on, str):
        try:
            day = dt.date.fromisoformat(answered_on)
        except ValueError:
            day = None
    if day is None:
        return [Msg.SURVEY_DATE_MISSING()]
    if day > today:
        return [Msg.SURVEY_DATE_IN_FUTURE(day=day.isoformat())]
    return []


def duplicate_problems(
    answer: Mapping[str, Any], others: Iterable[Mapping[str, Any]], company: str = ""
) -> list[Message]:
    """Another live answer from the same company in the same network at the same occasion.

    ``others`` are answers as payloads with their ``id`` (and ``deleted``); the answer itself may be
    among them (matched by ``id``)."""
    key = (answer.get("company_id"), answer.get("network_id"), answer.get("occasion"))
    for other in others:
        if other.get("id") == answer.get("id") or other.get("deleted"):
            continue
        if (other.get("company_id"), other.get("network_id"), other.get("occasion")) == key:
            return [Msg.SURVEY_DUPLICATE(company=company or str(key[0]), occasion=str(key[2]))]
    return []


def answer_problems(
    answer: Mapping[str, Any],
    *,
    member_ids: Collection[str],
    contact_company_id: str | None,
    others: Iterable[Mapping[str, Any]],
    today: dt.date,
    company: str = "",
) -> list[Message]:
    """Every reason an answer (as a payload: company_id, network_id, score, occasion, contact_id,
    answered_on) cannot be stored.

    ``member_ids``: the network's live member companies; ``contact_company_id``: the company of the
    answer's ``contact_id`` (None when there is no such contact); ``others``: the stored answers of
    the network (see ``duplicate_problems``); ``company``: the company's name for the messages."""
    problems = score_problems(answer.get("score"))
    problems += occasion_problems(answer.get("occasion"))
    problems += answered_on_problems(answer.get("answered_on"), today)
    company_id = answer.get("company_id")
    name = company or str(company_id)
    if company_id not in member_ids:
        problems.append(Msg.SURVEY_COMPANY_NOT_MEMBER(company=name))
    contact_id = answer.get("contact_id")
    if contact_id not in (None, "") and contact_company_id != company_id:
        problems.append(Msg.SURVEY_CONTACT_OTHER_COMPANY(company=name))
    if not problems:
        problems += duplicate_problems(answer, others, name)
    return problems


def edit_problems(version: int) -> list[Message]:
    """An answer the server has (version > 0) is the programme's record: it is not changed."""
    return [Msg.SURVEY_ALREADY_SYNCED()] if version > 0 else []


def occasions_reached(stage: object, history: object) -> list[SurveyOccasion]:
    """The survey occasions a network has reached, in order: trin 2 (an action plan: trin 2 or
    trin 3 reached), trin 3, and closing (a closed network that was established, trin 1 or later;
    one closed as a candidate had no participants to ask)."""
    reached = {m.stage for m in moves(history)}
    if isinstance(stage, str) and stage in STAGE_VALUES:
        reached.add(Stage(stage))
    out: list[SurveyOccasion] = []
    if reached & ACTION_PLAN_STAGES:
        out.append(SurveyOccasion.STAGE_2)
    if reached & BUSINESS_NETWORK_STAGES:
        out.append(SurveyOccasion.STAGE_3)
    if stage == Stage.CLOSED and reached & ESTABLISHED_STAGES:
        out.append(SurveyOccasion.CLOSED)
    return out


def due_occasion(stage: object, history: object) -> SurveyOccasion | None:
    """The occasion the broker is asked about now: the latest one the network has reached."""
    reached = occasions_reached(stage, history)
    return reached[-1] if reached else None


def occasion_for_stage(stage: object) -> SurveyOccasion | None:
    """The occasion a move to ``stage`` starts (None for a stage without a survey)."""
    for target, occasion in (
        (Stage.STAGE_2, SurveyOccasion.STAGE_2),
        (Stage.STAGE_3, SurveyOccasion.STAGE_3),
        (Stage.CLOSED, SurveyOccasion.CLOSED),
    ):
        if stage == target:
            return occasion
    return None
