"""What the window's first paint does without, through the real entry point (benchmarks/startup.py
times it against a bare PySide6 window):

- the log file, opened once the window has painted (what the start logs until then is kept and
  written first): opening it took ``logging.handlers`` (socket, pickle, queue), platformdirs and the
  redaction's patterns, ~10 ms of the first paint's ~170;
- ``decimal`` and ``calendar`` (``domain.numbers`` imports them where a number or a date is written
  or read, with babel), and ``domain.figures`` (a large profile's overview counts its figures after
  the paint): ~3 ms;
- ``getpass`` (with termios), the sub-commands' password prompt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.fresh_python import last_line, seen_at_first_paint

SETUP = r"""
import sys
from pathlib import Path
from mægler_app.store.db import open_store
store = open_store(Path(sys.argv[1]))
store.close()
"""

PRELUDE = r"""
import sys
from mægler_app import applog
from mægler_app.ui.views import overview
overview.FIGURES_SYNC_LIMIT = -1  # every profile counts as large (an empty one too): counted after the paint
"""

AT_PAINT = r"""
later = {"logging.handlers", "platformdirs", "socket", "decimal", "calendar", "mægler_app.domain.figures"}
later |= {"getpass"}  # a sub-command's password prompt
seen["loaded"] = sorted(later & set(sys.modules))
seen["patterns_compiled"] = applog._compiled.cache_info().currsize
seen["file_at_paint"] = applog.log_file() is not None
"""


def test_the_log_file_opens_after_the_first_paint_with_every_line(tmp_path: Path) -> None:
    last_line(SETUP, str(tmp_path / "p"))
    seen = seen_at_first_paint(
        tmp_path / "p", PRELUDE, AT_PAINT, env={"MAEGLER_LOG_DIR": str(tmp_path / "log")}
    )
    assert seen == {"loaded": [], "patterns_compiled": 0, "file_at_paint": False, "code": 0}
    text = (tmp_path / "log" / "maegler.log").read_text(encoding="utf-8")
    # the start's first line, logged before the paint, then the line on the system after it
    assert 0 <= text.index(": programmet") < text.index("start: Mægler") < text.index("exit 0")


def test_a_start_that_ends_before_its_paint_writes_its_log(tmp_path: Path) -> None:
    """A profile that cannot be opened ends the start before any window: the log still has it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAEGLER_LOG_DIR=str(tmp_path / "log"))
    damaged = tmp_path / "p"
    damaged.mkdir()
    (damaged / "maegler.sqlite3").write_bytes(b"not a database" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "mægler_app", "--profile", str(damaged), "--exit-after-start"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert ": programmet" in (tmp_path / "log" / "maegler.log").read_text(encoding="utf-8")
