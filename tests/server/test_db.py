"""The SQLite server database's write-ahead log is checkpointed off the requests' path."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from mægler_app.server.accounts import add_user
from mægler_app.server.db import Database


def test_the_log_is_checkpointed_in_the_background_and_truncated_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite3"
    wal = Path(f"{path}-wal")
    db = Database(f"sqlite:///{path}")
    checkpointer = db._checkpointer
    assert checkpointer is not None and checkpointer.is_alive()
    checkpointer.interval = 0.05
    db.upgrade()
    with db.engine.connect() as conn:
        # No automatic checkpoint inside a commit: that is the background thread's work.
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    for n in range(30):
        add_user(db, f"bruger{n}", "broker", "et-langt-kodeord")
    # The thread catches up, so the next writer starts the log over: it then holds the last
    # transaction only, not all thirty (the log's size in frames is what the check reports).
    checkpointer._stopping.wait(0.5)
    add_user(db, "en-mere", "broker", "et-langt-kodeord")
    with db.engine.connect() as conn:
        frames = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()[1]
    assert 0 < frames < 10
    db.dispose()
    assert not checkpointer.is_alive()
    assert not wal.exists() or wal.stat().st_size == 0
    # Nothing was lost on the way.
    again = Database(f"sqlite:///{path}")
    try:
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM app_user")).scalar() == 31
    finally:
        again.dispose()
