"""PySide6: windows, views, item models, dialogs. The only layer that imports Qt widgets."""

import sys
from typing import Any

import PySide6.QtCore  # noqa: F401 - loads shiboken's import hook, which the lines below tame

from . import pyside_guard

# Before any widget exists: PySide6 6.12 on Python 3.11 drops references to None/True (see there).
pyside_guard.apply()

# PySide6 replaces __import__ and, for every module imported after it, reads that module's source
# to look for `from __feature__ import ...` (napari/napari#8584): about a second of start-up for
# SQLAlchemy and our store alone. Mægler uses no __feature__ options, so the answer is always no.
for _name in ("shibokensupport.feature", "PySide6.support.feature"):
    _feature: Any = sys.modules.get(_name)
    if _feature is not None and hasattr(_feature, "_mod_uses_pyside"):
        _feature._mod_uses_pyside = lambda module: False
