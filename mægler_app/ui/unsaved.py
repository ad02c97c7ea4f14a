"""The one question asked before unsaved typing could be lost: save it, drop it, or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_leave(parent: QWidget, name: str, save: Callable[[], object | None]) -> bool:
    """True when the editor may show something else: the broker saved (and it worked) or dropped
    the changes to ``name``; False when they chose to stay."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("unsaved", "Ikke gemte ændringer"),
        QCoreApplication.translate(
            "unsaved", "Du har ændringer til %1, der ikke er gemt. Vil du gemme dem?"
        ).replace("%1", name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return save() is not None
    return answer == QMessageBox.StandardButton.Discard


def snapshot(root: QWidget) -> tuple[object, ...]:
    """What is typed and chosen in ``root`` now: compared with the snapshot taken when it opened,
    it tells whether leaving would lose anything."""
    from PySide6.QtCore import QAbstractListModel, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QDateTimeEdit,
        QLineEdit,
        QPlainTextEdit,
    )

    state: list[object] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            if not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox)):
                state.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append(w.currentIndex())
        elif isinstance(w, QDateTimeEdit):
            state.append(w.dateTime().toSecsSinceEpoch())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state.append(w.isChecked())
        elif isinstance(w, QAbstractItemView) and (model := w.model()) is not None:
            state.append(
                tuple(
                    (model.index(r, c).data(), model.index(r, c).data(Qt.ItemDataRole.CheckStateRole))
                    for r in range(model.rowCount())
                    for c in range(1 if isinstance(model, QAbstractListModel) else model.columnCount())
                )
            )
    return tuple(state)
