"""Table models of the network views: the list of networks, a network's members, its timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.cvr import format_cvr
from ...domain.messages import Msg
from ...domain.numbers import format_date
from ...domain.rules import INACTIVE_AFTER_DAYS, MEMBER_ROLES, NETWORK_TYPES
from ...domain.stages import STAGE_LABELS, STAGE_ORDER
from ...store.services.networks import MemberRow, NetworkRow, TimelineEntry
from ..companies.models import employees_text
from ..style import MUTED_TEXT, NAVY, WARNING_TEXT
from ..table import FOREGROUND_AND_TOOLTIP, Column, RowsTableModel

_WARN = QBrush(QColor(WARNING_TEXT))
_MUTED = QBrush(QColor(MUTED_TEXT))
_NAVY = QBrush(QColor(NAVY))


def _tr(text: str) -> str:
    return QCoreApplication.translate("networks", text)


def inactive_note() -> str:
    return str(Msg.UI_INACTIVE_DAYS(n=INACTIVE_AFTER_DAYS))


class NetworksModel(RowsTableModel[NetworkRow]):
    NAME, TYPE, STAGE, MEMBERS, LEAD, ACTIVITY = range(6)
    extra_roles = FOREGROUND_AND_TOOLTIP
    search_at_load = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = [
            Column(_tr("Navn"), lambda r: r.name),
            Column(_tr("Type"), lambda r: NETWORK_TYPES.get(r.network_type, ("", ""))[0]),
            Column(_tr("Fase"), lambda r: STAGE_LABELS[r.stage], lambda r: STAGE_ORDER.index(r.stage)),
            Column(_tr("Antal virks."), lambda r: str(r.members), lambda r: r.members, True, searched=False),
            Column(_tr("Tovholder"), lambda r: r.lead_company),
            Column(
                _tr("Aktivitet"),
                lambda r: format_date(r.last_activity) + ("  ⚠ " + _tr("inaktiv") if r.inactive else ""),
                lambda r: r.last_activity,
                searched=False,
            ),
        ]

    def extra_data(self, row: NetworkRow, column: int, role: int) -> Any:
        if column in (self.NAME, self.LEAD) and role == Qt.ItemDataRole.ToolTipRole:
            # elided where the table is narrow: the whole text on hover
            return row.name if column == self.NAME else row.lead_company or None
        if row.inactive and column == self.ACTIVITY:
            if role == Qt.ItemDataRole.ForegroundRole:
                return _WARN
            if role == Qt.ItemDataRole.ToolTipRole:
                return inactive_note()
        return None


class MembersModel(RowsTableModel[MemberRow]):
    NAME, CVR, ROLE, EMPLOYEES, GOALS, OTHER, SATISFACTION = range(7)
    extra_roles = FOREGROUND_AND_TOOLTIP

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        # --- survey: each member's latest satisfaction answer, (cell, tooltip) (ui.survey.latest_texts)
        self.satisfaction: dict[str, tuple[str, str]] = {}
        self.columns = [
            Column(_tr("Virksomhed"), lambda r: r.name),
            Column(_tr("CVR"), lambda r: format_cvr(r.cvr), lambda r: r.cvr),
            Column(_tr("Rolle"), lambda r: MEMBER_ROLES.get(r.role, r.role)),
            Column(
                _tr("Ansatte"),
                lambda r: employees_text(r.employees),
                lambda r: -1 if r.employees is None else r.employees,
                True,
                searched=False,
            ),
            Column(_tr("Mål for deltageren (Hvorfor)"), lambda r: r.goals.replace("\n", " ")),
            Column(_tr("Også med i"), lambda r: ", ".join(r.other_networks)),
            Column(
                _tr("Tilfredshed"), lambda r: self.satisfaction.get(r.company_id, ("", ""))[0]
            ),  # --- survey
        ]

    def search_text(self, row: MemberRow) -> str:
        # the CVR number also as typed without spaces
        return f"{super().search_text(row)}\t{row.cvr}"

    def extra_data(self, row: MemberRow, column: int, role: int) -> Any:
        if column == self.OTHER and row.other_networks and role == Qt.ItemDataRole.ForegroundRole:
            return _WARN
        if column == self.SATISFACTION and role == Qt.ItemDataRole.ToolTipRole:  # --- survey
            return self.satisfaction.get(row.company_id, ("", ""))[1] or None
        return None


_KIND_LABELS = {
    "stage": "Fase",
    "closed": "Afsluttet",
    "meeting": "Møde",
    "planned": "Planlagt",
    "expense": "Udgift",
    "screening": "Screening",
    "application": "Ansøgning",
    "follow_up": "Opfølgning fra Væksthus",  # --- followup
}


class TimelineModel(RowsTableModel[TimelineEntry]):
    WHEN, KIND, TEXT = range(3)
    extra_roles = FOREGROUND_AND_TOOLTIP  # --- followup: a follow-up's whole text on hover

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = [
            Column(_tr("Dato"), lambda r: format_date(r.when), lambda r: r.when),
            Column(_tr("Hvad"), lambda r: _tr(_KIND_LABELS.get(r.kind, r.kind))),
            Column(_tr("Beskrivelse"), lambda r: r.text),
        ]

    def id_of(self, row: TimelineEntry) -> str:
        return f"{row.kind}:{row.when.isoformat()}:{row.text}"

    def extra_data(self, row: TimelineEntry, column: int, role: int) -> Any:
        if row.kind == "planned" and role == Qt.ItemDataRole.ForegroundRole:
            return _MUTED
        if row.kind == "follow_up":  # --- followup: Væksthus' words, told apart and readable whole
            if role == Qt.ItemDataRole.ForegroundRole:
                return _NAVY
            if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
                return row.text
        return None
