"""A card with one figure in large type, as the budget panel and the meetings view show them."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

_NAVY = "#1f3b57"


class FigureCard(QFrame):
    """A title over one figure; ``value`` is the figure's label, its object name ``name``."""

    def __init__(self, title: str, name: str, *, size_px: int, margins: tuple[int, int]) -> None:
        super().__init__()
        self.setObjectName("card")
        self._size_px = size_px
        self._lay = QVBoxLayout(self)
        horizontal, vertical = margins
        self._lay.setContentsMargins(horizontal, vertical, horizontal, vertical)
        head = QLabel(title)
        head.setObjectName("cardTitle")
        self.value = QLabel("–")
        self.value.setObjectName(name)
        self.set_colour(_NAVY)
        self._lay.addWidget(head)
        self._lay.addWidget(self.value)

    def set_colour(self, colour: str) -> None:
        """The figure's colour: navy, or a warning's."""
        self.value.setStyleSheet(f"font-size: {self._size_px}px; font-weight: 600; color: {colour};")
