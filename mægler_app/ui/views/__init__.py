"""The main views, in navigation order: (key, title, shortcut, the function that imports the class).

Views are imported when first shown, so start-up pays only for Overblik: each is registered by a
small function that imports its class (an import statement, which the bundle's analysis sees).
A feature replaces or adds its line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...domain.vocab import Role
from .base import View


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    shortcut: str
    view_class: Callable[[], type[View]]  # imports the view's module, gives its class
    roles: tuple[str, ...] = ()  # the profile roles that see it; () for everyone

    def shown_to(self, role: str) -> bool:
        return not self.roles or role in self.roles

    def load(self) -> type[View]:
        cls = self.view_class()
        assert issubclass(cls, View) and cls.key == self.key, f"{cls} is not the view {self.key}"
        return cls


# The broker's own views: a local profile (role "") is a broker's too.
BROKER = ("", Role.BROKER)
CASEWORKER = (Role.CASEWORKER,)


def _inbox() -> type[View]:
    from ..desk.inbox import InboxView

    return InboxView


def _programme() -> type[View]:
    from ..programme.view import ProgrammeView

    return ProgrammeView


def _brokers() -> type[View]:
    from ..programme.brokers import BrokersView

    return BrokersView


def _overview() -> type[View]:
    from .overview import OverviewView

    return OverviewView


def _networks() -> type[View]:
    from ..networks.view import NetworksView

    return NetworksView


def _companies() -> type[View]:
    from ..companies.view import CompaniesView

    return CompaniesView


def _meetings() -> type[View]:
    from .meetings import MeetingsView

    return MeetingsView


def _applications() -> type[View]:
    from ..application.view import ApplicationsView

    return ApplicationsView


def _forms() -> type[View]:
    from ..forms.publish_view import FormsView

    return FormsView


def _sync() -> type[View]:
    from ..sync.view import SyncView

    return SyncView


VIEWS: list[ViewSpec] = [
    ViewSpec("indbakke", "Indbakke", "Ctrl+1", _inbox, roles=CASEWORKER),
    ViewSpec("programmet", "Programmet", "Ctrl+9", _programme, roles=CASEWORKER),
    ViewSpec("maeglere", "Mæglere", "Ctrl+8", _brokers, roles=CASEWORKER),
    ViewSpec("overblik", "Overblik", "Ctrl+1", _overview, roles=BROKER),
    ViewSpec("netvaerk", "Netværk", "Ctrl+3", _networks, roles=CASEWORKER),
    ViewSpec("virksomheder", "Virksomheder", "Ctrl+2", _companies),
    ViewSpec("netvaerk", "Netværk", "Ctrl+3", _networks, roles=BROKER),
    ViewSpec("moeder", "Møder og udgifter", "Ctrl+4", _meetings, roles=BROKER),
    ViewSpec("ansoegninger", "Ansøgninger", "Ctrl+5", _applications, roles=BROKER),
    ViewSpec("skemaer", "Skemaer", "Ctrl+7", _forms, roles=CASEWORKER),
    ViewSpec("synkronisering", "Synkronisering", "Ctrl+6", _sync),
]
