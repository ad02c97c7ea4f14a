"""The sync contract's shared names (DESIGN.md §5): entities, server-owned fields, protocol version."""

from __future__ import annotations

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Protocol-Version"
API_PREFIX = "/api/v1"

MAX_PUSH_BYTES = 5 * 1024 * 1024
MAX_BLOB_BYTES = 20 * 1024 * 1024
LOGIN_FAILURES_ALLOWED = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
TOKEN_IDLE_SECONDS = 12 * 3600
TOKEN_MAX_SECONDS = 30 * 24 * 3600

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
)

# Fields that belong to the server: never taken from a client, only pulled.
SERVER_FIELDS: dict[str, frozenset[str]] = {
    "application": frozenset({"decision", "decision_comment", "decided_at", "bonus_ore"}),
}

# Push statuses
APPLIED = "applied"
DUPLICATE = "duplicate"
CONFLICT = "conflict"
REJECTED = "rejected"

APPLICATION_STATUSES = ("draft", "submitted", "approved", "rejected")
