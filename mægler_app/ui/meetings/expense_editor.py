"""Booking an expense: date, category, description, amount, meeting, receipt, and the budget rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.numbers import format_kr
from ...domain.rules import EXPENSE_CATEGORIES
from ...store.retention import projected_keep_until  # --- retention
from ...store.services import blobs
from ...store.services import expenses as svc
from .. import keyboard, ops, unsaved
from ..context import AppContext
from ..live_errors import LiveErrors
from ..retention_label import KeepUntilLabel  # --- retention
from .amount_edit import AmountEdit
from .receipt_viewer import ReceiptViewer

RECEIPT_FILTER = "Kvitteringer (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)"


class ExpenseEditor(QDialog):
    saved = Signal(str)  # expense id

    def __init__(
        self,
        ctx: AppContext,
        network_id: str,
        expense_id: str | None = None,
        parent: QWidget | None = None,
        *,
        meeting_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.expense_id = expense_id
        self.receipt_sha256 = ""
        self.receipt_name = ""
        self.last_saved: svc.SavedExpense | None = None
        self.setObjectName("expenseEditor")
        self.setWindowTitle(self.tr("Ny udgift") if expense_id is None else self.tr("Udgift"))
        self.resize(620, 560)

        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setObjectName("expenseDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d.M.yyyy")
        self.date.setDate(QDate.currentDate())
        self.category = QComboBox()
        self.category.setObjectName("expenseCategory")
        for key, label in EXPENSE_CATEGORIES.items():
            self.category.addItem(label, key)
        self.description = QLineEdit()
        self.description.setObjectName("expenseDescription")
        self.amount = AmountEdit()
        self.amount.setObjectName("expenseAmount")
        amount_box = QWidget()
        amount_lay = QHBoxLayout(amount_box)
        amount_lay.setContentsMargins(0, 0, 0, 0)
        amount_lay.addWidget(self.amount)
        amount_lay.addWidget(self.amount.message, 1)
        self.meeting = QComboBox()
        self.meeting.setObjectName("expenseMeeting")
        self.meeting.addItem(self.tr("(intet møde)"), "")
        for choice in svc.meeting_choices(ctx.store, network_id):
            self.meeting.addItem(choice.label, choice.id)
        receipt_box = QWidget()
        receipt_lay = QHBoxLayout(receipt_box)
        receipt_lay.setContentsMargins(0, 0, 0, 0)
        self.receipt_label = QLabel(self.tr("Ingen kvittering"))
        self.receipt_label.setObjectName("expenseReceipt")
        self.attach_button = QPushButton(self.tr("Vedhæft kvittering…"))
        self.attach_button.setObjectName("attachReceipt")
        self.attach_button.clicked.connect(self._choose_receipt)
        self.view_button = QPushButton(self.tr("Vis"))
        self.view_button.setObjectName("viewReceipt")
        self.view_button.clicked.connect(self.view_receipt)
        self.remove_receipt_button = QPushButton(self.tr("Fjern"))
        self.remove_receipt_button.clicked.connect(lambda: self._set_receipt("", ""))
        receipt_lay.addWidget(self.receipt_label, 1)
        receipt_lay.addWidget(self.attach_button)
        receipt_lay.addWidget(self.view_button)
        receipt_lay.addWidget(self.remove_receipt_button)
        form.addRow(self.tr("Dato"), self.date)
        self.keep_until = KeepUntilLabel()  # --- retention: follows the date
        form.addRow("", self.keep_until)
        form.addRow(self.tr("Kategori"), self.category)
        form.addRow(self.tr("Beskrivelse"), self.description)
        form.addRow(self.tr("Beløb (kr.)"), amount_box)
        form.addRow(self.tr("Møde"), self.meeting)
        form.addRow(self.tr("Kvittering"), receipt_box)

        self.override_box = QWidget()
        ov = QVBoxLayout(self.override_box)
        ov.setContentsMargins(0, 0, 0, 0)
        override_label = QLabel(self.tr("Begrundelse for at gå over rammen (sendes til Væksthus):"))
        ov.addWidget(override_label)
        self.override = QPlainTextEdit()
        override_label.setBuddy(self.override)
        self.override.setAccessibleName(self.tr("Begrundelse for at gå over rammen"))
        self.override.setObjectName("expenseOverride")
        self.override.setMaximumHeight(70)
        self.override.setTabChangesFocus(True)
        ov.addWidget(self.override)
        self.override_box.hide()

        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.over = QLabel()
        self.over.setObjectName("error")
        self.over.setWordWrap(True)
        self.over.hide()

        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Slet udgift"))
        self.delete_button.setObjectName("expenseDelete")
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setEnabled(expense_id is not None)
        self.save_button = QPushButton(self.tr("Gem"))
        self.save_button.setObjectName("expenseSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Luk"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.over)
        outer.addWidget(self.override_box)
        outer.addWidget(self.warning)
        outer.addWidget(self.error)
        outer.addStretch(1)
        outer.addLayout(buttons)
        self.save_button.setToolTip(self.tr("Gem udgiften (%1)").replace("%1", keyboard.save_key_text()))
        keyboard.scope(self)
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        # what the last save or attachment said; a wrong amount is said under the amount only
        self.errors = LiveErrors(self.error, self, self._problems)
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)  # the dialog opens in its first field

        if expense_id is not None:
            row = svc.get_expense(ctx.store, expense_id)
            self.date.setDate(QDate(row.spent_on.year, row.spent_on.month, row.spent_on.day))
            self.category.setCurrentIndex(max(0, self.category.findData(row.category)))
            self.description.setText(row.description)
            self.amount.set_value_ore(row.amount_ore)
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(row.meeting_id or "")))
            self.override.setPlainText(row.override_reason)
            self._set_receipt(row.receipt_sha256, row.receipt_name, check=False)
            self.keep_until.show_date(row.keep_until)  # --- retention
        elif meeting_id:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(meeting_id)))
        self._set_receipt(self.receipt_sha256, self.receipt_name, check=False)
        # --- retention: before the first save, the date the typed day gives
        if expense_id is None:
            self.date.dateChanged.connect(self._show_projected_keep_until)
            self._show_projected_keep_until()

        for signal in (
            self.date.dateChanged,
            self.category.currentIndexChanged,
            self.amount.textChanged,
            self.meeting.currentIndexChanged,
        ):
            signal.connect(self.recheck)
        self.recheck()
        self._opened = unsaved.snapshot(self)

    def reject(self) -> None:
        """Luk or Esc: typing not saved is saved, dropped or kept on the broker's word."""
        if unsaved.snapshot(self) != self._opened:
            name = self.description.text().strip() or self.tr("udgiften")
            if not unsaved.confirm_leave(self, name, lambda: True if self.save() else None):
                return
            if not self.isVisible():
                return  # saved: the save closed the dialog
        super().reject()

    # ------------------------------------------------------------------------------------------
    def _choose_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Vælg kvittering"), str(Path.home()), RECEIPT_FILTER
        )
        if path:
            self.attach_receipt(Path(path))

    def attach_receipt(self, path: Path) -> bool:
        """Store the file in the profile (once per content) and attach it to this expense."""
        try:
            blob = blobs.store_file(self.ctx.store, path)
        except DomainError as exc:
            self._show_error(str(exc))
            return False
        self._show_error("")
        self._set_receipt(blob.sha256, blob.name)
        return True

    def _set_receipt(self, sha256: str, name: str, *, check: bool = True) -> None:
        self.receipt_sha256, self.receipt_name = sha256, name
        self.receipt_label.setText(name or (self.tr("Kvittering") if sha256 else self.tr("Ingen kvittering")))
        self.view_button.setEnabled(bool(sha256))
        self.remove_receipt_button.setEnabled(bool(sha256))
        if check:
            self.recheck()

    def view_receipt(self) -> ReceiptViewer | None:
        if not self.receipt_sha256:
            return None
        viewer = ReceiptViewer(self.ctx.store, self.receipt_sha256, self.receipt_name, self)
        viewer.open()
        return viewer

    def _show_error(self, text: str) -> None:
        if text:
            self.errors.say(text)
        else:
            self.errors.clear()

    # --- retention
    def _show_projected_keep_until(self, *_args: object) -> None:
        day = self.date.date()
        spent = dt.date(day.year(), day.month(), day.day())
        self.keep_until.show_date(projected_keep_until(self.ctx.store, "expense", {"spent_on": spent}))

    def _problems(self) -> list[str]:
        """What still stops a save, once an attempt was refused (over the frame without a reason)."""
        inp = self.value()
        if inp is None:
            return []  # the amount says why, under the amount
        chk = svc.check_expense(self.ctx.store, inp, self.expense_id)
        if chk.exceeds_frame and not inp.override_reason.strip():
            return [self.tr("Udgiften er ikke gemt: skriv en begrundelse for at gå over rammen.")]
        return []

    def value(self) -> svc.ExpenseInput | None:
        amount = self.amount.value_ore()
        if amount is None:
            return None
        qd = self.date.date()
        return svc.ExpenseInput(
            network_id=self.network_id,
            spent_on=dt.date(qd.year(), qd.month(), qd.day()),
            amount_ore=amount,
            category=str(self.category.currentData()),
            description=self.description.text(),
            meeting_id=str(self.meeting.currentData()) or None,
            receipt_sha256=self.receipt_sha256,
            receipt_name=self.receipt_name,
            override_reason=self.override.toPlainText(),
        )

    def recheck(self) -> svc.ExpenseCheck | None:
        """Show, as the broker types, what saving would mean: draft, date warnings, over the frame."""
        inp = self.value()
        if inp is None:
            self.warning.hide()
            self.over.hide()
            self.override_box.hide()
            return None
        if not inp.description.strip():
            inp.description = "-"  # judged on save; don't nag while the broker is still typing
        chk = svc.check_expense(self.ctx.store, inp, self.expense_id)
        lines = list(chk.warnings)
        if chk.budget_message and not chk.exceeds_frame:
            lines.append(chk.budget_message)
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.over.setText(chk.budget_message if chk.exceeds_frame else "")
        self.over.setVisible(chk.exceeds_frame)
        self.override_box.setVisible(chk.exceeds_frame)
        if chk.exceeds_frame:
            self.save_button.setText(self.tr("Gem med begrundelse"))
        elif chk.status == svc.DRAFT:
            self.save_button.setText(self.tr("Gem som kladde"))
        else:
            self.save_button.setText(self.tr("Gem"))
        return chk

    def save(self) -> bool:
        """Save; on a problem the dialog stays open with everything typed and a Danish message."""
        inp = self.value()
        if inp is None:
            self.errors.clear()
            self.amount.show_error()  # the reason, under the amount, once
            return False

        def over_budget(exc: Exception) -> bool:
            if not isinstance(exc, svc.BudgetExceededError):
                return False
            self.override_box.show()
            self.over.setText(str(exc))
            self.over.show()
            self.errors.refuse(self._problems())
            self.override.setFocus()
            return True

        def saved(result: svc.SavedExpense) -> None:
            self.expense_id = result.id
            self.last_saved = result
            self._show_error("")

        done = ops.run(
            self.ctx,
            lambda: svc.save_expense.done(self.ctx.store, inp, self.expense_id),
            error=self._show_error,
            on_error=over_budget,
            then=saved,
        )
        if done is None:
            return False
        result = done.value
        if result.flagged:
            message = self.tr("Udgiften er gemt over rammen; begrundelsen sendes til Væksthus.")
        elif result.status == svc.DRAFT:
            message = self.tr("Udgiften er gemt som kladde: vedhæft kvitteringen, så tæller den med.")
        else:
            message = self.tr("Udgiften på %1 er gemt.").replace("%1", format_kr(inp.amount_ore))
        self.ctx.bus.status_reported.emit(message)
        self.saved.emit(result.id)
        self.accept()
        return True

    def confirm_delete(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Slet udgift"), self.tr("Slet udgiften?"))
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        if self.expense_id is None or not self.confirm_delete():
            return
        expense_id = self.expense_id
        done = ops.run(
            self.ctx, lambda: svc.delete_expense.done(self.ctx.store, expense_id), error=self._show_error
        )
        if done is None:
            return
        self.accept()
