"""Extension point: the tabs of a network's own page, one line per feature.

Each entry is (tab title, "module:Class"); the class is a QWidget made as ``Class(ctx, network_id)``
and may define ``reload()``. Imported lazily, so a feature's heavy imports stay off the start-up path.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from .context import AppContext
from .noop import QT_TR_NOOP

NETWORK_TABS: list[tuple[str, str]] = [
    (QT_TR_NOOP("Screening"), "mægler_app.ui.forms.screening:ScreeningWidget"),
    (QT_TR_NOOP("Møder og udgifter"), "mægler_app.ui.meetings.network_tab:NetworkActivityTab"),
    (QT_TR_NOOP("Ansøgning"), "mægler_app.ui.application.network_tab:ApplicationTab"),
    # --- effects
    (QT_TR_NOOP("Effekter"), "mægler_app.ui.effects.network_tab:NetworkEffectsTab"),
]


def make_tab(spec: str, ctx: AppContext, network_id: str) -> QWidget:
    module_name, _, cls_name = spec.partition(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    widget = cls(ctx, network_id)
    assert isinstance(widget, QWidget)
    return widget
