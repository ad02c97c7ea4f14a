"""The screening report as PDF, read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from mægler_app.domain.names import safe_filename
from mægler_app.forms import bundled_registry
from mægler_app.reports.screening_pdf import write_screening_pdf
from mægler_app.reports.template import HEADER_TEXT
from mægler_app.store.services import screening as svc

from .forms_fixtures import complete_answers, make_network


def pdf_text(path: Path) -> tuple[list[str], str]:
    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return pages, "\n".join(pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def finalize(store, nid: str, **changes):
    view = svc.start_screening(store, nid)
    defn = bundled_registry().get(view.form_id, view.form_version)
    answers = complete_answers(defn, svc.form_context(store, nid), {**view.answers, **changes})
    svc.save_answers(store, view.id, answers)
    return svc.finalize_screening(store, view.id).screening


def test_passed_screening_pdf_has_network_members_answers_verdict_and_pages(store, tmp_path: Path) -> None:
    nid, _, cvrs = make_network(
        store,
        name="Østjysk Fødevarenetværk",
        members=[
            ("Århus Æblemost ApS", 14, False),
            ("Brødrene Ørsted A/S", 60, False),
            ("Skærbæk Køl", 30, False),
            ("Aarhus Universitet", None, True),
        ],
    )
    view = finalize(
        store,
        nid,
        frame_hvordan={"value": "partly", "comment": "Betingelserne aftales på næste møde."},
        broker_assessment="Stærkt netværk med fælles eksportmål.",
    )
    report = svc.screening_report_data(store, view.id, broker="Karen Søgaard")
    path = write_screening_pdf(report, tmp_path / "rapport.pdf")
    pages, text = pdf_text(path)
    t = flat(text)
    assert "Østjysk Fødevarenetværk" in t
    for cvr in cvrs:
        assert cvr in t
    for name in ("Århus Æblemost ApS", "Brødrene Ørsted A/S", "Skærbæk Køl", "Aarhus Universitet"):
        assert name in t
    assert "Resultat: Bestået" in t
    assert "Netværket opfylder programmets kriterier" in t
    assert "Betingelserne aftales på næste møde." in t
    assert "Stærkt netværk med fælles eksportmål." in t
    assert "Karen Søgaard" in t
    assert "version 1" in t
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert HEADER_TEXT in flat(page)
        assert f"Side {i} af {n}" in flat(page)
    # Every relevant question is in the report's plain data, and in the PDF.
    relevant = svc.screening_report(store, view.id).evaluation.relevant
    assert sum(sec.size for sec in report.sections) == len(relevant)
    for slot in relevant:
        assert flat(slot.question.label)[:40] in t


def test_not_passed_pdf_states_the_reasons(store, tmp_path: Path) -> None:
    nid, _, _ = make_network(store, name="Netværk uden potentiale")
    view = finalize(store, nid, business_potential={"value": "no", "comment": ""}, knowledge_openness="no")
    path = write_screening_pdf(svc.screening_report_data(store, view.id), tmp_path / "ikke.pdf")
    t = flat(pdf_text(path)[1])
    assert "Resultat: Ikke bestået" in t
    assert "ikke et reelt forretningsmæssigt potentiale" in t
    assert "ikke en åben indstilling" in t


def test_draft_pdf_is_marked_as_draft(store, tmp_path: Path) -> None:
    nid, _, cvrs = make_network(store, name="Kladdenetværk")
    view = svc.start_screening(store, nid)
    path = write_screening_pdf(svc.screening_report_data(store, view.id), tmp_path / "kladde.pdf")
    t = flat(pdf_text(path)[1])
    assert "Kladde, ikke afsluttet" in t
    assert "Foreløbig vurdering (kladde)" in t
    assert "ikke besvaret" in t
    assert all(c in t for c in cvrs)
    assert not (tmp_path / "kladde.pdf.tmp").exists()


def test_safe_filename_keeps_danish_letters() -> None:
    assert (
        safe_filename("Fødevareudstyr til Rusland (joint venture)")
        == "Fødevareudstyr-til-Rusland-joint-venture"
    )
    assert safe_filename("  /// ") == "rapport"


def test_the_report_prints_the_profile_s_display_name_or_says_none_is_given(store, tmp_path: Path) -> None:
    from mægler_app.store.services.overview import set_display_name

    nid, _, _ = make_network(store, name="Netværk med navn")
    view = finalize(store, nid)
    never_logged_in = flat(
        pdf_text(write_screening_pdf(svc.screening_report_data(store, view.id), tmp_path / "a.pdf"))[1]
    )
    assert "Netværksmægler ikke angivet" in never_logged_in
    set_display_name(store, "Karen Søgaard")  # as the sync service does at login
    named = write_screening_pdf(svc.screening_report_data(store, view.id), tmp_path / "b.pdf")
    assert "Netværksmægler Karen Søgaard" in flat(pdf_text(named)[1])
    assert PdfReader(str(named)).metadata.author == "Karen Søgaard"
