"""Renders any form definition into widgets: sections, per-member groups, progress and what is missing.

The renderer knows nothing about screenings or the store. It holds the answers, re-evaluates them
with the engine after each edit (relevance, faults, progress) and says ``answers_edited``; the
owner decides when to save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...forms import (
    Evaluation,
    FormContext,
    FormDefinition,
    Slot,
    evaluate_form,
    get_answer,
    set_answer,
    slots,
)
from .. import keyboard
from ..fit import ElidedGroupBox, WrappedRows
from ..style import HELP_TEXT_PX, SUBTLE_TEXT, text_style
from .editors import QuestionEditor, make_editor

PATH_ROLE = Qt.ItemDataRole.UserRole


class QuestionRow(QWidget):
    """A question's label, editor, help text (with its source in the programme) and inline fault."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        q = slot.question
        self.setObjectName(f"q_{slot.path}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 6)
        lay.setSpacing(3)
        self.label = QLabel(q.label + (" *" if q.required else ""), self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-weight: 600;")
        lay.addWidget(self.label)
        self.editor: QuestionEditor = make_editor(q, self)
        chain = self.editor.focus_chain()
        if chain:
            self.label.setBuddy(chain[0])
        self.editor.name_inputs(keyboard.clean_label(q.label))
        lay.addWidget(self.editor)
        help_text = q.help
        # The section names its source once; a question repeats it only when it has its own.
        if q.source and q.source != slot.section.source:
            source = self.tr("Kilde")  # outside the f-string, where lupdate finds it
            help_text = f"{help_text} ({source}: {q.source})" if help_text else f"{source}: {q.source}"
        if help_text:
            self.help = QLabel(help_text, self)
            self.help.setWordWrap(True)
            self.help.setStyleSheet(text_style(SUBTLE_TEXT, size_px=HELP_TEXT_PX))
            lay.addWidget(self.help)
            for w in chain:
                w.setToolTip(help_text)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)

    def set_error(self, text: str) -> None:
        if text != self.error.text():
            self.error.setText(text)
            self.error.setVisible(bool(text))


class FormRenderer(QWidget):
    """A form for one definition and context. ``answers()`` gives the answers as the engine stores them."""

    answers_edited = Signal()
    progress_changed = Signal(int, int)

    def __init__(
        self,
        definition: FormDefinition,
        context: FormContext,
        answers: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.definition = definition
        self.context = context
        self._answers: dict[str, Any] = dict(answers or {})
        self._read_only = read_only
        self.rows: dict[str, QuestionRow] = {}
        self._member_boxes: list[tuple[QGroupBox, list[QuestionRow]]] = []
        self._section_boxes: dict[str, QGroupBox] = {}
        self._evaluation: Evaluation | None = None
        self._progress: tuple[int, int] | None = None
        self._issues: list[tuple[str, str]] | None = None

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)

        self.scroll_area = QScrollArea(splitter)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.scroll_area.setWidget(body)
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(8, 8, 12, 8)
        self._build()
        self._body.addStretch(1)

        side = QWidget(splitter)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(8, 8, 8, 8)
        self.progress_label = QLabel(side)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setStyleSheet("font-weight: 600;")
        self.progress_bar = QProgressBar(side)
        self.progress_bar.setTextVisible(False)
        self.missing_title = QLabel(self.tr("Mangler eller skal rettes:"), side)
        self.missing = QListWidget(side)
        self.missing.setObjectName("missingList")
        self.missing.setItemDelegate(WrappedRows(self.missing))  # word-wrapped, never cut
        self.missing.setSpacing(3)
        self.missing.setAlternatingRowColors(True)
        self.missing.itemActivated.connect(self._go_to_item)
        self.missing.itemClicked.connect(self._go_to_item)
        side_lay.addWidget(self.progress_label)
        side_lay.addWidget(self.progress_bar)
        side_lay.addWidget(self.missing_title)
        side_lay.addWidget(self.missing, 1)
        side_lay.addStretch(0)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 260])

        self.missing.setAccessibleName(self.tr("Mangler eller skal rettes"))
        self.set_read_only(read_only)
        self._refresh()

    # building -------------------------------------------------------------------------------
    def _section_box(self, title: str, intro: str, source: str) -> tuple[QGroupBox, QVBoxLayout]:
        # a title wider than the form is elided (whole as tooltip), never scrolls the form sideways
        box = ElidedGroupBox(title)
        box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox QLabel { font-weight: normal; }")
        lay = QVBoxLayout(box)
        if intro or source:
            source_word = self.tr("Kilde")  # outside the f-string, where lupdate finds it
            cite = f"{source_word}: {source}" if source else ""
            text = f"{intro} ({cite})" if intro and cite else intro or cite
            label = QLabel(text.strip())
            label.setWordWrap(True)
            label.setStyleSheet(text_style(SUBTLE_TEXT))
            lay.addWidget(label)
        return box, lay

    def _add_row(self, slot: Slot, lay: QVBoxLayout) -> QuestionRow:
        row = QuestionRow(slot)
        row.editor.set_value(get_answer(self._answers, slot))
        row.editor.edited.connect(lambda r=row: self._edited(r))
        lay.addWidget(row)
        self.rows[slot.path] = row
        return row

    def _build(self) -> None:
        all_slots = list(slots(self.definition, self.context))
        for sec in self.definition.sections:
            box, lay = self._section_box(sec.title, sec.intro, sec.source)
            box.setObjectName(f"section_{sec.id}")
            self._section_boxes[sec.id] = box
            if sec.repeat:
                if not self.context.members:
                    lay.addWidget(QLabel(self.tr("Netværket har ingen medlemmer endnu.")))
                for member in self.context.members:
                    title = f"{member.name} (CVR {member.cvr})" if member.cvr else member.name
                    sub = ElidedGroupBox(title)
                    sub_lay = QVBoxLayout(sub)
                    rows = [
                        self._add_row(s, sub_lay)
                        for s in all_slots
                        if s.section.id == sec.id and s.member == member
                    ]
                    self._member_boxes.append((sub, rows))
                    lay.addWidget(sub)
            else:
                for s in all_slots:
                    if s.section.id == sec.id:
                        self._add_row(s, lay)
            self._body.addWidget(box)

    # behaviour ------------------------------------------------------------------------------
    def _edited(self, row: QuestionRow) -> None:
        self._answers = set_answer(self._answers, row.slot, row.editor.value())
        self._refresh()
        self.answers_edited.emit()

    def _refresh(self) -> None:
        ev = evaluate_form(self.definition, self._answers, self.context)
        self._evaluation = ev
        relevant = {s.path for s in ev.relevant}
        # Only touch what changes: every keystroke re-evaluates the whole form.
        for path, row in self.rows.items():
            _show(row, path in relevant)
        for box, rows in self._member_boxes:
            _show(box, any(r.slot.path in relevant for r in rows))
        shown = {s.section.id for s in ev.relevant}
        for sec in self.definition.sections:
            # A per-member section stays visible without members, to say that there are none.
            _show(
                self._section_boxes[sec.id],
                sec.id in shown or (bool(sec.repeat) and not self.context.members),
            )
        # Inline, only faults in what was typed; "skal besvares" belongs in the list, not on every field.
        inline: dict[str, str] = {}
        for issue in ev.issues:
            if issue.path in self.rows and not issue.unanswered and issue.path not in inline:
                inline[issue.path] = issue.message
        for path, row in self.rows.items():
            row.set_error(inline.get(path, ""))
        progress = (ev.answered, ev.total)
        if progress != self._progress:
            self._progress = progress
            text = self.tr("%1 af %2 besvaret").replace("%1", str(ev.answered)).replace("%2", str(ev.total))
            self.progress_label.setText(text)
            self.progress_bar.setRange(0, max(ev.total, 1))
            self.progress_bar.setValue(ev.answered)
            self.progress_changed.emit(ev.answered, ev.total)
        # A fault shown under its field is not said again in the list: the list names the question.
        issues = [
            (
                self.tr("%1 skal rettes.").replace("%1", self.rows[i.path].slot.label)
                if inline.get(i.path) == i.message
                else i.message,
                i.path,
            )
            for i in ev.issues
        ]
        if issues != self._issues:
            self._issues = issues
            self.missing.clear()
            for message, path in issues:
                item = QListWidgetItem(message)
                item.setData(PATH_ROLE, path)
                self.missing.addItem(item)
            title = self.tr("Mangler eller skal rettes (%1):").replace("%1", str(len(issues)))
            self.missing_title.setText(title if issues else self.tr("Alt er udfyldt."))
            _show(self.missing, bool(issues) and not self._read_only)
            _show(self.missing_title, not self._read_only)

    def _go_to_item(self, item: QListWidgetItem) -> None:
        self.focus_path(str(item.data(PATH_ROLE)))

    def focus_path(self, path: str) -> None:
        row = self.rows.get(path)
        if row is None:
            return
        self.scroll_area.ensureWidgetVisible(row, 0, 40)
        chain = row.editor.focus_chain()
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # public ---------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        return dict(self._answers)

    def set_answers(self, answers: dict[str, Any]) -> None:
        """Show answers stored elsewhere (a sync): only fields whose answer changed are set, so the
        field being typed in keeps its text, cursor and place."""
        fresh = dict(answers)
        for row in self.rows.values():
            value = get_answer(fresh, row.slot)
            if value != get_answer(self._answers, row.slot):
                row.editor.set_value(value)
        self._answers = fresh
        self._refresh()

    def evaluation(self) -> Evaluation:
        assert self._evaluation is not None
        return self._evaluation

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self.rows.values():
            row.editor.set_read_only(read_only)
        if self._evaluation is not None:
            # A frozen form has nothing left to fill in: no list of what is missing.
            _show(self.missing, bool(self._issues) and not read_only)
            _show(self.missing_title, not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def row(self, question_id: str, company_id: str | None = None) -> QuestionRow:
        """The row of a question (for a per-member question, the member's)."""
        for row in self.rows.values():
            if row.slot.question.id == question_id and (
                company_id is None or (row.slot.member and row.slot.member.company_id == company_id)
            ):
                return row
        raise KeyError(question_id)


def _show(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)
