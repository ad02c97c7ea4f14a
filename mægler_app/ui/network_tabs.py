"""Extension point: the tabs of a network's own page, one line per feature.

Each entry is (tab title, the function that imports the tab's class); the class is a QWidget made
as ``Class(ctx, network_id)`` and may define ``reload()``. Imported when a network's page is
built, so a feature's heavy imports stay off the start-up path.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from .context import AppContext

# what a tab's class is: made as ``Class(ctx, network_id)``
TabFactory = Callable[[AppContext, str], QWidget]
TabClass = Callable[[], TabFactory]


def _screening() -> TabFactory:
    from .forms.screening import ScreeningWidget

    return ScreeningWidget


def _meetings() -> TabFactory:
    from .meetings.network_tab import NetworkActivityTab

    return NetworkActivityTab


def _application() -> TabFactory:
    from .application.network_tab import ApplicationTab

    return ApplicationTab


def _effects() -> TabFactory:  # --- effects
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
    widget = tab_class()(ctx, network_id)
    assert isinstance(widget, QWidget)
    return widget
