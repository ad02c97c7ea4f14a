"""The satisfaction survey on the laptop: who is asked, the answers, and saving them by the rules.

The rules are ``domain.satisfaction``'s (the server checks a pushed answer by the same functions):
this module loads the network's members, contacts and answers, calls them, and saves. A save says
what it changed (``SurveySaved``): the answers made and changed, so the screen can announce it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.changes import Changes, changing
from ...domain.errors import DomainError
from ...domain.messages import Message, Msg
from ...domain.satisfaction import (
    answer_problems,
    due_occasion,
    edit_problems,
    is_satisfied,
    occasion_problems,
    occasions_reached,
)
from ...domain.vocab import SurveyOccasion
from ..db import Store
from ..models import Company, Contact, Membership, Network, Satisfaction


def today() -> dt.date:
    """The broker's calendar day (the laptop's local date: an answer given this evening is today's)."""
    return dt.date.today()


@dataclass(frozen=True)
class AnswerInput:
    """One company's answer as entered; ``score`` None: not answered (nothing is saved for it)."""

    company_id: str
    score: int | None
    comment: str = ""
    contact_id: str | None = None
    answered_on: dt.date | None = None


@dataclass(frozen=True)
class ContactChoice:
    id: str
    name: str


@dataclass(frozen=True)
class SurveyRow:
    """A member of the network as the survey asks it, with its answer at this occasion (if any)."""

    company_id: str
    company: str
    contacts: list[ContactChoice]
    answer_id: str | None = None
    score: int | None = None
    comment: str = ""
    contact_id: str | None = None
    answered_on: dt.date | None = None
    synced: bool = False  # the server has it: it stands


@dataclass(frozen=True)
class Survey:
    network_id: str
    network: str
    occasion: SurveyOccasion
    reached: list[SurveyOccasion]
    rows: list[SurveyRow]

    @property
    def missing(self) -> int:
        return sum(1 for r in self.rows if r.answer_id is None)


@dataclass(frozen=True)
class AnswerRow:
    """A stored answer as the network and company pages show it."""

    id: str
    network_id: str
    network: str
    company_id: str
    company: str
    occasion: str
    score: int
    satisfied: bool
    comment: str
    contact: str
    answered_on: dt.date | None
    synced: bool


@dataclass(frozen=True)
class SurveyPending:
    occasion: SurveyOccasion
    missing: int


@dataclass(frozen=True)
class SurveySaved:
    """What a save changed: the answers made and changed (ids), for the one announcement."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # taken back before they were synced
    entities: tuple[str, ...] = ("satisfaction",)

    @property
    def count(self) -> int:
        return len(self.created) + len(self.updated) + len(self.removed)

    def message(self) -> Message:
        if self.removed and not (self.created or self.updated):
            return Msg.SURVEY_REMOVED(n=len(self.removed))
        return Msg.SURVEY_SAVED(n=len(self.created) + len(self.updated))


class SurveyError(DomainError):
    """Answers the rules refuse; ``by_company`` holds each company's reasons (nothing is saved)."""

    def __init__(self, by_company: dict[str, list[Message]]) -> None:
        self.by_company = by_company
        super().__init__(*[m for problems in by_company.values() for m in problems])


# -- reading -----------------------------------------------------------------------------------


def _network(s: Session, network_id: str) -> Network:
    network = s.get(Network, network_id)
    if network is None or network.deleted:
        raise DomainError(Msg.NETWORK_NOT_FOUND())
    return network


def _members(s: Session, network_id: str) -> list[Company]:
    """The network's live member companies, by name."""
    return list(
        s.scalars(
            select(Company)
            .join(Membership, Membership.company_id == Company.id)
            .where(
                Membership.network_id == network_id,
                Membership.deleted.is_(False),
                Company.deleted.is_(False),
            )
            .order_by(Company.name)
        ).unique()
    )


def _answers(s: Session, network_id: str) -> list[Satisfaction]:
    return list(
        s.scalars(
            select(Satisfaction).where(Satisfaction.network_id == network_id, Satisfaction.deleted.is_(False))
        )
    )


def _payload(a: Satisfaction) -> dict[str, object]:
    return {
        "id": a.id,
        "company_id": a.company_id,
        "network_id": a.network_id,
        "occasion": a.occasion,
        "score": a.score,
        "contact_id": a.contact_id,
        "answered_on": a.answered_on.isoformat() if a.answered_on else None,
        "deleted": a.deleted,
    }


def survey(store: Store, network_id: str, occasion: SurveyOccasion | str | None = None) -> Survey:
    """The network's members and their answers at ``occasion`` (default: the one due now, else
    trin 2)."""
    with store.session() as s:
        network = _network(s, network_id)
        reached = occasions_reached(network.stage, network.stage_history)
        if occasion is None:
            chosen = due_occasion(network.stage, network.stage_history) or SurveyOccasion.STAGE_2
        else:
            if occasion_problems(str(occasion)):
                raise DomainError(*occasion_problems(str(occasion)))
            chosen = SurveyOccasion(occasion)
        companies = _members(s, network_id)
        ids = [c.id for c in companies]
        contacts: dict[str, list[ContactChoice]] = {}
        if ids:
            for person in s.scalars(
                select(Contact)
                .where(Contact.company_id.in_(ids), Contact.deleted.is_(False), Contact.anonymized.is_(False))
                .order_by(Contact.name)
            ):
                contacts.setdefault(person.company_id, []).append(ContactChoice(person.id, person.name))
        answers = {a.company_id: a for a in _answers(s, network_id) if a.occasion == chosen}
        rows = []
        for c in companies:
            a = answers.get(c.id)
            rows.append(
                SurveyRow(
                    company_id=c.id,
                    company=c.name,
                    contacts=contacts.get(c.id, []),
                    answer_id=a.id if a else None,
                    score=a.score if a else None,
                    comment=a.comment if a else "",
                    contact_id=a.contact_id if a else None,
                    answered_on=a.answered_on if a else None,
                    synced=bool(a and a.version > 0),
                )
            )
        return Survey(network_id, network.name, chosen, reached, rows)


def pending(store: Store, network_id: str) -> SurveyPending | None:
    """The occasion the network has reached and how many members have not answered it (None when
    no survey is due, or every member has answered)."""
    with store.session() as s:
        network = _network(s, network_id)
        occasion = due_occasion(network.stage, network.stage_history)
        if occasion is None:
            return None
        answered = {a.company_id for a in _answers(s, network_id) if a.occasion == occasion}
        missing = sum(1 for c in _members(s, network_id) if c.id not in answered)
    return SurveyPending(occasion, missing) if missing else None


def _rows(s: Session, answers: Iterable[Satisfaction]) -> list[AnswerRow]:
    answers = list(answers)
    companies = {
        c.id: c.name
        for c in s.scalars(select(Company).where(Company.id.in_({a.company_id for a in answers})))
    }
    networks = {
        n.id: n.name
        for n in s.scalars(select(Network).where(Network.id.in_({a.network_id for a in answers})))
    }
    contact_ids = {a.contact_id for a in answers if a.contact_id}
    contacts = (
        {c.id: c.name for c in s.scalars(select(Contact).where(Contact.id.in_(contact_ids)))}
        if contact_ids
        else {}
    )
    order = {str(o): k for k, o in enumerate(SurveyOccasion)}
    rows = [
        AnswerRow(
            id=a.id,
            network_id=a.network_id,
            network=networks.get(a.network_id, ""),
            company_id=a.company_id,
            company=companies.get(a.company_id, ""),
            occasion=a.occasion,
            score=a.score,
            satisfied=is_satisfied(a.score),
            comment=a.comment,
            contact=contacts.get(a.contact_id or "", ""),
            answered_on=a.answered_on,
            synced=a.version > 0,
        )
        for a in answers
    ]
    rows.sort(key=lambda r: (r.answered_on or dt.date.min, order.get(r.occasion, -1)), reverse=True)
    return rows


def network_answers(store: Store, network_id: str) -> list[AnswerRow]:
    """Every answer in the network, newest first."""
    with store.session() as s:
        return _rows(s, _answers(s, network_id))


def latest_by_company(store: Store, network_id: str) -> dict[str, AnswerRow]:
    """Each member's latest answer in the network (the latest occasion, then the latest date)."""
    out: dict[str, AnswerRow] = {}
    order = {str(o): k for k, o in enumerate(SurveyOccasion)}
    for row in network_answers(store, network_id):
        best = out.get(row.company_id)
        key = (order.get(row.occasion, -1), row.answered_on or dt.date.min)
        if best is None or key > (order.get(best.occasion, -1), best.answered_on or dt.date.min):
            out[row.company_id] = row
    return out


def company_answers(store: Store, company_id: str) -> list[AnswerRow]:
    """The company's answers across its networks, newest first."""
    with store.session() as s:
        answers = s.scalars(
            select(Satisfaction).where(Satisfaction.company_id == company_id, Satisfaction.deleted.is_(False))
        )
        return _rows(s, answers)


# -- checking and saving -----------------------------------------------------------------------


def _check(
    s: Session, network_id: str, occasion: str, answers: list[AnswerInput], day: dt.date
) -> tuple[dict[str, list[Message]], dict[str, Satisfaction]]:
    """Each company's reasons (only companies with problems), and the stored answers at ``occasion``."""
    companies = _members(s, network_id)
    member_ids = {c.id for c in companies}
    names = {c.id: c.name for c in companies}
    stored = _answers(s, network_id)
    existing = {a.company_id: a for a in stored if a.occasion == occasion}
    contact_ids = {a.contact_id for a in answers if a.contact_id}
    contact_company = (
        {
            c.id: c.company_id
            for c in s.scalars(select(Contact).where(Contact.id.in_(contact_ids), Contact.deleted.is_(False)))
        }
        if contact_ids
        else {}
    )
    others = [_payload(a) for a in stored]
    problems: dict[str, list[Message]] = {}
    seen: set[str] = set()
    for answer in answers:
        if answer.score is None:
            current = existing.get(answer.company_id)
            if answer.comment.strip() or answer.contact_id:
                # typed for a company without its score: said, never dropped
                name = names.get(answer.company_id, answer.company_id)
                problems[answer.company_id] = [Msg.SURVEY_SCORE_MISSING(company=name)]
            elif current is not None and current.version > 0:
                problems[answer.company_id] = edit_problems(current.version)  # taking it back
            continue
        found: list[Message] = []
        if answer.company_id in seen:
            found.append(
                Msg.SURVEY_DUPLICATE(
                    company=names.get(answer.company_id, answer.company_id), occasion=occasion
                )
            )
        seen.add(answer.company_id)
        current = existing.get(answer.company_id)
        payload = {
            "id": current.id if current else None,
            "company_id": answer.company_id,
            "network_id": network_id,
            "occasion": occasion,
            "score": answer.score,
            "contact_id": answer.contact_id,
            "answered_on": answer.answered_on.isoformat() if answer.answered_on else None,
        }
        found += answer_problems(
            payload,
            member_ids=member_ids,
            contact_company_id=contact_company.get(answer.contact_id or ""),
            others=others,
            today=day,
            company=names.get(answer.company_id, ""),
        )
        if current is not None and _differs(current, answer):
            found += edit_problems(current.version)
        if found:
            problems[answer.company_id] = found
    return problems, existing


def _differs(stored: Satisfaction, answer: AnswerInput) -> bool:
    return (stored.score, stored.comment, stored.contact_id, stored.answered_on) != (
        answer.score,
        answer.comment.strip(),
        answer.contact_id or None,
        answer.answered_on,
    )


def check_answers(
    store: Store, network_id: str, occasion: SurveyOccasion | str, answers: list[AnswerInput]
) -> dict[str, list[Message]]:
    """Each company's reasons its answer cannot be saved (empty: all can), without saving."""
    with store.session() as s:
        _network(s, network_id)
        problems = occasion_problems(str(occasion))
        if problems:
            return {"": problems}
        return _check(s, network_id, str(occasion), answers, today())[0]


@changing(of=lambda saved: Changes.of("satisfaction") if saved.count else Changes.NONE)
def save_answers(
    store: Store, network_id: str, occasion: SurveyOccasion | str, answers: list[AnswerInput]
) -> SurveySaved:
    """Save the entered answers at ``occasion``, all or nothing (``SurveyError`` names each
    company's reasons). A company left without a score (and nothing else typed) is not saved, and
    its stored answer, if any, is taken back; a comment or contact without a score is refused; an
    answer the server has cannot be changed or taken back."""
    problems = occasion_problems(str(occasion))
    if problems:
        raise DomainError(*problems)
    created: list[str] = []
    updated: list[str] = []
    removed: list[str] = []
    with store.session() as s:
        _network(s, network_id)
        refused, existing = _check(s, network_id, str(occasion), answers, today())
        if refused:
            raise SurveyError(refused)
        entered = [a for a in answers if a.score is not None]
        # a stored answer whose score is taken away (not synced yet: _check refused the others)
        taken_back = [existing[a.company_id] for a in answers if a.score is None and a.company_id in existing]
        if not entered and not taken_back:
            raise DomainError(Msg.SURVEY_NOTHING_TO_SAVE())
        for stored in taken_back:
            stored.deleted = True
            removed.append(stored.id)
        for answer in entered:
            assert answer.score is not None
            current = existing.get(answer.company_id)
            if current is None:
                row = Satisfaction(
                    company_id=answer.company_id,
                    network_id=network_id,
                    occasion=str(occasion),
                    score=answer.score,
                    comment=answer.comment.strip(),
                    contact_id=answer.contact_id or None,
                    answered_on=answer.answered_on,
                )
                s.add(row)
                created.append(row.id)
            elif _differs(current, answer):
                current.score = answer.score
                current.comment = answer.comment.strip()
                current.contact_id = answer.contact_id or None
                current.answered_on = answer.answered_on
                updated.append(current.id)
    return SurveySaved(created, updated, removed)


@changing("satisfaction")
def delete_answer(store: Store, answer_id: str) -> SurveySaved:
    """Take back an answer that is not synced yet (one the server has stands)."""
    with store.session() as s:
        answer = s.get(Satisfaction, answer_id)
        if answer is None or answer.deleted:
            raise DomainError(Msg.SURVEY_ANSWER_NOT_FOUND())
        problems = edit_problems(answer.version)
        if problems:
            raise DomainError(*problems)
        answer.deleted = True
    return SurveySaved([], [], [answer_id])
