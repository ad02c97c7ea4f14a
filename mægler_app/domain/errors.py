"""Errors whose message a person can read (Danish)."""


class DomainError(ValueError):
    """Bad input or a broken rule; ``str(err)`` is a Danish sentence fit for the user."""
