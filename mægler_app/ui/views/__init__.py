"""The main views, in navigation order. A feature adds its view class here (one line)."""

from __future__ import annotations

from ..companies.view import CompaniesView
from ..networks.view import NetworksView
from .base import View
from .overview import OverviewView
from .simple import ActivityView, ApplicationsView, SyncView

VIEW_CLASSES: list[type[View]] = [
    OverviewView,
    CompaniesView,
    NetworksView,
    ActivityView,
    ApplicationsView,
    SyncView,
]
