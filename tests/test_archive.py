"""Archiving and deleting a company (issue 20, item 1): not while it is in an active network (a
message says why), with a confirmation; the register can show the archived ones; a delete is a
tombstone that syncs; the laptop's migration adds the field and takes it away again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from mægler_app.domain.archive import Removal, removal_problems
from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.errors import DomainError
from mægler_app.domain.messages import Msg
from mægler_app.store.db import DB_NAME, open_store
from mægler_app.store.models import Company, Network, OutboxEntry
from mægler_app.store.services import archive as svc
from mægler_app.store.services.companies import list_companies
from mægler_app.store.services.networks import search_companies
from mægler_app.ui.companies.view import CompaniesView
from mægler_app.ui.context import AppContext
from tests.meetings_support import make_network


def test_the_rule_names_the_active_networks() -> None:
    assert removal_problems(Removal.ARCHIVE, "Firma", []) == []
    (problem,) = removal_problems(Removal.DELETE, "Firma", ["Vind", "Al", "Vind"])
    assert problem.code == Msg.COMPANY_DELETE_IN_ACTIVE_NETWORK
    assert str(problem) == (
        "»Firma« kan ikke slettes, fordi den er med i aktive netværk: Al, Vind. "
        "Fjern den fra netværket, eller afslut netværket først."
    )
    (one,) = removal_problems(Removal.ARCHIVE, "Firma", ["Vind"])
    assert "er med i et aktivt netværk: Vind" in str(one)
    assert "cannot be archived because it is in an active network: Vind" in one.render("en")


def _loose_company(store, name: str = "Løs Virksomhed ApS", n: int = 900) -> str:  # type: ignore[no-untyped-def]
    with store.session() as s:
        company = Company(cvr=make_valid_cvr(n), name=name)
        s.add(company)
        return company.id


def test_store_refuses_while_active_and_archives_restores_deletes(store) -> None:
    net = make_network(store)
    member = net.company_ids[0]
    with pytest.raises(DomainError) as refused:
        svc.archive_company(store, member)
    assert refused.value.messages[0].code == Msg.COMPANY_ARCHIVE_IN_ACTIVE_NETWORK
    with pytest.raises(DomainError):
        svc.delete_company(store, member)
    with store.session() as s:
        assert not s.get(Company, member).archived and not s.get(Company, member).deleted

    # once the network is closed, the company may go
    with store.session() as s:
        s.get(Network, net.network_id).stage = "closed"
    assert svc.problems(store, member, Removal.ARCHIVE) == []
    loose = _loose_company(store)
    assert str(svc.archive_company(store, loose)) == "»Løs Virksomhed ApS« er arkiveret."
    assert loose not in {r.id for r in list_companies(store)}
    assert loose in {r.id for r in list_companies(store, archived=True)}
    assert svc.archived_ids(store) == {loose}
    assert search_companies(store, "Løs") == []  # not offered as a new member
    svc.restore_company(store, loose)
    assert loose in {r.id for r in list_companies(store)}

    svc.delete_company(store, loose)
    with store.session() as s:
        assert s.get(Company, loose).deleted
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == loose)).all()
    assert entries and entries[-1].deleted  # the tombstone waits for the server
    assert loose not in {r.id for r in list_companies(store, archived=True)}


def _view(qtbot, store) -> CompaniesView:  # type: ignore[no-untyped-def]
    view = CompaniesView(AppContext(store=store))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.reload()
    return view


def _answer(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox, *_a: object) -> int:
        asked.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == answer]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_register_archives_after_asking_refuses_with_the_reason_and_shows_archived(
    qtbot, store, monkeypatch
) -> None:
    net = make_network(store)
    loose = _loose_company(store)
    view = _view(qtbot, store)
    assert view.model.rowCount() == 4
    assert view.show_archived.text() == "Vis arkiverede (0)"

    # A member of an active network: the reason, nothing asked, nothing changed.
    asked = _answer(monkeypatch, "Arkivér")
    view.select_company(net.company_ids[0])
    assert view.archive_button.isEnabled()
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert view.archive_status.isVisible()
    assert (
        "kan ikke arkiveres, fordi den er med i et aktivt netværk: Vindnetværket"
        in view.archive_status.text()
    )
    assert svc.archived_ids(store) == set()

    # »Annullér« keeps it.
    _answer(monkeypatch, "Annullér")
    view.select_company(loose)
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert svc.archived_ids(store) == set()

    # »Arkivér« archives: the row leaves the list, the box counts it.
    asked = _answer(monkeypatch, "Arkivér")
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Løs Virksomhed ApS" in asked[0]
    assert svc.archived_ids(store) == {loose}
    view.reload()
    assert view.model.rowCount() == 3
    assert view.show_archived.text() == "Vis arkiverede (1)"

    # Shown again, marked; and restored from there.
    qtbot.mouseClick(view.show_archived, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    names = [view.model.row_at(r).name for r in range(view.model.rowCount())]
    assert "Løs Virksomhed ApS (arkiveret)" in names
    view.select_company(loose)
    assert view.archive_button.text() == "Hent frem fra arkivet"
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert svc.archived_ids(store) == set()


def test_register_deletes_after_asking_and_refuses_a_member(qtbot, store, monkeypatch) -> None:
    net = make_network(store)
    loose = _loose_company(store)
    view = _view(qtbot, store)
    asked = _answer(monkeypatch, "Slet")
    view.select_company(net.company_ids[1])
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert asked == [] and "kan ikke slettes" in view.archive_status.text()
    view.select_company(loose)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    with store.session() as s:
        assert s.get(Company, loose).deleted
    view.reload()
    assert loose not in {view.model.row_at(r).id for r in range(view.model.rowCount())}


def test_migration_adds_and_removes_the_archived_column(tmp_path: Path) -> None:
    from alembic import command

    from mægler_app.store.db import alembic_config, make_engine

    profile = tmp_path / "p"
    profile.mkdir()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.exec_driver_sql(
            "INSERT INTO company (id, cvr, name, address, postcode, city, municipality, focus_area, industry,"
            " is_knowledge_institution, website, notes, version, deleted, updated_at) VALUES"
            " ('c1', '13585628', 'Før Arkiv ApS', '', '', '', '', 'other', '', 0, '', '', 0, 0,"
            " '2026-03-02 08:15:00.000000')"
        )
    engine.dispose()
    st = open_store(profile)  # upgrades to 0004_archive
    with st.session() as s:
        assert s.get(Company, "c1").archived is False
    svc.archive_company(st, "c1")
    st.close()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    con = sqlite3.connect(profile / DB_NAME)
    columns = [row[1] for row in con.execute("PRAGMA table_info(company)")]
    assert "archived" not in columns
    assert con.execute("SELECT name FROM company").fetchone()[0] == "Før Arkiv ApS"
    con.close()
