"""The minutes of a meeting as a PDF, read back with pypdf."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from mægler_app.reports.meeting_pdf import write_meeting_pdf
from mægler_app.store.services import meetings

from .meetings_support import make_network


def test_minutes_pdf_reads_back(store, tmp_path) -> None:
    net = make_network(store)
    mid = meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime(2026, 4, 14, 8, 30, tzinfo=dt.UTC),
            kind="strategic_starting_point",
            place="Herning Paneler, mødelokale 2",
            participant_contact_ids=net.contact_ids,
            other_participants="Lars Riis (AU Herning), Michał Wiśniewski (Kyiv: Київ)",
            agenda="1. Velkomst\n2. Hver virksomheds strategi & ønsker <kort>",
            minutes="Alle tre fortalte om deres marked.",
            decisions="Fælles stand på messen undersøges.",
            next_steps=[meetings.NextStep("Indhente tilbud på stand", "Mette Lund", dt.date(2026, 5, 1))],
            dimensions=["vision"],
        ),
    )
    path = write_meeting_pdf(meetings.meeting_report_data(store, mid), tmp_path / "referat.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Referat" in text
    assert "Afdækning af strategisk udgangssituation" in text
    assert "Vindnetværket" in text and "Herning Paneler, mødelokale 2" in text
    for name in ("Jens Kragh", "Mette Lund", "Søren Ø", "Lars Riis (AU Herning)"):
        assert name in text
    assert "2. Hver virksomheds strategi & ønsker <kort>" in text
    assert "Fælles stand på messen undersøges." in text
    assert "Indhente tilbud på stand" in text and "1. maj 2026" in text and "Åben" in text
    assert "Struktur og bemanding" in text
    assert "Side 1 af 1" in text
    # The embedded font draws every letter as it is: none approximated, none a black box.
    assert "Michał Wiśniewski (Kyiv: Київ)" in text
