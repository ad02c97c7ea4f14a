"""The programme's figures against its targets (DESIGN.md §2), from plain synced records.

Pure: the server feeds it every record, a client could feed it one broker's. A figure is
counted in the year of the event that earns it: a screening in the year it was finalised, an
action plan in the year its application was approved, a network in the year it was established
(reached trin 1, by its stage history; else the year it was first stored), a business network in
the year it reached trin 3, a satisfaction answer in the year it was first stored.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .rules import (
    TARGET_NETWORKS_PER_BROKER,
    TARGET_SATISFIED_PERCENT,
    TARGETS_PER_YEAR,
    TARGETS_PROGRAMME,
    Range,
)
from .stages import STAGE_ORDER, Stage, moves
from .vocab import ApplicationStatus, ScreeningStatus

# A satisfaction score is 1-5; 4 and 5 count as satisfied.
SATISFIED_MIN_SCORE = 4
ESTABLISHED_STAGES = frozenset({Stage.STAGE_1, Stage.APPLICATION, Stage.STAGE_2, Stage.STAGE_3})


@dataclass(frozen=True)
class RecordView:
    entity: str
    id: str
    owner_id: str
    deleted: bool
    data: dict[str, Any]
    created_at: dt.datetime


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
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]).year
        except ValueError:
            pass
    return fallback.year


def _established_year(history: Any, fallback: dt.datetime) -> int:
    """The year the network's history first reaches an established stage, else ``fallback``'s."""
    first = next((m for m in moves(history) if m.stage in ESTABLISHED_STAGES), None)
    return first.at.year if first is not None else fallback.year


def _range(r: Range, value: int) -> dict[str, Any]:
    return {"low": r.low, "high": r.high, "value": value, "met": value >= r.low}


class _Book:
    """Tallies for one scope (a broker or everyone), in total and per year."""

    def __init__(self) -> None:
        self.total = _Tally()
        self.years: dict[int, _Tally] = defaultdict(_Tally)

    def both(self, year: int) -> tuple[_Tally, _Tally]:
        return self.total, self.years[year]


def programme_figures(records: Iterable[RecordView]) -> dict[str, Any]:
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
            year = _year(None, r.created_at)
            for book in scopes(r.owner_id):
                for tally in book.both(year):
                    if isinstance(stage, str) and stage in tally.networks_by_stage:
                        tally.networks_by_stage[stage] += 1
            if stage in ESTABLISHED_STAGES:
                established = _established_year(r.data.get("stage_history"), r.created_at)
                for book in scopes(r.owner_id):
                    for tally in book.both(established):
                        tally.networks += 1
                        tally.network_companies |= members.get(r.id, set())
            if stage == Stage.STAGE_3:
                year3 = _year(r.data.get("stage_3_on"), r.created_at)
                for book in scopes(r.owner_id):
                    for tally in book.both(year3):
                        tally.business_networks += 1
                        tally.business_network_companies |= members.get(r.id, set())
        elif r.entity == "application" and r.data.get("status") == ApplicationStatus.APPROVED:
            year = _year(r.data.get("decided_at"), r.created_at)
            network_id = r.data.get("network_id")
            for book in scopes(r.owner_id):
                for tally in book.both(year):
                    tally.action_plans += 1
                    if isinstance(network_id, str):
                        tally.action_plan_companies |= members.get(network_id, set())
        elif r.entity == "satisfaction":
            score = r.data.get("score")
            if isinstance(score, int) and not isinstance(score, bool):
                year = _year(None, r.created_at)
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
