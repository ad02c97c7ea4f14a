"""The client's address as login throttling counts it.

The socket's peer is the client, unless the peer is a reverse proxy the operator named as trusted
(``MAEGLER_TRUSTED_PROXIES``: addresses or networks, comma-separated, e.g. ``127.0.0.1,10.0.0.0/8``).
Then ``X-Forwarded-For`` is read from the right, skipping trusted proxies: the first address that
is not one is the client. A header from anyone else is ignored, so a client cannot choose the
address it is counted under. (uvicorn's own proxy-header handling is switched off: this is the one
place that decides.)
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable

from starlette.requests import Request

TRUSTED_PROXIES_SETTING = "MAEGLER_TRUSTED_PROXIES"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """``"127.0.0.1, 10.0.0.0/8"`` → networks; raises ValueError naming a bad entry."""
    out: list[Network] = []
    for part in text.split(","):
        part = part.strip()
        if part:
            out.append(ipaddress.ip_network(part, strict=False))
    return tuple(out)


def trusted_from_env() -> tuple[Network, ...]:
    return parse_networks(os.environ.get(TRUSTED_PROXIES_SETTING, ""))


def _is_trusted(address: str, trusted: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in trusted)


def client_address(request: Request, trusted: tuple[Network, ...]) -> str:
    peer = request.client.host if request.client else ""
    if not trusted or not _is_trusted(peer, trusted):
        return peer[:64]
    forwarded = [a.strip() for h in request.headers.getlist("x-forwarded-for") for a in h.split(",")]
    for address in reversed(forwarded):
        if address and not _is_trusted(address, trusted):
            return address[:64]
    return peer[:64]
