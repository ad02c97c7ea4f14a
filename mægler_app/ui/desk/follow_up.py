"""»Ny opfølgning«: a caseworker records Væksthus' follow-up on a network (issue 18 part 5) — the
date, what was offered (guidance, sparring, …) and, if agreed, the next date. Saved in the
caseworker's store (the outbox takes it to the server at the next sync); the network's broker
reads it on the network's timeline after their sync.

Keyboard-complete like the other dialogs (ui/keyboard.py): Tab in reading order inside the dialog,
every input named by its label, Ctrl+S saves, Esc closes (asking first when something was typed).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.vocab import FOLLOW_UP_KINDS
from ...store.services import follow_ups as svc
from .. import keyboard, ops, unsaved
from ..context import AppContext


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d.M.yyyy")
    edit.setDate(QDate.currentDate())
    return edit


class FollowUpDialog(QDialog):
    saved = Signal(str)  # the follow-up's id

    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.saved_id: str | None = None
        self.setObjectName("followUpDialog")
        name = svc.network_name(ctx.store, network_id)
        self.setWindowTitle(self.tr("Ny opfølgning"))
        self.resize(560, 420)

        intro = QLabel(
            self.tr("Væksthus' opfølgning på »%1«. Mægleren ser den på netværkets tidslinje efter sin næste "
                    "synkronisering og kan ikke ændre den.").replace("%1", name)
        )  # fmt: skip
        intro.setObjectName("followUpIntro")
        intro.setWordWrap(True)

        form = QFormLayout()
        self.held_on = _date_edit("followUpDate")
        self.kind = QComboBox()
        self.kind.setObjectName("followUpKind")
        for key, label in FOLLOW_UP_KINDS.items():
            self.kind.addItem(label, key)
        self.offered = QPlainTextEdit()
        self.offered.setObjectName("followUpOffered")
        self.offered.setTabChangesFocus(True)
        self.offered.setPlaceholderText(
            self.tr("Fx sparring om handlingsplanen, vejledning om ansøgningen, hjælp til konsulentvalg.")
        )
        next_box = QWidget()
        nl = QHBoxLayout(next_box)
        nl.setContentsMargins(0, 0, 0, 0)
        self.has_next = QCheckBox(self.tr("Aftalt"))
        self.has_next.setObjectName("followUpHasNext")
        self.next_on = _date_edit("followUpNext")
        self.next_on.setDate(QDate.currentDate().addMonths(3))
        self.next_on.setEnabled(False)
        self.has_next.toggled.connect(self.next_on.setEnabled)
        nl.addWidget(self.has_next)
        nl.addWidget(self.next_on)
        nl.addStretch(1)
        form.addRow(self.tr("Dato"), self.held_on)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Hvad blev tilbudt"), self.offered)
        form.addRow(self.tr("Næste opfølgning"), next_box)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Annullér"))
        cancel.setObjectName("followUpCancel")
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Gem opfølgning"))
        self.save_button.setObjectName("followUpSave")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Gem opfølgningen (%1)").replace("%1", keyboard.save_key_text()))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addWidget(intro)
        outer.addLayout(form)
        outer.addWidget(self.error)
        outer.addStretch(1)
        outer.addLayout(buttons)
        keyboard.scope(self)
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        self.held_on.setFocus(Qt.FocusReason.OtherFocusReason)  # the dialog opens in its first field
        self._opened = unsaved.snapshot(self)

    def data(self) -> svc.FollowUpInput:
        return svc.FollowUpInput(
            network_id=self.network_id,
            held_on=self.held_on.date().toPython(),  # type: ignore[arg-type]
            kind=str(self.kind.currentData()),
            offered=self.offered.toPlainText(),
            next_on=self.next_on.date().toPython() if self.has_next.isChecked() else None,  # type: ignore[arg-type]
        )

    def save(self) -> bool:
        """Save and close; False (and the reason under the fields, nothing lost) when it cannot."""

        def saved(follow_up_id: str) -> None:
            self.saved_id = follow_up_id
            self.error.hide()
            network = svc.network_name(self.ctx.store, self.network_id)
            self.ctx.bus.status_reported.emit(str(Msg.FOLLOW_UP_SAVED(network=network)))

        done = ops.run(
            self.ctx,
            lambda: svc.save_follow_up.done(self.ctx.store, self.data()),
            error=self.error,
            then=saved,
        )
        if done is None:
            return False
        self.saved.emit(done.value)
        self.accept()
        return True

    def reject(self) -> None:
        """Annullér or Esc: what was typed is saved, dropped or kept on the caseworker's word."""
        if self.saved_id is None and unsaved.snapshot(self) != self._opened:
            if not unsaved.confirm_leave(
                self, self.tr("opfølgningen"), lambda: True if self.save() else None
            ):
                return
            if not self.isVisible():
                return  # saved: the save closed the dialog
        super().reject()
