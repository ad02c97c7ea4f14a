"""One application-wide signal: something in the store changed, so each view refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    # entity name ("company", "network", ...) or "*" for everything
    changed = Signal(str)
    # a status line for the status bar
    status_reported = Signal(str)
    # --- broker: a document was saved here (the status bar offers »Åbn mappe«; issue 20, item 3)
    file_saved = Signal(str)
