"""PySide makes the Python class of a Qt class when it is first named or met. The app's way to its
first paint meets only what it shows: no filter on the application, which saw the events of every
object, Qt's own among them, and made PySide build the class of every Qt class it has to hand one
of those to Python (the window's first paint is told by its status bar, main_window._StatusBar). Nor
the classes of inputs the first view does not have (keyboard.py names them where used, ~0.2 ms each),
nor of events the window only names in annotations, nor the crash dialog's (crash_dialog.py)."""

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

AT_PAINT = r"""
import json, sys
import PySide6.QtGui as QtGui
import PySide6.QtWidgets as QtWidgets
from mægler_app.ui import app as ui_app
seen = {}
print_paint = ui_app._print_first_paint
def at_paint():
    # classes no start-up names: made only when PySide makes every class it has
    unused = ("QWizard", "QCalendarWidget", "QGraphicsScene", "QMdiArea", "QMessageBox")
    # the inputs keyboard.py names (the overview has none), and the events main_window only annotates
    unused += ("QLineEdit", "QComboBox", "QFormLayout", "QTabWidget", "QScrollArea", "QRadioButton")
    unused += ("QDialog", "QDialogButtonBox", "QPlainTextEdit")  # the crash dialog's, made when shown
    seen["made"] = [name for name in unused if name in vars(QtWidgets)]
    seen["made"] += [name for name in ("QKeyEvent", "QShortcut", "QMouseEvent", "QEnterEvent") if name in vars(QtGui)]
    print_paint()
ui_app._print_first_paint = at_paint
from mægler_app.cli import main
seen["code"] = main(["--profile", sys.argv[1], "--exit-after-start"])
print(json.dumps(seen))
"""


def test_the_first_paint_makes_no_class_it_does_not_use(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    setup = subprocess.run([sys.executable, "-c", SETUP, str(tmp_path / "p")], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr[-2000:]
    result = subprocess.run(
        [sys.executable, "-c", AT_PAINT, str(tmp_path / "p")], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"made": [], "code": 0}
