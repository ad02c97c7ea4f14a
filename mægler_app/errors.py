"""The one error every layer may raise for a mistake the user can fix.

It sits at the bottom of the package (no imports) so that the store, the sync client, the server
and the command line share it: the command line answers any ``UserError`` with its Danish text on
stderr and exit status 1 (DESIGN.md §6), whichever layer raised it.
"""

from __future__ import annotations

from typing import Protocol


class Renders(Protocol):
    """A message of ``domain.messages`` (a code with its parameters), as far as this module needs it."""

    def render(self, language: str | None = None) -> str: ...


class UserError(Exception):
    """A mistake the user can fix: a message code with parameters (``domain.messages.Message``),
    or, from the few callers that build none, a text. ``str()`` is the Danish sentence."""

    def __init__(self, message: Renders | str = "") -> None:
        self.message: Renders | None = None if isinstance(message, str) else message
        super().__init__(message if isinstance(message, str) else message.render())

    def render(self, language: str | None = None) -> str:
        return self.message.render(language) if self.message is not None else str(self)
