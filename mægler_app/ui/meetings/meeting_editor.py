"""Logging or planning a meeting: when, kind, place, participants, agenda, minutes, next steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import suggest_planned
from ...domain.rules import GUSTAVSSON_DIMENSIONS, MEETING_KINDS
from ...domain.timeutil import utcnow
from ...store.retention import projected_keep_until  # --- retention
from ...store.services import meetings as svc
from .. import keyboard, ops, unsaved
from ..context import AppContext
from ..files import ask_save_path
from ..live_errors import LiveErrors
from ..retention_label import KeepUntilLabel  # --- retention
from .amount_edit import AmountEdit
from .expense_editor import ExpenseEditor
from .exports import Exporter, export_meeting_pdf, meeting_pdf_name
from .models import NextStepsModel


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


class MeetingEditor(QDialog):
    saved = Signal(str)  # meeting id
    deleted = Signal(str)

    def __init__(
        self, ctx: AppContext, network_id: str, meeting_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.meeting_id = meeting_id
        self.setObjectName("meetingEditor")
        self.setWindowTitle(self.tr("Nyt møde") if meeting_id is None else self.tr("Møde"))
        self.resize(820, 760)
        self.exporter = Exporter(ctx, self)

        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d.M.yyyy HH:mm")
        self.when.setObjectName("meetingWhen")
        self.kind = QComboBox()
        self.kind.setObjectName("meetingKind")
        for key, label in MEETING_KINDS.items():
            self.kind.addItem(label, key)
        self.place = QLineEdit()
        self.place.setObjectName("meetingPlace")
        self.planned = QCheckBox(self.tr("Planlagt møde (ikke holdt endnu)"))
        self.planned.setObjectName("meetingPlanned")
        self.estimate = AmountEdit(required=False)
        self.estimate.setObjectName("meetingEstimate")
        est_box = QWidget()
        est_lay = QHBoxLayout(est_box)
        est_lay.setContentsMargins(0, 0, 0, 0)
        est_lay.addWidget(self.estimate)
        est_lay.addWidget(self.estimate.message, 1)
        self.planned.toggled.connect(self._on_planned)
        # --- broker: a new meeting set later than now is planned, until the broker says otherwise
        self._planned_chosen = False
        self.planned.clicked.connect(self._on_planned_clicked)
        self.when.dateTimeChanged.connect(self._suggest_planned)
        form.addRow(self.tr("Tidspunkt"), self.when)
        self.keep_until = KeepUntilLabel()  # --- retention: follows the time
        form.addRow("", self.keep_until)
        form.addRow(self.tr("Mødetype"), self.kind)
        form.addRow(self.tr("Sted"), self.place)
        form.addRow("", self.planned)
        form.addRow(self.tr("Anslået udgift"), est_box)

        self.participants = QListWidget()
        self.participants.setObjectName("meetingParticipants")
        self.participants.setMaximumHeight(120)
        self.participants.setAccessibleName(self.tr("Deltagere"))
        form.addRow(self.tr("Deltagere"), self.participants)
        self.others = QLineEdit()
        self.others.setObjectName("meetingOthers")
        self.others.setPlaceholderText(self.tr("Andre deltagere, adskilt af komma"))
        form.addRow(self.tr("Andre deltagere"), self.others)

        self.agenda = QPlainTextEdit()
        self.agenda.setObjectName("meetingAgenda")
        self.minutes = QPlainTextEdit()
        self.minutes.setObjectName("meetingMinutes")
        self.decisions = QPlainTextEdit()
        self.decisions.setObjectName("meetingDecisions")
        for edit, height in ((self.agenda, 70), (self.minutes, 110), (self.decisions, 60)):
            edit.setMinimumHeight(height)
            edit.setTabChangesFocus(True)
        form.addRow(self.tr("Dagsorden"), self.agenda)
        form.addRow(self.tr("Referat"), self.minutes)
        form.addRow(self.tr("Beslutninger"), self.decisions)

        steps_box = QWidget()
        steps_lay = QVBoxLayout(steps_box)
        steps_lay.setContentsMargins(0, 0, 0, 0)
        self.steps = QTableView()
        self.steps.setObjectName("meetingSteps")
        self.steps.setAccessibleName(self.tr("Næste skridt"))
        # Right under the steps: a deadline that cannot be read, kept as typed in its cell.
        self.steps_problem = QLabel()
        self.steps_problem.setObjectName("error")
        self.steps_problem.setWordWrap(True)
        self.steps_problem.hide()
        self._use_steps(NextStepsModel(parent=self))
        self.steps.verticalHeader().setVisible(False)
        self.steps.setMinimumHeight(110)
        self.steps.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(NextStepsModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NextStepsModel.COL_OWNER, 150)
        header.resizeSection(NextStepsModel.COL_DUE, 130)
        steps_lay.addWidget(self.steps)
        steps_lay.addWidget(self.steps_problem)
        step_buttons = QHBoxLayout()
        self.add_step_button = QPushButton(self.tr("Tilføj skridt"))
        self.add_step_button.setObjectName("addStep")
        self.add_step_button.clicked.connect(self._add_step)
        self.remove_step_button = QPushButton(self.tr("Fjern skridt"))
        self.remove_step_button.clicked.connect(self._remove_step)
        step_buttons.addWidget(self.add_step_button)
        step_buttons.addWidget(self.remove_step_button)
        step_buttons.addStretch(1)
        step_buttons.addWidget(QLabel(self.tr("Frist skrives som 1.5.2026")))
        steps_lay.addLayout(step_buttons)
        form.addRow(self.tr("Næste skridt"), steps_box)

        dims = QGroupBox(self.tr("Hvilke af Gustavssons dimensioner flyttede mødet?"))
        dims_lay = QGridLayout(dims)
        self.dimension_boxes: dict[str, QCheckBox] = {}
        for i, (key, label) in enumerate(GUSTAVSSON_DIMENSIONS.items()):
            box = QCheckBox(label)
            box.setObjectName(f"dimension_{key}")
            self.dimension_boxes[key] = box
            dims_lay.addWidget(box, i // 2, i % 2)
        form.addRow(dims)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Referat som PDF"))
        self.pdf_button.setObjectName("meetingPdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.expense_button = QPushButton(self.tr("Udgift til mødet…"))
        self.expense_button.setObjectName("meetingExpense")
        self.expense_button.clicked.connect(self.add_expense)
        self.delete_button = QPushButton(self.tr("Slet møde"))
        self.delete_button.setObjectName("meetingDelete")
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton(self.tr("Gem"))
        self.save_button.setObjectName("meetingSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Luk"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.expense_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addLayout(buttons)
        self.save_button.setToolTip(self.tr("Gem mødet (%1)").replace("%1", keyboard.save_key_text()))
        keyboard.scope(self)
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        self.errors = LiveErrors(self.error, self, self._problems)
        self._load()
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)  # the dialog opens in its first field
        self._opened = unsaved.snapshot(self)

    # ------------------------------------------------------------------------------------------
    def _load(self) -> None:
        contacts = svc.network_contacts(self.ctx.store, self.network_id)
        chosen: list[str] = []
        extra: list[svc.Participant] = []
        if self.meeting_id is not None:
            detail = svc.get_meeting(self.ctx.store, self.meeting_id)
            m = detail.data
            chosen = m.participant_contact_ids
            known = {c.contact_id for c in contacts}
            extra = [p for p in detail.participants if p.contact_id not in known]
            self.when.setDateTime(to_qdatetime(m.starts_at))
            self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind)))
            self.place.setText(m.place)
            self.others.setText(m.other_participants)
            self.agenda.setPlainText(m.agenda)
            self.minutes.setPlainText(m.minutes)
            self.decisions.setPlainText(m.decisions)
            self._use_steps(NextStepsModel(m.next_steps, self))
            for key, box in self.dimension_boxes.items():
                box.setChecked(key in m.dimensions)
            self.planned.setChecked(m.planned)
            self.estimate.set_value_ore(m.estimated_cost_ore or None)
            self.keep_until.show_date(detail.keep_until)  # --- retention
        else:
            self.when.setDateTime(to_qdatetime(svc.default_start()))
            # --- retention: before the first save, the date the typed time gives
            self.when.dateTimeChanged.connect(self._show_projected_keep_until)
            self._show_projected_keep_until()
        for c in contacts + extra:
            text = f"{c.name}, {c.company}" + (f" ({c.role})" if c.role else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.contact_id in chosen else Qt.CheckState.Unchecked)
            self.participants.addItem(item)
        if not contacts and not extra:
            item = QListWidgetItem(self.tr("Netværkets virksomheder har ingen kontaktpersoner endnu."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.participants.addItem(item)
        self._on_planned(self.planned.isChecked())
        self.pdf_button.setEnabled(self.meeting_id is not None)
        self.expense_button.setEnabled(self.meeting_id is not None)
        self.delete_button.setEnabled(self.meeting_id is not None)

    # --- retention
    def _show_projected_keep_until(self, *_args: object) -> None:
        starts = from_qdatetime(self.when.dateTime())
        self.keep_until.show_date(projected_keep_until(self.ctx.store, "meeting", {"starts_at": starts}))

    def _use_steps(self, model: NextStepsModel) -> None:
        self.steps_model = model
        self.steps.setModel(model)
        for signal in (model.dataChanged, model.rowsRemoved, model.modelReset):
            signal.connect(self._show_step_faults)
        self._show_step_faults()

    def _show_step_faults(self, *_args: object) -> None:
        faults = self.steps_model.fault_messages()
        self.steps_problem.setText("\n".join(faults))
        self.steps_problem.setVisible(bool(faults))
        if hasattr(self, "errors"):
            self.errors.recheck()  # a new model (a load) is not among the signals watched

    def _on_planned(self, planned: bool) -> None:
        self.estimate.setEnabled(planned)

    def _on_planned_clicked(self) -> None:
        self._planned_chosen = True

    def _suggest_planned(self, _when: QDateTime) -> None:
        """A new meeting: planned when its time is ahead (``domain.meetings.suggest_planned``)."""
        if self.meeting_id is None and not self._planned_chosen:
            self.planned.setChecked(suggest_planned(from_qdatetime(self.when.dateTime()), utcnow()))

    def _add_step(self) -> None:
        index = self.steps_model.add_step()
        self.steps.setCurrentIndex(index)
        self.steps.edit(index)

    def _remove_step(self) -> None:
        index = self.steps.currentIndex()
        if index.isValid():
            self.steps_model.remove_step(index.row())

    def _problems(self) -> list[str]:
        """What stops a save now, but what stands at its own field (the estimate, a deadline)."""
        if (self.planned.isChecked() and self.estimate.error()) or self.steps_model.fault_messages():
            return []
        return [str(m) for m in svc.validate(self.value())]

    # ------------------------------------------------------------------------------------------
    def set_participants(self, contact_ids: list[str]) -> None:
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            cid = item.data(Qt.ItemDataRole.UserRole)
            if cid:
                item.setCheckState(Qt.CheckState.Checked if cid in contact_ids else Qt.CheckState.Unchecked)

    def chosen_participants(self) -> list[str]:
        out = []
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            cid = item.data(Qt.ItemDataRole.UserRole)
            if cid and item.checkState() == Qt.CheckState.Checked:
                out.append(cid)
        return out

    def value(self) -> svc.MeetingInput:
        return svc.MeetingInput(
            network_id=self.network_id,
            starts_at=from_qdatetime(self.when.dateTime()),
            kind=str(self.kind.currentData()),
            place=self.place.text(),
            participant_contact_ids=self.chosen_participants(),
            other_participants=self.others.text(),
            agenda=self.agenda.toPlainText(),
            minutes=self.minutes.toPlainText(),
            decisions=self.decisions.toPlainText(),
            next_steps=self.steps_model.steps(),
            dimensions=[k for k, box in self.dimension_boxes.items() if box.isChecked()],
            planned=self.planned.isChecked(),
            estimated_cost_ore=(self.estimate.value_ore() or 0) if self.planned.isChecked() else 0,
        )

    def _store(self) -> bool:
        """Write what is typed; on a problem show it in Danish and keep everything as typed."""
        # A problem at a field of its own is said there, once, and the focus goes to it.
        if self.planned.isChecked() and self.estimate.error():
            self.errors.clear()
            self.estimate.show_error()
            keyboard.bring_to(self.estimate)
            return False
        if self.steps_model.fault_messages():
            # Saved without it, the deadline would be lost; the broker corrects it first.
            self.errors.clear()
            keyboard.bring_to(self.steps)
            return False

        def saved(meeting_id: str) -> None:
            self.meeting_id = meeting_id
            self.errors.clear()
            self.pdf_button.setEnabled(True)
            self.delete_button.setEnabled(True)

        done = ops.run(
            self.ctx,
            lambda: svc.save_meeting.done(self.ctx.store, self.value(), self.meeting_id),
            error=lambda text: self.errors.refuse(self._problems() or [text]),
            then=saved,
        )
        if done is None:
            return False
        self.saved.emit(done.value)
        return True

    def reject(self) -> None:
        """Luk or Esc: typing not saved is saved, dropped or kept on the broker's word."""
        if unsaved.snapshot(self) != self._opened:
            name = self.place.text().strip() or self.tr("mødet")
            if not unsaved.confirm_leave(self, name, lambda: True if self._store() else None):
                return
        super().reject()

    def save(self) -> bool:
        if not self._store():
            return False
        self.ctx.bus.status_reported.emit(self.tr("Mødet er gemt."))
        self.accept()
        return True

    def confirm_delete(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Slet møde"),
            self.tr("Slet mødet? Udgifter knyttet til mødet bevares, men mister koblingen til det."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        if self.meeting_id is None or not self.confirm_delete():
            return
        meeting_id = self.meeting_id
        done = ops.run(self.ctx, lambda: svc.delete_meeting.done(self.ctx.store, meeting_id), parent=self)
        if done is None:
            return
        self.deleted.emit(meeting_id)
        self.accept()

    def add_expense(self) -> ExpenseEditor | None:
        """An expense booked on this meeting (a planned meeting's estimate then counts as spent)."""
        if self.meeting_id is None:
            return None
        editor = ExpenseEditor(self.ctx, self.network_id, None, self, meeting_id=self.meeting_id)
        editor.open()
        return editor

    def export_pdf(self) -> None:
        """The minutes as they stand in the dialog: saved first, so the PDF and the log agree."""
        if self._store() and self.meeting_id is not None:
            name = meeting_pdf_name(self.ctx.store, self.meeting_id)
            path = ask_save_path(self, self.ctx, name, title=self.tr("Gem referat"))
            if path is not None:
                self.exporter.run(export_meeting_pdf, self.meeting_id, path)
