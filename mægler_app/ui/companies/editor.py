"""The company editor: every field of a company, its key figures per year and its contact persons.

The CVR number is checked as it is typed; a number that is already registered opens that company
instead of starting a twin. More than SME_MAX_EMPLOYEES employees is a warning citing the rule.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Done
from ...domain.cvr import CvrError, format_cvr, normalize_cvr
from ...domain.errors import DomainError
from ...domain.messages import render_all
from ...domain.numbers import format_date, optional, parse_int
from ...domain.timeutil import utcnow
from ...domain.validation import check_employees
from ...domain.vocab import FocusArea
from ...domain.vocab import labels as vocab_labels
from ...store.services import companies as svc
from ...store.services import effects as effects_svc
from ...store.services.programme import server_moves
from .. import keyboard, ops, style
from ..context import AppContext
from ..effects.company_box import CompanyEffectsBox
from ..live_errors import LiveErrors
from ..survey import CompanySatisfaction  # --- survey
from ..table import make_table_view
from ..worker import Worker
from .models import ContactsModel, KeyFiguresModel


def _message_label(kind: str) -> QLabel:
    label = QLabel()
    label.setObjectName(kind)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class CompanyEditor(QWidget):
    """Edits one company (or a new one). Emits ``saved(id)`` after a save, ``opened(id)`` on a load."""

    saved = Signal(str)
    opened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.company_id: str | None = None
        self.setObjectName("companyEditor")
        # The fields scroll; the save buttons stay below them, in sight (self.button_bar).
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("companyEditorScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.scroll_area.setWidget(body)
        root.addWidget(self.scroll_area, 1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 0, 0, 0)

        self.title = QLabel(self.tr("Ny virksomhed"))
        self.title.setObjectName("editorTitle")
        self.title.setStyleSheet(style.title_style(style.EDITOR_TITLE_PX))
        # a long company name wraps at its spaces instead of widening the editor past the panel
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.info = _message_label("info")
        self.info.setStyleSheet(style.NOTE_STYLE)
        outer.addWidget(self.info)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.cvr = QLineEdit()
        self.cvr.setObjectName("cvr")
        self.cvr.setPlaceholderText(self.tr("fx DK 13 58 56 28"))
        self.cvr_message = QLabel()
        self.cvr_message.setObjectName("cvrMessage")
        self.cvr_message.setWordWrap(True)
        cvr_box = QVBoxLayout()
        cvr_box.setSpacing(2)
        cvr_box.addWidget(self.cvr)
        cvr_box.addWidget(self.cvr_message)
        self.open_twin = QPushButton()
        self.open_twin.setObjectName("openTwin")
        self.open_twin.hide()
        cvr_box.addWidget(self.open_twin, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("CVR-nummer"), cvr_box)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        form.addRow(self.tr("Navn"), self.name)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        form.addRow(self.tr("Adresse"), self.address)
        self.postcode = QLineEdit()
        self.postcode.setObjectName("postcode")
        self.postcode.setMaximumWidth(70)
        self.city = QLineEdit()
        self.city.setObjectName("city")
        self.postcode.setAccessibleName(self.tr("Postnummer"))
        self.city.setAccessibleName(self.tr("By"))
        town = QHBoxLayout()
        town.addWidget(self.postcode)
        town.addWidget(self.city, 1)
        form.addRow(self.tr("Postnr. og by"), town)
        self.municipality = QLineEdit()
        self.municipality.setObjectName("municipality")
        form.addRow(self.tr("Kommune"), self.municipality)
        self.employees = QLineEdit()
        self.employees.setObjectName("employees")
        self.employees.setMaximumWidth(120)
        form.addRow(self.tr("Ansatte"), self.employees)
        self.focus_area = QComboBox()
        self.focus_area.setObjectName("focus_area")
        for key, label in vocab_labels("focus_area").items():
            self.focus_area.addItem(label, key)
        form.addRow(self.tr("Fokusområde"), self.focus_area)
        self.industry = QLineEdit()
        self.industry.setObjectName("industry")
        form.addRow(self.tr("Branche"), self.industry)
        self.knowledge = QCheckBox(self.tr("Videninstitution"))
        self.knowledge.setObjectName("is_knowledge_institution")
        self.knowledge.setToolTip(self.tr("Universitet, GTS-institut, professionshøjskole o.l."))
        form.addRow("", self.knowledge)
        self.website = QLineEdit()
        self.website.setObjectName("website")
        form.addRow(self.tr("Hjemmeside"), self.website)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Noter"), self.notes)
        outer.addLayout(form)

        self.warning = _message_label("warning")
        outer.addWidget(self.warning)
        self.error = _message_label("error")
        outer.addWidget(self.error)

        figures = QGroupBox(self.tr("Nøgletal pr. år i kr. (til effektmåling)"))
        fl = QVBoxLayout(figures)
        self.figures_model = KeyFiguresModel(self)
        self.figures = make_table_view(
            self.figures_model,
            "keyFigures",
            self.tr("Nøgletal pr. år"),
            fit=QHeaderView.ResizeMode.Stretch,
            word_wrap=True,
            edit=True,
        )
        self.figures.horizontalHeader().setSectionResizeMode(
            KeyFiguresModel.YEAR, QHeaderView.ResizeMode.ResizeToContents
        )
        self.figures.horizontalHeader().setMinimumSectionSize(60)
        self.figures.setFixedHeight(110)
        fl.addWidget(self.figures)
        fb = QHBoxLayout()
        self.add_year = QPushButton(self.tr("Tilføj år"))
        self.add_year.setObjectName("addYear")
        self.remove_year = QPushButton(self.tr("Fjern år"))
        self.remove_year.setObjectName("removeYear")
        fb.addWidget(self.add_year)
        fb.addWidget(self.remove_year)
        fb.addStretch(1)
        fl.addLayout(fb)
        outer.addWidget(figures)
        # --- effects: growth against the baseline year (issue 19)
        self.effects_box = CompanyEffectsBox()
        outer.addWidget(self.effects_box)

        # "Gem virksomhed" is in sight however far the fields are scrolled
        self.button_bar = QWidget()
        self.button_bar.setObjectName("companyButtons")
        root.addWidget(self.button_bar)
        buttons = QHBoxLayout(self.button_bar)
        buttons.setContentsMargins(8, 6, 0, 0)
        self.save_button = QPushButton(self.tr("Gem virksomhed"))
        self.save_button.setObjectName("saveCompany")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Fortryd"))
        self.revert_button.setObjectName("revertCompany")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)

        self.contacts_box = QGroupBox(self.tr("Kontaktpersoner"))
        cl = QVBoxLayout(self.contacts_box)
        self.contacts_model = ContactsModel(self)
        self.contacts = make_table_view(
            self.contacts_model, "contacts", self.tr("Kontaktpersoner"), stretch_last=True
        )
        # e-mail and phone are in the fields below the list; the list stays readable in a narrow panel
        self.contacts.setColumnHidden(ContactsModel.EMAIL, True)
        self.contacts.setColumnHidden(ContactsModel.PHONE, True)
        self.contacts.setFixedHeight(110)
        cl.addWidget(self.contacts)
        cform = QFormLayout()
        self.contact_name = QLineEdit()
        self.contact_name.setObjectName("contactName")
        self.contact_role = QLineEdit()
        self.contact_role.setObjectName("contactRole")
        self.contact_email = QLineEdit()
        self.contact_email.setObjectName("contactEmail")
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("contactPhone")
        self.contact_consent = QLineEdit()
        self.contact_consent.setObjectName("contactConsent")
        self.contact_consent.setPlaceholderText(self.tr("dato for samtykke, fx 7.3.2025; tom: i dag"))
        cform.addRow(self.tr("Navn"), self.contact_name)
        cform.addRow(self.tr("Rolle"), self.contact_role)
        cform.addRow(self.tr("E-mail"), self.contact_email)
        cform.addRow(self.tr("Telefon"), self.contact_phone)
        cform.addRow(self.tr("Samtykke givet"), self.contact_consent)
        cl.addLayout(cform)
        self.contact_error = _message_label("error")
        cl.addWidget(self.contact_error)
        cb = QHBoxLayout()
        self.new_contact = QPushButton(self.tr("Ny kontaktperson"))
        self.new_contact.setObjectName("newContact")
        self.save_contact_button = QPushButton(self.tr("Gem kontaktperson"))
        self.save_contact_button.setObjectName("saveContact")
        self.anonymize_button = QPushButton(self.tr("Anonymisér…"))
        self.anonymize_button.setObjectName("anonymizeContact")
        self.anonymize_button.setToolTip(
            self.tr(
                "Sletter personens navn, rolle, e-mail og telefon. Møder personen deltog i beholder "
                "deltagelsen som »Kontaktperson (anonymiseret)«."
            )
        )
        cb.addWidget(self.new_contact)
        cb.addWidget(self.save_contact_button)
        cb.addStretch(1)
        cb.addWidget(self.anonymize_button)
        cl.addLayout(cb)
        outer.addWidget(self.contacts_box)
        self.satisfaction_box = CompanySatisfaction(ctx)  # --- survey: its answers across networks
        outer.addWidget(self.satisfaction_box)
        outer.addStretch(1)
        self._contact_id: str | None = None
        self._twin_id: str | None = None
        self._snapshot: dict[str, str | bool] = {}
        self._figures_snapshot: list[list[str]] = []

        self.cvr.textEdited.connect(self._on_cvr_edited)
        self.open_twin.clicked.connect(self._open_twin)
        self.employees.textChanged.connect(self._on_employees_changed)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.add_year.clicked.connect(self._add_year)
        self.remove_year.clicked.connect(self._remove_year)
        self.contacts.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._pick_contact(cur.row())
        )
        self.new_contact.clicked.connect(self._clear_contact)
        self.save_contact_button.clicked.connect(self.save_contact)
        self.anonymize_button.clicked.connect(self.anonymize)
        self.save_button.setToolTip(self.tr("Gem virksomheden (%1)").replace("%1", keyboard.save_key_text()))
        keyboard.label_inputs(self)
        keyboard.saves(self, self.save)
        self.errors = LiveErrors(self.error, self, lambda: self._check()[2])
        self.contact_errors = LiveErrors(self.contact_error, self.contacts_box, self._check_contact)
        self.new_company()

    # loading ----------------------------------------------------------------------------------
    def new_company(self) -> None:
        self.company_id = None
        self.title.setText(self.tr("Ny virksomhed"))
        for edit in self._line_edits():
            edit.clear()
        self.notes.clear()
        self.focus_area.setCurrentIndex(self.focus_area.findData(FocusArea.OTHER.value))
        self.knowledge.setChecked(False)
        self.figures_model.set_figures([])
        self._figures_snapshot = []
        self.effects_box.clear()
        self.contacts_model.set_rows([])
        self._clear_contact()
        self.contacts_box.setEnabled(False)
        self.contacts_box.setTitle(self.tr("Kontaktpersoner (gem virksomheden først)"))
        self.satisfaction_box.load(None)  # --- survey
        _show(self.info, "")
        self.errors.clear()
        _show(self.warning, "")
        self._cvr_state("", ok=True)
        self._twin_id = None
        self.open_twin.hide()
        self._snapshot = self.fields()
        self.cvr.setFocus()

    def load(self, company_id: str) -> None:
        try:
            detail = svc.get_company(self.ctx.store, company_id)
        except DomainError as exc:
            _show(self.error, str(exc))
            return
        d = detail.data
        self.company_id = detail.id
        self.title.setText(d.name)
        self.cvr.setText(format_cvr(d.cvr))
        self._cvr_state("", ok=True)
        self.name.setText(d.name)
        self.address.setText(d.address)
        self.postcode.setText(d.postcode)
        self.city.setText(d.city)
        self.municipality.setText(d.municipality)
        self.employees.setText("" if d.employees is None else str(d.employees))
        self.focus_area.setCurrentIndex(max(0, self.focus_area.findData(d.focus_area)))
        self.industry.setText(d.industry)
        self.knowledge.setChecked(d.is_knowledge_institution)
        self.website.setText(d.website)
        self.notes.setPlainText(d.notes)
        self.figures_model.set_figures(svc.key_figures(self.ctx.store, detail.id))
        self.effects_box.show_effects(
            effects_svc.company_effects(self.ctx.store, detail.id, server_moves(self.ctx.store))
        )
        self.contacts_box.setEnabled(True)
        self.contacts_box.setTitle(self.tr("Kontaktpersoner"))
        self._reload_contacts()
        self.satisfaction_box.load(detail.id)  # --- survey
        _show(self.info, "")
        self.errors.clear()
        self._on_employees_changed(self.employees.text())
        self._twin_id = None
        self.open_twin.hide()
        self._snapshot = self.fields()
        self._figures_snapshot = self.figures_model.texts()
        self.opened.emit(detail.id)

    def reload_effects(self) -> None:
        """Key figures came from elsewhere (a CSV import): show the open company's anew, unless
        its figures are being typed."""
        if self.company_id is not None and not self.is_dirty():
            self.load(self.company_id)

    def set_read_only(self, on: bool) -> None:
        """A caseworker's profile: the broker's company is shown, not changed; erasing a person
        (»Anonymisér…«) stays (ui/desk/brokers.py)."""
        from ..desk.brokers import apply_read_only

        apply_read_only(self, on, keep=(self.anonymize_button, self.open_twin, self.contacts))
        # --- erasure: there the button erases the person at the server, for everyone
        self.anonymize_button.setText(self.tr("Slet personoplysninger…") if on else self.tr("Anonymisér…"))
        if on and self.company_id is None:
            self.title.setText(self.tr("Vælg en virksomhed på listen"))

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.cvr,
            self.name,
            self.address,
            self.postcode,
            self.city,
            self.municipality,
            self.employees,
            self.industry,
            self.website,
        ]

    def _revert(self) -> None:
        if self.company_id:
            self.load(self.company_id)
        else:
            self.new_company()

    # live checks ------------------------------------------------------------------------------
    def _on_cvr_edited(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        body = text.strip().upper().removeprefix("DK")
        stray = [ch for ch in body if not ch.isdigit() and ch not in " -."]
        if not text.strip():
            self._cvr_state("", ok=True)
            return
        if stray:
            self._cvr_state(self.tr("Et CVR-nummer består kun af cifre, fx DK 13 58 56 28."), ok=False)
            return
        if len(digits) < 8:
            self._cvr_state(self.tr("%1 af 8 cifre").replace("%1", str(len(digits))), ok=True)
            return
        try:
            cvr = normalize_cvr(text)
        except CvrError as exc:
            self._cvr_state(str(exc), ok=False)
            return
        twin = svc.find_by_cvr(self.ctx.store, cvr)
        if twin is not None and twin[0] != self.company_id:
            self._found_twin(twin[0], twin[1], cvr)
            return
        self._twin_id = None
        self.open_twin.hide()
        self._cvr_state(self.tr("✓ Gyldigt CVR-nummer"), ok=True)

    def _has_other_input(self) -> bool:
        """Whether anything besides the CVR number has been typed since the last load."""
        now = self.fields()
        return any(now[k] != self._snapshot.get(k) for k in now if k != "cvr") or (
            self.figures_model.texts() != self._figures_snapshot
        )

    def _found_twin(self, twin_id: str, twin_name: str, cvr: str) -> None:
        """The CVR number is registered: open that company, unless that would throw away typing."""
        if self.company_id is None and not self._has_other_input():
            self.load(twin_id)
            _show(
                self.info,
                self.tr("CVR-nummer %1 er allerede registreret, så her er %2. Der oprettes ikke en ny.")
                .replace("%1", format_cvr(cvr))
                .replace("%2", twin_name),
            )
            return
        self._twin_id = twin_id
        self._cvr_state(
            self.tr("CVR-nummer %1 er allerede registreret for %2; der kan ikke oprettes en til.")
            .replace("%1", format_cvr(cvr))
            .replace("%2", twin_name),
            ok=False,
        )
        self.open_twin.setText(self.tr("Åbn %1").replace("%1", twin_name))
        self.open_twin.show()

    def _open_twin(self) -> None:
        if self._twin_id:
            self.load(self._twin_id)

    def is_dirty(self) -> bool:
        """Typed changes that are not saved (a new, untouched form is not dirty)."""
        return self.fields() != self._snapshot or self.figures_model.texts() != self._figures_snapshot

    def _cvr_state(self, text: str, *, ok: bool) -> None:
        self.cvr_message.setText(text)
        self.cvr_message.setVisible(bool(text))
        self.cvr_message.setStyleSheet(
            style.text_style(style.SUBTLE_TEXT) if ok else style.text_style(style.ERROR_TEXT, bold=True)
        )
        self.cvr.setProperty("invalid", not ok)
        self.cvr.setStyleSheet("" if ok else style.INVALID_FIELD_STYLE)

    def _on_employees_changed(self, text: str) -> None:
        try:
            n = optional(parse_int, text)
        except DomainError:
            _show(self.warning, "")
            return
        _show(self.warning, render_all(check_employees(n).warnings))

    # saving -----------------------------------------------------------------------------------
    def fields(self) -> dict[str, str | bool]:
        return {
            "cvr": self.cvr.text(),
            "name": self.name.text(),
            "address": self.address.text(),
            "postcode": self.postcode.text(),
            "city": self.city.text(),
            "municipality": self.municipality.text(),
            "employees": self.employees.text(),
            "focus_area": str(self.focus_area.currentData()),
            "industry": self.industry.text(),
            "is_knowledge_institution": self.knowledge.isChecked(),
            "website": self.website.text(),
            "notes": self.notes.toPlainText(),
            "baseline_year": self.effects_box.baseline.text().strip(),
        }

    def _check(self) -> tuple[svc.Parsed, list[svc.KeyFigures], list[str]]:
        """The form parsed, its key figures, and what stops a save (but the CVR number's problem,
        which stands under the number)."""
        parsed = svc.parse_company(self.fields())
        errors = [message for key, message in parsed.errors.items() if key != "cvr"]
        figures: list[svc.KeyFigures] = []
        for row in self.figures_model.texts():
            try:
                figures.append(svc.parse_key_figures(*row))
            except DomainError as exc:
                errors.append(str(exc))
        try:
            effects_svc.parse_baseline_year(self.effects_box.baseline.text())
        except DomainError as exc:
            errors.append(str(exc))
        years = [f.year for f in figures]
        dups = sorted({y for y in years if years.count(y) > 1})
        if dups:
            errors.append(self.tr("Året %1 står flere gange under nøgletal.").replace("%1", str(dups[0])))
        return parsed, figures, errors

    def save_on_leave(self) -> str | None:
        """``save`` before the editor shows something else (another company, a new one, the window
        closing): the saved company is not read back into the form now, which the next record
        replaces at once (benchmarks/gui_stall_bench.py, save on leave); should the form still
        show it when the event loop comes back, it is read back then."""
        return self.save(leaving=True)

    def save(self, *, leaving: bool = False) -> str | None:
        """Check and save; on any error nothing is written and every reason is shown, once."""
        _show(self.info, "")
        parsed, figures, errors = self._check()
        if errors or parsed.data is None:
            if "cvr" in parsed.errors:
                self._cvr_state(parsed.errors["cvr"], ok=False)
            self.errors.refuse(errors)
            first = next(iter(parsed.errors), None)
            widget = self.findChild(QWidget, first) if first else None
            if widget is not None:
                widget.setFocus()
            return None
        data = parsed.data

        def work() -> Done[str]:
            saved = svc.save_company.done(self.ctx.store, data, self.company_id)
            figures_saved = svc.save_key_figures.done(self.ctx.store, saved.value, figures)
            baseline = effects_svc.set_baseline_year.done(
                self.ctx.store, saved.value, effects_svc.parse_baseline_year(self.effects_box.baseline.text())
            )
            return saved.also(figures_saved.changes | baseline.changes)

        def twin(exc: Exception) -> bool:
            if not isinstance(exc, svc.DuplicateCvrError):
                return False
            # the reason stands under the CVR number, with the button that opens the other company
            self._found_twin(exc.existing_id, exc.existing_name, data.cvr)
            self.errors.say(self.tr("Intet er gemt; det du har skrevet står her stadig."))
            return True

        def saved(company_id: str) -> None:
            self.errors.clear()
            if leaving:
                self._read_back_later(company_id)
            else:
                self.load(company_id)

        done = ops.run(self.ctx, work, error=self.errors, on_error=twin, then=saved)
        if done is None:
            return None
        company_id = done.value
        self.ctx.bus.status_reported.emit(self.tr("%1 er gemt.").replace("%1", parsed.data.name))
        self.saved.emit(company_id)
        return company_id

    def _read_back_later(self, company_id: str) -> None:
        """Saved on leaving: what the form holds is what was saved (not dirty); it is read back (the
        stored CVR number's spacing, the key figures' years in order) once the event loop comes
        back, if the form still shows that company untouched."""
        self.company_id = company_id
        self._snapshot = self.fields()
        self._figures_snapshot = self.figures_model.texts()

        def read_back() -> None:
            if self.company_id == company_id and self.isVisible() and not self.is_dirty():
                self.load(company_id)

        QTimer.singleShot(0, self, read_back)

    def _add_year(self) -> None:
        taken = {y for y in map(_year, self.figures_model.years()) if y is not None}
        year = utcnow().year - 1
        while year in taken:
            year -= 1
        row = self.figures_model.add_year(year)
        self.figures.setCurrentIndex(self.figures_model.index(row, KeyFiguresModel.TURNOVER))

    def _remove_year(self) -> None:
        index = self.figures.currentIndex()
        if index.isValid():
            self.figures_model.remove_row(index.row())

    # contacts ---------------------------------------------------------------------------------
    def _reload_contacts(self) -> None:
        if self.company_id is None:
            return
        self.contacts_model.set_rows(svc.contacts(self.ctx.store, self.company_id))
        self._clear_contact()

    def _contact_edits(self) -> list[QLineEdit]:
        return [
            self.contact_name,
            self.contact_role,
            self.contact_email,
            self.contact_phone,
            self.contact_consent,
        ]

    def _clear_contact(self) -> None:
        self._contact_id = None
        for edit in self._contact_edits():
            edit.clear()
            edit.setEnabled(True)
        self.contacts.clearSelection()
        self.anonymize_button.setEnabled(False)
        self.save_contact_button.setText(self.tr("Tilføj kontaktperson"))
        self.contact_errors.clear()

    def _pick_contact(self, row: int) -> None:
        if not (0 <= row < self.contacts_model.rowCount()):
            return
        c: svc.ContactRow = self.contacts_model.row_at(row)
        self._contact_id = c.id
        self.contact_name.setText(c.name)
        self.contact_role.setText(c.role)
        self.contact_email.setText(c.email)
        self.contact_phone.setText(c.phone)
        self.contact_consent.setText(format_date(c.consent_date) if c.consent_date else "")
        for edit in self._contact_edits():
            edit.setEnabled(not c.anonymized)
        self.anonymize_button.setEnabled(not c.anonymized)
        self.save_contact_button.setText(self.tr("Gem kontaktperson"))
        self.contact_errors.clear()
        _show(
            self.contact_error,
            self.tr("Personen er anonymiseret; oplysningerne kan ikke gendannes.") if c.anonymized else "",
        )

    def _parse_contact(self) -> svc.ContactData:
        return svc.parse_contact(
            self.contact_name.text(),
            self.contact_role.text(),
            self.contact_email.text(),
            self.contact_phone.text(),
            self.contact_consent.text().strip(),
        )

    def _check_contact(self) -> list[str]:
        try:
            self._parse_contact()
        except DomainError as exc:
            return [str(exc)]
        return []

    def save_contact(self) -> str | None:
        if self.company_id is None:
            return None
        company_id = self.company_id
        done = ops.run(
            self.ctx,
            lambda: svc.save_contact.done(
                self.ctx.store, company_id, self._parse_contact(), self._contact_id
            ),
            error=self.contact_errors,
            then=lambda _id: self._reload_contacts(),
        )
        return done.value if done is not None else None

    def anonymize(self) -> None:
        if self._contact_id is None:
            return
        name = self.contact_name.text()
        if self._erases_at_server():  # --- erasure: a caseworker erases at the server
            self._erase_at_server(self._contact_id, name)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Anonymisér kontaktperson"),
            self.tr(
                "Navn, rolle, e-mail og telefon for %1 slettes, også hos Væksthus ved næste synkronisering. "
                "Møder personen deltog i beholder deltagelsen. Det kan ikke fortrydes. Fortsæt?"
            ).replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        contact_id = self._contact_id
        done = ops.run(
            self.ctx,
            lambda: svc.anonymize_contact.done(self.ctx.store, contact_id),
            error=lambda text: _show(self.contact_error, text),
            then=lambda _none: self._reload_contacts(),
        )
        if done is None:
            return
        self.ctx.bus.status_reported.emit(self.tr("Kontaktpersonen er anonymiseret."))

    # --- erasure: on a caseworker's profile the person is erased at the server, for everyone
    def _erases_at_server(self) -> bool:
        from ..desk.brokers import is_caseworker

        return is_caseworker(self.ctx)

    def _erase_at_server(self, contact_id: str, name: str) -> None:
        from ...store.services.erasure import apply_erasure
        from ...sync.api import OfflineError, SyncError
        from ...sync.service import api_for
        from ..sync.controller import controller_for

        answer = QMessageBox.question(
            self,
            self.tr("Slet kontaktperson (GDPR)"),
            self.tr(
                "Navn, rolle, e-mail og telefon for %1 slettes på Væksthus' server overalt, hvor de "
                "findes, og hos mægleren ved næste synkronisering. Møder personen deltog i beholder "
                "deltagelsen som »Kontaktperson (anonymiseret)«. Det kan ikke fortrydes. Fortsæt?"
            ).replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            api = api_for(self.ctx.store, controller_for(self.ctx).token(), retries=1, backoff=0.2)
        except SyncError as exc:
            _show(self.contact_error, str(exc))
            return
        offline = self.tr(
            "Væksthus' server svarer ikke; personen er ikke slettet. Prøv igen, når der er forbindelse."
        )

        def job() -> Done[bool]:
            try:
                done = api.erase_contact(contact_id)
            except OfflineError:
                raise SyncError(offline) from None
            finally:
                api.close()
            version = done.get("version")
            return apply_erasure.done(
                self.ctx.store, contact_id, version if isinstance(version, int) else None
            )

        self.anonymize_button.setEnabled(False)
        self._erase_worker: Worker | None = ops.start(
            self.ctx, job, on_done=lambda _r: self._on_erased(), error=self._on_erase_failed
        )

    def _on_erased(self) -> None:
        self._erase_worker = None
        self.anonymize_button.setEnabled(True)
        self._reload_contacts()
        self.ctx.bus.status_reported.emit(self.tr("Kontaktpersonen er slettet på serveren."))

    def _on_erase_failed(self, message: str) -> None:
        self._erase_worker = None
        self.anonymize_button.setEnabled(True)
        _show(self.contact_error, message)

    # --- end erasure


def _year(text: str) -> int | None:
    """A year typed in the key figures, or None while it is not a whole number yet."""
    try:
        return optional(parse_int, text)
    except DomainError:
        return None
