"""A document's keep-until date, shown on its view (issue 21 item 2; domain/retention.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from ..domain.messages import Msg


class KeepUntilLabel(QLabel):
    """ "Opbevares til 31. december 2016": the saved record's date, or the date the rule gives what
    is typed now (before the first save)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepUntil")
        self.show_date(None)

    def show_date(self, day: dt.date | None) -> None:
        text = Msg.RETENTION_KEEP_UNTIL(d=day) if day is not None else Msg.RETENTION_KEEP_UNTIL_NONE()
        self.setText(str(text))
        self.setToolTip(
            self.tr(
                "Udgifter med bilag gemmes 5 år efter regnskabsårets udløb; referater, screeninger og "
                "ansøgninger 5 år efter programperiodens slut. Derefter slettes de."
            )
        )
