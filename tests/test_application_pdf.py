"""The application PDF, read back with pypdf: names, CVRs, hours and each company's share."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from mægler_app.domain.cvr import format_cvr
from mægler_app.domain.numbers import format_kr, parse_kr
from mægler_app.reports.application_pdf import render_application_pdf
from mægler_app.store.demo import fill_demo
from mægler_app.store.services import applications as svc
from mægler_app.store.services.overview import set_state


def export_application(store, app_id: str, path):
    """As the app does it: the service gives the plain data, the report writes it."""
    return render_application_pdf(svc.application_report_data(store, app_id), path)


def _text(path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _application(store, network_key: str = "network:2") -> str:
    ids = fill_demo(store)
    app_id = svc.create_application(store, ids[network_key])
    d = svc.get_application(store, app_id).draft
    d.market_perspective = "Afsætning i Rusland gennem et fælles salgsselskab."
    d.economic_perspective = "Omsætningen på markedet ventes at vokse år for år."
    d.technology_perspective = "Fælles procesanlæg med køl, transport og pakning."
    d.strategy_perspective = "Fælles ledelse af salgsselskabet; kompetenceudvikling i eksport."
    d.consultant_by_vaeksthus = True
    d.consultant_hours = 451 - 1
    d.hourly_rate_ore = parse_kr("1.000,01")
    d.period_months = 12
    d.split_mode = "custom"
    members = svc.get_application(store, app_id).network.members
    keys = [4000, 2500, 2000, 1500] if len(members) == 4 else [4000, 3500, 2500]
    d.split_basis_points = dict(zip([m.company_id for m in members], keys, strict=True))
    d.expected_growth = {
        members[0].company_id: {"turnover_ore": parse_kr("3.000.000"), "turnover_pct_bp": 1250}
    }
    svc.save_draft(store, app_id, d)
    return app_id


def test_pdf_reads_back_names_cvrs_hours_and_shares(store, tmp_path) -> None:
    app_id = _application(store)
    set_state(store, "account", {"server_url": "http://127.0.0.1:1", "username": "Ane Sørensen"})
    path = export_application(store, app_id, tmp_path / "ansøgning.pdf")
    text, reader = _text(path)
    detail = svc.get_application(store, app_id)
    assert len(reader.pages) >= 3
    assert "Side 1 af" in text and f"Side {len(reader.pages)} af {len(reader.pages)}" in text
    assert "Fødevareudstyr til Rusland (joint venture)" in text
    for share in detail.budget.shares:
        assert share.name in text
        assert format_cvr(share.cvr) in text
        assert share.amount_ore is not None and format_kr(share.amount_ore) in text
    # 450 × 1.000,01 = 450.004,50; the companies' half is 225.002,25 and the shares add up to it
    assert "450 timer" in text
    assert "450.004,50 kr." in text and "225.002,25 kr." in text
    assert sum(s.amount_ore or 0 for s in detail.budget.shares) == parse_kr("225.002,25")
    assert "40 %" in text and "15 %" in text
    assert "Væksthus foreslår en konsulent" in text
    assert "Ane Sørensen" in text
    assert "3.000.000,00 kr." in text and "+12,5 %" in text
    assert "Kladde" in text
    assert reader.metadata is not None and reader.metadata.author == "Ane Sørensen"


def test_pdf_of_a_decided_application_shows_the_decision(store, tmp_path) -> None:
    app_id = _application(store)
    svc.submit(store, app_id)
    svc.apply_decision(
        store, app_id, "rejected", "Budgettet er ikke begrundet.", dt.datetime(2026, 3, 7, 12, tzinfo=dt.UTC)
    )
    text, _ = _text(export_application(store, app_id, tmp_path / "afslag.pdf"))
    assert "Væksthus' afgørelse" in text and "Afslået" in text
    assert "Budgettet er ikke begrundet." in text and "7. marts 2026" in text
    assert "Kladde" not in text


def test_default_location_is_the_profile(store) -> None:
    from mægler_app.ui.application.pdf import export_application as export

    app_id = _application(store, "network:1")
    path = export(store, app_id)
    assert path.parent == store.profile / "rapporter"
    assert path.name.endswith("-v1.pdf") and path.read_bytes().startswith(b"%PDF")


# --- effects: measured growth beside the expected (issue 19)
def test_pdf_shows_measured_growth_once_figures_exist(store, tmp_path) -> None:
    from mægler_app.store.services import companies as companies_svc
    from mægler_app.store.services import effects as effects_svc

    app_id = _application(store)
    text, _ = _text(export_application(store, app_id, tmp_path / "uden.pdf"))
    assert "Målt vækst" not in text  # no figures yet: only the expected growth
    members = svc.get_application(store, app_id).network.members
    first = members[0].company_id
    companies_svc.save_key_figures(
        store,
        first,
        [
            companies_svc.KeyFigures(2022, 1_000_000_00, 400_000_00, 100_000_00, 10),
            companies_svc.KeyFigures(2024, 1_210_000_00, 380_000_00, None, 13),
        ],
    )
    effects_svc.set_baseline_year(store, first, 2022)
    path = export_application(store, app_id, tmp_path / "med.pdf")
    text, _ = _text(path)
    assert "Målt vækst pr. virksomhed" in text
    assert "+10 %" in text  # 1,0 → 1,21 mio. over two years: exactly 10 % a year
    assert "2022" in text and "+3" in text
