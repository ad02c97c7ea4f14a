"""The app's look: calm, readable, with the sidebar navigation brokers use all day."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

STYLE = """
QMainWindow { background: #f6f7f9; }
QListWidget#nav {
    background: #1f3b57; color: #e8eef5; border: none; font-size: 14px; padding-top: 8px;
}
QListWidget#nav::item { padding: 10px 16px; border-left: 3px solid transparent; }
QListWidget#nav::item:selected { background: #2d5276; color: white; border-left: 3px solid #f2b134; }
QListWidget#nav::item:hover:!selected { background: #284a6b; }
QLabel#brand { background: #1f3b57; color: white; font-size: 18px; font-weight: bold; padding: 14px 16px 4px 16px; }
QLabel#brandSub { background: #1f3b57; color: #a9bdd1; font-size: 11px; padding: 0 16px 10px 16px; }
QLabel#viewTitle { font-size: 22px; font-weight: 600; color: #1f3b57; }
QLabel#viewSubtitle { color: #5b6b7b; }
QFrame#card { background: white; border: 1px solid #dde3ea; border-radius: 8px; }
QLabel#cardTitle { color: #5b6b7b; font-size: 12px; text-transform: uppercase; }
QLabel#cardValue { font-size: 26px; font-weight: 600; color: #1f3b57; }
QLabel#cardNote { color: #5b6b7b; font-size: 12px; }
QTableView { background: white; border: 1px solid #dde3ea; gridline-color: #eef1f4; selection-background-color: #cfe0f1; selection-color: black; }
QTableView:focus, QListView:focus { border: 1px solid #308cc6; }  /* the keyboard is here */
QHeaderView::section { background: #eef1f4; border: none; border-bottom: 1px solid #dde3ea; padding: 6px; font-weight: 600; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit { padding: 4px; }
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QTextEdit[readOnly="true"] {
    background: #eef1f4; color: #33404d; border: 1px solid #dde3ea; border-radius: 3px;
}
QStatusBar { background: #eef1f4; }
QProgressBar { background: white; border: 1px solid #c5ced8; border-radius: 3px; text-align: center; min-height: 18px; }
QProgressBar::chunk { background: #6d9fd1; border-radius: 2px; }
QLabel#warning { color: #8a5a00; background: #fff4d6; border: 1px solid #f2d38a; border-radius: 4px; padding: 6px; }
QLabel#error { color: #8b1a1a; background: #fde7e7; border: 1px solid #f0b4b4; border-radius: 4px; padding: 6px; }
QLabel#readOnlyNote { color: #1f3b57; background: #e6f0fa; border: 1px solid #b9d3ec; border-radius: 4px; padding: 6px; }
"""

# Colours a model hands to its views (a stylesheet cannot reach a single table cell).
ERROR_TEXT = "#8b1a1a"
ERROR_BACKGROUND = "#fde7e7"

# The figures' navy, and the budget's warning (amber) and over-the-frame (red) colours.
NAVY = "#1f3b57"
AMBER = "#d08a00"
RED = "#b3261e"
GREY = "#8a98a8"
ON_NAVY = "#ffffff"  # a label drawn on the navy (Programmet's funnel bars)
WARNING_TEXT = "#8a5a00"
MUTED_TEXT = "#7b8794"  # a row that no longer counts: an anonymised contact, a planned event
# A field that can be read but not changed (a finished screening, a submitted application): the
# style sheet above gives it this background when its readOnly property is set (see read_only()).
READ_ONLY_BACKGROUND = "#eef1f4"
# The budget bar's fill per level of domain.rules.budget_level: light enough for the bar's black text
BUDGET_BAR_COLOURS = {"ok": "#6d9fd1", "warn": "#f2b134", "over": "#e0625a"}


# The company register's rows: a little tighter than Qt's default, so more companies are in sight.
TABLE_ROW_HEIGHT = 26


def budget_bar_style(level: str) -> str:
    return f"QProgressBar::chunk {{ background: {BUDGET_BAR_COLOURS[level]}; }}"


def read_only(widget: QWidget, read_only: bool) -> None:
    """Make a line or text field read-only and look it: a style sheet reads the readOnly property
    only when the widget is polished, so it is polished again."""
    widget.setReadOnly(read_only)  # type: ignore[attr-defined]
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
