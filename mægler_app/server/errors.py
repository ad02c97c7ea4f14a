"""Light names the command line needs before anything heavy is imported."""

from __future__ import annotations

from ..domain.vocab import Role
from ..errors import UserError


class OperatorError(UserError):
    """The base of every error the operator can fix; ``str()`` is a Danish sentence."""


ROLES = tuple(Role)
