"""Start-up checks a database's header before the window and the whole file as the store opens
after the first paint: a damaged database is still refused, in the Danish words it always had, and
the app ends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from mægler_app.store.db import open_store
from mægler_app.store.quick import DB_NAME, CorruptDatabaseError, precheck


def _damaged(profile: Path) -> Path:
    """A real Mægler database with its last pages overwritten (the header stays a SQLite one)."""
    store = open_store(profile)
    with store.session() as s:
        s.execute(text("CREATE TABLE fyld (x TEXT)"))
        for i in range(400):
            s.execute(text("INSERT INTO fyld VALUES (:x)"), {"x": f"{i}" * 500})
    store.close()
    path = profile / DB_NAME
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(len(data) - 8 * page, len(data) - page, 7):
        data[at] = 0xA5
    path.write_bytes(bytes(data))
    return path


def test_the_header_before_the_window_the_whole_file_as_the_store_opens(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _damaged(profile)
    assert precheck(profile, integrity=False) is True  # the window may paint
    with pytest.raises(CorruptDatabaseError, match="beskadiget"):
        precheck(profile)
    with pytest.raises(CorruptDatabaseError, match="beskadiget"):
        open_store(profile)


def test_a_store_that_cannot_open_after_the_paint_is_said_and_ends_the_app(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from mægler_app.ui import app as app_module
    from mægler_app.ui.context import AppContext
    from mægler_app.ui.main_window import MainWindow

    profile = tmp_path / "p"
    _damaged(profile)
    said: list[str] = []
    ended: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QApplication.instance(), "exit", lambda code=0: ended.append(code))
    ctx = AppContext(profile=profile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    app_module._load_store_after_paint(ctx, window)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert ended == [1]
    assert "beskadiget" in said[0]
    ctx.pool.waitForDone()
