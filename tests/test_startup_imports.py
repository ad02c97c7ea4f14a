"""Heavy libraries stay off the start-up path: the main window paints its first view (with real
figures) before SQLAlchemy, ReportLab, requests, FastAPI, Alembic or keyring are imported; the store
loads right after the first paint. babel, the one source of number and date formats, is needed for the
figures, so it is imported (STYLE 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SETUP = r"""
import sys
from pathlib import Path
from mægler_app.store.db import open_store
from mægler_app.store.demo import fill_demo
store = open_store(Path(sys.argv[1]))
fill_demo(store)
store.close()
"""

CHECK = r"""
import json, sys
from pathlib import Path
from mægler_app.ui.app import make_application
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
app = make_application()
w = MainWindow(AppContext(profile=Path(sys.argv[1])))
w.show()
app.processEvents()
heavy = {'reportlab', 'requests', 'fastapi', 'uvicorn', 'alembic', 'sqlalchemy', 'keyring'}
loaded = sorted({m.split('.')[0] for m in sys.modules} & heavy)
print(json.dumps({"loaded": loaded, "companies": w.current_view().card_companies.value.text()}))
"""


def _run(script: str, profile: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", script, str(profile)], capture_output=True, text=True, env=env
    )


def test_first_paint_imports_no_heavy_library(tmp_path: Path) -> None:
    # The profile is created and migrated in a first process, as on a broker's laptop.
    setup = _run(SETUP, tmp_path / "p")
    assert setup.returncode == 0, setup.stderr
    check = _run(CHECK, tmp_path / "p")
    assert check.returncode == 0, check.stderr
    result = json.loads(check.stdout.strip().splitlines()[-1])
    assert result["loaded"] == [], f"heavy modules imported before the first paint: {result['loaded']}"
    assert result["companies"] == "10"  # the first view shows the profile's real figures


def test_the_real_entry_point_paints_before_importing_sqlalchemy(tmp_path: Path) -> None:
    """`maegler --exit-after-start` on an up-to-date profile: no SQLAlchemy before the first paint."""
    setup = _run(SETUP, tmp_path / "p")
    assert setup.returncode == 0, setup.stderr
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "mægler_app",
            "--profile",
            str(tmp_path / "p"),
            "--exit-after-start",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    heavy = {
        m
        for m in imported
        if m.split(".")[0] in {"sqlalchemy", "reportlab", "requests", "fastapi", "alembic", "keyring"}
    }
    assert heavy == set()
    # what the overview shows only once the store has loaded (its next actions) is imported then
    later = {"mægler_app.domain.next_actions", "mægler_app.ui.views.next_actions"}
    assert imported & later == set()


QT_NAMESPACE = r"""
import sys
import PySide6.QtCore as QtCore
from mægler_app.commands import main
code = main(["--profile", sys.argv[1], "--exit-after-start"])
print("built" if "Qt" in vars(QtCore) else "not built", code)
"""


def test_the_first_paint_does_without_the_qt_namespace(tmp_path: Path) -> None:
    """PySide builds all of Qt's enums (Qt.Key, Qt.AlignmentFlag, …) at the first use of ``Qt``,
    a good part of the start-up: the window paints before anything names it (main_window's
    _give_shortcut)."""
    setup = _run(SETUP, tmp_path / "p")
    assert setup.returncode == 0, setup.stderr
    check = _run(QT_NAMESPACE, tmp_path / "p")
    assert check.returncode == 0, check.stderr[-2000:]
    assert check.stdout.strip().splitlines()[-1] == "not built 0"
