"""Showing a receipt inside the app: photos as a picture, PDFs handed to the system's viewer."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...domain.numbers import format_file_size
from ...store.db import Store
from ...store.services import blobs
from .exports import open_file


class ReceiptViewer(QDialog):
    def __init__(self, store: Store, sha256: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptViewer")
        self.setWindowTitle(self.tr("Kvittering: %1").replace("%1", name or sha256[:12]))
        self.resize(640, 720)
        self.path = blobs.blob_path(store, sha256)
        info = blobs.blob_info(store, sha256)
        lay = QVBoxLayout(self)
        self.image = QLabel()
        self.image.setObjectName("receiptImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pixmap = QPixmap()
        if not self.path.is_file():
            self.image.setText(self.tr("Kvitteringen er ikke hentet til denne computer endnu."))
        elif info is not None and info.mime.startswith("image/") and self.pixmap.load(str(self.path)):
            self.image.setPixmap(
                self.pixmap.scaled(
                    600, 640, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            size = format_file_size(info.size if info else self.path.stat().st_size)
            self.image.setText(
                self.tr("%1 (%2) kan ikke vises her. Åbn den i standardprogrammet.")
                .replace("%1", name or self.tr("Bilaget"))
                .replace("%2", size)
            )
            self.image.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        lay.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Åbn i standardprogram"))
        self.open_button.setEnabled(self.path.is_file())
        self.open_button.clicked.connect(self.open_external)
        close = QPushButton(self.tr("Luk"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.name = name

    def open_external(self) -> Path:
        """A copy under the receipt's own name: the stored file is named by its hash, without a type."""
        folder = Path(tempfile.gettempdir()) / "maegler-bilag"
        folder.mkdir(exist_ok=True)
        target = folder / (Path(self.name).name or self.path.name)
        shutil.copyfile(self.path, target)
        open_file(target)
        return target
