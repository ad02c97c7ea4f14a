"""Standard-library-only access to a profile: the checks before opening it, and the figures the
first view shows.

Start-up paints the main window with these before SQLAlchemy is even imported (SQLAlchemy and
our models cost about three times a bare PySide6 window); the full store loads right after.
Everything here is read-only, except the writability probe.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..domain.vocab import OutboxStatus, Role
from ..errors import UserError

DB_NAME = "maegler.sqlite3"
MIGRATION_VERSIONS = Path(__file__).with_name("migrations") / "versions"
# The newest migration; tests/test_store.py checks it against Alembic's own head.
SCHEMA_HEAD = "0003"


class StoreError(UserError):
    """A problem with the profile or its database; ``str()`` is a Danish sentence for the user."""


class ProfileNotWritableError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


def check_writable(profile: Path) -> None:
    try:
        profile.mkdir(parents=True, exist_ok=True)
        probe = profile / ".skrivetest"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        from ..domain.errors import os_reason  # the system's own text is English: say why in Danish

        raise ProfileNotWritableError(
            f"Profilmappen {profile} kan ikke bruges: Mægler kan ikke skrive i den ({os_reason(exc)}). "
            "Vælg en anden mappe med --profile, eller ret mappens rettigheder."
        ) from exc


def check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget eller er ikke en Mægler-database. Den er ikke ændret. "
            "Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier', eller kontakt Væksthus."
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget ({exc}). Den er ikke ændret. "
            "Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier', eller kontakt Væksthus."
        ) from exc
    if not row or row[0] != "ok":
        raise CorruptDatabaseError(
            f"Databasen {path} er beskadiget (integritetstjek: {row[0] if row else 'intet svar'}). "
            "Den er ikke ændret. Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier'."
        )


def known_revisions() -> set[str]:
    """Revision ids of the bundled migrations, read from the files (no Alembic import)."""
    found = set()
    for path in MIGRATION_VERSIONS.glob("*.py"):
        match = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", path.read_text(encoding="utf-8"), re.M)
        if match:
            found.add(match.group(1))
    return found


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def schema_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = _connect_ro(path)
    try:
        if not con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone():
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def precheck(profile: Path) -> bool:
    """Check a profile before opening it. True when its database is present and up to date, so the
    full store can load after the window has painted; False when it must be created or migrated first.
    Raises StoreError (Danish) for a folder that cannot be written, a corrupt or a newer database."""
    check_writable(profile)
    path = profile / DB_NAME
    check_sqlite_file(path)
    try:
        revision = schema_revision(path)
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(f"Databasen {path} kan ikke læses ({exc}). Den er ikke ændret.") from exc
    if revision == SCHEMA_HEAD:
        return True
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"Databasen i {profile} er lavet af en nyere version af Mægler (skema {revision}). "
            "Opdatér Mægler for at åbne den; databasen er ikke ændret."
        )
    return False


@dataclass(frozen=True)
class Figures:
    companies: int
    networks_by_stage: dict[str, int]
    expenses_ore: int
    frames_opened: int
    pending: int
    conflicts: int
    rejected: int
    last_sync: str | None


def outbox_counts(profile: Path) -> tuple[int, int, int]:
    """(pending, conflicts, rejected) outbox entries."""
    path = profile / DB_NAME
    if not path.exists():
        return 0, 0, 0
    con = _connect_ro(path)
    try:
        rows = dict(con.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
    except sqlite3.OperationalError:
        return 0, 0, 0
    finally:
        con.close()
    return (
        int(rows.get(OutboxStatus.PENDING, 0)),
        int(rows.get(OutboxStatus.CONFLICT, 0)),
        int(rows.get(OutboxStatus.REJECTED, 0)),
    )


def local_state(profile: Path, key: str) -> object:
    import json

    path = profile / DB_NAME
    if not path.exists():
        return None
    con = _connect_ro(path)
    try:
        row = con.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    return None if row is None else json.loads(row[0])


def role_of(user: object, account: object) -> str:
    """The profile's role from its stored ``user`` (login, ``/me``) and ``account`` values: a known
    ``Role`` value, or "" for a local profile that never logged in."""
    for value in (user, account):
        role = value.get("role") if isinstance(value, dict) else None
        if isinstance(role, str) and role in {r.value for r in Role}:
            return role
    return ""


def profile_role(profile: Path) -> str:
    """``role_of`` read without the store, for the main window's navigation at start-up."""
    return role_of(local_state(profile, "user"), local_state(profile, "account"))


def figures(profile: Path) -> Figures:
    con = _connect_ro(profile / DB_NAME)
    try:
        companies = con.execute("SELECT count(*) FROM company WHERE deleted = 0").fetchone()[0]
        stages = dict(
            con.execute("SELECT stage, count(*) FROM network WHERE deleted = 0 GROUP BY stage").fetchall()
        )
        spent = con.execute(
            "SELECT coalesce(sum(amount_ore), 0) FROM expense WHERE deleted = 0 AND status = 'final'"
        ).fetchone()[0]
        opened = con.execute(
            "SELECT count(*) FROM network WHERE deleted = 0 AND facilitation_opened_on IS NOT NULL"
        ).fetchone()[0]
    finally:
        con.close()
    pending, conflicts, rejected = outbox_counts(profile)
    last = local_state(profile, "last_sync")
    return Figures(
        companies=int(companies),
        networks_by_stage={str(k): int(v) for k, v in stages.items()},
        expenses_ore=int(spent),
        frames_opened=int(opened),
        pending=pending,
        conflicts=conflicts,
        rejected=rejected,
        last_sync=None if last is None else str(last),
    )
