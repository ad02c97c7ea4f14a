"""Netværk: the pipeline board (a column per stage with its count and networks), the sortable list,
and a network's own page in place of both when one is opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Msg
from ...domain.stages import STAGE_ORDER, Stage, stage_label, stage_short_label
from ...store.db import Store
from ...store.models import Network
from ...store.services import networks as svc
from ...store.services.overview import sync_marks
from .. import keyboard, ops
from ..ask import confirm
from ..companies.loader import RowsLoader
from ..context import AppContext
from ..desk.brokers import BrokerScope, ScopeData, guard_page, scope_data
from ..fit import wrap_words
from ..noop import QT_TRANSLATE_NOOP
from ..style import BOARD_HEADER_STYLE, WARNING_TEXT, board_card_style
from ..sync_marks import mark_icon, mark_text
from ..table import FilterProxy, make_table_view
from ..views.base import View
from .models import NetworksModel, inactive_note
from .page import NetworkPage

# Up to this many networks the list is fetched on the GUI thread (a few milliseconds)
NETWORKS_SYNC_LIMIT = 100
_FULL_TEXT = Qt.ItemDataRole.UserRole + 1  # (name, note) of a card, before fitting
_CARD_PADDING = 4


_INACTIVE = QBrush(QColor(WARNING_TEXT))


class _Card(QListWidgetItem):
    """A network's card; its tooltip is written when it is asked for (hundreds of cards at once
    would each format a message the caseworker hovers over only for one)."""

    def __init__(self, row: svc.NetworkRow, mark: str | None) -> None:
        super().__init__()
        self._row = row
        self._mark = mark

    def data(self, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            r = self._row
            text = str(Msg.UI_NETWORK_MEMBERS(name=r.name, n=r.members))
            if r.inactive:
                text += "\n" + inactive_note()
            if self._mark is not None:
                text += "\n" + mark_text(self._mark)
            return text
        return super().data(role)


# --- broker: a card dragged to another column asks to move the network there (issue 20, item 6)
NETWORK_MIME = "application/x-maegler-network"


class _StageList(QListWidget):
    """A column's cards: a card can be dragged to another column, which then asks the view (the
    card itself never moves here: the board is filled again from the store)."""

    network_dropped = Signal(str)  # the network's id

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mimeTypes(self) -> list[str]:
        return [NETWORK_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        ids = [str(i.data(Qt.ItemDataRole.UserRole) or "") for i in items]
        data.setData(NETWORK_MIME, QByteArray(",".join(i for i in ids if i).encode()))
        return data

    def _ids(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasFormat(NETWORK_MIME):
            return []
        return [i for i in bytes(mime.data(NETWORK_MIME).data()).decode().split(",") if i]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._ids(event) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._ids(event) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = self._ids(event)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the source keeps its card
        event.accept()
        for network_id in ids:
            self.network_dropped.emit(network_id)


class StageColumn(QFrame):
    """One column of the board: the stage, its count, and its networks (double-click opens one)."""

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(4)
        self.header = QLabel()
        self.header.setObjectName(f"boardHeader_{stage.value}")
        self.header.setStyleSheet(BOARD_HEADER_STYLE)
        self.header.setToolTip(stage_label(stage))
        lay.addWidget(self.header)
        self.list = _StageList()
        self.list.setObjectName(f"board_{stage.value}")
        # The names are wrapped here at their spaces (ui/fit.py), as wide as the column is: Qt's own
        # wrap cuts a word wider than the column in the middle ("Fødevareudsty").
        self.list.setWordWrap(False)
        self.list.setAccessibleName(stage_label(stage))
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setIconSize(QSize(12, 12))  # a sync mark, not a picture
        self.list.setStyleSheet(board_card_style(_CARD_PADDING))
        # the column's width comes from the board, not from the list's idea of a good width
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        lay.addWidget(self.list, 1)
        self._fit_pending = False
        self._fitted_width = -1

    def set_rows(
        self,
        rows: list[svc.NetworkRow],
        marks: dict[str, str] | None = None,
        brokers: dict[str, str] | None = None,
    ) -> None:
        """``brokers``: each network's broker by name, on a caseworker's board (else None)."""
        marks = marks or {}
        self.header.setText(f"{stage_short_label(self.stage)} ({len(rows)})")
        self.list.clear()
        inactive = "⚠ " + inactive_note()
        for r in rows:
            mark = marks.get(r.id)
            item = _Card(r, mark)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            notes = [brokers.get(r.id, "")] if brokers is not None else []
            if r.inactive:
                notes.append(inactive)
            note = " · ".join(n for n in notes if n)
            item.setData(_FULL_TEXT, (r.name, note))
            # on one line until the column is laid out and the text is fitted to its width
            item.setText(f"{r.name}\n{note}" if note else r.name)
            if r.inactive:
                item.setForeground(_INACTIVE)
            if mark is not None:
                item.setIcon(mark_icon(mark))
            self.list.addItem(item)
        self._fitted_width = -1
        self._fit_later()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_later()

    def _fit_later(self) -> None:
        """Fit the texts once the column is laid out, in an event of its own: filling the board and
        laying it out would otherwise fit every card twice in one stretch of the GUI thread."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        width = self.list.viewport().width()
        if width != self._fitted_width:
            self._fitted_width = width
            self._fit_texts()

    def text_width(self, item: QListWidgetItem) -> int:
        """The width a card's text may take: the column less the card's padding, border and mark."""
        spare = 2 * self.list.spacing() + 2 * _CARD_PADDING + 2 + 4
        if not item.icon().isNull():
            spare += self.list.iconSize().width() + 6
        return self.list.viewport().width() - spare

    def _fit_texts(self) -> None:
        """Each card shows its name on up to three lines, broken at spaces, as wide as the column."""
        metrics = self.list.fontMetrics()
        for i in range(self.list.count()):
            item = self.list.item(i)
            name, note = item.data(_FULL_TEXT)
            width = self.text_width(item)
            lines = wrap_words(name, metrics, width, 3)
            if note:
                lines += wrap_words(note, metrics, width, 2)
            text = "\n".join(lines)
            if item.text() != text:
                item.setText(text)

    def count(self) -> int:
        return self.list.count()

    def ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]


@dataclass(frozen=True)
class _Loaded:
    rows: list[svc.NetworkRow]
    marks: dict[str, str]
    scope: ScopeData


def _fetch(store: Store) -> _Loaded:
    """The networks, their sync marks and broker column, read together (in a worker when many)."""
    return _Loaded(svc.list_networks(store), sync_marks(store, "network"), scope_data(store, Network))


class NetworksView(View):
    key = "netvaerk"
    shown = Signal()  # the board and the list show the loaded networks
    title = QT_TRANSLATE_NOOP("Views", "Netværk")
    shortcut = "Ctrl+3"
    watches = (
        "network",
        "membership",
        "meeting",
        "expense",
        "screening",
        "application",
        "company",
        "satisfaction",
        "follow_up",
    )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack)

        overview = QWidget()
        ol = QVBoxLayout(overview)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(
            self.heading(
                self.tr("Netværk"),
                self.tr("Kandidatnetværk og netværk i forløb, fra kandidat til forretningsnetværk."),
            )
        )
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName(f"filter_{self.key}")
        self.filter.setPlaceholderText(self.tr("Søg på navn, type, fase eller tovholder …"))
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 1)
        self.new_button = QPushButton(self.tr("Nyt netværk"))
        self.new_button.setObjectName("newNetwork")
        bar.addWidget(self.new_button)
        ol.addLayout(bar)
        # --- broker: why a card dropped on another stage could not move there
        self.board_message = QLabel()
        self.board_message.setObjectName("error")
        self.board_message.setWordWrap(True)
        self.board_message.hide()
        ol.addWidget(self.board_message)

        board = QWidget()
        bl = self.board_layout = QHBoxLayout(board)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(6)
        self.columns: dict[Stage, StageColumn] = {}
        for stage in STAGE_ORDER:
            column = StageColumn(stage)
            column.list.itemActivated.connect(self._open_item)
            column.list.itemDoubleClicked.connect(self._open_item)
            column.list.network_dropped.connect(lambda nid, st=stage: self.move_dropped(nid, st))
            self.columns[stage] = column
            bl.addWidget(column, 1)

        self.model = NetworksModel(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # the name takes the width the other columns leave (elided, whole in its tooltip); the
        # columns are sized from the first rows only: every network's texts would stall the GUI
        self.table = make_table_view(
            self.proxy,
            f"table_{self.key}",
            self.tr("Netværk"),
            sort=(NetworksModel.NAME, Qt.SortOrder.AscendingOrder),
            stretch=(NetworksModel.NAME,),
            alternating=True,
            precision=60,
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(board)
        split.addWidget(self.table)
        split.setSizes([260, 320])
        ol.addWidget(split, 1)
        keyboard.then(self.filter, split)  # the search box, then what it searches: board and list
        self.stack.addWidget(overview)
        self.overview_page = overview
        self.page: NetworkPage | None = None
        # a network's row costs a query of its last activity: a whole programme's networks (a
        # caseworker's ~360) are fetched in a worker, a broker's few at once
        self.loader = RowsLoader(
            ctx, svc.count_networks, _fetch, self._apply_rows, self, sync_limit=NETWORKS_SYNC_LIMIT
        )
        # a caseworker's broker column and filter (ui/desk/brokers.py)
        self.brokers = BrokerScope(ctx, self.key, bar, self.proxy, Network)
        self.brokers.changed.connect(self._fill_board)

        self.filter.textChanged.connect(self._on_filter)
        self.new_button.clicked.connect(self.new_network)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

    def reload(self) -> None:
        self.loader.load()

    def _apply_rows(self, loaded: _Loaded) -> None:
        rows = loaded.rows
        self.brokers.refresh(loaded.scope)
        self.new_button.setVisible(not self.brokers.active)
        for column in self.columns.values():  # a caseworker's board is read-only: no dragging
            column.list.setDragEnabled(not self.brokers.active)
        self.model.set_rows(rows)
        self.model.set_sync_marks(loaded.marks)
        self.table.resizeColumnsToContents()
        for section, widest in (
            (NetworksModel.LEAD, 170),
            (NetworksModel.STAGE, 170),
        ):
            self.table.setColumnWidth(section, min(self.table.columnWidth(section), widest))
        self.table.horizontalHeader().resizeSections()  # the name's column takes what is left again
        self._fill_board()
        if self.page is not None and self.stack.currentWidget() is self.page:
            self.page.reload()
            guard_page(self.ctx, self.page, keep=self.page.caseworker_keeps())
        self.shown.emit()

    def _fill_board(self) -> None:
        shown = self.proxy.rows()
        for stage, column in self.columns.items():
            rows = sorted((r for r in shown if r.stage == stage), key=lambda r: r.name.lower())
            column.set_rows(
                rows,
                {r.id: m for r in rows if (m := self.model.sync_mark(r.id)) is not None},
                {r.id: self.brokers.broker_of(r) for r in rows} if self.brokers.active else None,
            )
            # An empty stage is as wide as its title; the stages with networks share the rest, so
            # their cards have room for the names.
            self.board_layout.setStretchFactor(column, 1 if rows else 0)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._fill_board()

    def board_counts(self) -> dict[Stage, int]:
        return {stage: column.count() for stage, column in self.columns.items()}

    # pages ------------------------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        network_id = item.data(Qt.ItemDataRole.UserRole)
        if network_id:
            self.open_network(network_id)

    def _open_index(self, index: QModelIndex) -> None:
        network_id = self.proxy.source_row_id(index)
        if network_id:
            self.open_network(network_id)

    def confirm_leave(self) -> bool:
        return self.page is None or self.page.form.confirm_leave(self)

    def _set_page(self, page: NetworkPage) -> NetworkPage:
        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
        self.page = page
        page.back_requested.connect(self.show_overview)
        page.saved.connect(lambda _id: self._reload_list_only())
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        guard_page(self.ctx, page, keep=page.caseworker_keeps())
        # the keyboard goes along: a new network's name, else the page's first stop
        if page.network_id is None:
            page.form.name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            keyboard.focus_first(page)
        return page

    def open_network(self, network_id: str) -> NetworkPage:
        if self.page is not None and not self.confirm_leave():
            return self.page
        return self._set_page(NetworkPage(self.ctx, network_id))

    def new_network(self) -> NetworkPage:
        if self.page is not None and not self.confirm_leave():
            return self.page
        return self._set_page(NetworkPage(self.ctx, None))

    def show_overview(self) -> None:
        if not self.confirm_leave():
            return
        self.stack.setCurrentWidget(self.overview_page)
        self.reload()
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard comes back along

    def _reload_list_only(self) -> None:
        self.loader.load()

    # --- broker: a card dropped on another stage (issue 20, item 6) ------------------------------
    def move_dropped(self, network_id: str, target: Stage) -> bool:
        """Ask to move the network to ``target``; the stage rules decide, a refusal says why."""
        self.board_message.hide()
        row = next((r for r in self.model.rows() if r.id == network_id), None)
        if row is None or row.stage == target or self.brokers.active:
            return False
        if not confirm(
            self,
            self.tr("Flyt netværk"),
            self.tr("Flyt »%1« fra »%2« til »%3«?")
            .replace("%1", row.name)
            .replace("%2", stage_label(row.stage))
            .replace("%3", stage_label(target)),
            self.tr("Flyt"),
            self.tr("Annullér"),
        ):
            return False

        def refused(text: str) -> None:
            self.board_message.setText(
                self.tr("»%1« kan ikke flyttes til »%2«: %3")
                .replace("%1", row.name)
                .replace("%2", stage_label(target))
                .replace("%3", text)
            )
            self.board_message.show()
            self.ctx.bus.status_reported.emit(self.board_message.text())

        done = ops.run(self.ctx, lambda: svc.move_to.done(self.ctx.store, network_id, target), error=refused)
        if done is None:
            return False
        self.ctx.bus.status_reported.emit(
            self.tr("»%1« er flyttet til »%2«.").replace("%1", row.name).replace("%2", stage_label(target))
        )
        return True
