"""The audit file of a network (issue 22, item 3): what it holds, how its files are named, and each
document's keep-until date.

An auditor of the programme's public money asks for one network's papers at once: the screening,
the minutes, the expense report with every receipt, the application(s) with the decision, the
action plan and the stage history, each with the date it is kept until, and an index of it all.
The rules here are pure; ``store.services.audit`` gathers the records, ``reports.audit_file``
writes the ZIP.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .application import ActionPlanInfo
from .names import safe_member_name as safe_member_name  # the one slug (domain/names.py)
from .stages import Move, Stage


class AuditKind(StrEnum):
    """What a file in the audit ZIP (or a section of its index) is."""

    INDEX = "index"
    SCREENING = "screening"
    MINUTES = "minutes"
    EXPENSE_REPORT = "expense_report"
    EXPENSE_CSV = "expense_csv"
    RECEIPT = "receipt"
    APPLICATION = "application"
    ACTION_PLAN = "action_plan"
    STAGE_HISTORY = "stage_history"


AUDIT_KIND_LABELS: dict[AuditKind, str] = {
    AuditKind.INDEX: "Indeks over revisionsfilen",
    AuditKind.SCREENING: "Screening",
    AuditKind.MINUTES: "Mødereferat",
    AuditKind.EXPENSE_REPORT: "Udgiftsrapport",
    AuditKind.EXPENSE_CSV: "Udgiftsrapport (CSV til Excel)",
    AuditKind.RECEIPT: "Kvittering",
    AuditKind.APPLICATION: "Ansøgning om handlingsplan",
    AuditKind.ACTION_PLAN: "Handlingsplan",
    AuditKind.STAGE_HISTORY: "Stadiehistorik",
}

# The folders of the ZIP, numbered in the order of the programme's steps, so a file manager lists
# them as the index does.
AUDIT_FOLDERS: dict[AuditKind, str] = {
    AuditKind.INDEX: "",
    AuditKind.SCREENING: "1-screening",
    AuditKind.MINUTES: "2-referater",
    AuditKind.EXPENSE_REPORT: "3-udgifter",
    AuditKind.EXPENSE_CSV: "3-udgifter",
    AuditKind.RECEIPT: "3-udgifter/kvitteringer",
    AuditKind.APPLICATION: "4-ansøgning",
}

INDEX_NAME = "0-indeks.pdf"

# What the index shows where a keep-until date has not been set (issue 21, privacy and records).
KEEP_UNTIL_NOT_SET = "ikke fastsat"


@dataclass(frozen=True)
class IndexEntry:
    """One file of the ZIP as its index lists it: its path there, what it is, its date and the
    date it is kept until (None: not set)."""

    path: str
    kind: AuditKind
    what: str
    day: dt.date | None
    keep_until: dt.date | None


# --- the keep-until hook ---------------------------------------------------------------------------
def keep_until(kind: AuditKind, stored: dt.date | None) -> dt.date | None:
    """The date a document of ``kind`` is kept until, None when it is not set.

    The record's own ``keep_until``, which the retention rule (domain/retention.py, issue 21 item 2;
    DESIGN.md §5a) sets on save and the server confirms; None for a record not dated yet (a draft)
    and for what has no record of its own (the action plan section, the stage history, the index
    are dated by ``latest_keep_until`` over the documents).
    """
    return stored


def latest_keep_until(dates: Iterable[dt.date | None]) -> dt.date | None:
    """The date a compilation (the expense report, the index) is kept until: as long as the longest
    kept of its parts; None when any part's date is not set (it cannot be dated yet) or it has none."""
    known: list[dt.date] = []
    for d in dates:
        if d is None:
            return None
        known.append(d)
    return max(known) if known else None


# --- names in the ZIP ------------------------------------------------------------------------------
def member_path(kind: AuditKind, name: str) -> str:
    folder = AUDIT_FOLDERS.get(kind, "")
    return f"{folder}/{name}" if folder else name


def unique_name(path: str, taken: set[str]) -> str:
    """``path``, or ``path`` with ``-2``, ``-3`` … before its extension when it is taken; adds it to
    ``taken`` (compared without case: Windows and macOS folders would merge ``A.pdf`` and ``a.pdf``)."""
    stem, dot, ext = path.rpartition(".")
    if not dot or "/" in ext:
        stem, ext = path, ""
    candidate = path
    n = 2
    while candidate.lower() in taken:
        candidate = f"{stem}-{n}.{ext}" if ext else f"{path}-{n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


# --- plain values of the audit file, as its index prints it (issue 24)
@dataclass(frozen=True)
class ScreeningItem:
    id: str
    final: bool
    verdict: str
    day: dt.date
    form_version: int
    keep_until: dt.date | None


@dataclass(frozen=True)
class MeetingItem:
    id: str
    starts_at: dt.datetime
    kind: str
    keep_until: dt.date | None


@dataclass(frozen=True)
class ReceiptItem:
    """One expense's receipt: ``source`` is the file in the profile, None when it is not there yet
    (attached on another laptop and not downloaded at a sync): the index lists it as missing."""

    expense_id: str
    spent_on: dt.date
    description: str
    amount_ore: int
    name: str
    sha256: str
    source: Path | None
    keep_until: dt.date | None


@dataclass(frozen=True)
class ApplicationItem:
    id: str
    revision: int
    status: str
    day: dt.date
    decided_at: dt.datetime | None
    keep_until: dt.date | None


@dataclass(frozen=True)
class AuditSource:
    network_id: str
    network_name: str
    broker: str
    stage: Stage
    made_at: dt.datetime
    made_by_caseworker: bool
    screenings: list[ScreeningItem]
    meetings: list[MeetingItem]
    expense_keep_until: list[dt.date | None]  # one per live expense (the report's parts)
    expense_count: int
    receipts: list[ReceiptItem]
    applications: list[ApplicationItem]
    action_plan: ActionPlanInfo | None
    stage_moves: list[Move]
    facilitation_opened_on: dt.date | None
    stage_3_on: dt.date | None
    stage_3_evidence: str
    closed_on: dt.date | None
    closed_reason: str
    closed_reason_text: str

    @property
    def missing_receipts(self) -> list[ReceiptItem]:
        return [r for r in self.receipts if r.source is None]
