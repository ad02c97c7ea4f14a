"""Effects (issue 19): baseline year, growth per year and against the baseline, the target at exactly
10 %, satisfaction at exactly 80 %, and the programme's figures per network and focus area."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from mægler_app.domain import effects as fx
from mægler_app.domain.effects import YearFigures, company_effects, growth_bp, meets_growth
from mægler_app.domain.figures import RecordView
from mægler_app.domain.rules import TARGET_GROWTH_PERCENT_PER_YEAR, TARGET_SATISFIED_PERCENT

MIO = 1_000_000 * 100  # a million kroner in øre


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")


def rec(entity: str, id: str, made: str = "2024-03-01", **data: Any) -> RecordView:
    return RecordView(entity, id, "b1", False, data, at(made))


def network(id: str, name: str, path: list[tuple[str, str]]) -> RecordView:
    history = [{"stage": s, "at": at(d).isoformat()} for s, d in path]
    return rec("network", id, path[0][1], name=name, stage=path[-1][0], stage_history=history)


def fig(year: int, turnover: int | None = None, **kw: int | None) -> RecordView:
    return rec(
        "effect_measurement",
        f"e-{year}-{kw.get('c', 'c1')}",
        company_id=kw.pop("c", "c1") or "c1",
        year=year,
        turnover_ore=turnover,
        **kw,
    )


def test_target_is_the_rule() -> None:
    assert TARGET_GROWTH_PERCENT_PER_YEAR == 10
    assert fx.TARGET_GROWTH_BP == 1000


def test_exactly_ten_percent_a_year_meets_the_target() -> None:
    # 100 → 110 → 121 → 133,1: exactly 10 % a year over 1, 2 and 3 years
    for years, latest in ((1, 110 * MIO), (2, 121 * MIO), (3, 1331 * MIO // 10)):
        assert meets_growth(100 * MIO, latest, years)
        assert growth_bp(100 * MIO, latest, years) == 1000
        assert not meets_growth(100 * MIO, latest - 1, years)
        assert growth_bp(100 * MIO, latest - 1, years) == 999


def test_growth_is_rounded_down_and_handles_edges() -> None:
    assert growth_bp(100, 100, 1) == 0
    assert growth_bp(100, 50, 1) == -5000
    assert growth_bp(100, 0, 2) == -10000
    assert growth_bp(0, 100, 1) is None  # no positive baseline: no growth, never "0 %"
    assert growth_bp(None, 100, 1) is None
    assert growth_bp(100, 200, 0) is None
    assert growth_bp(100, 400, 2) == 10000  # doubling each year


def test_baseline_is_the_year_before_the_first_join() -> None:
    e = company_effects([], joined=at("2024-06-01"))
    assert (e.baseline_year, e.automatic_year, e.stored_year) == (2023, 2023, None)
    # New Year's night in Denmark (UTC+1): 31 Dec 23:30 UTC is already 2025 there
    late = dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert company_effects([], joined=late).baseline_year == 2024
    stored = company_effects([], joined=at("2024-06-01"), stored_year=2021)
    assert (stored.baseline_year, stored.automatic_year) == (2021, 2023)
    assert "automatisk ville det være 2023" in str(stored.baseline_note())
    assert company_effects([]).baseline_year is None
    assert company_effects([], stored_year=1200).baseline_year is None  # not a year we keep


def test_growth_per_year_and_compound_growth_with_a_missing_year() -> None:
    figures = [
        YearFigures(2022, 90 * MIO),
        YearFigures(2023, 100 * MIO, 40 * MIO, 0, 20),
        # 2024 missing altogether
        YearFigures(2025, 121 * MIO, None, 10 * MIO, 26),
        YearFigures(2026, None, 50 * MIO, None, None),
    ]
    e = company_effects(figures, joined=at("2024-02-01"))
    assert e.baseline_year == 2023
    rows = {r.year: r for r in e.rows}
    assert rows[2023].growth_bp["turnover_ore"] == 1111  # 90 → 100
    assert rows[2025].growth_bp["turnover_ore"] == 1000  # 100 → 121 over two years: 10 % a year
    assert rows[2025].employees_change == 6
    assert rows[2026].growth_bp["value_added_ore"] == growth_bp(40 * MIO, 50 * MIO, 3)
    turnover = e.metrics["turnover_ore"]
    assert (turnover.latest_year, turnover.cagr_bp, turnover.met) == (2025, 1000, True)
    value_added = e.metrics["value_added_ore"]
    assert value_added.latest_year == 2026 and value_added.met is False  # 25 % in three years
    export = e.metrics["export_ore"]
    assert export.cagr_bp is None and export.met is None  # no export at the baseline: uden tal
    assert e.employees_change == 6
    assert e.met is False  # value added lags
    assert "ikke nået" in str(e.summary())


def test_a_company_without_baseline_figures_is_without_figures_not_zero() -> None:
    e = company_effects([YearFigures(2025, 121 * MIO)], joined=at("2024-02-01"))
    assert not e.measured and e.met is None
    assert all(m.cagr_bp is None for m in e.metrics.values())
    assert "Uden tal" in str(e.summary())


def programme() -> list[RecordView]:
    est = [("candidate", "2024-01-10"), ("stage_1", "2024-02-01")]
    return [
        network("n1", "Alfa", [*est, ("stage_2", "2024-09-01")]),
        network("n2", "Beta", est),
        network("n3", "Gamma (kandidat)", [("candidate", "2024-01-10")]),
        rec("company", "c1", cvr="11111111", focus_area="food"),
        rec("company", "c2", cvr="22222222", focus_area="food"),
        rec("company", "c3", cvr="33333333", focus_area="energy_environment", baseline_year=2022),
        rec("company", "c4", cvr="44444444"),
        rec("membership", "m1", "2024-01-15", network_id="n1", company_id="c1"),
        rec("membership", "m1b", "2025-05-01", network_id="n2", company_id="c1"),
        rec("membership", "m2", "2024-01-15", network_id="n1", company_id="c2"),
        rec("membership", "m3", "2024-01-15", network_id="n2", company_id="c3"),
        rec("membership", "m4", "2024-01-15", network_id="n3", company_id="c4"),  # not established
        # c1: exactly 10 % a year; c2: 20 % a year; c3: baseline 2022, 0 %; nothing for c4
        fig(2023, 100 * MIO, c="c1", employees=10),
        fig(2025, 121 * MIO, c="c1", employees=14),
        fig(2023, 100 * MIO, c="c2", employees=5),
        fig(2024, 120 * MIO, c="c2", employees=4),
        fig(2022, 50 * MIO, c="c3"),
        fig(2025, 50 * MIO, c="c3"),
        fig(2023, 50 * MIO, c="c4"),
        fig(2025, 90 * MIO, c="c4"),
    ]


def test_participants_and_programme_effects() -> None:
    records = programme()
    people = {p.cvr: p for p in fx.participants(records)}
    assert set(people) == {"11111111", "22222222", "33333333"}  # c4's network never reached trin 1
    c1 = people["11111111"]
    assert [name for _, name in c1.networks] == ["Alfa", "Beta"]
    assert c1.joined == at("2024-01-15") and c1.stage_reached == "stage_2"
    assert people["33333333"].effects.baseline_year == 2022
    out = fx.programme_effects(records)
    total = out["total"]
    turnover = total["metrics"]["turnover_ore"]
    assert turnover["companies"] == 3 and turnover["without_figures"] == 0
    assert turnover["median_cagr_bp"] == 1000
    assert turnover["met"] == 2 and turnover["met_share_bp"] == 6666
    assert total["metrics"]["export_ore"]["without_figures"] == 3
    assert total["employees"] == {"companies": 2, "change": 3}
    alfa = out["networks"]["n1"]
    assert alfa["name"] == "Alfa" and alfa["metrics"]["turnover_ore"]["median_cagr_bp"] == 1500
    assert "n3" not in out["networks"]
    food = out["focus_areas"]["food"]
    assert food["companies"] == 2 and food["metrics"]["turnover_ore"]["met_share_bp"] == 10000
    assert out["focus_areas"]["energy_environment"]["metrics"]["turnover_ore"]["met"] == 0
    bins = out["distribution"]
    assert sum(bins["counts"]["turnover_ore"]) == 3
    assert bins["counts"]["turnover_ore"][2] == 1  # 0 % in 0-5 %


def answers(scores: list[int], year: str = "2025") -> list[RecordView]:
    return [
        rec(
            "satisfaction",
            f"s{i}",
            "2026-01-05",
            company_id="c1",
            network_id="n1",
            score=s,
            answered_on=f"{year}-06-01",
        )
        for i, s in enumerate(scores)
    ]


def test_satisfaction_at_exactly_80_percent_meets_the_target() -> None:
    assert TARGET_SATISFIED_PERCENT == 80
    out = fx.satisfaction(answers([5, 4, 4, 4, 1]))
    assert (out["responses"], out["satisfied"], out["share_bp"], out["met"]) == (5, 4, 8000, True)
    assert out["by_year"]["2025"]["met"] is True
    below = fx.satisfaction(answers([5, 4, 4, 3, 1]))
    assert below["share_bp"] == 6000 and below["met"] is False
    assert fx.satisfaction([])["met"] is False and fx.satisfaction([])["share_bp"] is None


def test_satisfaction_falls_back_to_the_year_stored() -> None:
    no_date = [rec("satisfaction", "s", "2026-03-05", score=5)]
    out = fx.satisfaction(no_date)
    assert list(out["by_year"]) == ["2026"]
    assert fx.satisfaction([rec("satisfaction", "s", score=9)])["responses"] == 0  # out of range


def test_export_table_columns() -> None:
    table = fx.export_table(fx.participants(programme()))
    assert table.header[:5] == ["CVR", "Netværk", "Tilmeldt", "Trin nået", "Basisår"]
    assert "Omsætning 2023" in table.header and "Ansatte 2025" in table.header
    assert table.cvrs == ["11111111", "22222222", "33333333"]
    main, cvrs = fx.export_files(table)
    assert main.startswith(b"\xef\xbb\xbf") and cvrs.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(main.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == table.header
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["CVR"] == "11111111" and row["Netværk"] == "Alfa, Beta"
    assert row["Basisår"] == "2023" and row["Omsætning 2023"] == "100000000,00"
    assert row["Årlig vækst omsætning siden basisår %"] == "10"
    assert row["Mål 10 % nået"] == "ja"
    assert cvrs.decode("utf-8-sig").split() == ["CVR", "11111111", "22222222", "33333333"]
    assert fx.cvr_file_name("effekter.csv") == "effekter-cvr.csv"
