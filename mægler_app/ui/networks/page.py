"""A network's own page: its stage and what the next one needs, its particulars (Hvad, Hvem, Hvorfor,
Hvordan), its members with the composition rules shown live, a timeline, closing with a reason, and
the feature tabs other parts of the app register in ``ui.network_tabs``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Done
from ...domain.errors import DomainError
from ...domain.messages import Message, Msg
from ...domain.numbers import format_date
from ...domain.rules import (
    KNOWLEDGE_ROLE,
    MEMBER_ROLE,
    NETWORK_TYPES,
    member_role,
)
from ...domain.satisfaction import occasion_for_stage
from ...domain.stages import Stage, close_problems
from ...domain.vocab import label as vocab_label
from ...domain.vocab import labels as vocab_labels
from ...store.services import networks as svc
from ...store.services import satisfaction as survey_svc
from .. import keyboard, ops, style, unsaved
from .. import survey as survey_ui
from ..context import AppContext
from ..desk.brokers import is_caseworker
from ..desk.follow_up import FollowUpDialog
from ..live_errors import LiveErrors
from ..network_tabs import NETWORK_TABS, make_tab
from ..sync.controller import controller_for
from ..table import make_table_view
from .audit import AuditFileJob  # --- audit
from .models import MembersModel, TimelineModel, inactive_note


def _label(kind: str = "") -> QLabel:
    label = QLabel()
    if kind:
        label.setObjectName(kind)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _bullets(lines: list[str] | list[Message]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _fit_role_box(box: QComboBox, knowledge: bool | None, role: str | None = None) -> None:
    """Offer only the roles the company can have (``member_role`` decides): a knowledge institution
    is one and nothing else; another company is the lead or a member. ``None``: no company chosen."""
    model = box.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(box.findData(KNOWLEDGE_ROLE))
    if item is not None:
        item.setEnabled(knowledge is not False)
    if knowledge is None:
        return
    current = role if role is not None else str(box.currentData() or MEMBER_ROLE)
    box.setCurrentIndex(box.findData(member_role(current, is_knowledge_institution=knowledge)))


def _text_box(height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


class NetworkForm(QWidget):
    """Name, type (with the seed's description), Hvad/Hvem/Hvorfor/Hvordan, and the lead's source."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id: str | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.setObjectName("networkName")
        form.addRow(self.tr("Navn"), self.name)
        self.network_type = QComboBox()
        self.network_type.setObjectName("networkType")
        self.network_type.addItem(self.tr("Vælg type …"), "")
        for key in NETWORK_TYPES:
            self.network_type.addItem(vocab_label("network_type", key), key)
            self.network_type.setItemData(
                self.network_type.count() - 1,
                vocab_label("network_type_description", key),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.type_help = _label()
        self.type_help.setObjectName("networkTypeHelp")
        self.type_help.setStyleSheet(style.text_style(style.SUBTLE_TEXT))
        type_box = QVBoxLayout()
        type_box.setSpacing(2)
        type_box.addWidget(self.network_type)
        type_box.addWidget(self.type_help)
        form.addRow(self.tr("Netværkstype"), type_box)
        self.core_task = _text_box()
        self.core_task.setObjectName("coreTask")
        self.core_task.setPlaceholderText(
            self.tr("Netværkets kerneopgave: hvad skal virksomhederne lave sammen?")
        )
        form.addRow(self.tr("Hvad (kerneopgave)"), self.core_task)
        self.participants = _text_box()
        self.participants.setObjectName("participantsText")
        self.participants.setPlaceholderText(self.tr("Hvem deltager, og hvad bidrager hver med?"))
        form.addRow(self.tr("Hvem (deltagere)"), self.participants)
        self.goals = _text_box()
        self.goals.setObjectName("networkGoals")
        self.goals.setPlaceholderText(
            self.tr("Mål for netværket. Målene for hver deltager skrives under Medlemmer.")
        )
        form.addRow(self.tr("Hvorfor (mål)"), self.goals)
        self.terms = _text_box()
        self.terms.setObjectName("terms")
        self.terms.setPlaceholderText(self.tr("Vilkår og samarbejdsformer"))
        form.addRow(self.tr("Hvordan (vilkår)"), self.terms)
        self.lead_source = QComboBox()
        self.lead_source.setObjectName("leadSource")
        self.lead_source.addItem(self.tr("Vælg kilde …"), "")
        for key, label in vocab_labels("lead_source").items():
            self.lead_source.addItem(label, key)
        form.addRow(self.tr("Kilde til emnet"), self.lead_source)
        self.notes = _text_box(48)
        self.notes.setObjectName("networkNotes")
        form.addRow(self.tr("Noter"), self.notes)
        lay.addLayout(form)
        self.error = _label("error")
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Gem netværk"))
        self.save_button.setObjectName("saveNetwork")
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.network_type.currentIndexChanged.connect(self._on_type)
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip(self.tr("Gem netværket (%1)").replace("%1", keyboard.save_key_text()))
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        self.errors = LiveErrors(self.error, self, lambda: list(svc.check_network(self.data()).values()))
        self._on_type()
        self._snapshot = self.data()

    def _on_type(self, *_args: object) -> None:
        key = str(self.network_type.currentData() or "")
        _show(self.type_help, vocab_label("network_type_description", key) if key in NETWORK_TYPES else "")

    def load(self, detail: svc.NetworkDetail | None) -> None:
        self.network_id = detail.id if detail else None
        d = detail.data if detail else svc.NetworkData(name="")
        self.name.setText(d.name)
        self.network_type.setCurrentIndex(max(0, self.network_type.findData(d.network_type)))
        self.core_task.setPlainText(d.core_task)
        self.participants.setPlainText(d.participants_text)
        self.goals.setPlainText(d.goals)
        self.terms.setPlainText(d.terms)
        self.lead_source.setCurrentIndex(max(0, self.lead_source.findData(d.lead_source)))
        self.notes.setPlainText(d.notes)
        self._snapshot = self.data()
        self.errors.clear()
        self.set_closed(detail is not None and detail.stage == Stage.CLOSED)

    def set_closed(self, closed: bool) -> None:
        for w in (self.name, self.network_type, self.core_task, self.participants, self.goals, self.terms):
            w.setEnabled(not closed)
        self.save_button.setEnabled(not closed)

    def is_dirty(self) -> bool:
        """Typed changes that are not saved yet."""
        return self.data() != self._snapshot

    def data(self) -> svc.NetworkData:
        return svc.NetworkData(
            name=self.name.text().strip(),
            network_type=str(self.network_type.currentData() or ""),
            core_task=self.core_task.toPlainText().strip(),
            participants_text=self.participants.toPlainText().strip(),
            goals=self.goals.toPlainText().strip(),
            terms=self.terms.toPlainText().strip(),
            lead_source=str(self.lead_source.currentData() or ""),
            notes=self.notes.toPlainText().strip(),
        )

    def stored_changed(self, stored: svc.NetworkData) -> None:
        """The record was refreshed while unsaved typing is in the form: keep it, say so if needed."""
        if stored != self._snapshot:
            _show(
                self.error,
                self.tr(
                    "Netværket er ændret et andet sted, mens du skrev. Dine ændringer er bevaret; "
                    "gem dem for at bruge dem."
                ),
            )

    def confirm_leave(self, parent: QWidget) -> bool:
        """Unsaved typing is saved, dropped or kept on the broker's word."""
        if not self.is_dirty():
            return True
        name = self.name.text().strip() or self.tr("det nye netværk")
        if not unsaved.confirm_leave(parent, name, self.save):
            return False
        self._snapshot = self.data()  # saved or dropped: asked once, the page may go
        return True

    def save(self) -> str | None:
        data = self.data()
        errors = svc.check_network(data)
        if errors:
            self.errors.refuse(list(errors.values()))
            if "name" in errors:
                self.name.setFocus()
            return None

        def saved(network_id: str) -> None:
            self.errors.clear()
            self.network_id = network_id
            self._snapshot = data

        done = ops.run(
            self.ctx,
            lambda: svc.save_network.done(self.ctx.store, data, self.network_id),
            error=self.errors,
            then=saved,
        )
        if done is None:
            return None
        network_id = done.value
        self.ctx.bus.status_reported.emit(self.tr("Netværket »%1« er gemt.").replace("%1", data.name))
        self.saved.emit(network_id)
        return network_id


class MembersPanel(QWidget):
    """Add companies by search with a role; the composition rules are shown as members change."""

    changed = Signal()

    def __init__(self, ctx: AppContext, network_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        lay = QVBoxLayout(self)

        self.rules_error = _label("error")
        self.rules_error.setObjectName("error")
        self.rules_warning = _label("warning")
        self.rules_note = _label("note")
        self.rules_note.setStyleSheet(style.NOTE_STYLE)
        self.rules_ok = _label("rulesOk")
        self.rules_ok.setStyleSheet(style.text_style(style.OK_TEXT))
        for w in (self.rules_ok, self.rules_error, self.rules_warning, self.rules_note):
            lay.addWidget(w)

        self.model = MembersModel(self)
        self.table = make_table_view(self.model, "members", self.tr("Medlemmer"), stretch_last=True)
        self.table.setMinimumHeight(150)
        lay.addWidget(self.table, 1)

        edit = QHBoxLayout()
        self.member_role = QComboBox()
        self.member_role.setObjectName("memberRole")
        for key, label in vocab_labels("member_role").items():
            self.member_role.addItem(label, key)
        self.member_goals = QLineEdit()
        self.member_goals.setObjectName("memberGoals")
        self.member_goals.setPlaceholderText(self.tr("Mål for denne deltager (Hvorfor)"))
        self.member_role.setAccessibleName(self.tr("Det valgte medlems rolle"))
        self.update_button = QPushButton(self.tr("Gem medlem"))
        self.update_button.setObjectName("updateMember")
        self.remove_button = QPushButton(self.tr("Fjern fra netværket"))
        self.remove_button.setObjectName("removeMember")
        edit.addWidget(self.member_role)
        edit.addWidget(self.member_goals, 1)
        edit.addWidget(self.update_button)
        edit.addWidget(self.remove_button)
        # --- survey: the satisfaction survey, at any time
        self.survey_button = QPushButton(self.tr("Tilfredshed …"))
        self.survey_button.setObjectName("surveyButton")
        self.survey_button.setToolTip(self.tr("Registrér virksomhedernes svar på tilfredshedsmålingen"))
        edit.addWidget(self.survey_button)
        lay.addLayout(edit)

        add_box = QGroupBox(self.tr("Tilføj virksomhed"))
        al = QVBoxLayout(add_box)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Søg på navn, CVR-nummer eller by …"))
        self.search.setClearButtonEnabled(True)
        self.add_role = QComboBox()
        self.add_role.setObjectName("addRole")
        for key, label in vocab_labels("member_role").items():
            self.add_role.addItem(label, key)
        self.add_role.setCurrentIndex(self.add_role.findData(MEMBER_ROLE))
        self.add_role.setAccessibleName(self.tr("Rolle for den virksomhed der tilføjes"))
        self.add_button = QPushButton(self.tr("Tilføj"))
        self.add_button.setObjectName("addMember")
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_role)
        search_row.addWidget(self.add_button)
        al.addLayout(search_row)
        self.hits = QListWidget()
        self.hits.setObjectName("memberHits")
        self.hits.setMaximumHeight(110)
        self.hits.setAccessibleName(self.tr("Virksomheder der passer på søgningen"))
        al.addWidget(self.hits)
        # the search box, then the companies it found; the role and »Tilføj« after
        keyboard.then(self.search, self.hits)
        lay.addWidget(add_box)
        self.error = _label("error")
        self.error.hide()
        lay.addWidget(self.error)

        self.search.textChanged.connect(self._on_search)
        # "choose a company first" and the like are about the last click: gone once the broker acts
        self.search.textChanged.connect(lambda _t: _show(self.error, ""))
        self.hits.currentRowChanged.connect(lambda _r: _show(self.error, ""))
        self.hits.currentRowChanged.connect(self._on_hit)
        self.hits.itemDoubleClicked.connect(lambda _item: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.search.returnPressed.connect(self.add_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_member)
        self.update_button.clicked.connect(self.update_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        keyboard.label_inputs(self)
        self.reload()

    def set_closed(self, closed: bool) -> None:
        for w in (
            self.search,
            self.add_role,
            self.add_button,
            self.hits,
            self.update_button,
            self.remove_button,
        ):
            w.setEnabled(not closed)
        if not closed:
            self._on_hit(self.hits.currentRow())
            # the member buttons only with a member chosen (no dead Tab stops)
            chosen = self._selected() is not None
            self.update_button.setEnabled(chosen)
            self.remove_button.setEnabled(chosen)

    def reload(self) -> None:
        # A refresh (a sync, the screening's autosave) keeps the chosen member and what is typed
        # for it; only a member that is gone is let go.
        chosen = self._selected()
        role_index, goals, cursor = (
            self.member_role.currentIndex(),
            self.member_goals.text(),
            self.member_goals.cursorPosition(),
        )
        edited = chosen is not None and (self.member_role.currentData(), goals) != (chosen.role, chosen.goals)
        self.model.satisfaction = {
            company_id: survey_ui.latest_texts(row)
            for company_id, row in survey_svc.latest_by_company(self.ctx.store, self.network_id).items()
        }  # --- survey
        self.model.set_rows(svc.members(self.ctx.store, self.network_id))
        self.table.resizeColumnsToContents()
        fresh = next(
            (m for m in self.model.rows() if chosen is not None and m.company_id == chosen.company_id), None
        )
        if fresh is None:
            self._on_member(QModelIndex(), QModelIndex())
        else:
            self.select_member(fresh.company_id)
            if not edited:
                role_index, goals = max(0, self.member_role.findData(fresh.role)), fresh.goals
            self.member_role.setCurrentIndex(role_index)
            if self.member_goals.text() != goals:
                self.member_goals.setText(goals)
            self.member_goals.setCursorPosition(min(cursor, len(goals)))
        self._show_rules()

    def _show_rules(self) -> None:
        c = svc.composition(self.ctx.store, self.network_id)
        _show(self.rules_error, _bullets(c.errors))
        _show(self.rules_warning, _bullets(c.warnings))
        _show(self.rules_note, _bullets(c.notes))
        _show(
            self.rules_ok,
            "" if c.errors else str(Msg.UI_COMPOSITION_OK(independent=c.independent, knowledge=c.knowledge)),
        )

    def _on_search(self, text: str) -> None:
        self.hits.clear()
        if not text.strip():
            return
        member_ids = {m.company_id for m in self.model.rows()}
        for hit in svc.search_companies(self.ctx.store, text):
            item = QListWidgetItem(hit.label())
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, hit.is_knowledge_institution)
            if hit.id in member_ids:
                item.setText(hit.label() + self.tr(" – allerede med"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.hits.addItem(item)
        if self.hits.count() == 0:
            item = QListWidgetItem(self.tr("Ingen virksomheder passer. Opret dem under Virksomheder."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.hits.addItem(item)
        else:
            for row in range(self.hits.count()):
                if self.hits.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                    self.hits.setCurrentRow(row)
                    break

    def _on_hit(self, row: int) -> None:
        # The role follows the hit that is chosen now, both ways: a knowledge institution that is
        # no longer among the hits must not leave its role behind for the company that is.
        item = self.hits.item(row) if row >= 0 else None
        chosen = item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        knowledge = bool(item.data(Qt.ItemDataRole.UserRole + 1)) if chosen and item is not None else None
        _fit_role_box(self.add_role, knowledge)
        self.add_role.setEnabled(knowledge is not True and self.search.isEnabled())

    def add_selected(self) -> None:
        item = self.hits.currentItem()
        company_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not company_id or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            _show(self.error, self.tr("Søg efter en virksomhed og vælg den på listen først."))
            return
        network_id, role = self.network_id, str(self.add_role.currentData())

        def added(_membership_id: str) -> None:
            _show(self.error, "")
            self.search.clear()
            self.add_role.setCurrentIndex(self.add_role.findData(MEMBER_ROLE))

        self._change(lambda: svc.add_member.done(self.ctx.store, network_id, company_id, role), added)

    def _selected(self) -> svc.MemberRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_member(self, current: QModelIndex, _previous: QModelIndex) -> None:
        member = self.model.row_at(current.row()) if current.isValid() else None
        for w in (self.member_role, self.member_goals, self.update_button, self.remove_button):
            w.setEnabled(member is not None)
        if member is None:
            self.member_goals.clear()
            return
        _fit_role_box(self.member_role, member.is_knowledge_institution, member.role)
        self.member_role.setEnabled(not member.is_knowledge_institution)
        self.member_goals.setText(member.goals)

    def select_member(self, company_id: str) -> None:
        for row, m in enumerate(self.model.rows()):
            if m.company_id == company_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def update_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        role, goals = str(self.member_role.currentData()), self.member_goals.text().strip()
        if self._change(lambda: svc.update_member.done(self.ctx.store, member.id, role, goals)):
            self.select_member(member.company_id)

    def remove_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        if not self._change(lambda: svc.remove_member.done(self.ctx.store, member.id)):
            return
        self.ctx.bus.status_reported.emit(self.tr("%1 er fjernet fra netværket.").replace("%1", member.name))

    def _change(self, work: Callable[[], Done[Any]], then: Callable[[Any], object] | None = None) -> bool:
        """Run a change of the members: refused, its reason stands under the table; done, the
        panel reloads, the views hear of it, and ``changed`` tells the page."""

        def after(value: Any) -> None:
            if then is not None:
                then(value)
            self.reload()

        if ops.run(self.ctx, work, error=lambda text: _show(self.error, text), then=after) is None:
            return False
        self.changed.emit()
        return True


class NetworkPage(QWidget):
    """One network. ``network_id`` None is a new network: only its particulars until it is saved."""

    back_requested = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, network_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network_id = network_id
        self.setObjectName("networkPage")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Alle netværk"))
        self.back_button.setObjectName("backToNetworks")
        self.back_button.setFlat(True)
        keyboard.back_button(self.back_button, self)
        top.addWidget(self.back_button)
        top.addStretch(1)
        # --- followup: a caseworker records Væksthus' follow-up on the broker's network
        self.follow_up_button = QPushButton(self.tr("Ny opfølgning …"), self)  # a parent before it is shown
        self.follow_up_button.setObjectName("newFollowUp")
        self.follow_up_button.setToolTip(
            self.tr("Registrér Væksthus' opfølgning (vejledning, sparring); mægleren ser den på tidslinjen.")
        )
        self.follow_up_button.clicked.connect(self.new_follow_up)
        self.follow_up_button.setVisible(network_id is not None and is_caseworker(ctx))
        top.addWidget(self.follow_up_button)
        # --- audit: the network's audit file, for the broker and (read-only network) the caseworker
        # (made with its parent: shown while still parentless it would flash up as a window of its own)
        self.audit_button = QPushButton(self.tr("Revisionsfil (ZIP) …"), self)
        self.audit_button.setObjectName("auditFile")
        self.audit_button.setToolTip(
            self.tr(
                "Gem netværkets papirer til revisor i én ZIP-fil: screening, referater, udgifter med "
                "kvitteringer, ansøgning med afgørelse, handlingsplan og stadiehistorik, med indeks."
            )
        )
        self.audit_button.clicked.connect(self.make_audit_file)
        self.audit_button.setVisible(network_id is not None)
        self.audit_job = AuditFileJob(ctx, self)
        top.addWidget(self.audit_button)
        lay.addLayout(top)
        self.title = QLabel()
        self.title.setObjectName("networkTitle")
        self.title.setStyleSheet(style.title_style(style.PAGE_TITLE_PX))
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.inactive = _label("warning")
        self.inactive.hide()
        lay.addWidget(self.inactive)

        self.stage_box = QFrame()
        self.stage_box.setObjectName("card")
        sl = QVBoxLayout(self.stage_box)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setStyleSheet("font-size: 14px; font-weight: 600;")
        sl.addWidget(self.stage_label)
        self.requires = _label()
        self.requires.setObjectName("stageRequires")
        sl.addWidget(self.requires)
        self.missing = _label()
        self.missing.setObjectName("stageMissing")
        self.missing.setStyleSheet(style.text_style(style.ERROR_TEXT))
        sl.addWidget(self.missing)
        sb = QHBoxLayout()
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advanceStage")
        self.close_toggle = QPushButton(self.tr("Afslut netværk …"))
        self.close_toggle.setObjectName("closeNetworkToggle")
        sb.addWidget(self.advance_button)
        sb.addStretch(1)
        sb.addWidget(self.close_toggle)
        sl.addLayout(sb)
        self.stage_error = _label("error")
        self.stage_error.hide()
        sl.addWidget(self.stage_error)

        self.close_panel = QGroupBox(self.tr("Afslut netværket"))
        self.close_panel.setObjectName("closePanel")
        cl = QFormLayout(self.close_panel)
        self.close_reason = QComboBox()
        self.close_reason.setObjectName("closeReason")
        self.close_reason.addItem(self.tr("Vælg begrundelse …"), "")
        for key, label in vocab_labels("close_reason").items():
            self.close_reason.addItem(label, key)
        self.close_text = _text_box(56)
        self.close_text.setObjectName("closeText")
        self.close_text.setPlaceholderText(self.tr("Skriv kort hvad der skete (det sendes til Væksthus)."))
        self.close_button = QPushButton(self.tr("Afslut netværket"))
        self.close_button.setObjectName("closeNetwork")
        self.close_error = _label("error")
        self.close_error.hide()
        cl.addRow(self.tr("Begrundelse"), self.close_reason)
        cl.addRow(self.tr("Forklaring"), self.close_text)
        cl.addRow("", self.close_button)
        cl.addRow("", self.close_error)
        self.close_errors = LiveErrors(
            self.close_error,
            self.close_panel,
            # the first problem, as closing says it
            lambda: [
                str(m)
                for m in close_problems(
                    str(self.close_reason.currentData() or ""), self.close_text.toPlainText()
                )
            ][:1],
        )
        self.close_panel.hide()
        sl.addWidget(self.close_panel)
        lay.addWidget(self.stage_box)
        # --- survey: the prompt while members have not answered the survey the network has reached
        self.survey_banner = survey_ui.SurveyBanner()
        self.survey_banner.open_requested.connect(lambda occasion: self.open_survey(occasion or None))
        lay.addWidget(self.survey_banner)
        self.survey_dialog: survey_ui.SurveyDialog | None = None
        self._stage_seen: Stage | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("networkTabs")
        self.form = NetworkForm(ctx)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(self.form)
        self.tabs.addTab(form_scroll, self.tr("Stamdata"))
        self.members: MembersPanel | None = None
        self.history: QWidget | None = None  # a caseworker's "Historik" tab (ui/desk/history.py)
        self.timeline_model = TimelineModel(self)
        # the date and the kind as wide as they need, the text takes the rest
        self.timeline = make_table_view(
            self.timeline_model,
            "timeline",
            self.tr("Tidslinje"),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
        )
        self.feature_tabs: list[QWidget] = []
        lay.addWidget(self.tabs, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.form.saved.connect(self._on_saved)
        self.advance_button.clicked.connect(self.advance)
        self.close_toggle.clicked.connect(
            lambda: self.close_panel.setVisible(not self.close_panel.isVisible())
        )
        self.close_button.clicked.connect(self.close_network)
        self._build()

    def _build(self) -> None:
        if self.network_id is None:
            self.title.setText(self.tr("Nyt netværk"))
            self.stage_box.hide()
            self.form.load(None)
            self.form.name.setFocus()
            return
        self.stage_box.show()
        self.audit_button.show()  # --- audit: a saved network has papers
        self.members = MembersPanel(self.ctx, self.network_id)
        self.members.changed.connect(self._refresh_stage)
        self.members.survey_button.clicked.connect(lambda: self.open_survey(None))  # --- survey
        self.tabs.addTab(self.members, self.tr("Medlemmer"))
        self.tabs.addTab(self.timeline, self.tr("Tidslinje"))
        for title, tab_class in NETWORK_TABS:
            try:
                widget = make_tab(tab_class, self.ctx, self.network_id)
            except Exception as exc:  # noqa: BLE001 - one broken feature tab must not take the page down
                widget = _label("error")
                widget.setText(self.tr("Fanen kunne ikke vises: %1").replace("%1", str(exc)))
            self.feature_tabs.append(widget)
            self.tabs.addTab(widget, QCoreApplication.translate("", title))
        if is_caseworker(self.ctx):
            from ..desk.history import HistoryPanel  # the server's record of who changed what

            self.history = HistoryPanel(self.ctx, self.network_id)
            self.tabs.addTab(self.history, self.tr("Historik"))
        self.reload()
        self.tabs.setCurrentWidget(self.members)
        keyboard.label_inputs(self)

    def caseworker_keeps(self) -> tuple[QWidget, ...]:
        """What stays usable when a caseworker sees this broker's network read-only: the way back,
        the tabs, and the caseworker's own tools on it (the history, recording a follow-up)."""
        tools = tuple(w for w in (self.history, self.follow_up_button) if w is not None)
        return (self.back_button, self.tabs.tabBar(), *tools, self.audit_button)  # --- audit

    # --- audit
    def make_audit_file(self) -> object:
        """»Revisionsfil (ZIP) …«: ask where, then write it in a worker (``ui.networks.audit``)."""
        if self.network_id is None:
            return None
        return self.audit_job.ask_and_start(self, self.network_id)

    # --- followup
    def new_follow_up(self) -> FollowUpDialog | None:
        """Open »Ny opfølgning« for this network (a caseworker's); after saving, the timeline shows
        it and a sync takes it to the server."""
        if self.network_id is None:
            return None
        dialog = FollowUpDialog(self.ctx, self.network_id, self)
        dialog.saved.connect(self._on_follow_up_saved)
        dialog.open()
        return dialog

    def _on_follow_up_saved(self, _id: str) -> None:
        self.reload()
        self.tabs.setCurrentWidget(self.timeline)
        controller_for(self.ctx).sync_now(automatic=True)

    def show_feature(self, title: str) -> QWidget | None:
        """Bring the feature tab of that title (see ``NETWORK_TABS``) to the front."""
        for (tab_title, _spec), widget in zip(NETWORK_TABS, self.feature_tabs, strict=False):
            if tab_title == title:
                self.tabs.setCurrentWidget(widget)
                return widget
        return None

    def _on_saved(self, network_id: str) -> None:
        if self.network_id is None:
            self.network_id = network_id
            self._build()
            if self.members is not None:
                # the members come next: the keyboard goes along to the search
                self.members.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reload()
        self.saved.emit(network_id)

    def reload(self) -> None:
        if self.network_id is None:
            return
        try:
            detail = svc.get_network(self.ctx.store, self.network_id)
        except DomainError as exc:
            self.title.setText(str(exc))
            return
        self.title.setText(detail.data.name)
        closed = detail.stage == Stage.CLOSED
        if self.form.is_dirty():
            # A refresh (a sync, another view's change) never throws away what is being typed.
            self.form.stored_changed(detail.data)
        elif self.form.network_id == detail.id and self.form.data() == detail.data:
            # Nothing new: setting the same text again would move the cursor of the field the
            # broker is in to its start (and drop a trailing space typed but not yet worth saving).
            self.form.set_closed(closed)
        else:
            self.form.load(detail)
        if self.members is not None:
            self.members.reload()
            self.members.set_closed(closed)
        self.timeline_model.set_rows(svc.timeline(self.ctx.store, self.network_id))
        row = next((r for r in svc.list_networks(self.ctx.store) if r.id == self.network_id), None)
        _show(
            self.inactive,
            inactive_note()
            + self.tr(" – seneste aktivitet %1.").replace("%1", format_date(row.last_activity))
            if row is not None and row.inactive
            else "",
        )
        self._refresh_stage()
        self._refresh_survey()  # --- survey
        # --- survey: trin 3 is marked on the action plan's tab (ui.application): asked at once
        if self._stage_seen is not None and self._stage_seen != detail.stage == Stage.STAGE_3:
            self._prompt_survey(Stage.STAGE_3)
        self._stage_seen = detail.stage
        for tab in self.feature_tabs:
            reload = getattr(tab, "reload", None)
            if callable(reload):
                reload()

    def _refresh_stage(self) -> None:
        if self.network_id is None:
            return
        info = svc.stage_info(self.ctx.store, self.network_id)
        detail = svc.get_network(self.ctx.store, self.network_id)
        _show(self.stage_error, "")
        self.stage_label.setText(self.tr("Fase: %1").replace("%1", info.label))
        if info.stage == Stage.CLOSED:
            reason = vocab_label("close_reason", detail.closed_reason)
            self.requires.setText(
                self.tr("Afsluttet %1: %2. %3")
                .replace("%1", format_date(detail.closed_on))
                .replace("%2", reason)
                .replace("%3", detail.closed_reason_text)
            )
            _show(self.missing, "")
            self.advance_button.hide()
            self.close_toggle.hide()
            self.close_panel.hide()
            return
        self.close_toggle.show()
        if info.next_stage is None:
            self.requires.setText(self.tr("Netværket er nået til sidste fase."))
            _show(self.missing, "")
            self.advance_button.hide()
            return
        self.requires.setText(
            self.tr("Næste fase, »%1«, kræver:").replace("%1", info.next_label)
            + "\n"
            + _bullets(info.requires)
        )
        _show(self.missing, self.tr("Mangler:") + "\n" + _bullets(info.missing) if info.missing else "")
        self.advance_button.show()
        self.advance_button.setText(self.tr("Ryk til »%1«").replace("%1", info.next_label))
        self.advance_button.setEnabled(info.can_advance)

    def advance(self) -> None:
        if self.network_id is None:
            return
        info = svc.stage_info(self.ctx.store, self.network_id)
        if info.next_stage is None:
            return
        network_id, target = self.network_id, info.next_stage
        done = ops.run(
            self.ctx,
            lambda: svc.move_to.done(self.ctx.store, network_id, target),
            error=lambda text: _show(self.stage_error, text),
        )
        if done is None:
            return
        self.reload()
        self._prompt_survey(info.next_stage)  # --- survey

    def close_network(self) -> None:
        if self.network_id is None:
            return
        network_id = self.network_id
        reason, text = str(self.close_reason.currentData() or ""), self.close_text.toPlainText()

        def closed(_none: None) -> None:
            self.close_errors.clear()
            self.close_panel.hide()

        done = ops.run(
            self.ctx,
            lambda: svc.close_network.done(self.ctx.store, network_id, reason, text),
            error=self.close_errors,
            then=closed,
        )
        if done is None:
            return
        self.ctx.bus.status_reported.emit(self.tr("Netværket er afsluttet."))
        self.reload()
        self._prompt_survey(Stage.CLOSED)  # --- survey

    def stage(self) -> Stage | None:
        if self.network_id is None:
            return None
        return svc.get_network(self.ctx.store, self.network_id).stage

    # --- survey ----------------------------------------------------------------------------------
    def _refresh_survey(self) -> None:
        if self.network_id is None:
            self.survey_banner.show_pending(None)
            return
        self.survey_banner.show_pending(survey_svc.pending(self.ctx.store, self.network_id))

    def _prompt_survey(self, moved_to: Stage) -> None:
        """A move to trin 2, trin 3 or closing asks for the members' answers at once."""
        occasion = occasion_for_stage(moved_to)
        if occasion is None or self.network_id is None:
            return
        pending = survey_svc.pending(self.ctx.store, self.network_id)
        if pending is not None and pending.occasion == occasion:
            self.open_survey(occasion)

    def open_survey(self, occasion: str | None) -> survey_ui.SurveyDialog | None:
        """The survey dialog for ``occasion`` (None: the one due now); window-modal, not blocking."""
        if self.network_id is None:
            return None
        if self.survey_dialog is not None and self.survey_dialog.isVisible():
            self.survey_dialog.raise_()
            return self.survey_dialog
        dialog = survey_ui.SurveyDialog(self.ctx, self.network_id, occasion, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _saved: self.reload())
        dialog.destroyed.connect(lambda *_: setattr(self, "survey_dialog", None))
        self.survey_dialog = dialog
        dialog.open()
        return dialog
