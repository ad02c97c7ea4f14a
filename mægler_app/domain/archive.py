"""Archiving and deleting a company (issue 20, item 1): one rule for the laptop and the server.

A company that takes part in an active network (any stage but closed) can be neither archived nor
deleted: the network needs it, and its members' figures would change behind the broker's back.
Remove it from the network first, or close the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .messages import Message, Msg
from .stages import Stage


class Removal(StrEnum):
    ARCHIVE = "archive"
    DELETE = "delete"


def network_is_active(stage: str, deleted: bool = False) -> bool:
    """A network that still runs: not deleted and not closed."""
    return not deleted and stage != Stage.CLOSED


def removal_problems(removal: Removal, company: str, active_networks: Iterable[str]) -> list[Message]:
    """Why ``company`` cannot be archived or deleted (empty: it can): the names of the active
    networks it is a member of."""
    names = sorted({n for n in active_networks if n}, key=str.lower)
    if not names:
        return []
    code = (
        Msg.COMPANY_ARCHIVE_IN_ACTIVE_NETWORK
        if removal == Removal.ARCHIVE
        else Msg.COMPANY_DELETE_IN_ACTIVE_NETWORK
    )
    return [code(company=company, networks=", ".join(names), n=len(names))]
