"""A yes/no question whose buttons say what they do (»Indsend« / »Annullér«), the safe one first.

``QMessageBox.question`` can only offer Qt's standard buttons (Ja/Nej); a question that locks
something names its action on the button instead. Tests answer it by replacing ``QMessageBox.exec``
(tests/conftest.py leaves it unanswered, which counts as no).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, accept_text: str, reject_text: str) -> bool:
    """True only when the broker chose ``accept_text``; Enter and Esc both choose ``reject_text``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    reject = box.addButton(reject_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    box.exec()
    return box.clickedButton() is accept
