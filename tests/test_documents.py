"""Documents a broker saves (issue 20, items 2 and 3): the broker's name on every page of every
PDF ("Netværksmægler: …"), typed on a local profile (Filer → Dit navn) or given by the server; the
save dialog starts in the folder used last; one naming scheme with Danish letters kept; the status
bar says "åbnet" only when a viewer started, and »Åbn mappe« opens the folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from mægler_app.domain.names import document_name
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Meeting, Screening
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services.overview import broker_name, set_state
from mægler_app.ui import files
from mægler_app.ui.application.pdf import export_application
from mægler_app.ui.context import AppContext
from mægler_app.ui.forms.screening import export_screening_pdf
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.meetings import exports
from mægler_app.ui.profile_dialog import ProfileDialog

NAME = "Åse Søgaard"


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _window(qtbot, store) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_local_profile_types_the_name_and_every_pdf_prints_it(qtbot, store, tmp_path: Path) -> None:
    ids = fill_demo(store)
    window = _window(qtbot, store)
    menu_action = window.findChild(type(window.menuBar().actions()[0]), "brokerNameAction")
    assert menu_action is not None and menu_action.text() == "Dit &navn …"
    dialog = window.edit_broker_name()
    assert not dialog.name.isReadOnly()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, NAME)
    qtbot.mouseClick(dialog.findChild(type(window.open_folder_button), "saveName"), Qt.MouseButton.LeftButton)
    assert broker_name(store) == NAME

    network = ids["network:1"]
    with store.session() as s:
        meeting_id = s.scalars(select(Meeting.id).where(Meeting.network_id == network)).first()
        screening_id = s.scalars(select(Screening.id).where(Screening.network_id == network)).first()
    app_id = app_svc.create_application(store, network)
    written = [
        exports.export_meeting_pdf(store, meeting_id, tmp_path / "referat.pdf"),
        exports.export_expense_pdf(store, network, tmp_path / "udgifter.pdf"),
        Path(export_screening_pdf(store, screening_id, tmp_path / "screening.pdf", None)),
        export_application(store, app_id, tmp_path / "ansøgning.pdf"),
    ]
    for path in written:
        pages = _pages(path)
        assert pages and all(f"Netværksmægler: {NAME}" in " ".join(p.split()) for p in pages), path.name
        assert "ikke angivet" not in " ".join(pages)
        assert PdfReader(str(path)).metadata.author == NAME


def test_a_logged_in_profile_shows_the_servers_name_read_only(qtbot, store) -> None:
    set_state(store, "account", {"server_url": "http://127.0.0.1:1", "username": "anne"})
    set_state(store, "user", {"display_name": "Anne Holm", "role": "broker"})
    dialog = ProfileDialog(AppContext(store=store))
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Anne Holm" and dialog.name.isReadOnly()
    assert dialog.findChild(type(dialog.name), "brokerName") is dialog.name


def test_one_naming_scheme_keeps_danish_letters() -> None:
    day = dt.date(2026, 12, 4)
    assert (
        document_name("referat", "Fødevareudstyr til Rusland (joint venture)", day)
        == "referat-Fødevareudstyr-til-Rusland-joint-venture-2026-12-04.pdf"
    )
    assert (
        document_name("screening", "Kølenetværk", day, suffix="kladde")
        == "screening-Kølenetværk-2026-12-04-kladde.pdf"
    )
    assert document_name("udgifter", "Å/Ø", day, ext="csv") == "udgifter-Å-Ø-2026-12-04.csv"


@pytest.mark.parametrize("viewer", [True, False])
def test_save_dialog_remembers_the_folder_and_the_status_bar_tells_the_truth(
    qtbot, store, tmp_path: Path, monkeypatch, viewer: bool
) -> None:
    ids = fill_demo(store)
    window = _window(qtbot, store)
    asked: list[str] = []
    chosen = tmp_path / "Mine dokumenter"
    chosen.mkdir()

    def save_as(_parent, _title, suggested, filters="", *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(chosen / Path(suggested).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(exports, "open_file", lambda _path: viewer)
    statuses: list[str] = []
    window.ctx.bus.status_reported.connect(statuses.append)

    page = window.show_view("netvaerk").open_network(ids["network:1"])
    tab = page.show_feature("Møder og udgifter")
    tab.meetings_view.selectRow(0)
    meeting_id = tab.selected_meeting()
    with qtbot.waitSignal(tab.exporter.finished, timeout=15_000) as first:
        qtbot.mouseClick(tab.meeting_pdf_button, Qt.MouseButton.LeftButton)
    # the first time: the profile's report folder, the scheme's name
    assert Path(asked[0]).parent == store.profile / "rapporter"
    assert Path(asked[0]).name == exports.meeting_pdf_name(store, meeting_id)
    assert Path(asked[0]).name.startswith("referat-Vindkraftleverandørerne-Brande-Herning-Ikast-")
    saved = Path(first.args[0])
    assert saved.parent == chosen and saved.exists()
    if viewer:
        assert statuses[-1].startswith(f"Gemt og åbnet: {saved}")
    else:
        assert "åbnet" not in statuses[-1] and statuses[-1].startswith(f"Gemt: {saved}")
    # the demo profile has no broker name yet: the line says where to type it
    assert statuses[-1].endswith(
        "Skriv dit navn under Filer → Dit navn (Ctrl+,), så det står på dine PDF'er."
    )
    # the next time the dialog starts where the broker saved last (also after a restart)
    with qtbot.waitSignal(tab.exporter.finished, timeout=15_000):
        qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert Path(asked[1]).parent == chosen and Path(asked[1]).name.startswith("udgifter-")
    assert files.documents_folder(AppContext(store=store)) == chosen

    # »Åbn mappe« in the status bar opens the folder the file went to
    assert window.open_folder_button.isVisible()
    opened: list[Path] = []
    monkeypatch.setattr(files, "open_file", lambda p: opened.append(p) or True)
    qtbot.mouseClick(window.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [chosen]


def test_a_cancelled_dialog_writes_nothing(qtbot, store, monkeypatch) -> None:
    ids = fill_demo(store)
    window = _window(qtbot, store)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    page = window.show_view("netvaerk").open_network(ids["network:1"])
    tab = page.show_feature("Møder og udgifter")
    tab.export_pdf()
    assert tab.exporter.running is None
    assert list((store.profile / "rapporter").glob("*")) == []
