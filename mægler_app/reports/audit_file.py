"""A network's audit file (issue 22, item 3): one ZIP with the screening PDF(s), every meeting's
minutes, the expense report (PDF and CSV) with every receipt file, the application(s) with the
decision, and an index PDF listing it all with each document's keep-until date (the action plan and
the stage history are sections of the index).

``write_audit_file`` is a generator yielding ``(done, total)`` (``ui.worker`` runs it and reports
progress; the command line simply drains it) and returns an ``AuditResult``: what it wrote. The ZIP
is written beside the target and renamed, so a half-written file never carries the target's name.

It takes only ``domain.report_data.AuditFileData`` (``store.services.audit.audit_file_data``
builds it, every document's data with it).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..domain.audit import (
    AUDIT_KIND_LABELS,
    INDEX_NAME,
    AuditKind,
    IndexEntry,
    ReceiptItem,
    keep_until,
    latest_keep_until,
    member_path,
    unique_name,
)
from ..domain.expenses import ExpenseReportData
from ..domain.names import document_name
from ..domain.numbers import format_date, format_kr
from ..domain.report_data import (
    ApplicationReport,
    AuditFileData,
    AuditIndex,
    MeetingReport,
    ScreeningReportData,
)
from ..domain.vocab import APPLICATION_STATUSES, MEETING_KINDS, ApplicationStatus
from ..forms import VERDICT_LABELS

Progress = Generator[tuple[int, int], None, "AuditResult"]


@dataclass(frozen=True)
class AuditResult:
    """What ``write_audit_file`` wrote: the ZIP, every file in it (the index's rows, index first)
    and the receipts it could not include."""

    path: Path
    network_name: str
    entries: list[IndexEntry]
    missing: list[ReceiptItem]

    @property
    def names(self) -> list[str]:
        return [e.path for e in self.entries]


def audit_file_name(network_name: str, day: dt.date) -> str:
    """The name the save dialog suggests: ``revisionsfil-<netværk>-<dato>.zip`` (domain/names.py)."""
    return document_name("revisionsfil", network_name, day, ext="zip")


@dataclass(frozen=True)
class _Step:
    path: str
    kind: AuditKind
    what: str
    day: dt.date | None
    keep_until: dt.date | None
    write: Callable[[Path], object] | None  # None: copied from ``source``
    source: Path | None = None


# The writers of the documents, each as the app's own export writes it (ReportLab is imported when
# they run, in the worker).
def _screening_pdf(data: ScreeningReportData, path: Path) -> Path:
    from .screening_pdf import write_screening_pdf

    return write_screening_pdf(data, path)


def _meeting_pdf(report: MeetingReport, path: Path) -> Path:
    from .meeting_pdf import write_meeting_pdf

    return write_meeting_pdf(report, path)


def _expense_file(data: ExpenseReportData, csv: bool, path: Path) -> Path:
    from .expense_report import write_expense_csv, write_expense_pdf

    return write_expense_csv(data, path) if csv else write_expense_pdf(data, path)


def _application_pdf(report: ApplicationReport, path: Path) -> Path:
    from .application_pdf import render_application_pdf

    return render_application_pdf(report, path)


def _steps(data: AuditFileData) -> list[_Step]:
    src = data.source
    taken: set[str] = {INDEX_NAME.lower()}
    today = src.made_at.astimezone().date()
    steps: list[_Step] = []

    def add(
        kind: AuditKind,
        name: str,
        what: str,
        day: dt.date | None,
        keep: dt.date | None,
        write: Callable[[Path], object] | None,
        source: Path | None = None,
    ) -> None:
        path = unique_name(member_path(kind, name), taken)
        steps.append(_Step(path, kind, what, day, keep, write, source))

    for sc in src.screenings:
        state = (
            f"afsluttet, {VERDICT_LABELS.get(sc.verdict, sc.verdict).lower()}"
            if sc.final
            else "kladde, ikke afsluttet"
        )
        add(
            AuditKind.SCREENING,
            document_name("screening", src.network_name, sc.day, suffix="" if sc.final else "kladde"),
            f"Screening ({state}), skema version {sc.form_version}",
            sc.day,
            sc.keep_until,
            partial(_screening_pdf, data.screenings[sc.id]),
        )
    for m in src.meetings:
        day = m.starts_at.astimezone().date()
        add(
            AuditKind.MINUTES,
            document_name("referat", src.network_name, day),
            f"Mødereferat: {MEETING_KINDS.get(m.kind, m.kind)}",
            day,
            m.keep_until,
            partial(_meeting_pdf, data.meetings[m.id]),
        )
    report_keep = keep_until(AuditKind.EXPENSE_REPORT, latest_keep_until(src.expense_keep_until))
    n = src.expense_count
    add(
        AuditKind.EXPENSE_REPORT,
        document_name("udgifter", src.network_name, today),
        f"Udgiftsrapport: faciliteringsrammen og {n} {'udgift' if n == 1 else 'udgifter'}",
        today,
        report_keep,
        partial(_expense_file, data.expenses, False),
    )
    add(
        AuditKind.EXPENSE_CSV,
        document_name("udgifter", src.network_name, today, ext="csv"),
        "Udgiftsrapport som CSV til Excel (samme udgifter)",
        today,
        report_keep,
        partial(_expense_file, data.expenses, True),
    )
    for r in src.receipts:
        if r.source is None:
            continue  # listed as missing in the index
        add(
            AuditKind.RECEIPT,
            data.receipt_names[r.expense_id],
            f"Kvittering: {r.description or 'udgift'}, {format_kr(r.amount_ore)} ({format_date(r.spent_on)})",
            r.spent_on,
            r.keep_until,
            None,
            r.source,
        )
    for a in src.applications:
        state = APPLICATION_STATUSES.get(a.status, a.status).lower()
        if a.status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED) and a.decided_at is not None:
            state += f" ved Væksthus' afgørelse {format_date(a.decided_at)}"
        add(
            AuditKind.APPLICATION,
            document_name("ansøgning", src.network_name, a.day, suffix=f"v{a.revision}"),
            f"Ansøgning om handlingsplan, version {a.revision}: {state}",
            a.day,
            a.keep_until,
            partial(_application_pdf, data.applications[a.id]),
        )
    return steps


def write_audit_file(data: AuditFileData, target: Path | str) -> Progress:
    """Write the audit ZIP of ``data`` to ``target``; yields ``(done, total)``, returns what it wrote."""
    from .audit_pdf import write_index_pdf

    target = Path(target)
    src = data.source
    steps = _steps(data)
    total = len(steps) + 2  # the documents, the index, the ZIP
    yield 0, total
    partial = target.with_name(target.name + ".tmp")
    with tempfile.TemporaryDirectory(prefix="revisionsfil-") as tmp:
        folder = Path(tmp)
        files: list[tuple[str, Path]] = []
        for i, step in enumerate(steps, start=1):
            if step.write is not None:
                out = folder / f"{i:04d}{Path(step.path).suffix}"
                step.write(out)
                files.append((step.path, out))
            else:
                assert step.source is not None
                files.append((step.path, step.source))
            yield i, total
        plan_keep = keep_until(AuditKind.ACTION_PLAN, None)
        history_keep = keep_until(AuditKind.STAGE_HISTORY, None)
        documents = [IndexEntry(s.path, s.kind, s.what, s.day, s.keep_until) for s in steps]
        index_keep = keep_until(
            AuditKind.INDEX,
            latest_keep_until([*(e.keep_until for e in documents), plan_keep, history_keep]),
        )
        index = IndexEntry(
            INDEX_NAME,
            AuditKind.INDEX,
            f"{AUDIT_KIND_LABELS[AuditKind.INDEX]} med handlingsplan og stadiehistorik",
            src.made_at.astimezone().date(),
            index_keep,
        )
        entries = [index, *documents]
        index_path = folder / INDEX_NAME
        write_index_pdf(AuditIndex(src, entries, plan_keep, history_keep, index_keep), index_path)
        yield len(steps) + 1, total
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(index_path, INDEX_NAME)
                for name, path in files:
                    zf.write(path, name)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    yield total, total
    return AuditResult(target, src.network_name, entries, src.missing_receipts)


def run_to_end(progress: Progress) -> AuditResult:
    """Drain the generator (the command line, tests): its return value."""
    while True:
        try:
            next(progress)
        except StopIteration as stop:
            result = stop.value
            assert isinstance(result, AuditResult)
            return result
