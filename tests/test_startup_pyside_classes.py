"""PySide makes the Python class of a Qt class when it is first named or met. The app's way to its
first paint meets only what it shows: no filter on the application, which saw the events of every
object, Qt's own among them, and made PySide build the class of every Qt class it has to hand one
of those to Python (the window's first paint is told by its status bar, main_window._StatusBar). Nor
the classes of inputs the first view does not have (keyboard.py names them where used, ~0.2 ms each),
nor of events the window only names in annotations, nor the crash dialog's (crash_dialog.py)."""

from __future__ import annotations

from pathlib import Path

from tests.fresh_python import last_line, seen_at_first_paint

SETUP = r"""
import sys
from pathlib import Path
from mægler_app.store.db import open_store
from mægler_app.store.demo import fill_demo
store = open_store(Path(sys.argv[1]))
fill_demo(store)
store.close()
"""

PRELUDE = r"""
import PySide6.QtGui as QtGui
import PySide6.QtWidgets as QtWidgets
"""

AT_PAINT = r"""
# classes no start-up names: made only when PySide makes every class it has
unused = ("QWizard", "QCalendarWidget", "QGraphicsScene", "QMdiArea", "QMessageBox")
# the inputs keyboard.py names (the overview has none), and the events main_window only annotates
unused += ("QLineEdit", "QComboBox", "QFormLayout", "QTabWidget", "QScrollArea", "QRadioButton")
unused += ("QDialog", "QDialogButtonBox", "QPlainTextEdit")  # the crash dialog's, made when shown
seen["made"] = [name for name in unused if name in vars(QtWidgets)]
seen["made"] += [name for name in ("QKeyEvent", "QShortcut", "QMouseEvent", "QEnterEvent") if name in vars(QtGui)]
"""


def test_the_first_paint_makes_no_class_it_does_not_use(tmp_path: Path) -> None:
    last_line(SETUP, str(tmp_path / "p"))
    seen = seen_at_first_paint(tmp_path / "p", PRELUDE, AT_PAINT)
    assert seen == {"made": [], "code": 0}
