"""The company register: the editor driven as a user would, the result checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.rules import SME_MAX_EMPLOYEES
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company, Contact, EffectMeasurement, Meeting, OutboxEntry
from mægler_app.store.services import companies as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow


def _view(qtbot, store):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window.show_view("virksomheder")


def _companies(store) -> list[Company]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return list(s.scalars(select(Company).where(Company.deleted.is_(False))))


def _type_new(qtbot, editor, **fields: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in fields.items():
        widget = getattr(editor, name)
        widget.clear()
        qtbot.keyClicks(widget, text)


# parsing (the same rules serve the editor and the CSV import) ----------------------------------


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("13585629", "kontrolcifferet passer ikke"),
        ("1358562", "8 cifre, ikke 7"),
        ("135856281", "8 cifre, ikke 9"),
        ("DK 13 58 AB 28", "kun indeholde cifre"),
        ("", "mangler"),
    ],
)
def test_bad_cvr_numbers_are_refused_in_danish(typed: str, reason: str) -> None:
    parsed = svc.parse_company({"cvr": typed, "name": "Firma ApS"})
    assert parsed.data is None
    assert reason in parsed.errors["cvr"]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("-3", "negativt"), ("mange", "helt tal"), ("12,5", "helt tal"), ("1.2", "tusinder")],
)
def test_bad_employee_counts_are_refused(typed: str, reason: str) -> None:
    parsed = svc.parse_company({"cvr": "13585628", "name": "Firma ApS", "employees": typed})
    assert reason in parsed.errors["employees"]


def test_employee_count_with_thousands_separator() -> None:
    parsed = svc.parse_company({"cvr": "DK13585628", "name": "Firma ApS", "employees": "1.200"})
    assert parsed.data is not None and parsed.data.employees == 1200 and parsed.data.cvr == "13585628"


# the editor -------------------------------------------------------------------------------------


def test_new_company_typed_with_dk_prefix_is_kept_as_8_digits(qtbot, store) -> None:
    view = _view(qtbot, store)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    ed = view.editor
    _type_new(qtbot, ed, cvr="DK 13 58 56 28", name="Aarhus Plast ApS", city="Aarhus", employees="12")
    assert "Gyldigt" in ed.cvr_message.text()
    ed.focus_area.setCurrentIndex(ed.focus_area.findData("food"))
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    [company] = _companies(store)
    assert (company.cvr, company.name, company.city, company.employees, company.focus_area) == (
        "13585628",
        "Aarhus Plast ApS",
        "Aarhus",
        12,
        "food",
    )
    assert view.model.rowCount() == 1
    assert view.proxy.data(view.proxy.index(0, 1)) == "13 58 56 28"


def test_bad_checksum_is_refused_while_typing_and_nothing_is_saved(qtbot, store) -> None:
    view = _view(qtbot, store)
    ed = view.editor
    qtbot.keyClicks(ed.cvr, "1358562")
    assert "7 af 8" in ed.cvr_message.text()
    qtbot.keyClicks(ed.cvr, "9")
    assert "kontrolcifferet passer ikke" in ed.cvr_message.text()
    qtbot.keyClicks(ed.name, "Fejl ApS")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    # said once, under the number, and not again in the box below the form
    assert "kontrolcifferet" in ed.cvr_message.text() and ed.cvr_message.isVisible()
    assert "kontrolcifferet" not in ed.error.text()
    assert _companies(store) == []
    # the typed name is still there to fix the number
    assert ed.name.text() == "Fejl ApS"


def test_letters_in_a_cvr_are_refused_at_once(qtbot, store) -> None:
    ed = _view(qtbot, store).editor
    qtbot.keyClicks(ed.cvr, "13x")
    assert "kun af cifre" in ed.cvr_message.text()


def test_empty_name_is_refused(qtbot, store) -> None:
    ed = _view(qtbot, store).editor
    qtbot.keyClicks(ed.cvr, "13585628")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert "skal have et navn" in ed.error.text()
    assert _companies(store) == []


@pytest.mark.parametrize("typed", ["-5", "femten"])
def test_negative_or_non_numeric_employees_are_refused(qtbot, store, typed: str) -> None:
    ed = _view(qtbot, store).editor
    _type_new(qtbot, ed, cvr="13585628", name="Firma ApS", employees=typed)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert "ansatte" in ed.error.text().lower()
    assert _companies(store) == []


def test_more_than_250_employees_warns_citing_the_rule_but_saves(qtbot, store) -> None:
    ed = _view(qtbot, store).editor
    _type_new(qtbot, ed, cvr="13585628", name="Stor A/S", employees=str(SME_MAX_EMPLOYEES + 1))
    assert ed.warning.isVisible()
    assert f"højst {SME_MAX_EMPLOYEES} ansatte" in ed.warning.text()
    assert "Målgruppe" in ed.warning.text()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    [company] = _companies(store)
    assert company.employees == SME_MAX_EMPLOYEES + 1
    ed.employees.clear()
    qtbot.keyClicks(ed.employees, str(SME_MAX_EMPLOYEES))
    assert not ed.warning.isVisible()


def test_an_already_registered_cvr_opens_that_company_instead_of_a_twin(qtbot, store) -> None:
    ids = fill_demo(store)
    with store.session() as s:
        brande = s.get(Company, ids["brande"])
        assert brande is not None
        cvr = brande.cvr
    view = _view(qtbot, store)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    ed = view.editor
    assert ed.company_id is None
    spaced = "DK " + " ".join(cvr[i : i + 2] for i in range(0, 8, 2))
    qtbot.keyClicks(ed.cvr, spaced)
    assert ed.company_id == ids["brande"]
    assert ed.name.text() == "Brande Stålteknik ApS"
    assert "allerede registreret" in ed.info.text()
    assert view.proxy.source_row_id(view.table.currentIndex()) == ids["brande"]
    assert len(_companies(store)) == 10


def test_saving_a_twin_through_the_service_is_refused_naming_the_company(store) -> None:
    ids = fill_demo(store)
    with store.session() as s:
        cvr = s.get(Company, ids["skive"]).cvr  # type: ignore[union-attr]
    with pytest.raises(svc.DuplicateCvrError) as err:
        svc.save_company(store, svc.CompanyData(cvr=cvr, name="Tvilling ApS"))
    assert err.value.existing_id == ids["skive"]
    assert "Skive Køleteknik ApS" in str(err.value)


def test_editing_keeps_the_record_and_writes_one_outbox_change(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["viborg"])
    ed = view.editor
    ed.industry.clear()
    qtbot.keyClicks(ed.industry, "Emballagemaskiner")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert s.get(Company, ids["viborg"]).industry == "Emballagemaskiner"  # type: ignore[union-attr]
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == ids["viborg"])).all()
    assert any(e.data.get("industry") == "Emballagemaskiner" for e in entries)


def test_key_figures_per_year_are_stored_as_effect_measurements(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["randers"])
    ed = view.editor
    qtbot.mouseClick(ed.add_year, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ed.add_year, Qt.MouseButton.LeftButton)
    m = ed.figures_model
    m.setData(m.index(0, m.YEAR), "2023")
    m.setData(m.index(0, m.TURNOVER), "12.500.000")
    m.setData(m.index(0, m.EXPORT), "3.000.000,50")
    m.setData(m.index(0, m.EMPLOYEES), "80")
    m.setData(m.index(1, m.YEAR), "2024")
    m.setData(m.index(1, m.VALUE_ADDED), "-250.000")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert not ed.error.isVisible(), ed.error.text()
    with store.session() as s:
        rows = {
            r.year: r
            for r in s.scalars(
                select(EffectMeasurement).where(EffectMeasurement.company_id == ids["randers"])
            )
        }
    assert rows[2023].turnover_ore == 1_250_000_000
    assert rows[2023].export_ore == 300_000_050
    assert rows[2023].employees == 80
    assert rows[2024].value_added_ore == -25_000_000
    assert m.rowCount() == 2  # reloaded from the store
    # a bad amount is refused and nothing changes
    m.setData(m.index(1, m.TURNOVER), "mange penge")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert "Omsætning 2024" in ed.error.text()
    with store.session() as s:
        assert (
            s.scalars(select(EffectMeasurement).where(EffectMeasurement.year == 2024)).one().turnover_ore
            is None
        )
    # removing a year tombstones it
    ed.figures.setCurrentIndex(m.index(1, 0))
    qtbot.mouseClick(ed.remove_year, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert s.scalars(select(EffectMeasurement).where(EffectMeasurement.year == 2024)).one().deleted


def test_contact_person_with_consent_date(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["hammel"])
    ed = view.editor
    assert ed.contacts_model.rowCount() == 1
    qtbot.mouseClick(ed.new_contact, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ed.contact_name, "Karen Møller")
    qtbot.keyClicks(ed.contact_role, "Økonomichef")
    qtbot.keyClicks(ed.contact_email, "karen@hammel-demo.dk")
    qtbot.keyClicks(ed.contact_consent, "3.2.2025")
    qtbot.mouseClick(ed.save_contact_button, Qt.MouseButton.LeftButton)
    assert ed.contacts_model.rowCount() == 2
    with store.session() as s:
        karen = s.scalars(select(Contact).where(Contact.name == "Karen Møller")).one()
    assert karen.company_id == ids["hammel"]
    assert karen.consent_date is not None and karen.consent_date.isoformat() == "2025-02-03"
    # a bad e-mail is refused in Danish
    qtbot.mouseClick(ed.new_contact, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ed.contact_name, "Ole")
    qtbot.keyClicks(ed.contact_email, "ole at firma")
    qtbot.mouseClick(ed.save_contact_button, Qt.MouseButton.LeftButton)
    assert "ikke en e-mailadresse" in ed.contact_error.text()
    assert ed.contacts_model.rowCount() == 2


def test_anonymise_erases_the_person_but_meetings_keep_the_link(qtbot, store, monkeypatch) -> None:
    ids = fill_demo(store)
    contact_id = ids["contact:brande"]
    view = _view(qtbot, store)
    view.select_company(ids["brande"])
    ed = view.editor
    ed.contacts.selectRow(0)
    assert ed.contact_name.text() == "Jens Kragh"
    asked: list[str] = []

    def answer(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(ed.anonymize_button, Qt.MouseButton.LeftButton)
    assert asked and "Jens Kragh" in asked[0]
    with store.session() as s:
        c = s.get(Contact, contact_id)
        assert c is not None
        assert (c.name, c.role, c.email, c.phone, c.consent_date, c.anonymized, c.deleted) == (
            svc.ANONYMIZED_NAME,
            "",
            "",
            "",
            None,
            True,
            False,
        )
        meetings = s.scalars(select(Meeting).where(Meeting.deleted.is_(False))).all()
        assert any(contact_id in m.participant_contact_ids for m in meetings)
        pending = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == contact_id)).all()
        assert any(e.data.get("name") == svc.ANONYMIZED_NAME for e in pending)
    # the row stays, greyed, and cannot be edited or anonymised again
    ed.contacts.selectRow(0)
    assert ed.contact_name.text() == svc.ANONYMIZED_NAME
    assert not ed.contact_name.isEnabled() and not ed.anonymize_button.isEnabled()
    with pytest.raises(Exception, match="anonymiseret"):
        svc.save_contact(store, ids["brande"], svc.ContactData(name="Jens Kragh"), contact_id)


def test_anonymise_can_be_declined(qtbot, store, monkeypatch) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["skive"])
    view.editor.contacts.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.editor.anonymize_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert s.get(Contact, ids["contact:skive"]).name == "Peter Thøgersen"  # type: ignore[union-attr]


# the table --------------------------------------------------------------------------------------


def test_filter_as_you_type_over_name_cvr_city_and_industry(qtbot, store) -> None:
    ids = fill_demo(store)
    with store.session() as s:
        cvr = s.get(Company, ids["odense"]).cvr  # type: ignore[union-attr]
    view = _view(qtbot, store)
    assert view.proxy.rowCount() == 10
    qtbot.keyClicks(view.filter, "herning")
    assert view.proxy.rowCount() == 1
    view.filter.clear()
    qtbot.keyClicks(view.filter, f"{cvr[:2]} {cvr[2:4]}")  # typed as shown, with a space
    assert ids["odense"] in {
        view.proxy.source_row_id(view.proxy.index(r, 0)) for r in range(view.proxy.rowCount())
    }
    view.filter.clear()
    qtbot.keyClicks(view.filter, "køle")  # industry and name, any case
    assert view.proxy.rowCount() == 1
    view.filter.clear()
    qtbot.keyClicks(view.filter, "jern brande")  # every word must match
    assert view.proxy.rowCount() == 1
    assert "1 af 10" in view.count.text()
    view.filter.clear()
    assert view.proxy.rowCount() == 10


def test_columns_sort_by_clicking_the_header(qtbot, store) -> None:
    fill_demo(store)
    view = _view(qtbot, store)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(view.model.EMPLOYEES) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    values = [int(view.proxy.data(view.proxy.index(r, view.model.EMPLOYEES))) for r in range(10)]
    assert values == sorted(values) or values == sorted(values, reverse=True)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    again = [int(view.proxy.data(view.proxy.index(r, view.model.EMPLOYEES))) for r in range(10)]
    assert again == list(reversed(values))


def test_many_companies_filter_and_selection_survive(qtbot, store) -> None:
    with store.session() as s:
        for i in range(300):
            s.add(
                Company(cvr=make_valid_cvr(i), name=f"Firma {i:03d} ApS", city="Aarhus" if i % 2 else "Ikast")
            )
    view = _view(qtbot, store)
    assert view.model.rowCount() == 300
    view.table.selectRow(5)
    selected = view.editor.company_id
    qtbot.keyClicks(view.filter, "ikast")
    assert view.proxy.rowCount() == 150
    assert view.editor.company_id == selected


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    view.select_company(ids["brande"])
    qtmodeltester.check(view.editor.contacts_model)
    view.editor.figures_model.add_year(2024)
    qtmodeltester.check(view.editor.figures_model)


def test_a_large_register_is_loaded_off_the_gui_thread(qtbot, store, monkeypatch) -> None:
    import threading

    from mægler_app.ui.companies import loader

    fill_demo(store)
    monkeypatch.setattr(loader, "SYNC_LIMIT", 5)
    threads: list[str] = []
    real = svc.list_companies

    def fetch(st):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(st)

    monkeypatch.setattr(svc, "list_companies", fetch)
    view = _view(qtbot, store)
    qtbot.waitUntil(lambda: view.model.rowCount() == 10, timeout=5000)
    assert threads and threading.main_thread().name not in threads
    qtbot.keyClicks(view.filter, "viborg")
    assert view.proxy.rowCount() == 1


def test_a_large_registers_search_texts_and_order_are_made_off_the_gui_thread(
    qtbot, store, monkeypatch
) -> None:
    """A long list's per-row work (search texts, sort keys) runs in the worker with the query: the
    GUI thread only resets the model (benchmarks/gui_stall_bench.py, the import's reload)."""
    import threading

    from mægler_app.ui.companies import loader
    from mægler_app.ui.companies.models import CompaniesModel

    fill_demo(store)
    monkeypatch.setattr(loader, "SYNC_LIMIT", 5)
    on_gui: list[str] = []
    real = CompaniesModel.search_text

    def search_text(self, row):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui.append(row.name)
        return real(self, row)

    monkeypatch.setattr(CompaniesModel, "search_text", search_text)
    view = _view(qtbot, store)
    qtbot.waitUntil(lambda: not view.loader.busy and view.model.rowCount() == 10, timeout=5000)
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)  # sorted by name, as the view shows it first
    qtbot.keyClicks(view.filter, "viborg")
    assert view.proxy.rowCount() == 1
    view.filter.clear()
    view.table.sortByColumn(CompaniesModel.CITY, Qt.SortOrder.DescendingOrder)  # not prepared: made now
    cities = [view.proxy.index(r, CompaniesModel.CITY).data() for r in range(view.proxy.rowCount())]
    assert cities == sorted(cities, key=str.casefold, reverse=True)
    assert on_gui == []


def test_a_long_list_is_counted_once_then_reloaded_in_the_worker_straight_away(
    qtbot, store, monkeypatch
) -> None:
    """The count deciding between loading at once and in the worker is a query on the GUI thread:
    a list found long is not counted again at its reloads (a new company still shows)."""
    from mægler_app.ui.companies import loader

    fill_demo(store)
    monkeypatch.setattr(loader, "SYNC_LIMIT", 5)
    view = _view(qtbot, store)
    qtbot.waitUntil(lambda: not view.loader.busy and view.model.rowCount() == 10, timeout=5000)
    counted: list[int] = []
    real = view.loader._count
    monkeypatch.setattr(view.loader, "_count", lambda st: counted.append(1) or real(st))
    svc.save_company(store, svc.CompanyData(cvr=make_valid_cvr(4242), name="Ny Efter ApS"))
    view.reload()
    assert view.loader.busy  # in the worker, without a count first
    qtbot.waitUntil(lambda: not view.loader.busy and view.model.rowCount() == 11, timeout=5000)
    assert counted == []


def test_a_caseworkers_companies_and_their_brokers_are_read_off_the_gui_thread(
    qtbot, store, monkeypatch
) -> None:
    import threading

    from mægler_app.store.services import desk
    from mægler_app.store.services.overview import set_role

    fill_demo(store)
    set_role(store, "caseworker")
    threads: dict[str, list[str]] = {"rows": [], "owners": []}
    real_rows, real_owners = svc.list_companies, desk.record_owners

    def rows(st):  # type: ignore[no-untyped-def]
        threads["rows"].append(threading.current_thread().name)
        return real_rows(st)

    def owners(st, model):  # type: ignore[no-untyped-def]
        threads["owners"].append(threading.current_thread().name)
        return real_owners(st, model)

    monkeypatch.setattr(svc, "list_companies", rows)
    monkeypatch.setattr(desk, "record_owners", owners)
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view("virksomheder")
    with qtbot.waitSignal(view.shown, timeout=5000):
        window.show_view("virksomheder")
    # a few companies, yet every broker's: the rows and their owners come from a worker
    assert svc.count_companies(store) == 10 and view.model.rowCount() == 10
    for names in threads.values():
        assert names and threading.main_thread().name not in names
    assert view.brokers.active and view.new_button.isHidden()


def test_a_registered_cvr_typed_after_other_fields_keeps_the_typing(qtbot, store) -> None:
    ids = fill_demo(store)
    with store.session() as s:
        cvr = s.get(Company, ids["ingenioer"]).cvr  # type: ignore[union-attr]
    view = _view(qtbot, store)
    ed = view.editor
    qtbot.keyClicks(ed.name, "Ikast Ingeniørhus (ny)")
    qtbot.keyClicks(ed.cvr, cvr)
    assert ed.company_id is None and ed.name.text() == "Ikast Ingeniørhus (ny)"
    assert "allerede registreret for Ikast Ingeniørhus ApS" in ed.cvr_message.text()
    assert ed.open_twin.isVisible()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert "Intet er gemt" in ed.error.text()
    assert len(_companies(store)) == 10
    qtbot.mouseClick(ed.open_twin, Qt.MouseButton.LeftButton)
    assert ed.company_id == ids["ingenioer"]


def test_unsaved_changes_are_not_lost_when_picking_another_company(qtbot, store, monkeypatch) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["viborg"])
    ed = view.editor
    ed.industry.clear()
    qtbot.keyClicks(ed.industry, "Etiketter")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    other = view.proxy.mapFromSource(view.model.index(view.model.row_of_id(ids["skive"]), 0))
    view.table.setCurrentIndex(other)
    assert ed.company_id == ids["viborg"] and ed.industry.text() == "Etiketter"
    assert view.proxy.source_row_id(view.table.currentIndex()) == ids["viborg"]
    answers.append(QMessageBox.StandardButton.Save)
    view.table.setCurrentIndex(other)
    assert ed.company_id == ids["skive"]
    with store.session() as s:
        assert s.get(Company, ids["viborg"]).industry == "Etiketter"  # type: ignore[union-attr]
    ed.city.clear()
    qtbot.keyClicks(ed.city, "Roslev")
    answers.append(QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert ed.company_id is None
    with store.session() as s:
        assert s.get(Company, ids["skive"]).city == "Skive"  # type: ignore[union-attr]


def test_saving_on_leave_does_not_read_back_what_the_next_record_replaces(qtbot, store, monkeypatch) -> None:
    """Leaving with unsaved typing saves it without reading the company back (the form shows the
    next record at once); a form that still shows it is read back when the event loop comes back."""
    ids = fill_demo(store)
    view = _view(qtbot, store)
    view.select_company(ids["viborg"])
    ed = view.editor
    loads: list[str] = []
    real_load = ed.load
    monkeypatch.setattr(ed, "load", lambda company_id: (loads.append(company_id), real_load(company_id)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    ed.employees.clear()
    qtbot.keyClicks(ed.employees, "1.200")
    other = view.proxy.mapFromSource(view.model.index(view.model.row_of_id(ids["skive"]), 0))
    view.table.setCurrentIndex(other)  # saved, then the next company shown
    assert ed.company_id == ids["skive"] and loads == [ids["skive"]]
    qtbot.wait(50)
    assert loads == [ids["skive"]]  # the saved one was not read back after all
    with store.session() as s:
        assert s.get(Company, ids["viborg"]).employees == 1200  # type: ignore[union-attr]
    # staying on the company (archiving it asks to save first): the form is read back a moment later
    ed.employees.clear()
    qtbot.keyClicks(ed.employees, "1.300")
    assert view.confirm_leave()
    assert ed.employees.text() == "1.300" and not ed.is_dirty()
    qtbot.waitUntil(lambda: ed.employees.text() == "1300", timeout=5000)
    assert loads[-1] == ids["skive"] and not ed.is_dirty()


def test_typing_saved_as_the_window_closes_is_in_the_store_after_it_closed(qtbot, store, monkeypatch) -> None:
    """Closing the window with unsaved typing and choosing »Gem«: the save is done before the
    window is gone, so closing the store right after (as quitting does) loses nothing."""
    from mægler_app.store.db import open_store

    ids = fill_demo(store)
    view = _view(qtbot, store)
    window = view.window()
    view.select_company(ids["viborg"])
    ed = view.editor
    ed.industry.clear()
    qtbot.keyClicks(ed.industry, "Gemt ved lukning")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert window.close()
    window.ctx.pool.waitForDone()  # as the app does before it closes the store
    store.close()
    qtbot.wait(50)  # nothing left to run against the closed store (no read back of a hidden form)
    again = open_store(store.profile)
    try:
        with again.session() as s:
            assert s.get(Company, ids["viborg"]).industry == "Gemt ved lukning"  # type: ignore[union-attr]
            entries = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == ids["viborg"])).all()
        assert any(e.data.get("industry") == "Gemt ved lukning" for e in entries)
    finally:
        again.close()
