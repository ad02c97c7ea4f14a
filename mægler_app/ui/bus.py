"""One application-wide signal: something in the store changed, so each view refreshes itself.

Only ``ui/ops.py`` emits ``changed``: a use case says what it changed (``domain.changes.Changes``),
ops announces it once, and each listener looks in it for the entities it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    # a domain.changes.Changes: the entities (and ids) a use case or a sync changed
    changed = Signal(object)
    # a status line for the status bar
    status_reported = Signal(str)
    # --- broker: a document was saved here (the status bar offers »Åbn mappe«; issue 20, item 3)
    file_saved = Signal(str)
