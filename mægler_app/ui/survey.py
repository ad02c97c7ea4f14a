"""The satisfaction survey on screen: the dialog where the broker records each participating
company's answer, the network page's prompt, and the answers shown on the network and the company.

The rules are the domain's (``domain.satisfaction``) through ``store.services.satisfaction``; this
module only shows what it says. Everything is in the keyboard's reach: a row per company read left
to right (score, who answered, date, comment), Tab from field to field, Ctrl+S saves.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.changes import Changes
from ..domain.errors import DomainError
from ..domain.language import quoted
from ..domain.messages import Msg
from ..domain.numbers import format_date
from ..domain.satisfaction import SCALE, SCORE_MAX, SCORE_MIN, scale_label
from ..domain.vocab import SurveyOccasion
from ..domain.vocab import label as vocab_label
from ..domain.vocab import labels as vocab_labels
from ..store.services import satisfaction as svc
from . import keyboard, ops, style, unsaved
from .context import AppContext
from .noop import QT_TR_NOOP


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


SYNCED_NOTE = QT_TR_NOOP("Sendt til Væksthus: svaret kan ikke længere ændres.")


def score_text(score: int | None) -> str:
    """``4 – Tilfreds``: the number and the scale's word."""
    return f"{score} – {scale_label(score)}" if score in SCALE else ""


def occasion_text(occasion: str) -> str:
    return vocab_label("survey_occasion", occasion)


def latest_texts(row: svc.AnswerRow | None) -> tuple[str, str]:
    """A member's latest answer in one narrow cell, ``4/5 · trin 2``, and in full for its tooltip:
    ``4 – Tilfreds · Trin 2: handlingsplan · 1. december 2026 · Jens Kragh``."""
    if row is None:
        return "", ""
    short = {"stage_2": _tr("trin 2"), "stage_3": _tr("trin 3"), "closed": _tr("afslutning")}.get(
        row.occasion, ""
    )
    cell = f"{row.score}/{SCORE_MAX}" + (f" · {short}" if short else "")
    parts = [score_text(row.score), occasion_text(row.occasion) if row.occasion else ""]
    parts += [format_date(row.answered_on) if row.answered_on else "", row.contact]
    return cell, " · ".join(p for p in parts if p)


def _label(kind: str = "") -> QLabel:
    label = QLabel()
    if kind:
        label.setObjectName(kind)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _AnswerRow:
    """One company's inputs in the dialog."""

    def __init__(self, row: svc.SurveyRow, today: dt.date) -> None:
        self.row = row
        self.name = QLabel(row.company)
        self.name.setObjectName("surveyCompany")
        self.name.setWordWrap(True)
        self.score = QComboBox()
        self.score.setObjectName("surveyScore")
        self.score.addItem(_tr("Vælg …"), None)
        for value in range(SCORE_MIN, SCORE_MAX + 1):
            self.score.addItem(score_text(value), value)
        self.score.setAccessibleName(_tr("Tilfredshed for %1").replace("%1", row.company))
        self.contact = QComboBox()
        self.contact.setObjectName("surveyContact")
        self.contact.addItem(_tr("Ikke angivet"), "")
        for person in row.contacts:
            self.contact.addItem(person.name, person.id)
        self.contact.setAccessibleName(_tr("Besvaret af, %1").replace("%1", row.company))
        self.date = QDateEdit()
        self.date.setObjectName("surveyDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d.M.yyyy")
        self.date.setMaximumDate(_qdate(today))
        self.date.setAccessibleName(_tr("Dato for svaret, %1").replace("%1", row.company))
        self.comment = QLineEdit()
        self.comment.setObjectName("surveyComment")
        self.comment.setPlaceholderText(_tr("Kommentar (valgfri)"))
        self.comment.setAccessibleName(_tr("Kommentar fra %1").replace("%1", row.company))
        self.error = _label("error")
        self.error.setObjectName("error")
        self.set_values(row, today)
        if row.synced:
            for w in (self.score, self.contact, self.date, self.comment):
                w.setEnabled(False)
                w.setToolTip(_tr(SYNCED_NOTE))
            self.name.setText(f"{row.company}  ✓")
            self.name.setToolTip(_tr(SYNCED_NOTE))

    def set_values(self, row: svc.SurveyRow, today: dt.date) -> None:
        self.score.setCurrentIndex(max(0, self.score.findData(row.score)) if row.score is not None else 0)
        self.contact.setCurrentIndex(max(0, self.contact.findData(row.contact_id or "")))
        self.date.setDate(_qdate(row.answered_on or today))
        self.comment.setText(row.comment)

    def answer(self) -> svc.AnswerInput:
        day = self.date.date()
        score = self.score.currentData()
        return svc.AnswerInput(
            company_id=self.row.company_id,
            score=int(score) if score is not None else None,
            comment=self.comment.text().strip(),
            contact_id=str(self.contact.currentData() or "") or None,
            answered_on=dt.date(day.year(), day.month(), day.day()),
        )


class SurveyDialog(QDialog):
    """Record the participating companies' answers at one occasion (trin 2, trin 3, closing)."""

    saved = Signal(object)  # svc.SurveySaved

    def __init__(
        self,
        ctx: AppContext,
        network_id: str,
        occasion: SurveyOccasion | str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("Tilfredshedsmåling"))
        self.resize(1040, 520)
        self.rows: list[_AnswerRow] = []
        self._snapshot: list[svc.AnswerInput] = []
        self.today = svc.today()

        outer = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("surveyTitle")
        self.title.setStyleSheet(style.title_style(style.SURVEY_TITLE_PX))
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        top = QHBoxLayout()
        occasion_label = QLabel(self.tr("Anledning"))
        self.occasion = QComboBox()
        self.occasion.setObjectName("surveyOccasion")
        for value, text in vocab_labels("survey_occasion").items():
            self.occasion.addItem(text, str(value))
        occasion_label.setBuddy(self.occasion)
        self.occasion.setAccessibleName(self.tr("Anledning"))
        top.addWidget(occasion_label)
        top.addWidget(self.occasion)
        top.addStretch(1)
        outer.addLayout(top)
        self.hint = QLabel(
            self.tr(
                "Spørg hver deltagende virksomhed: »Hvor tilfredse er I med netværket og mæglerens "
                "indsats?« 4 og 5 tæller som tilfreds. Et svar kan rettes, indtil det er sendt til "
                "Væksthus."
            )
        )
        self.hint.setObjectName("surveyHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(style.text_style(style.GREY))
        outer.addWidget(self.hint)

        self.rows_area = QScrollArea()
        self.rows_area.setObjectName("surveyScroll")
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(4, 3)
        self.grid.setHorizontalSpacing(10)
        self.rows_area.setWidget(self.body)
        outer.addWidget(self.rows_area, 1)

        self.empty = _label("note")
        outer.addWidget(self.empty)
        self.error = _label("error")
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Luk"))
        self.close_button.setObjectName("closeSurvey")
        self.save_button = QPushButton(self.tr("Gem svar"))
        self.save_button.setObjectName("saveSurvey")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Gem svarene (%1)").replace("%1", keyboard.save_key_text()))
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        keyboard.scope(self)
        keyboard.saves(self, self.save)
        self.load(occasion)
        self.occasion.currentIndexChanged.connect(self._on_occasion)

    # -- loading ----------------------------------------------------------------------------------
    def load(self, occasion: SurveyOccasion | str | None = None) -> None:
        try:
            survey = svc.survey(self.ctx.store, self.network_id, occasion)
        except DomainError as exc:
            _show(self.error, str(exc))
            return
        self.survey = survey
        self.title.setText(self.tr("Tilfredshedsmåling: %1").replace("%1", survey.network))
        self.occasion.blockSignals(True)
        self.occasion.setCurrentIndex(max(0, self.occasion.findData(str(survey.occasion))))
        self.occasion.blockSignals(False)
        self._build_rows(survey)
        _show(self.error, "")

    def _build_rows(self, survey: svc.Survey) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        self.rows = []
        headers = [
            self.tr("Virksomhed"),
            self.tr("Tilfredshed"),
            self.tr("Besvaret af"),
            self.tr("Dato"),
            self.tr("Kommentar"),
        ]
        for col, text in enumerate(headers):
            head = QLabel(text)
            head.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(head, 0, col)
        for k, row in enumerate(survey.rows):
            inputs = _AnswerRow(row, self.today)
            r = 1 + 2 * k
            self.grid.addWidget(inputs.name, r, 0)
            self.grid.addWidget(inputs.score, r, 1)
            self.grid.addWidget(inputs.contact, r, 2)
            self.grid.addWidget(inputs.date, r, 3)
            self.grid.addWidget(inputs.comment, r, 4)
            self.grid.addWidget(inputs.error, r + 1, 0, 1, 5)
            self.rows.append(inputs)
        self.grid.setRowStretch(1 + 2 * len(survey.rows), 1)
        _show(self.empty, "" if survey.rows else self.tr("Netværket har ingen medlemmer at spørge."))
        self.save_button.setEnabled(any(not r.row.synced for r in self.rows))
        self._snapshot = self.answers()
        self._focus_first()

    def _focus_first(self) -> None:
        """The dialog opens in the first score still to be given (else its first input)."""
        first = next((r.score for r in self.rows if r.score.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.occasion.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keyboard.label_inputs(self)
        QTimer.singleShot(0, self._focus_first)

    def answers(self) -> list[svc.AnswerInput]:
        return [r.answer() for r in self.rows if not r.row.synced]

    def is_dirty(self) -> bool:
        return self.answers() != self._snapshot

    def _on_occasion(self, _index: int) -> None:
        chosen = str(self.occasion.currentData())
        if self.is_dirty():
            # what is typed belongs to the occasion it was typed for: never thrown away unasked
            self.occasion.blockSignals(True)
            self.occasion.setCurrentIndex(max(0, self.occasion.findData(str(self.survey.occasion))))
            self.occasion.blockSignals(False)
            _show(self.error, self.tr("Gem svarene (eller luk uden at gemme), før du skifter anledning."))
            return
        self.load(chosen)

    def reject(self) -> None:
        """Luk or Esc: answers typed and not saved are saved, dropped or kept on the broker's word."""
        if self.rows and self.is_dirty():
            name = self.tr("tilfredshedsmålingen")
            if not unsaved.confirm_leave(self, name, self.save):
                return
            if not self.isVisible():
                return  # saved: the save closed the dialog
        super().reject()

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> svc.SurveySaved | None:
        for r in self.rows:
            _show(r.error, "")

        def refused(exc: Exception) -> bool:
            if not isinstance(exc, svc.SurveyError):
                return False
            for r in self.rows:
                problems = exc.by_company.get(r.row.company_id)
                if problems:
                    _show(r.error, " ".join(str(m) for m in problems))
            _show(self.error, self.tr("Intet er gemt: ret svarene markeret med rødt."))
            return True

        done = ops.run(
            self.ctx,
            lambda: svc.save_answers.done(
                self.ctx.store, self.network_id, self.survey.occasion, self.answers()
            ),
            error=lambda text: _show(self.error, text),
            on_error=refused,
            then=lambda _saved: _show(self.error, ""),
        )
        if done is None:
            return None
        saved = done.value
        self.ctx.bus.status_reported.emit(str(saved.message()))
        self.saved.emit(saved)
        self.accept()
        return saved


# -- showing the answers ---------------------------------------------------------------------------


def answer_lines(row: svc.AnswerRow) -> tuple[str, str]:
    """An answer as two lines for a narrow panel: what and when, then where and what was said."""
    head = " · ".join(
        p
        for p in (
            score_text(row.score),
            occasion_text(row.occasion) if row.occasion else "",
            format_date(row.answered_on) if row.answered_on else "",
            row.contact,
        )
        if p
    )
    tail = row.network + (f" – {quoted(row.comment)}" if row.comment else "")
    return head, tail


class CompanySatisfaction(QGroupBox):
    """The company's answers across its networks (the company page), newest first; each answer in
    two wrapped lines, so they read in the editor's narrow panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.company_id: str | None = None
        self.rows: list[svc.AnswerRow] = []
        self.setObjectName("companySatisfaction")
        self.setTitle(self.tr("Tilfredshed i netværkene"))
        self.lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("companySatisfactionSummary")
        self.summary.setWordWrap(True)
        self.lay.addWidget(self.summary)
        self.lines: list[QLabel] = []
        ctx.bus.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("satisfaction", "network", "contact") and self.company_id is not None:
            self.load(self.company_id)

    def load(self, company_id: str | None) -> None:
        self.company_id = company_id
        self.rows = svc.company_answers(self.ctx.store, company_id) if company_id else []
        for label in self.lines:
            self.lay.removeWidget(label)
            label.deleteLater()
        self.lines = []
        for row in self.rows:
            head, tail = answer_lines(row)
            label = QLabel(f"<b>{escape(head)}</b><br>{escape(tail)}")
            label.setObjectName("companyAnswer")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(
                "padding: 2px 0;" + ("" if row.satisfied else f" color: {style.WARNING_TEXT};")
            )
            self.lay.addWidget(label)
            label.show()  # a child added to a panel already shown
            self.lines.append(label)
        satisfied = sum(1 for r in self.rows if r.satisfied)
        self.summary.setText(
            self.tr("%1 af %2 svar er tilfredse (4 eller 5).")
            .replace("%1", str(satisfied))
            .replace("%2", str(len(self.rows)))
            if self.rows
            else self.tr("Virksomheden har ikke svaret på en tilfredshedsmåling endnu.")
        )


class SurveyBanner(QFrame):
    """The network page's prompt: the survey is due and N members have not answered."""

    open_requested = Signal(str)  # the occasion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyBanner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()  # the style sheet's QLabel#warning: amber on light yellow
        self.text.setObjectName("warning")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Registrér svar …"))
        self.button.setObjectName("openSurvey")
        lay.addWidget(self.text, 1)
        lay.addWidget(self.button)
        self.occasion = ""
        self.button.clicked.connect(lambda: self.open_requested.emit(self.occasion))
        self.hide()

    def show_pending(self, pending: svc.SurveyPending | None) -> None:
        if pending is None:
            self.occasion = ""
            self.hide()
            return
        self.occasion = str(pending.occasion)
        self.text.setText(str(Msg.SURVEY_MISSING(n=pending.missing, occasion=self.occasion)))
        self.show()
