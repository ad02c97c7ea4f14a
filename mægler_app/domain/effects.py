"""Effects: what the programme promises (≥ 10 % growth a year, ≥ 80 % satisfied), measured (issue 19).

Pure, like ``figures``: the laptop feeds it what it holds, the server what it stores; the company
page, the network page, the caseworker's effects view, ``/stats``' ``effects`` section, the
export for Danmarks Statistik and the reports all read their figures from here.

**Baseline year.** The last full calendar year before the company joined its first network, a join
being a membership's creation in a network that reached trin 1 (at any time: closing it later takes
nothing away). A join in 2024 gives the baseline 2023. A company's own ``baseline_year`` overrides
the automatic choice. The creation time is the caller's: the server's ``created_at``; a laptop,
which keeps no creation time, passes the membership's last change (for a membership that is its
creation unless its role was changed since).

**Growth.** For turnover, value added and export: the compound annual growth rate (CAGR) from the
baseline year to the latest year after it with a figure, ``(latest / baseline) ** (1 / years) - 1``,
so a missing year in between costs nothing; growth per year is against the previous year that has
a figure, annualised over a gap. Growth is kept in whole basis points, rounded down (so 9,999 %
never shows as 10 %), and whether the target is met is decided exactly in integers:
``latest * 100**n >= baseline * (100 + TARGET_GROWTH_PERCENT_PER_YEAR)**n``, so exactly 10 % a year
meets it. A key figure without a positive baseline figure, or without a later year, has no
growth: the company is counted »uden tal« for it, never as zero growth. Employees: the change in
persons from the baseline year to the latest year with a head count.

A company meets the target when each of the three key figures it has a growth for grows at
least ``TARGET_GROWTH_PERCENT_PER_YEAR`` a year (and it has at least one).

**Satisfaction.** A score 1-5 per answer, 4-5 satisfied; per year of ``answered_on`` (else the
year the record was stored); the share is met when ``satisfied * 100 >= target * answers``, so
exactly 80 % meets it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .figures import SATISFIED_MIN_SCORE, RecordView, danish_year, network_milestones
from .messages import Message, Msg
from .numbers import format_date_numeric, format_int, format_kr, format_percent_bp
from .programme import FUNNEL_STAGES, _path, reached_rank
from .rules import TARGET_GROWTH_PERCENT_PER_YEAR, TARGET_SATISFIED_PERCENT
from .stages import Move, stage_label
from .vocab import FocusArea

BP_PER_PERCENT = 100
FULL_BP = 100 * BP_PER_PERCENT
TARGET_GROWTH_BP = TARGET_GROWTH_PERCENT_PER_YEAR * BP_PER_PERCENT

# The three key figures whose growth the programme promises, in the order they are shown.
METRICS: tuple[str, ...] = ("turnover_ore", "value_added_ore", "export_ore")
METRIC_NAMES: dict[str, Message] = {
    "turnover_ore": Msg.EFFECTS_TURNOVER(),
    "value_added_ore": Msg.EFFECTS_VALUE_ADDED(),
    "export_ore": Msg.EFFECTS_EXPORT(),
}
# The growth distribution's bins, in basis points a year: [low, high) with None for open ends.
DISTRIBUTION_EDGES: tuple[int, ...] = (-1000, 0, 500, 1000, 2000)

# A baseline year a person may store: the same range as a key figure's year (domain.schema).
FIRST_YEAR = 1990
LAST_YEAR = 2100


# -- one company --------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    """One year's key figures of a company (øre; employees in persons); None: not known."""

    year: int
    turnover_ore: int | None = None
    value_added_ore: int | None = None
    export_ore: int | None = None
    employees: int | None = None

    def get(self, metric: str) -> int | None:
        value = getattr(self, metric)
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def year_figures(data: Mapping[str, Any]) -> YearFigures | None:
    """An ``effect_measurement`` record's data as YearFigures (None without a whole year)."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return None

    def whole(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    return YearFigures(
        year, whole("turnover_ore"), whole("value_added_ore"), whole("export_ore"), whole("employees")
    )


def growth_text(bp: int | None) -> str:
    """Growth as the pages show it: ``+10 %``, ``−2,5 %``, ``0 %``; None → ``–`` (uden tal)."""
    if bp is None:
        return "–"
    sign = "+" if bp > 0 else "−" if bp < 0 else ""
    return sign + format_percent_bp(abs(bp))


def bin_text(low: int | None, high: int | None) -> str:
    """A growth distribution bin, short enough for a chart's axis: ``< −10 %``, ``5–10 %``, ``≥ 20 %``."""

    def number(bp: int) -> str:
        return ("−" if bp < 0 else "") + format_percent_bp(abs(bp), suffix=False)

    if low is None and high is not None:
        return f"< {number(high)} %"
    if high is None and low is not None:
        return f"≥ {number(low)} %"
    if low is None or high is None:
        return ""
    return f"{number(low)}–{number(high)} %"


def change_text(n: int | None) -> str:
    """A change in persons: ``+3``, ``−1``, ``0``; None → ``–``."""
    if n is None:
        return "–"
    return ("+" if n > 0 else "−" if n < 0 else "") + format_int(abs(n))


def meets_growth(
    base: int, latest: int, years: int, target_percent: int = TARGET_GROWTH_PERCENT_PER_YEAR
) -> bool:
    """Whether ``base`` → ``latest`` over ``years`` years is at least ``target_percent`` a year,
    decided in integers: ``latest / base >= (1 + target/100) ** years``."""
    if base <= 0 or years <= 0:
        return False
    return bool(latest * 100**years >= base * (100 + target_percent) ** years)


def _at_least(base: int, latest: int, years: int, bp: int) -> bool:
    # latest / base >= (1 + bp / 10000) ** years, exactly
    return bool(latest * FULL_BP**years >= base * (FULL_BP + bp) ** years)


def growth_bp(base: int | None, latest: int | None, years: int) -> int | None:
    """Compound growth a year from ``base`` to ``latest`` over ``years`` years, in whole basis
    points rounded down; None when it cannot be computed (no positive base, a negative latest
    figure, no years between)."""
    if base is None or latest is None or years <= 0 or base <= 0 or latest < 0:
        return None
    if latest == 0:
        return -FULL_BP
    try:
        guess: int = math.floor(((latest / base) ** (1 / years) - 1) * FULL_BP)
    except OverflowError:
        return None
    guess = max(guess, -FULL_BP)
    # The float is a guess; the integers decide (the largest bp with (1 + bp)^n <= ratio).
    while _at_least(base, latest, years, guess + 1):
        guess += 1
    while guess > -FULL_BP and not _at_least(base, latest, years, guess):
        guess -= 1
    return guess


@dataclass(frozen=True)
class MetricEffect:
    """One key figure's growth against the baseline: ``cagr_bp`` None means »uden tal«."""

    metric: str
    base: int | None
    latest_year: int | None
    latest: int | None
    cagr_bp: int | None
    met: bool | None  # None: no growth to judge


@dataclass(frozen=True)
class YearRow:
    """A year's figures with the growth against the previous year that has the figure."""

    figures: YearFigures
    growth_bp: dict[str, int | None]
    employees_change: int | None

    @property
    def year(self) -> int:
        return self.figures.year


@dataclass(frozen=True)
class CompanyEffects:
    baseline_year: int | None
    automatic_year: int | None  # the baseline chosen from the company's first join
    stored_year: int | None  # the company's own baseline_year, if any
    rows: list[YearRow]
    metrics: dict[str, MetricEffect]
    employees_base: int | None
    employees_latest: int | None
    employees_change: int | None

    @property
    def measured(self) -> bool:
        """Whether any of the three key figures has a growth against the baseline."""
        return any(m.cagr_bp is not None for m in self.metrics.values())

    @property
    def met(self) -> bool | None:
        """Every key figure with a growth at the target (None: »uden tal«)."""
        judged = [m.met for m in self.metrics.values() if m.met is not None]
        return all(judged) if judged else None

    def summary(self) -> Message:
        """One sentence for the company page: the baseline and whether the target is met."""
        if self.baseline_year is None:
            return Msg.EFFECTS_NO_BASELINE()
        if not self.measured:
            return Msg.EFFECTS_NO_FIGURES(year=self.baseline_year)
        if self.met:
            return Msg.EFFECTS_TARGET_MET(year=self.baseline_year, target=TARGET_GROWTH_PERCENT_PER_YEAR)
        return Msg.EFFECTS_TARGET_NOT_MET(year=self.baseline_year, target=TARGET_GROWTH_PERCENT_PER_YEAR)

    def baseline_note(self) -> Message:
        if self.stored_year is not None:
            if self.automatic_year is not None and self.automatic_year != self.stored_year:
                return Msg.EFFECTS_BASELINE_STORED_AUTO(year=self.stored_year, auto=self.automatic_year)
            return Msg.EFFECTS_BASELINE_STORED(year=self.stored_year)
        if self.automatic_year is not None:
            return Msg.EFFECTS_BASELINE_AUTO(year=self.automatic_year)
        return Msg.EFFECTS_NO_BASELINE()


def baseline_from_join(joined: dt.datetime | None) -> int | None:
    """The last full calendar year before a join (a Danish calendar's year of ``joined``, minus 1)."""
    return None if joined is None else danish_year(joined) - 1


def stored_baseline(value: Any) -> int | None:
    """A company's stored ``baseline_year`` if it is a usable year, else None."""
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    return None


def company_effects(
    figures: Iterable[YearFigures], *, joined: dt.datetime | None = None, stored_year: Any = None
) -> CompanyEffects:
    """A company's growth against its baseline: ``joined`` is its first join (None: none yet),
    ``stored_year`` the company's own ``baseline_year`` (None: automatic)."""
    by_year = {f.year: f for f in figures}
    years = sorted(by_year)
    automatic = baseline_from_join(joined)
    stored = stored_baseline(stored_year)
    baseline = stored if stored is not None else automatic

    rows: list[YearRow] = []
    previous: dict[str, tuple[int, int]] = {}  # metric → (year, value) of the last year with it
    for y in years:
        f = by_year[y]
        growth: dict[str, int | None] = {}
        for metric in METRICS:
            value = f.get(metric)
            before = previous.get(metric)
            growth[metric] = (
                growth_bp(before[1], value, y - before[0])
                if before is not None and value is not None
                else None
            )
            if value is not None:
                previous[metric] = (y, value)
        emp = f.get("employees")
        before_emp = previous.get("employees")
        rows.append(YearRow(f, growth, None if emp is None or before_emp is None else emp - before_emp[1]))
        if emp is not None:
            previous["employees"] = (y, emp)

    metrics: dict[str, MetricEffect] = {}
    for metric in METRICS:
        base = by_year[baseline].get(metric) if baseline in by_year else None
        later = [
            y for y in years if baseline is not None and y > baseline and by_year[y].get(metric) is not None
        ]
        latest_year = later[-1] if later else None
        latest = by_year[latest_year].get(metric) if latest_year is not None else None
        cagr = (
            growth_bp(base, latest, latest_year - baseline)
            if baseline is not None and latest_year is not None
            else None
        )
        met = (
            meets_growth(base, latest, latest_year - baseline)  # type: ignore[arg-type, operator]
            if cagr is not None
            else None
        )
        metrics[metric] = MetricEffect(metric, base, latest_year, latest, cagr, met)

    emp_base = by_year[baseline].get("employees") if baseline in by_year else None
    emp_later = [
        y for y in years if baseline is not None and y > baseline and by_year[y].get("employees") is not None
    ]
    emp_latest = by_year[emp_later[-1]].get("employees") if emp_later else None
    return CompanyEffects(
        baseline_year=baseline,
        automatic_year=automatic,
        stored_year=stored,
        rows=rows,
        metrics=metrics,
        employees_base=emp_base,
        employees_latest=emp_latest,
        employees_change=None if emp_base is None or emp_latest is None else emp_latest - emp_base,
    )


# -- the programme's participants -------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    """A company in at least one network that reached trin 1, with its effects."""

    company_id: str
    cvr: str
    focus_area: str
    networks: list[tuple[str, str]]  # (id, name) of its established networks, by name
    joined: dt.datetime
    stage_reached: str  # the furthest stage any of its networks reached
    effects: CompanyEffects


def _key(record: RecordView) -> str:
    cvr = record.data.get("cvr")
    return cvr if isinstance(cvr, str) and cvr else record.id


def participants(
    records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> list[Participant]:
    """Every live company that is a live member of a network that reached trin 1, by CVR.

    Records as ``figures.programme_figures`` reads them, with ``effect_measurement`` records too;
    ``history`` as there (network id → the server's moves; None: each network's stage_history).
    """
    live = [r for r in records if not r.deleted]
    companies: dict[str, RecordView] = {}
    networks: dict[str, RecordView] = {}
    memberships: list[RecordView] = []
    measured: dict[str, list[YearFigures]] = defaultdict(list)
    for r in live:
        if r.entity == "company":
            companies[r.id] = r
        elif r.entity == "network":
            networks[r.id] = r
        elif r.entity == "membership":
            memberships.append(r)
        elif r.entity == "effect_measurement":
            company_id = r.data.get("company_id")
            f = year_figures(r.data)
            if isinstance(company_id, str) and f is not None:
                measured[company_id].append(f)

    established: dict[str, tuple[str, int]] = {}  # network id → (name, furthest rank)
    for r in networks.values():
        if network_milestones(r, None if history is None else history.get(r.id, ())).established is None:
            continue
        name = r.data.get("name")
        established[r.id] = (name if isinstance(name, str) else "", reached_rank(_path(r, history)))

    joins: dict[str, list[tuple[dt.datetime, str]]] = defaultdict(list)
    for m in memberships:
        company_id, network_id = m.data.get("company_id"), m.data.get("network_id")
        if isinstance(company_id, str) and company_id in companies and network_id in established:
            joins[company_id].append((m.created_at, str(network_id)))

    out: list[Participant] = []
    for company_id, items in joins.items():
        company = companies[company_id]
        joined = min(at for at, _ in items)
        network_ids = sorted({nid for _, nid in items}, key=lambda nid: (established[nid][0].casefold(), nid))
        rank = max(established[nid][1] for nid in network_ids)
        area = company.data.get("focus_area")
        area = area if area in {a.value for a in FocusArea} else FocusArea.OTHER.value
        figures_of = measured.get(company_id, [])
        out.append(
            Participant(
                company_id=company_id,
                cvr=_key(company),
                focus_area=str(area),
                networks=[(nid, established[nid][0]) for nid in network_ids],
                joined=joined,
                stage_reached=str(FUNNEL_STAGES[rank]),
                effects=company_effects(
                    figures_of, joined=joined, stored_year=company.data.get("baseline_year")
                ),
            )
        )
    out.sort(key=lambda p: (p.cvr, p.company_id))
    return out


def first_join(
    company_id: str, records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> dt.datetime | None:
    """When ``company_id`` first joined a network that reached trin 1 (None: never)."""
    found = [p.joined for p in participants(records, history) if p.company_id == company_id]
    return found[0] if found else None


# -- aggregates -------------------------------------------------------------------------------------


def median_bp(values: Sequence[int]) -> int | None:
    """The median of whole basis points (of two middle values their mean, rounded down)."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) // 2


def share_bp(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in whole basis points, rounded down (None of nothing)."""
    return None if whole <= 0 else part * FULL_BP // whole


def _group(people: Sequence[Participant]) -> dict[str, Any]:
    """The growth figures of a group of participants (the programme, a network, a focus area)."""
    metrics: dict[str, Any] = {}
    for metric in METRICS:
        values = [p.effects.metrics[metric].cagr_bp for p in people]
        measured = [v for v in values if v is not None]
        met = sum(1 for p in people if p.effects.metrics[metric].met)
        metrics[metric] = {
            "companies": len(measured),
            "without_figures": len(values) - len(measured),
            "median_cagr_bp": median_bp(measured),
            "met": met,
            "met_share_bp": share_bp(met, len(measured)),
        }
    judged = [p for p in people if p.effects.met is not None]
    met = sum(1 for p in judged if p.effects.met)
    changes = [p.effects.employees_change for p in people if p.effects.employees_change is not None]
    return {
        "companies": len(people),
        "measured": len(judged),
        "without_figures": len(people) - len(judged),
        "met": met,
        "met_share_bp": share_bp(met, len(judged)),
        "metrics": metrics,
        "employees": {"companies": len(changes), "change": sum(changes)},
    }


def distribution(people: Sequence[Participant]) -> dict[str, Any]:
    """How many participants' growth a year falls in each bin of DISTRIBUTION_EDGES, per key figure."""
    bins = [
        {"low_bp": low, "high_bp": high}
        for low, high in zip((None, *DISTRIBUTION_EDGES), (*DISTRIBUTION_EDGES, None), strict=True)
    ]
    counts: dict[str, list[int]] = {}
    for metric in METRICS:
        row = [0] * len(bins)
        for p in people:
            value = p.effects.metrics[metric].cagr_bp
            if value is None:
                continue
            row[sum(1 for edge in DISTRIBUTION_EDGES if value >= edge)] += 1
        counts[metric] = row
    return {"bins": bins, "counts": counts}


def _answer_year(r: RecordView) -> int:
    answered = r.data.get("answered_on")
    if isinstance(answered, str) and len(answered) >= 4:
        try:
            return dt.date.fromisoformat(answered[:10]).year
        except ValueError:
            pass
    return danish_year(r.created_at)


def _satisfaction_share(answers: int, satisfied: int) -> dict[str, Any]:
    return {
        "responses": answers,
        "satisfied": satisfied,
        "share_bp": share_bp(satisfied, answers),
        "target_percent": TARGET_SATISFIED_PERCENT,
        "met": answers > 0 and satisfied * 100 >= TARGET_SATISFIED_PERCENT * answers,
    }


def satisfaction(records: Iterable[RecordView]) -> dict[str, Any]:
    """Satisfied answers (score ≥ 4) overall and per year against TARGET_SATISFIED_PERCENT."""
    years: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        if r.entity != "satisfaction" or r.deleted:
            continue
        score = r.data.get("score")
        if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
            continue
        tally = years[_answer_year(r)]
        tally[0] += 1
        tally[1] += score >= SATISFIED_MIN_SCORE
    total = [sum(t[0] for t in years.values()), sum(t[1] for t in years.values())]
    return {
        **_satisfaction_share(*total),
        "by_year": {str(y): _satisfaction_share(*years[y]) for y in sorted(years)},
    }


def programme_effects(
    records: Iterable[RecordView], history: Mapping[str, Sequence[Move]] | None = None
) -> dict[str, Any]:
    """The programme's effects as plain JSON values (``/stats``' ``effects``, the desk's view)."""
    records = list(records)
    people = participants(records, history)
    by_network: dict[str, list[Participant]] = defaultdict(list)
    names: dict[str, str] = {}
    by_area: dict[str, list[Participant]] = defaultdict(list)
    for p in people:
        by_area[p.focus_area].append(p)
        for nid, name in p.networks:
            by_network[nid].append(p)
            names[nid] = name
    networks = {nid: {"name": names[nid], **_group(group)} for nid, group in by_network.items()}
    return {
        "target_growth_percent": TARGET_GROWTH_PERCENT_PER_YEAR,
        "total": _group(people),
        "distribution": distribution(people),
        "satisfaction": satisfaction(records),
        "networks": dict(sorted(networks.items(), key=lambda kv: (str(kv[1]["name"]).casefold(), kv[0]))),
        "focus_areas": {a.value: _group(by_area.get(a.value, [])) for a in FocusArea},
    }


# -- the export for Danmarks Statistik --------------------------------------------------------------

EXPORT_METRIC_HEADINGS: dict[str, str] = {
    "turnover_ore": "Omsætning",
    "value_added_ore": "Værditilvækst",
    "export_ore": "Eksport",
}


@dataclass(frozen=True)
class ExportTable:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    cvrs: list[str] = field(default_factory=list)


def _kr(value: int | None) -> str:
    return "" if value is None else format_kr(value, suffix=False, grouping=False)


def _pct(bp: int | None) -> str:
    return "" if bp is None else format_percent_bp(bp, suffix=False).replace(".", "")


def export_table(people: Sequence[Participant]) -> ExportTable:
    """One row per participating company: CVR, networks, join date, stage reached, baseline year,
    each year's key figures with the growth against the year before, then the growth against the
    baseline. Amounts in kroner with a decimal comma and no grouping, growth in percent, so Danish
    Excel reads them as numbers. No names of persons: the company's CVR number is its key."""
    years = sorted({row.year for p in people for row in p.effects.rows})
    header = ["CVR", "Netværk", "Tilmeldt", "Trin nået", "Basisår"]
    for y in years:
        for name in EXPORT_METRIC_HEADINGS.values():
            header.append(f"{name} {y}")
            header.append(f"Vækst {name.lower()} {y} %")
        header.append(f"Ansatte {y}")
    for name in EXPORT_METRIC_HEADINGS.values():
        header.append(f"Årlig vækst {name.lower()} siden basisår %")
    header += ["Ændring ansatte siden basisår", f"Mål {TARGET_GROWTH_PERCENT_PER_YEAR} % nået"]
    table = ExportTable(header)
    for p in people:
        e = p.effects
        by_year = {row.year: row for row in e.rows}
        cells = [
            p.cvr,
            ", ".join(name for _, name in p.networks),
            format_date_numeric(p.joined),
            stage_label(p.stage_reached, "da"),  # the file is Danish, as its headings
            "" if e.baseline_year is None else str(e.baseline_year),
        ]
        for y in years:
            row = by_year.get(y)
            for metric in EXPORT_METRIC_HEADINGS:
                cells.append(_kr(row.figures.get(metric)) if row else "")
                cells.append(_pct(row.growth_bp[metric]) if row else "")
            emp = row.figures.get("employees") if row else None
            cells.append("" if emp is None else str(emp))
        for metric in EXPORT_METRIC_HEADINGS:
            cells.append(_pct(e.metrics[metric].cagr_bp))
        cells.append("" if e.employees_change is None else str(e.employees_change))
        cells.append("" if e.met is None else ("ja" if e.met else "nej"))
        table.rows.append(cells)
        table.cvrs.append(p.cvr)
    return table


BOM = "\ufeff"


def csv_text(header: Sequence[str] | None, rows: Iterable[Sequence[str]]) -> str:
    """``;``-separated CSV text with a BOM first (UTF-8 with BOM, as Danish Excel wants it)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    if header is not None:
        writer.writerow(list(header))
    writer.writerows([list(r) for r in rows])
    return BOM + buf.getvalue()


def export_files(table: ExportTable) -> tuple[bytes, bytes]:
    """(the rows file, the CVR numbers alone) as UTF-8 with BOM bytes."""
    return (
        csv_text(table.header, table.rows).encode("utf-8"),
        csv_text(["CVR"], [[c] for c in table.cvrs]).encode("utf-8"),
    )


def cvr_file_name(name: str) -> str:
    """The second file's name: ``effekter.csv`` → ``effekter-cvr.csv``."""
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-cvr.{ext}" if dot and stem and "/" not in ext and "\\" not in ext else f"{name}-cvr.csv"


__all__ = [
    "METRICS",
    "CompanyEffects",
    "ExportTable",
    "Participant",
    "YearFigures",
    "company_effects",
    "export_table",
    "growth_bp",
    "meets_growth",
    "participants",
    "programme_effects",
]
