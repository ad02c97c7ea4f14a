"""Money as integer øre, typed and shown the Danish way (``1.234,50`` ↔ 123450 øre)."""

from __future__ import annotations

import re

from .errors import DomainError
from .rules import ORE_PER_KRONE


class MoneyError(DomainError):
    pass


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


def parse_kr(text: str, *, allow_negative: bool = False) -> int:
    """Parse an amount typed in kroner (``1.234,50``, ``1234``, ``1.234,5 kr.``) into øre.

    Raises MoneyError with a Danish reason for anything else; never rounds silently.
    """
    if text is None:
        raise MoneyError("Beløbet mangler.")
    s = text.strip().replace("\u00a0", " ")
    for suffix in ("kr.", "kr", "DKK"):
        if s.lower().endswith(suffix.lower()):
            s = s[: -len(suffix)].strip()
            break
    s = s.replace(" ", "")
    if not s:
        raise MoneyError("Beløbet mangler.")
    negative = False
    if s[0] in "-−":
        negative = True
        s = s[1:]
    elif s[0] == "+":
        s = s[1:]
    if negative and not allow_negative:
        raise MoneyError("Beløbet må ikke være negativt.")
    if "," in s:
        whole, _, frac = s.partition(",")
        if "," in frac:
            raise MoneyError(f"»{text.strip()}« er ikke et beløb: der er mere end ét komma.")
    else:
        whole, frac = s, ""
    if whole == "":
        whole = "0"
    if _GROUPED.match(whole):
        whole = whole.replace(".", "")
    elif not _PLAIN.match(whole):
        raise MoneyError(
            f"»{text.strip()}« er ikke et beløb. Skriv fx 1.234,50 (punktum mellem tusinder, komma før øre)."
        )
    if frac and not frac.isdigit():
        raise MoneyError(f"»{text.strip()}« er ikke et beløb: efter kommaet må der kun stå cifre.")
    if len(frac) > 2:
        raise MoneyError(f"»{text.strip()}« har mere end to decimaler; et beløb angives i hele øre.")
    ore = int(whole) * ORE_PER_KRONE + int((frac + "00")[:2])
    return -ore if negative else ore


def format_int_da(n: int) -> str:
    """``11966`` → ``11.966``: a whole number with Danish thousands separators."""
    return f"{n:,}".replace(",", ".")


def format_kr(ore: int, *, suffix: bool = True) -> str:
    """``2500000`` → ``25.000,00 kr.``"""
    if not isinstance(ore, int) or isinstance(ore, bool):
        raise TypeError("beløb i øre skal være et heltal")
    sign = "-" if ore < 0 else ""
    kr, rest = divmod(abs(ore), ORE_PER_KRONE)
    text = f"{sign}{format_int_da(kr)},{rest:02d}"
    return f"{text} kr." if suffix else text


def format_kr_input(ore: int) -> str:
    """The amount as a person would type it back into a field: ``1.234,50``."""
    return format_kr(ore, suffix=False)


def percent_of(ore: int, percent: int) -> int:
    """``percent`` % of an amount, rounded half up to whole øre."""
    return (ore * percent + 50) // 100


def split_by_basis_points(total_ore: int, shares: list[int]) -> list[int]:
    """Split ``total_ore`` by shares in basis points (sum 10.000) so the parts add up exactly.

    Largest-remainder method: each part is floored, the øre left over go to the largest remainders.
    """
    if sum(shares) <= 0:
        raise MoneyError("Fordelingsnøglen er tom.")
    denom = sum(shares)
    raw = [total_ore * s for s in shares]
    parts = [r // denom for r in raw]
    left = total_ore - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(raw[i] % denom), i))
    for i in order[:left]:
        parts[i] += 1
    return parts
