"""Archiving and deleting a company through a real server on 127.0.0.1 (issue 20, item 1): the
field syncs to the broker's other laptop, a tombstone deletes it there, and the server refuses
both for a company in an active network by the app's own rule (a laptop that skipped the check)."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.store.models import Company, Network
from mægler_app.store.services import archive as svc
from mægler_app.sync import resolve

from .test_engine import add_network


def test_archive_and_delete_sync_and_the_server_refuses_a_member(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    with a.store.session() as s:
        loose = Company(cvr=make_valid_cvr(812_345), name="Løs ApS")
        gone = Company(cvr=make_valid_cvr(812_346), name="Væk ApS")
        s.add_all([loose, gone])
    assert a.sync().complete
    assert b.sync().complete

    # archived and deleted on laptop a, through the app's rule: laptop b follows
    svc.archive_company(a.store, loose.id)
    svc.delete_company(a.store, gone.id)
    assert a.sync().complete
    assert b.sync().complete
    with b.store.session() as s:
        assert s.get(Company, loose.id).archived is True
        assert s.get(Company, gone.id).deleted is True
    assert svc.archived_ids(b.store) == {loose.id}

    # a laptop that skips the rule (an older or broken one): the server refuses, by the same rule
    member, other = ids["companies"][0], ids["companies"][1]
    with a.store.session() as s:
        s.get(Company, member).deleted = True
        s.get(Company, other).archived = True
    report = a.sync()
    assert report.rejected == 2
    reasons = sorted(r.reason for r in resolve.list_rejected(a.store))
    network_name = "Metalnetværket"
    assert reasons == [
        f"»Virksomhed 0 ApS« kan ikke slettes, fordi den er med i et aktivt netværk: {network_name}. "
        "Fjern den fra netværket, eller afslut netværket først.",
        f"»Virksomhed 1 ApS« kan ikke arkiveres, fordi den er med i et aktivt netværk: {network_name}. "
        "Fjern den fra netværket, eller afslut netværket først.",
    ]
    assert b.sync().complete
    with b.store.session() as s:
        assert s.get(Company, member).deleted is False
        assert s.get(Company, other).archived is False
        assert s.get(Network, ids["network"]).deleted is False
