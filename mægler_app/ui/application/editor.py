"""The application editor: a guided form, checked as the broker types, frozen once submitted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.application import BLOCKS, perspective
from ...domain.cvr import format_cvr
from ...domain.errors import DomainError
from ...domain.language import quoted
from ...domain.numbers import (
    format_date,
    format_datetime,
    format_kr,
    format_kr_input,
    format_percent_bp,
    optional,
    parse_int,
    parse_kr,
)
from ...domain.rules import (
    COMPANY_SHARE_PERCENT,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    PERIOD_MONTHS_MAX,
    PERIOD_MONTHS_MIN,
)
from ...domain.vocab import ApplicationStatus, OutboxStatus, SplitMode
from ...domain.vocab import label as vocab_label
from ...store.services import applications as svc
from .. import keyboard, ops, style
from ..ask import confirm
from ..context import AppContext
from ..files import ask_save_path, report_saved
from ..retention_label import KeepUntilLabel  # --- retention
from ..table import make_table_view
from ..worker import Worker
from .action_plan import ActionPlanPanel
from .models import GrowthModel, SplitModel


def fit_table_height(table: QTableView) -> None:
    """Show every row without an empty band below (the tables hold a network's 3-5 companies)."""
    rows = table.model().rowCount()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) or table.verticalHeader().defaultSectionSize() for r in range(rows))
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height + 2)


def open_document(path: str) -> bool:
    """Open a finished document in the system's viewer (tests replace this); False if none started."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(path)))


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class _Block(QGroupBox):
    """A titled block with its rule explained in Danish and a line for what is wrong."""

    def __init__(self, title: str, explanation: str, key: str) -> None:
        super().__init__(title)
        self.setObjectName(f"block_{key}")
        self.lay = QVBoxLayout(self)
        self.explain = QLabel(explanation)
        self.explain.setObjectName("blockHelp")
        self.explain.setWordWrap(True)
        self.lay.addWidget(self.explain)
        self.body = QVBoxLayout()
        self.lay.addLayout(self.body)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.lay.addWidget(self.problem)

    def set_problems(self, problems: list[str]) -> None:
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))


class ApplicationEditor(QWidget):
    saved = Signal(str)
    submitted = Signal(str)
    revision_started = Signal(str)
    pdf_exported = Signal(str)
    pdf_failed = Signal(str)

    def __init__(
        self, ctx: AppContext, application_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.application_id: str | None = None
        self.detail: svc.ApplicationDetail | None = None
        self._loading = False
        self._parse_errors: dict[str, str] = {}
        self.dirty = False
        self._worker: Worker | None = None

        self.setStyleSheet(style.APPLICATION_EDITOR_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # Header: title, status and the actions; stays in view while the form scrolls.
        head = QFrame()
        head.setObjectName("card")
        hl = QVBoxLayout(head)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        hl.addLayout(top)
        self.decision = QLabel()
        self.decision.setObjectName("decision")
        self.decision.setWordWrap(True)
        self.decision.setVisible(False)
        hl.addWidget(self.decision)
        self.keep_until = KeepUntilLabel()  # --- retention
        hl.addWidget(self.keep_until)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Gem kladde"))
        self.save_button.setObjectName("saveApplication")
        self.submit_button = QPushButton(self.tr("Indsend til Væksthus"))
        self.submit_button.setObjectName("submitApplication")
        self.pdf_button = QPushButton(self.tr("Eksportér PDF"))
        self.pdf_button.setObjectName("exportPdf")
        self.revision_button = QPushButton(self.tr("Start ny version"))
        self.revision_button.setObjectName("startRevision")
        for b in (self.save_button, self.submit_button, self.pdf_button, self.revision_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        hl.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        hl.addWidget(self.message)
        outer.addWidget(head)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        form = QVBoxLayout(inner)
        form.setSpacing(12)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.scroll_area = scroll

        # What still stops submission heads the form (not the fixed header, which must stay small).
        self.blockers = QLabel()
        self.blockers.setObjectName("warning")
        self.blockers.setWordWrap(True)
        self.blockers.setVisible(False)
        form.addWidget(self.blockers)

        self.action_plan = ActionPlanPanel(ctx)
        self.action_plan.setVisible(False)
        form.addWidget(self.action_plan)

        # 1. The network, as it stands (read-only here; edited on the network's own page).
        self.network_block = _Block(
            self.tr("Netværket"),
            self.tr(
                "Hentet fra netværket: virksomheder med CVR-nummer, kerneopgave, mål, netværkstype, "
                "screening og mødet om en tentativ plan. Ret det på netværkets egen side."
            ),
            "network",
        )
        self.network_text = QLabel()
        self.network_text.setObjectName("networkPrefill")
        self.network_text.setWordWrap(True)
        self.network_text.setTextFormat(Qt.TextFormat.RichText)
        self.network_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.network_block.body.addWidget(self.network_text)
        form.addWidget(self.network_block)

        # 2-5. The four perspectives.
        self.texts: dict[str, QPlainTextEdit] = {}
        self.perspective_blocks: dict[str, _Block] = {}
        for key in svc.PERSPECTIVES:
            title, hint = perspective(key)
            block = _Block(title, hint, key)
            edit = QPlainTextEdit()
            edit.setObjectName(key)
            edit.setMinimumHeight(80)
            edit.setMaximumHeight(150)
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(title)
            edit.textChanged.connect(self._changed)
            block.body.addWidget(edit)
            self.texts[key] = edit
            self.perspective_blocks[key] = block
            form.addWidget(block)
            if key == "economic_perspective":
                sub = QLabel(
                    self.tr(
                        "Forventet vækst pr. virksomhed som følge af samarbejdet: omsætning, værditilvækst og "
                        "eksportomsætning i kr. og i %, beskæftigelse i personer og i %. Dobbeltklik på en celle "
                        "for at skrive."
                    )
                )
                sub.setWordWrap(True)
                sub.setObjectName("blockHelp")
                block.body.addWidget(sub)
                self.growth_model = GrowthModel(self)
                self.growth = make_table_view(
                    self.growth_model,
                    "growthTable",
                    self.tr("Forventet vækst pr. virksomhed"),
                    stretch=(GrowthModel.COL_MEASURE,),
                    fit=QHeaderView.ResizeMode.ResizeToContents,
                    edit=True,
                )
                block.body.addWidget(self.growth)
                # Right under the table: the figures typed that cannot be read, each named.
                self.growth_problem = QLabel()
                self.growth_problem.setObjectName("error")
                self.growth_problem.setWordWrap(True)
                self.growth_problem.setVisible(False)
                block.body.addWidget(self.growth_problem)
                self.growth_model.edited.connect(self._changed)

        # 6. The consultant.
        self.consultant_block = _Block(
            self.tr("Konsulent"),
            self.tr(
                "Den eksterne konsulent der skal udarbejde handlingsplanen. Foreslå en konsulent med navn og "
                "firma, eller lad Væksthus foreslå en."
            ),
            "consultant",
        )
        self.named = QRadioButton(self.tr("Vi foreslår en konsulent"))
        self.named.setObjectName("consultantNamed")
        self.by_vaeksthus = QRadioButton(self.tr("Væksthus foreslår en konsulent"))
        self.by_vaeksthus.setObjectName("consultantByVaeksthus")
        group = QButtonGroup(self)
        group.addButton(self.named)
        group.addButton(self.by_vaeksthus)
        row = QHBoxLayout()
        row.addWidget(self.named)
        row.addWidget(self.by_vaeksthus)
        row.addStretch(1)
        self.consultant_block.body.addLayout(row)
        cf = QFormLayout()
        self.consultant_name = QLineEdit()
        self.consultant_name.setObjectName("consultantName")
        self.consultant_firm = QLineEdit()
        self.consultant_firm.setObjectName("consultantFirm")
        cf.addRow(self.tr("Navn"), self.consultant_name)
        cf.addRow(self.tr("Firma"), self.consultant_firm)
        self.consultant_block.body.addLayout(cf)
        for w in (self.consultant_name, self.consultant_firm):
            w.textChanged.connect(self._changed)
        self.named.toggled.connect(self._changed)
        form.addWidget(self.consultant_block)

        # 7. Hours, period, rate and total.
        self.hours_block = _Block(
            self.tr("Konsulenttimer"),
            self.tr("Handlingsplanen udarbejdes på %1–%2 konsulenttimer.")
            .replace("%1", str(CONSULTANT_HOURS_MIN))
            .replace("%2", str(CONSULTANT_HOURS_MAX)),
            "hours",
        )
        self.hours = QLineEdit()
        self.hours.setObjectName("hours")
        self.hours.setPlaceholderText(f"{CONSULTANT_HOURS_MIN}–{CONSULTANT_HOURS_MAX}")
        self.hours.setMaximumWidth(160)
        self.hours_block.body.addWidget(self.hours)
        form.addWidget(self.hours_block)

        self.months_block = _Block(
            self.tr("Forløbets længde"),
            self.tr("Arbejdet med handlingsplanen strækker sig over %1–%2 måneder.")
            .replace("%1", str(PERIOD_MONTHS_MIN))
            .replace("%2", str(PERIOD_MONTHS_MAX)),
            "months",
        )
        self.months = QLineEdit()
        self.months.setObjectName("months")
        self.months.setPlaceholderText(f"{PERIOD_MONTHS_MIN}–{PERIOD_MONTHS_MAX}")
        self.months.setMaximumWidth(160)
        self.months_block.body.addWidget(self.months)
        form.addWidget(self.months_block)

        self.rate_block = _Block(
            self.tr("Timepris og samlet budget"),
            self.tr(
                "Samlet budget = timer × timepris. Virksomhederne betaler %1 % af det samlede budget; "
                "resten dækkes af programmet."
            ).replace("%1", str(COMPANY_SHARE_PERCENT)),
            "rate",
        )
        self.rate = QLineEdit()
        self.rate.setObjectName("rate")
        self.rate.setPlaceholderText(self.tr("fx 950,00"))
        self.rate.setMaximumWidth(160)
        rf = QFormLayout()
        rf.addRow(self.tr("Timepris (kr.)"), self.rate)
        self.total = QLabel("–")
        self.total.setObjectName("budgetTotal")
        self.company_share = QLabel("–")
        self.company_share.setObjectName("companyShare")
        self.programme_share = QLabel("–")
        self.programme_share.setObjectName("programmeShare")
        rf.addRow(self.tr("Samlet budget"), self.total)
        rf.addRow(
            self.tr("Virksomhedernes andel (%1 %)").replace("%1", str(COMPANY_SHARE_PERCENT)),
            self.company_share,
        )
        rf.addRow(self.tr("Programmets andel"), self.programme_share)
        self.rate_block.body.addLayout(rf)
        form.addWidget(self.rate_block)
        for w in (self.hours, self.months, self.rate):
            w.textChanged.connect(self._changed)

        # 8. The allocation key.
        self.split_block = _Block(
            self.tr("Fordelingsnøgle"),
            self.tr(
                "Virksomhedernes andel fordeles mellem virksomhederne: ligeligt, eller efter en tilpasset "
                "nøgle i procent der tilsammen skal give 100 %. Beløbene går op i øre."
            ),
            "split",
        )
        self.split_equal = QRadioButton(self.tr("Ligelig fordeling"))
        self.split_equal.setObjectName("splitEqual")
        self.split_custom = QRadioButton(self.tr("Tilpasset fordeling"))
        self.split_custom.setObjectName("splitCustom")
        sg = QButtonGroup(self)
        sg.addButton(self.split_equal)
        sg.addButton(self.split_custom)
        srow = QHBoxLayout()
        srow.addWidget(self.split_equal)
        srow.addWidget(self.split_custom)
        srow.addStretch(1)
        self.split_block.body.addLayout(srow)
        self.split_model = SplitModel(self)
        self.split = make_table_view(
            self.split_model,
            "splitTable",
            self.tr("Fordelingsnøgle"),
            stretch=(SplitModel.COL_COMPANY,),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            word_wrap=True,
            edit=True,
        )
        self.split_block.body.addWidget(self.split)
        self.split_sum = QLabel()
        self.split_sum.setObjectName("splitSum")
        self.split_block.body.addWidget(self.split_sum)
        self.split_custom.toggled.connect(self._split_mode_changed)
        self.split_model.edited.connect(self._changed)
        form.addWidget(self.split_block)
        form.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.revision_button.clicked.connect(self.start_revision)
        self.save_button.setToolTip(self.tr("Gem kladden (%1)").replace("%1", keyboard.save_key_text()))
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        if application_id:
            self.load(application_id)

    # -- loading ----------------------------------------------------------------------------------

    def load(self, application_id: str, detail: svc.ApplicationDetail | None = None) -> None:
        """Show the application; ``detail``: as read already (in a worker, the Indbakke)."""
        self.application_id = application_id
        if detail is None or detail.id != application_id:
            detail = svc.get_application(self.ctx.store, application_id)
        self._loading = True
        try:
            self._fill(detail)
        finally:
            self._loading = False
        self.dirty = False
        self._parse_errors.clear()
        self._show(detail)

    def refresh_if_changed(self) -> None:
        """Follow a change made elsewhere (a decision pulled from Væksthus, the outbox sent).

        The form is not reloaded for the editor's own saves: that would wipe a figure the broker
        typed that could not be read.
        """
        if self.application_id is None or self.detail is None:
            return
        try:
            fresh = svc.get_application(self.ctx.store, self.application_id)
        except DomainError:
            return
        old = self.detail
        if (fresh.status, fresh.pending_send, fresh.decided_at) != (
            old.status,
            old.pending_send,
            old.decided_at,
        ):
            self.load(self.application_id)

    def _fill(self, d: svc.ApplicationDetail) -> None:
        draft = d.draft
        for key, edit in self.texts.items():
            edit.setPlainText(str(getattr(draft, key)))
        self.named.setChecked(not draft.consultant_by_vaeksthus)
        self.by_vaeksthus.setChecked(draft.consultant_by_vaeksthus)
        self.consultant_name.setText(draft.consultant_name)
        self.consultant_firm.setText(draft.consultant_firm)
        self.hours.setText("" if draft.consultant_hours is None else str(draft.consultant_hours))
        self.months.setText("" if draft.period_months is None else str(draft.period_months))
        self.rate.setText("" if draft.hourly_rate_ore is None else format_kr_input(draft.hourly_rate_ore))
        custom = draft.split_mode == SplitMode.CUSTOM
        self.split_custom.setChecked(custom)
        self.split_equal.setChecked(not custom)
        members = d.network.members
        self.growth_model.set_data(members, draft.expected_growth, d.editable)
        self.split_model.set_data(members, draft.split_basis_points, custom, d.editable)
        fit_table_height(self.growth)
        fit_table_height(self.split)
        self._set_editable(d.editable)
        self.network_text.setText(self._network_html(d.network))
        self.title.setText(
            self.tr("Ansøgning om handlingsplan: %1 (version %2)")
            .replace("%1", d.network.name)
            .replace("%2", str(d.revision))
        )

    def _set_editable(self, editable: bool) -> None:
        for edit in self.texts.values():
            style.read_only(edit, not editable)
        for w in (self.consultant_name, self.consultant_firm, self.hours, self.months, self.rate):
            style.read_only(w, not editable)
        for b in (self.named, self.by_vaeksthus, self.split_equal, self.split_custom):
            b.setEnabled(editable)
        self.save_button.setVisible(editable)

    def _network_html(self, n: svc.NetworkPrefill) -> str:
        rows = []

        def row(label: str, value: str) -> None:
            rows.append(
                f"<tr><td style='padding:2px 12px 2px 0'><b>{_html(label)}</b></td><td>{value}</td></tr>"
            )

        row(self.tr("Netværk"), _html(n.name))
        row(self.tr("Fase"), _html(n.stage_label))
        row(self.tr("Netværkstype"), _html(n.network_type_label or self.tr("ikke angivet")))
        row(self.tr("Kerneopgave"), _html(n.core_task or self.tr("ikke beskrevet")))
        row(self.tr("Mål"), _html(n.goals or self.tr("ikke beskrevet")))
        members = "<br>".join(
            f"{_html(m.name)} · CVR {format_cvr(m.cvr)} · {_html(vocab_label('member_role', m.role))}"
            for m in n.members
        )
        row(self.tr("Virksomheder"), members or self.tr("ingen"))
        if n.screening_verdict:
            verdict = self.tr("bestået") if n.screening_passed else self.tr("ikke bestået")
            row(self.tr("Screening"), _html(f"{verdict}, {format_date(n.screening_date)}"))
        else:
            row(self.tr("Screening"), self.tr("ingen afsluttet screening"))
        if n.tentative_plan:
            p = n.tentative_plan
            text = f"{format_datetime(p.starts_at)}: {p.agenda}"
            if p.decisions:
                text += f" – {p.decisions}"
            row(self.tr("Tentativ plan"), _html(text))
        else:
            row(self.tr("Tentativ plan"), self.tr("intet møde om en tentativ plan endnu"))
        return "<table>" + "".join(rows) + "</table>"

    # -- live checks ------------------------------------------------------------------------------

    def _table_faults(self) -> list[str]:
        """Cells of the two tables whose text cannot be read (they count as missing until corrected)."""
        return self.growth_model.fault_messages() + self.split_model.fault_messages()

    def _split_mode_changed(self, custom: bool) -> None:
        if self._loading:
            return
        if custom and self.detail is not None:
            # Start the custom key from what the equal split showed, so the broker adjusts from 100 %.
            self.split_model.set_data(
                self.detail.network.members, self.split_model.basis_points(), True, self.detail.editable
            )
        self.split_model.set_custom(custom)
        self._changed()

    def _read_int(self, edit: QLineEdit, key: str, what: str) -> int | None:
        try:
            value = optional(parse_int, edit.text(), field=what)
        except DomainError as exc:
            self._parse_errors[key] = str(exc)
            return None
        self._parse_errors.pop(key, None)
        return value

    def current_draft(self) -> svc.ApplicationDraft:
        """What the form says now (a figure that cannot be read counts as missing)."""
        hours = self._read_int(self.hours, "hours", self.tr("Antallet af timer"))
        months = self._read_int(self.months, "months", self.tr("Antallet af måneder"))
        rate: int | None
        try:
            rate = optional(parse_kr, self.rate.text(), field=self.tr("Timepris"))
            self._parse_errors.pop("rate", None)
        except DomainError as exc:
            self._parse_errors["rate"] = str(exc)
            rate = None
        return svc.ApplicationDraft(
            market_perspective=self.texts["market_perspective"].toPlainText(),
            economic_perspective=self.texts["economic_perspective"].toPlainText(),
            technology_perspective=self.texts["technology_perspective"].toPlainText(),
            strategy_perspective=self.texts["strategy_perspective"].toPlainText(),
            expected_growth=self.growth_model.values(),
            consultant_name=self.consultant_name.text(),
            consultant_firm=self.consultant_firm.text(),
            consultant_by_vaeksthus=self.by_vaeksthus.isChecked(),
            consultant_hours=hours,
            hourly_rate_ore=rate,
            period_months=months,
            split_mode=SplitMode.CUSTOM if self.split_custom.isChecked() else SplitMode.EQUAL,
            split_basis_points=self.split_model.basis_points(),
        )

    def _changed(self, *_args: Any) -> None:
        if self._loading or self.detail is None:
            return
        self.dirty = True
        self.message.setText(self.tr("Ændringer er ikke gemt."))
        self._recheck()

    def _recheck(self) -> None:
        assert self.detail is not None
        draft = self.current_draft()
        members = self.detail.network.members
        budget = svc.compute_budget(draft, members)
        problems = svc.check_draft(draft, members)
        for key in ("hours", "months", "rate"):
            if key in self._parse_errors:
                problems[key] = [self._parse_errors[key]]
        self._show_checks(budget, problems, draft)
        if self.detail.editable:
            stage = [b for b in self.detail.submit_blockers if b not in _all(self.detail.problems)]
            self._show_blockers(stage + self._table_faults() + _all(problems))

    def _show_checks(
        self, budget: svc.Budget, problems: dict[str, list[str]], draft: svc.ApplicationDraft
    ) -> None:
        editable = self.detail is not None and self.detail.editable
        show = problems if editable else {k: [] for k in problems}
        for key, block in self.perspective_blocks.items():
            label = perspective(key)[0]
            block.set_problems([p for p in show["perspectives"] if quoted(label) in p])
        self.consultant_block.set_problems(show["consultant"])
        self.hours_block.set_problems(show["hours"])
        self.months_block.set_problems(show["months"])
        self.rate_block.set_problems(show["rate"])
        split_faults = self.split_model.fault_messages() if editable else []
        self.split_block.set_problems(split_faults + show["split"])
        growth_faults = self.growth_model.fault_messages() if editable else []
        self.growth_problem.setText("\n".join(growth_faults))
        self.growth_problem.setVisible(bool(growth_faults))
        self.consultant_name.setEnabled(not draft.consultant_by_vaeksthus)
        self.consultant_firm.setEnabled(not draft.consultant_by_vaeksthus)
        self.total.setText("–" if budget.total_ore is None else format_kr(budget.total_ore))
        self.company_share.setText(
            "–" if budget.company_share_ore is None else format_kr(budget.company_share_ore)
        )
        self.programme_share.setText(
            "–" if budget.programme_share_ore is None else format_kr(budget.programme_share_ore)
        )
        self.split_model.show_budget(budget)
        self.split_sum.setText(
            self.tr("I alt: %1 af 100 %").replace("%1", format_percent_bp(budget.split_total_bp))
        )

    def _marked_blocks(self) -> list[_Block]:
        """The blocks that show a problem of their own, in the order of the form."""
        economic = self.perspective_blocks["economic_perspective"]
        blocks = [
            *self.perspective_blocks.values(),
            self.consultant_block,
            self.hours_block,
            self.months_block,
            self.rate_block,
            self.split_block,
        ]
        return [b for b in blocks if b.problem.text() or (b is economic and self.growth_problem.text())]

    def _show_blockers(self, blockers: list[str]) -> None:
        """What stops submission, each problem once: one shown in its block is not repeated here;
        the list names the blocks to correct, and says in full only what has no block."""
        self.submit_button.setEnabled(not blockers)
        marked = self._marked_blocks()
        shown = {
            line
            for label in [*(b.problem for b in marked), self.growth_problem]
            for line in label.text().split("\n")
            if line
        }
        lines = [b for b in blockers if b not in shown]
        if marked:
            lines.append(
                self.tr("Ret det der er markeret under %1.").replace(
                    "%1", ", ".join(quoted(b.title()) for b in marked)
                )
            )
        if lines:
            self.blockers.setText(
                self.tr("Før ansøgningen kan indsendes:") + "\n" + "\n".join(f"• {line}" for line in lines)
            )
        self.blockers.setVisible(bool(lines))

    def _show(self, d: svc.ApplicationDetail) -> None:
        self.detail = d
        self.keep_until.show_date(d.keep_until)  # --- retention
        self.status.setText(d.status_label)
        self.status.setProperty("status", OutboxStatus.PENDING.value if d.pending_send else d.status)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if d.status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED):
            verdict = self.tr("Bevilget") if d.status == ApplicationStatus.APPROVED else self.tr("Afslået")
            text = f"<b>{verdict} {format_date(d.decided_at)}</b>"
            if d.decision_comment:
                text += f": {_html(d.decision_comment)}"
            if d.status == ApplicationStatus.APPROVED:
                text += "<br>" + self.tr("Bonus til netværksmægleren: %1").replace(
                    "%1", format_kr(d.bonus_ore)
                )
            elif d.can_start_revision:
                text += "<br>" + self.tr("Start en ny version for at rette ansøgningen og sende den igen.")
            self.decision.setText(text)
        self.decision.setVisible(d.status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED))
        self.submit_button.setVisible(d.editable)
        self.revision_button.setVisible(d.can_start_revision)
        if d.status == ApplicationStatus.SUBMITTED:
            when = format_datetime(d.submitted_at)
            self.message.setText(
                self.tr("Indsendt %1. Ansøgningen er låst; afventer afsendelse til Væksthus.").replace(
                    "%1", when
                )
                if d.pending_send
                else self.tr("Indsendt %1. Ansøgningen er låst og afventer Væksthus' afgørelse.").replace(
                    "%1", when
                )
            )
        elif d.editable and not self.dirty:
            self.message.setText(
                self.tr("Kladde, senest gemt %1.").replace("%1", format_datetime(d.updated_at))
            )
        elif not d.editable:
            self.message.setText("")
        self.action_plan.setVisible(d.status == ApplicationStatus.APPROVED)
        if d.status == ApplicationStatus.APPROVED:
            self.action_plan.load(d.network_id)
        self._show_checks(d.budget, d.problems, d.draft)
        if d.editable:
            stage = [b for b in d.submit_blockers if b not in _all(d.problems)]
            self._show_blockers(stage + self._table_faults() + _all(d.problems))
        else:
            self.blockers.setVisible(False)

    # -- actions ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Keep the draft. Figures that cannot be read are named and the rest is saved."""
        if self.application_id is None or self.detail is None or not self.detail.editable:
            return False
        draft = self.current_draft()
        application_id = self.application_id
        done = ops.call(
            lambda: svc.save_draft.done(self.ctx.store, application_id, draft), error=self.message.setText
        )
        if done is None:
            return False
        detail = done.value
        self.dirty = False
        self._show(detail)
        unreadable = [*self._parse_errors.values(), *self._table_faults()]
        if unreadable:
            self._recheck()
            # what could not be read is said at its field; here only that it was left out
            self.message.setText(
                self.tr("Kladden er gemt, men det markerede herunder kunne ikke læses og er ikke gemt.")
            )
        ops.announce(self.ctx, done)
        self.saved.emit(application_id)
        return True

    def confirm_submit(self) -> bool:
        return confirm(
            self,
            self.tr("Indsend til Væksthus"),
            self.tr(
                "Når ansøgningen er indsendt, er den låst og kan ikke længere ændres. Den sendes til "
                "Væksthus ved næste synkronisering, og Væksthus træffer afgørelsen.\n\nIndsend ansøgningen nu?"
            ),
            self.tr("Indsend"),
            self.tr("Annullér"),
        )

    def submit(self) -> None:
        """Ask first (submitting locks the application), then save and submit."""
        if self.application_id is None or not self.confirm_submit():
            return
        if not self.save():
            return
        application_id = self.application_id
        done = ops.run(
            self.ctx,
            lambda: svc.submit.done(self.ctx.store, application_id),
            error=self.message.setText,
            then=lambda detail: self.load(detail.id),
        )
        if done is None:
            return
        detail = done.value
        self.ctx.bus.status_reported.emit(self.tr("Ansøgningen er indsendt og venter på at blive sendt."))
        self.submitted.emit(detail.id)

    def start_revision(self) -> None:
        if self.application_id is None:
            return
        application_id = self.application_id
        done = ops.run(
            self.ctx,
            lambda: svc.start_revision.done(self.ctx.store, application_id),
            error=self.message.setText,
            then=self.load,
        )
        if done is None:
            return
        self.revision_started.emit(done.value)

    def export_pdf(self, path: str | Path | None = None) -> None:
        """Save a draft first, then render in the thread pool and open the file when done."""
        if self.application_id is None:
            return
        if self.detail is not None and self.detail.editable and self.dirty:
            self.save()
        # reportlab is imported on first use, keeping it off the start-up path
        from ...reports.application_pdf import default_filename
        from .pdf import export_application

        if path is None and self.detail is not None:  # the broker chooses where (issue 20, item 3)
            path = ask_save_path(
                self, self.ctx, default_filename(self.detail), title=self.tr("Gem ansøgning")
            )
            if path is None:
                return
        self.pdf_button.setEnabled(False)
        self.message.setText(self.tr("Laver PDF…"))

        worker = Worker(export_application, self.ctx.store, self.application_id, path or None)
        worker.signals.finished.connect(self._pdf_done)
        worker.signals.failed.connect(self._pdf_failed)
        self._worker = worker
        self.ctx.pool.start(worker)

    def _pdf_done(self, path: object) -> None:
        self.pdf_button.setEnabled(True)
        opened = open_document(str(path))
        self.message.setText(report_saved(self.ctx, Path(str(path)), opened))
        self.pdf_exported.emit(str(path))

    def _pdf_failed(self, message: str) -> None:
        self.pdf_button.setEnabled(True)
        self.message.setText(self.tr("PDF'en kunne ikke laves: %1").replace("%1", message))
        self.pdf_failed.emit(message)


def _all(problems: dict[str, list[str]]) -> list[str]:
    return [p for key in BLOCKS for p in problems.get(key, [])]
