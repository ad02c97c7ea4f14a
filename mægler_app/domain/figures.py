"""The programme's figures against its targets (DESIGN.md §2), from plain synced records.

Pure: the server feeds it every record, a client could feed it one broker's; both call
``programme_figures`` with what they hold, so the app's overview and the server's ``/stats`` give
one figure for the same records.

A network's figures come from its history, not from the stage it is at now (issue 16):

- established (trin 1, for the programme and for its broker's 12-19): the first time the network
  reached trin 1 or any stage after it (ansøgning, trin 2, trin 3);
- an action plan (trin 2): the first time it reached trin 2 or trin 3;
- a business network (trin 3): the first time it reached trin 3.

What a network has reached stays reached: closing it later, or a rejected application sending it
back from ansøgning to trin 1, takes nothing away. A rejection also gives nothing: the network was
at ansøgning, not at trin 2, so there is no action plan until an application is approved.

Each figure counts in the Danish calendar year of the moment that earned it: a network in the year
it first reached the stage, a screening in the year it was finalised, a satisfaction answer in the
year it was first stored. Times are stored as UTC; the year is the one on a Danish calendar, which
at the turn of the year is always on standard time, UTC+1 (``danish_year``).

The history: the laptop keeps a network's moves in its ``stage_history``; the server keeps its own
table of the moves it accepted (``server/history.py``) and passes it in as ``history``, so a
client's ``stage_history`` never makes a server figure. A network whose history does not end at
its current stage (older data, a history cut short) has that stage added, as of its
``stage_changed_at`` or else the time it was stored.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .rules import (
    TARGET_NETWORKS_PER_BROKER,
    TARGET_SATISFIED_PERCENT,
    TARGETS_PER_YEAR,
    TARGETS_PROGRAMME,
    Range,
)
from .stages import STAGE_ORDER, STAGE_VALUES, Move, Stage, moves
from .timeutil import parse_stored_time
from .vocab import ScreeningStatus

# A satisfaction score is 1-5; 4 and 5 count as satisfied.
SATISFIED_MIN_SCORE = 4
# Reaching any of these means the network has reached trin 1 (established), trin 2 (an action
# plan) or trin 3 (a business network): the stage machine passes through the first on its way on.
ESTABLISHED_STAGES = frozenset({Stage.STAGE_1, Stage.APPLICATION, Stage.STAGE_2, Stage.STAGE_3})
ACTION_PLAN_STAGES = frozenset({Stage.STAGE_2, Stage.STAGE_3})
BUSINESS_NETWORK_STAGES = frozenset({Stage.STAGE_3})
# Denmark's offset from UTC at the turn of the year (standard time, CET): the year a moment falls
# in on a Danish calendar, without a time zone database (which Windows does not ship).
DANISH_NEW_YEAR_OFFSET = dt.timedelta(hours=1)


@dataclass(frozen=True)
class RecordView:
    entity: str
    id: str
    owner_id: str
    deleted: bool
    data: dict[str, Any]
    created_at: dt.datetime


@dataclass(frozen=True)
class Milestones:
    """When a network first reached each stage that counts (None: not reached)."""

    established: dt.datetime | None = None
    action_plan: dt.datetime | None = None
    business_network: dt.datetime | None = None


def danish_year(at: dt.datetime) -> int:
    """The calendar year ``at`` falls in, in Denmark (a naive time is taken as UTC)."""
    utc = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)
    return (utc + DANISH_NEW_YEAR_OFFSET).year


def network_path(history: object, stage: object, fallback: dt.datetime) -> list[Move]:
    """A network's moves, oldest first: ``history`` (a stored ``stage_history`` or a sequence of
    ``Move``), with the current ``stage`` added as of ``fallback`` when the history does not end
    there."""
    if isinstance(history, list | tuple) and all(isinstance(m, Move) for m in history):
        path = sorted(history, key=lambda m: m.at)
    else:
        path = moves(history)
    if stage in STAGE_VALUES and (not path or path[-1].stage != stage):
        path.append(Move(Stage(str(stage)), fallback))
    return path


def milestones(path: Sequence[Move]) -> Milestones:
    """When the network first reached trin 1, trin 2 and trin 3, by its moves."""

    def first(stages: frozenset[Stage]) -> dt.datetime | None:
        return next((m.at for m in path if m.stage in stages), None)

    return Milestones(
        established=first(ESTABLISHED_STAGES),
        action_plan=first(ACTION_PLAN_STAGES),
        business_network=first(BUSINESS_NETWORK_STAGES),
    )


@dataclass
class _Tally:
    companies_screened: set[str] = field(default_factory=set)
    networks: int = 0
    network_companies: set[str] = field(default_factory=set)
    networks_by_stage: dict[str, int] = field(default_factory=lambda: {str(s): 0 for s in STAGE_ORDER})
    action_plans: int = 0
    action_plan_companies: set[str] = field(default_factory=set)
    business_networks: int = 0
    business_network_companies: set[str] = field(default_factory=set)
    satisfaction_responses: int = 0
    satisfied: int = 0

    def out(self) -> dict[str, Any]:
        percent = (
            round(100 * self.satisfied / self.satisfaction_responses, 1)
            if self.satisfaction_responses
            else None
        )
        return {
            "companies_screened": len(self.companies_screened),
            "networks": self.networks,
            "network_companies": len(self.network_companies),
            "networks_by_stage": dict(self.networks_by_stage),
            "action_plans": self.action_plans,
            "action_plan_companies": len(self.action_plan_companies),
            "business_networks": self.business_networks,
            "business_network_companies": len(self.business_network_companies),
            "satisfaction": {
                "responses": self.satisfaction_responses,
                "satisfied": self.satisfied,
                "percent": percent,
                "target_percent": TARGET_SATISFIED_PERCENT,
                "met": percent is not None and percent >= TARGET_SATISFIED_PERCENT,
            },
        }


def _year(value: Any, fallback: dt.datetime) -> int:
    """The Danish year of a stored time (or of a plain date), else of ``fallback``."""
    if isinstance(value, str):
        at = parse_stored_time(value)
        if at is not None:
            return danish_year(at) if len(value) > 10 else at.year
    return danish_year(fallback)


def _range(r: Range, value: int) -> dict[str, Any]:
    return {"low": r.low, "high": r.high, "value": value, "met": value >= r.low}


class _Book:
    """Tallies for one scope (a broker or everyone), in total and per year."""

    def __init__(self) -> None:
        self.total = _Tally()
        self.years: dict[int, _Tally] = defaultdict(_Tally)

    def both(self, year: int) -> tuple[_Tally, _Tally]:
        return self.total, self.years[year]


def network_milestones(record: RecordView, history: Sequence[Move] | None = None) -> Milestones:
    """A network record's milestones: from ``history`` when given (the server's own), else from
    the record's ``stage_history``."""
    fallback = parse_stored_time(record.data.get("stage_changed_at")) or record.created_at
    stored = history if history is not None else record.data.get("stage_history")
    return milestones(network_path(stored or [], record.data.get("stage"), fallback))


def programme_figures(
    records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> dict[str, Any]:
    """Every figure per broker and in total, overall and per year, with the targets.

    ``history``: network id → the network's moves as the caller keeps them (the server's own
    table). Without it, each network's ``stage_history`` is read. A network ``history`` does not
    mention has no moves but its current stage (see ``network_path``).
    """
    live = [r for r in records if not r.deleted]
    companies = {r.id: r for r in live if r.entity == "company"}
    members: dict[str, set[str]] = defaultdict(set)  # network id → company keys

    def company_key(company_id: Any) -> str | None:
        company = companies.get(company_id) if isinstance(company_id, str) else None
        if company is None:
            return None
        cvr = company.data.get("cvr")
        return cvr if isinstance(cvr, str) and cvr else company.id

    for r in live:
        if r.entity == "membership":
            key = company_key(r.data.get("company_id"))
            network_id = r.data.get("network_id")
            if key and isinstance(network_id, str):
                members[network_id].add(key)

    books: dict[str, _Book] = defaultdict(_Book)
    everyone = _Book()

    def scopes(owner: str) -> tuple[_Book, _Book]:
        return books[owner], everyone

    for r in live:
        if r.entity == "screening" and r.data.get("status") == ScreeningStatus.FINAL:
            network_id = r.data.get("network_id")
            year = _year(r.data.get("finalized_at"), r.created_at)
            for book in scopes(r.owner_id):
                for tally in book.both(year):
                    tally.companies_screened |= (
                        members.get(network_id, set()) if isinstance(network_id, str) else set()
                    )
        elif r.entity == "network":
            stage = r.data.get("stage", str(Stage.CANDIDATE))
            year = danish_year(r.created_at)
            for book in scopes(r.owner_id):
                for tally in book.both(year):
                    if isinstance(stage, str) and stage in tally.networks_by_stage:
                        tally.networks_by_stage[stage] += 1
            reached = network_milestones(r, None if history is None else history.get(r.id, ()))
            network_companies = members.get(r.id, set())
            if reached.established is not None:
                for book in scopes(r.owner_id):
                    for tally in book.both(danish_year(reached.established)):
                        tally.networks += 1
                        tally.network_companies |= network_companies
            if reached.action_plan is not None:
                for book in scopes(r.owner_id):
                    for tally in book.both(danish_year(reached.action_plan)):
                        tally.action_plans += 1
                        tally.action_plan_companies |= network_companies
            if reached.business_network is not None:
                for book in scopes(r.owner_id):
                    for tally in book.both(danish_year(reached.business_network)):
                        tally.business_networks += 1
                        tally.business_network_companies |= network_companies
        elif r.entity == "satisfaction":
            score = r.data.get("score")
            if isinstance(score, int) and not isinstance(score, bool):
                year = danish_year(r.created_at)
                for book in scopes(r.owner_id):
                    for tally in book.both(year):
                        tally.satisfaction_responses += 1
                        tally.satisfied += score >= SATISFIED_MIN_SCORE

    def report(book: _Book, *, per_broker: bool) -> dict[str, Any]:
        total = book.total.out()
        targets = {name: _range(r, total[name]) for name, r in TARGETS_PROGRAMME.items()}
        if per_broker:
            targets["networks_per_broker"] = _range(TARGET_NETWORKS_PER_BROKER, total["networks"])
        by_year = {}
        for year in sorted(book.years):
            figures = book.years[year].out()
            by_year[str(year)] = {
                "figures": figures,
                "targets": {name: _range(r, figures[name]) for name, r in TARGETS_PER_YEAR.items()}
                if not per_broker
                else {},
            }
        return {"figures": total, "targets": targets, "by_year": by_year}

    return {
        "total": report(everyone, per_broker=False),
        "brokers": {owner: report(book, per_broker=True) for owner, book in sorted(books.items())},
    }
