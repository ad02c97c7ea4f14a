"""The one report template (reports/template.py): every letter printed as it is, read back with pypdf."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from mægler_app.reports import template
from mægler_app.reports.template import ReportDocument, boxed, grid_table, heading, key_value_table, para

TEXT = "æøå ÆØÅ ś č ő € “quotes” – dash"


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_every_letter_is_printed_as_it_is(tmp_path: Path) -> None:
    path = ReportDocument(tmp_path / "tegn.pdf", f"Titel {TEXT}", broker="Michał Wiśniewski").build(
        [heading(TEXT), para(TEXT), grid_table(["Kolonne"], [[TEXT]], [1])]
    )
    text = _text(path)
    lines = text.splitlines()
    assert lines.count(TEXT) >= 3  # the heading, the paragraph and the table cell, each whole
    assert "Netværksmægler: Michał Wiśniewski" in text  # the footer too
    assert "?" not in text  # nothing approximated


def test_the_fonts_are_embedded_from_resources(tmp_path: Path) -> None:
    assert (template.fonts_dir() / "LICENSE-DejaVu.txt").is_file()
    story = [
        para(TEXT),
        para(TEXT, "cell_muted"),
        key_value_table([("Nøgle", TEXT)]),
        grid_table(["A", "B"], [[TEXT, ""]], [1, 1]),
        boxed([para(TEXT)]),
    ]
    path = ReportDocument(tmp_path / "skrift.pdf", "Skrift").build(story)
    fonts = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded, not a system font
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}  # no standard font at all


def test_a_long_title_gives_way_in_the_footer_and_the_broker_stays_whole(tmp_path: Path) -> None:
    title = "Ansøgning om handlingsplan – " + "Fødevareudstyr til Rusland " * 4
    path = ReportDocument(tmp_path / "lang.pdf", title, broker="Ane Sørensen").build([para("x")])
    text = _text(path)
    assert "…" in text and "Netværksmægler: Ane Sørensen" in text and "Side 1 af 1" in text
