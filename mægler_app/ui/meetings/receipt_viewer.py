"""Showing a receipt inside the app: photos as a picture, PDFs handed to the system's viewer.

--- receipts: a receipt not on this computer yet (a new laptop fetches receipts after the records)
is fetched from the server when it is opened, in a worker, and shown when it arrives."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...domain.numbers import format_file_size
from ...store.db import Store
from ...store.services import blobs
from ..worker import Worker, start
from .exports import open_file

if TYPE_CHECKING:
    from ..context import AppContext


def _fetch_job(store: Store, token: str | None, sha256: str) -> Path:
    """In a worker: the receipt from the server (the account's Api; the keyring is read here too)."""
    from ...sync.receipts import fetch_receipt
    from ...sync.service import api_for

    api = api_for(store, token)
    try:
        return fetch_receipt(store, api, sha256)
    finally:
        api.close()


class ReceiptViewer(QDialog):
    def __init__(
        self,
        store: Store,
        sha256: str,
        name: str,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptViewer")
        self.setWindowTitle(self.tr("Kvittering: %1").replace("%1", name or sha256[:12]))
        self.resize(640, 720)
        self.store = store
        self.sha256 = sha256
        self.name = name
        self.path = blobs.blob_path(store, sha256)
        lay = QVBoxLayout(self)
        self.image = QLabel()
        self.image.setObjectName("receiptImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)
        self.pixmap = QPixmap()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        lay.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Åbn i standardprogram"))
        self.open_button.clicked.connect(self.open_external)
        close = QPushButton(self.tr("Luk"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.fetching: Worker | None = None
        self._show_file()
        if not self.path.is_file() and ctx is not None:
            self._fetch(ctx)

    def _show_file(self) -> None:
        info = blobs.blob_info(self.store, self.sha256)
        self.open_button.setEnabled(self.path.is_file())
        if not self.path.is_file():
            self.image.setText(self.tr("Kvitteringen er ikke hentet til denne computer endnu."))
        elif self._is_picture(info) and self.pixmap.load(str(self.path)):
            self.image.setPixmap(
                self.pixmap.scaled(
                    600, 640, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            size = format_file_size(info.size if info else self.path.stat().st_size)
            self.image.setText(
                self.tr("%1 (%2) kan ikke vises her. Åbn den i standardprogrammet.")
                .replace("%1", self.name or self.tr("Bilaget"))
                .replace("%2", size)
            )

    @staticmethod
    def _is_picture(info: blobs.StoredBlob | None) -> bool:
        """A photo by its type, or one fetched from the server, whose type is known by its content only."""
        return info is not None and (
            info.mime.startswith("image/") or info.mime == "application/octet-stream"
        )

    # --- receipts
    def _fetch(self, ctx: AppContext) -> None:
        from ..sync.controller import controller_for

        token = controller_for(ctx).token()
        self.image.setText(self.tr("Henter kvitteringen fra serveren…"))
        worker = Worker(_fetch_job, self.store, token, self.sha256)
        worker.signals.finished.connect(self._fetched)
        worker.signals.failed.connect(self._fetch_failed)
        self.fetching = worker
        start(worker, ctx.pool)

    def _fetched(self, _path: Any) -> None:
        self.fetching = None
        self._show_file()

    def _fetch_failed(self, message: str) -> None:
        self.fetching = None
        self.image.setText(
            self.tr("Kvitteringen er ikke hentet til denne computer endnu.") + "\n\n" + message
        )

    def open_external(self) -> Path:
        """A copy under the receipt's own name: the stored file is named by its hash, without a type."""
        folder = Path(tempfile.gettempdir()) / "maegler-bilag"
        folder.mkdir(exist_ok=True)
        target = folder / (Path(self.name).name or self.path.name)
        shutil.copyfile(self.path, target)
        open_file(target)
        return target
