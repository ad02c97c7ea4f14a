"""Passwords (argon2id, older scrypt hashes still read) and opaque bearer tokens (only their SHA-256
is stored).

The hash's cost is a setting (``MAEGLER_PASSWORD_COST``): ``standard`` follows RFC 9106's
low-memory recommendation (64 MiB, 3 passes) with one lane, so a check takes one core, never
both of a small server's (the bounded pool in accounts.HashPool decides how many run at once);
``test`` is cheap so the test suite stays fast. A stored hash made with other parameters, or with the scrypt of earlier
versions, is replaced at the user's next successful login (``needs_rehash``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

COST_SETTING = "MAEGLER_PASSWORD_COST"
# name → argon2id parameters (time_cost, memory_cost in KiB, parallelism)
COSTS: dict[str, tuple[int, int, int]] = {
    "standard": (3, 64 * 1024, 1),
    "test": (1, 8, 1),
}


@functools.cache
def hasher(cost: str | None = None) -> PasswordHasher:
    """The hasher for the configured cost (read once per process)."""
    name = cost or os.environ.get(COST_SETTING, "standard")
    time_cost, memory_cost, parallelism = COSTS.get(name, COSTS["standard"])
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)


def hash_password(password: str) -> str:
    return hasher().hash(password.encode("utf-8", "surrogatepass"))


def verify_password(password: str, stored: str) -> bool:
    secret = password.encode("utf-8", "surrogatepass")
    if stored.startswith("scrypt$"):
        return _verify_scrypt(secret, stored)
    try:
        return hasher().verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """A stored hash not made with today's scheme and parameters."""
    if stored.startswith("scrypt$"):
        return True
    try:
        return hasher().check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _verify_scrypt(secret: bytes, stored: str) -> bool:
    """The scheme of earlier versions (scrypt, N = 2^14): read, never written."""
    try:
        _scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(secret, salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected)


@functools.cache
def dummy_hash() -> str:
    """Checked against when the user name is unknown, so both answers take the same time."""
    return hash_password(secrets.token_urlsafe(16))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
