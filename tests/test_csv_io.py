"""CSV import and export as Danish Excel writes it; the preview driven as a user would; the CLI as a process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company, OutboxEntry
from mægler_app.store.serialize import record_data
from mægler_app.store.services import csv_io
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow

HEADER = "CVR;Navn;Adresse;Postnr;By;Kommune;Ansatte;Fokusområde;Branche;Videninstitution"
C1, C2, C3, C4 = (make_valid_cvr(n) for n in (11, 12, 13, 14))


def _view(qtbot, store):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window.show_view("virksomheder")


def _names(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return dict(s.execute(select(Company.cvr, Company.name).where(Company.deleted.is_(False))).all())  # type: ignore[arg-type]


def _open_preview(qtbot, view, path: Path):  # type: ignore[no-untyped-def]
    dialog = view.import_file(path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: dialog.plan is not None or "Intet er importeret" in dialog.summary.text(), timeout=10_000
    )
    return dialog


def test_windows_1252_file_with_aeoeaa_is_imported_through_the_preview(qtbot, store, tmp_path: Path) -> None:
    text = (
        f"{HEADER}\r\n"
        f"{C1};Ærø Æbleplantage ApS;Søndergade 1;5970;Ærøskøbing;Ærø;12;Fødevarer;Frugtavl;nej\r\n"
        f"DK {C2[:2]} {C2[2:4]} {C2[4:6]} {C2[6:]};Østjysk Smedie A/S;Åvej 2;8700;Horsens;Horsens;45;"
        "energi/miljø;Jern og metal;\r\n"
        f"{C3};Aarhus Universitet, Institut for Ingeniørvidenskab;;8000;Aarhus;Aarhus;;Andet;Forskning;ja\r\n"
    )
    path = tmp_path / "liste.csv"
    path.write_bytes(text.encode("cp1252"))
    view = _view(qtbot, store)
    dialog = _open_preview(qtbot, view, path)
    assert "Windows-1252" in dialog.summary.text()
    assert "3 virksomheder klar: 3 nye" in dialog.summary.text()
    assert dialog.model.rowCount() == 3
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    names = _names(store)
    assert names == {
        C1: "Ærø Æbleplantage ApS",
        C2: "Østjysk Smedie A/S",
        C3: "Aarhus Universitet, Institut for Ingeniørvidenskab",
    }
    with store.session() as s:
        smedie = s.scalars(select(Company).where(Company.cvr == C2)).one()
        uni = s.scalars(select(Company).where(Company.cvr == C3)).one()
    assert (smedie.address, smedie.city, smedie.employees, smedie.focus_area) == (
        "Åvej 2",
        "Horsens",
        45,
        "energy_environment",
    )
    assert uni.is_knowledge_institution and uni.employees is None
    assert "3 nye" in dialog.summary.text()
    # the table behind the dialog shows them
    assert view.model.rowCount() == 3
    # Færdig is the default: Enter closes the dialog, wherever the focus is (here the preview)
    assert dialog.close_button.isDefault() and not dialog.import_button.isDefault()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


@pytest.mark.parametrize("at_once", [False, True])
def test_the_preview_is_asked_for_nothing_while_its_rows_are_written(
    qtbot, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_once: bool
) -> None:
    """Each cell the preview paints or measures is a call into Python, and while the rows are
    written each waited for the interpreter the import's worker held (a repaint of the preview took
    50–100 ms under load, benchmarks/gui_stall_bench.py (b)). The columns are fitted once as the
    plan arrives; the click on Importér paints what it changes (the table losing the focus, the
    summary, the progress bar) and what the plan's rows still wait for (``at_once``: clicked as the
    plan shows, as the benchmark does) before the worker starts; nothing in the preview moves
    after, nor when the import ends."""
    from PySide6.QtWidgets import QHeaderView

    from mægler_app.ui import ops
    from mægler_app.ui.companies.models import ImportRowsModel

    asked: list[str] = []
    for name in ("data", "headerData"):
        real = getattr(ImportRowsModel, name)

        def counted(self, *args, _real=real, _name=name):  # type: ignore[no-untyped-def]
            asked.append(_name)
            return _real(self, *args)

        monkeypatch.setattr(ImportRowsModel, name, counted)
    at_start: list[int] = []  # how many calls there were when the worker started
    real_start = ops.start

    def start(*args, **kwargs):  # type: ignore[no-untyped-def]
        at_start.append(len(asked))
        return real_start(*args, **kwargs)

    monkeypatch.setattr(ops, "start", start)
    # the plan comes once the dialog shows, as a long file's does
    shown = threading.Event()
    read_plan = csv_io.read_plan
    monkeypatch.setattr(csv_io, "read_plan", lambda *args: shown.wait(10) and read_plan(*args))
    lines = [f"{make_valid_cvr(500 + i)};Firma {i} ApS" for i in range(200)]
    path = tmp_path / "mange.csv"
    path.write_text("CVR;Navn\n" + "\n".join(lines) + "\n", encoding="utf-8")
    view = _view(qtbot, store)
    dialog = view.import_file(path)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.table.setFocus()  # the rows in focus: the click takes it
    qtbot.waitUntil(dialog.table.hasFocus)
    header = dialog.table.horizontalHeader()
    widths: list[int] = []

    def click() -> None:
        # fitted once, to the rows: no column measures them again
        assert all(
            header.sectionResizeMode(c) != QHeaderView.ResizeMode.ResizeToContents
            for c in range(header.count())
        )
        assert header.sectionSize(0) >= dialog.table.sizeHintForColumn(0) > 0
        widths.extend(header.sectionSize(c) for c in range(header.count()))
        if at_once:
            dialog.apply()  # as the benchmark does
        else:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        if at_once:
            dialog.planned.connect(click)
            shown.set()
        else:
            shown.set()
            qtbot.waitUntil(lambda: dialog.plan is not None)
            qtbot.wait(100)  # the preview as the person sees it
            click()
    qtbot.waitUntil(lambda: not view.loader.busy, timeout=20_000)
    qtbot.wait(100)
    assert at_start and asked[at_start[0] :] == []
    assert [header.sectionSize(c) for c in range(header.count())] == widths
    assert len(_names(store)) == 200


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""])
def test_utf8_with_and_without_bom(store, bom: bytes) -> None:
    raw = bom + f"CVR;Navn\n{C1};Ølstykke Øko ApS\n".encode()
    plan, result = csv_io.import_file(store, raw)
    assert result is not None and result.created == 1
    assert plan.encoding == ("UTF-8 med BOM" if bom else "UTF-8")
    assert _names(store) == {C1: "Ølstykke Øko ApS"}


def test_one_bad_row_among_good_ones_names_the_line_and_imports_nothing(
    qtmodeltester, qtbot, store, tmp_path: Path
) -> None:
    path = tmp_path / "blandet.csv"
    path.write_text(
        f"CVR;Navn;Ansatte\n{C1};God ApS;5\n{C2};Også god ApS;7\n13585629;Forkert CVR ApS;-4\n{C3};Sidste ApS;9\n",
        encoding="utf-8",
    )
    view = _view(qtbot, store)
    dialog = _open_preview(qtbot, view, path)
    assert dialog.problem_lines() == [4]
    assert not dialog.import_button.isEnabled()
    assert "1 række har fejl" in dialog.summary.text() and "Intet er importeret" in dialog.summary.text()
    first = [dialog.model.data(dialog.model.index(0, c)) for c in range(dialog.model.columnCount())]
    assert first[0] == "4" and first[1] == "Fejl" and first[3] == "Forkert CVR ApS"
    assert "kontrolcifferet passer ikke" in first[4] and "negativt" in first[4]
    assert dialog.problems.toPlainText().startswith("Linje 4 (Forkert CVR ApS): »13585629«")
    qtmodeltester.check(dialog.model)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: does nothing
    assert _names(store) == {}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_missing_header_is_refused_with_the_reason(qtbot, store, tmp_path: Path) -> None:
    path = tmp_path / "uden-overskrift.csv"
    path.write_text(f"{C1};Firma ApS;Aarhus\n{C2};Andet Firma ApS;Ikast\n", encoding="utf-8")
    view = _view(qtbot, store)
    dialog = _open_preview(qtbot, view, path)
    assert dialog.plan is None
    assert "mangler CVR;Navn" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert _names(store) == {}


def test_header_with_only_one_of_the_required_columns(store) -> None:
    with pytest.raises(csv_io.CsvFileError, match="mangler Navn"):
        csv_io.read_plan(store, f"CVR;By\n{C1};Aarhus\n".encode())


def test_excel_sep_hint_line_is_skipped_and_lines_still_counted(store) -> None:
    plan = csv_io.read_plan(store, f"sep=;\r\nCVR;Navn\r\n{C1};Første ApS\r\n12345678;Anden ApS\r\n".encode())
    assert len(plan.rows) == 1 and plan.rows[0].line == 3
    assert [p.line for p in plan.problems] == [4]


def test_comma_separated_file_gets_a_helpful_message(store) -> None:
    with pytest.raises(csv_io.CsvFileError, match="semikolon"):
        csv_io.read_plan(store, f"CVR,Navn\n{C1},Firma\n".encode())


def test_duplicate_cvr_in_the_file_and_registered_cvr_update_instead_of_twin(store) -> None:
    ids = fill_demo(store)
    with store.session() as s:
        skive = s.get(Company, ids["skive"])
        assert skive is not None
        skive_cvr, skive_city = skive.cvr, skive.city
    raw = (
        f"CVR;Navn;Ansatte\n{C1};Ny ApS;3\n{skive_cvr};Skive Køleteknik ApS;40\n{C1};Ny igen ApS;4\n".encode()
    )
    plan = csv_io.read_plan(store, raw)
    assert [p.line for p in plan.problems] == [4]
    assert "står også på linje 2" in plan.problems[0].message()
    plan, result = csv_io.import_file(store, raw.rsplit(b"\n", 2)[0] + b"\n")
    assert result is not None and (result.created, result.updated) == (1, 1)
    with store.session() as s:
        rows = s.scalars(select(Company).where(Company.cvr == skive_cvr)).all()
    assert len(rows) == 1
    assert rows[0].employees == 40 and rows[0].city == skive_city  # an empty cell keeps what was known


def test_export_then_import_round_trip(qtbot, store, tmp_path: Path) -> None:
    fill_demo(store)
    view = _view(qtbot, store)
    target = tmp_path / "ud.csv"
    view.export_to(target)
    qtbot.waitUntil(lambda: "eksporteret" in view.export_status.text(), timeout=10_000)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 11
    assert any(";Fødevarer;" in line for line in lines)
    assert "eksporteret" in view.export_status.text()
    before = _names(store)
    plan, result = csv_io.import_file(store, raw)
    assert result is not None and result.created == 0 and result.updated == 10
    assert _names(store) == before


def test_imported_companies_are_written_and_queued_as_companies_saved_one_by_one(store) -> None:
    """The import writes its new companies many to a statement, with their outbox entries: the
    same rows and the same entries as the session's own hook writes for a company added to it."""
    from mægler_app.store.services.companies import parse_company

    fields = {"cvr": C2, "name": "Ny ApS", "city": "Ikast", "employees": "12", "focus_area": "Fødevarer"}
    with store.session() as s:
        registered = Company(cvr=C1, name="Kendt ApS", city="Skive")
        s.add(registered)
        by_hand = parse_company({**fields, "cvr": C3, "name": "Håndlavet ApS"}).data
        assert by_hand is not None
        s.add(Company(**by_hand.__dict__))
    raw = f"CVR;Navn;By;Ansatte;Fokusområde\n{C1};Kendt ApS;Viborg;;\n{C2};Ny ApS;Ikast;12;Fødevarer\n"
    plan, result = csv_io.import_file(store, raw.encode())
    assert result is not None and (result.created, result.updated) == (1, 1)
    with store.session() as s:
        new = s.scalars(select(Company).where(Company.cvr == C2)).one()
        hand = s.scalars(select(Company).where(Company.cvr == C3)).one()
        entries = {e.record_id: e for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))}
        assert len(entries) == 3  # the registered one's two (made, then moved to Viborg) fold into one
        assert entries[registered.id].data["city"] == "Viborg"
        mine, theirs = entries[new.id], entries[hand.id]
        assert mine.seq > theirs.seq and mine.change_id and mine.change_id != theirs.change_id
        assert mine.created_at is not None and new.updated_at is not None
        same = ("entity", "base_version", "deleted", "status", "attempts", "last_error")
        assert [getattr(mine, k) for k in same] == [getattr(theirs, k) for k in same]
        assert mine.server_data is None and theirs.server_data is None
        differ = {"cvr", "name"}
        assert {k: v for k, v in mine.data.items() if k not in differ} == {
            k: v for k, v in theirs.data.items() if k not in differ
        }
        assert mine.data["cvr"] == C2 and mine.data["name"] == "Ny ApS" and mine.data["employees"] == 12
        assert record_data(new) == mine.data and record_data(hand) == theirs.data
        others = [c.key for c in Company.__table__.columns if c.key not in ("id", "updated_at", *differ)]
        assert {k: getattr(new, k) for k in others} == {k: getattr(hand, k) for k in others}


def test_new_companies_are_written_many_to_a_statement(store) -> None:
    """10.000 new companies were 10.000 objects in the session's unit of work and an INSERT each
    for their outbox entries, 1,6 s in which the import's worker held the interpreter the window
    waits for (benchmarks/gui_stall_bench.py (b)); now a statement per 500 rows and table."""
    from sqlalchemy import event

    lines = [f"{make_valid_cvr(200 + i)};Firma {i} ApS" for i in range(1200)]
    plan = csv_io.read_plan(store, ("CVR;Navn\n" + "\n".join(lines) + "\n").encode())
    statements: list[str] = []

    def executed(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", executed)
    try:
        gen = csv_io.apply_plan(store, plan)
        steps = list(gen)
    finally:
        event.remove(store.engine, "before_cursor_execute", executed)
    assert steps[-1] == (1200, 1200)
    inserts = [x for x in statements if x.lstrip().upper().startswith("INSERT")]
    assert 0 < len(inserts) <= 2 * 3
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == 1200
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 1200
        entries = list(s.scalars(select(OutboxEntry)))
    # the entries' own columns come from the model's defaults, each its own change id
    assert len({e.change_id for e in entries}) == 1200
    assert {(e.status, e.attempts, e.last_error) for e in entries} == {("pending", 0, "")}


def test_records_with_a_keep_until_date_are_not_written_past_its_hook(store) -> None:
    """``insert_new`` writes past the session's hooks: not for the records whose keep-until date
    the retention hook sets (a meeting, an expense …)."""
    from mægler_app.store.models import Meeting
    from mægler_app.store.outbox import insert_new

    with store.session() as s, pytest.raises(ValueError, match="retention"):
        insert_new(s, Meeting, [{"network_id": "x"}])


@pytest.mark.slow
def test_ten_thousand_rows(store) -> None:
    lines = [HEADER]
    for i in range(10_000):
        lines.append(
            f"{make_valid_cvr(100_000 + i)};Firma {i} ApS;Vej {i};8000;Aarhus;Aarhus;{i % 300};Andet;Plast;nej"
        )
    raw = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    plan = csv_io.read_plan(store, raw)
    assert plan.ok and len(plan.rows) == 10_000
    assert sum(1 for r in plan.rows if r.warnings) == sum(1 for i in range(10_000) if i % 300 > 250)
    gen = csv_io.apply_plan(store, plan)
    steps = []
    while True:
        try:
            steps.append(next(gen))
        except StopIteration as stop:
            result = stop.value
            break
    assert result.created == 10_000
    assert steps[-1] == (10_000, 10_000) and len(steps) > 5
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == 10_000
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 10_000


# the command line -------------------------------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "mægler_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_cli_import_bad_rows_exit_1_naming_each_line_and_nothing_imported(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    path = tmp_path / "firmaer.csv"
    path.write_bytes(
        f"CVR;Navn;Ansatte\n{C1};God ApS;3\n12345678;Dårlig ApS;2\n{C2};;x\n{C3};Fin ApS;1\n".encode("cp1252")
    )
    result = _run("import", str(path), "--profile", profile)
    assert result.returncode == 1
    assert "Linje 3 (Dårlig ApS):" in result.stderr and "kontrolcifferet" in result.stderr
    assert "Linje 4:" in result.stderr and "skal have et navn" in result.stderr and "»x«" in result.stderr
    assert "Linje 2" not in result.stderr and "Linje 5" not in result.stderr
    status = _run("status", "--json", "--profile", profile)
    assert '"company": 0' in status.stdout


def test_cli_import_good_file_and_export(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    path = tmp_path / "firmaer.csv"
    path.write_text(f"CVR;Navn;By\n{C1};Første ApS;Aarhus\n{C4};Anden ApS;Ikast\n", encoding="utf-8-sig")
    result = _run("import", str(path), "--profile", profile)
    assert result.returncode == 0, result.stderr
    assert "Importeret: 2 nye virksomheder, 0 opdateret." in result.stdout
    out = tmp_path / "ud.csv"
    exported = _run("export", str(out), "--profile", profile)
    assert exported.returncode == 0, exported.stderr
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == HEADER
    assert f"{C1};Første ApS;;;Aarhus;;;Andet;;nej" in text


def test_cli_import_missing_file_and_missing_header(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    missing = _run("import", str(tmp_path / "findes-ikke.csv"), "--profile", profile)
    assert missing.returncode == 1 and "kan ikke læses" in missing.stderr
    path = tmp_path / "x.csv"
    path.write_text(f"{C1};Firma ApS\n", encoding="utf-8")
    no_header = _run("import", str(path), "--profile", profile)
    assert no_header.returncode == 1 and "Overskriftslinjen" in no_header.stderr
