"""A CSV import's companies through a real server: written many to a statement, with their outbox
entries beside them (store/outbox.insert_new), they go up and come down like any saved company."""

from __future__ import annotations

from typing import Any

from mægler_app.store.models import Company


def test_imported_companies_reach_the_other_laptop_as_written(new_user: Any, laptop: Any) -> None:
    """The CSV import writes its new companies many to a statement, their outbox entries beside
    them (store/outbox.insert_new): they go up and come down on the other laptop like any saved."""
    from sqlalchemy import select

    from mægler_app.domain.cvr import make_valid_cvr
    from mægler_app.store.serialize import record_data
    from mægler_app.store.services import csv_io

    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    rows = [
        f"{make_valid_cvr(700 + i)};Import {i} ApS;Vej {i};8000;Aarhus;;{i};Fødevarer;;ja" for i in range(3)
    ]
    header = "CVR;Navn;Adresse;Postnr;By;Kommune;Ansatte;Fokusområde;Branche;Videninstitution"
    _plan, result = csv_io.import_file(a.store, ("\n".join([header, *rows]) + "\n").encode())
    assert result is not None and result.created == 3
    assert a.sync().pushed == 3
    b.sync()
    with a.store.session() as s, b.store.session() as t:
        mine = {c.id: record_data(c) for c in s.scalars(select(Company))}
        theirs = {c.id: record_data(c) for c in t.scalars(select(Company))}
        assert mine == theirs and len(mine) == 3
        assert all(c.version > 0 for c in s.scalars(select(Company)))
