"""Virksomheder: the company table with filter-as-you-type beside the editor; CSV import and export."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from ...domain.archive import Removal
from ...domain.errors import os_reason
from ...domain.language import quoted
from ...domain.messages import Message, Msg
from ...store.db import Store
from ...store.models import Company
from ...store.services import archive as archive_svc
from ...store.services import companies as svc
from ...store.services import csv_io
from ...store.services.overview import sync_marks
from .. import keyboard, ops, unsaved
from ..ask import confirm
from ..context import AppContext
from ..desk.brokers import BrokerScope, ScopeData, is_caseworker, scope_data
from ..effects.import_dialog import KeyFiguresImportDialog
from ..noop import QT_TRANSLATE_NOOP
from ..style import TABLE_ROW_HEIGHT
from ..table import FilterProxy, Prepared, make_table_view
from ..views.base import View
from ..worker import Worker, start
from .editor import CompanyEditor
from .import_dialog import ImportDialog
from .loader import RowsLoader
from .models import CompaniesModel

# Widest a column is made from its contents; the name takes the rest, at least NAME_MIN_WIDTH.
_WIDEST = {
    CompaniesModel.CVR: 110,
    CompaniesModel.CITY: 110,
    CompaniesModel.EMPLOYEES: 90,
    CompaniesModel.INDUSTRY: 180,
    CompaniesModel.FOCUS: 180,
}
_HIDDEN_FIRST = (CompaniesModel.FOCUS, CompaniesModel.INDUSTRY, CompaniesModel.CITY)
NAME_MIN_WIDTH = 170


@dataclass(frozen=True)
class _Loaded:
    rows: list[svc.CompanyRow]
    marks: dict[str, str]
    scope: ScopeData
    archived: frozenset[str] = frozenset()  # --- broker: the archived companies (issue 20, item 1)
    prepared: Prepared | None = None  # the rows' search texts and order, made with them


def _fetch(
    store: Store,
    show_archived: bool = False,
    model: CompaniesModel | None = None,
    sort: tuple[int, bool] | None = None,
) -> _Loaded:
    """The list's rows, sync marks and broker column, read together (in a worker when there are
    many), with what the list works out from the rows (``model.prepare``: search texts, the order
    by ``sort``), so the GUI thread only resets the model (benchmarks/gui_stall_bench.py)."""
    archived = frozenset(archive_svc.archived_ids(store))
    rows = svc.list_companies(store, archived=True) if show_archived else svc.list_companies(store)
    if show_archived:  # an archived company says so after its name
        mark = QCoreApplication.translate("CompaniesView", " (arkiveret)")
        rows = [replace(r, name=r.name + mark) if r.id in archived else r for r in rows]
    prepared = model.prepare(rows, sort) if model is not None else None
    return _Loaded(rows, sync_marks(store, "company"), scope_data(store, Company), archived, prepared)


class CompaniesView(View):
    key = "virksomheder"
    shown = Signal()  # the list shows the loaded companies
    title = QT_TRANSLATE_NOOP("Views", "Virksomheder")
    shortcut = "Ctrl+2"
    watches = ("company", "contact", "effect_measurement")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Virksomheder"),
                self.tr(
                    "Virksomheder du arbejder med, med CVR-nummer, målgruppeoplysninger og kontaktpersoner."
                ),
            )
        )
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName(f"filter_{self.key}")
        self.filter.setPlaceholderText(self.tr("Søg på navn, CVR-nummer, by eller branche …"))
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 1)
        self.count = QLabel()
        self.count.setObjectName("companyCount")
        bar.addWidget(self.count)
        self.new_button = QPushButton(self.tr("Ny virksomhed"))
        self.new_button.setObjectName("newCompany")
        self.import_button = QPushButton(self.tr("Importér CSV …"))
        self.import_button.setObjectName("importCsv")
        self.export_button = QPushButton(self.tr("Eksportér CSV …"))
        self.export_button.setObjectName("exportCsv")
        # --- effects: key figures of many companies and years from a CSV (issue 19)
        self.import_figures_button = QPushButton(self.tr("Importér nøgletal …"))
        self.import_figures_button.setObjectName("importKeyFigures")
        self.import_figures_button.setToolTip(self.tr("CSV: CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte"))
        for b in (self.new_button, self.import_button, self.import_figures_button, self.export_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        # --- broker: archive, restore and delete the chosen company; show the archived (issue 20)
        archive_bar = QHBoxLayout()
        self.show_archived = QCheckBox(self.tr("Vis arkiverede"))
        self.show_archived.setObjectName("showArchived")
        archive_bar.addWidget(self.show_archived)
        # why the chosen company cannot be archived or deleted (a rule's message)
        self.archive_status = QLabel()
        self.archive_status.setObjectName("error")
        self.archive_status.setWordWrap(True)
        self.archive_status.hide()
        archive_bar.addWidget(self.archive_status, 4)
        archive_bar.addStretch(1)
        self.archive_button = QPushButton(self.tr("Arkivér …"))
        self.archive_button.setObjectName("archiveCompany")
        self.archive_button.setToolTip(
            self.tr("Flyt virksomheden ud af listen; den kan hentes frem igen med »Vis arkiverede«.")
        )
        self.delete_button = QPushButton(self.tr("Slet …"))
        self.delete_button.setObjectName("deleteCompany")
        for b in (self.archive_button, self.delete_button):
            b.setEnabled(False)
            archive_bar.addWidget(b)
        lay.addLayout(archive_bar)
        self._show_archived = False
        self._archived: frozenset[str] = frozenset()

        self.model = CompaniesModel(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # The name takes the width the other columns leave (elided, in full as tooltip); a column
        # that does not fit beside it is hidden, least needed first (_fit_columns), so the table
        # never scrolls sideways. The editor shows every field; Qt measures the first rows only
        # when it fits a column (10.000 would stall).
        self.table = make_table_view(
            self.proxy,
            f"table_{self.key}",
            self.tr("Virksomheder"),
            sort=(CompaniesModel.NAME, Qt.SortOrder.AscendingOrder),
            stretch=(CompaniesModel.NAME,),
            alternating=True,
            precision=60,
            row_height=TABLE_ROW_HEIGHT,
        )

        self.editor = CompanyEditor(ctx)
        self.editor.setMinimumWidth(470)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([500, 480])
        lay.addWidget(self.splitter, 1)
        keyboard.then(self.filter, self.table)  # the search box, then the list it searches

        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.hide()
        lay.addWidget(self.export_status)

        self.loader = RowsLoader(
            ctx,
            svc.count_companies,
            lambda store: _fetch(store, self._show_archived, self.model, self.proxy.sorting()),
            self._apply_rows,
            self,
        )
        # a caseworker's broker column and filter, and no new or imported companies (ui/desk/brokers.py)
        self.brokers = BrokerScope(ctx, self.key, bar, self.proxy, Company)
        self.brokers.changed.connect(self._update_count)
        self.import_dialog: ImportDialog | None = None
        self._sized = False
        self._widths: dict[int, int] = {}
        self.table.viewport().installEventFilter(self)  # its new width is known only after its resize
        self._export_path = Path()
        self._export_worker: Worker | None = None
        self.filter.textChanged.connect(self._on_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_company)
        self.import_button.clicked.connect(self._choose_import)
        self.import_figures_button.clicked.connect(self.choose_key_figures_import)
        self.export_button.clicked.connect(self._choose_export)
        self.editor.saved.connect(self.select_company)
        self.editor.opened.connect(self._follow_editor)
        self.editor.opened.connect(lambda _id: self._update_archive_buttons())
        self.show_archived.toggled.connect(self._on_show_archived)
        self.archive_button.clicked.connect(self.archive_current)
        self.delete_button.clicked.connect(self.delete_current)

    # list -------------------------------------------------------------------------------------
    def reload(self) -> None:
        # a caseworker's list holds every broker's companies, with their owners: read in a worker
        self.loader.sync_limit = 0 if is_caseworker(self.ctx) else None
        self.loader.load()

    def _apply_rows(self, loaded: _Loaded) -> None:
        rows = loaded.rows
        current = self.editor.company_id
        self.brokers.refresh(loaded.scope)
        for b in (self.new_button, self.import_button, self.import_figures_button):
            b.setVisible(not self.brokers.active)
        self.editor.set_read_only(self.brokers.active)
        self.model.set_rows(rows, prepared=loaded.prepared)
        self.model.set_sync_marks(loaded.marks)
        if not self._sized and self.model.rowCount():
            self.table.resizeColumnsToContents()
            for column, widest in _WIDEST.items():
                self._widths[column] = min(self.table.columnWidth(column), widest)
            self._sized = True
            self._fit_columns()
        self._update_count()
        if current:
            self._select_row_of(current)
        self._archived = loaded.archived
        self.show_archived.setText(str(Msg.UI_SHOW_ARCHIVED(n=len(loaded.archived))))
        self._update_archive_buttons()
        self.shown.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Show the columns that fit beside a readable name, hiding the least needed first."""
        if not self._widths:
            return
        room = self.table.viewport().width() or self.table.width()
        need = NAME_MIN_WIDTH + sum(self._widths.values())
        for column in _HIDDEN_FIRST:
            hide = need > room
            self.table.setColumnHidden(column, hide)
            if hide:
                need -= self._widths[column]
        for column, width in self._widths.items():
            if not self.table.isColumnHidden(column):
                self.table.setColumnWidth(column, width)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()
        if self.editor.company_id:
            self._select_row_of(self.editor.company_id)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            str(Msg.UI_COMPANIES(n=total))
            if shown == total
            else str(Msg.UI_COMPANIES_SHOWN(shown=shown, n=total))
        )

    def _select_row_of(self, company_id: str) -> None:
        index = self.proxy.index_of_id(company_id)
        if not index.isValid():
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        sm.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        company_id = self.proxy.source_row_id(current)
        if company_id and company_id != self.editor.company_id:
            if not self.confirm_leave():
                # stay on the company being edited
                if self.editor.company_id:
                    self._select_row_of(self.editor.company_id)
                else:
                    self.table.selectionModel().blockSignals(True)
                    self.table.clearSelection()
                    self.table.selectionModel().blockSignals(False)
                return
            self.editor.load(company_id)

    def confirm_leave(self) -> bool:
        """Before the editor shows something else: unsaved typing is saved, dropped or kept on request."""
        if not self.editor.is_dirty():
            return True
        name = self.editor.name.text().strip() or self.tr("den nye virksomhed")
        return unsaved.confirm_leave(self, name, self.editor.save_on_leave)

    def select_company(self, company_id: str) -> None:
        """Show the company in the editor and select its row (if the filter shows it)."""
        if self.editor.company_id != company_id:
            self.editor.load(company_id)
        self._select_row_of(company_id)

    def _follow_editor(self, company_id: str) -> None:
        self._select_row_of(company_id)

    def new_company(self) -> None:
        if not self.confirm_leave():
            return
        self.table.clearSelection()
        self.editor.new_company()

    # import / export --------------------------------------------------------------------------
    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importér virksomheder"), str(Path.home()), self.tr("CSV-filer (*.csv *.txt)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> ImportDialog:
        self.import_dialog = ImportDialog(self.ctx, path, self)
        self.import_dialog.open()
        return self.import_dialog

    def choose_key_figures_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importér nøgletal"), str(Path.home()), self.tr("CSV-filer (*.csv *.txt)")
        )
        if path:
            self.import_key_figures(Path(path))

    def import_key_figures(self, path: Path) -> KeyFiguresImportDialog:
        self.figures_dialog = KeyFiguresImportDialog(self.ctx, path, self)
        self.figures_dialog.imported.connect(lambda _n: self.editor.reload_effects())
        self.figures_dialog.open()
        return self.figures_dialog

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Eksportér virksomheder"),
            str(Path.home() / "virksomheder.csv"),
            self.tr("CSV-filer (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Worker:
        self.export_button.setEnabled(False)
        self._export_path = path
        worker = Worker(csv_io.export_csv, self.ctx.store)
        worker.signals.finished.connect(self._on_exported)
        worker.signals.failed.connect(self._on_export_failed)
        self._export_worker = worker  # its signals must outlive this call
        start(worker, self.ctx.pool)
        return worker

    def _on_exported(self, data: bytes) -> None:
        self.export_button.setEnabled(True)
        path = self._export_path
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._on_export_failed(
                self.tr("Filen %1 kan ikke skrives: %2.")
                .replace("%1", str(path))
                .replace("%2", str(os_reason(exc)))
            )
            return
        self._export_message(str(Msg.UI_COMPANIES_EXPORTED(n=self.model.rowCount(), path=str(path))))

    def _on_export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self._export_message(message, error=True)

    def _export_message(self, text: str, *, error: bool = False) -> None:
        self.export_status.setObjectName("error" if error else "exportStatus")
        self.export_status.style().unpolish(self.export_status)
        self.export_status.style().polish(self.export_status)
        self.export_status.setText(text)
        self.export_status.show()
        self.ctx.bus.status_reported.emit(text)

    # --- broker: archive and delete (issue 20, item 1) -------------------------------------------
    def _on_show_archived(self, on: bool) -> None:
        self._show_archived = on
        self.loader.load()

    def _update_archive_buttons(self) -> None:
        self.archive_status.hide()
        company_id = self.editor.company_id
        mine = bool(company_id) and not self.brokers.active
        archived = bool(company_id) and company_id in self._archived
        self.archive_button.setText(self.tr("Hent frem fra arkivet") if archived else self.tr("Arkivér …"))
        for b in (self.archive_button, self.delete_button):
            b.setEnabled(mine)
            b.setVisible(not self.brokers.active)

    def _refused(self, problems: list[Message]) -> bool:
        """Say why the chosen company cannot go (a message box and the status bar); True if refused."""
        if not problems:
            return False
        text = " ".join(str(p) for p in problems)
        self.archive_status.setText(text)
        self.archive_status.show()
        self.ctx.bus.status_reported.emit(text)
        return True

    def _refused_error(self, exc: Exception) -> bool:
        return self._refused(list(getattr(exc, "messages", [])))

    def archive_current(self) -> bool:
        """Archive (or restore) the company in the editor, after a confirmation; True when done."""
        company_id = self.editor.company_id
        if not company_id or not self.confirm_leave():
            return False
        if company_id in self._archived:
            use_case = archive_svc.restore_company
        else:
            if self._refused(archive_svc.problems(self.ctx.store, company_id, Removal.ARCHIVE)):
                return False
            name = self.editor.name.text().strip()
            if not confirm(
                self,
                self.tr("Arkivér virksomhed"),
                self.tr(
                    "Arkivér %1? Den forsvinder fra listen, men intet slettes; "
                    "»Vis arkiverede« viser den igen."
                ).replace("%1", quoted(name)),
                self.tr("Arkivér"),
                self.tr("Annullér"),
            ):
                return False
            use_case = archive_svc.archive_company
        done = ops.run(
            self.ctx,
            lambda: use_case.done(self.ctx.store, company_id),
            on_error=self._refused_error,
            then=lambda message: self.ctx.bus.status_reported.emit(str(message)),
        )
        return done is not None

    def delete_current(self) -> bool:
        """Delete the company in the editor (a tombstone that syncs), after a confirmation."""
        company_id = self.editor.company_id
        if not company_id:
            return False
        if self._refused(archive_svc.problems(self.ctx.store, company_id, Removal.DELETE)):
            return False
        name = self.editor.name.text().strip()
        if not confirm(
            self,
            self.tr("Slet virksomhed"),
            self.tr(
                "Slet %1? Virksomheden slettes også hos Væksthus ved næste synkronisering. "
                "Vil du blot have den ud af listen, så arkivér den i stedet."
            ).replace("%1", quoted(name)),
            self.tr("Slet"),
            self.tr("Annullér"),
        ):
            return False

        def deleted(message: Message) -> None:
            self.editor.new_company()
            self.ctx.bus.status_reported.emit(str(message))

        done = ops.run(
            self.ctx,
            lambda: archive_svc.delete_company.done(self.ctx.store, company_id),
            on_error=self._refused_error,
            then=deleted,
        )
        return done is not None
