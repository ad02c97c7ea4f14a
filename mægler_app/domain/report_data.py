"""What each report prints, as plain frozen values (issue 24, item 4).

The services (``store/services``) build these from the store; the reports (``mægler_app.reports``)
take only these, so a report can be made from plain data and never reaches into the store. The
expense report takes ``domain.expenses.ExpenseReportData`` and the programme report
``domain.programme.ProgrammeData``, which are plain already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .application import ApplicationDetail
from .audit import AuditSource, IndexEntry
from .effects import CompanyEffects
from .expenses import ExpenseReportData
from .meetings import MeetingDetail


# --- the application ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApplicationReport:
    """The application as Væksthus reads it. ``broker``: the broker who owns it (on a caseworker's
    profile too); ``measured``: company id → its measured growth, shown beside the expected."""

    application: ApplicationDetail
    broker: str
    printed_on: dt.date
    measured: Mapping[str, CompanyEffects] = field(default_factory=dict)


# --- a meeting's minutes -----------------------------------------------------------------------------
@dataclass(frozen=True)
class MeetingReport:
    meeting: MeetingDetail
    broker: str = ""


# --- the screening -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScreeningMember:
    name: str
    cvr: str
    employees: int | None
    role: str  # shown: "Videninstitution" or the member's role
    focus_area: str  # shown


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str  # shown; "" when not answered
    comment: str
    free_text: bool  # a long answer: it may use the comment column too


@dataclass(frozen=True)
class AnswerGroup:
    """A section's answers, or in a section asked per company, one company's (``member`` its name)."""

    member: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class ScreeningSection:
    title: str
    source: str
    per_member: bool
    groups: tuple[AnswerGroup, ...]

    @property
    def size(self) -> int:
        return sum(len(g.rows) for g in self.groups)


@dataclass(frozen=True)
class ScreeningReportData:
    """The screening as Væksthus reads it: every relevant answer shown as text, the verdict
    (final, or the draft's preliminary one) with its reasons."""

    network_name: str
    network_type: str  # shown
    network_stage: str  # shown
    broker: str
    form_id: str
    form_title: str
    form_version: int
    is_final: bool
    finalized_at: dt.datetime | None
    updated_at: dt.datetime
    keep_until: dt.date | None
    verdict: str  # domain.vocab.Verdict, or "" for none
    verdict_title: str
    reasons: tuple[str, ...]
    members: tuple[ScreeningMember, ...]
    derived: tuple[tuple[str, str], ...]  # (label, value shown) of the form's key figures
    sections: tuple[ScreeningSection, ...]


# --- the audit file ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditIndex:
    """The index PDF of an audit file: the files in the ZIP and the keep-until dates of the index,
    the action plan and the stage history."""

    source: AuditSource
    entries: list[IndexEntry]
    plan_keep: dt.date | None = None
    history_keep: dt.date | None = None
    index_keep: dt.date | None = None


@dataclass(frozen=True)
class AuditFileData:
    """Everything an audit file holds, each document's data keyed by its record's id, and each
    receipt's file name in the ZIP (its file in the profile is ``source.receipts``)."""

    source: AuditSource
    screenings: Mapping[str, ScreeningReportData]
    meetings: Mapping[str, MeetingReport]
    expenses: ExpenseReportData
    applications: Mapping[str, ApplicationReport]
    receipt_names: Mapping[str, str]  # expense id → name in the ZIP
