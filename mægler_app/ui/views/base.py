"""A main view: a page in the main window that refreshes itself from the store when shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.changes import Changes
from .. import keyboard
from ..context import AppContext


class View(QWidget):
    """Subclasses set ``key``/``title``/``shortcut`` and implement ``reload()``.

    ``refresh()`` reloads now if the view is visible, else on the next show, so start-up only pays
    for the first view.
    """

    key = "view"
    title = "Visning"
    shortcut = ""
    # entities whose changes make this view stale ("*" for all)
    watches: tuple[str, ...] = ("*",)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._stale = True
        self.setObjectName(f"view_{self.key}")
        keyboard.scope(self)  # Tab stays on the page, in reading order
        ctx.bus.changed.connect(self._on_changed)

    def heading(self, text: str, sub: str = "") -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 8)
        title = QLabel(text)
        title.setObjectName("viewTitle")
        lay.addWidget(title)
        if sub:
            subtitle = QLabel(sub)
            subtitle.setObjectName("viewSubtitle")
            subtitle.setWordWrap(True)
            lay.addWidget(subtitle)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        keyboard.label_inputs(self)  # the page is built by now: every input gets its name
        super().showEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if "*" in self.watches or changes.touches(*self.watches):
            self.refresh()

    def refresh(self) -> None:
        self._stale = True
        if self.isVisible():
            self._stale = False
            self.reload()

    def ensure_loaded(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def confirm_leave(self) -> bool:
        """Before the window closes: False keeps it open (unsaved typing the broker wants to keep)."""
        return True

    def reload(self) -> None:  # pragma: no cover - every view overrides it
        raise NotImplementedError
