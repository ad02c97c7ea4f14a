"""A network's screening: start or continue the draft, autosave, finalize, the frozen result, the PDF.

Self-contained: embed ``ScreeningWidget(ctx, network_id)`` in a network page (``ctx`` is the app's
AppContext, or just a Store), or open ``ScreeningDialog``. Every change goes through
``store.services.screening``; the PDF is written in a QThreadPool worker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import done as done_of
from ...domain.errors import DomainError
from ...domain.language import in_danish
from ...domain.language import use as use_language
from ...domain.names import document_name
from ...domain.numbers import format_date, format_datetime, format_kr
from ...domain.rules import FACILITATION_FRAME_ORE
from ...domain.stages import Stage, stage_label
from ...domain.vocab import label as vocab_label
from ...forms import PASSED, FormContext, FormDefinition, FormRegistry, evaluate_form
from ...forms.translation import translated
from ...store.services import screening as svc
from .. import keyboard, ops
from ..context import AppContext
from ..files import ask_save_path, report_saved, saved_text
from ..fit import ElidedLabel
from ..retention_label import KeepUntilLabel  # --- retention
from ..style import ERROR_NOTICE_STYLE, ERROR_TEXT, NOTICE_STYLE, PASSED_TEXT, verdict_box_style
from ..worker import Worker
from .renderer import PATH_ROLE, FormRenderer

REPORTS_DIR = "rapporter"


def verdict_text(verdict: str) -> str:
    """A screening's verdict as a person reads it (``Bestået``), in the app's language."""
    if not verdict:
        return QCoreApplication.translate("", "Ingen afgørelse")
    return vocab_label("verdict", verdict).capitalize()


def shown_reasons(
    view: svc.ScreeningView, definition: FormDefinition, shown: FormDefinition, context: FormContext
) -> list[str]:
    """A final screening's reasons as the form is shown (``shown``: the definition in the app's
    language). The stored ones are Danish, as they went to Væksthus; in another language they are
    worked out again from the stored answers with the translated texts, when the Danish definition
    gives exactly the stored verdict and reasons (else the stored ones are shown as they are)."""
    if shown is definition:
        return list(view.reasons)
    with use_language("da"):
        danish = evaluate_form(definition, view.answers, context)
    if danish.verdict != view.verdict or danish.reasons != list(view.reasons):
        return list(view.reasons)
    return evaluate_form(shown, view.answers, context).reasons


def screening_pdf_name(view: svc.ScreeningView) -> str:
    """The name the save dialog suggests (domain/names.py); a draft's ends in »-kladde«."""
    day = (view.finalized_at or view.updated_at).date()
    return document_name("screening", view.network_name, day, suffix="" if view.is_final else "kladde")


@in_danish  # --- english2: the data for a document in Danish too (dates in answers, labels)
def export_screening_pdf(store: Any, screening_id: str, path: Path, registry: FormRegistry | None) -> str:
    """The work of an export (runs in a worker thread, with its own store session).

    ReportLab is imported here, off the GUI thread and off the start-up path.
    """
    from ...reports.screening_pdf import write_screening_pdf

    data = svc.screening_report_data(store, screening_id, registry)
    return str(write_screening_pdf(data, path))


# the history box is as wide as this many letters; its list opens as wide as its longest entry
HISTORY_CHARS = 18


class ScreeningWidget(QWidget):
    saved = Signal(str)
    finalized = Signal(str)
    pdf_exported = Signal(str)

    AUTOSAVE_MS = 500

    def __init__(
        self,
        ctx: Any,
        network_id: str,
        parent: QWidget | None = None,
        *,
        registry: FormRegistry | None = None,
        open_pdf: bool = True,
    ) -> None:
        super().__init__(parent)
        # An AppContext brings the bus and the pool; a bare Store works too (dialogs, tests).
        self.store = getattr(ctx, "store", ctx)
        self.ctx = ctx
        self.bus = getattr(ctx, "bus", None)
        self.pool: QThreadPool = getattr(ctx, "pool", None) or QThreadPool.globalInstance()
        self.network_id = network_id
        self.registry = registry or svc.registry_for(self.store)
        self.open_pdf = open_pdf
        self.view: svc.ScreeningView | None = None
        self.renderer: FormRenderer | None = None
        self._reasons: list[str] = []  # a final screening's reasons, as shown (shown_reasons)
        self._worker: Worker | None = None
        self._unsaved = False  # the last autosave failed: the form holds typing the store has not
        self._refused = False  # the message says why finalizing was refused: kept true as answers change

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Screening"), self)
        title.setObjectName("viewTitle")
        # The status (when saved, which verdict, which version) and the history's entries are long:
        # they give way to the buttons (elided, whole as tooltip) rather than widen the window.
        self.status = ElidedLabel("", self)
        self.status.setObjectName("viewSubtitle")
        top.addWidget(title)
        top.addWidget(self.status, 1)
        self.history = QComboBox(self)
        self.history.setObjectName("history")
        self.history.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.history.setMinimumContentsLength(HISTORY_CHARS)
        self.history.setToolTip(self.tr("Vis en tidligere screening"))
        # the box may show its entry cut: the tooltip says it whole
        self.history.currentTextChanged.connect(
            lambda text: self.history.setToolTip(
                self.tr("Vis en tidligere screening (vist: %1)").replace("%1", text)
                if text
                else self.tr("Vis en tidligere screening")
            )
        )
        self.history.setAccessibleName(self.tr("Tidligere screeninger"))
        self.history.activated.connect(self._history_chosen)
        top.addWidget(self.history)
        self.start_button = QPushButton(self.tr("Start screening"), self)
        self.start_button.clicked.connect(self.start)
        self.finalize_button = QPushButton(self.tr("Afslut screening ..."), self)
        self.finalize_button.clicked.connect(self.finalize)
        self.pdf_button = QPushButton(self.tr("Eksportér PDF"), self)
        self.pdf_button.clicked.connect(self.export_pdf)
        for b in (self.start_button, self.finalize_button, self.pdf_button):
            top.addWidget(b)
        lay.addLayout(top)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        self.result = QLabel(self)
        self.result.setObjectName("verdict")
        self.result.setWordWrap(True)
        self.result.hide()
        lay.addWidget(self.result)
        self.keep_until = KeepUntilLabel(self)  # --- retention
        self.keep_until.hide()
        lay.addWidget(self.keep_until)

        self.stack = QStackedWidget(self)
        self.empty = QLabel(
            self.tr(
                "Netværket er ikke screenet endnu. Start en screening: skemaet udfyldes ud fra netværkets "
                "medlemmer, gemmes løbende og kan afsluttes, når alt er besvaret."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(4, 16, 4, 4)
        self.stack.addWidget(self.empty)
        lay.addWidget(self.stack, 1)

        keyboard.saves(self, self.save_now)
        self.reload()

    # state ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the open draft, else the newest final screening, else the empty state."""
        self.flush()
        views = svc.list_screenings(self.store, self.network_id)
        current = svc.current_screening(self.store, self.network_id)
        self._fill_history(views, current)
        if self._shows_same_form(current):
            # Our own autosave or a sync announced a change: follow it in place. Rebuilding the
            # form would throw away the field the broker is typing in (focus, cursor, scroll).
            assert current is not None
            self._follow(current)
        else:
            self._show(current)

    def _shows_same_form(self, view: svc.ScreeningView | None) -> bool:
        """Whether the form on screen is the one ``view`` needs (same screening, state, checklist, members)."""
        shown, renderer = self.view, self.renderer
        if view is None or shown is None or renderer is None:
            return False
        if (view.id, view.is_final, view.form_version) != (shown.id, shown.is_final, shown.form_version):
            return False
        return svc.context_of(self.store, view.id) == renderer.context

    def _follow(self, view: svc.ScreeningView) -> None:
        self.view = view
        assert self.renderer is not None
        if view.answers != self.renderer.answers() and not self._unsaved:
            self.renderer.set_answers(view.answers)
        self._show_buttons(view)
        self._show_status()
        self._show_result()

    def _fill_history(self, views: list[svc.ScreeningView], current: svc.ScreeningView | None) -> None:
        self.history.clear()
        for v in views:
            if v.is_final:
                label = self.tr("%1 · %2 (version %3)")
                label = label.replace("%1", format_date(v.finalized_at)).replace(
                    "%2", verdict_text(v.verdict)
                )
            else:
                label = self.tr("Kladde (version %3)")
            self.history.addItem(label.replace("%3", str(v.form_version)), v.id)
        if current is not None:
            self.history.setCurrentIndex(max(self.history.findData(current.id), 0))
        self.history.setVisible(len(views) > 1)

    def _history_chosen(self, index: int) -> None:
        sid = self.history.itemData(index)
        if sid and (self.view is None or sid != self.view.id):
            self.flush()
            self._show(svc.load_screening(self.store, sid))

    def _show(self, view: svc.ScreeningView | None) -> None:
        self.view = view
        self._unsaved = False
        self._refused = False
        self._set_message("")
        if self.renderer is not None:
            self.stack.removeWidget(self.renderer)
            self.renderer.deleteLater()
            self.renderer = None
        self._show_buttons(view)
        if view is None:
            self.status.setText(self.tr("Ingen screening endnu"))
            self.result.hide()
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            definition = svc.definition_of(view, self.registry)
            # --- english2: the form's texts in the app's language; ids, answers and the stored
            # screening are the definition's own (forms/translation.py)
            shown = translated(definition)
        except DomainError as exc:
            self._set_message(str(exc), error=True)
            self.stack.setCurrentWidget(self.empty)
            return
        context = svc.context_of(self.store, view.id)
        self._reasons = shown_reasons(view, definition, shown, context) if view.is_final else []
        self.renderer = FormRenderer(shown, context, view.answers, self, read_only=view.is_final)
        self.renderer.answers_edited.connect(self._timer.start)
        self.renderer.answers_edited.connect(self._follow_refusal)
        self.stack.addWidget(self.renderer)
        self.stack.setCurrentWidget(self.renderer)
        self._show_status()
        self._show_result()

    def _show_buttons(self, view: svc.ScreeningView | None) -> None:
        has_draft = any(
            self.history.itemText(i).startswith(self.tr("Kladde")) for i in range(self.history.count())
        )
        self.start_button.setVisible(not has_draft)
        self.start_button.setText(
            self.tr("Start ny screening") if self.history.count() else self.tr("Start screening")
        )
        self.finalize_button.setVisible(view is not None and not view.is_final)
        self.pdf_button.setEnabled(view is not None and self._worker is None)

    def _show_status(self, saved_at: dt.datetime | None = None) -> None:
        view = self.view
        self.keep_until.setVisible(view is not None)  # --- retention
        if view is None:
            return
        self.keep_until.show_date(view.keep_until)
        if view.is_final:
            text = self.tr("Afsluttet %1 · %2 · skema version %3").replace(
                "%1", format_datetime(view.finalized_at)
            )
            text = text.replace("%2", verdict_text(view.verdict))
        else:
            text = self.tr("Kladde · gemt %1 · skema version %3").replace(
                "%1", format_datetime(saved_at or view.updated_at)
            )
        self.status.setText(text.replace("%3", str(view.form_version)))

    def _show_result(self) -> None:
        view = self.view
        if view is None or not view.is_final:
            self.result.hide()
            return
        passed = view.verdict == PASSED
        head = self.tr("Bestået") if passed else self.tr("Ikke bestået")
        reasons = "".join(f"<li>{_html(r)}</li>" for r in self._reasons)
        colour = PASSED_TEXT if passed else ERROR_TEXT
        self.result.setText(
            f"<b style='font-size:15px; color:{colour}'>{head}</b><ul style='margin:4px 0'>{reasons}</ul>"
        )
        self.result.setStyleSheet(verdict_box_style(passed))
        self.result.show()

    def _set_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "notice")
        if error:
            self.message.setStyleSheet(ERROR_NOTICE_STYLE)
        else:
            self.message.setStyleSheet(NOTICE_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # actions --------------------------------------------------------------------------------
    def start(self) -> None:
        self.flush()
        done = ops.call(
            lambda: svc.start_screening.done(self.store, self.network_id, self.registry),
            error=self._say_error,
        )
        if done is None:
            return
        view = done.value
        self._fill_history(svc.list_screenings(self.store, self.network_id), view)
        self._show(view)
        ops.announce(self.ctx, done)
        if self.renderer is not None:
            first = next(iter(self.renderer.rows.values()), None)
            if first is not None and first.editor.focus_chain():
                first.editor.focus_chain()[0].setFocus()

    def flush(self) -> None:
        """Save now if an autosave is waiting."""
        if self._timer.isActive():
            self._timer.stop()
            self.save_now()

    def save_now(self) -> None:
        self._timer.stop()
        view, renderer = self.view, self.renderer
        if view is None or renderer is None or view.is_final:
            return

        def unsaved(text: str) -> None:
            self._unsaved = True
            self._set_message(self.tr("Svarene kunne ikke gemmes: %1").replace("%1", text), error=True)

        done = ops.call(
            lambda: done_of(svc.save_answers, self.store, view.id, renderer.answers()), error=unsaved
        )
        if done is None:
            return
        self.view = done.value
        if self._unsaved and not self._refused:
            self._set_message("")  # saved now: the failure is no longer true
        self._unsaved = False
        self._show_status(self.view.updated_at)
        self.saved.emit(view.id)
        ops.announce(self.ctx, done)

    def _confirm_finalize(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Afslut screening"),
            self.tr(
                "Når screeningen er afsluttet, kan den ikke ændres; kun en ny screening kan ændre vurderingen. "
                "Afslut nu?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def finalize(self) -> None:
        self.flush()
        view, renderer = self.view, self.renderer
        if view is None or view.is_final or renderer is None:
            return
        issues = renderer.evaluation().issues
        if issues:
            self._refuse(len(issues))
            return
        if not self._confirm_finalize():
            return

        def incomplete(exc: Exception) -> bool:
            if not isinstance(exc, svc.ScreeningIncompleteError):
                return False
            self._refuse(len(exc.issues))
            return True

        done = ops.call(
            lambda: svc.finalize_screening.done(self.store, view.id, self.registry),
            error=self._say_error,
            on_error=incomplete,
        )
        if done is None:
            return
        result = done.value
        self._fill_history(svc.list_screenings(self.store, self.network_id), result.screening)
        self._show(result.screening)
        self._set_message(self._finalized_text(result))
        self.finalized.emit(view.id)
        ops.announce(self.ctx, done)

    def _follow_refusal(self) -> None:
        """After a refused finalize, the message follows the answers: the count, then gone."""
        if not self._refused or self.renderer is None:
            return
        count = len(self.renderer.evaluation().issues)
        if count:
            self._set_message(self._refusal_text(count), error=True)
        else:
            self._refused = False
            self._set_message("")

    def _refusal_text(self, count: int) -> str:
        return self.tr(
            "Screeningen kan ikke afsluttes: %1 svar mangler eller skal rettes. Se listen til højre."
        ).replace("%1", str(count))

    def _refuse(self, count: int) -> None:
        self._refused = True
        self._set_message(self._refusal_text(count), error=True)
        if self.renderer is not None and self.renderer.missing.count():
            self.renderer.missing.setCurrentRow(0)
            self.renderer.focus_path(str(self.renderer.missing.item(0).data(PATH_ROLE)))

    def _finalized_text(self, result: svc.FinalizeResult) -> str:
        try:
            stage = stage_label(Stage(result.stage))
        except ValueError:
            stage = result.stage
        if result.screening.verdict == PASSED:
            text = self.tr("Screeningen er afsluttet og bestået. Netværket er nu på »%1«")
            text = text.replace("%1", stage)
            if result.facilitation_opened_on is not None:
                text += self.tr(", og faciliteringsrammen på %1 er åbnet.").replace(
                    "%1", format_kr(FACILITATION_FRAME_ORE)
                )
            else:
                text += "."
            return text
        return self.tr(
            "Screeningen er afsluttet: ikke bestået. Begrundelserne står ovenfor; en ny screening kan startes senere."
        )

    def export_pdf(self) -> None:
        self.flush()
        view = self.view
        if view is None or self._worker is not None:
            return
        name = screening_pdf_name(view)
        if isinstance(self.ctx, AppContext):  # the broker chooses where (issue 20, item 3)
            path = ask_save_path(self, self.ctx, name, title=self.tr("Gem screeningsrapport"))
            if path is None:
                return
        else:  # a bare store (a dialog, a test): the profile's report folder
            path = Path(self.store.profile) / REPORTS_DIR / name
        worker = Worker(export_screening_pdf, self.store, view.id, path, self.registry)
        worker.signals.finished.connect(self._pdf_done)
        worker.signals.failed.connect(self._pdf_failed)
        self._worker = worker
        self.pdf_button.setEnabled(False)
        self.pdf_button.setText(self.tr("Skriver PDF ..."))
        self.pool.start(worker)

    def _pdf_done(self, path: object) -> None:
        self._worker = None
        self.pdf_button.setEnabled(self.view is not None)
        self.pdf_button.setText(self.tr("Eksportér PDF"))
        opened = bool(self.open_pdf and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self._set_message(saved_text(Path(str(path)), opened))
        if isinstance(self.ctx, AppContext):
            report_saved(self.ctx, Path(str(path)), opened)
        self.pdf_exported.emit(str(path))

    def _pdf_failed(self, message: str) -> None:
        self._worker = None
        self.pdf_button.setEnabled(self.view is not None)
        self.pdf_button.setText(self.tr("Eksportér PDF"))
        self._set_message(self.tr("PDF'en kunne ikke skrives: %1").replace("%1", message), error=True)

    def _say_error(self, text: str) -> None:
        self._set_message(text, error=True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ScreeningDialog(QDialog):
    """The screening widget in its own window, for places without a network page."""

    def __init__(self, ctx: Any, network_id: str, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Screening af netværk"))
        self.resize(1100, 760)
        lay = QVBoxLayout(self)
        self.widget = ScreeningWidget(ctx, network_id, self, **kwargs)
        lay.addWidget(self.widget)
        close = QPushButton(self.tr("Luk"), self)
        close.clicked.connect(self.accept)
        keyboard.scope(self)
        keyboard.save_shortcut(self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)

    def done(self, result: int) -> None:
        self.widget.flush()
        super().done(result)
