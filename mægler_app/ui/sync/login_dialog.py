"""Log in to Væksthus' server. The request runs in a worker; the password is never kept after it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...store.db import Store
from ...sync.credentials import current_account
from ...sync.service import LoginResult, login
from ..context import AppContext
from ..live_errors import LiveErrors
from ..worker import Worker, start


def _login_job(store: Store, server: str, user: str, password: str) -> LoginResult:
    return login(store, server, user, password)


class LoginDialog(QDialog):
    logged_in = Signal(object)  # LoginResult

    def __init__(self, ctx: AppContext, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.result_value: LoginResult | None = None
        self.setWindowTitle(self.tr("Log ind hos Væksthus"))
        self.setObjectName("loginDialog")
        lay = QVBoxLayout(self)
        intro = QLabel(
            message
            or self.tr(
                "Log ind for at sende dine ændringer til Væksthus Midtjylland og hente afgørelser. "
                "Du kan arbejde videre uden forbindelse; alt gemmes her på computeren."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit()
        self.server.setObjectName("loginServer")
        self.server.setPlaceholderText("https://maegler.vaeksthusmidt.dk")
        self.user = QLineEdit()
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Brugernavn"), self.user)
        form.addRow(self.tr("Adgangskode"), self.password)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        # a refusal stays only while it is true: filling in the fields or typing again takes it away
        self.errors = LiveErrors(self.error, self, self._missing)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Log ind"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("loginButton")
        self.buttons.addButton(self.tr("Annullér"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        account = current_account(ctx.store)
        if account is not None:
            self.server.setText(account.server_url)
            self.user.setText(account.username)
            self.password.setFocus()
        self.resize(460, self.sizeHint().height())

    def submit(self) -> None:
        if self.worker is not None:
            return
        server, user, password = self.server.text(), self.user.text(), self.password.text()
        if self._missing():
            self.errors.refuse(self._missing())
            return
        self.errors.clear()
        self.ok.setEnabled(False)
        self.ok.setText(self.tr("Logger ind…"))
        worker = Worker(_login_job, self.ctx.store, server, user, password)
        worker.signals.finished.connect(self._on_done)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        start(worker, self.ctx.pool)

    def _missing(self) -> list[str]:
        if not self.server.text().strip() or not self.user.text().strip() or not self.password.text():
            return [self.tr("Udfyld server, brugernavn og adgangskode.")]
        return []

    def _show_error(self, text: str) -> None:
        self.errors.say(text)

    def _on_done(self, result: object) -> None:
        self.worker = None
        assert isinstance(result, LoginResult)
        self.password.clear()
        self.result_value = result
        self.logged_in.emit(result)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.ok.setEnabled(True)
        self.ok.setText(self.tr("Log ind"))
        self._show_error(message)
