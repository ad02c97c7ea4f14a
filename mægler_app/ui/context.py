"""What every view gets: the profile's store, the bus, the thread pool and the settings.

The store (SQLAlchemy and our models) loads lazily: start-up paints the window from the
standard-library reader in ``store/quick.py`` and loads the store right after, in a worker.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThreadPool

from .bus import Bus

if TYPE_CHECKING:
    from ..store.db import Store


class AppContext:
    def __init__(
        self,
        store: Store | None = None,
        *,
        profile: Path | None = None,
        demo: bool = False,
        bus: Bus | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        if store is None and profile is None:
            raise ValueError("AppContext needs a store or a profile")
        self._store = store
        self._lock = threading.Lock()
        self.profile: Path = Path(profile) if profile is not None else store.profile  # type: ignore[union-attr]
        self.demo = demo
        self.bus = bus or Bus()
        self.pool = pool or QThreadPool.globalInstance()

    @property
    def store(self) -> Store:
        """The profile's store, opened on first use (normally already by the start-up worker)."""
        with self._lock:
            if self._store is None:
                from ..store.db import open_store

                self._store = open_store(self.profile)
            return self._store

    @property
    def store_loaded(self) -> bool:
        return self._store is not None

    def load_store(self) -> None:
        """Open the store now (call it from a worker to keep the GUI thread free)."""
        _ = self.store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def settings(self) -> QSettings:
        """Window geometry and little else, kept in the profile so each profile remembers its own."""
        return QSettings(str(self.profile / "vindue.ini"), QSettings.Format.IniFormat)
