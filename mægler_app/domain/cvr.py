"""CVR numbers: normalised to 8 digits and checked with modulus 11 (python-stdnum)."""

from __future__ import annotations

from stdnum.dk import cvr as _cvr
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError

from .errors import DomainError
from .messages import Msg


class CvrError(DomainError):
    pass


CVR_LENGTH = 8


def normalize_cvr(text: object) -> str:
    """``DK 13 58 56 28`` → ``13585628``; raises CvrError with the reason (a ``cvr_…`` message)."""
    if text is not None and not isinstance(text, str):
        raise CvrError(Msg.CVR_NOT_TEXT())
    raw = (text or "").strip()
    if not raw:
        raise CvrError(Msg.CVR_MISSING())
    compact = raw.upper().replace("DK", "", 1) if raw.upper().startswith("DK") else raw
    compact = "".join(ch for ch in compact if ch not in " -.\u00a0")
    if not compact.isdigit():
        raise CvrError(Msg.CVR_NOT_DIGITS(text=raw))
    if len(compact) != CVR_LENGTH:
        raise CvrError(Msg.CVR_WRONG_LENGTH(text=raw, expected=CVR_LENGTH, length=len(compact)))
    try:
        return str(_cvr.validate(compact))
    except InvalidChecksum:
        raise CvrError(Msg.CVR_BAD_CHECKSUM(text=raw)) from None
    except (InvalidFormat, InvalidLength, ValidationError):
        raise CvrError(Msg.CVR_INVALID(text=raw)) from None


def is_valid_cvr(text: str) -> bool:
    try:
        normalize_cvr(text)
    except CvrError:
        return False
    return True


def format_cvr(cvr: str) -> str:
    """``13585628`` → ``13 58 56 28`` for display."""
    return " ".join(cvr[i : i + 2] for i in range(0, len(cvr), 2))


def make_valid_cvr(seed: int) -> str:
    """A CVR number with a valid checksum derived from ``seed`` (demo and test data only).

    The last digit is chosen so the weighted sum (2,7,6,5,4,3,2,1) is divisible by 11; seven-digit
    prefixes whose needed check digit would be 10 are skipped.
    """
    weights = (2, 7, 6, 5, 4, 3, 2)
    n = 1_000_000 + (seed * 7919) % 8_999_999
    while True:
        digits = str(n)
        check = (-sum(w * int(d) for w, d in zip(weights, digits, strict=True))) % 11
        if check < 10:
            return digits + str(check)
        n = 1_000_000 + (n + 1 - 1_000_000) % 8_999_999
