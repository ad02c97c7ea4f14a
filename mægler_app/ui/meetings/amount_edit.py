"""An amount field that takes kroner the Danish way (``1.234,50``) and says clearly what is wrong."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ...domain.errors import DomainError
from ...domain.numbers import format_kr, format_kr_input, parse_kr


class AmountEdit(QLineEdit):
    """Keeps whatever the broker typed; ``value_ore()`` is None while the text is not an amount.

    ``message`` is a label to place under the field: it shows the amount as understood
    (``= 1.234,50 kr.``) or, in Danish, why the text is not an amount.
    """

    value_changed = Signal(object)  # int øre, or None while invalid/empty

    def __init__(self, parent: QWidget | None = None, *, required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText(self.tr("fx 1.234,50"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("amountHint")
        self._value: int | None = None
        self._error = ""
        self.textChanged.connect(self._parse)
        self._parse(self.text())

    def _parse(self, text: str) -> None:
        self._value, self._error = None, ""
        if not text.strip():
            self._error = self.tr("Beløbet mangler.") if self.required else ""
        else:
            try:
                self._value = parse_kr(text, field=self.tr("Beløb"))
            except DomainError as exc:
                self._error = str(exc)
        if self._error and text.strip():
            self.message.setObjectName("error")
            self.message.setText(self._error)
        elif self._value is not None:
            self.message.setObjectName("amountHint")
            self.message.setText(f"= {format_kr(self._value)}")
        else:
            self.message.setObjectName("amountHint")
            self.message.setText("")
        # The style sheet selects on objectName; re-polish so the colour follows.
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.value_changed.emit(self._value)

    def value_ore(self) -> int | None:
        return self._value

    def error(self) -> str:
        """Why the text is not an amount ('' when it is, or when empty and not required)."""
        return self._error

    def set_value_ore(self, ore: int | None) -> None:
        self.setText("" if ore is None else format_kr_input(ore))

    def show_error(self) -> None:
        """Make the problem visible (on save): the text stays as typed."""
        if self._error:
            self.message.setObjectName("error")
            self.message.setText(self._error)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
        self.setFocus()
