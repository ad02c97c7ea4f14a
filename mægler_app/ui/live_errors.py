"""What a refused save said, kept true while the broker corrects it.

A save that is refused shows its problems once: a problem that belongs to a field with a message of
its own (the CVR number, an amount, a table's unreadable cell) is shown there and only there; the
editor's message box holds the rest. From then on every edit asks the editor's check again, so a
corrected problem leaves the box at once, and the box hides when nothing is left. Nothing waits for
the next save to take back a message that is no longer true.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def on_any_edit(root: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` after each edit of an input under ``root``: typing, choosing, ticking, a cell."""

    def call(*_args: object) -> None:
        callback()

    for line in root.findChildren(QLineEdit):
        if not isinstance(line.parentWidget(), (QComboBox, QDateTimeEdit)):
            line.textChanged.connect(call)
    for box in root.findChildren(QPlainTextEdit):
        box.textChanged.connect(call)
    for combo in root.findChildren(QComboBox):
        combo.currentIndexChanged.connect(call)
    for when in root.findChildren(QDateTimeEdit):
        when.dateTimeChanged.connect(call)
    for button in root.findChildren(QAbstractButton):
        if button.isCheckable():
            button.toggled.connect(call)
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(call)


class LiveErrors(QObject):
    """The message box of one editor (see the module doc). ``check`` returns the problems now."""

    def __init__(self, label: QLabel, root: QWidget, check: Callable[[], list[str]]) -> None:
        super().__init__(root)
        self.label = label
        self.root = root
        self.check = check
        self.active = False
        self._watching = False

    def refuse(self, problems: list[str]) -> None:
        """A save was refused for ``problems`` (those that have no place of their own)."""
        if not self._watching:
            # connected at the first refusal, when every field of the editor exists
            on_any_edit(self.root, self.recheck)
            self._watching = True
        self.active = True
        self._show(problems)

    def say(self, text: str) -> None:
        """A message about the save as a whole (the store refused it): gone at the next edit."""
        self.refuse([text] if text else [])

    def clear(self) -> None:
        self.active = False
        self._show([])

    def recheck(self) -> None:
        if not self.active:
            return
        try:
            problems = self.check()
        except RuntimeError:
            # A model's signals can still arrive while Qt deletes the editor's children one by one
            # ("Internal C++ object already deleted"): there is nothing left to show then.
            self.active = False
            return
        self._show(problems)
        if not problems:
            self.active = False

    def _show(self, problems: list[str]) -> None:
        text = "\n".join(problems)
        if text != self.label.text():
            self.label.setText(text)
        self.label.setVisible(bool(text))
