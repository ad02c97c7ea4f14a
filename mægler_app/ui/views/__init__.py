"""The main views, in navigation order. A feature adds its view class here (one line)."""

from __future__ import annotations

from .base import View
from .meetings import MeetingsView
from .overview import OverviewView
from .simple import ApplicationsView, CompaniesView, NetworksView, SyncView

VIEW_CLASSES: list[type[View]] = [
    OverviewView,
    CompaniesView,
    NetworksView,
    MeetingsView,
    ApplicationsView,
    SyncView,
]
