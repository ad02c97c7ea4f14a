"""Users, logins (with the failed-login window) and bearer tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

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


def add_user(db: Database, username: str, role: str, password: str) -> User:
    username = username.strip()
    if not username:
        raise AccountError("Brugernavnet må ikke være tomt.")
    if len(username) > MAX_USERNAME or "\x00" in username:
        raise AccountError(f"Brugernavnet må højst være {MAX_USERNAME} tegn og kun almindelige tegn.")
    if role not in ROLES:
        raise AccountError(f"Rollen skal være broker eller caseworker, ikke »{role}«.")
    if len(password) < 8:
        raise AccountError("Adgangskoden skal være mindst 8 tegn.")
    user = User(
        id=str(uuid.uuid4()),
        username=username,
        role=role,
        password_hash=hash_password(password),
        created_at=utcnow(),
    )
    try:
        with db.write_plain() as s:
            s.add(user)
    except IntegrityError:
        raise AccountError(f"Brugeren »{username}« findes allerede.") from None
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
            raise TooManyAttemptsError(
                "For mange mislykkede logins for denne bruger. Vent et kvarter, og prøv igen."
            )
        user = s.scalar(select(User).where(User.username == username))
    ok = verify_password(password, user.password_hash if user else DUMMY_HASH)
    with db.write_plain() as s:
        if user is None or not ok:
            s.add(LoginFailure(username=username, at=now))
            raise_bad = True
        else:
            s.execute(delete(LoginFailure).where(LoginFailure.username == username))
            token = new_token()
            s.add(Token(token_hash=token_hash(token), user_id=user.id, created_at=now, last_used_at=now))
            raise_bad = False
    if raise_bad or user is None:
        raise BadCredentialsError("Forkert brugernavn eller adgangskode.")
    return Login(token=token, expires_at=expires_at(now, now), user=user)


def expires_at(created: dt.datetime, last_used: dt.datetime) -> dt.datetime:
    return min(
        last_used + dt.timedelta(seconds=TOKEN_IDLE_SECONDS),
        created + dt.timedelta(seconds=TOKEN_MAX_SECONDS),
    )


def authenticate(db: Database, token: str) -> User | None:
    """The token's user, or None if it is unknown, revoked or expired."""
    now = utcnow()
    with db.session() as s:
        row = s.get(Token, token_hash(token))
        if row is None or row.revoked or expires_at(row.created_at, row.last_used_at) <= now:
            return None
        user = s.get(User, row.user_id)
        if user is None:
            return None
        s.expunge(user)
        stale = now - row.last_used_at > TOUCH_EVERY
    if stale:
        with db.write_plain() as s:
            s.execute(update(Token).where(Token.token_hash == token_hash(token)).values(last_used_at=now))
    return user


def logout(db: Database, token: str) -> None:
    with db.write_plain() as s:
        s.execute(update(Token).where(Token.token_hash == token_hash(token)).values(revoked=True))
