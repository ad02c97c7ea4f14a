"""One editor widget per question kind. Each reports ``edited`` and gives back the answer to store.

Typed text that does not parse (``12,345`` as an amount, ``31.2.2026``) is kept as typed, so
nothing the broker wrote is lost; the engine reports it as a fault naming the question.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date_input, format_kr_input
from ...forms import Question, coerce
from ...forms.definition import YES_PARTLY_NO
from .. import style


class QuestionEditor(QWidget):
    edited = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._loading = False

    def value(self) -> Any:  # pragma: no cover - every editor overrides it
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:  # pragma: no cover - every editor overrides it
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:  # pragma: no cover - every editor overrides it
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The editor's widgets in tab order."""
        raise NotImplementedError  # pragma: no cover

    def name_inputs(self, question: str) -> None:
        """What a screen reader says: the question for a field, the question as context for a choice."""
        for w in self.focus_chain():
            if isinstance(w, QAbstractButton):
                w.setAccessibleDescription(question)
            else:
                w.setAccessibleName(question)

    def _emit(self, *_args: Any) -> None:
        if not self._loading:
            self.edited.emit()


def _parsed_or_raw(question: Question, text: str) -> Any:
    value, fault = coerce(question, text)
    return text if fault else value


class YesPartlyNoEditor(QuestionEditor):
    """Ja / Delvist / Nej and a comment. J, D and N choose from the keyboard."""

    KEYS = {Qt.Key.Key_J: "yes", Qt.Key.Key_D: "partly", Qt.Key.Key_N: "no"}

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        labels = {"yes": self.tr("Ja"), "partly": self.tr("Delvist"), "no": self.tr("Nej")}
        for key in YES_PARTLY_NO:
            button = QRadioButton(labels[key], self)
            button.setObjectName(f"choice_{key}")
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(question.comment_label or self.tr("Kommentar"))
        row.addWidget(self.comment, 1)
        self.group.buttonToggled.connect(self._toggled)
        self.comment.textEdited.connect(self._emit)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            choice = self.KEYS.get(Qt.Key(event.key()))
            if choice is not None and self.buttons[choice].isEnabled():
                self.buttons[choice].setChecked(True)
                self.buttons[choice].setFocus()
                return True
        return super().eventFilter(watched, event)

    def choice(self) -> str | None:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def value(self) -> Any:
        choice, comment = self.choice(), self.comment.text()
        if choice is None and not comment.strip():
            return None
        return {"value": choice, "comment": comment}

    def _show(self, value: Any) -> None:
        if isinstance(value, str):
            value = {"value": value, "comment": ""}
        choice = value.get("value") if isinstance(value, dict) else None
        self.group.setExclusive(False)  # an exclusive group cannot be cleared
        for key, button in self.buttons.items():
            button.setChecked(key == choice)
        self.group.setExclusive(True)
        self.comment.setText(str(value.get("comment") or "") if isinstance(value, dict) else "")

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        style.read_only(self.comment, read_only)

    def focus_chain(self) -> list[QWidget]:
        return [*self.buttons.values(), self.comment]

    def name_inputs(self, question: str) -> None:
        super().name_inputs(question)
        self.comment.setAccessibleName(
            self.tr("%1 – %2").replace("%1", question).replace("%2", self.comment.placeholderText())
        )


class TextEditor(QuestionEditor):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line: QLineEdit | None = None
        self.box: QPlainTextEdit | None = None
        if question.multiline:
            self.box = QPlainTextEdit(self)
            self.box.setTabChangesFocus(True)  # Tab moves on, as in every other field
            self.box.setFixedHeight(72)
            self.box.textChanged.connect(self._emit)
            lay.addWidget(self.box)
        else:
            self.line = QLineEdit(self)
            self.line.textEdited.connect(self._emit)
            lay.addWidget(self.line)

    def value(self) -> Any:
        text = self.box.toPlainText() if self.box is not None else self.line.text() if self.line else ""
        return text if text.strip() else None

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.box is not None:
            self.box.setPlainText(text)
        elif self.line is not None:
            self.line.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        style.read_only(self.box or self.line, read_only)  # type: ignore[arg-type]

    def focus_chain(self) -> list[QWidget]:
        return [self.box or self.line]  # type: ignore[list-item]


class LineEditor(QuestionEditor):
    """Number, amount (kr.) and date, typed the Danish way and parsed by the engine."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setMaximumWidth(220)
        placeholder = {
            "number": self.tr("helt tal"),
            "amount": self.tr("fx 1.234,50"),
            "date": self.tr("fx 7.3.2026"),
        }
        self.line.setPlaceholderText(placeholder.get(question.kind, ""))
        if question.kind in ("number", "amount"):
            self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.textEdited.connect(self._emit)
        lay.addWidget(self.line)
        if question.kind == "amount":
            lay.addWidget(_muted_label(self.tr("kr."), self))
        lay.addStretch(1)

    def value(self) -> Any:
        text = self.line.text()
        return _parsed_or_raw(self.question, text) if text.strip() else None

    def _show(self, value: Any) -> None:
        if value is None:
            text = ""
        elif self.question.kind == "amount" and isinstance(value, int):
            text = format_kr_input(value)
        elif self.question.kind == "date" and isinstance(value, str):
            try:
                text = format_date_input(dt.date.fromisoformat(value))
            except ValueError:
                text = value
        else:
            text = str(value)
        self.line.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        style.read_only(self.line, read_only)

    def focus_chain(self) -> list[QWidget]:
        return [self.line]


class SingleEditor(QuestionEditor):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("Vælg ..."), None)
        for opt in question.options:
            self.combo.addItem(opt.label, opt.value)
        self.combo.setMinimumWidth(200)
        self.combo.currentIndexChanged.connect(self._emit)
        lay.addWidget(self.combo)
        lay.addStretch(1)

    def value(self) -> Any:
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)

    def focus_chain(self) -> list[QWidget]:
        return [self.combo]


class MultiEditor(QuestionEditor):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for opt in question.options:
            box = QCheckBox(opt.label, self)
            box.toggled.connect(self._emit)
            self.boxes[opt.value] = box
            lay.addWidget(box)
        lay.addStretch(1)

    def value(self) -> Any:
        chosen = [key for key, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def _show(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for key, box in self.boxes.items():
            box.setChecked(key in chosen)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)

    def focus_chain(self) -> list[QWidget]:
        return list(self.boxes.values())


def _muted_label(text: str, parent: QWidget) -> QWidget:
    from PySide6.QtWidgets import QLabel

    label = QLabel(text, parent)
    label.setStyleSheet(style.text_style(style.SUBTLE_TEXT))
    return label


def make_editor(question: Question, parent: QWidget | None = None) -> QuestionEditor:
    if question.kind == "yes_partly_no":
        return YesPartlyNoEditor(question, parent)
    if question.kind == "text":
        return TextEditor(question, parent)
    if question.kind in ("number", "amount", "date"):
        return LineEditor(question, parent)
    if question.kind == "single":
        return SingleEditor(question, parent)
    if question.kind == "multi":
        return MultiEditor(question, parent)
    raise ValueError(question.kind)
