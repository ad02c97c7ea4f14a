"""Satisfaction answers between real laptops (client stores) and a real server on 127.0.0.1: the
broker's answers reach the server and the broker's second laptop, a pulled decision asks for the
survey, and an answer the server has cannot be changed on either laptop."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from mægler_app.domain.errors import DomainError
from mægler_app.domain.vocab import SurveyOccasion
from mægler_app.store.models import Application, Contact, Satisfaction
from mægler_app.store.services import satisfaction as svc
from mægler_app.sync import resolve

from .test_engine import add_network, outbox


def _to_stage_2(a: Any, caseworker_api: Any) -> dict[str, Any]:
    ids = add_network(a.store, stage="stage_1")
    with a.store.session() as s:
        app = Application(
            network_id=ids["network"],
            market_perspective="Eksport til Tyskland",
            economic_perspective="Vækst",
            technology_perspective="Nye processer",
            strategy_perspective="Ledelse",
            consultant_name="Konsulent K",
            consultant_hours=300,
            hourly_rate_ore=95000,
            period_months=8,
            status="submitted",
            submitted_at=dt.datetime.now(dt.UTC),
        )
        s.add(app)
        contact = Contact(company_id=ids["companies"][0], name="Jens Kragh")
        s.add(contact)
    ids["contact"] = contact.id
    assert a.sync().complete, [r.reason for r in resolve.list_rejected(a.store)]
    caseworker_api.decide(app.id, "approved", "Godt forarbejde")
    return ids


def test_answers_go_to_the_server_and_the_brokers_other_laptop(
    new_user: Any, laptop: Any, caseworker_api: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = _to_stage_2(a, caseworker_api)
    assert svc.pending(a.store, ids["network"]) is None  # nothing asked before the decision arrives
    assert a.sync().complete
    # the pulled decision moved the network to trin 2: every member is to be asked
    assert svc.pending(a.store, ids["network"]) == svc.SurveyPending(SurveyOccasion.STAGE_2, 3)
    today = svc.today()
    c0, c1, c2 = ids["companies"]
    saved = svc.save_answers(
        a.store,
        ids["network"],
        SurveyOccasion.STAGE_2,
        [
            svc.AnswerInput(c0, 5, "Meget udbytterigt", ids["contact"], today),
            svc.AnswerInput(c1, 4, "", None, today),
            svc.AnswerInput(c2, 2, "For lidt tid", None, today - dt.timedelta(days=2)),
        ],
    )
    assert len(saved.created) == 3
    report = a.sync()
    assert report.complete and report.rejected == 0 and outbox(a.store) == []
    # on the server, as the caseworker sees it
    on_server = {
        record_id: ch["data"]
        for (entity, record_id), ch in _pull_all(caseworker_api).items()
        if entity == "satisfaction" and ch["data"]["network_id"] == ids["network"]
    }
    assert {d["company_id"]: (d["score"], d["occasion"]) for d in on_server.values()} == {
        c0: (5, "stage_2"),
        c1: (4, "stage_2"),
        c2: (2, "stage_2"),
    }
    assert {d["contact_id"] for d in on_server.values()} == {ids["contact"], None}
    assert {d["answered_on"] for d in on_server.values()} == {
        today.isoformat(),
        (today - dt.timedelta(days=2)).isoformat(),
    }
    # the broker's second laptop gets them, as synced answers
    assert b.sync().complete
    latest = svc.latest_by_company(b.store, ids["network"])
    assert {k: (r.score, r.occasion, r.synced) for k, r in latest.items()} == {
        c0: (5, "stage_2", True),
        c1: (4, "stage_2", True),
        c2: (2, "stage_2", True),
    }
    assert latest[c0].contact == "Jens Kragh" and latest[c0].answered_on == today
    assert svc.pending(b.store, ids["network"]) is None
    # synced: the answer stands, on both laptops
    for store in (a.store, b.store):
        with pytest.raises(DomainError, match="sendt til Væksthus"):
            svc.save_answers(store, ids["network"], "stage_2", [svc.AnswerInput(c2, 4, "", None, today)])
    # and an edit that reaches the server anyway (a laptop of an older version) is refused there
    with b.store.session() as s:
        row = s.scalars(select(Satisfaction).where(Satisfaction.company_id == c2)).one()
        row.score = 4
    report = b.sync()
    assert report.rejected == 1
    (refused,) = resolve.list_rejected(b.store)
    assert refused.reason == "Svaret er sendt til Væksthus og kan ikke længere ændres."


def _pull_all(api: Any) -> dict[tuple[str, str], dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    since = 0
    while True:
        body = api.pull(since, 500)
        for ch in body["changes"]:
            seen[(ch["entity"], ch["id"])] = ch
        since = body["next_since"]
        if not body["has_more"]:
            return seen
