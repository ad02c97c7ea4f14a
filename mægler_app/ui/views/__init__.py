"""The main views, in navigation order. A feature adds its view class here (one line)."""

from __future__ import annotations

from ..sync.view import SyncView
from .base import View
from .overview import OverviewView
from .simple import ActivityView, ApplicationsView, CompaniesView, NetworksView

VIEW_CLASSES: list[type[View]] = [
    OverviewView,
    CompaniesView,
    NetworksView,
    ActivityView,
    ApplicationsView,
    SyncView,
]
