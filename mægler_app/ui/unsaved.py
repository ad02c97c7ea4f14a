"""The one question asked before unsaved typing could be lost: save it, drop it, or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_leave(parent: QWidget, name: str, save: Callable[[], object | None]) -> bool:
    """True when the editor may show something else: the broker saved (and it worked) or dropped
    the changes to ``name``; False when they chose to stay."""
    tr = QCoreApplication.translate
    answer = QMessageBox.question(
        parent,
        tr("unsaved", "Ikke gemte ændringer"),
        tr("unsaved", "Du har ændringer til %1, der ikke er gemt. Vil du gemme dem?").replace("%1", name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return save() is not None
    return answer == QMessageBox.StandardButton.Discard
