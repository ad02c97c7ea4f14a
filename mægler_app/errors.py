"""The one error every layer may raise for a mistake the user can fix.

It sits at the bottom of the package (no imports) so that the store, the sync client, the server
and the command line share it: the command line answers any ``UserError`` with its Danish text on
stderr and exit status 1 (DESIGN.md §6), whichever layer raised it.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix; ``str()`` is a Danish sentence."""
