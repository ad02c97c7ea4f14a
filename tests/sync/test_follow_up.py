"""Væksthus' follow-up (issue 18 part 5) and the Indbakke's PDF (part 2), driven with qtbot against a
real server on 127.0.0.1: a caseworker records a follow-up from a network's page with the keyboard,
it syncs, the network's broker sees it on the network's timeline, read-only and marked as from
Væksthus with the caseworker's name; another broker's laptop never gets it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from mægler_app.domain.errors import DomainError
from mægler_app.domain.messages import Msg
from mægler_app.store.models import FollowUp, OutboxEntry
from mægler_app.store.services import follow_ups as svc
from mægler_app.ui import keyboard
from mægler_app.ui.desk import inbox as inbox_module
from mægler_app.ui.desk.follow_up import FollowUpDialog
from mægler_app.ui.desk.inbox import InboxView
from mægler_app.ui.sync.controller import controller_for
from tests.server.conftest import ServerProcess

from ..forms_fixtures import make_network
from ..keyboard_support import activate, focus, focused, key, tab
from .test_desk import submitted_application, window_for
from .test_forms_sync import fresh_server

OFFERED = "Sparring om handlingsplanen og hjælp til at vælge konsulent."


@pytest.fixture
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    yield from fresh_server(tmp_path_factory.mktemp("follow-up-server"))


def test_caseworker_follows_up_and_the_broker_sees_it_on_the_timeline(
    qtbot: Any, new_user: Any, laptop: Any
) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    other = laptop(new_user("broker", "Ole Anden"), "other")
    nid, _companies, _cvrs = make_network(broker.store, name="Metalnetværket Vest")
    make_network(other.store, name="Andet netværk")
    assert broker.sync().complete and other.sync().complete
    # a broker's profile makes none (the server would refuse it too: tests/server/test_follow_up.py)
    with pytest.raises(DomainError) as refused:
        svc.save_follow_up(broker.store, svc.FollowUpInput(nid, dt.date(2026, 12, 1), OFFERED))
    assert refused.value.message is not None and refused.value.message.code == Msg.FOLLOW_UP_CASEWORKERS_ONLY

    case = laptop(new_user("caseworker", "Carl Sagsbehandler"), "case")
    assert case.sync().complete
    window = window_for(qtbot, case.store)
    networks = window.show_view("netvaerk")
    qtbot.waitUntil(lambda: networks.model.rowCount() == 2, timeout=10_000)
    page = networks.open_network(nid)
    # the broker's network is read-only to the caseworker, but »Ny opfølgning« is there
    assert page.form.save_button.isHidden() and page.follow_up_button.isVisible()

    dialog = page.new_follow_up()
    assert isinstance(dialog, FollowUpDialog)
    qtbot.waitExposed(dialog)
    # keyboard-complete: opens in its first field, Tab goes through the fields in reading order
    activate(qtbot, dialog)
    assert focused() is dialog.held_on
    assert tab(qtbot) is dialog.kind and tab(qtbot) is dialog.offered and tab(qtbot) is dialog.has_next
    chain = keyboard.tab_chain(dialog)
    assert chain.index(dialog.has_next) < chain.index(dialog.save_button)
    assert keyboard.accessible_name(dialog.offered) == "Hvad blev tilbudt"
    # nothing said about what was offered: a Danish reason, the dialog stays with what was typed
    dialog.held_on.setDate(QDate(2026, 12, 1))
    dialog.has_next.setChecked(True)
    dialog.next_on.setDate(QDate(2026, 11, 1))
    assert dialog.save() is False and dialog.isVisible()
    assert "Skriv, hvad Væksthus tilbød" in dialog.error.text()
    assert "skal ligge efter" in dialog.error.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("sparring"))
    dialog.offered.setPlainText(OFFERED)
    dialog.next_on.setDate(QDate(2027, 1, 15))
    focus(qtbot, dialog.offered)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    # on the caseworker's timeline at once, and a sync sends it
    assert page.tabs.currentWidget() is page.timeline
    texts = [page.timeline_model.index(r, 2).data() for r in range(page.timeline_model.rowCount())]
    assert any(OFFERED in t and "Carl Sagsbehandler, Væksthus" in t for t in texts), texts
    # the save started a sync of its own (the caseworker is logged in): it sends it
    controller = controller_for(page.ctx)
    qtbot.waitUntil(lambda: controller.worker is None, timeout=15_000)
    with case.store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        (mine,) = s.scalars(select(FollowUp)).all()
        assert mine.version == 1 and mine.caseworker_name == "Carl Sagsbehandler"

    # the broker's next sync: on the network's timeline, from Væksthus, by the caseworker's name
    assert broker.sync().complete
    bwindow = window_for(qtbot, broker.store)
    bnetworks = bwindow.show_view("netvaerk")
    qtbot.waitUntil(lambda: bnetworks.model.rowCount() == 1, timeout=10_000)
    bpage = bnetworks.open_network(nid)
    assert bpage.follow_up_button.isHidden()  # brokers do not record follow-ups
    model = bpage.timeline_model
    rows = [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]
    (entry,) = [r for r in rows if r[0] == "Opfølgning fra Væksthus"]
    assert entry[1] == (
        f"Sparring ved Carl Sagsbehandler, Væksthus: {OFFERED} – næste opfølgning 15. januar 2027"
    )
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Opfølgning fra Væksthus")
    assert model.index(row, 0).data() == "1. december 2026"
    assert model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == entry[1]  # the whole text on hover
    assert bpage.timeline.editTriggers() == bpage.timeline.EditTrigger.NoEditTriggers
    # nothing of it waits in the broker's outbox (read-only: it came from the server)
    with broker.store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0

    # the other broker's laptop never gets it
    assert other.sync().complete
    with other.store.session() as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0


def test_the_indbakke_shows_the_applications_pdf_and_follows_up(
    qtbot: Any, new_user: Any, laptop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    broker = laptop(new_user("broker", "Birte Bæk"), "broker")
    app_id = submitted_application(broker.store, "Metalnetværket Vest")
    assert broker.sync().complete
    case = laptop(new_user("caseworker", "Carl Sagsbehandler"), "case")
    assert case.sync().complete
    window = window_for(qtbot, case.store)
    inbox = window.show_view("indbakke")
    assert isinstance(inbox, InboxView)
    qtbot.waitUntil(lambda: not inbox.loading, timeout=10_000)
    assert inbox.current is not None and inbox.current.id == app_id
    assert "Møder" in inbox.network_info.text() and "Facilitering" in inbox.network_info.text()

    # no viewer on this machine: the PDF is written all the same, and the Danish note says where
    opened: list[Path] = []
    monkeypatch.setattr(inbox_module, "open_pdf", lambda path: opened.append(path) or False)
    assert inbox.show_pdf()
    qtbot.waitUntil(lambda: inbox.pdf_worker is None, timeout=30_000)
    (path,) = opened
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Metalnetværket Vest" in text and "Karen Møller" in text
    # the broker who owns it, not the caseworker whose profile wrote it
    assert "Netværksmægler\nBirte Bæk" in text and "Carl Sagsbehandler" not in text
    assert inbox.pdf_note.isVisible() and "ikke noget program til at vise PDF-filer" in inbox.pdf_note.text()
    assert str(path) in inbox.pdf_note.text()
    # with a viewer, it is opened and the note goes
    monkeypatch.setattr(inbox_module, "open_pdf", lambda path: opened.append(path) or True)
    assert inbox.show_pdf()
    qtbot.waitUntil(lambda: inbox.pdf_worker is None, timeout=30_000)
    assert len(opened) == 2 and not inbox.pdf_note.isVisible()

    # a follow-up on the opened application's network, from the Indbakke
    dialog = inbox.new_follow_up(inbox.current.network_id)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.offered.setPlainText("Vejledning om ansøgningens budget.")
    assert dialog.save()
    qtbot.waitUntil(lambda: inbox.controller.worker is None, timeout=15_000)  # the sync it started
    qtbot.waitUntil(lambda: not inbox.loading, timeout=10_000)
    qtbot.waitUntil(lambda: "Vejledning om ansøgningens budget." in inbox.network_info.text(), timeout=10_000)
