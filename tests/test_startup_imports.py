"""Heavy libraries stay off the start-up path: opening the main window imports no ReportLab,
requests, FastAPI or Alembic (they load when a PDF, a sync or a migration needs them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from pathlib import Path
from mægler_app.store.db import open_store
from mægler_app.store.demo import fill_demo
store = open_store(Path(sys.argv[1]))
fill_demo(store)
store.close()
heavy_before = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'requests', 'fastapi', 'uvicorn'})
from mægler_app.ui.app import make_application
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
app = make_application()
w = MainWindow(AppContext(store=open_store(Path(sys.argv[1]))))
w.show()
app.processEvents()
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'requests', 'fastapi', 'uvicorn', 'alembic'})
print(json.dumps({"before": heavy_before, "after": heavy}))
"""


def test_main_window_start_imports_no_heavy_library(tmp_path: Path) -> None:
    # The profile is created (and migrated: Alembic) in a first process, as on a broker's laptop.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "p")], capture_output=True, text=True, env=env
    )
    assert first.returncode == 0, first.stderr
    second = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("fill_demo(store)", "pass"), str(tmp_path / "p")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert second.returncode == 0, second.stderr
    loaded = json.loads(second.stdout.strip().splitlines()[-1])
    assert loaded["after"] == [], f"heavy modules imported at start-up: {loaded['after']}"
