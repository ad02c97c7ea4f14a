"""Effects on the laptop (issue 19): the baseline year stored and synced, the key-figure CSV import
(all or nothing, bad lines by number), and the export read back (BOM, ``;``)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.effects import FULL_BP
from mægler_app.domain.errors import DomainError
from mægler_app.domain.stages import with_move
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.db import Store
from mægler_app.store.models import Company, EffectMeasurement, Membership, Network, OutboxEntry
from mægler_app.store.services import companies as companies_svc
from mægler_app.store.services import effects as svc
from mægler_app.store.services import effects_csv

C1, C2, C3 = (make_valid_cvr(n) for n in (21, 22, 23))
HEADER = "CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte"


def _companies(store: Store) -> dict[str, str]:
    ids = {}
    for cvr, name in ((C1, "Alfa ApS"), (C2, "Beta A/S"), (C3, "Gamma I/S")):
        ids[cvr] = companies_svc.save_company(store, companies_svc.CompanyData(cvr=cvr, name=name))
    return ids


def _figures(store: Store) -> dict[tuple[str, int], EffectMeasurement]:
    with store.session() as s:
        rows = s.execute(
            select(Company.cvr, EffectMeasurement)
            .join(Company, Company.id == EffectMeasurement.company_id)
            .where(EffectMeasurement.deleted.is_(False))
        ).all()
        s.expunge_all()
        return {(cvr, m.year): m for cvr, m in rows}


def test_csv_import_reads_danish_numbers_into_ore(store: Store) -> None:
    _companies(store)
    text = (
        f"{HEADER}\r\n"
        f"{C1};2023;12.500.000;4.000.000,50;1.000.000 kr.;25\r\n"
        f"DK {C1[:2]} {C1[2:4]} {C1[4:6]} {C1[6:]};2024;13.750.000;;;27\r\n"
        f"{C2};2023;500.000;-20.000;0;3\r\n"
    )
    plan, result = effects_csv.import_file(store, text.encode("utf-8-sig"))
    assert result is not None, [p.message() for p in plan.problems]
    assert (result.created, result.updated, result.companies) == (3, 0, 2)
    figures = _figures(store)
    assert figures[(C1, 2023)].turnover_ore == 1_250_000_000
    assert figures[(C1, 2023)].value_added_ore == 400_000_050
    assert figures[(C1, 2023)].export_ore == 100_000_000
    assert figures[(C1, 2024)].employees == 27 and figures[(C1, 2024)].export_ore is None
    assert figures[(C2, 2023)].value_added_ore == -2_000_000
    # A second file updates a year and leaves the empty cells alone
    again = f"{HEADER}\n{C1};2024;;;2.000.000;\n"
    _, result2 = effects_csv.import_file(store, again.encode())
    assert result2 is not None and (result2.created, result2.updated) == (0, 1)
    figures = _figures(store)
    assert figures[(C1, 2024)].export_ore == 200_000_000 and figures[(C1, 2024)].turnover_ore == 1_375_000_000
    with store.session() as s:
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.entity == "effect_measurement").limit(1))


def test_csv_import_with_bad_lines_imports_nothing_and_names_each_line(store: Store) -> None:
    _companies(store)
    unknown = make_valid_cvr(99)
    text = (
        f"{HEADER}\n"
        f"{C1};2023;12.500.000;;;25\n"  # good (line 2)
        f"{C2};2023;1.5;;;\n"  # ambiguous number (line 3)
        f"{unknown};2023;100;;;\n"  # no such company (line 4)
        f"12345678;2023;100;;;\n"  # bad CVR checksum (line 5)
        f"{C3};1850;100;;;\n"  # not a year (line 6)
        f"{C1};2023;13.000.000;;;\n"  # the same year twice (line 7)
        f"{C3};2024;;;;\n"  # nothing at all (line 8)
    )
    plan, result = effects_csv.import_file(store, text.encode())
    assert result is None
    lines = {p.line: p.message() for p in plan.problems}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8]
    assert "»1.5«" in lines[3]
    assert "Ingen virksomhed med CVR-nummer" in lines[4]
    assert "Linje 5:" in lines[5] and "CVR" in lines[5]
    assert "1850" in lines[6]
    assert "linje 2" in lines[7]
    assert "hverken omsætning" in lines[8]
    assert "Intet er importeret" in plan.summary()
    assert _figures(store) == {}
    try:
        effects_csv.apply_plan(store, plan)
    except DomainError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a plan with bad lines was applied")


def test_csv_import_refuses_a_file_without_the_header(store: Store) -> None:
    _companies(store)
    try:
        effects_csv.read_plan(store, f"CVR;Navn\n{C1};Alfa\n".encode())
    except effects_csv.CsvFileError as exc:
        assert "mangler År" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("accepted")


def _participant(store: Store) -> tuple[str, str]:
    """Alfa in a network that reached trin 1 this year, with figures for the two years before."""
    ids = _companies(store)
    now = utcnow()
    with store.session() as s:
        history = with_move([], "candidate", now)
        history = with_move(history, "stage_1", now)
        network = Network(name="Træ og Tag", stage="stage_1", stage_history=history, stage_changed_at=now)
        s.add(network)
        s.flush()
        s.add(Membership(network_id=network.id, company_id=ids[C1]))
        network_id = network.id
    year = now.year
    companies_svc.save_key_figures(
        store,
        ids[C1],
        [
            companies_svc.KeyFigures(year - 2, 100_000_000, 50_000_000, None, 10),
            companies_svc.KeyFigures(year - 1, 110_000_000, 50_000_000, None, 12),
        ],
    )
    return ids[C1], network_id


def test_baseline_is_chosen_automatically_and_a_stored_one_syncs(store: Store) -> None:
    company_id, network_id = _participant(store)
    year = utcnow().year
    e = svc.company_effects(store, company_id)
    assert e.baseline_year == year - 1 and e.stored_year is None
    assert "automatisk" in str(e.baseline_note())
    # The baseline set to the year before: 10 % turnover growth, exactly the target
    assert svc.set_baseline_year(store, company_id, year - 2)
    e = svc.company_effects(store, company_id)
    assert e.baseline_year == year - 2
    assert e.metrics["turnover_ore"].cagr_bp == 1000 and e.metrics["turnover_ore"].met
    assert e.metrics["value_added_ore"].cagr_bp == 0 and e.met is False
    with store.session() as s:
        pushed = s.scalars(
            select(OutboxEntry).where(OutboxEntry.entity == "company", OutboxEntry.record_id == company_id)
        ).all()
    assert any(o.data.get("baseline_year") == year - 2 for o in pushed)
    members = svc.network_effects(store, network_id)
    assert [m.name for m in members] == ["Alfa ApS"] and members[0].effects.baseline_year == year - 2
    assert svc.parse_baseline_year("") is None
    try:
        svc.parse_baseline_year("20x3")
    except DomainError as exc:
        assert "Basisår" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("accepted")


def test_export_from_the_laptop_reads_back(store: Store, tmp_path: Path) -> None:
    company_id, _ = _participant(store)
    svc.set_baseline_year(store, company_id, utcnow().year - 2)
    main, cvrs, n = svc.export_effects(store)
    assert n == 1
    assert main.startswith(b"\xef\xbb\xbf") and cvrs.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(main.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["CVR"] == C1 and rows[0]["Netværk"] == "Træ og Tag"
    assert rows[0]["Trin nået"].startswith("Trin 1")
    assert rows[0]["Årlig vækst omsætning siden basisår %"] == "10"
    assert "Navn" not in rows[0] and "Alfa ApS" not in main.decode("utf-8-sig")  # CVR, not names
    assert cvrs.decode("utf-8-sig").split() == ["CVR", C1]
    assert FULL_BP == 10_000


def test_cli_import_and_export_effects(tmp_path: Path) -> None:
    from mægler_app.store.db import open_store

    profile = tmp_path / "p"
    store = open_store(profile)
    try:
        _participant(store)
    finally:
        store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mægler_app", *args, "--profile", str(profile)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    bad = tmp_path / "tal.csv"
    bad.write_text(f"{HEADER}\n{C1};2020;1.000;;;\n{C2};2020;abc;;;\n", encoding="utf-8")
    result = run("import-effects", str(bad))
    assert result.returncode == 1
    assert "tal.csv: Linje 3:" in result.stderr and "Intet er importeret" in result.stderr
    good = tmp_path / "tal2.csv"
    good.write_text(f"{HEADER}\n{C1};2020;1.000;;;\n{C2};2020;2.000,50;;;4\n", encoding="utf-8")
    result = run("import-effects", str(good))
    assert result.returncode == 0, result.stderr
    assert "2 år nøgletal importeret for 2 virksomheder" in result.stdout
    out = tmp_path / "effekter.csv"
    result = run("export-effects", str(out))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "effekter-cvr.csv").read_bytes().decode("utf-8-sig").split() == ["CVR", C1]
    assert "Omsætning 2020" in out.read_bytes().decode("utf-8-sig").splitlines()[0]
