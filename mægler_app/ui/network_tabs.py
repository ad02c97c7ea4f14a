"""Extension point: the tabs of a network's own page, one line per feature.

Each entry is (tab title, the function that imports the tab's class); the class is a QWidget made
as ``Class(ctx, network_id)`` and may define ``reload()``. Imported when a network's page is
built, so a feature's heavy imports stay off the start-up path.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from .context import AppContext

TabClass = Callable[[], type[QWidget]]


def _screening() -> type[QWidget]:
    from .forms.screening import ScreeningWidget

    return ScreeningWidget


def _meetings() -> type[QWidget]:
    from .meetings.network_tab import NetworkActivityTab

    return NetworkActivityTab


def _application() -> type[QWidget]:
    from .application.network_tab import ApplicationTab

    return ApplicationTab


def _effects() -> type[QWidget]:  # --- effects
    from .effects.network_tab import NetworkEffectsTab

    return NetworkEffectsTab


NETWORK_TABS: list[tuple[str, TabClass]] = [
    ("Screening", _screening),
    ("Møder og udgifter", _meetings),
    ("Ansøgning", _application),
    # --- effects
    ("Effekter", _effects),
]


def make_tab(tab_class: TabClass, ctx: AppContext, network_id: str) -> QWidget:
    widget = tab_class()(ctx, network_id)  # type: ignore[call-arg]
    assert isinstance(widget, QWidget)
    return widget
