"""A caseworker's lists show every broker's records: a »Mægler« column (display name) and a filter
by broker, added to a list view by one hook (issue 18 part 1). For a broker's profile both stay
out, and the list is as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ...domain.vocab import Role
from ...store.db import Store
from ...store.services import desk as svc
from ...store.services.overview import profile_role
from ..context import AppContext
from ..table import Column, FilterProxy

ALL = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("BrokerScope", text)


def is_caseworker(ctx: AppContext) -> bool:
    return profile_role(ctx.store) == Role.CASEWORKER


@dataclass(frozen=True)
class ScopeData:
    """What a list's broker column and filter show, read from the store (in a worker, if need be)."""

    active: bool  # the profile is a caseworker's
    owners: dict[str, str]
    names: dict[str, str]


def scope_data(store: Store, entity_model: Any) -> ScopeData:
    """The broker column's data of ``entity_model``'s records; only queries, any thread."""
    if profile_role(store) != Role.CASEWORKER:
        return ScopeData(False, {}, {})
    return ScopeData(True, svc.record_owners(store, entity_model), svc.people(store))


class BrokerScope(QObject):
    """The broker column and filter of one list (``proxy``, over its model) of records of ``entity_model``."""

    changed = Signal()  # the filter changed: the view redraws what depends on the rows (the board)

    def __init__(
        self, ctx: AppContext, key: str, bar: QHBoxLayout, proxy: FilterProxy, entity_model: Any
    ) -> None:
        super().__init__(proxy)
        self.ctx = ctx
        self.proxy = proxy
        self.model = proxy.table_model()
        self.entity_model = entity_model
        self.owners: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.active = False
        self.combo = QComboBox()
        self.combo.setObjectName(f"brokerFilter_{key}")
        self.combo.setToolTip(_tr("Vis kun denne mæglers poster"))
        self.combo.setAccessibleName(_tr("Mægler"))
        self.combo.setVisible(False)
        self.combo.currentIndexChanged.connect(self._on_choice)
        bar.insertWidget(1, self.combo)
        self.column: Column[Any] = Column(_tr("Mægler"), self.broker_of)

    def broker_of(self, row: Any) -> str:
        return svc.person_name(self.names, self.owners.get(str(row.id)))

    def refresh(self, data: ScopeData | None = None) -> None:
        """Before the view sets its rows: the column and filter as the profile's role has them
        (``data``: read with the rows, in their worker; else read now)."""
        if data is None:
            data = scope_data(self.ctx.store, self.entity_model)
        self.active = data.active
        self.combo.setVisible(self.active)
        columns = [c for c in self.model.columns if c is not self.column]
        if not self.active:
            self.owners, self.names = {}, {}
            self.model.columns = columns
            self.proxy.set_row_filter(None)
            return
        self.owners = data.owners
        self.names = data.names
        self.model.columns = [*columns, self.column]
        chosen = self.combo.currentData()
        brokers = sorted(
            {o for o in self.owners.values() if o}, key=lambda o: svc.person_name(self.names, o).lower()
        )
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(_tr("Alle mæglere"), ALL)
        for owner in brokers:
            self.combo.addItem(svc.person_name(self.names, owner), owner)
        index = self.combo.findData(chosen) if chosen else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._set_filter()

    @property
    def column_index(self) -> int:
        return self.model.columns.index(self.column) if self.column in self.model.columns else -1

    def choose(self, owner_id: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(owner_id), 0))

    def _set_filter(self) -> None:
        owner = self.combo.currentData() or ALL
        owners = self.owners
        self.proxy.set_row_filter(None if owner == ALL else (lambda r: owners.get(str(r.id)) == owner))

    def _on_choice(self, _index: int) -> None:
        self._set_filter()
        self.proxy.refilter()
        self.changed.emit()


def read_only_note(parent: QWidget | None = None) -> str:
    """The note a caseworker sees on a broker's record instead of its save button."""
    return _tr(
        "Kun til læsning: posten tilhører en netværksmægler. Som Væksthus' sagsbehandler ser du "
        "mæglernes data, men ændrer dem ikke; mægleren retter dem på sin egen computer."
    )


def apply_read_only(root: QWidget, on: bool, keep: tuple[QWidget, ...] = (), note_into: Any = None) -> None:
    """Show a broker's record to a caseworker without a way to change it: fields read-only, choices
    disabled, the editing buttons hidden (``keep``: the exceptions, such as erasing a person), and a
    Danish note in their place (``note_into``: the layout it goes into; else at the top of ``root``).
    Turned off again when the profile becomes a broker's."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QBoxLayout,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QTextEdit,
    )

    from .. import style

    state: dict[int, tuple[str, Any]] = getattr(root, "_desk_read_only", {})
    if not on and not state:
        return
    note = root.findChild(QLabel, "readOnlyNote")
    if note is None:
        note = QLabel(read_only_note())
        note.setObjectName("readOnlyNote")
        note.setWordWrap(True)
        layout = note_into if note_into is not None else root.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, note)
    note.setVisible(on)
    if not on:
        for widget in root.findChildren(QWidget):
            kind, was = state.get(id(widget), ("", None))
            if kind == "text":
                style.read_only(widget, was)
            elif kind == "view":
                widget.setEditTriggers(was)  # type: ignore[attr-defined]
            elif kind == "shown":
                widget.setVisible(was)
            elif kind == "enabled":
                widget.setEnabled(was)
        root._desk_read_only = {}  # type: ignore[attr-defined]
        return
    # again on every call: a reload may have shown a button again, or made a new tab
    for widget in root.findChildren(QWidget):
        if widget in keep or widget is note or any(k.isAncestorOf(widget) for k in keep):
            continue
        if id(widget) in state:
            kind, _was = state[id(widget)]
            if kind == "shown":
                widget.setVisible(False)
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            state[id(widget)] = ("text", widget.isReadOnly())
            style.read_only(widget, True)
        elif isinstance(widget, QAbstractItemView):
            state[id(widget)] = ("view", widget.editTriggers())
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif isinstance(widget, QComboBox) or (isinstance(widget, QAbstractButton) and widget.isCheckable()):
            state[id(widget)] = ("enabled", widget.isEnabled())
            widget.setEnabled(False)
        elif isinstance(widget, QPushButton):
            state[id(widget)] = ("shown", not widget.isHidden())
            widget.setVisible(False)
    root._desk_read_only = state  # type: ignore[attr-defined]


def guard_page(ctx: AppContext, page: QWidget, keep: tuple[QWidget, ...] = ()) -> None:
    """A broker's record opened on a caseworker's profile: read-only, with the note."""
    if is_caseworker(ctx):
        apply_read_only(page, True, keep=keep)
