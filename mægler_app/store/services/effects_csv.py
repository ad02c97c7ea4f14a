"""Key figures from CSV, several years and companies at once (issue 19): figures arrive from annual
reports in batches.

``CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte``, ``;``-separated as Danish Excel writes it (the
encodings of the company import, ``csv_io.decode``), amounts in kroner the Danish way
(``12.500.000`` or ``12.500.000,50``, ``kr.`` allowed) read by ``domain.numbers`` into øre. As the
company import: a plan first, every bad line named by its number and why; only a plan without bad
lines is written, in one transaction, so a file goes in whole or not at all. A line for a year the
company already has updates that year; an empty cell leaves the figure as it was.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from sqlalchemy import select

from ...domain.changes import Changes
from ...domain.cvr import CvrError, format_cvr, normalize_cvr
from ...domain.errors import DomainError
from ...domain.messages import Message, Msg
from ..db import Store
from ..models import Company, EffectMeasurement
from .companies import KeyFigures, parse_key_figures
from .csv_io import CsvFileError, RowProblem, open_table

# CSV header → KeyFigures field, in the file's order.
COLUMNS: dict[str, str] = {
    "CVR": "cvr",
    "År": "year",
    "Omsætning": "turnover_ore",
    "Værditilvækst": "value_added_ore",
    "Eksport": "export_ore",
    "Ansatte": "employees",
}
REQUIRED = ("CVR", "År")
FIGURES = ("turnover_ore", "value_added_ore", "export_ore", "employees")
_ALIASES = {
    "cvr-nummer": "CVR",
    "cvr nr": "CVR",
    "cvrnr": "CVR",
    "cvr-nr": "CVR",
    "aar": "År",
    "årstal": "År",
    "regnskabsår": "År",
    "omsaetning": "Omsætning",
    "omsætning (kr.)": "Omsætning",
    "vaerditilvaekst": "Værditilvækst",
    "værditilvækst (kr.)": "Værditilvækst",
    "eksport (kr.)": "Eksport",
    "antal ansatte": "Ansatte",
}


@dataclass(frozen=True)
class PlannedFigures:
    line: int
    company_id: str
    cvr: str
    figures: KeyFigures
    given: frozenset[str]  # the figures the line has a value for
    existing_id: str | None  # the company's record of that year, if it has one


@dataclass
class FiguresPlan:
    encoding: str
    rows: list[PlannedFigures] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def companies(self) -> int:
        return len({r.company_id for r in self.rows})

    def summary_message(self) -> Message:
        if self.problems:
            return Msg.CSV_ROWS_WITH_PROBLEMS(n=len(self.problems))
        if not self.rows:
            return Msg.EFFECTS_CSV_NO_ROWS()
        new = sum(1 for r in self.rows if r.existing_id is None)
        return Msg.EFFECTS_CSV_READY(
            n=len(self.rows), companies=self.companies, new=new, updated=len(self.rows) - new
        )

    def summary(self) -> str:
        return str(self.summary_message())


def _canonical(cell: str) -> str | None:
    low = cell.strip().strip('"').strip().lower()
    for name in COLUMNS:
        if low == name.lower():
            return name
    return _ALIASES.get(low)


def read_plan(store: Store, raw: bytes) -> FiguresPlan:
    """Check every line of a key-figure CSV; nothing is written."""
    table = open_table(raw, Msg.EFFECTS_CSV_NO_ROWS(), _canonical)
    reader, header, encoding, header_line = table.reader, table.header, table.encoding, table.header_line
    positions, ignored, skipped = table.positions, table.ignored, table.skipped
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            raise CsvFileError(Msg.CSV_NOT_SEMICOLONS())
        raise CsvFileError(Msg.EFFECTS_CSV_HEADER_MISSING(line=header_line, missing=";".join(missing)))
    plan = FiguresPlan(encoding=encoding, ignored_columns=ignored)
    with store.session() as s:
        registered: dict[str, str] = {
            cvr: id_
            for cvr, id_ in s.execute(select(Company.cvr, Company.id).where(Company.deleted.is_(False)))
        }
        existing: dict[tuple[str, int], str] = {
            (company_id, year): id_
            for id_, company_id, year in s.execute(
                select(EffectMeasurement.id, EffectMeasurement.company_id, EffectMeasurement.year).where(
                    EffectMeasurement.deleted.is_(False)
                )
            )
        }
    seen: dict[tuple[str, int], int] = {}
    while True:
        line = reader.line_num + 1 + skipped
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            plan.problems.append(RowProblem(line, [str(Msg.CSV_ROW_UNREADABLE(reason=str(exc)))]))
            break
        if not "".join(cells).strip():
            continue
        fields = {COLUMNS[n]: (cells[p].strip() if p < len(cells) else "") for n, p in positions.items()}
        reasons: list[str] = []
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            reasons.append(str(Msg.CSV_ROW_TOO_MANY_FIELDS(cells=len(cells), header=len(header))))
        cvr = ""
        try:
            cvr = normalize_cvr(fields["cvr"])
        except CvrError as exc:
            reasons.append(str(exc))
        company_id = registered.get(cvr) if cvr else None
        if cvr and company_id is None:
            reasons.append(str(Msg.EFFECTS_CSV_UNKNOWN_CVR(cvr=format_cvr(cvr))))
        figures: KeyFigures | None = None
        try:
            figures = parse_key_figures(
                fields["year"],
                fields.get("turnover_ore", ""),
                fields.get("value_added_ore", ""),
                fields.get("export_ore", ""),
                fields.get("employees", ""),
            )
        except DomainError as exc:
            reasons.append(str(exc))
        given = frozenset(k for k in FIGURES if fields.get(k))
        if figures is not None and not given:
            reasons.append(str(Msg.EFFECTS_CSV_ROW_EMPTY()))
        if figures is not None and cvr:
            key = (cvr, figures.year)
            if key in seen:
                reasons.append(
                    str(Msg.EFFECTS_CSV_YEAR_TWICE(cvr=format_cvr(cvr), year=figures.year, line=seen[key]))
                )
            else:
                seen[key] = line
        if reasons or figures is None or company_id is None:
            plan.problems.append(RowProblem(line, reasons, cvr=fields.get("cvr", "")))
            continue
        plan.rows.append(
            PlannedFigures(line, company_id, cvr, figures, given, existing.get((company_id, figures.year)))
        )
    return plan


@dataclass(frozen=True)
class FiguresResult:
    created: int
    updated: int
    companies: int

    def message(self) -> Message:
        return Msg.EFFECTS_CSV_IMPORTED(n=self.created + self.updated, companies=self.companies)

    @property
    def changes(self) -> Changes:
        """What the import changed, for the views to refresh by."""
        return Changes.of("effect_measurement") if self.created or self.updated else Changes.NONE


def apply_plan(store: Store, plan: FiguresPlan) -> FiguresResult:
    """Write a plan without bad lines in one transaction (all or nothing)."""
    if plan.problems:
        raise DomainError(plan.summary_message())
    if not plan.rows:
        raise DomainError(Msg.EFFECTS_CSV_NO_ROWS())
    created = updated = 0
    with store.session() as s:
        records = {
            r.id: r
            for r in s.scalars(
                select(EffectMeasurement).where(
                    EffectMeasurement.id.in_([p.existing_id for p in plan.rows if p.existing_id])
                )
            )
        }
        for row in plan.rows:
            rec = records.get(row.existing_id or "")
            if rec is None or rec.deleted:
                s.add(
                    EffectMeasurement(
                        company_id=row.company_id,
                        year=row.figures.year,
                        **{k: getattr(row.figures, k) for k in row.given},
                    )
                )
                created += 1
                continue
            for key in row.given:
                value = getattr(row.figures, key)
                if getattr(rec, key) != value:
                    setattr(rec, key, value)
            updated += 1
    return FiguresResult(created, updated, plan.companies)


def import_file(store: Store, raw: bytes) -> tuple[FiguresPlan, FiguresResult | None]:
    """Plan and, if every line is good, apply."""
    plan = read_plan(store, raw)
    if not plan.ok:
        return plan, None
    return plan, apply_plan(store, plan)
