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

# Text colours a widget sets on itself (the style sheet above names the same ones).
SUBTLE_TEXT = "#5b6b7b"  # an explanation beside or under a field
OK_TEXT = "#1e6b3a"  # "the rules are met"
PASSED_TEXT = "#1f5f4a"  # a passed screening's verdict
PASSED_BACKGROUND = "#e3f1e8"
INVALID_BORDER = "#c0392b"  # a field whose text cannot be used
# The sync marks on list rows (ui/sync_marks.py): waiting to be sent, a conflict, refused.
SYNC_PENDING, SYNC_CONFLICT, SYNC_REJECTED = "#5b7083", "#c77700", "#c62828"

# Titles above an editor or a page, in the figures' navy; their sizes in pixels.
EDITOR_TITLE_PX = 17
PAGE_TITLE_PX = 19
HELP_TEXT_PX = 11  # a question's help text under it
STAGE_COUNT_PX = 18
SURVEY_TITLE_PX = 16


def title_style(size_px: int) -> str:
    return f"font-size: {size_px}px; font-weight: 600; color: {NAVY};"


def text_style(colour: str, *, bold: bool = False, size_px: int | None = None) -> str:
    """A label's own colour (and weight, size), for a text that changes with what it says."""
    size = f"font-size: {size_px}px; " if size_px is not None else ""
    return size + ("font-weight: 600; " if bold else "") + f"color: {colour};"


# A note for the reader on a light blue ground (like QLabel#readOnlyNote above); the screening's
# messages on the same ground without a border, and its verdict's box.
NOTE_STYLE = (
    "color: #1f3b57; background: #e6f0fa; border: 1px solid #b9d3ec; border-radius: 4px; padding: 6px;"
)
NOTICE_STYLE = "color: #1f3b57; background: #e8f0f8; border-radius: 4px; padding: 6px;"
ERROR_NOTICE_STYLE = "color: #8b1a1a; background: #fde7e7; border-radius: 4px; padding: 6px;"
BOARD_HEADER_STYLE = "font-weight: 600; color: #1f3b57;"
INVALID_FIELD_STYLE = f"border: 1px solid {INVALID_BORDER};"


def verdict_box_style(passed: bool) -> str:
    background = PASSED_BACKGROUND if passed else ERROR_BACKGROUND
    return f"background: {background}; border-radius: 6px; padding: 8px;"


def board_card_style(padding_px: int) -> str:
    """The network board's cards (a stage's list of networks)."""
    return (
        "QListWidget::item { background: #f3f6f9; border: 1px solid #dde3ea; border-radius: 4px; "
        f"padding: {padding_px}px; }}"
        "QListWidget::item:selected { background: #cfe0f1; color: black; }"
    )


# The application editor's own sheet, local to it so the shared one stays small: its blocks read
# as white cards like Overblik.
APPLICATION_EDITOR_STYLE = """
QGroupBox { background: white; border: 1px solid #dde3ea; border-radius: 8px; margin-top: 16px;
            padding: 12px 10px 10px 10px; font-weight: 600; color: #1f3b57; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QPlainTextEdit, QGroupBox QTableView,
QGroupBox QRadioButton, QGroupBox QCheckBox, QGroupBox QPushButton { font-weight: normal; color: black; }
QLabel#blockHelp { color: #5b6b7b; }
QLabel#editorTitle { font-size: 18px; font-weight: 600; color: #1f3b57; }
QLabel#statusChip { border-radius: 10px; padding: 3px 12px; background: #eef1f4; color: #1f3b57; font-weight: 600; }
QLabel#statusChip[status="pending"] { background: #fff4d6; color: #8a5a00; }
QLabel#statusChip[status="submitted"] { background: #e3ecf7; color: #1f3b57; }
QLabel#statusChip[status="approved"] { background: #e3f1e8; color: #1f5f3a; }
QLabel#statusChip[status="rejected"] { background: #fde7e7; color: #8b1a1a; }
QLabel#decision { padding: 4px 0; }
QLabel#error { color: #8b1a1a; background: #fde7e7; border: 1px solid #f0b4b4; border-radius: 4px; padding: 6px; }
QLabel#warning { color: #8a5a00; background: #fff4d6; border: 1px solid #f2d38a; border-radius: 4px; padding: 6px; }
"""
STAGE_COUNT_STYLE = f"QLabel#stageCount {{ {title_style(STAGE_COUNT_PX)} }}"


def bar_style(colour: str) -> str:
    """A progress bar's fill."""
    return f"QProgressBar::chunk {{ background: {colour}; }}"


def budget_bar_style(level: str) -> str:
    return bar_style(BUDGET_BAR_COLOURS[level])


def read_only(widget: QWidget, read_only: bool) -> None:
    """Make a line or text field read-only and look it: a style sheet reads the readOnly property
    only when the widget is polished, so it is polished again."""
    widget.setReadOnly(read_only)  # type: ignore[attr-defined]
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
