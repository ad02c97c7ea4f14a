"""The "Ansøgning" tab on a network's own page: start the application, or edit the newest version."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ...domain.numbers import format_date
from ...domain.stages import Stage
from ...store.services import applications as svc
from .. import ops
from ..context import AppContext
from .editor import ApplicationEditor


class ApplicationTab(QWidget):
    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        lay = QVBoxLayout(self)
        self.history = QLabel()
        self.history.setObjectName("revisionHistory")
        self.history.setWordWrap(True)
        lay.addWidget(self.history)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages, 1)

        start = QWidget()
        sl = QVBoxLayout(start)
        self.intro = QLabel()
        self.intro.setObjectName("applicationIntro")
        self.intro.setWordWrap(True)
        sl.addWidget(self.intro)
        self.create_button = QPushButton(self.tr("Opret ansøgning om handlingsplan"))
        self.create_button.setObjectName("createApplication")
        self.create_button.clicked.connect(self.create)
        sl.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        sl.addWidget(self.problem)
        sl.addStretch(1)
        self.pages.addWidget(start)

        self.editor = ApplicationEditor(ctx)
        self.editor.revision_started.connect(self._revision_started)
        self.editor.submitted.connect(self._submitted)
        self.pages.addWidget(self.editor)
        self.reload()

    def reload(self) -> None:
        latest = svc.latest_for_network(self.ctx.store, self.network_id)
        if latest is None:
            pre = svc.network_prefill(self.ctx.store, self.network_id)
            text = self.tr(
                "Når netværket har et reelt forretningspotentiale, søger du Væksthus om en ekstern konsulent "
                "til netværkets handlingsplan. Ansøgningen udfyldes på forhånd med netværkets virksomheder, "
                "kerneopgave, mål, screening og den tentative plan."
            )
            if not (pre.screening_passed and pre.stage == Stage.STAGE_1):
                text += "\n\n" + self.tr(
                    "Du kan skrive en kladde nu; den kan indsendes, når netværket er på trin 1 med en bestået "
                    "screening."
                )
            self.intro.setText(text)
            self.pages.setCurrentIndex(0)
        else:
            if self.editor.application_id != latest.id:
                self.editor.load(latest.id)
            else:
                self.editor.refresh_if_changed()
            self.pages.setCurrentIndex(1)
        self._show_history()

    def _revision_started(self, _application_id: str) -> None:
        self.reload()

    def _submitted(self, _application_id: str) -> None:
        self._show_history()

    def _show_history(self) -> None:
        rows = [r for r in svc.revisions(self.ctx.store, self.network_id) if not r.is_latest]
        if not rows:
            self.history.setVisible(False)
            return
        parts = [
            self.tr("version %1: %2 %3")
            .replace("%1", str(r.revision))
            .replace("%2", r.status_label.lower())
            .replace("%3", format_date(r.decided_at or r.submitted_at))
            for r in rows
        ]
        self.history.setText(self.tr("Tidligere versioner: ") + "; ".join(parts))
        self.history.setVisible(True)

    def create(self) -> None:
        network_id = self.network_id
        done = ops.run(
            self.ctx,
            lambda: svc.create_application.done(self.ctx.store, network_id),
            error=self.problem,
            then=lambda _id: self.problem.setVisible(False),
        )
        if done is None:
            return
        self.reload()
