"""The keep-until date set on save (store/retention.py, the rule of domain/retention.py) and shown in
each document's PDF, read back with pypdf; one page rendered with pdftoppm to look at."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from mægler_app.reports.expense_report import write_expense_pdf
from mægler_app.reports.meeting_pdf import write_meeting_pdf
from mægler_app.reports.screening_pdf import write_screening_pdf
from mægler_app.store.models import Expense, LocalState, Meeting
from mægler_app.store.retention import SETTINGS_KEY, remember_settings
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import expenses, meetings
from mægler_app.store.services import screening as scr_svc
from mægler_app.ui.application.pdf import export_application

from .forms_fixtures import make_network as make_screened_network
from .meetings_support import make_network
from .test_application_pdf import _application
from .test_screening_pdf import finalize


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages))


def test_meeting_and_expense_pdfs_print_the_date_of_the_rule(store, tmp_path: Path) -> None:
    net = make_network(store)
    mid = meetings.save_meeting(
        store, meetings.MeetingInput(net.network_id, dt.datetime(2010, 6, 1, 8, tzinfo=dt.UTC), kind="other")
    )
    dec31 = expenses.save_expense(
        store, expenses.ExpenseInput(net.network_id, dt.date(2010, 12, 31), 120_00, description="Kaffe")
    )
    jan1 = expenses.save_expense(
        store, expenses.ExpenseInput(net.network_id, dt.date(2011, 1, 1), 80_00, description="Kage")
    )
    with store.session() as s:
        assert s.get(Meeting, mid).keep_until == dt.date(2016, 12, 31)
        assert s.get(Expense, dec31.id).keep_until == dt.date(2015, 12, 31)
        assert s.get(Expense, jan1.id).keep_until == dt.date(2016, 12, 31)
    text = _text(write_meeting_pdf(meetings.meeting_report_data(store, mid), tmp_path / "referat.pdf"))
    assert "Opbevares til 31. december 2016." in text
    report = tmp_path / "udgifter.pdf"
    text = _text(write_expense_pdf(expenses.expense_report_data(store, net.network_id), report))
    assert "Opbevares til 31. december 2015" in text and "Opbevares til 31. december 2016" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(report), str(tmp_path / "side")],
                       check=True)  # fmt: skip
        assert (tmp_path / "side-1.png").stat().st_size > 0


def test_new_settings_from_the_server_redate_and_the_pdf_follows(store, tmp_path: Path) -> None:
    net = make_network(store)
    mid = meetings.save_meeting(
        store, meetings.MeetingInput(net.network_id, dt.datetime(2010, 6, 1, 8, tzinfo=dt.UTC), kind="other")
    )
    with store.session() as s:
        s.info["from_server"] = True
        assert remember_settings(s, {"programme_end": "2013-06-30", "documentation_years": 10})
        assert s.get(LocalState, SETTINGS_KEY).value["programme_end"] == "2013-06-30"
    text = _text(write_meeting_pdf(meetings.meeting_report_data(store, mid), tmp_path / "referat.pdf"))
    assert "Opbevares til 30. juni 2023." in text


def test_application_and_screening_pdfs_print_the_date(store, tmp_path: Path) -> None:
    nid, _, _ = make_screened_network(store)
    view = finalize(store, nid)
    # finalised today, after the programme's configured end: the end of its own year + 5
    assert view.keep_until == dt.date(dt.datetime.now(dt.UTC).year + 5, 12, 31)
    text = _text(
        write_screening_pdf(scr_svc.screening_report_data(store, view.id), tmp_path / "screening.pdf")
    )
    assert f"Opbevares til {_danish(view.keep_until)}" in text
    # A draft is no document yet: no date, never purged; submitted, it is dated
    app_id = _application(store)
    assert app_svc.get_application(store, app_id).keep_until is None
    assert "Opbevares til fastsættes, når ansøgningen indsendes" in _text(
        export_application(store, app_id, tmp_path / "kladde.pdf")
    )
    app_svc.submit(store, app_id)
    detail = app_svc.get_application(store, app_id)
    assert detail.keep_until == dt.date(dt.datetime.now(dt.UTC).year + 5, 12, 31)
    text = _text(export_application(store, app_id, tmp_path / "ansøgning.pdf"))
    assert f"Opbevares til {_danish(detail.keep_until)}" in text


def _danish(day: dt.date) -> str:
    from mægler_app.domain.numbers import format_date

    return format_date(day)


def test_a_new_contact_s_consent_date_is_recorded_when_it_is_created(store) -> None:
    from mægler_app.store.demo import fill_demo
    from mægler_app.store.models import Contact
    from mægler_app.store.services import companies

    ids = fill_demo(store)
    today = dt.datetime.now(dt.UTC).date()
    without = companies.save_contact(store, ids["hammel"], companies.parse_contact("Ole", "", "", "", ""))
    given = companies.save_contact(
        store, ids["hammel"], companies.parse_contact("Eva", "", "", "", "3.2.2025")
    )
    with store.session() as s:
        assert s.get(Contact, without).consent_date == today
        assert s.get(Contact, given).consent_date == dt.date(2025, 2, 3)
    shown = {r.name: r.consent_date for r in companies.contacts(store, ids["hammel"])}
    assert shown["Ole"] == today and shown["Eva"] == dt.date(2025, 2, 3)
