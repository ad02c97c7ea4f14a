"""The caseworker's programme pages (issue 18, parts 3-4): the funnel, the figures per focus area
and per broker, from the same plain records and the same network history as ``figures``.

Pure, like ``figures``: the laptop feeds it what it synced (a caseworker pulls every broker's
records), the server could feed it what it stores.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .figures import RecordView, network_milestones, network_path
from .messages import Message, Msg
from .rules import BROKER_BONUS_ORE, TARGET_NETWORKS_PER_BROKER, TARGET_SATISFIED_PERCENT
from .stages import STAGE_ORDER, Move, Stage
from .timeutil import parse_stored_time
from .vocab import ApplicationStatus, FocusArea

# The funnel runs kandidat → trin 3; "afsluttet" is where a network leaves it, not a step of it.
FUNNEL_STAGES: tuple[Stage, ...] = tuple(s for s in STAGE_ORDER if s != Stage.CLOSED)
_RANK = {s: i for i, s in enumerate(FUNNEL_STAGES)}


def reached_rank(path: Sequence[Move]) -> int:
    """The furthest funnel step a network's moves ever reached (0: kandidat)."""
    return max((_RANK[m.stage] for m in path if m.stage in _RANK), default=0)


def _path(r: RecordView, history: Mapping[str, Sequence[Move]] | None) -> list[Move]:
    fallback = parse_stored_time(r.data.get("stage_changed_at")) or r.created_at
    stored = history.get(r.id, ()) if history is not None else r.data.get("stage_history")
    return network_path(stored or [], r.data.get("stage"), fallback)


def funnel(
    records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> dict[str, int]:
    """Stage value → how many live networks ever reached that step of kandidat → trin 3 (a closed
    network counts up to where it got)."""
    out = {str(s): 0 for s in FUNNEL_STAGES}
    for r in records:
        if r.entity != "network" or r.deleted:
            continue
        rank = reached_rank(_path(r, history))
        for s in FUNNEL_STAGES[: rank + 1]:
            out[str(s)] += 1
    return out


@dataclass
class FocusFigures:
    companies: int = 0  # members of any live network
    established: int = 0  # members of a network that reached trin 1
    action_plans: int = 0  # ... trin 2
    business_networks: int = 0  # ... trin 3


def by_focus_area(
    records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> dict[str, FocusFigures]:
    """Focus area value → companies in the programme's networks, and how far their networks got;
    a company counts once per area however many networks it is in (its CVR, as ``figures``)."""
    live = [r for r in records if not r.deleted]
    companies = {r.id: r for r in live if r.entity == "company"}
    reached = {
        r.id: network_milestones(r, None if history is None else history.get(r.id, ()))
        for r in live
        if r.entity == "network"
    }
    sets: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in live:
        if r.entity != "membership":
            continue
        company = companies.get(r.data.get("company_id"))  # type: ignore[arg-type]
        milestones = reached.get(r.data.get("network_id"))  # type: ignore[arg-type]
        if company is None or milestones is None:
            continue
        area = company.data.get("focus_area")
        area = area if area in {a.value for a in FocusArea} else FocusArea.OTHER.value
        cvr = company.data.get("cvr")
        key = cvr if isinstance(cvr, str) and cvr else company.id
        sets[area]["companies"].add(key)
        if milestones.established is not None:
            sets[area]["established"].add(key)
        if milestones.action_plan is not None:
            sets[area]["action_plans"].add(key)
        if milestones.business_network is not None:
            sets[area]["business_networks"].add(key)
    return {
        area.value: FocusFigures(**{k: len(v) for k, v in sets.get(area.value, {}).items()})
        for area in FocusArea
    }


@dataclass
class BrokerLedger:
    """One broker's networks and bonuses, as the Mæglere page shows them."""

    owner_id: str
    networks_by_stage: dict[str, int] = field(default_factory=lambda: {str(s): 0 for s in STAGE_ORDER})
    established: int = 0
    bonus_earned_ore: int = 0
    bonus_expected_ore: int = 0
    open_applications: int = 0

    @property
    def networks(self) -> int:
        return sum(self.networks_by_stage.values())

    @property
    def target_low(self) -> int:
        return TARGET_NETWORKS_PER_BROKER.low

    @property
    def target_high(self) -> int:
        return TARGET_NETWORKS_PER_BROKER.high

    @property
    def target_met(self) -> bool:
        return self.established >= TARGET_NETWORKS_PER_BROKER.low


def broker_ledgers(
    records: Iterable[RecordView],
    history: Mapping[str, Sequence[Move]] | None = None,
    brokers: Iterable[str] = (),
) -> dict[str, BrokerLedger]:
    """Owner id → the broker's ledger: networks at each stage now, the networks established (the
    programme's figure, against 12-19), the bonus earned (approved applications' ``bonus_ore``),
    the bonus expected (15.000 kr. per application awaiting a decision) and those applications.
    ``brokers``: owners to list even with no records."""
    out: dict[str, BrokerLedger] = {b: BrokerLedger(b) for b in brokers}
    for r in records:
        if r.deleted or r.entity not in ("network", "application"):
            continue
        ledger = out.setdefault(r.owner_id, BrokerLedger(r.owner_id))
        if r.entity == "network":
            stage = r.data.get("stage")
            if isinstance(stage, str) and stage in ledger.networks_by_stage:
                ledger.networks_by_stage[stage] += 1
            hist = None if history is None else history.get(r.id, ())
            if network_milestones(r, hist).established is not None:
                ledger.established += 1
        else:
            status = r.data.get("status")
            if status == ApplicationStatus.APPROVED:
                bonus = r.data.get("bonus_ore")
                ledger.bonus_earned_ore += bonus if isinstance(bonus, int) else 0
            elif status == ApplicationStatus.SUBMITTED:
                ledger.open_applications += 1
                ledger.bonus_expected_ore += BROKER_BONUS_ORE
    return out


def display(value: Any) -> str:
    """A broker's name from a ``/stats`` user entry: display name, else user name, else ""."""
    if not isinstance(value, dict):
        return ""
    for key in ("display_name", "username"):
        text = value.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


# The targets as the pages list them: figure key in ``figures`` → its name. The whole period has
# the seed's 5. Effekt- og resultatkrav, a year its 2. Formål og mål (``rules``).
TARGET_NAMES: dict[str, Message] = {
    "companies_screened": Msg.PROGRAMME_COMPANIES_SCREENED(),
    "networks": Msg.PROGRAMME_NETWORKS(),
    "network_companies": Msg.PROGRAMME_NETWORK_COMPANIES(),
    "action_plans": Msg.PROGRAMME_ACTION_PLANS(),
    "action_plan_companies": Msg.PROGRAMME_ACTION_PLAN_COMPANIES(),
    "business_networks": Msg.PROGRAMME_BUSINESS_NETWORKS(),
    "business_network_companies": Msg.PROGRAMME_BUSINESS_NETWORK_COMPANIES(),
    "satisfied": Msg.PROGRAMME_SATISFIED(),
    "networks_per_broker": Msg.PROGRAMME_NETWORKS_PER_BROKER(),
}


@dataclass(frozen=True)
class TargetRow:
    """One target of a scope (the whole period or a year): its figure against its range.

    ``value`` is the figure (for satisfaction: percent in basis points, for networks per broker:
    the brokers that reached the low end); ``low``/``high`` the range (``high`` None: at least).
    ``value is None``: nothing to count yet (no satisfaction answers).
    """

    key: str
    name: Message
    value: int | None
    low: int
    high: int | None
    range_text: Message
    note: Message | None = None

    @property
    def met(self) -> bool:
        return self.value is not None and self.value >= self.low


def target_rows(report: Mapping[str, Any], brokers: Mapping[str, Any] | None = None) -> list[TargetRow]:
    """The rows of one scope of ``programme_figures``: its ``total`` (with ``brokers``, the
    per-broker reports, for the networks per broker) or one of its ``by_year`` entries."""
    figures = report.get("figures", {})
    rows: list[TargetRow] = []
    for key, target in (report.get("targets") or {}).items():
        if key == "networks_per_broker" or key not in TARGET_NAMES:
            continue
        rows.append(
            TargetRow(
                key,
                TARGET_NAMES[key],
                int(target["value"]),
                int(target["low"]),
                int(target["high"]),
                Msg.PROGRAMME_RANGE(low=target["low"], high=target["high"]),
            )
        )
    satisfaction = figures.get("satisfaction") or {}
    percent = satisfaction.get("percent")
    rows.append(
        TargetRow(
            "satisfied",
            TARGET_NAMES["satisfied"],
            None if percent is None else round(float(percent) * 100),
            int(satisfaction.get("target_percent", TARGET_SATISFIED_PERCENT)) * 100,
            None,
            Msg.PROGRAMME_AT_LEAST(low=int(satisfaction.get("target_percent", TARGET_SATISFIED_PERCENT))),
            None if percent is not None else Msg.PROGRAMME_NO_ANSWERS(),
        )
    )
    if brokers is not None:
        established = [int(b.get("figures", {}).get("networks", 0)) for b in brokers.values()]
        reached = sum(1 for n in established if n >= TARGET_NETWORKS_PER_BROKER.low)
        rows.append(
            TargetRow(
                "networks_per_broker",
                TARGET_NAMES["networks_per_broker"],
                reached,
                len(established),
                None,
                Msg.PROGRAMME_RANGE(low=TARGET_NETWORKS_PER_BROKER.low, high=TARGET_NETWORKS_PER_BROKER.high),
                Msg.PROGRAMME_BROKERS_IN_RANGE(
                    n=reached, total=len(established), low=TARGET_NETWORKS_PER_BROKER.low
                ),
            )
        )
    return rows


# --- plain values of the programme, as the Programmet view shows it and the report prints it (issue 24)
@dataclass(frozen=True)
class BrokerRow:
    owner_id: str
    name: str
    ledger: BrokerLedger


@dataclass(frozen=True)
class ProgrammeData:
    figures: dict[str, Any]  # domain.figures.programme_figures: "total" and "brokers"
    funnel: dict[str, int]
    focus: dict[str, FocusFigures]
    brokers: list[BrokerRow]  # by name
    computed_at: dt.datetime
    # --- effects: domain.effects.programme_effects, as /stats?effects=true (issue 19)
    effects: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> dict[str, Any]:
        return self.figures["total"]  # type: ignore[no-any-return]

    @property
    def years(self) -> list[str]:
        return sorted(self.total["by_year"])
