"""The audit file per network (issue 22, item 3): one ZIP with the screening, the minutes, the expense
report with every receipt, the application(s) with the decision and an index listing it all.

The ZIP is read back: the index PDF's text (pypdf) names exactly the files the ZIP holds, the
receipts are byte-identical to the files attached, a receipt not downloaded yet is named in the
index as missing; a caseworker's profile makes it from the read-only network page; the PDFs are
rendered to PNG (pdftoppm) for looking at."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from mægler_app.domain.audit import (
    INDEX_NAME,
    AuditKind,
    latest_keep_until,
    safe_member_name,
    unique_name,
)
from mægler_app.domain.numbers import format_date
from mægler_app.domain.timeutil import utcnow
from mægler_app.domain.vocab import ActionPlanElement, ApplicationStatus
from mægler_app.reports.audit_file import audit_file_name, run_to_end, write_audit_file
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import ActionPlan, Application, Expense, Meeting, Network, OutboxEntry
from mægler_app.store.services.audit import audit_file_data
from mægler_app.store.services.blobs import read_blob, store_file
from mægler_app.store.services.overview import set_role

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # not a real picture: only its bytes matter
GHOST_SHA = "ab" * 32  # a receipt attached on another laptop, not downloaded here yet
GHOST_NAME = "taxa-kvittering.jpg"


def audit_network(store: Any, tmp_path: Path) -> str:
    """The demo's first network, with a photo receipt, a receipt not downloaded yet, and an
    application rejected once and approved in its second version, with its action plan."""
    ids = fill_demo(store)
    nid = ids["network:1"]
    photo = tmp_path / "parkering æøå.png"
    photo.write_bytes(PHOTO)
    blob = store_file(store, photo)
    now = utcnow()
    with store.session() as s:
        network = s.get(Network, nid)
        assert network is not None
        s.add(
            Expense(
                network_id=nid,
                spent_on=dt.date(2026, 11, 3),
                category="transport",
                description="Parkering ved virksomhedsbesøg",
                amount_ore=45_000,
                receipt_sha256=blob.sha256,
                receipt_name=blob.name,
            )
        )
        s.add(
            Expense(
                network_id=nid,
                spent_on=dt.date(2026, 11, 4),
                category="transport",
                description="Taxa til Væksthus",
                amount_ore=62_500,
                receipt_sha256=GHOST_SHA,
                receipt_name=GHOST_NAME,
            )
        )
        first = Application(
            network_id=nid,
            revision=1,
            status=ApplicationStatus.REJECTED,
            market_perspective="Eksport til Tyskland.",
            consultant_name="Karen Møller",
            consultant_hours=300,
            hourly_rate_ore=95_000,
            period_months=6,
            submitted_at=now - dt.timedelta(days=30),
            decision="rejected",
            decision_comment="Budgettet mangler fordelingsnøgle.",
            decided_at=now - dt.timedelta(days=25),
        )
        s.add(first)
        second = Application(
            network_id=nid,
            revision=2,
            previous_id=first.id,
            status=ApplicationStatus.APPROVED,
            market_perspective="Eksport til Tyskland og Polen.",
            consultant_name="Karen Møller",
            consultant_hours=300,
            hourly_rate_ore=95_000,
            period_months=6,
            submitted_at=now - dt.timedelta(days=20),
            decision="approved",
            decision_comment="Bevilget som ansøgt.",
            decided_at=now - dt.timedelta(days=10),
            bonus_ore=1_500_000,
        )
        s.add(second)
        s.add(
            ActionPlan(
                network_id=nid,
                application_id=second.id,
                elements={ActionPlanElement.PARTICIPANTS: True, ActionPlanElement.PURPOSE: True},
                start_date=dt.date(2026, 12, 1),
                end_date=dt.date(2027, 5, 31),
                notes="Konsulenten skriver planen færdig i januar.",
            )
        )
    return nid


def index_text(zf: zipfile.ZipFile, tmp_path: Path) -> str:
    index = tmp_path / "indeks-læst.pdf"
    index.write_bytes(zf.read(INDEX_NAME))
    return "\n".join(page.extract_text() or "" for page in PdfReader(index).pages)


def listed_files(text: str) -> list[str]:
    """The paths in the index's file table: each row starts with the path of a file in the ZIP."""
    table = text.split("Filer i revisionsfilen", 1)[1]
    for end in ("Kvitteringer, der mangler", "Handlingsplan\n"):
        table = table.split(end, 1)[0]
    return re.findall(
        r"^((?:[0-9]-[\wæøå-]+/(?:[\wæøå-]+/)*)?[\wæøå.-]+\.(?:pdf|csv|png|jpg|jpeg|tif|tiff|heic|webp))\b",
        table,
        re.M,
    )


def test_the_index_lists_exactly_the_files_the_zip_holds(store: Any, tmp_path: Path) -> None:
    nid = audit_network(store, tmp_path)
    target = tmp_path / "ud" / "revisionsfil.zip"
    result = run_to_end(write_audit_file(audit_file_data(store, nid), target))
    assert result.path == target and target.is_file()
    assert not list(target.parent.glob("*.tmp"))
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
        text = index_text(zf, tmp_path)
    assert names[0] == INDEX_NAME and names == result.names
    listed = listed_files(text)
    assert sorted(listed) == sorted(names), (listed, names)
    assert len(listed) == len(set(listed))
    kinds = [e.kind for e in result.entries]
    # the demo network: one final screening, three meetings held (the planned one has no minutes)
    assert kinds.count(AuditKind.SCREENING) == 1
    assert kinds.count(AuditKind.MINUTES) == 3
    assert kinds.count(AuditKind.EXPENSE_REPORT) == 1 and kinds.count(AuditKind.EXPENSE_CSV) == 1
    assert kinds.count(AuditKind.APPLICATION) == 2
    assert any(n.startswith("4-ansøgning/") and n.endswith("-v2.pdf") for n in names)
    # keep-until: every document has its record's date from the retention rule (domain/retention.py)
    documents = [e for e in result.entries if e.kind != AuditKind.INDEX]
    assert documents and all(e.keep_until is not None for e in documents)
    assert "31. december 2031" in text
    # the action plan and the stage history are sections of the index
    assert "Handlingsplan" in text and "Formål og baggrund" in text and "Stadiehistorik" in text
    assert "Oprettet som kandidat" in text


def test_receipts_are_byte_identical_and_a_missing_one_is_named(store: Any, tmp_path: Path) -> None:
    nid = audit_network(store, tmp_path)
    result = run_to_end(write_audit_file(audit_file_data(store, nid), tmp_path / "r.zip"))
    receipts = [e for e in result.entries if e.kind == AuditKind.RECEIPT]
    with store.session() as s:
        attached = [e for e in s.query(Expense).filter_by(network_id=nid) if e.receipt_sha256 != GHOST_SHA]
        wanted = {e.receipt_sha256 for e in attached if e.receipt_sha256}
    with zipfile.ZipFile(result.path) as zf:
        got = {hashlib.sha256(zf.read(e.path)).hexdigest() for e in receipts}
        assert got == wanted
        photo = next(e for e in receipts if e.path.endswith(".png"))
        assert zf.read(photo.path) == PHOTO
        assert photo.path == "3-udgifter/kvitteringer/2026-11-03-parkering-æøå.png"
        for e in receipts:  # byte for byte the file the profile keeps under its hash
            data = zf.read(e.path)
            assert data == read_blob(store, hashlib.sha256(data).hexdigest())
        text = index_text(zf, tmp_path)
    # one receipt per expense that has one, the ghost left out of the ZIP but named in the index
    assert len(receipts) == len([e for e in attached if e.receipt_sha256])
    assert [m.name for m in result.missing] == [GHOST_NAME]
    assert GHOST_NAME not in " ".join(result.names)
    missing = " ".join(text.split("Kvitteringer, der mangler i filen", 1)[1].split())  # lines joined
    assert GHOST_NAME in missing and "Taxa til Væksthus" in missing and "næste synkronisering" in missing


def test_a_network_with_nothing_yet_still_gets_an_index_and_expense_report(
    store: Any, tmp_path: Path
) -> None:
    with store.session() as s:
        network = Network(name="Tomt netværk")
        s.add(network)
        nid = network.id
    result = run_to_end(write_audit_file(audit_file_data(store, nid), tmp_path / "tom.zip"))
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == sorted(result.names)
        text = index_text(zf, tmp_path)
    assert [e.kind for e in result.entries] == [
        AuditKind.INDEX,
        AuditKind.EXPENSE_REPORT,
        AuditKind.EXPENSE_CSV,
    ]
    assert "ingen handlingsplan" in text


def test_names_in_the_zip(store: Any) -> None:
    assert safe_member_name("../../etc/passwd") == "passwd"
    assert safe_member_name(".skjult.PDF") == "skjult.pdf"
    assert safe_member_name("Kvittering æøå (1).JPG") == "Kvittering-æøå-1.jpg"
    taken: set[str] = set()
    assert unique_name("a/b.pdf", taken) == "a/b.pdf"
    assert unique_name("a/B.pdf", taken) == "a/B-2.pdf"
    assert unique_name("a/b.pdf", taken) == "a/b-3.pdf"
    assert latest_keep_until([]) is None
    assert latest_keep_until([dt.date(2030, 1, 1), None]) is None
    assert latest_keep_until([dt.date(2030, 1, 1), dt.date(2032, 12, 31)]) == dt.date(2032, 12, 31)
    assert audit_file_name("Fødevareudstyr til Rusland", dt.date(2026, 12, 7)) == (
        "revisionsfil-Fødevareudstyr-til-Rusland-2026-12-07.zip"
    )


def test_an_unknown_network_is_refused_in_danish(store: Any, tmp_path: Path) -> None:
    from mægler_app.domain.errors import DomainError

    with pytest.raises(DomainError) as refused:
        run_to_end(write_audit_file(audit_file_data(store, "no-such-network"), tmp_path / "x.zip"))
    assert "findes ikke" in str(refused.value)
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) is not installed")
def test_every_pdf_in_the_zip_renders(store: Any, tmp_path: Path) -> None:
    nid = audit_network(store, tmp_path)
    result = run_to_end(write_audit_file(audit_file_data(store, nid), tmp_path / "vis.zip"))
    out = tmp_path / "png"
    out.mkdir()
    with zipfile.ZipFile(result.path) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        for i, name in enumerate(pdfs):
            pdf = tmp_path / f"{i}.pdf"
            pdf.write_bytes(zf.read(name))
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / f"{i}")], check=True)
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) >= len(pdfs)
    assert all(p.stat().st_size > 2000 for p in pngs)


def _page(qtbot: Any, store: Any, network_id: str) -> Any:
    from mægler_app.ui.context import AppContext
    from mægler_app.ui.main_window import MainWindow

    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("netvaerk")
    return window, view.open_network(network_id)


@pytest.mark.parametrize("role", ["caseworker", "broker"])
def test_the_network_page_makes_the_audit_file_on_either_profile(
    qtbot: Any, store: Any, tmp_path: Path, role: str
) -> None:
    """One click on »Revisionsfil (ZIP) …«: on a caseworker's profile the broker's network is
    read-only, and the button is still there and works; the ZIP lands where the save dialog said,
    in a worker, and the status bar says what was written and offers »Åbn mappe«."""
    from mægler_app.ui import files

    nid = audit_network(store, tmp_path)
    set_role(store, role)
    window, page = _page(qtbot, store, nid)
    if role == "caseworker":
        assert page.form.save_button.isHidden()  # read-only to the caseworker …
    assert page.audit_button.isVisible() and page.audit_button.isEnabled()  # … but this works
    with store.session() as s:
        before = (s.query(OutboxEntry).count(), [(n.version, n.updated_at) for n in s.query(Network)])
    statuses: list[str] = []
    page.ctx.bus.status_reported.connect(statuses.append)
    with qtbot.waitSignal(page.audit_job.finished, timeout=30_000) as done:
        qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    # the save dialog's suggestion (tests take it): the documents folder, the one naming scheme
    assert result.path.parent == files.documents_folder(page.ctx)
    assert (
        result.path.name.startswith("revisionsfil-Vindkraftleverandørerne-") and result.path.suffix == ".zip"
    )
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == sorted(result.names)
    assert any(
        "Revisionsfilen for »Vindkraftleverandørerne" in s and "filer med indeks" in s for s in statuses
    )
    assert any("1 kvittering er ikke hentet" in s for s in statuses)
    assert window.open_folder_button.isVisible()
    assert page.audit_job.last_error == ""
    with store.session() as s:  # nothing changed, nothing waits to be sent because of it
        assert (s.query(OutboxEntry).count(), [(n.version, n.updated_at) for n in s.query(Network)]) == before


def test_a_failed_audit_file_is_said_in_danish_and_leaves_nothing(
    qtbot: Any, store: Any, tmp_path: Path
) -> None:
    nid = audit_network(store, tmp_path)
    _window, page = _page(qtbot, store, nid)
    blocked = tmp_path / "ikke-en-mappe"
    blocked.write_text("en fil, ikke en mappe")
    statuses: list[str] = []
    page.ctx.bus.status_reported.connect(statuses.append)
    with qtbot.waitSignal(page.audit_job.failed, timeout=30_000):
        page.audit_job.start(nid, blocked / "revisionsfil.zip")
    assert any(s.startswith("Revisionsfilen kunne ikke laves:") for s in statuses), statuses
    assert not page.audit_job.running
    assert not list(tmp_path.glob("**/revisionsfil.zip*"))


def test_the_command_line_writes_the_same_audit_file(store: Any, profile: Path, tmp_path: Path) -> None:
    from tests.test_cli import run

    nid = audit_network(store, tmp_path)
    out = tmp_path / "cli" / "revision.zip"
    done = run("audit-file", "--profile", str(profile), nid, str(out))
    assert done.returncode == 0, done.stderr
    assert "Revisionsfilen for »Vindkraftleverandørerne" in done.stdout
    assert "1 kvittering er ikke hentet" in done.stderr
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist()[0] == INDEX_NAME
        assert sorted(listed_files(index_text(zf, tmp_path))) == sorted(zf.namelist())
    unknown = run("audit-file", "--profile", str(profile), "findes-ikke", str(tmp_path / "x.zip"))
    assert unknown.returncode == 1 and "findes ikke" in unknown.stderr
    assert not (tmp_path / "x.zip").exists()
    assert "audit-file" in run("--help").stdout


def test_keep_until_dates_show_once_the_records_have_them(store: Any, tmp_path: Path) -> None:
    """The hook (domain.audit.keep_until) takes a record's own date, which the retention rule
    (issue 21) sets on save: the index shows each, and a compilation is dated by its latest part."""
    nid = audit_network(store, tmp_path)
    with store.session() as s:
        meetings = {m.keep_until for m in s.query(Meeting).filter_by(network_id=nid)}
        expenses = [e.keep_until for e in s.query(Expense).filter_by(network_id=nid) if not e.deleted]
        applications = {a.keep_until for a in s.query(Application).filter_by(network_id=nid)}
    assert None not in meetings | set(expenses) | applications
    result = run_to_end(write_audit_file(audit_file_data(store, nid), tmp_path / "datoer.zip"))
    by_kind: dict[Any, set[Any]] = {}
    for e in result.entries:
        by_kind.setdefault(e.kind, set()).add(e.keep_until)
    assert by_kind[AuditKind.MINUTES] <= meetings
    assert by_kind[AuditKind.APPLICATION] == applications
    assert by_kind[AuditKind.EXPENSE_REPORT] == {max(expenses)}  # as long as its longest kept part
    with zipfile.ZipFile(result.path) as zf:
        text = index_text(zf, tmp_path)
    for day in meetings | applications:
        assert format_date(day) in text
