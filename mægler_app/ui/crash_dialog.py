"""The crash dialog: "Der opstod en uventet fejl", the details, and a button that copies them.

Shown by ``crash`` (which says when), imported only then: not on the way to the window's first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """ "Der opstod en uventet fejl", the details, and a button that copies them."""

    def __init__(self, info: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Uventet fejl"))
        self.info = info
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Der opstod en uventet fejl i Mægler. Programmet kører videre, men det du lige gjorde, "
                "er måske ikke gennemført. Det du har gemt, er ikke tabt.\n\n"
                "Vil du hjælpe med at rette fejlen, så tryk på »Kopiér fejlsøgningsinfo« og sæt teksten "
                "ind i en e-mail til Væksthus. Adgangskoder, nøgler og e-mailadresser er fjernet fra teksten."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.details = QPlainTextEdit(info)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 220)
        lay.addWidget(self.details, 1)
        self.copied = QLabel("")
        lay.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Kopiér fejlsøgningsinfo"))
        self.copy_button.setObjectName("copyDebugInfo")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Luk"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.info)
        self.copied.setText(self.tr("Kopieret – sæt det ind i en e-mail til Væksthus."))
