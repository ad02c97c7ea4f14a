"""Users, logins (with the failed-login window) and bearer tokens."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from ..domain.messages import Msg
from ..domain.sync_contract import (
    LOGIN_FAILURE_WINDOW_SECONDS,
    LOGIN_FAILURES_ALLOWED,
    TOKEN_IDLE_SECONDS,
    TOKEN_MAX_SECONDS,
)
from ..domain.timeutil import utcnow
from .db import Database
from .errors import ROLES, OperatorError
from .models import LoginFailure, Token, User
from .security import DUMMY_HASH, hash_password, new_token, token_hash, verify_password

MAX_USERNAME = 100
MIN_PASSWORD = 8
MAX_DISPLAY_NAME = 200
# last_used is written at most this often, so an active client does not write on every request.
TOUCH_EVERY = dt.timedelta(seconds=60)


class AccountError(OperatorError):
    """``str()`` is a Danish sentence."""


class TooManyAttemptsError(AccountError):
    pass


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


def login(db: Database, username: str, password: str) -> Login:
    now = utcnow()
    window_start = now - dt.timedelta(seconds=LOGIN_FAILURE_WINDOW_SECONDS)
    with db.session() as s:
        failures = s.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(LoginFailure.username == username, LoginFailure.at > window_start)
        )
        if (failures or 0) >= LOGIN_FAILURES_ALLOWED:
            raise TooManyAttemptsError(Msg.AUTH_TOO_MANY_ATTEMPTS())
        user = s.scalar(select(User).where(User.username == username))
    ok = verify_password(password, user.password_hash if user else DUMMY_HASH)
    with db.write() as s:
        if user is None or not ok:
            s.add(LoginFailure(username=username, at=now))
            raise_bad = True
        else:
            s.execute(delete(LoginFailure).where(LoginFailure.username == username))
            token = new_token()
            s.add(Token(token_hash=token_hash(token), user_id=user.id, created_at=now, last_used_at=now))
            raise_bad = False
    if raise_bad or user is None:
        raise BadCredentialsError(Msg.AUTH_BAD_CREDENTIALS())
    return Login(token=token, expires_at=expires_at(now, now), user=user)


def expires_at(created: dt.datetime, last_used: dt.datetime) -> dt.datetime:
    return min(
        last_used + dt.timedelta(seconds=TOKEN_IDLE_SECONDS),
        created + dt.timedelta(seconds=TOKEN_MAX_SECONDS),
    )


def authenticate(db: Database, token: str) -> User | None:
    """The token's user, or None if it is unknown, revoked or expired."""
    found = check_token(db, token)
    return None if found is None else found[0]


def check_token(db: Database, token: str) -> tuple[User, dt.datetime] | None:
    """The token's user and when the token expires (if not used again), or None."""
    now = utcnow()
    hashed = token_hash(token)
    query = (
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
        .where(Token.token_hash == hashed)
    )
    with db.session() as s:
        row = s.execute(query).first()
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
    several processes, a token logged out in one is refused by the others within ``ttl``.
    """

    def __init__(self, ttl: float = 5.0, size: int = 10_000) -> None:
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
