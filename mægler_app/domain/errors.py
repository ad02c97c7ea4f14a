"""Errors whose message a person can read: a message code with parameters (``domain.messages``)."""

from __future__ import annotations

from .messages import Message


class DomainError(ValueError):
    """Bad input or a broken rule. ``err.message`` is the code with its parameters; ``str(err)`` is
    the Danish sentence. A plain string is still taken while rules move to the catalogue."""

    def __init__(self, message: Message | str, *more: Message) -> None:
        self.messages: list[Message] = [m for m in (message, *more) if isinstance(m, Message)]
        self.text = message if isinstance(message, str) else ""
        super().__init__(str(self))

    @property
    def message(self) -> Message | None:
        return self.messages[0] if self.messages else None

    def render(self, language: str = "da") -> str:
        if self.text:
            return self.text
        return " ".join(m.render(language) for m in self.messages)

    def __str__(self) -> str:
        return self.render()
