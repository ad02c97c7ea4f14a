"""Filer → »Dit navn …« (issue 20, item 2): the broker's name as every PDF prints it
("Netværksmægler: …"). A profile logged in to Væksthus has it from the server (login and ``/me``
at each sync) and shows it read-only; a local profile types it here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..store.services.overview import broker_name, get_state, set_display_name
from .context import AppContext

NAME_MAX = 200


class ProfileDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Dit navn"))
        self.setObjectName("profileDialog")
        lay = QVBoxLayout(self)
        account = get_state(ctx.store, "account")
        self.from_server = isinstance(account, dict) and bool(account.get("username"))
        intro = QLabel(
            self.tr("Dit navn står på alle PDF'er, Mægler laver: »Netværksmægler: …«.")
            + " "
            + (
                self.tr("Navnet kommer fra Væksthus' server, når du logger ind; Væksthus retter det.")
                if self.from_server
                else self.tr("Profilen er ikke forbundet til Væksthus, så du skriver selv navnet her.")
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(broker_name(ctx.store))
        self.name.setObjectName("brokerName")
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("fx Anne Holm"))
        self.name.setReadOnly(self.from_server)
        form.addRow(self.tr("Navn"), self.name)
        lay.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if self.from_server
            else QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setText(self.tr("Gem"))
            save.setObjectName("saveName")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("Annullér"))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Luk"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        if not self.from_server:
            set_display_name(self.ctx.store, self.name.text())
            self.ctx.bus.status_reported.emit(
                self.tr("Dit navn er gemt: %1").replace("%1", self.name.text().strip())
                if self.name.text().strip()
                else self.tr("Dit navn er fjernet.")
            )
        self.accept()
