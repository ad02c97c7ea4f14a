"""Væksthus' desk (issue 18): the caseworker's Indbakke read from the store, and the brokers'
names kept from the server's ``/users``.

A caseworker's profile pulls every broker's records; each carries its ``owner_id``. The names are
fetched at each sync (sync/engine.py) and kept in ``local_state`` under ``people``, so the lists
show them offline too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ...domain.desk import missing_elements, needs_follow_up, plan_overdue, recently_finished
from ...domain.money import percent_of
from ...domain.rules import COMPANY_SHARE_PERCENT
from ...domain.timeutil import ensure_utc, utcnow
from ...domain.vocab import ACTION_PLAN_ELEMENTS, ApplicationStatus, Role, ScreeningStatus, SplitMode
from ..db import Store
from ..models import ActionPlan, Application, Membership, Network, Screening
from .networks import last_activity
from .overview import broker_name, get_state, profile_role, set_state

if TYPE_CHECKING:
    from ...sync.api import Api

PEOPLE_KEY = "people"


def remember_people(store: Store, api: Api) -> None:
    """Keep every account's display name (else user name) by id; a server without ``/users``
    (404) or a refusal leaves the names kept before."""
    from ...sync.api import RefusedError

    try:
        users = api.users()
    except RefusedError:
        return
    names = {
        str(u["id"]): str(u.get("display_name") or u.get("username") or "").strip()
        for u in users
        if isinstance(u.get("id"), str)
    }
    if names != get_state(store, PEOPLE_KEY):
        set_state(store, PEOPLE_KEY, names)


def people(store: Store) -> dict[str, str]:
    value = get_state(store, PEOPLE_KEY)
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def person_name(names: dict[str, str], owner_id: str | None) -> str:
    """A record's broker by display name; an id the server has not named shows its start."""
    if not owner_id:
        return ""
    return names.get(owner_id) or owner_id[:8]


# --- followup
def application_broker(store: Store, application_id: str) -> str:
    """The name an application's PDF prints as its broker: on a caseworker's profile the broker
    who owns it (by display name), on a broker's the profile's own name."""
    if profile_role(store) != Role.CASEWORKER:
        return broker_name(store)
    with store.session() as s:
        owner = s.scalar(select(Application.owner_id).where(Application.id == application_id))
    return person_name(people(store), owner)


def record_owners(store: Store, model: Any) -> dict[str, str]:
    """Each live record's ``owner_id`` of one entity (``model``): the lists' broker column."""
    with store.session() as s:
        rows = s.execute(select(model.id, model.owner_id).where(model.deleted.is_(False))).all()
    return {r.id: r.owner_id or "" for r in rows}


@dataclass(frozen=True)
class InboxRow:
    id: str
    network_id: str
    network: str
    owner_id: str
    broker: str
    submitted_at: dt.datetime | None
    revision: int
    hours: int | None
    total_ore: int | None
    company_share_ore: int | None  # the companies' COMPANY_SHARE_PERCENT % of the total
    companies: int
    split_even: bool
    verdict: str  # the network's newest final screening's verdict, "" when none


def submitted_applications(store: Store) -> list[InboxRow]:
    """Applications waiting for a decision, oldest first (by submission, then network name).

    A few queries for the whole list (not one application's detail each): the Indbakke of a whole
    programme opens without a stall."""
    names = people(store)
    with store.session() as s:
        apps = s.scalars(
            select(Application).where(
                Application.deleted.is_(False), Application.status == ApplicationStatus.SUBMITTED
            )
        ).all()
        network_ids = {a.network_id for a in apps}
        nets = {
            r.id: r.name
            for r in s.execute(
                select(Network.id, Network.name).where(
                    Network.deleted.is_(False), Network.id.in_(network_ids)
                )
            )
        }
        members = dict(
            s.execute(
                select(Membership.network_id, func.count())
                .where(Membership.deleted.is_(False), Membership.network_id.in_(network_ids))
                .group_by(Membership.network_id)
            ).all()
        )
        verdicts: dict[str, tuple[dt.datetime, str]] = {}
        for sc in s.execute(
            select(
                Screening.network_id, Screening.verdict, Screening.finalized_at, Screening.updated_at
            ).where(
                Screening.deleted.is_(False),
                Screening.status == ScreeningStatus.FINAL,
                Screening.network_id.in_(network_ids),
            )
        ):
            when = ensure_utc(sc.finalized_at or sc.updated_at)
            if sc.network_id not in verdicts or when > verdicts[sc.network_id][0]:
                verdicts[sc.network_id] = (when, sc.verdict or "")
        out = []
        for app in apps:
            if app.network_id not in nets:
                continue
            hours, rate = app.consultant_hours, app.hourly_rate_ore
            total = hours * rate if hours is not None and rate is not None else None
            owner = app.owner_id or ""
            out.append(
                InboxRow(
                    id=app.id,
                    network_id=app.network_id,
                    network=nets[app.network_id],
                    owner_id=owner,
                    broker=person_name(names, owner),
                    submitted_at=ensure_utc(app.submitted_at) if app.submitted_at else None,
                    revision=app.revision,
                    hours=hours,
                    total_ore=total,
                    company_share_ore=percent_of(total, COMPANY_SHARE_PERCENT) if total is not None else None,
                    # the companies it was submitted with (its key), else the network's members
                    companies=len(app.split_basis_points or {}) or int(members.get(app.network_id, 0)),
                    split_even=app.split_mode != SplitMode.CUSTOM,
                    verdict=verdicts.get(app.network_id, (None, ""))[1],
                )
            )
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(out, key=lambda r: (r.submitted_at or far, r.network.lower()))


@dataclass(frozen=True)
class AttentionRow:
    kind: str  # "screening" | "inactive" | "plan"
    network_id: str
    network: str
    broker: str
    when: dt.datetime | dt.date | None
    text: str  # the verdict, or the missing elements' labels


def attention(store: Store, now: dt.datetime | None = None) -> list[AttentionRow]:
    """Screenings finished within a week, open networks without activity for 60 days, and action
    plans past their end date (with the elements still missing)."""
    now = now or utcnow()
    names = people(store)
    out: list[AttentionRow] = []
    with store.session() as s:
        nets = {n.id: n for n in s.scalars(select(Network).where(Network.deleted.is_(False)))}

        def row(kind: str, net: Network, when: Any, text: str) -> None:
            out.append(AttentionRow(kind, net.id, net.name, person_name(names, net.owner_id), when, text))

        for sc in s.scalars(
            select(Screening).where(Screening.deleted.is_(False), Screening.status == ScreeningStatus.FINAL)
        ):
            net = nets.get(sc.network_id)
            finished = ensure_utc(sc.finalized_at) if sc.finalized_at else None
            if net is not None and recently_finished(finished, now):
                row("screening", net, finished, sc.verdict or "")
        activity = last_activity(s, now)
        for net in nets.values():
            last = activity.get(net.id) or ensure_utc(net.updated_at)
            if needs_follow_up(net.stage, last, now):
                row("inactive", net, last, "")
        for plan in s.scalars(select(ActionPlan).where(ActionPlan.deleted.is_(False))):
            net = nets.get(plan.network_id)
            if net is not None and plan_overdue(plan.end_date, net.stage, now.date()):
                missing = missing_elements(dict(plan.elements or {}), ACTION_PLAN_ELEMENTS)
                row("plan", net, plan.end_date, ", ".join(ACTION_PLAN_ELEMENTS[e] for e in missing))
    order = {"screening": 0, "inactive": 1, "plan": 2}
    return sorted(out, key=lambda r: (order[r.kind], r.network.lower()))
