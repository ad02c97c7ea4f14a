"""The caseworker's Programmet and Mæglere pages: the synced records read as ``domain.figures``
reads them, and the figures from the same function as the server's ``/stats``.

A caseworker pulls every broker's records, so the figures here are the programme's. Reading and
counting a whole programme takes a moment: the views call ``programme_data`` in the thread pool.

The laptop keeps no creation time of a record; where ``domain.figures`` wants one (the year of a
satisfaction answer, a network without history) it gets the record's last change, which for
records a caseworker only pulls is the server's time of that change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...domain.figures import RecordView, programme_figures

# defined in the domain since the reports take them without the store (issue 24); named here too
from ...domain.programme import BrokerRow as BrokerRow
from ...domain.programme import ProgrammeData as ProgrammeData
from ...domain.programme import broker_ledgers, by_focus_area, display, funnel
from ...domain.stages import STAGE_VALUES, Move, Stage
from ...domain.timeutil import parse_stored_time, utcnow
from ..db import Store
from ..models import Application, Company, Membership, Network, Satisfaction, Screening
from .broker import live_network_views
from .effects import programme_effects
from .overview import get_state, set_state

# Broker id → {"username", "display_name"}, from the server's /stats (a caseworker's only source
# of its brokers' names); kept so the pages name the brokers offline too.
BROKERS_KEY = "brokers"
# Network id → the server's own moves ([stage, time]) from /stats?moves=true: what /stats counts
# each year by (a broker's pushed stage_history may carry other times); none from an older server.
MOVES_KEY = "stage_moves"


def _text(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def local_records(store: Store) -> list[RecordView]:
    """The live records ``domain.figures`` counts, as it reads them."""
    out: list[RecordView] = []
    with store.session() as s:
        for id_, owner, updated, cvr, area in s.execute(
            select(Company.id, Company.owner_id, Company.updated_at, Company.cvr, Company.focus_area).where(
                Company.deleted.is_(False)
            )
        ):
            out.append(
                RecordView("company", id_, owner or "", False, {"cvr": cvr, "focus_area": area}, updated)
            )
        for id_, owner, updated, network_id, company_id in s.execute(
            select(
                Membership.id,
                Membership.owner_id,
                Membership.updated_at,
                Membership.network_id,
                Membership.company_id,
            ).where(Membership.deleted.is_(False))
        ):
            data: dict[str, Any] = {"network_id": network_id, "company_id": company_id}
            out.append(RecordView("membership", id_, owner or "", False, data, updated))
        out.extend(live_network_views(s))
        for id_, owner, updated, network_id, status, finalized in s.execute(
            select(
                Screening.id,
                Screening.owner_id,
                Screening.updated_at,
                Screening.network_id,
                Screening.status,
                Screening.finalized_at,
            ).where(Screening.deleted.is_(False))
        ):
            data = {
                "network_id": network_id,
                "status": status,
                "finalized_at": _text(finalized),
            }
            out.append(RecordView("screening", id_, owner or "", False, data, updated))
        for id_, owner, updated, score in s.execute(
            select(Satisfaction.id, Satisfaction.owner_id, Satisfaction.updated_at, Satisfaction.score).where(
                Satisfaction.deleted.is_(False)
            )
        ):
            out.append(RecordView("satisfaction", id_, owner or "", False, {"score": score}, updated))
        for id_, owner, updated, network_id, status, bonus in s.execute(
            select(
                Application.id,
                Application.owner_id,
                Application.updated_at,
                Application.network_id,
                Application.status,
                Application.bonus_ore,
            ).where(Application.deleted.is_(False))
        ):
            data = {"network_id": network_id, "status": status, "bonus_ore": bonus}
            out.append(RecordView("application", id_, owner or "", False, data, updated))
    return out


def broker_names(store: Store) -> dict[str, str]:
    """Broker id → the name to show (display name, else user name), as last heard from the server."""
    stored = get_state(store, BROKERS_KEY)
    if not isinstance(stored, dict):
        return {}
    return {k: name for k, v in stored.items() if isinstance(k, str) and (name := display(v))}


def remember_brokers(store: Store, stats: Any) -> dict[str, str]:
    """Keep the brokers ``/stats`` names (its ``brokers[].user``); returns the names kept."""
    brokers = stats.get("brokers") if isinstance(stats, dict) else None
    users: dict[str, dict[str, str]] = {}
    for entry in brokers if isinstance(brokers, list) else []:
        user = entry.get("user") if isinstance(entry, dict) else None
        if isinstance(user, dict) and isinstance(user.get("id"), str):
            users[user["id"]] = {
                "username": str(user.get("username") or ""),
                "display_name": str(user.get("display_name") or ""),
            }
    if users and users != get_state(store, BROKERS_KEY):
        set_state(store, BROKERS_KEY, users)
    moves = stats.get("moves") if isinstance(stats, dict) else None
    if isinstance(moves, dict) and moves != get_state(store, MOVES_KEY):
        set_state(store, MOVES_KEY, moves)
    return broker_names(store)


def server_moves(store: Store) -> dict[str, list[Move]] | None:
    """The server's moves as last heard (``MOVES_KEY``); None if never heard."""
    stored = get_state(store, MOVES_KEY)
    if not isinstance(stored, dict):
        return None
    out: dict[str, list[Move]] = {}
    for network_id, path in stored.items():
        moves = []
        for item in path if isinstance(path, list) else []:
            if isinstance(item, list) and len(item) == 2 and item[0] in STAGE_VALUES:
                at = parse_stored_time(item[1])
                if at is not None:
                    moves.append(Move(Stage(item[0]), at))
        out[str(network_id)] = moves
    return out


def programme_data(store: Store) -> ProgrammeData:
    """Every figure of the Programmet and Mæglere pages from this laptop's synced records."""
    records = local_records(store)
    names = broker_names(store)
    history = server_moves(store)
    ledgers = broker_ledgers(records, history, brokers=names)
    rows = [
        BrokerRow(owner, names.get(owner) or owner[:8], ledger) for owner, ledger in ledgers.items() if owner
    ]
    rows.sort(key=lambda r: (r.name.casefold(), r.owner_id))
    return ProgrammeData(
        figures=programme_figures(records, history),
        funnel=funnel(records, history),
        focus=by_focus_area(records, history),
        brokers=rows,
        computed_at=utcnow(),
        effects=programme_effects(store, history),
    )


@dataclass(frozen=True)
class BrokerNetwork:
    id: str
    name: str
    stage: str
    stage_changed_at: dt.datetime | None


def broker_networks(store: Store, owner_id: str) -> list[BrokerNetwork]:
    """One broker's live networks, by name."""
    with store.session() as s:
        rows = s.execute(
            select(Network.id, Network.name, Network.stage, Network.stage_changed_at)
            .where(Network.deleted.is_(False), Network.owner_id == owner_id)
            .order_by(Network.name)
        ).all()
    return [BrokerNetwork(*row) for row in rows]
