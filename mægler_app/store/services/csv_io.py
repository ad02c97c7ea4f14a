"""Companies to and from CSV as Danish Excel writes it: ``;``-separated, UTF-8 (BOM or not) or Windows-1252.

The import is a plan first (``read_plan``): every row checked with the same rules as the editor, each
bad row named by its line number and why. Only a plan without bad rows is applied, in one
transaction, so a file is imported whole or not at all. Rows whose CVR number is already registered
update that company instead of making a twin. (``maegler import`` and ``export`` are in mægler_app.commands.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ...domain.changes import Changes
from ...domain.cvr import format_cvr
from ...domain.errors import DomainError
from ...domain.messages import Message, Msg
from ...domain.vocab import FocusArea
from ...domain.vocab import label as vocab_label
from ..db import Store
from ..models import Company
from ..outbox import insert_new
from .companies import CompanyData, parse_company

# CSV header → CompanyData field, in the order the export writes them.
COLUMNS: dict[str, str] = {
    "CVR": "cvr",
    "Navn": "name",
    "Adresse": "address",
    "Postnr": "postcode",
    "By": "city",
    "Kommune": "municipality",
    "Ansatte": "employees",
    "Fokusområde": "focus_area",
    "Branche": "industry",
    "Videninstitution": "is_knowledge_institution",
}
REQUIRED = ("CVR", "Navn")
# Other spellings people use in their own sheets.
_ALIASES = {
    "cvr-nummer": "CVR",
    "cvr nr": "CVR",
    "cvrnr": "CVR",
    "cvr-nr": "CVR",
    "postnummer": "Postnr",
    "postnr.": "Postnr",
    "fokusomrade": "Fokusområde",
    "antal ansatte": "Ansatte",
    "virksomhed": "Navn",
    "firmanavn": "Navn",
}

CHUNK = 500  # rows per progress step when applying


class CsvFileError(DomainError):
    """The file as a whole cannot be read (encoding, separator, header)."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    reasons: list[str]
    name: str = ""
    cvr: str = ""  # as written in the file

    def message(self) -> str:
        """The line (and the company's name) and every reason, in Danish."""
        row = Msg.CSV_ROW_NAMED(line=self.line, name=self.name) if self.name else Msg.CSV_ROW(line=self.line)
        return " ".join([str(row), *self.reasons])


@dataclass(frozen=True)
class PlannedRow:
    line: int
    data: CompanyData
    existing_id: str | None  # an already registered company this row updates
    warnings: list[str]
    given: frozenset[str]  # the fields the row has a value for (empty cells leave a company alone)


@dataclass
class ImportPlan:
    encoding: str
    header: list[str]
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.existing_id is None)

    @property
    def update_count(self) -> int:
        return len(self.rows) - self.new_count

    def summary(self) -> str:
        return str(self.summary_message())

    def summary_message(self) -> Message:
        if self.problems:
            return Msg.CSV_ROWS_WITH_PROBLEMS(n=len(self.problems))
        if not self.rows:
            return Msg.CSV_NO_COMPANIES()
        return Msg.CSV_READY(n=len(self.rows), new=self.new_count, updated=self.update_count)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    @property
    def changes(self) -> Changes:
        """What the import changed, for the views to refresh by."""
        return Changes.of("company") if self.created or self.updated else Changes.NONE


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) for UTF-8 with or without BOM, else Windows-1252 as Danish Excel saves."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "UTF-8 med BOM"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise CsvFileError(Msg.CSV_NOT_READABLE(byte=exc.start + 1)) from None


def _canonical(header_cell: str) -> str | None:
    cell = header_cell.strip().strip('"').strip()
    low = cell.lower()
    for name in COLUMNS:
        if low == name.lower():
            return name
    return _ALIASES.get(low)


@dataclass
class Table:
    """A ;-separated file opened up to its header: the reader of the rows after it, the header and
    where each known column stands (``positions``), the columns not imported, the encoding, the
    header's line number and the lines passed over before the reader (Excel's "sep=;" hint)."""

    reader: Any  # csv.reader: the rows as lists of cells, with line_num
    header: list[str]
    encoding: str
    header_line: int
    skipped: int
    positions: dict[str, int]
    ignored: list[str]


def open_table(raw: bytes, empty: Message, canonical: Callable[[str], str | None]) -> Table:
    """Decode the file, pass Excel's hint line ("sep=;") and blank lines before the header, and
    read the header by ``canonical`` (a cell → its column's name, or None): the one way every
    CSV import of the app (companies, key figures) opens its file."""
    text, encoding = decode(raw)
    skipped = 0
    if text[:4].lower() == "sep=":
        # Excel's own hint line ("sep=;") comes before the header when a sheet was saved for Excel.
        first, _, text = text.partition("\n")
        if first.strip()[4:5] not in (";", ""):
            raise CsvFileError(Msg.CSV_SEPARATOR_HINT(hint=first.strip()))
        skipped = 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        header = next(reader)
        while header and not "".join(header).strip():
            header = next(reader)
    except StopIteration:
        raise CsvFileError(empty) from None
    except csv.Error as exc:
        raise CsvFileError(Msg.CSV_FIRST_LINE_UNREADABLE(reason=str(exc))) from None
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for i, cell in enumerate(header):
        name = canonical(cell)
        if name is None or name in positions:
            if cell.strip():
                ignored.append(cell.strip())
            continue
        positions[name] = i
    return Table(reader, header, encoding, reader.line_num + skipped, skipped, positions, ignored)


def read_plan(store: Store, raw: bytes) -> ImportPlan:
    """Check every row of a CSV file against the rules; nothing is written."""
    table = open_table(raw, Msg.CSV_EMPTY(), _canonical)
    reader, header, encoding, header_line = table.reader, table.header, table.encoding, table.header_line
    positions, ignored, skipped = table.positions, table.ignored, table.skipped
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            raise CsvFileError(Msg.CSV_NOT_SEMICOLONS())
        optional = ";".join(c for c in COLUMNS if c not in REQUIRED)
        raise CsvFileError(
            Msg.CSV_HEADER_MISSING(line=header_line, missing=";".join(missing), optional=optional)
        )
    plan = ImportPlan(encoding=encoding, header=header, ignored_columns=ignored)
    with store.session() as s:
        registered = dict(s.execute(select(Company.cvr, Company.id).where(Company.deleted.is_(False))).all())
    seen: dict[str, int] = {}
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
        fields: dict[str, str] = {}
        for name, pos in positions.items():
            fields[COLUMNS[name]] = cells[pos].strip() if pos < len(cells) else ""
        reasons: list[str] = []
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            reasons.append(str(Msg.CSV_ROW_TOO_MANY_FIELDS(cells=len(cells), header=len(header))))
        parsed = parse_company(fields)
        reasons += list(parsed.errors.values())
        cvr = parsed.data.cvr if parsed.data else ""
        if cvr and cvr in seen:
            reasons.append(str(Msg.CSV_ROW_DUPLICATE_CVR(cvr=format_cvr(cvr), line=seen[cvr])))
        if reasons or parsed.data is None:
            plan.problems.append(RowProblem(line, reasons, fields.get("name", ""), fields.get("cvr", "")))
            continue
        seen[cvr] = line
        given = frozenset(k for k, v in fields.items() if v)
        plan.rows.append(PlannedRow(line, parsed.data, registered.get(cvr), parsed.warnings, given))
    return plan


def apply_plan(store: Store, plan: ImportPlan) -> Generator[tuple[int, int], None, ImportResult]:
    """Write the plan in one transaction, yielding (done, total); returns an ImportResult.

    Refuses a plan with bad rows. If anything fails midway, nothing is written.
    """
    if plan.problems:
        raise DomainError(plan.summary_message())
    total = len(plan.rows)
    created = updated = 0
    with store.session() as s:
        existing_ids = [r.existing_id for r in plan.rows if r.existing_id]
        existing: dict[str, Company] = {}
        for start in range(0, len(existing_ids), CHUNK):
            for c in s.scalars(select(Company).where(Company.id.in_(existing_ids[start : start + CHUNK]))):
                existing[c.id] = c
        new: list[dict[str, Any]] = []  # written CHUNK at a time, in one statement each
        for i, row in enumerate(plan.rows, start=1):
            if row.existing_id is None:
                new.append(dict(row.data.__dict__))
                created += 1
            else:
                company = existing.get(row.existing_id)
                if company is None or company.deleted:
                    raise DomainError(
                        Msg.CSV_COMPANY_DELETED_MEANWHILE(line=row.line, cvr=format_cvr(row.data.cvr))
                    )
                # Only the cells the row fills change the company: an empty cell keeps what is known.
                for key in row.given | {"cvr", "name"}:
                    value = getattr(row.data, key)
                    if getattr(company, key) != value:
                        setattr(company, key, value)
                updated += 1
            if i % CHUNK == 0:
                insert_new(s, Company, new)
                new.clear()
                s.flush()
                yield i, total
        insert_new(s, Company, new)
    yield total, total
    return ImportResult(created, updated)


def import_file(store: Store, raw: bytes) -> tuple[ImportPlan, ImportResult | None]:
    """Plan and, if every row is good, apply. Convenience for scripts and tests."""
    plan = read_plan(store, raw)
    if not plan.ok:
        return plan, None
    gen = apply_plan(store, plan)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return plan, stop.value


# export -----------------------------------------------------------------------------------------


def _cell(company: Company, key: str) -> str:
    value = getattr(company, key)
    if key == "employees":
        return "" if value is None else str(value)
    if key == "focus_area":
        return vocab_label("focus_area", value or FocusArea.OTHER, "da")  # the import's Danish labels
    if key == "is_knowledge_institution":
        return "ja" if value else "nej"
    return value or ""


def export_csv(store: Store, ids: list[str] | None = None) -> Generator[tuple[int, int], None, bytes]:
    """The companies (all, or ``ids``) as CSV bytes in the import's format; yields progress, returns bytes.

    UTF-8 with BOM, so Danish Excel shows æøå correctly when the file is double-clicked.
    """
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(list(COLUMNS))
    with store.session() as s:
        query = select(Company).where(Company.deleted.is_(False)).order_by(Company.name)
        companies = list(s.scalars(query))
        if ids is not None:
            wanted = set(ids)
            companies = [c for c in companies if c.id in wanted]
        total = len(companies)
        for i, company in enumerate(companies, start=1):
            writer.writerow([_cell(company, key) for key in COLUMNS.values()])
            if i % 2000 == 0:
                yield i, total
    yield total, total
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def export_bytes(store: Store) -> bytes:
    gen = export_csv(store)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return bytes(stop.value)
