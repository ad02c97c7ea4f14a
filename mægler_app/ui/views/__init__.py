"""The main views, in navigation order: (key, title, shortcut, "module:Class").

Views are imported when first shown, so start-up pays only for Overblik. A feature replaces or
adds its line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ...domain.vocab import Role
from .base import View


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    shortcut: str
    target: str
    roles: tuple[str, ...] = ()  # the profile roles that see it; () for everyone

    def shown_to(self, role: str) -> bool:
        return not self.roles or role in self.roles

    def load(self) -> type[View]:
        module_name, _, cls_name = self.target.partition(":")
        cls: type[View] = getattr(importlib.import_module(module_name), cls_name)
        assert issubclass(cls, View) and cls.key == self.key, f"{self.target} is not the view {self.key}"
        return cls


# The broker's own views: a local profile (role "") is a broker's too.
BROKER = ("", Role.BROKER)
CASEWORKER = (Role.CASEWORKER,)

VIEWS: list[ViewSpec] = [
    ViewSpec("indbakke", "Indbakke", "Ctrl+1", "mægler_app.ui.desk.inbox:InboxView", roles=CASEWORKER),
    ViewSpec(
        "programmet", "Programmet", "Ctrl+9", "mægler_app.ui.programme.view:ProgrammeView", roles=CASEWORKER
    ),
    ViewSpec(
        "maeglere", "Mæglere", "Ctrl+8", "mægler_app.ui.programme.brokers:BrokersView", roles=CASEWORKER
    ),
    ViewSpec("overblik", "Overblik", "Ctrl+1", "mægler_app.ui.views.overview:OverviewView", roles=BROKER),
    ViewSpec("netvaerk", "Netværk", "Ctrl+3", "mægler_app.ui.networks.view:NetworksView", roles=CASEWORKER),
    ViewSpec("virksomheder", "Virksomheder", "Ctrl+2", "mægler_app.ui.companies.view:CompaniesView"),
    ViewSpec("netvaerk", "Netværk", "Ctrl+3", "mægler_app.ui.networks.view:NetworksView", roles=BROKER),
    ViewSpec(
        "moeder", "Møder og udgifter", "Ctrl+4", "mægler_app.ui.views.meetings:MeetingsView", roles=BROKER
    ),
    ViewSpec(
        "ansoegninger",
        "Ansøgninger",
        "Ctrl+5",
        "mægler_app.ui.application.view:ApplicationsView",
        roles=BROKER,
    ),
    ViewSpec("skemaer", "Skemaer", "Ctrl+7", "mægler_app.ui.forms.publish_view:FormsView", roles=CASEWORKER),
    ViewSpec("synkronisering", "Synkronisering", "Ctrl+6", "mægler_app.ui.sync.view:SyncView"),
]
