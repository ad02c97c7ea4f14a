"""Cards with one figure in large type, as the overview, the broker's page, the budget panel and
the meetings view show them."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from .style import NAVY, text_style


class FigureCard(QFrame):
    """A title over one figure; ``value`` is the figure's label, its object name ``name``.

    With ``size_px`` the figure carries its own size and colour; without it the application's
    style sheet dresses it (``QLabel#cardValue``). Without ``margins`` the layout keeps Qt's.
    ``stretch`` keeps the labels at the top when the card is taller than they need.
    """

    def __init__(
        self,
        title: str,
        name: str,
        *,
        size_px: int | None = None,
        margins: tuple[int, int] | None = None,
        stretch: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("card")
        self._size_px = size_px
        self._lay = QVBoxLayout(self)
        if margins is not None:
            horizontal, vertical = margins
            self._lay.setContentsMargins(horizontal, vertical, horizontal, vertical)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.value = QLabel("–")
        self.value.setObjectName(name)
        if size_px is not None:
            self.set_colour(NAVY)
        self._lay.addWidget(self.title)
        self._lay.addWidget(self.value)
        self._add_below_figure()
        if stretch:
            self._lay.addStretch(1)

    def _add_below_figure(self) -> None:
        """A subclass's widgets below the figure (and above the stretch); none here."""

    def set_colour(self, colour: str) -> None:
        """The figure's colour: navy, or a warning's."""
        if self._size_px is None:
            self.value.setStyleSheet(text_style(colour))
        else:
            self.value.setStyleSheet(text_style(colour, bold=True, size_px=self._size_px))


class NoteCard(FigureCard):
    """A figure card with a word-wrapped note (``note``, object name "cardNote") below the figure."""

    note: QLabel

    def _add_below_figure(self) -> None:
        self.note = QLabel("")
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        self._lay.addWidget(self.note)
