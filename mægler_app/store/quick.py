"""Standard-library-only access to a profile: the checks before opening it, and the figures the
first view shows.

Start-up paints the main window with these before SQLAlchemy is even imported (SQLAlchemy and
our models cost about three times a bare PySide6 window); the full store loads right after.
Everything here is read-only, except the writability probe.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.messages import Msg
from ..domain.timeutil import parse_stored_time, utcnow
from ..domain.vocab import OutboxStatus, Role
from ..errors import UserError

if TYPE_CHECKING:
    # domain.figures is imported where the figures are counted: a large profile's overview counts
    # them after the first paint, which then does without the module
    from ..domain.figures import RecordView

DB_NAME = "maegler.sqlite3"
MIGRATION_VERSIONS = Path(__file__).with_name("migrations") / "versions"
# The newest migration; tests/test_store.py checks it against Alembic's own head.
SCHEMA_HEAD = "0007_receipt_original"  # --- receipts


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
            Msg.PROFILE_NOT_WRITABLE(profile=str(profile), reason=os_reason(exc))
        ) from exc


def check_sqlite_file(path: Path, *, integrity: bool = True) -> None:
    """A SQLite file (its header), and with ``integrity`` not damaged (``PRAGMA quick_check``, which
    reads every page: 20 ms at scale 1, ten times that at 10×)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptDatabaseError(Msg.DATABASE_NOT_MAEGLER(path=str(path)))
    if not integrity:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(Msg.DATABASE_DAMAGED(path=str(path), detail=str(exc))) from exc
    if not row:
        raise CorruptDatabaseError(Msg.DATABASE_CHECK_SILENT(path=str(path)))
    if row[0] != "ok":
        raise CorruptDatabaseError(Msg.DATABASE_CHECK_FAILED(path=str(path), detail=str(row[0])))


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


def precheck(profile: Path, *, integrity: bool = True) -> bool:
    """Check a profile before opening it. True when its database is present and up to date, so the
    full store can load after the window has painted; False when it must be created or migrated first.
    Raises StoreError (Danish) for a folder that cannot be written, a corrupt or a newer database.

    ``integrity=False`` (the window's start-up): the file's header only; the whole file is checked
    when the store opens (``open_store``, after the first paint, or before a migration)."""
    check_writable(profile)
    path = profile / DB_NAME
    check_sqlite_file(path, integrity=integrity)
    try:
        revision = schema_revision(path)
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(Msg.DATABASE_UNREADABLE(path=str(path), detail=str(exc))) from exc
    if revision == SCHEMA_HEAD:
        return True
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(Msg.DATABASE_NEWER(profile=str(profile), revision=revision))
    return False


@dataclass(frozen=True)
class Figures:
    companies: int
    networks_by_stage: dict[str, int]
    # Networks that reached trin 1, ever and this (Danish) year: domain.figures, as /stats counts.
    established: int
    established_this_year: int
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


def _time_text(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value if isinstance(value, str) else None


def network_view(
    id: str,
    owner_id: str | None,
    deleted: bool,
    stage: str,
    stage_history: Any,
    stage_changed_at: dt.datetime | str | None,
    updated_at: dt.datetime | str | None,
) -> RecordView:
    """A laptop's network row (from sqlite3 here, or the ORM) as ``domain.figures`` reads it.

    The laptop keeps no creation time; a network with no history counts its stage as of its last
    stage change, else its last change.
    """
    from ..domain.figures import RecordView

    history = json.loads(stage_history) if isinstance(stage_history, str) else stage_history
    data: dict[str, Any] = {"stage": stage, "stage_history": history}
    changed = _time_text(stage_changed_at)
    if changed is not None:
        data["stage_changed_at"] = changed
    stored = updated_at if isinstance(updated_at, dt.datetime) else parse_stored_time(updated_at)
    return RecordView("network", id, owner_id or "", bool(deleted), data, stored or utcnow())


NETWORK_COLUMNS = "id, owner_id, deleted, stage, stage_history, stage_changed_at, updated_at"


def established_networks(networks: Iterable[RecordView], now: dt.datetime | None = None) -> tuple[int, int]:
    """(established ever, established this Danish year) among ``networks``: the programme's figure."""
    from ..domain.figures import danish_year, programme_figures

    report = programme_figures(networks)["total"]
    year = str(danish_year(now or utcnow()))
    this_year = report["by_year"].get(year, {}).get("figures", {}).get("networks", 0)
    return int(report["figures"]["networks"]), int(this_year)


def network_count(profile: Path) -> int:
    """Live networks (a millisecond): tells whether ``figures`` is quick enough for the GUI thread."""
    path = profile / DB_NAME
    if not path.exists():
        return 0
    con = _connect_ro(path)
    try:
        return int(con.execute("SELECT count(*) FROM network WHERE deleted = 0").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def figures(profile: Path) -> Figures:
    con = _connect_ro(profile / DB_NAME)
    try:
        companies = con.execute("SELECT count(*) FROM company WHERE deleted = 0 AND archived = 0").fetchone()[
            0
        ]
        networks = [
            network_view(*row)
            for row in con.execute(f"SELECT {NETWORK_COLUMNS} FROM network WHERE deleted = 0")
        ]
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
    established, this_year = established_networks(networks)
    return Figures(
        companies=int(companies),
        networks_by_stage={str(k): int(v) for k, v in stages.items()},
        established=established,
        established_this_year=this_year,
        expenses_ore=int(spent),
        frames_opened=int(opened),
        pending=pending,
        conflicts=conflicts,
        rejected=rejected,
        last_sync=None if last is None else str(last),
    )
