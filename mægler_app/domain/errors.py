"""Errors whose message a person can read: a message code with parameters (``domain.messages``)."""

from __future__ import annotations

import errno

from .messages import Message, Msg


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

    def render(self, language: str | None = None) -> str:
        if self.text:
            return self.text
        return " ".join(m.render(language) for m in self.messages)

    def __str__(self) -> str:
        return self.render()


_OS_REASONS = {
    errno.EACCES: Msg.OS_PERMISSION_DENIED,
    errno.EPERM: Msg.OS_PERMISSION_DENIED,
    errno.ENOENT: Msg.OS_NOT_FOUND,
    errno.EISDIR: Msg.OS_IS_A_DIRECTORY,
    errno.ENOSPC: Msg.OS_NO_SPACE,
    errno.EROFS: Msg.OS_READ_ONLY,
}


def os_reason(exc: OSError) -> Message:
    """Why the operating system refused a file, as a Danish clause: an OSError's own text
    (``strerror``) is in the system's language, English on most machines."""
    code = _OS_REASONS.get(exc.errno or 0)
    if code is not None:
        return code()
    return Msg.OS_OTHER(errno=exc.errno or 0, detail=exc.strerror or exc.__class__.__name__)
