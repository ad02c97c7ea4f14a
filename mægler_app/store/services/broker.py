"""The broker's own page: bonuses expected and earned, and networks per stage against the target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ...domain.messages import Msg
from ...domain.rules import BROKER_BONUS_ORE, TARGET_NETWORKS_PER_BROKER
from ...domain.stages import STAGE_ORDER
from ...domain.vocab import ApplicationStatus
from ..db import Store
from ..models import Application, Network
from ..quick import established_networks, network_view

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ...domain.figures import RecordView


@dataclass(frozen=True)
class BonusRow:
    application_id: str
    network: str
    revision: int
    status: str
    amount_ore: int
    earned: bool
    when: dt.datetime | None


@dataclass(frozen=True)
class BrokerPage:
    bonus_earned_ore: int
    bonus_expected_ore: int
    approved: int
    awaiting_decision: int
    drafts: int
    networks_by_stage: dict[str, int]
    established: int
    target_low: int
    target_high: int
    bonuses: list[BonusRow]

    @property
    def target_gap(self) -> int:
        """Networks still missing to reach the target's low end (0 when reached)."""
        return max(0, self.target_low - self.established)

    @property
    def target_status(self) -> str:
        params = {"established": self.established, "low": self.target_low, "high": self.target_high}
        if self.established < self.target_low:
            return str(Msg.BROKER_TARGET_BELOW(**params, gap=self.target_gap))
        if self.established > self.target_high:
            return str(Msg.BROKER_TARGET_ABOVE(**params))
        return str(Msg.BROKER_TARGET_WITHIN(**params))


def broker_page(store: Store) -> BrokerPage:
    with store.session() as s:
        networks = live_network_views(s)
        by_stage = dict(
            s.execute(
                select(Network.stage, func.count()).where(Network.deleted.is_(False)).group_by(Network.stage)
            ).all()
        )
        apps = s.execute(
            select(
                Application.id,
                Network.name,
                Application.revision,
                Application.status,
                Application.bonus_ore,
                Application.submitted_at,
                Application.decided_at,
            )
            .join(Network, Network.id == Application.network_id)
            .where(Application.deleted.is_(False), Network.deleted.is_(False))
            .order_by(Network.name, Application.revision)
        ).all()
    bonuses: list[BonusRow] = []
    earned = expected = approved = awaiting = drafts = 0
    for app_id, name, revision, status, bonus_ore, submitted_at, decided_at in apps:
        if status == ApplicationStatus.APPROVED:
            approved += 1
            amount = int(bonus_ore or 0)
            earned += amount
            bonuses.append(BonusRow(app_id, name, revision, status, amount, True, decided_at))
        elif status == ApplicationStatus.SUBMITTED:
            awaiting += 1
            expected += BROKER_BONUS_ORE
            bonuses.append(BonusRow(app_id, name, revision, status, BROKER_BONUS_ORE, False, submitted_at))
        elif status == ApplicationStatus.DRAFT:
            drafts += 1
    counts = {st.value: int(by_stage.get(st.value, 0)) for st in STAGE_ORDER}
    # Every network that reached trin 1, closed or sent back since included: the programme's figure.
    established, _ = established_networks(networks)
    return BrokerPage(
        bonus_earned_ore=earned,
        bonus_expected_ore=expected,
        approved=approved,
        awaiting_decision=awaiting,
        drafts=drafts,
        networks_by_stage=counts,
        established=established,
        target_low=TARGET_NETWORKS_PER_BROKER.low,
        target_high=TARGET_NETWORKS_PER_BROKER.high,
        bonuses=bonuses,
    )


def live_network_views(s: Session, ids: Collection[str] | None = None) -> list[RecordView]:
    """Every live network as ``domain.figures`` reads it (its stage history included): the one query
    behind the broker page's and the caseworker's programme figures; with ``ids``, those only."""
    query = select(
        Network.id,
        Network.owner_id,
        Network.deleted,
        Network.stage,
        Network.stage_history,
        Network.stage_changed_at,
        Network.updated_at,
    ).where(Network.deleted.is_(False))
    if ids is not None:
        query = query.where(Network.id.in_(list(ids)))
    return [network_view(*row) for row in s.execute(query).all()]
