"""Erasure reaching the laptops (issue 21 item 1): a real server on 127.0.0.1, real laptop stores.

A caseworker erases a contact at the server; a broker's laptop applies it at its next sync,
including its own outbox payloads and conflict copies. The caseworker's button on the desk does
it from the company page (pytest-qt), and the broker's laptop follows.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.erasure import ANONYMIZED_NAME
from mægler_app.store.models import Company, Contact, LocalState, Meeting, Network, OutboxEntry
from mægler_app.sync.api import Api
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow

from ..server.conftest import PASSWORD, ServerProcess

NAME = "Birgitte Ærøskøbing-Quist"
EMAIL = "birgitte.quist.unik@example.dk"
NEW_EMAIL = "bq.privat.unik@example.dk"
_cvr = iter(range(830_000, 10**6))


def _company_with_contact(store: Any) -> dict[str, str]:
    with store.session() as s:
        company = Company(cvr=make_valid_cvr(next(_cvr)), name="Smedien ApS")
        s.add(company)
        s.flush()
        contact = Contact(company_id=company.id, name=NAME, email=EMAIL, phone="87654321")
        network = Network(name="Metalnetværket", network_type="horizontal")
        s.add_all([contact, network])
        s.flush()
        import datetime as dt

        meeting = Meeting(network_id=network.id, starts_at=dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC),
                          participant_contact_ids=[contact.id])  # fmt: skip
        s.add(meeting)
        return {"company": company.id, "contact": contact.id, "meeting": meeting.id}


def _local_copies(store: Any) -> str:
    """Everything the laptop keeps besides the record: outbox payloads, conflict copies, parked."""
    with store.session() as s:
        entries = [
            {"data": e.data, "server": e.server_data, "error": e.last_error, "status": e.status}
            for e in s.scalars(select(OutboxEntry))
        ]
        state = [row.value for row in s.scalars(select(LocalState))]
    return json.dumps({"outbox": entries, "state": state}, ensure_ascii=False, default=str)


def _caseworker(srv: ServerProcess, new_user: Any) -> Api:
    api = Api(srv.base)
    api.login(new_user("caseworker"), PASSWORD)
    return api


def test_a_laptop_scrubs_its_outbox_and_conflict_copies_at_its_next_sync(
    new_user: Any, laptop: Any, sync_server: ServerProcess
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = _company_with_contact(a.store)
    assert a.sync().complete and b.sync().complete
    # Laptop a changes her title; laptop b, not knowing, renames her: a conflict whose server copy
    # (kept on b) holds her name and e-mail. Then b changes her e-mail: a change waiting to go.
    with a.store.session() as s:
        s.get(Contact, ids["contact"]).role = "Direktør"
    assert a.sync().complete
    with b.store.session() as s:
        s.get(Contact, ids["contact"]).role = "Indkøber"
    assert b.sync().conflicts == 1
    with b.store.session() as s:
        s.get(Contact, ids["contact"]).email = NEW_EMAIL
    copies = _local_copies(b.store)
    assert NAME in copies and EMAIL in copies and NEW_EMAIL in copies

    case = _caseworker(sync_server, new_user)
    try:
        done = case.erase_contact(ids["contact"])
    finally:
        case.close()
    assert done["data"]["anonymized"] is True

    b.sync()  # its waiting change is refused (the server's erasure stands), then the pull scrubs
    copies = _local_copies(b.store)
    for value in (NAME, EMAIL, NEW_EMAIL):
        assert value not in copies, value
    for store in (a.store, b.store):
        if store is a.store:
            assert a.sync().complete
        with store.session() as s:
            c = s.get(Contact, ids["contact"])
            assert (c.name, c.email, c.phone, c.anonymized) == (ANONYMIZED_NAME, "", "", True)
            assert ids["contact"] in s.get(Meeting, ids["meeting"]).participant_contact_ids
    # the server never took the e-mail b sent after the erasure
    case = _caseworker(sync_server, new_user)
    try:
        pulled = json.dumps(case.pull(0, 1000), ensure_ascii=False)
    finally:
        case.close()
    for value in (NAME, EMAIL, NEW_EMAIL):
        assert value not in pulled, value
    # laptop b's own file (closed cleanly: its log is folded in and removed) holds her no more
    folder = Path(str(b.store.engine.url.database)).parent
    b.store.close()
    raw = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
    assert b"Smedien ApS" in raw  # the file read is the one holding the records
    for value in (NAME, EMAIL, NEW_EMAIL):
        assert value.encode("utf-8") not in raw, value


def test_the_caseworkers_button_erases_at_the_server_and_the_broker_follows(
    qtbot: Any, new_user: Any, laptop: Any, sync_server: ServerProcess, monkeypatch: Any, tmp_path: Path
) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    ids = _company_with_contact(broker.store)
    assert broker.sync().complete
    case = laptop(new_user("caseworker", "Carl Sagsbehandler"), "case")
    assert case.sync().complete

    window = MainWindow(AppContext(store=case.store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: view.model.rowCount() >= 1, timeout=10_000)
    view.select_company(ids["company"])
    ed = view.editor
    qtbot.waitUntil(lambda: ed.contacts.model().rowCount() >= 1, timeout=10_000)
    ed.contacts.selectRow(0)
    assert ed.contact_name.text() == NAME
    # read-only for the caseworker, except this button
    assert ed.anonymize_button.isVisible() and ed.anonymize_button.isEnabled()
    assert ed.anonymize_button.text() == "Slet personoplysninger…"
    assert ed.contact_name.isReadOnly() or not ed.contact_name.isEnabled()
    shot = Path(os.environ.get("MAEGLER_SHOTS", tmp_path)) / "erasure_caseworker_button.png"
    ed.scroll_area.ensureWidgetVisible(ed.anonymize_button)
    qtbot.wait(50)
    window.grab().save(str(shot))
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(ed.anonymize_button, Qt.MouseButton.LeftButton)
    assert asked and NAME in asked[0] and "server" in asked[0]

    def erased_here() -> bool:
        with case.store.session() as s:
            return bool(s.get(Contact, ids["contact"]).anonymized)

    qtbot.waitUntil(erased_here, timeout=15_000)
    with case.store.session() as s:  # nothing of the caseworker's waits to be sent
        assert s.scalars(select(OutboxEntry)).first() is None
    qtbot.waitUntil(lambda: ed.contacts.model().index(0, 0).data() == ANONYMIZED_NAME, timeout=15_000)
    ed.contacts.selectRow(0)
    assert ed.contact_name.text() == ANONYMIZED_NAME
    ed.scroll_area.ensureWidgetVisible(ed.anonymize_button)
    qtbot.wait(50)
    window.grab().save(str(shot.with_name("erasure_caseworker_done.png")))
    # the broker's laptop follows at its next sync
    assert broker.sync().complete
    with broker.store.session() as s:
        c = s.get(Contact, ids["contact"])
        assert (c.name, c.email, c.anonymized) == (ANONYMIZED_NAME, "", True)


def test_the_brokers_anonymisation_scrubs_its_conflict_copy_and_the_servers_answers(
    new_user: Any, laptop: Any, sync_server: ServerProcess
) -> None:
    from mægler_app.store.services import companies as svc

    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = _company_with_contact(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        s.get(Contact, ids["contact"]).role = "Direktør"
    assert a.sync().complete
    with b.store.session() as s:
        s.get(Contact, ids["contact"]).name = "Birgitte Q."
        s.get(Contact, ids["contact"]).role = "Indkøber"
    assert b.sync().conflicts == 1  # the server's answer (kept there) carries her copy
    assert NAME in _local_copies(b.store)

    svc.anonymize_contact(b.store, ids["contact"])  # "Anonymisér…" on b
    copies = _local_copies(b.store)
    for value in (NAME, EMAIL, "Birgitte Q."):
        assert value not in copies, value
    b.sync()
    assert a.sync().complete
    with a.store.session() as s:
        assert s.get(Contact, ids["contact"]).name == ANONYMIZED_NAME
    case = _caseworker(sync_server, new_user)
    try:
        pulled = json.dumps(case.pull(0, 1000), ensure_ascii=False)
    finally:
        case.close()
    for value in (NAME, EMAIL, "Birgitte Q."):
        assert value not in pulled, value
    # the server's stored answer to b's conflicting change has lost her too (read in its database)
    from mægler_app.server.db import Database

    db = Database(sync_server.db_url)
    try:
        with db.engine.connect() as conn:
            from sqlalchemy import text

            stored = conn.execute(
                text("SELECT CAST(result AS TEXT) FROM applied_change WHERE record_id = :i"),
                {"i": ids["contact"]},
            ).all()
    finally:
        db.dispose()
    assert stored and not any(NAME in r[0] or EMAIL in r[0] for r in stored)
