"""A draft application typed in until it can be submitted (shared by the editor's tests)."""

from __future__ import annotations

from mægler_app.ui.application.editor import ApplicationEditor

PERSPECTIVES = (
    "market_perspective",
    "economic_perspective",
    "technology_perspective",
    "strategy_perspective",
)


def type_complete_draft(ed: ApplicationEditor) -> None:
    """Every block a submission needs, typed as a broker would."""
    for key in PERSPECTIVES:
        ed.texts[key].setPlainText("Beskrevet af mægleren.")
    ed.consultant_name.setText("Karen Møller")
    ed.consultant_firm.setText("Møller Strategi ApS")
    ed.hours.setText("300")
    ed.months.setText("6")
    ed.rate.setText("950,00")
