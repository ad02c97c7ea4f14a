"""The window's longest stall in the moments after the first paint, on a profile set up for a server.

    QT_QPA_PLATFORM=offscreen python benchmarks/start_stall_bench.py [--runs 7]

After the first paint the app opens the full store in a worker, then sets up the sync (the
account's token is in the keyring: importing keyring and finding its backend took 200 ms, on the
GUI thread until issue 25). Each run is a fresh process (what is imported matters): a demo profile
with an account, the real ``MainWindow`` shown, the heartbeat of ``gui_stall_bench`` started, then
the app's own after-paint step (``ui.app._load_store_after_paint``), watched for 1.8 s. Prints the
median and the worst of the runs' longest stalls (goal: none over 50 ms) and where the GUI thread
was in the worst. Run it from each checkout to compare (the code is the checkout's).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, os, sys
sys.path[:0] = [{root!r}, {bench!r}]
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from gui_stall_bench import Heartbeat
from mægler_app.ui.app import _load_store_after_paint
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
ctx = AppContext(profile=Path({profile!r}))
window = MainWindow(ctx)
window.show()
app.processEvents()
beat = Heartbeat()
beat.start()
_load_store_after_paint(ctx, window)
QTimer.singleShot(1800, app.quit)
app.exec()
beat.stop()
ctx.pool.waitForDone()
print(json.dumps({{"worst": beat.worst_ms, "where": beat.where()}}))
"""

MAKE_PROFILE = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from mægler_app.store.db import open_store
from mægler_app.store.demo import fill_demo
from mægler_app.sync.credentials import Account, remember_account
store = open_store(Path({profile!r}))
fill_demo(store)
remember_account(store, Account("http://127.0.0.1:9", "maegler01", "u1", "broker"))
store.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        profile = str(Path(tmp) / "profil")
        subprocess.run(
            [sys.executable, "-c", MAKE_PROFILE.format(root=str(ROOT), profile=profile)], check=True
        )
        code = CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), profile=profile)
        results = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    stalls = [r["worst"] for r in results]
    worst = max(results, key=lambda r: r["worst"])
    print(f"code: {ROOT}")
    print(
        f"runs: {args.runs}, longest stall after the first paint (ms): "
        + ", ".join(f"{s:.0f}" for s in stalls)
    )
    print(f"median {statistics.median(stalls):.0f} ms, worst {max(stalls):.0f} ms (goal: none over 50 ms)")
    print("the GUI thread in the worst:\n  " + "\n  ".join(worst["where"][-6:]))


if __name__ == "__main__":
    main()
