"""The company page's »Effekt« box: the baseline year (automatic, editable), the growth of each
year against the year before, the compound growth a year since the baseline and whether the
target (``rules.TARGET_GROWTH_PERCENT_PER_YEAR``) is met. Every figure is ``domain.effects``'."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.effects import METRICS, CompanyEffects, change_text, growth_text
from ...domain.rules import TARGET_GROWTH_PERCENT_PER_YEAR
from ..style import ERROR_TEXT, NAVY, WARNING_TEXT, text_style
from ..table import Column, RowsTableModel, make_table_view


@dataclass(frozen=True)
class GrowthRow:
    key: str
    label: str
    growth: dict[str, str]
    employees: str


def growth_rows(e: CompanyEffects, since_label: str, base_mark: str = "") -> list[GrowthRow]:
    """The table's rows: each year's growth against the year before, then the growth a year since
    the baseline (``since_label``); the baseline year's label gets ``base_mark``."""
    rows = [
        GrowthRow(
            str(r.year),
            str(r.year) + (base_mark if r.year == e.baseline_year else ""),
            {m: growth_text(r.growth_bp[m]) for m in METRICS},
            change_text(r.employees_change),
        )
        for r in e.rows
    ]
    if e.baseline_year is not None:
        rows.append(
            GrowthRow(
                "since",
                since_label,
                {m: growth_text(e.metrics[m].cagr_bp) for m in METRICS},
                change_text(e.employees_change),
            )
        )
    return rows


def _growth_of(metric: str) -> Callable[[GrowthRow], str]:
    return lambda r: r.growth[metric]


def growth_columns(first: str, employees: str, names: Sequence[str]) -> list[Column[GrowthRow]]:
    """The table's columns; ``names``: the three key figures' headers, as short as the page needs."""
    columns: list[Column[GrowthRow]] = [Column(first, lambda r: r.label)]
    for metric, name in zip(METRICS, names, strict=True):
        columns.append(Column(name, _growth_of(metric), align_right=True))
    columns.append(Column(employees, lambda r: r.employees, align_right=True))
    return columns


class CompanyEffectsBox(QGroupBox):
    """Shown under the key figures; ``baseline`` is read by the company editor when it saves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Effekt: vækst mod basisåret (mål: mindst %1 % om året)").replace(
                "%1", str(TARGET_GROWTH_PERCENT_PER_YEAR)
            ),
            parent,
        )
        self.setObjectName("companyEffects")
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("Basisår"))
        self.baseline = QLineEdit()
        self.baseline.setObjectName("baseline_year")
        self.baseline.setMaximumWidth(90)
        self.baseline.setPlaceholderText(self.tr("automatisk"))
        self.baseline.setToolTip(
            self.tr(
                "Det sidste hele kalenderår før virksomheden kom med i sit første netværk (der nåede "
                "trin 1). Skriv et andet årstal for at vælge selv; tomt felt = automatisk."
            )
        )
        label.setBuddy(self.baseline)
        row.addWidget(label)
        row.addWidget(self.baseline)
        self.note = QLabel()
        self.note.setObjectName("baselineNote")
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        lay.addLayout(row)
        self.model: RowsTableModel[GrowthRow] = RowsTableModel(
            growth_columns(
                self.tr("År"),
                self.tr("Ansatte"),
                # short, as the key figures' own table above them
                [self.tr("Omsætning"), self.tr("Værditilv."), self.tr("Eksport")],
            ),
            lambda r: r.key,
            self,
        )
        # every column as wide as its header or cells need; the last takes what is left
        self.table = make_table_view(
            self.model,
            "companyGrowth",
            self.tr("Vækst pr. år og siden basisåret"),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
            word_wrap=True,
        )
        self._fit_height()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay.addWidget(self.table)
        self.summary = QLabel()
        self.summary.setObjectName("effectsSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.effects: CompanyEffects | None = None

    def _fit_height(self) -> None:
        """Every row in sight (a company has a handful of years), at least two rows' room."""
        rows = max(self.model.rowCount(), 2)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * row_height + 2 * self.table.frameWidth() + 2)

    def clear(self) -> None:
        """A company not saved yet: nothing to measure, and its baseline is set once it is saved
        (as its contact persons)."""
        self.effects = None
        self.baseline.clear()
        self.baseline.setEnabled(False)
        self.note.setText(self.tr("Gem virksomheden først."))
        self.model.set_rows([])
        self._fit_height()
        self.summary.setText("")

    def show_effects(self, e: CompanyEffects) -> None:
        self.effects = e
        self.baseline.setEnabled(True)
        self.baseline.setText("" if e.stored_year is None else str(e.stored_year))
        self.baseline.setPlaceholderText(
            self.tr("automatisk: %1").replace("%1", str(e.automatic_year))
            if e.automatic_year is not None
            else self.tr("automatisk")
        )
        self.note.setText(str(e.baseline_note()))
        since = self.tr("Siden %1").replace("%1", str(e.baseline_year)) if e.baseline_year is not None else ""
        self.model.set_rows(growth_rows(e, since, self.tr(" (basis)")))
        self._fit_height()
        met = e.met
        colour = NAVY if met else ERROR_TEXT if met is False else WARNING_TEXT
        self.summary.setStyleSheet(text_style(colour, bold=True))
        self.summary.setText(("✓ " if met else "") + str(e.summary()))
