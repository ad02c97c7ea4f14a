"""babel, and its CLDR data, are loaded when a number or date is first written or read: not with
``domain.numbers``, and not on the way to the first paint of a profile whose first view writes no
number (a large profile's overview shows "–" until its figures are counted after the paint; the
status bar reads its counts once it has painted). Each fresh process below starts without babel,
so what it writes is what babel gives after the lazy load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIRST_USE = r"""
import datetime as dt, json, sys
from mægler_app.domain import numbers
from mægler_app.domain.language import set_process_language
before = sorted(m for m in sys.modules if m.split(".")[0] in ("babel", "decimal", "calendar"))
first = sys.argv[1]
out = {"before": before}
# the first use of each kind, in a process of its own: the lazy load gives what babel gives
if first == "parse_date":  # the month names come from babel's data too
    out["value"] = numbers.parse_date("7. marts 2025").isoformat()
elif first == "english":
    set_process_language("en")
    out["value"] = [numbers.format_date(dt.date(2025, 3, 7)), numbers.format_int(11966)]
elif first == "datetime":
    out["value"] = numbers.format_datetime(dt.datetime(2025, 3, 7, 14, 5).astimezone())
else:
    out["value"] = [numbers.format_int(-11966), numbers.format_kr(2500000), numbers.format_percent_bp(1250),
                    numbers.format_date(dt.date(2025, 3, 7)), numbers.format_date_input(dt.date(2025, 3, 7)),
                    numbers.format_date_numeric(dt.date(2025, 3, 7)), numbers.format_kr(123450, grouping=False)]
out["after"] = "babel" in sys.modules
print(json.dumps(out))
"""


def _python(script: str, *args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TZ="Europe/Copenhagen")
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def test_numbers_loads_babel_when_first_used_and_writes_what_babel_writes() -> None:
    formats = _python(FIRST_USE, "formats")
    assert formats["before"] == []
    assert formats["value"] == [
        "-11.966",
        "25.000,00 kr.",
        "12,5 %",
        "7. marts 2025",
        "7.3.2025",
        "07-03-2025",
        "1234,50 kr.",
    ]
    assert formats["after"] is True
    assert _python(FIRST_USE, "parse_date")["value"] == "2025-03-07"
    assert _python(FIRST_USE, "english")["value"] == ["7 March 2025", "11.966"]
    assert _python(FIRST_USE, "datetime")["value"] == "7. marts 2025 kl. 14.05"


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
from mægler_app.ui import app as ui_app, main_window
from mægler_app.ui.views import overview
overview.FIGURES_SYNC_LIMIT = 0  # every profile counts as large: its figures are counted after the paint
seen = {"status_reads_before_paint": 0}
painted = []
print_paint, update_status = ui_app._print_first_paint, main_window.MainWindow.update_status
def at_paint():
    painted.append(True)
    seen["babel"] = sorted(m for m in sys.modules if m.split(".")[0] == "babel")
    print_paint()
def watched_update_status(self):
    if not painted:
        seen["status_reads_before_paint"] += 1
    update_status(self)
ui_app._print_first_paint, main_window.MainWindow.update_status = at_paint, watched_update_status
from mægler_app.cli import main
seen["code"] = main(["--profile", sys.argv[1], "--exit-after-start"])
print(json.dumps(seen))
"""


def test_a_large_profile_paints_without_babel(tmp_path: Path) -> None:
    """The real entry point: the status bar's count (``12.119 ændringer ikke sendt``, what loaded
    babel before the paint for the benchmark's profile) is read once the window has painted."""
    setup = subprocess.run([sys.executable, "-c", SETUP, str(tmp_path / "p")], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr[-2000:]
    seen = _python(AT_PAINT, str(tmp_path / "p"))
    assert seen["code"] == 0
    assert seen["status_reads_before_paint"] == 0
    assert seen["babel"] == []
