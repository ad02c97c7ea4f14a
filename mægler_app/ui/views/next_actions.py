"""The overview's »Hvad nu?« (issue 20, item 4): open next steps, this week's planned meetings,
quiet networks and applications waiting for a decision, each line opening its record; on an empty
profile the three first steps instead.

The lists are read in a worker (``store.services.next_actions``); the rules are in
``domain.next_actions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.next_actions import (
    MAX_LINES,
    MEETINGS_AHEAD_DAYS,
    QUIET_AFTER_DAYS,
    ActionKind,
    NextAction,
    NextActions,
)
from ...domain.numbers import format_date, format_datetime
from ...domain.rules import MIN_INDEPENDENT_COMPANIES, USUAL_MAX_MEMBERS
from ...domain.vocab import label as vocab_label
from ..style import WARNING_TEXT

_OVERDUE = QBrush(QColor(WARNING_TEXT))
_ACTION = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def action_text(action: NextAction) -> str:
    """One line as the overview shows it."""
    a = action
    if a.kind == ActionKind.STEP:
        due = format_date(a.when) if a.when is not None else _tr("ingen frist")
        mark = "⚠ " if a.overdue else ""
        return f"{mark}{due} · {a.text} ({a.network})"
    if a.kind == ActionKind.MEETING:
        kind = vocab_label("meeting_kind", a.text)
        assert isinstance(a.when, dt.datetime)  # a meeting's start (domain.next_actions)
        return f"{format_datetime(a.when)} · {a.network}: {kind}"
    if a.kind == ActionKind.QUIET:
        return _tr("%1 – seneste aktivitet %2").replace("%1", a.network).replace("%2", format_date(a.when))
    return _tr("%1 – sendt %2").replace("%1", a.network).replace("%2", format_date(a.when))


class ActionList(QWidget):
    """A titled list of next actions; activating a line emits it."""

    activated = Signal(object)  # NextAction

    def __init__(self, name: str, title: str, empty: str) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        lay.addWidget(self.title)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.setAccessibleName(title)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # a long line is cut with … (whole in its tooltip), never scrolled sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemDoubleClicked.connect(self._on_item)
        self.list.setToolTip(_tr("Dobbeltklik eller Enter åbner linjens netværk"))
        lay.addWidget(self.list)
        self.empty = QLabel(empty)
        self.empty.setObjectName("cardNote")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.more = QLabel()
        self.more.setObjectName("cardNote")
        lay.addWidget(self.more)
        lay.addStretch(1)

    def set_actions(self, actions: list[NextAction], title: str | None = None) -> None:
        if title is not None:
            self.title.setText(title)
        self.list.clear()
        shown = actions[:MAX_LINES]
        for action in shown:
            item = QListWidgetItem(action_text(action))
            item.setData(_ACTION, action)
            item.setToolTip(item.text())
            if action.overdue:
                item.setForeground(_OVERDUE)
            self.list.addItem(item)
        rest = len(actions) - len(shown)
        self.more.setText(str(Msg.UI_NEXT_MORE(n=rest)) if rest else "")
        self.more.setVisible(bool(rest))
        self.list.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        rows = max(1, len(shown))
        row_height = self.list.sizeHintForRow(0) if shown else self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 4)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        action = item.data(_ACTION)
        if isinstance(action, NextAction):
            self.activated.emit(action)


class NextActionsPanel(QFrame):
    """»Hvad nu?«: the four lists side by side in pairs."""

    activated = Signal(object)  # NextAction

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        header = QLabel(self.tr("Hvad nu?"))
        header.setObjectName("cardTitle")
        header.setStyleSheet("font-weight: 600;")
        lay.addWidget(header)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        self.steps = ActionList(
            "nextSteps", self.tr("Åbne næste skridt"), self.tr("Ingen åbne skridt fra møderne.")
        )
        self.meetings = ActionList(
            "nextMeetings",
            str(Msg.UI_NEXT_MEETINGS_TITLE(n=MEETINGS_AHEAD_DAYS)),
            self.tr("Ingen planlagte møder."),
        )
        self.quiet = ActionList(
            "quietNetworks",
            str(Msg.UI_NEXT_QUIET_TITLE(n=QUIET_AFTER_DAYS)),
            self.tr("Alle åbne netværk har haft aktivitet."),
        )
        self.decisions = ActionList(
            "waitingDecisions",
            self.tr("Ansøgninger der venter på afgørelse"),
            self.tr("Ingen ansøgninger venter på Væksthus."),
        )
        for i, part in enumerate((self.steps, self.meetings, self.quiet, self.decisions)):
            grid.addWidget(part, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
            part.activated.connect(self.activated)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)

    def set_actions(self, actions: NextActions) -> None:
        overdue = sum(1 for a in actions.steps if a.overdue)
        steps_title = self.tr("Åbne næste skridt")
        if overdue:
            steps_title += " · " + str(Msg.UI_NEXT_OVERDUE(n=overdue))
        self.steps.set_actions(actions.steps, steps_title)
        self.meetings.set_actions(actions.meetings)
        self.quiet.set_actions(actions.quiet)
        self.decisions.set_actions(actions.decisions)


class FirstSteps(QFrame):
    """An empty profile: the three first steps, each with a button that goes there."""

    def __init__(self, go: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        header = QLabel(self.tr("Velkommen til Mægler – kom i gang i tre skridt"))
        header.setObjectName("cardTitle")
        header.setStyleSheet("font-weight: 600;")
        lay.addWidget(header)
        steps = (
            (
                self.tr("1. Registrér virksomhederne"),
                self.tr(
                    "Opret de virksomheder, du taler med, med CVR-nummer – eller importér dem fra en "
                    "CSV-fil under Virksomheder."
                ),
                self.tr("Gå til Virksomheder"),
                "virksomheder",
            ),
            (
                self.tr("2. Opret et kandidatnetværk"),
                self.tr(
                    "Saml %1–%2 virksomheder i et netværk, beskriv kerneopgaven (Hvad, Hvem, Hvorfor, "
                    "Hvordan) og screen det."
                )
                .replace("%1", str(MIN_INDEPENDENT_COMPANIES))
                .replace("%2", str(USUAL_MAX_MEMBERS)),
                self.tr("Gå til Netværk"),
                "netvaerk",
            ),
            (
                self.tr("3. Forbind til Væksthus"),
                self.tr(
                    "Log ind på Væksthus' server, så dit arbejde synkroniseres. Du kan arbejde offline; "
                    "ændringerne venter, til der er forbindelse."
                ),
                self.tr("Gå til Synkronisering"),
                "synkronisering",
            ),
        )
        self.buttons: dict[str, QPushButton] = {}
        for title, text, button_text, key in steps:
            t = QLabel(title)
            t.setStyleSheet("font-weight: 600;")
            lay.addWidget(t)
            body = QLabel(text)
            body.setWordWrap(True)
            lay.addWidget(body)
            button = QPushButton(button_text)
            button.setObjectName(f"firstStep_{key}")
            button.clicked.connect(lambda _=False, k=key: go(k))
            self.buttons[key] = button
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
