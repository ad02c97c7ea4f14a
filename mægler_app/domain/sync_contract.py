"""The sync contract's shared names (DESIGN.md §5): entities, server-owned fields, protocol version."""

from __future__ import annotations

from .vocab import PushStatus as PushStatus

# Version 2: the enumerated values are English (domain.vocab; the Danish ones of version 1 are
# translated by domain.legacy_vocab), and the network's trin3_* fields are stage_3_*.
PROTOCOL_VERSION = 2
PROTOCOL_HEADER = "X-Protocol-Version"
API_PREFIX = "/api/v1"

MAX_PUSH_BYTES = 5 * 1024 * 1024
MAX_BLOB_BYTES = 20 * 1024 * 1024
LOGIN_FAILURES_ALLOWED = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
TOKEN_IDLE_SECONDS = 12 * 3600
TOKEN_MAX_SECONDS = 30 * 24 * 3600
# Failed or unfinished logins one client address may make within the window, over all user names.
LOGIN_FAILURES_PER_ADDRESS = 30

# Entities that sync, in an order where a record's parents come before it.
ENTITIES: tuple[str, ...] = (
    "company",
    "contact",
    "network",
    "membership",
    "screening",
    "meeting",
    "expense",
    "application",
    "action_plan",
    "effect_measurement",
    "satisfaction",
    # --- followup
    "follow_up",  # Væksthus' follow-up on a network: a caseworker's record, read-only to brokers
)

# Fields that belong to the server: never taken from a client, only pulled.
SERVER_FIELDS: dict[str, frozenset[str]] = {
    "application": frozenset({"decision", "decision_comment", "decided_at", "bonus_ore"}),
    # --- followup
    "follow_up": frozenset({"caseworker_name"}),
}
# --- retention: a document's keep-until date is the server's (domain/retention.py computes it on
# both sides; the server sets it on push and decision, the laptop takes the server's by pull).
for _entity in ("screening", "meeting", "expense", "application"):
    SERVER_FIELDS[_entity] = SERVER_FIELDS.get(_entity, frozenset()) | {"keep_until"}
# The server's retention settings in GET /me's optional ``retention`` (protocol version 2, optional).
RETENTION_KEY = "retention"
# A purged record comes as a tombstone whose data is only this key (its purge date): the laptop
# removes the record (and its receipt file) altogether instead of keeping a deleted copy.
PURGED_KEY = "purged_on"
# --- end retention

# --- followup
# Entities a caseworker makes (and only a caseworker): the server refuses a broker's change to one.
# Each is about a broker's network (``network_id``) and is pulled, besides by every caseworker, by
# the broker who owns that network (docs/protocol.md, "follow_up").
CASEWORKER_ENTITIES: frozenset[str] = frozenset({"follow_up"})


# Pull's optional ``skip``: sequence numbers the client already holds at exactly the server's
# version (its own push coming back, told by the ``seq`` of each push answer), as ranges
# "first-last,first-last". The server leaves those records out of the pages; ``next_since`` and
# ``has_more`` are as without it. An extension of DESIGN.md §5: a client that does not send it
# gets every record. Its length is bounded well below what the HTTP server takes in a URL.
MAX_SKIP_LENGTH = 2000


def seq_ranges(seqs: list[int] | set[int]) -> list[tuple[int, int]]:
    """Consecutive numbers folded into (first, last) ranges, in order."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(seqs)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def format_skip(ranges: list[tuple[int, int]]) -> str:
    """The ranges as a ``skip`` parameter: as many as fit, lowest first (the next pages need them)."""
    parts: list[str] = []
    length = -1
    for a, b in ranges:
        part = f"{a}-{b}"
        if length + 1 + len(part) > MAX_SKIP_LENGTH:
            break
        parts.append(part)
        length += 1 + len(part)
    return ",".join(parts)


def parse_skip(text: str, largest: int) -> list[tuple[int, int]] | None:
    """The ranges of a ``skip`` parameter, or None if it is not one (the server then says why)."""
    if not text:
        return []
    if len(text) > MAX_SKIP_LENGTH:
        return None
    out = []
    for part in text.split(","):
        first, dash, last = part.partition("-")
        if not (dash and first.isascii() and first.isdigit() and last.isascii() and last.isdigit()):
            return None
        a, b = int(first), int(last)
        if a > b or b > largest:
            return None
        out.append((a, b))
    return out
