"""Money arithmetic in integer øre. Reading and showing amounts (``1.234,50`` ↔ 123450 øre)
lives in ``domain.numbers``."""

from __future__ import annotations

from .errors import DomainError
from .messages import Msg


class MoneyError(DomainError):
    pass


def percent_of(ore: int, percent: int) -> int:
    """``percent`` % of an amount, rounded half up to whole øre."""
    return (ore * percent + 50) // 100


def split_by_basis_points(total_ore: int, shares: list[int]) -> list[int]:
    """Split ``total_ore`` by shares in basis points (sum 10.000) so the parts add up exactly.

    Largest-remainder method: each part is floored, the øre left over go to the largest remainders.
    """
    if sum(shares) <= 0:
        raise MoneyError(Msg.SPLIT_EMPTY())
    denom = sum(shares)
    raw = [total_ore * s for s in shares]
    parts = [r // denom for r in raw]
    left = total_ore - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(raw[i] % denom), i))
    for i in order[:left]:
        parts[i] += 1
    return parts
