"""ui/fit.py's ElidedLabel: a long one-line text gives way to its row instead of widening the window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from mægler_app.ui.fit import ElidedLabel

TEXT = "Afsluttet 28. oktober 2026 kl. 12.00 · Ikke bestået · skema version 1"


def _row(qtbot, label: QLabel) -> QWidget:  # type: ignore[no-untyped-def]
    row = QWidget()
    qtbot.addWidget(row)
    lay = QHBoxLayout(row)
    lay.addWidget(label, 1)
    lay.addWidget(QPushButton("Eksportér PDF"))
    row.resize(260, 40)
    row.show()
    qtbot.waitExposed(row)
    return row


def test_a_cut_text_is_elided_with_the_whole_as_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = QLabel(TEXT)
    label = ElidedLabel(TEXT)
    assert label.minimumSizeHint().width() < plain.minimumSizeHint().width() // 3
    row = _row(qtbot, label)
    assert row.width() == 260  # a plain QLabel would have widened the row to its whole text
    assert label.text() == TEXT and label.is_cut()
    assert label.shown_text().endswith("…") and TEXT.startswith(label.shown_text()[:-1].rstrip())
    assert label.toolTip() == TEXT
    row.resize(900, 40)
    qtbot.waitUntil(lambda: not label.is_cut())
    assert label.shown_text() == TEXT and label.toolTip() == ""
    label.setText("Kladde")
    assert label.shown_text() == "Kladde" and label.toolTip() == ""


def test_a_plain_label_widens_its_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What ElidedLabel is for (and that the row above would show it)."""
    row = _row(qtbot, QLabel(TEXT))
    assert row.width() > 260


def test_a_group_box_title_gives_way_to_its_contents(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QGroupBox, QLineEdit, QVBoxLayout

    from mægler_app.ui.fit import ElidedGroupBox

    title = "Hammel Overfladebehandling og Industrilakering af Store Emner A/S (CVR 76435979)"
    plain, box = QGroupBox(title), ElidedGroupBox(title)
    for b in (plain, box):
        QVBoxLayout(b).addWidget(QLineEdit())
    assert box.minimumSizeHint().width() < plain.minimumSizeHint().width() // 2
    row = _row(qtbot, box)
    assert row.width() == 260
    assert box.title().endswith("…") and box.toolTip() == title == box.full_title() == box.accessibleName()
    row.resize(1000, 80)
    qtbot.waitUntil(lambda: box.title() == title)
    assert box.toolTip() == ""
