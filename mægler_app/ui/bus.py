"""One application-wide signal: something in the store changed, so each view refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    # entity name ("company", "network", ...) or "*" for everything
    changed = Signal(str)
    # a status line for the status bar
    status_reported = Signal(str)
