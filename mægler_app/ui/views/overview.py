"""Overblik: the broker's pipeline, budget and sync state at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.messages import Msg
from ...domain.numbers import format_datetime, format_int, format_kr
from ...domain.rules import FACILITATION_FRAME_ORE, TARGET_NETWORKS_PER_BROKER
from ...domain.stages import STAGE_ORDER, Stage, stage_label
from ...domain.timeutil import parse_stored_time
from ...store.quick import Figures, figures, network_count
from .. import keyboard
from ..cards import NoteCard
from ..context import AppContext
from ..noop import QT_TRANSLATE_NOOP
from ..worker import Worker, start
from .base import View

if TYPE_CHECKING:
    from ...domain.next_actions import NextAction
    from ..main_window import MainWindow
    from .next_actions import FirstSteps, NextActionsPanel

# How often, and how long at most, the next actions look at start-up whether the store has been
# loaded (the app loads it in a worker after the first paint): read at once, they would import
# SQLAlchemy beside the first paint on a slow or busy machine (benchmarks/startup.py).
STORE_WAIT_MS = 100
STORE_WAIT_MAX_MS = 10_000


# Up to this many networks the overview's figures are read on the GUI thread (as the networks'
# list, NETWORKS_SYNC_LIMIT): a broker's 400 took 15–30 ms, before the first paint and after a sync.
FIGURES_SYNC_LIMIT = 100


def _read_figures(profile: Path, token: int) -> tuple[int, Figures]:
    return token, figures(profile)


def _read_actions(ctx: AppContext, token: int) -> tuple[int, object]:
    """The next actions, read in a worker; the token tells the view which load this was."""
    from ...store.services.next_actions import load_next_actions
    from . import next_actions  # noqa: F401 - the panels' module (and PySide's Qt namespace it builds) imported here, off the GUI thread

    return token, load_next_actions(ctx.store)


def _card(title: str) -> NoteCard:
    return NoteCard(title, "cardValue", stretch=True)


class OverviewView(View):
    actions_shown = Signal()  # the next actions are read and shown
    key = "overblik"
    title = QT_TRANSLATE_NOOP("Views", "Overblik")
    shortcut = "Ctrl+1"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Overblik"),
                self.tr("Dine netværk, din facilitering og hvad der venter på at blive sendt til Væksthus."),
            )
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        self.card_networks = _card(self.tr("Aktive netværk"))
        # Networks that reached trin 1, closed ones included: the figure /stats counts (domain.figures).
        self.card_established = _card(self.tr("Etablerede netværk"))
        self.card_companies = _card(self.tr("Virksomheder"))
        self.card_budget = _card(self.tr("Faciliteringsudgifter"))
        self.card_sync = _card(self.tr("Ikke sendt til Væksthus"))
        cards = (
            self.card_networks,
            self.card_established,
            self.card_companies,
            self.card_budget,
            self.card_sync,
        )
        for i, card in enumerate(cards):
            grid.addWidget(card, 0, i)
        lay.addLayout(grid)
        stages = QFrame()
        stages.setObjectName("card")
        sl = QGridLayout(stages)
        header = QLabel(self.tr("Netværk pr. fase"))
        header.setObjectName("cardTitle")
        sl.addWidget(header, 0, 0, 1, 2)
        self.stage_labels: dict[Stage, QLabel] = {}
        for row, stage in enumerate(STAGE_ORDER, start=1):
            sl.addWidget(QLabel(stage_label(stage)), row, 0)
            value = QLabel("–")  # as the cards' figures until counted: not a 0 that is not true
            value.setObjectName(f"stage_{stage.value}")
            self.stage_labels[stage] = value
            sl.addWidget(value, row, 1)
        # --- broker: what to do next (issue 20, item 4), read in a worker after the store has
        # loaded: its two panels (first_steps, next_actions), hidden until then, are made when first
        # used, here in the layout, so that the first paint neither imports nor builds them.
        self._layout = lay
        self._panels_at = lay.count()
        self._first_steps: FirstSteps | None = None
        self._next_actions: NextActionsPanel | None = None
        self._actions_worker: Worker | None = None
        self._figures_worker: Worker | None = None
        self._figures_token = 0
        self._painted = False  # until its first paint, a large profile's figures wait (paintEvent)
        self._figures_waiting = False
        self._actions_token = 0
        self._actions_waited = 0  # ms waited at start-up for the store
        self._actions_waiting = False
        lay.addWidget(stages)
        lay.addStretch(1)
        self._root: QWidget = self

    @property
    def first_steps(self) -> FirstSteps:
        """An empty profile's three first steps (hidden until the next actions say so)."""
        if self._first_steps is None:
            from .next_actions import FirstSteps

            panel = FirstSteps(self.go_to)
            panel.setVisible(False)
            self._layout.insertWidget(self._panels_at, panel)  # before the next actions
            keyboard.label_inputs(panel)
            self._first_steps = panel
        return self._first_steps

    @property
    def next_actions(self) -> NextActionsPanel:
        """»Hvad nu?«, the lists of next actions (hidden until they are read)."""
        if self._next_actions is None:
            from .next_actions import NextActionsPanel

            panel = NextActionsPanel()
            panel.setVisible(False)
            panel.activated.connect(self.open_action)
            self._layout.insertWidget(self._panels_at + (self._first_steps is not None), panel)
            keyboard.label_inputs(panel)
            self._next_actions = panel
        return self._next_actions

    def reload(self) -> None:
        # Read with the standard library: this view paints before the store has loaded. A few
        # networks are counted at once; a broker's 400 took 15 ms, 4.000 100 ms: then in a worker.
        if network_count(self.ctx.profile) <= FIGURES_SYNC_LIMIT:
            self._show_figures(figures(self.ctx.profile))
        elif self._painted:
            self._count_figures()
        else:  # the first paint shows "–" for these anyway: the count must not hold the paint back
            self._figures_waiting = True  # (a worker beside it takes the interpreter from it)
        self._load_actions()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._figures_waiting:
                QTimer.singleShot(0, self, self._count_figures)

    def _count_figures(self) -> None:
        self._figures_waiting = False
        self._figures_token += 1
        worker = Worker(_read_figures, self.ctx.profile, self._figures_token)
        worker.signals.finished.connect(self._figures_read)
        self._figures_worker = worker  # keep the signals alive
        start(worker, self.ctx.pool)

    def _figures_read(self, answer: object) -> None:
        if not shiboken6.isValid(self) or not isinstance(answer, tuple):
            return
        token, o = answer
        if token == self._figures_token and isinstance(o, Figures):
            self._show_figures(o)

    def _show_figures(self, o: Figures) -> None:
        frames_ore = o.frames_opened * FACILITATION_FRAME_ORE
        active = sum(n for st, n in o.networks_by_stage.items() if st != Stage.CLOSED)
        self.card_networks.value.setText(format_int(active))
        self.card_networks.note.setText(
            self.tr("af %1 i alt").replace("%1", format_int(sum(o.networks_by_stage.values())))
        )
        target = TARGET_NETWORKS_PER_BROKER
        self.card_established.value.setText(format_int(o.established))
        self.card_established.note.setText(
            self.tr("Mål: %1–%2 netværk pr. mægler · %3 i år")
            .replace("%1", str(target.low))
            .replace("%2", str(target.high))
            .replace("%3", format_int(o.established_this_year))
        )
        self.card_companies.value.setText(format_int(o.companies))
        self.card_companies.note.setText("")
        self.card_budget.value.setText(format_kr(o.expenses_ore))
        self.card_budget.note.setText(
            self.tr("af %1 i åbne rammer").replace("%1", format_kr(frames_ore))
            if frames_ore
            else self.tr("Ingen åbne rammer endnu")
        )
        self.card_sync.value.setText(format_int(o.pending))
        notes = []
        if o.conflicts:
            notes.append(str(Msg.UI_CONFLICTS(n=o.conflicts)))
        if o.rejected:
            notes.append(str(Msg.UI_REJECTED(n=o.rejected)))
        last = parse_stored_time(o.last_sync)
        notes.append(
            self.tr("Sidst synkroniseret %1").replace("%1", format_datetime(last))
            if last is not None
            else self.tr("Aldrig synkroniseret")
        )
        self.card_sync.note.setText(" · ".join(notes))
        for stage, label in self.stage_labels.items():
            label.setText(str(o.networks_by_stage.get(stage.value, 0)))

    # --- broker: next actions (issue 20, item 4) -------------------------------------------------
    def _load_actions(self) -> None:
        if not self.ctx.store_loaded and self._actions_waited < STORE_WAIT_MAX_MS:
            # Start-up paints this view before the store (SQLAlchemy) is loaded, which the app does
            # right after the first paint: the lists come a moment later, not before the paint.
            if not self._actions_waiting:
                self._actions_waiting = True
                QTimer.singleShot(STORE_WAIT_MS, self, self._waited_for_store)
            return
        self._actions_waited = STORE_WAIT_MAX_MS  # waited once at start-up; later reloads read at once
        self._actions_token += 1
        worker = Worker(_read_actions, self.ctx, self._actions_token)
        # a bound method: Qt drops the connection when the view is gone before the worker reports
        worker.signals.finished.connect(self._show_actions)
        self._actions_worker = worker  # keep the signals alive
        start(worker, self.ctx.pool)

    def _waited_for_store(self) -> None:
        self._actions_waiting = False
        self._actions_waited += STORE_WAIT_MS
        self._load_actions()

    def _show_actions(self, answer: object) -> None:
        from ...store.services.next_actions import Overview

        if not shiboken6.isValid(self) or not isinstance(answer, tuple):
            return
        token, result = answer
        if token != self._actions_token or not isinstance(result, Overview):
            return  # a newer load is on its way
        self.first_steps.setVisible(result.first_start)
        self.next_actions.setVisible(not result.first_start)
        self.next_actions.set_actions(result.actions)
        self.actions_shown.emit()

    def _main_window(self) -> MainWindow | None:
        from ..main_window import MainWindow

        window = self.window()
        return window if isinstance(window, MainWindow) else None

    def go_to(self, key: str) -> None:
        window = self._main_window()
        if window is not None and key in window.specs:
            window.show_view(key)

    def open_action(self, action: NextAction) -> None:
        """A line's record: its network's page, on the meeting (opened) or the application."""
        window = self._main_window()
        if window is None:
            return
        from ...domain.next_actions import ActionKind
        from ..networks.view import NetworksView

        networks = window.show_view("netvaerk")
        assert isinstance(networks, NetworksView)
        page = networks.open_network(action.network_id)
        if page.network_id != action.network_id:
            return  # the broker kept unsaved typing on another network's page
        if action.kind in (ActionKind.STEP, ActionKind.MEETING):
            tab = page.show_feature("Møder og udgifter")
            if tab is not None and hasattr(tab, "open_meeting"):
                tab.open_meeting(action.record_id)
        elif action.kind == ActionKind.DECISION:
            page.show_feature("Ansøgning")
