"""Query pieces the services share."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select, select

from ..models import Expense, Meeting, Network

# A record that belongs to one network.
_R = TypeVar("_R", Meeting, Expense)


def live_with_network_name(entity: type[_R], network_id: str | None = None) -> Select[_R, str]:
    """The records that are not deleted, each with its network's name; one network's or all."""
    q = (
        select(entity, Network.name)
        .join(Network, Network.id == entity.network_id)
        .where(entity.deleted.is_(False))
    )
    if network_id is not None:
        q = q.where(entity.network_id == network_id)
    return q
