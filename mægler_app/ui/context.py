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
    from .programme.loader import ProgrammeLoader
    from .sync.controller import SyncController


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
        if profile is None:
            if store is None:
                raise ValueError("AppContext needs a store or a profile")
            profile = store.profile
        self._store = store
        self._lock = threading.Lock()
        self.profile = Path(profile)
        self.demo = demo
        self.bus = bus or Bus()
        self.pool = pool or QThreadPool.globalInstance()
        # made once, when first asked for (sync.controller.controller_for, programme.loader.loader_for)
        self.sync_controller: SyncController | None = None
        self.programme_loader: ProgrammeLoader | None = None

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
