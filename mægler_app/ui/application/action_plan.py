"""After approval: the action plan's elements as a checklist, its dates, and marking trin 3."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Done
from ...domain.errors import DomainError
from ...domain.messages import Msg
from ...domain.numbers import format_date, format_date_input, parse_date
from ...domain.rules import ACTION_PLAN_ELEMENTS
from ...domain.timeutil import utcnow
from ...store.services import action_plans as svc
from .. import ops, style
from ..context import AppContext


class ActionPlanPanel(QGroupBox):
    """The checklist saves as each element is ticked; dates and notes with their button."""

    saved = Signal(str)
    stage_3_marked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Handlingsplan"))
        self.setObjectName("actionPlan")
        self.ctx = ctx
        self.network_id: str | None = None
        self.info: svc.ActionPlanInfo | None = None
        self._loading = False

        lay = QVBoxLayout(self)
        help_ = QLabel(
            self.tr(
                "Ansøgningen er bevilget. Konsulenten udarbejder handlingsplanen; sæt flueben ved hvert "
                "element efterhånden som det er på plads."
            )
        )
        help_.setObjectName("blockHelp")
        help_.setWordWrap(True)
        lay.addWidget(help_)
        self.progress = QLabel()
        self.progress.setObjectName("planProgress")
        lay.addWidget(self.progress)
        grid = QGridLayout()
        self.checks: dict[str, QCheckBox] = {}
        half = (len(ACTION_PLAN_ELEMENTS) + 1) // 2
        for i, (key, label) in enumerate(ACTION_PLAN_ELEMENTS.items()):
            box = QCheckBox(self.tr(label))
            box.setObjectName(f"element_{key}")
            box.toggled.connect(self._element_toggled)
            self.checks[key] = box
            grid.addWidget(box, i % half, i // half)
        lay.addLayout(grid)

        dates = QHBoxLayout()
        form = QFormLayout()
        self.start = QLineEdit()
        self.start.setObjectName("planStart")
        self.start.setPlaceholderText(self.tr("fx 7.3.2026"))
        self.start.setMaximumWidth(160)
        self.end = QLineEdit()
        self.end.setObjectName("planEnd")
        self.end.setPlaceholderText(self.tr("fx 6.9.2026"))
        self.end.setMaximumWidth(160)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Slut"), self.end)
        dates.addLayout(form)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("planNotes")
        self.notes.setPlaceholderText(self.tr("Noter om konsulentens arbejde"))
        self.notes.setMaximumHeight(70)
        dates.addWidget(self.notes, 1)
        lay.addLayout(dates)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Gem datoer og noter"))
        self.save_button.setObjectName("savePlan")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        lay.addWidget(self.problem)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        lay.addWidget(self.warning)

        # Trin 3: the network has become a business network.
        self.stage_3_box = QGroupBox(self.tr("Trin 3: forretningsnetværk"))
        self.stage_3_box.setObjectName("stage3")
        tl = QVBoxLayout(self.stage_3_box)
        self.stage_3_state = QLabel()
        self.stage_3_state.setObjectName("stage3State")
        self.stage_3_state.setWordWrap(True)
        tl.addWidget(self.stage_3_state)
        tf = QFormLayout()
        self.stage_3_evidence = QPlainTextEdit()
        self.stage_3_evidence.setObjectName("stage3Evidence")
        self.stage_3_evidence.setPlaceholderText(
            self.tr(
                "Hvad viser, at netværket er et forretningsnetværk? Fx en fælles ordre, et fælles selskab."
            )
        )
        self.stage_3_evidence.setMaximumHeight(70)
        self.stage_3_date = QLineEdit()
        self.stage_3_date.setObjectName("stage3Date")
        self.stage_3_date.setMaximumWidth(160)
        tf.addRow(self.tr("Det viser"), self.stage_3_evidence)
        tf.addRow(self.tr("Dato"), self.stage_3_date)
        tl.addLayout(tf)
        self.stage_3_button = QPushButton(self.tr("Markér som forretningsnetværk (trin 3)"))
        self.stage_3_button.setObjectName("markStage3")
        self.stage_3_button.clicked.connect(self.mark_stage_3)
        tl.addWidget(self.stage_3_button)
        self.stage_3_problem = QLabel()
        self.stage_3_problem.setObjectName("error")
        self.stage_3_problem.setWordWrap(True)
        self.stage_3_problem.setVisible(False)
        tl.addWidget(self.stage_3_problem)
        lay.addWidget(self.stage_3_box)

    def load(self, network_id: str) -> None:
        self.network_id = network_id
        info = svc.get_action_plan(self.ctx.store, network_id)
        self.info = info
        if info is None:
            self.setVisible(False)
            return
        self._loading = True
        try:
            for key, box in self.checks.items():
                box.setChecked(info.elements.get(key, False))
            self.start.setText(format_date_input(info.start_date))
            self.end.setText(format_date_input(info.end_date))
            self.notes.setPlainText(info.notes)
            if not self.stage_3_date.text():
                self.stage_3_date.setText(format_date_input(utcnow().date()))
        finally:
            self._loading = False
        self._show(info)

    def _show(self, info: svc.ActionPlanInfo) -> None:
        self.info = info
        self.progress.setText(
            str(Msg.UI_ELEMENTS_DONE(done=info.done, total=info.total))
            + (" · " + str(Msg.UI_PERIOD_MONTHS(n=info.period_months)) if info.period_months else "")
        )
        self.warning.setText("\n".join(info.warnings))
        self.warning.setVisible(bool(info.warnings))
        done = info.is_stage_3
        style.read_only(self.stage_3_evidence, done)
        style.read_only(self.stage_3_date, done)
        self.stage_3_button.setVisible(not done)
        if done:
            self.stage_3_state.setText(
                self.tr("Netværket er forretningsnetværk (trin 3) fra %1.").replace(
                    "%1", format_date(info.stage_3_on)
                )
            )
            self.stage_3_evidence.setPlainText(info.stage_3_evidence)
            self.stage_3_date.setText(format_date_input(info.stage_3_on))
        else:
            self.stage_3_state.setText(
                self.tr(
                    "Når netværket samarbejder forretningsmæssigt (fx fælles ordrer, et fælles selskab), "
                    "markeres det som forretningsnetværk med dato og hvad der viser det."
                )
            )

    def _elements(self) -> dict[str, bool]:
        return {k: box.isChecked() for k, box in self.checks.items()}

    def _element_toggled(self, _checked: bool) -> None:
        if self._loading or self.network_id is None or self.info is None:
            return
        self._save(self._elements(), self.info.start_date, self.info.end_date, self.info.notes)

    def save(self) -> None:
        if self.network_id is None:
            return
        try:
            start = parse_date(self.start.text()) if self.start.text().strip() else None
            end = parse_date(self.end.text()) if self.end.text().strip() else None
        except DomainError as exc:
            self._problem(str(exc))
            return
        self._save(self._elements(), start, end, self.notes.toPlainText())

    def _save(
        self, elements: dict[str, bool], start: dt.date | None, end: dt.date | None, notes: str
    ) -> None:
        assert self.network_id is not None
        network_id = self.network_id

        def saved(info: svc.ActionPlanInfo) -> None:
            self._problem("")
            self._show(info)

        done = ops.run(
            self.ctx,
            lambda: svc.save_action_plan.done(self.ctx.store, network_id, elements, start, end, notes),
            error=self._problem,
            then=saved,
        )
        if done is None:
            return
        self.saved.emit(network_id)

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def mark_stage_3(self) -> None:
        if self.network_id is None:
            return
        network_id = self.network_id

        def work() -> Done[svc.ActionPlanInfo]:
            day = parse_date(self.stage_3_date.text()) if self.stage_3_date.text().strip() else None
            return svc.mark_stage_3.done(self.ctx.store, network_id, self.stage_3_evidence.toPlainText(), day)

        def marked(info: svc.ActionPlanInfo) -> None:
            self.stage_3_problem.setVisible(False)
            self._show(info)

        if ops.run(self.ctx, work, error=self.stage_3_problem, then=marked) is None:
            return
        self.ctx.bus.status_reported.emit(self.tr("Netværket er markeret som forretningsnetværk (trin 3)."))
        self.stage_3_marked.emit(self.network_id)
