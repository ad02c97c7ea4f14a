"""Users, logins (with the failed-login window) and bearer tokens."""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Result, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from ..domain.messages import Msg
from ..domain.sync_contract import (
    LOGIN_FAILURE_WINDOW_SECONDS,
    LOGIN_FAILURES_ALLOWED,
    LOGIN_FAILURES_PER_ADDRESS,
    TOKEN_IDLE_SECONDS,
    TOKEN_MAX_SECONDS,
)
from ..domain.timeutil import utcnow
from .db import Database
from .errors import ROLES, OperatorError
from .models import LoginFailure, Token, User
from .security import dummy_hash, hash_password, needs_rehash, new_token, token_hash, verify_password

MAX_USERNAME = 100
MIN_PASSWORD = 8
MAX_DISPLAY_NAME = 200
# last_used is written at most this often, so an active client does not write on every request.
TOUCH_EVERY = dt.timedelta(seconds=60)
# The setting that overrides LOGIN_FAILURES_PER_ADDRESS (a test server, a busy office behind one NAT).
PER_ADDRESS_SETTING = "MAEGLER_LOGIN_FAILURES_PER_ADDRESS"
PURGE_EVERY_SECONDS = 60.0
ADDRESS_BLOCK_SECONDS = 10.0
# Logins that may wait for a password check per process before the server answers 503, and the
# failed checks one process allows per second (a bucket of HASH_BURST; a successful check gives
# its share back, so brokers logging in together are never held up): at the standard cost on the
# 2-core test machine (0.26 s a check) a quarter of a core (benchmarks/login_flood_bench.py: 2/s
# let a flood double a broker's pull p99 on PostgreSQL, 1/s kept it under 2x).
HASH_QUEUE = 8
HASH_RATE = 1.0
HASH_RATE_SETTING = "MAEGLER_LOGIN_HASH_RATE"
HASH_BURST = 6
# Seconds a refused login (wrong password, throttled, busy) waits before its answer; a setting so
# the test suite, which fails logins on purpose, need not wait.
REFUSAL_DELAY_SETTING = "MAEGLER_LOGIN_REFUSAL_DELAY"
REFUSAL_DELAY_SECONDS = 1.0


def refusal_delay_from_env() -> float:
    raw = os.environ.get(REFUSAL_DELAY_SETTING, "")
    try:
        value = float(raw) if raw else REFUSAL_DELAY_SECONDS
    except ValueError:
        return REFUSAL_DELAY_SECONDS
    return value if 0 <= value <= 10 else REFUSAL_DELAY_SECONDS


class AccountError(OperatorError):
    """``str()`` is a Danish sentence."""


class TooManyAttemptsError(AccountError):
    pass


class AddressThrottledError(TooManyAttemptsError):
    """Too many attempts from one address, whatever the names."""


class BadCredentialsError(AccountError):
    pass


@dataclass(frozen=True)
class Login:
    token: str
    expires_at: dt.datetime
    user: User


def add_user(db: Database, username: str, role: str, password: str, display_name: str = "") -> User:
    username = username.strip()
    display_name = " ".join(display_name.split())
    if not username:
        raise AccountError(Msg.ACCOUNT_USERNAME_MISSING())
    if len(username) > MAX_USERNAME or "\x00" in username:
        raise AccountError(Msg.ACCOUNT_USERNAME_TOO_LONG(maximum=MAX_USERNAME))
    if len(display_name) > MAX_DISPLAY_NAME or "\x00" in display_name:
        raise AccountError(Msg.ACCOUNT_NAME_TOO_LONG(maximum=MAX_DISPLAY_NAME))
    if role not in ROLES:
        raise AccountError(Msg.ACCOUNT_ROLE_UNKNOWN(role=role))
    if len(password) < MIN_PASSWORD:
        raise AccountError(Msg.ACCOUNT_PASSWORD_TOO_SHORT(minimum=MIN_PASSWORD))
    user = User(
        id=str(uuid.uuid4()),
        username=username,
        role=role,
        password_hash=hash_password(password),
        created_at=utcnow(),
        display_name=display_name,
    )
    try:
        with db.write() as s:
            s.add(user)
    except IntegrityError:
        raise AccountError(Msg.ACCOUNT_EXISTS(username=username)) from None
    return user


@dataclass(frozen=True)
class LoginLimits:
    """How many attempts a window allows: per user name from one address, and per address over all
    names (a flood of made-up names). Both counted in the database, so every process agrees."""

    per_name: int = LOGIN_FAILURES_ALLOWED
    per_address: int = LOGIN_FAILURES_PER_ADDRESS
    window: dt.timedelta = dt.timedelta(seconds=LOGIN_FAILURE_WINDOW_SECONDS)

    @classmethod
    def from_env(cls) -> LoginLimits:
        raw = os.environ.get(PER_ADDRESS_SETTING, "")
        return cls(per_address=int(raw)) if raw.isdigit() and int(raw) > 0 else cls()


@dataclass(frozen=True)
class Attempt:
    """A login attempt written before its password is checked (``begin_login``)."""

    id: int
    username: str
    address: str
    user: User | None
    stored_hash: str


def begin_login(db: Database, username: str, address: str, limits: LoginLimits) -> Attempt:
    """Write the attempt, then count: each of many parallel attempts sees those written before it,
    so no more than the limit ever reach the password check (the count is never read before the
    attempt it judges is written). Raises TooManyAttemptsError past either limit."""
    now = utcnow()
    with db.write() as s:
        row = LoginFailure(username=username, address=address, at=now)
        s.add(row)
        s.flush()
        attempt_id = row.id
    since = now - limits.window
    with db.session() as s:
        per_name = s.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(
                LoginFailure.username == username, LoginFailure.address == address, LoginFailure.at > since
            )
        )
        per_address = s.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(LoginFailure.address == address, LoginFailure.at > since)
        )
        if (per_name or 0) > limits.per_name:
            raise TooManyAttemptsError(Msg.AUTH_TOO_MANY_ATTEMPTS())
        if (per_address or 0) > limits.per_address:
            raise AddressThrottledError(Msg.AUTH_TOO_MANY_FROM_ADDRESS())
        user = s.scalar(select(User).where(User.username == username))
        if user is not None:
            s.expunge(user)
    return Attempt(attempt_id, username, address, user, user.password_hash if user else dummy_hash())


def finish_login(db: Database, attempt: Attempt, password: str, ok: bool) -> Login:
    """After the password check: a success removes the name's attempts from that address, issues a
    token and brings an outdated hash up to today's parameters; a failure leaves the attempt counted."""
    user = attempt.user
    if user is None or not ok:
        raise BadCredentialsError(Msg.AUTH_BAD_CREDENTIALS())
    rehashed = hash_password(password) if needs_rehash(attempt.stored_hash) else None
    now = utcnow()
    token = new_token()
    with db.write() as s:
        s.execute(
            delete(LoginFailure).where(
                (LoginFailure.id == attempt.id)
                | ((LoginFailure.username == attempt.username) & (LoginFailure.address == attempt.address))
            )
        )
        if rehashed is not None:
            s.execute(update(User).where(User.id == user.id).values(password_hash=rehashed))
        s.add(Token(token_hash=token_hash(token), user_id=user.id, created_at=now, last_used_at=now))
    return Login(token=token, expires_at=expires_at(now, now), user=user)


def login(
    db: Database, username: str, password: str, address: str = "", limits: LoginLimits | None = None
) -> Login:
    """One login from start to end in this thread (the CLI, tests); the app runs the same steps with
    the password check in its own bounded pool (``HashPool``)."""
    attempt = begin_login(db, username, address, limits or LoginLimits())
    return finish_login(db, attempt, password, verify_password(password, attempt.stored_hash))


def purge_stale(db: Database, now: dt.datetime | None = None) -> tuple[int, int]:
    """Remove login attempts older than the window and tokens that can no longer be used (revoked,
    idle too long, or past their lifetime). Returns (attempts, tokens) removed."""
    now = now or utcnow()
    window = dt.timedelta(seconds=LOGIN_FAILURE_WINDOW_SECONDS)
    with db.write() as s:
        attempts = _removed(s.execute(delete(LoginFailure).where(LoginFailure.at <= now - window)))
        tokens = _removed(
            s.execute(
                delete(Token).where(
                    Token.revoked.is_(True)
                    | (Token.last_used_at <= now - dt.timedelta(seconds=TOKEN_IDLE_SECONDS))
                    | (Token.created_at <= now - dt.timedelta(seconds=TOKEN_MAX_SECONDS))
                )
            )
        )
    return attempts, tokens


def _removed(result: Result[Any]) -> int:
    return int(cast(CursorResult[Any], result).rowcount or 0)


class Purger:
    """Runs ``purge_stale`` at most once per interval per process, from the login path."""

    def __init__(self, every: float = PURGE_EVERY_SECONDS) -> None:
        self.every = every
        self._last = -math.inf
        self._lock = threading.Lock()

    def maybe(self, db: Database) -> None:
        with self._lock:
            if time.monotonic() - self._last < self.every:
                return
            self._last = time.monotonic()
        purge_stale(db)


class AddressBlocks:
    """Addresses refused for a flood of attempts, answered without touching the database for a few
    seconds: the database count decides again afterwards, so every process keeps the same limit."""

    def __init__(self, seconds: float = ADDRESS_BLOCK_SECONDS, size: int = 10_000) -> None:
        self.seconds = seconds
        self.size = size
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def blocked(self, address: str) -> bool:
        with self._lock:
            until = self._until.get(address)
            if until is None:
                return False
            if time.monotonic() >= until:
                del self._until[address]
                return False
            return True

    def block(self, address: str) -> None:
        with self._lock:
            if len(self._until) >= self.size:
                self._until.clear()
            self._until[address] = time.monotonic() + self.seconds


class ServerBusyError(AccountError):
    pass


class HashPool:
    """Password checks run here, never in the threads that serve the database: at most ``workers``
    hashes at once per process, at most ``queue`` waiting, and at most ``rate`` started per second
    (a bucket of ``burst``; a check that succeeds gives its share back), so a flood of wrong
    passwords costs a bounded share of one core and never holds up a logged-in broker's pull or push.
    While a flood lasts, a login refused for the budget is told to try again in a moment (503 with
    Retry-After)."""

    def __init__(
        self,
        workers: int | None = None,
        queue: int = HASH_QUEUE,
        rate: float = HASH_RATE,
        burst: int = HASH_BURST,
    ) -> None:
        self.workers = workers or max(1, (os.cpu_count() or 2) // 2)
        self.queue = queue
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._refilled = time.monotonic()
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="password")
        self._waiting = 0
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> HashPool:
        """The pool with the checks-per-second budget of ``MAEGLER_LOGIN_HASH_RATE`` when set (the
        test suite logs in hundreds of users a minute)."""
        try:
            rate = float(os.environ.get(HASH_RATE_SETTING, "") or HASH_RATE)
        except ValueError:
            rate = HASH_RATE
        rate = rate if rate > 0 else HASH_RATE
        return cls(rate=rate, burst=max(HASH_BURST, round(rate * HASH_BURST)))

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(float(self.burst), self._tokens + (now - self._refilled) * self.rate)
        self._refilled = now

    def full(self) -> bool:
        with self._lock:
            self._refill()
            return self._waiting >= self.workers + self.queue or self._tokens < 1

    async def verify(self, password: str, stored: str) -> bool:
        with self._lock:
            self._refill()
            if self._waiting >= self.workers + self.queue or self._tokens < 1:
                raise ServerBusyError(Msg.AUTH_SERVER_BUSY())
            self._tokens -= 1
            self._waiting += 1
        ok = False
        try:
            loop = asyncio.get_running_loop()
            ok = await loop.run_in_executor(self._pool, verify_password, password, stored)
            return ok
        finally:
            with self._lock:
                self._waiting -= 1
                if ok:
                    # only failed checks spend the budget: a morning's burst of brokers logging in
                    # is never told to wait; a flood of guesses soon is
                    self._tokens = min(float(self.burst), self._tokens + 1)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def expires_at(created: dt.datetime, last_used: dt.datetime) -> dt.datetime:
    return min(
        last_used + dt.timedelta(seconds=TOKEN_IDLE_SECONDS),
        created + dt.timedelta(seconds=TOKEN_MAX_SECONDS),
    )


def authenticate(db: Database, token: str) -> User | None:
    """The token's user, or None if it is unknown, revoked or expired."""
    found = check_token(db, token)
    return None if found is None else found[0]


# Built once (a statement made per call cost more than its round trip): the token's user by the
# token's hash, read on a plain connection, not through an ORM session.
TOKEN_USER = (
    select(
        Token.created_at,
        Token.last_used_at,
        Token.revoked,
        User.id,
        User.username,
        User.role,
        User.display_name,
    )
    .join(User, User.id == Token.user_id)
    .where(Token.token_hash == bindparam("hashed"))
)


def check_token(db: Database, token: str) -> tuple[User, dt.datetime] | None:
    """The token's user and when the token expires (if not used again), or None."""
    now = utcnow()
    hashed = token_hash(token)
    with db.read() as conn:
        row = conn.execute(TOKEN_USER, {"hashed": hashed}).first()
    if row is None:
        return None
    created_at, last_used_at, revoked, user_id, username, role, display_name = row
    if revoked or expires_at(created_at, last_used_at) <= now:
        return None
    if now - last_used_at > TOUCH_EVERY:
        with db.write() as s:
            s.execute(update(Token).where(Token.token_hash == hashed).values(last_used_at=now))
        last_used_at = now
    user = User(id=user_id, username=username, role=role, password_hash="", display_name=display_name)
    return user, expires_at(created_at, last_used_at)


class TokenCache:
    """Recently checked tokens, so a busy client does not cost a database look-up per request.

    An entry is trusted for ``ttl`` seconds and never beyond the token's expiry as last seen;
    ``forget`` (logout) removes it at once. The cache is per server process: with
    several processes, a token logged out in one is refused by the others within ``ttl`` (1 s:
    a busy laptop still costs one token look-up a second, not one per request).
    """

    def __init__(self, ttl: float = 1.0, size: int = 10_000) -> None:
        self.ttl = ttl
        self.size = size
        self._entries: dict[str, tuple[float, dt.datetime, User]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> User | None:
        key = token_hash(token)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            checked, expires, user = entry
            if time.monotonic() - checked > self.ttl or utcnow() >= expires:
                del self._entries[key]
                return None
            return user

    def put(self, token: str, user: User, expires: dt.datetime) -> None:
        with self._lock:
            if len(self._entries) >= self.size:
                self._entries.clear()
            self._entries[token_hash(token)] = (time.monotonic(), expires, user)

    def forget(self, token: str) -> None:
        with self._lock:
            self._entries.pop(token_hash(token), None)


def logout(db: Database, token: str) -> None:
    with db.write() as s:
        s.execute(update(Token).where(Token.token_hash == token_hash(token)).values(revoked=True))
