"""What every view gets: the store, the bus, the thread pool and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool

from ..store.db import Store
from .bus import Bus


@dataclass
class AppContext:
    store: Store
    bus: Bus = field(default_factory=Bus)
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    demo: bool = False

    @property
    def profile(self) -> Path:
        return self.store.profile

    def settings(self) -> QSettings:
        """Window geometry and little else, kept in the profile so each profile remembers its own."""
        return QSettings(str(self.profile / "vindue.ini"), QSettings.Format.IniFormat)
