"""Indbakke (caseworkers, issue 18 part 2): the applications waiting for Væksthus' decision, oldest
first; one opened read-only beside its network's screening, meetings and budget; »Bevilg« and
»Afslå« (a reason required) sent to the server in a worker; and what needs following up.

A decision is made at the server or not at all: offline, the buttons say why and nothing is queued.
After the server's answer the caseworker's own copy is updated at once (the answer applied as the
pull will apply it), and a sync fetches the server's versions.

The lists and the opened case's network are read in the thread pool (``load_inbox``,
``load_case``: a whole programme's applications, screenings and meetings), never on the GUI
thread; ``shown`` says when both are on screen. »Vis PDF« writes the application's PDF to a
temporary file and opens it in the system's viewer (or says where it is when none could start).
From here a caseworker also records Væksthus' follow-up on a network (ui/desk/follow_up.py).
"""

from __future__ import annotations

import html
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Done
from ...domain.messages import Msg
from ...domain.numbers import format_date, format_datetime, format_int, format_kr
from ...domain.rules import COMPANY_SHARE_PERCENT
from ...domain.timeutil import parse_stored_time, utcnow
from ...domain.vocab import Decision
from ...store.services import applications as app_svc
from ...store.services import desk as svc
from ...store.services import expenses as expense_svc
from ...store.services import follow_ups as follow_up_svc
from ...store.services import meetings as meeting_svc
from ...sync.api import Api, OfflineError, SyncError
from ...sync.service import api_for
from .. import ops
from ..application.editor import ApplicationEditor
from ..ask import confirm
from ..context import AppContext
from ..forms.screening import verdict_text
from ..noop import QT_TR_NOOP, QT_TRANSLATE_NOOP
from ..sync.controller import controller_for
from ..table import Column, FilterProxy, RowsTableModel, TextsOnceModel, fit_to_texts, make_table_view
from ..views.base import View
from ..worker import Worker, start
from .follow_up import FollowUpDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _verdict(value: str) -> str:
    return verdict_text(value) if value else _tr("ikke screenet")


def _kr(value: int | None) -> str:
    return format_kr(value) if value is not None else "–"


def _split(r: svc.InboxRow) -> str:
    if r.company_share_ore is None:
        return "–"
    how = _tr("lige") if r.split_even else _tr("efter nøgle")
    return f"{format_kr(r.company_share_ore)} · {format_int(r.companies)} · {how}"


def inbox_model(parent: Any = None) -> RowsTableModel[svc.InboxRow]:
    cols: list[Column[svc.InboxRow]] = [
        Column(_tr("Indsendt"), lambda r: format_datetime(r.submitted_at), lambda r: r.submitted_at),
        Column(_tr("Netværk"), lambda r: r.network, tooltip=lambda r: r.network),
        Column(_tr("Mægler"), lambda r: r.broker),
        Column(
            _tr("Timer"),
            lambda r: format_int(r.hours) if r.hours is not None else "–",
            lambda r: r.hours or 0,
            True,
        ),
        Column(_tr("Budget"), lambda r: _kr(r.total_ore), lambda r: r.total_ore or 0, True),
        Column(
            _tr("Virksomhedernes %1 %").replace("%1", str(COMPANY_SHARE_PERCENT)),
            _split,
            lambda r: r.company_share_ore or 0,
            tooltip=lambda r: _tr("Virksomhedernes andel, antal virksomheder og fordelingen"),
        ),
        Column(_tr("Screening"), lambda r: _verdict(r.verdict)),
    ]
    return TextsOnceModel(cols, lambda r: r.id, parent)


_KIND = {
    "screening": QT_TR_NOOP("Screening afsluttet"),
    "inactive": QT_TR_NOOP("Ingen aktivitet i 60 dage"),
    "plan": QT_TR_NOOP("Handlingsplanens slutdato passeret"),
}


def attention_model(parent: Any = None) -> RowsTableModel[svc.AttentionRow]:
    def when(r: svc.AttentionRow) -> str:
        return format_date(r.when) if r.when is not None else "–"

    def text(r: svc.AttentionRow) -> str:
        if r.kind == "screening":
            return _verdict(r.text)
        if r.kind == "plan":
            return _tr("Mangler: %1").replace("%1", r.text) if r.text else _tr("Alle elementer er på plads")
        return _tr("Sidste aktivitet %1").replace("%1", when(r))

    cols: list[Column[svc.AttentionRow]] = [
        Column(_tr("Hvad"), lambda r: _tr(_KIND[r.kind])),
        Column(_tr("Netværk"), lambda r: r.network, tooltip=lambda r: r.network),
        Column(_tr("Mægler"), lambda r: r.broker),
        Column(_tr("Dato"), when, lambda r: str(r.when or "")),
        Column(_tr("Bemærkning"), text, tooltip=text),
    ]
    return TextsOnceModel(cols, lambda r: f"{r.kind}:{r.network_id}", parent)


def _decide_job(
    store: Any, api: Api, application_id: str, decision: str, comment: str
) -> Done[dict[str, Any]]:
    """At the server, then in this computer's copy as the pull will bring it (no outbox entry)."""
    try:
        answer = api.decide(application_id, decision, comment)
    except OfflineError:
        raise SyncError(
            _tr("Væksthus' server svarer ikke; afgørelsen er ikke sendt. Prøv igen, når der er forbindelse.")
        ) from None
    finally:
        api.close()
    raw = answer.get("data")
    data: dict[str, Any] = raw if isinstance(raw, dict) else {}
    decided = parse_stored_time(data.get("decided_at")) or utcnow()
    applied = app_svc.apply_decision.done(
        store, application_id, decision, str(data.get("decision_comment") or comment), decided
    )
    return Done(answer, applied.changes)


# -- reading off the GUI thread --------------------------------------------------------------------
@dataclass(frozen=True)
class InboxData:
    rows: list[svc.InboxRow]
    attention: list[svc.AttentionRow]


def load_inbox(store: Any) -> InboxData:
    """The submitted applications and what needs following up (runs in a worker)."""
    return InboxData(svc.submitted_applications(store), svc.attention(store))


@dataclass(frozen=True)
class CaseFacts:
    """What the opened application's side shows of its network (read in a worker)."""

    application_id: str
    network_id: str
    application: app_svc.ApplicationDetail
    prefill: app_svc.NetworkPrefill
    meetings: list[meeting_svc.MeetingRow]
    budget: expense_svc.Budget
    follow_ups: list[follow_up_svc.FollowUpRow]


def load_case(store: Any, application_id: str, network_id: str) -> CaseFacts:
    return CaseFacts(
        application_id,
        network_id,
        app_svc.get_application(store, application_id),
        app_svc.network_prefill(store, network_id),
        meeting_svc.list_meetings(store, network_id),
        expense_svc.budget(store, network_id),
        follow_up_svc.list_follow_ups(store, network_id),
    )


class LatestLoader(QObject):
    """Runs ``fn(*args)`` in the pool, one at a time. A request while one runs waits, and only the
    newest waiting one runs after it; the answer of a run overtaken so is dropped, not shown."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, pool: QThreadPool | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.worker: Worker | None = None
        self._next: tuple[Callable[..., Any], tuple[Any, ...]] | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None or self._next is not None

    def load(self, fn: Callable[..., Any], *args: Any) -> None:
        if self.worker is not None:
            self._next = (fn, args)
            return
        worker = Worker(fn, *args)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        start(worker, self.pool)

    def _then(self) -> bool:
        self.worker = None
        if self._next is None:
            return False
        fn, args = self._next
        self._next = None
        self.load(fn, *args)
        return True

    def _on_finished(self, result: object) -> None:
        # a view closed while its read ran: its widgets are gone, the answer goes nowhere
        if shiboken6.isValid(self) and not self._then():
            self.loaded.emit(result)

    def _on_failed(self, message: str) -> None:
        if shiboken6.isValid(self) and not self._then():
            self.failed.emit(message)


def open_pdf(path: Path) -> bool:
    """Open the file in the system's PDF viewer; False when none could start (tests replace this)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class InboxView(View):
    key = "indbakke"
    title = QT_TRANSLATE_NOOP("Views", "Indbakke")
    shortcut = "Ctrl+1"
    watches = ("application", "network", "screening", "action_plan", "meeting", "expense", "follow_up")
    shown = Signal()  # the lists, and the opened case's network, are on screen (benchmarks/)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.controller = controller_for(ctx)
        self.rows: list[svc.InboxRow] = []
        self.current: svc.InboxRow | None = None
        self.worker: Worker | None = None
        self.decided: dict[str, str] = {}  # application id → decision made here this session
        self.failure = ""
        self.loader = LatestLoader(ctx.pool, self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.case_loader = LatestLoader(ctx.pool, self)
        self.case_loader.loaded.connect(self._on_case_loaded)
        self.case_loader.failed.connect(self._on_load_failed)
        self.case_facts: CaseFacts | None = None
        # whether this profile is logged in with a token: asked once (the keyring is slow), and
        # again when the account changes
        self._signed_in: bool | None = None
        self._case_pending = False  # a case to open after the lists are painted
        self.pdf_worker: Worker | None = None
        self._pdf_dir: tempfile.TemporaryDirectory[str] | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(
            self.heading(
                self.tr("Indbakke"),
                self.tr(
                    "Indsendte ansøgninger, ældste først, og det der skal følges op på. Åbn en ansøgning "
                    "for at se den ved siden af netværkets screening, møder og budget og træffe afgørelse."
                ),
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("inboxSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical)
        self.model = inbox_model(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # fitted to the contents once per load (_on_loaded), not at every layout pass; a long
        # network name is elided, the whole name its tooltip
        self.table = make_table_view(
            self.proxy, "inboxTable", self.tr("Indsendte ansøgninger"), stretch=(1,), alternating=True
        )
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._open_index(cur))
        split.addWidget(self.table)

        # the opened application: read-only editor | the network beside it, and the decision
        self.case = QSplitter(Qt.Orientation.Horizontal)
        self.case.setObjectName("inboxCase")
        self.editor = ApplicationEditor(ctx)
        self.editor.setObjectName("inboxApplication")
        self.case.addWidget(self.editor)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(8, 0, 0, 0)
        self.network_info = QLabel()
        self.network_info.setObjectName("inboxNetwork")
        self.network_info.setWordWrap(True)
        self.network_info.setTextFormat(Qt.TextFormat.RichText)
        self.network_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.network_info)
        sl.addWidget(scroll, 1)
        case_buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Vis PDF"))
        self.pdf_button.setObjectName("showApplicationPdf")
        self.pdf_button.setToolTip(self.tr("Åbn ansøgningen som PDF, som Væksthus modtager den"))
        self.pdf_button.clicked.connect(self.show_pdf)
        self.case_follow_up = QPushButton(self.tr("Ny opfølgning …"))
        self.case_follow_up.setObjectName("caseFollowUp")
        self.case_follow_up.setToolTip(self.tr("Registrér Væksthus' opfølgning på netværket"))
        self.case_follow_up.clicked.connect(lambda: self.new_follow_up(self._case_network()))
        case_buttons.addWidget(self.pdf_button)
        case_buttons.addWidget(self.case_follow_up)
        case_buttons.addStretch(1)
        sl.addLayout(case_buttons)
        self.pdf_note = QLabel()
        self.pdf_note.setObjectName("pdfNote")
        self.pdf_note.setWordWrap(True)
        self.pdf_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pdf_note.hide()
        sl.addWidget(self.pdf_note)
        decide_box = QFrame()
        decide_box.setObjectName("card")
        dl = QVBoxLayout(decide_box)
        reason_label = QLabel(self.tr("Begrundelse (kræves ved afslag):"))
        dl.addWidget(reason_label)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setAccessibleName(self.tr("Begrundelse"))
        self.reason.setMaximumHeight(64)
        reason_label.setBuddy(self.reason)
        self.reason.textChanged.connect(self._update_buttons)
        dl.addWidget(self.reason)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approveApplication")
        self.approve_button.clicked.connect(lambda: self.decide(Decision.APPROVED))
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("rejectApplication")
        self.reject_button.clicked.connect(lambda: self.decide(Decision.REJECTED))
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        self.why_not = QLabel()
        self.why_not.setObjectName("decisionWhyNot")
        self.why_not.setWordWrap(True)
        dl.addWidget(self.why_not)
        self.result = QLabel()
        self.result.setObjectName("decisionResult")
        self.result.setWordWrap(True)
        dl.addWidget(self.result)
        sl.addWidget(decide_box)
        self.case.addWidget(side)
        self.case.setSizes([620, 380])
        split.addWidget(self.case)

        self.attention = QTabWidget()
        self.attention.setObjectName("inboxAttention")
        self.attention_models: dict[str, RowsTableModel[svc.AttentionRow]] = {}
        self.attention_views: dict[str, QTableView] = {}
        for kind, label in (
            ("screening", self.tr("Screeninger den seneste uge")),
            ("inactive", self.tr("Uden aktivitet i 60 dage")),
            ("plan", self.tr("Handlingsplaner efter slutdato")),
        ):
            model = attention_model(self)
            view = make_table_view(
                model,
                f"attention_{kind}",
                label,
                fit=QHeaderView.ResizeMode.ResizeToContents,
                stretch_last=True,
                word_wrap=True,
            )
            self.attention_models[kind] = model
            self.attention_views[kind] = view
            view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_follow_up_button())
            self.attention.addTab(view, label)
        # --- followup: follow up on the network chosen in the list
        self.attention_follow_up = QPushButton(self.tr("Ny opfølgning på det valgte netværk …"))
        self.attention_follow_up.setObjectName("attentionFollowUp")
        self.attention_follow_up.setToolTip(self.tr("Registrér Væksthus' opfølgning på det valgte netværk"))
        self.attention_follow_up.clicked.connect(lambda: self.new_follow_up(self._attention_network()))
        self.attention.currentChanged.connect(lambda _i: self._update_follow_up_button())
        # under the lists, not in the tabs' corner: the tabs keep their room
        attention_box = QWidget()
        al = QVBoxLayout(attention_box)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(self.attention, 1)
        attention_bar = QHBoxLayout()
        attention_bar.addStretch(1)
        attention_bar.addWidget(self.attention_follow_up)
        al.addLayout(attention_bar)
        split.addWidget(attention_box)
        split.setSizes([150, 470, 140])
        lay.addWidget(split, 1)

        # a bound method: Qt drops it with this view (the controller outlives it; a lambda stayed)
        self.controller.online_changed.connect(self._on_online_changed)
        self.controller.account_changed.connect(self._on_account_changed)
        # The case's side stays laid out (empty) until the lists come: made visible only then, the
        # whole editor's first layout and styling fell into the first load, a stall of 100 ms.
        self._update_buttons()
        self._update_follow_up_button()

    # the lists --------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """The lists or the opened case's network are still being read."""
        return self.loader.busy or self.case_loader.busy or self._case_pending

    def _on_online_changed(self, _online: object) -> None:
        self._update_buttons()

    def _on_account_changed(self) -> None:
        self._signed_in = None
        self._update_buttons()

    def signed_in(self) -> bool:
        if self._signed_in is None:
            self._signed_in = self.controller.account() is not None and self.controller.has_token()
        return self._signed_in

    def reload(self) -> None:
        if not self.rows:
            self.summary.setText(self.tr("Henter indsendte ansøgninger …"))
        self.loader.load(load_inbox, self.ctx.store)

    def _on_load_failed(self, message: str) -> None:
        self.summary.setText(self.tr("Indbakken kunne ikke læses: %1").replace("%1", message))
        self._maybe_shown()

    def _on_loaded(self, data: object) -> None:
        if not isinstance(data, InboxData):
            return
        self.rows = data.rows
        keep = self.current.id if self.current is not None else None
        self.model.set_rows(self.rows)
        fit_to_texts(self.table, skip=(1,))  # the network's column stretches
        self.summary.setText(str(Msg.UI_DESK_WAITING(n=len(self.rows))))
        items = data.attention
        for kind, model in self.attention_models.items():
            rows = [r for r in items if r.kind == kind]
            model.set_rows(rows)
            index = list(self.attention_models).index(kind)
            self.attention.setTabText(index, f"{self.attention.tabText(index).split(' (')[0]} ({len(rows)})")
        self._update_follow_up_button()
        # the case in the next turn of the event loop: the lists are painted first, and the two
        # halves of the work each stall the window less than both together
        self._case_pending = True
        QTimer.singleShot(0, lambda: self._open_case_after_load(keep))

    def _open_case_after_load(self, keep: str | None) -> None:
        self._case_pending = False
        if keep is not None and any(r.id == keep for r in self.rows):
            self.select(keep)
        elif self.current is not None and self.current.id in self.decided:
            self._update_buttons()  # the decision just made stays in view with its result
        elif self.rows:
            self.select(self.rows[0].id)
        else:
            self._show_case(None)
        if self.current is not None and not self.case_loader.busy:
            # the same case still open: its network may have changed too (a meeting, a follow-up)
            self.case_loader.load(load_case, self.ctx.store, self.current.id, self.current.network_id)
        self._maybe_shown()

    def _maybe_shown(self) -> None:
        if not self.loading:
            self.shown.emit()

    def select(self, application_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.model.row_id(self.proxy.mapToSource(self.proxy.index(row, 0))) == application_id:
                self.table.selectRow(row)
                self._open_index(self.proxy.index(row, 0))
                return

    def _open_index(self, index: Any) -> None:
        if not index.isValid():
            return
        row_id = self.model.row_id(self.proxy.mapToSource(index))
        row = next((r for r in self.rows if r.id == row_id), None)
        if row is not None and (self.current is None or self.current.id != row.id or self.current != row):
            self._show_case(row)

    # the opened case --------------------------------------------------------------------------
    def _show_case(self, row: svc.InboxRow | None) -> None:
        changed = row is None or self.current is None or self.current.id != row.id
        self.current = row
        self.case.setVisible(row is not None)
        if row is None:
            return
        if changed:
            if self.reason.toPlainText():
                self.reason.blockSignals(True)  # one _update_buttons below, not one more here
                self.reason.clear()
                self.reason.blockSignals(False)
            self.result.clear()
            self.failure = ""
            self.pdf_note.hide()
        facts = self.case_facts
        if facts is not None and facts.application_id == row.id and not changed:
            self.network_info.setText(self._network_html(row, facts))  # shown until the new facts come
        else:
            fetching = self.tr("Henter netværkets oplysninger …")  # outside the f-string: lupdate
            self.network_info.setText(f"<p><i>{html.escape(fetching)}</i></p>")
        # the application and its network are read in a worker; the editor shows it when they come
        self.case_loader.load(load_case, self.ctx.store, row.id, row.network_id)
        self._update_buttons()

    def _hide_broker_actions(self) -> None:
        """A caseworker reads the application: the broker's own actions are not offered here."""
        for button in (self.editor.submit_button, self.editor.revision_button, self.editor.save_button):
            if not button.isHidden():
                button.setVisible(False)

    def _on_case_loaded(self, facts: object) -> None:
        if not isinstance(facts, CaseFacts):
            return
        self.case_facts = facts
        row = self.current
        if row is None or row.id != facts.application_id:
            self._maybe_shown()
            return
        self.editor.load(row.id, facts.application)
        self._hide_broker_actions()
        self._update_buttons()
        # the network's side in the next turn: the editor is laid out and painted first
        self._case_pending = True
        QTimer.singleShot(0, lambda: self._show_network(facts))

    def _show_network(self, facts: CaseFacts) -> None:
        if not shiboken6.isValid(self.network_info):
            return  # the view was closed while the case was read
        self._case_pending = False
        row = self.current
        if row is not None and row.id == facts.application_id:
            self.network_info.setText(self._network_html(row, facts))
        self._maybe_shown()

    def _network_html(self, row: svc.InboxRow, facts: CaseFacts) -> str:
        d = facts.prefill
        e = html.escape
        parts = [f"<h3>{e(d.name)}</h3>", f"<p>{e(self.tr('Mægler'))}: <b>{e(row.broker)}</b><br>"]
        parts.append(f"{e(self.tr('Fase'))}: {e(d.stage_label)}</p>")
        # the texts outside the f-strings, where lupdate finds them
        screening, meetings_word, planned_word = self.tr("Screening"), self.tr("Møder"), self.tr("planlagt")
        no_meetings, facilitation = self.tr("Ingen møder registreret."), self.tr("Facilitering")
        parts.append(f"<h4>{e(screening)}</h4><p><b>{e(_verdict(d.screening_verdict))}</b>")
        if d.screening_date is not None:
            parts.append(" " + e(format_date(d.screening_date)))
        parts.append("</p>")
        if d.screening_reasons:
            parts.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in d.screening_reasons) + "</ul>")
        meetings = facts.meetings
        parts.append(f"<h4>{e(meetings_word)} ({len(meetings)})</h4>")
        if meetings:
            parts.append("<ul>")
            for m in sorted(meetings, key=lambda m: m.starts_at):
                planned = f" ({e(planned_word)})" if m.planned else ""
                place = f", {e(m.place)}" if m.place else ""
                parts.append(f"<li>{e(format_date(m.starts_at))}: {e(m.kind_label)}{place}{planned}</li>")
            parts.append("</ul>")
        else:
            parts.append(f"<p>{e(no_meetings)}</p>")
        budget = facts.budget
        parts.append(f"<h4>{e(facilitation)}</h4><p>")
        parts.append(
            e(
                self.tr("Brugt %1 af %2; %3 tilbage.")
                .replace("%1", format_kr(budget.spent_ore))
                .replace("%2", format_kr(budget.frame_ore))
                .replace("%3", format_kr(budget.remaining_ore))
            )
        )
        warning = budget.warning()
        if warning:
            parts.append(f"<br><i>{e(warning)}</i>")
        parts.append("</p>")
        # --- followup: what Væksthus has offered the network before
        if facts.follow_ups:
            follow_up, next_word = self.tr("Væksthus’ opfølgning"), self.tr("næste")
            parts.append(f"<h4>{e(follow_up)} ({len(facts.follow_ups)})</h4><ul>")
            for f in facts.follow_ups:
                nxt = f" – {e(next_word)} {e(format_date(f.next_on))}" if f.next_on else ""
                who = f" ({e(f.caseworker_name)})" if f.caseworker_name else ""
                parts.append(
                    f"<li>{e(format_date(f.held_on))}: {e(f.kind_label)}{who}: {e(f.offered)}{nxt}</li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    # the application's PDF -------------------------------------------------------------------
    def show_pdf(self) -> bool:
        """Write the opened application's PDF to a temporary file in a worker, then open it in the
        system's viewer; False when there is nothing to show or one is being made."""
        row = self.current
        if row is None or self.pdf_worker is not None:
            return False
        # reportlab is imported on first use, keeping it off the start-up path
        from ...reports.application_pdf import default_filename
        from ..application.pdf import export_application

        if self._pdf_dir is None:
            self._pdf_dir = tempfile.TemporaryDirectory(prefix="maegler-pdf-")
            weakref.finalize(self, self._pdf_dir.cleanup)
        detail = self.editor.detail
        name = default_filename(detail) if detail is not None and detail.id == row.id else f"{row.id}.pdf"
        target = Path(self._pdf_dir.name) / name
        self.pdf_button.setEnabled(False)
        self._pdf_note(self.tr("Laver PDF …"))
        worker = Worker(export_application, self.ctx.store, row.id, target)
        worker.signals.finished.connect(self._on_pdf)
        worker.signals.failed.connect(self._on_pdf_failed)
        self.pdf_worker = worker
        start(worker, self.ctx.pool)
        return True

    def _pdf_note(self, text: str, warning: bool = False) -> None:
        self.pdf_note.setText(text)
        self.pdf_note.setObjectName("warning" if warning else "pdfNote")
        self.pdf_note.style().unpolish(self.pdf_note)
        self.pdf_note.style().polish(self.pdf_note)
        self.pdf_note.setVisible(bool(text))

    def _on_pdf(self, path: object) -> None:
        self.pdf_worker = None
        self.pdf_button.setEnabled(True)
        self.last_pdf = Path(str(path))
        if open_pdf(self.last_pdf):
            self._pdf_note("")
            self.ctx.bus.status_reported.emit(self.tr("PDF'en er åbnet: %1").replace("%1", str(path)))
        else:
            text = str(Msg.UI_PDF_NO_VIEWER(path=str(path)))
            self._pdf_note(text, warning=True)
            self.ctx.bus.status_reported.emit(text)

    def _on_pdf_failed(self, message: str) -> None:
        self.pdf_worker = None
        self.pdf_button.setEnabled(True)
        self._pdf_note(self.tr("PDF'en kunne ikke laves: %1").replace("%1", message), warning=True)

    # --- followup: Væksthus' follow-up on a network -------------------------------------------
    def _case_network(self) -> str | None:
        return self.current.network_id if self.current is not None else None

    def _attention_network(self) -> str | None:
        kind = list(self.attention_models)[self.attention.currentIndex()]
        view = self.attention_views[kind]
        index = view.currentIndex()
        if not index.isValid():
            return None
        row_id = str(self.attention_models[kind].row_id(index) or "")
        return row_id.split(":", 1)[1] if ":" in row_id else None

    def _update_follow_up_button(self) -> None:
        self.attention_follow_up.setEnabled(self._attention_network() is not None)
        if not self.attention_follow_up.isEnabled():
            self.attention_follow_up.setToolTip(self.tr("Vælg et netværk i listen for at følge op på det."))
        else:
            self.attention_follow_up.setToolTip(
                self.tr("Registrér Væksthus' opfølgning på det valgte netværk")
            )

    def new_follow_up(self, network_id: str | None) -> FollowUpDialog | None:
        """Open »Ny opfølgning« for the network; saved, it goes to the server with a sync."""
        if not network_id:
            return None
        dialog = FollowUpDialog(self.ctx, network_id, self)
        dialog.saved.connect(lambda _id: self.controller.sync_now(automatic=True))
        dialog.open()
        return dialog

    # deciding ---------------------------------------------------------------------------------
    def cannot_decide(self) -> str:
        """Why no decision can be sent now, or "" when it can."""
        if self.worker is not None:
            return self.tr("Sender afgørelsen til Væksthus' server…")
        if self.current is None:
            return self.tr("Vælg en indsendt ansøgning.")
        if self.case_facts is None or self.case_facts.application_id != self.current.id:
            return self.tr("Henter ansøgningen …")  # the editor still shows the one before
        if self.current.id in self.decided:
            return self.tr("Der er truffet afgørelse om ansøgningen.")
        if not self.signed_in():
            return self.tr(
                "En afgørelse kræver, at du er logget ind på Væksthus' server (se Synkronisering)."
            )
        if self.controller.online is False:
            return self.tr(
                "Offline: en afgørelse sendes direkte til Væksthus' server og gemmes ikke til senere. "
                "Prøv igen, når der er forbindelse."
            )
        return ""

    def _update_buttons(self) -> None:
        reason = self.cannot_decide()
        offline = bool(reason) and self.current is not None and self.current.id not in self.decided
        self.approve_button.setText(self.tr("Bevilg – kræver forbindelse") if offline else self.tr("Bevilg"))
        self.reject_button.setText(self.tr("Afslå – kræver forbindelse") if offline else self.tr("Afslå"))
        self.approve_button.setEnabled(not reason)
        no_reason = not self.reason.toPlainText().strip()
        self.reject_button.setEnabled(not reason and not no_reason)
        for b in (self.approve_button, self.reject_button):
            b.setToolTip(reason)
        if not reason and no_reason:
            self.reject_button.setToolTip(self.tr("Skriv en begrundelse for at afslå."))
        self.why_not.setText(self.failure or reason)
        self.why_not.setObjectName("warning" if (self.failure or offline) else "decisionWhyNot")
        self.why_not.style().unpolish(self.why_not)
        self.why_not.style().polish(self.why_not)

    def decide(self, decision: str) -> bool:
        """Ask, then send the decision in a worker; False when nothing was sent."""
        row = self.current
        if row is None or self.cannot_decide():
            return False
        comment = self.reason.toPlainText().strip()
        approve = decision == Decision.APPROVED
        if not approve and not comment:
            self.failure = self.tr("Et afslag kræver en begrundelse.")
            self._update_buttons()
            return False
        question = str(
            Msg.UI_DESK_CONFIRM_APPROVE(network=row.network, broker=row.broker)
            if approve
            else Msg.UI_DESK_CONFIRM_REJECT(network=row.network, broker=row.broker)
        )
        if not confirm(
            self,
            self.tr("Bevilg ansøgningen") if approve else self.tr("Afslå ansøgningen"),
            question,
            self.tr("Bevilg") if approve else self.tr("Afslå"),
            self.tr("Annullér"),
        ):
            return False
        try:
            api = api_for(self.ctx.store, self.controller.token(), retries=1, backoff=0.2)
        except SyncError as exc:
            self.failure = str(exc)
            self._update_buttons()
            return False
        self.failure = ""
        self.worker = ops.start(
            self.ctx,
            _decide_job,
            self.ctx.store,
            api,
            row.id,
            str(decision),
            comment,
            on_done=lambda _answer: self._on_decided(row, str(decision)),
            error=self._on_failed,
        )
        self._update_buttons()
        return True

    def _on_decided(self, row: svc.InboxRow, decision: str) -> None:
        self.worker = None
        self.decided[row.id] = decision
        self.result.setText(
            str(
                Msg.UI_DESK_APPROVED(network=row.network, broker=row.broker)
                if decision == Decision.APPROVED
                else Msg.UI_DESK_REJECTED(network=row.network, broker=row.broker)
            )
        )
        self.editor.load(row.id)
        self._hide_broker_actions()
        self._update_buttons()
        self.controller.sync_now(automatic=True)  # the server's versions of both records

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.failure = message
        self._update_buttons()
