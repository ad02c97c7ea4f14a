"""Memory with 10.000 companies loaded: the main window's resident set, against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen python benchmarks/memory_bench.py [--companies 10000] [--runs 3]

Each figure is a fresh process's resident set size (VmRSS) once its window has painted and settled:
- baseline: a bare QMainWindow (Qt and Python alone);
- Mægler: the main window on a profile holding ``--companies`` companies (imported from a CSV by
  the service the import dialog uses), the companies view shown with every row loaded, after the
  app's own start-up steps (the store opened, ``settle_heap``).
Goal (issue 25): at most 150 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MB = 150

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hej")); w.resize(1200, 760); w.show()
QTimer.singleShot(500, app.quit)
app.exec()
print(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
"""

APP = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from mægler_app.store.db import open_store
from mægler_app.ui.app import make_application, settle_heap
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
app = make_application()
ctx = AppContext(profile=Path({profile!r}))
window = MainWindow(ctx)
window.show()
app.processEvents()
ctx.load_store()
settle_heap()
window.show_view("virksomheder")
view = window.view("virksomheder")
deadline = time.monotonic() + 120
while (view.loader.busy or view.model.rowCount() < {n}) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
for _ in range(50):
    app.processEvents()
    time.sleep(0.01)
assert view.model.rowCount() >= {n}, view.model.rowCount()
print(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
"""


def rss_kb(code: str) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.gui_stall_bench import companies_csv
    from mægler_app.store.db import open_store
    from mægler_app.store.services import csv_io

    with tempfile.TemporaryDirectory(prefix="maegler-mem-") as tmp:
        profile = Path(tmp) / "profil"
        store = open_store(profile)
        for _ in csv_io.apply_plan(store, csv_io.read_plan(store, companies_csv(args.companies, 3_000_000))):
            pass
        store.close()
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(rss_kb(BARE) / 1024)
            app.append(rss_kb(APP.format(root=str(ROOT), profile=str(profile), n=args.companies)) / 1024)
    mb, ma = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window: RSS median {mb:.0f} MB over {args.runs} runs")
    print(f"maegler, {args.companies} companies loaded: RSS median {ma:.0f} MB (ratio {ma / mb:.2f})")
    print(f"goal <= {GOAL_MB} MB: {'met' if ma <= GOAL_MB else 'NOT met'}")
    return 0 if ma <= GOAL_MB else 1


if __name__ == "__main__":
    sys.exit(main())
